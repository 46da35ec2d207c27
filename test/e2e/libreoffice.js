/**
 * LibreOffice headless as a second reader of the files the page saves: every sheet recalculated on load (a fresh
 * profile whose OOXMLRecalcMode is "always", so cached values are not simply shown back) and exported as CSV, raw
 * values, one file per sheet.
 */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const SOFFICE = process.env.SOFFICE || "/usr/bin/soffice";

const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** One CSV text → rows of fields (quotes, doubled quotes and line breaks inside quotes). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Every sheet of `file`, recalculated by LibreOffice: sheet name → rows of CSV fields. */
function recalculatedSheets(file) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zg-lo-"));
  try {
    fs.mkdirSync(path.join(dir, "profile", "user"), { recursive: true });
    fs.writeFileSync(path.join(dir, "profile", "user", "registrymodifications.xcu"), PROFILE);
    const input = path.join(dir, "book.xlsx");
    fs.copyFileSync(file, input);
    const out = path.join(dir, "out");
    const r = spawnSync(
      SOFFICE,
      [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", out, input],
      { encoding: "utf8", timeout: 300_000 },
    );
    if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr || r.stdout}`);
    const sheets = new Map();
    for (const f of fs.readdirSync(out)) {
      const m = /^book-(.*)\.csv$/.exec(f);
      if (m) sheets.set(m[1], parseCsv(fs.readFileSync(path.join(out, f), "utf8")));
    }
    return sheets;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { recalculatedSheets, parseCsv };
