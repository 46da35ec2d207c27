#!/usr/bin/env node
// The `zg` command: runs the compiled CLI (npm's prepare step builds it into dist/cli).
require("../dist/cli/cli/main.js").main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
