#!/usr/bin/env node
// The `zg` command inside the repository: runs the compiled CLI (npm's prepare step builds it into dist/cli).
// Installed from the packed zg-<version>.tgz, `zg` is the bundled build instead (build/pack-zg.js).
"use strict";
const fs = require("fs");
const path = require("path");

const main = path.join(__dirname, "..", "dist", "cli", "cli", "main.js");
if (!fs.existsSync(main)) {
  // A web build cleaned dist/, or npm ci ran with --ignore-scripts: say which command rebuilds it, not a stack.
  process.stderr.write("zg 错误：命令行尚未编译。请在 ZG 仓库目录运行 npm run build:cli，然后重试。\n");
  process.stderr.write("zg error: the command line is not built. In the ZG repository, run npm run build:cli, then try again.\n");
  process.exitCode = 2;
} else {
  require(main).main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
