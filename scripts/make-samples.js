#!/usr/bin/env node
// Remakes assets/samples/*.xlsx from the reference data and a fixed seed (src/cli/make-samples.ts).
// Run `npm run build:cli` first (npm run samples does both). A test checks the committed files match.
const path = require("path");
const { makeSamples } = require("../dist/cli/cli/make-samples.js");

const dir = process.argv[2] ? path.resolve(process.argv[2]) : path.join(__dirname, "..", "assets", "samples");
makeSamples(dir).then(
  (files) => {
    for (const f of files) console.log(`已写入 / written: ${path.relative(process.cwd(), f)}`);
  },
  (e) => {
    console.error(e);
    process.exitCode = 1;
  },
);
