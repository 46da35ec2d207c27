/**
 * The reader's cells are what LibreOffice Calc shows, for generated workbooks that hide decoys where a careless
 * reader would find them (a cell in a foreign namespace, rows inside extLst, the branch of mc:AlternateContent a
 * spreadsheet program does not take) and write real cells the less usual ways (CDATA, prefixed SpreadsheetML,
 * shared and inline strings). Calc converts every generated file to CSV in one run; each must equal our grid.
 * Skips with a loud message when soffice is absent locally; in CI (CI=true) a missing soffice fails.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import fc from "fast-check";
import { readWorkbook } from "../../src/xlsx";
import { fflateInflater } from "../../src/xlsx/inflate";
import { workbook } from "./crafted";

const soffice = ["soffice", "libreoffice"].find((cmd) => spawnSync(cmd, ["--version"], { encoding: "utf8" }).status === 0);
const inCi = process.env.CI === "true";
if (!soffice && !inCi) console.warn("\n\n*** SKIPPED: LibreOffice (soffice) is not installed, so the reader was NOT compared with a real spreadsheet program.\n");
const maybe = soffice || inCi ? test : test.skip;

jest.setTimeout(300_000);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseCsv } = require("../e2e/libreoffice") as { parseCsv: (text: string) => string[][] };

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
/** A namespace Excel and LibreOffice both take an mc:Choice for (LibreOffice knows it by this prefix). */
const X12AC = "http://schemas.microsoft.com/office/spreadsheetml/2011/1/ac";
const COLS = "ABCD";

type Value = number | string;
type Style = "number" | "inline" | "cdata" | "shared" | "sharedCdata" | "prefixed";
interface Cell {
  value: Value;
  style: Style;
}
interface Row {
  cells: (Cell | null)[];
  /** How the row is wrapped: plainly, or in AlternateContent with a decoy in the branch not taken. */
  wrap: "none" | "fallback" | "choice";
  /** A decoy cell in a foreign namespace, in a column this row leaves empty. */
  foreign: boolean;
}

const text = fc.stringMatching(/^[甲乙丙台亿元县市,;a-z]{1,6}$/).filter((s) => !/^[,;]/.test(s));
const value: fc.Arbitrary<Value> = fc.oneof(fc.integer({ min: -5000, max: 5000 }), fc.integer({ min: -999, max: 999 }).map((n) => n / 10), text);
const cell: fc.Arbitrary<Cell> = fc.record({ value, style: fc.constantFrom<Style>("number", "inline", "cdata", "shared", "sharedCdata", "prefixed") });
const row: fc.Arbitrary<Row> = fc.record({
  cells: fc.array(fc.option(cell, { nil: null, freq: 3 }), { minLength: COLS.length, maxLength: COLS.length }),
  wrap: fc.constantFrom<Row["wrap"]>("none", "none", "fallback", "choice"),
  foreign: fc.boolean(),
});
const sheetArb = fc.record({ rows: fc.array(row, { minLength: 1, maxLength: 6 }), extLst: fc.boolean() });

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** The workbook's XML, and the grid a spreadsheet program must show for it. */
function build(sheet: { rows: Row[]; extLst: boolean }): { bytes: Buffer; shown: string[][] } {
  const strings: string[] = [];
  const shown: string[][] = [];
  const rowsXml = sheet.rows.map((r, i) => {
    const n = i + 1;
    // A1 always holds a value, so the grid and Calc's CSV both start at A1.
    const cells = r.cells.map((c, j) => (i === 0 && j === 0 && !c ? { value: "甲", style: "inline" as Style } : c));
    shown.push(cells.map((c) => (c ? String(c.value) : "")));
    const xml = cells
      .map((c, j) => {
        if (!c) return r.foreign ? `<y:c r="${COLS[j]}${n}" t="inlineStr"><y:is><y:t>decoy</y:t></y:is></y:c>` : "";
        const ref = `${COLS[j]}${n}`;
        const v = c.value;
        if (typeof v === "number" && (c.style === "number" || c.style === "prefixed")) return c.style === "prefixed" ? `<x:c r="${ref}"><x:v>${v}</x:v></x:c>` : `<c r="${ref}"><v>${v}</v></c>`;
        const s = String(v);
        switch (c.style) {
          case "cdata":
            return `<c r="${ref}" t="inlineStr"><is><t><![CDATA[${s}]]></t></is></c>`;
          case "shared":
          case "sharedCdata":
            strings.push(c.style === "shared" ? `<si><t>${esc(s)}</t></si>` : `<si><t><![CDATA[${s}]]></t></si>`);
            return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`;
          case "prefixed":
            return `<x:c r="${ref}" t="inlineStr"><x:is><x:t>${esc(s)}</x:t></x:is></x:c>`;
          default:
            return `<c r="${ref}" t="inlineStr"><is><t>${esc(s)}</t></is></c>`;
        }
      })
      .join("");
    const real = `<row r="${n}">${xml}</row>`;
    const decoy = `<row r="${n}"><c r="A${n}" t="inlineStr"><is><t>decoy</t></is></c><c r="E${n}"><v>99</v></c></row>`;
    if (r.wrap === "fallback") return `<mc:AlternateContent><mc:Choice Requires="zz">${decoy}</mc:Choice><mc:Fallback>${real}</mc:Fallback></mc:AlternateContent>`;
    if (r.wrap === "choice") return `<mc:AlternateContent><mc:Choice Requires="x12ac">${real}</mc:Choice><mc:Fallback>${decoy}</mc:Fallback></mc:AlternateContent>`;
    return real;
  });
  const ext = sheet.extLst
    ? `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}"><y:sheetData><y:row r="9"><y:c r="F9"><y:v>7</y:v></y:c></y:row></y:sheetData><sheetData><row r="12"><c r="F12"><v>7</v></c></row></sheetData></ext></extLst>`
    : "";
  const ws = `<worksheet xmlns="${MAIN}" xmlns:x="${MAIN}" xmlns:y="urn:zg-test:decoy" xmlns:mc="${MC}" xmlns:x12ac="${X12AC}" xmlns:zz="urn:zg-test:unknown" mc:Ignorable="x12ac"><sheetData>${rowsXml.join("")}</sheetData>${ext}</worksheet>`;
  // Trailing empty rows and columns are not shown.
  while (shown.length && shown[shown.length - 1].every((v) => v === "")) shown.pop();
  const width = Math.max(...shown.map((r) => r.reduce((w, v, j) => (v ? j + 1 : w), 0)));
  return { bytes: workbook(ws, { strings: strings.length ? strings.join("") : undefined }), shown: shown.map((r) => r.slice(0, width)) };
}

maybe("the reader's cells equal what LibreOffice shows, decoys and all", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zg-lo-screen-"));
  try {
    const samples = fc.sample(sheetArb, { numRuns: 30, seed: 20_201 });
    const files = samples.map((s, i) => {
      const built = build(s);
      const file = path.join(dir, `g${i}.xlsx`);
      fs.writeFileSync(file, built.bytes);
      return { file, ...built };
    });
    const csvDir = path.join(dir, "csv");
    fs.mkdirSync(path.join(dir, "profile", "user"), { recursive: true });
    const r = spawnSync(
      soffice as string,
      [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false", "--outdir", csvDir, ...files.map((f) => f.file)],
      { encoding: "utf8", timeout: 240_000, env: { ...process.env, HOME: dir } },
    );
    if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
    for (const f of files) {
      const calc = parseCsv(fs.readFileSync(path.join(csvDir, `${path.basename(f.file, ".xlsx")}.csv`), "utf8"));
      const [sheet] = readWorkbook(fs.readFileSync(f.file), { inflate: fflateInflater });
      const ours = sheet.cells.map((row) => row.map((v) => (v === null ? "" : String(v))));
      // What Calc shows is what the generator meant to be shown, and what we read.
      expect([path.basename(f.file), calc]).toEqual([path.basename(f.file), f.shown]);
      expect([path.basename(f.file), ours]).toEqual([path.basename(f.file), f.shown]);
      expect(sheet.origin).toEqual({ row: 0, col: 0 });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
