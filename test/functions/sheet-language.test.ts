/**
 * Issue 10 item 9: a results sheet keeps its language on every computer. The task pane writes =ZG.RECOMMEND and
 * =ZG.SHORTLIST with the sheet's language as their `lang` argument, so the reasons they spill are in that
 * language even when the machine that recalculates says otherwise (the JavaScript-only runtime has no
 * Office.context; navigator.language is the recalculating machine's). Evaluated in the in-memory workbook
 * through the very functions Excel calls.
 */
import { runSelection } from "../../src/core/select";
import type { SheetData } from "../../src/core/types";
import { MemoryWorkbook } from "../../src/excel/memory/memory";
import { isFormula } from "../../src/excel/ops";
import { zgFunctions } from "../../src/excel/memory/zgFunctions";
import { setLanguage } from "../../src/functions/runtime";
import { detectHeader, readCounties } from "../../src/taskpane/scoreInput";
import { scoreSheet } from "../../src/taskpane/scoreSheet";
import { installCustomFunctions } from "./shim";

const completion: SheetData = {
  name: "完成情况",
  cells: [
    ["设区市", "县（市、区）", "指标", "目标", "完成"],
    ["杭州市", "上城区", "新增工业机器人", "100台", "130台"],
    ["杭州市", "下城区", "新增工业机器人", "100台", "90台"],
    ["宁波市", "海曙区", "新增工业机器人", "200台", "260台"],
    ["宁波市", "江北区", "新增工业机器人", "200台", "180台"],
  ],
};

beforeAll(installCustomFunctions);
afterEach(() => setLanguage(null));

async function reasons(sheetLang: "zh" | "en", machine: "zh" | "en"): Promise<{ formulas: string[]; texts: string[] }> {
  setLanguage(machine);
  const book = new MemoryWorkbook({ functions: zgFunctions() });
  book.addSheet(completion);
  const sheet = await book.readSheet("完成情况");
  const mapping = detectHeader(sheet)!;
  const read = readCounties(sheet, mapping, null, null);
  if (!read.ok) throw new Error(read.error.en);
  const result = runSelection(read.counties);
  const content = scoreSheet({ completion: { sheet, mapping }, county: null, counties: read.counties, result, lang: sheetLang });
  const w = await book.writeSheet(content);
  const formulas: string[] = [];
  const texts: string[] = [];
  content.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      // Only cells our code built as formulas are formulas (a string is always text).
      const v = isFormula(cell) ? cell.formula : null;
      if (v === null || !/^=ZG\.(RECOMMEND|SHORTLIST)\(/.test(v)) return;
      formulas.push(v);
      // The reason is the last column of each spilled row.
      const width = v.startsWith("=ZG.RECOMMEND") ? 3 : 2;
      for (let k = 0; k < 2; k++) texts.push(String(book.value(w.sheet, r + k, c + width - 1) ?? ""));
    }),
  );
  return { formulas, texts: texts.filter((t) => t !== "") };
}

test.each([
  ["zh", "en"],
  ["en", "zh"],
] as const)("a %s sheet recalculated on a %s machine: the formulas carry the sheet's language, and the reasons are in it", async (sheetLang, machine) => {
  const { formulas, texts } = await reasons(sheetLang, machine);
  expect(formulas).toHaveLength(2);
  for (const f of formulas) expect(f.includes(`,"${sheetLang}"`)).toBe(true);
  expect(texts.length).toBeGreaterThanOrEqual(2);
  for (const t of texts) {
    if (sheetLang === "zh") expect(t).toMatch(/总分/);
    else expect(t).toMatch(/total /);
  }
});
