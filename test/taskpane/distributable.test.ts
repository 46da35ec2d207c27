/**
 * 生成可分发副本: the copy holds no =ZG.… formula, only SUMIFS, COUNTIFS and sums over its own values, and those
 * formulas give the engine's figures — evaluated by the in-memory workbook, and recalculated on load by
 * LibreOffice Calc headless from an .xlsx (as the CLI's --out is checked; skipped with a message without soffice).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runSelection } from "../../src/core/select";
import type { SelectionResult } from "../../src/core/types";
import { MemoryWorkbook } from "../../src/excel/memory/memory";
import { isFormula, type SheetContent } from "../../src/excel/ops";
import { sampleWorkbook } from "../../src/preview/samples";
import { distributableSheet } from "../../src/taskpane/distributable";
import { detectHeader, readCounties } from "../../src/taskpane/scoreInput";

jest.setTimeout(300_000);

let result: SelectionResult;
beforeAll(async () => {
  const book = sampleWorkbook();
  const c = await book.readSheet("完成情况");
  const k = await book.readSheet("县");
  const read = readCounties(c, detectHeader(c)!, k, detectHeader(k)!);
  if (!read.ok) throw new Error("sample unreadable");
  result = runSelection(read.counties, {});
});

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Rows of the city and province blocks as [county, total, rank, S, O] from a grid of shown values. */
function blocks(grid: (string | number | null)[][], lang: "zh" | "en") {
  const headCity = grid.findIndex((r) => r[0] === (lang === "zh" ? "设区市" : "City") && r[2] === (lang === "zh" ? "完成分合计S" : "Completion points S"));
  const headProv = grid.findIndex((r, i) => i > headCity && r[0] === (lang === "zh" ? "设区市" : "City"));
  const city = grid.slice(headCity + 1, headCity + 1 + result.counties.length);
  const province = grid.slice(headProv + 1, headProv + 1 + result.province.length);
  return { city, province };
}

function expectEngine(grid: (string | number | null)[][], lang: "zh" | "en") {
  const { city, province } = blocks(grid, lang);
  expect(city).toHaveLength(90);
  for (const row of city) {
    const c = result.counties.find((x) => x.city === row[0] && x.county === row[1])!;
    expect(c).toBeDefined();
    expect([c.county, close(Number(row[2]), c.completionPoints), close(Number(row[3]), c.overPoints), close(Number(row[7]), c.total), Number(row[8])]).toEqual([c.county, true, true, true, c.cityRank]);
  }
  province.forEach((row, i) => {
    const p = result.province[i];
    expect([row[1], close(Number(row[5]), p.total), Number(row[6])]).toEqual([p.county, true, p.rank]);
  });
}

test("no =ZG.… anywhere: only SUMIFS, COUNTIFS, MAX, ABS and arithmetic over its own cells", () => {
  for (const lang of ["zh", "en"] as const) {
    const content = distributableSheet(result, lang);
    const formulas = content.cells.flat().filter(isFormula).map((x) => x.formula);
    expect(formulas.length).toBeGreaterThan(90 * 3);
    for (const f of formulas) {
      expect(f).not.toMatch(/ZG\./);
      expect(f).not.toMatch(/!/);
      for (const name of f.match(/[A-Z][A-Z0-9.]*(?=\()/g) ?? []) expect(["SUMIFS", "COUNTIFS", "MAX", "ABS"]).toContain(name);
    }
  }
});

test("the in-memory workbook evaluates the copy to the engine's S, O, totals and ranks", async () => {
  const book = new MemoryWorkbook();
  const w = await book.writeSheet(distributableSheet(result, "zh"));
  const s = book.sheet(w.sheet)!;
  const grid = s.cells.map((row, r) => row.map((_, c) => book.value(w.sheet, r, c) as string | number | null));
  expectEngine(grid, "zh");
});

// ─── LibreOffice ───
const soffice = ["soffice", "libreoffice"].find((cmd) => spawnSync(cmd, ["--version"], { encoding: "utf8" }).status === 0);
if (!soffice) console.warn("\n*** SKIPPED: LibreOffice (soffice) is not installed, so the copy was NOT recalculated in a real spreadsheet program.\n");
const withCalc = soffice ? test : test.skip;

async function toXlsx(content: SheetContent, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("ZG");
  content.cells.forEach((row, r) =>
    row.forEach((v, c) => {
      const cell = ws.getCell(r + 1, c + 1);
      // No cached result: Calc must compute every formula itself.
      if (isFormula(v)) cell.value = { formula: v.formula.slice(1) } as ExcelJS.CellFormulaValue;
      else if (v !== null && v !== undefined) cell.value = v as ExcelJS.CellValue;
    }),
  );
  await wb.xlsx.writeFile(file);
}

// One CSV reader for every LibreOffice check (test/e2e/libreoffice.js), so they read LibreOffice's output alike.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseCsv } = require("../e2e/libreoffice") as { parseCsv: (text: string) => string[][] };

withCalc("LibreOffice recalculates the saved copy to the engine's figures", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zg-copy-"));
  try {
    const file = path.join(dir, "copy.xlsx");
    await toXlsx(distributableSheet(result, "en"), file);
    const profile = path.join(dir, "profile");
    fs.mkdirSync(path.join(profile, "user"), { recursive: true });
    // Recalculate on load, always (otherwise Calc would show cached results, and there are none).
    fs.writeFileSync(
      path.join(profile, "user", "registrymodifications.xcu"),
      `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
    );
    const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false";
    const r = spawnSync(soffice as string, [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", filter, "--outdir", dir, file], { encoding: "utf8", timeout: 240_000, env: { ...process.env, HOME: dir } });
    expect(r.status).toBe(0);
    const grid = parseCsv(fs.readFileSync(path.join(dir, "copy.csv"), "utf8")).map((row) => row.map((v) => (v === "" ? null : v)));
    expectEngine(grid, "en");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
