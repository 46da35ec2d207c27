#!/usr/bin/env node
// Turns assets/samples/*.xlsx into src/preview/samples.json, the sheets the browser preview opens with,
// read by the CLI's own reader (values, number formats, merges), so the preview bundle needs no ExcelJS.
// Run after `npm run build:cli`: node src/preview/make-samples-json.js
"use strict";
const fs = require("fs");
const path = require("path");
const { readWorkbookFile } = require("../../dist/cli/cli/read-xlsx.js");

const root = path.join(__dirname, "..", "..");
const files = { decomposition: "2020-decomposition.xlsx", completion: "sample-completion.xlsx" };

(async () => {
  const out = {};
  for (const [key, file] of Object.entries(files)) {
    const sheets = await readWorkbookFile(path.join(root, "assets", "samples", file));
    // Trailing nulls dropped: the JSON is shipped in preview.js.
    out[key] = sheets.map((s) => ({
      ...s,
      cells: s.cells.map((row) => trim(row.map((v) => (v === undefined ? null : v)))),
      numberFormats: s.numberFormats ? s.numberFormats.map((row) => trim(row.map((f) => (f && f !== "General" ? f : null)))) : undefined,
    }));
  }
  fs.writeFileSync(path.join(__dirname, "samples.json"), JSON.stringify(out));
  console.log(`written: src/preview/samples.json (${fs.statSync(path.join(__dirname, "samples.json")).size} bytes)`);
})().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

function trim(row) {
  let n = row.length;
  while (n > 0 && (row[n - 1] === null || row[n - 1] === "")) n--;
  return row.slice(0, n);
}
