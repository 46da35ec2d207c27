/**
 * The results sheet the pane writes, evaluated by a second, independent spreadsheet engine. The in-memory workbook's
 * evaluator (src/excel/memory/formula.ts) only exists for the preview and the tests, so a mistake shared by the
 * sheet writer and that evaluator would pass unseen; HyperFormula (a test dependency, never shipped) reads the same
 * formulas over the same cells, and every cell of the sheet must come out the same in both.
 */
import * as path from "path";
import { CellError, DetailedCellError } from "hyperformula";
import { runSelection } from "../../src/core/select";
import type { CellValue, SheetData } from "../../src/core/types";
import { MemoryWorkbook } from "../../src/excel/memory/memory";
import { zgFunctions } from "../../src/excel/memory/zgFunctions";
import { isFormula } from "../../src/excel/ops";
import { detectHeader, isCompletionSheet, isCountySheet, readCounties } from "../../src/taskpane/scoreInput";
import { scoreSheet } from "../../src/taskpane/scoreSheet";
import { workbookEngine } from "../functions/hf";

jest.setTimeout(120_000);

const SAMPLE = path.join(__dirname, "..", "..", "assets", "samples", "sample-completion.xlsx");

/**
 * A stored cell as HyperFormula takes it. Text goes in behind an apostrophe, HyperFormula's mark for "text as
 * written": without it "12.3%" would become the double 0.123 (and "=1+1" a formula), where Excel keeps a text cell text.
 */
function userCell(v: CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === "object") return `#${v.error}`;
  if (typeof v === "string") return `'${v}`;
  return v;
}

/**
 * HyperFormula spills a range only as the operand of an operator (`=+A1:A3`), while Excel 365 spills a bare
 * reference (`=A1:A3`) too; the unary plus changes no value (text stays text), so only this spelling is adapted.
 */
function forHyperFormula(formula: string): string {
  return /^=(?:'(?:[^']|'')+'!|[^'!=(]+!)?\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+$/.test(formula) ? `=+${formula.slice(1)}` : formula;
}

/**
 * HyperFormula sizes a custom function's spill before computing it, from its arguments (see test/functions/hf.ts):
 * the recommendation and shortlist would claim as many rows as there are counties and collide with what follows,
 * where Excel sizes the spill by the result. So each cell of their block reads its value through INDEX instead,
 * down to the next written row: the same function, the same arguments, no spill.
 */
function spillCellByCell(grid: unknown[][]): void {
  grid.forEach((row, r) => {
    row.forEach((v, c) => {
      if (typeof v !== "string" || !/^=ZG\.(RECOMMEND|SHORTLIST)\(/.test(v)) return;
      const width = v.startsWith("=ZG.RECOMMEND") ? 3 : 2;
      for (let k = 0; r + k < grid.length && (k === 0 || (grid[r + k] ?? []).every((x) => x === null || x === undefined)); k++) {
        for (let j = 0; j < width; j++) {
          grid[r + k] = grid[r + k] ?? [];
          grid[r + k][c + j] = `=IFERROR(INDEX(${v.slice(1)},${k + 1},${j + 1}),"")`;
        }
      }
    });
  });
}

/** What a cell shows, the same way for both engines: numbers, text, booleans, or an error's code. */
function shown(v: unknown): unknown {
  if (v === null || v === undefined || v === "") return "";
  if (v instanceof DetailedCellError || v instanceof CellError) return `error:${(v as { type: string }).type}`;
  if (typeof v === "object" && v !== null && "error" in v) return `error:${String((v as { error: unknown }).error)}`;
  return v;
}

test.each(["zh", "en"] as const)("the 90-county results sheet (%s): every cell the same in HyperFormula as in the in-memory workbook", async (lang) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { readWorkbookFile } = require("../../src/cli/read-xlsx") as { readWorkbookFile: (f: string) => Promise<SheetData[]> };
  const sheets = await readWorkbookFile(SAMPLE);
  const book = new MemoryWorkbook({ functions: zgFunctions() });
  for (const s of sheets) book.addSheet(s);
  const read = await Promise.all(sheets.map((s) => book.readSheet(s.name)));
  const completion = read.find((s) => isCompletionSheet(detectHeader(s)))!;
  const county = read.find((s) => s !== completion && isCountySheet(detectHeader(s))) ?? null;
  const cm = detectHeader(completion)!;
  const km = county ? detectHeader(county) : null;
  const input = readCounties(completion, cm, county, km);
  if (!input.ok) throw new Error(input.error.en);
  const result = runSelection(input.counties);
  const content = scoreSheet({ completion: { sheet: completion, mapping: cm }, county: county && km ? { sheet: county, mapping: km } : null, counties: input.counties, result, lang });
  const written = await book.writeSheet(content);

  // The same workbook for HyperFormula: the user's sheets as values where the sheet starts (A1), ours with formula text.
  const hfSheets: Record<string, unknown[][]> = {};
  for (const s of read) {
    const origin = s.origin ?? { row: 0, col: 0 };
    const grid: unknown[][] = Array.from({ length: origin.row + s.cells.length }, () => []);
    s.cells.forEach((row, r) => row.forEach((v, c) => (grid[origin.row + r][origin.col + c] = userCell(v))));
    hfSheets[s.name] = grid;
  }
  const ours = content.cells.map((row) => row.map((v) => (isFormula(v) ? forHyperFormula(v.formula) : userCell(v as CellValue))));
  spillCellByCell(ours);
  hfSheets[written.sheet] = ours;
  const hf = workbookEngine(hfSheets);
  const sheetId = hf.getSheetId(written.sheet)!;

  const rows = content.cells.length;
  const cols = Math.max(...content.cells.map((r) => r.length)) + 3; // spills reach past the written columns
  const differ: string[] = [];
  let formulas = 0;
  for (let r = 0; r < rows + 100; r++) {
    for (let c = 0; c < cols; c++) {
      const mine = shown(book.value(written.sheet, r, c));
      const theirs = shown(hf.getCellValue({ sheet: sheetId, row: r, col: c }));
      if (isFormula(content.cells[r]?.[c])) formulas++;
      const same = typeof mine === "number" && typeof theirs === "number" ? Math.abs(mine - theirs) <= 1e-9 * Math.max(1, Math.abs(mine)) : mine === theirs;
      if (!same) differ.push(`R${r + 1}C${c + 1}: memory ${JSON.stringify(mine)} vs HyperFormula ${JSON.stringify(theirs)}`);
    }
  }
  // 建议激励名额内 and 拟列入督查激励建议名单 as the engine has them: 6 places, 8 names.
  const yes = lang === "zh" ? "是" : "Yes";
  const provHead = content.cells.findIndex((r) => typeof r[0] === "string" && /^(二、|2\. )/.test(r[0] as string)) + 2;
  result.province.forEach((p, i) => {
    const r = provHead + i;
    expect([p.county, shown(hf.getCellValue({ sheet: sheetId, row: r, col: 11 })), shown(hf.getCellValue({ sheet: sheetId, row: r, col: 12 }))]).toEqual([
      p.county,
      p.selected ? yes : "",
      p.proposed ? yes : "",
    ]);
  });
  expect(result.province.filter((p) => p.proposed)).toHaveLength(8);
  hf.destroy();
  expect(formulas).toBeGreaterThan(1000);
  expect(differ.slice(0, 20)).toEqual([]);
});
