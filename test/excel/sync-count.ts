/**
 * Counts context.sync() calls per Excel operation on a table of any size, over the office-addin-mock fake:
 * used by the tests (the count must not grow with the table) and reusable by the benchmark (no jest needed).
 *
 *   countSyncs("markCells", 6) === countSyncs("markCells", 300)
 */
import type { CellValue } from "../../src/core/types";
import { a1 } from "../../src/core/address";
import { OfficeOps } from "../../src/excel/office";
import { FakeExcel, installExcelEnums } from "./fakeExcel";

export type CountedOp = "getSelectionSheet" | "readSheet" | "writeSheet" | "replaceSheet" | "markCells" | "clearMarks" | "insertTemplates";

/** A decomposition-like table at B2: a header row, then `rows` indicators × 3 cities; rates in percent format. */
export function allocationTable(rows: number): { cells: CellValue[][]; formats: string[][] } {
  const cells: CellValue[][] = [[], [null, "指标", "全省目标", "杭州", "宁波", "温州"]];
  for (let i = 0; i < rows; i++) cells.push([null, `指标${i + 1}`, 1000 + i, 0.1 + i / 1000, 300, 400]);
  const formats = cells.map((row, r) => row.map((_, c) => (r >= 2 && c === 3 ? "0%" : "General")));
  // Row 2 (the first data row) gets its format even where the row is short.
  return { cells, formats };
}

/** context.sync() calls made by one operation on a table of `rows` rows (preparation not counted). */
export async function countSyncs(op: CountedOp, rows: number): Promise<number> {
  installExcelEnums();
  const fake = new FakeExcel();
  const table = allocationTable(rows);
  fake.addSheet("分解表", table.cells, table.formats);
  const ops = new OfficeOps({ run: fake.run, officeContext: { displayLanguage: "zh-CN" } });
  const addresses = Array.from({ length: rows }, (_, i) => a1(i + 2, 3 + (i % 3)));
  const report = { name: "ZG校核报告", kind: "report" as const, cells: table.cells.map((r) => r.map((v) => v ?? "")), tables: [{ name: "ZG_T", range: { top: 1, left: 0, bottom: rows + 1, right: 5 } }] };
  if (op === "clearMarks") await ops.markCells([{ sheet: "分解表", addresses, kind: "short" }]);
  if (op === "replaceSheet") await ops.writeSheet(report);
  // Counted by wrapping rather than jest.spyOn, so the benchmark can use this outside jest.
  const context = fake.context as unknown as { sync: () => Promise<void> };
  const originalSync = context.sync;
  let n = 0;
  context.sync = function (this: unknown) {
    n += 1;
    return originalSync.call(this);
  };
  fake.selection = "C3";
  switch (op) {
    case "getSelectionSheet":
      await ops.getSelectionSheet();
      break;
    case "readSheet":
      await ops.readSheet("分解表");
      break;
    case "writeSheet":
      await ops.writeSheet(report);
      break;
    case "replaceSheet":
      await ops.writeSheet(report, { confirmReplace: async () => true });
      break;
    case "insertTemplates":
      await ops.insertTemplates([{ name: "模板", kind: "template", cells: table.cells }]);
      break;
    case "markCells":
      await ops.markCells([{ sheet: "分解表", addresses, kind: "short" }]);
      break;
    case "clearMarks":
      await ops.clearMarks();
      break;
  }
  context.sync = originalSync;
  return n;
}

/** Syncs of every operation on a small table and on one 50 times larger (what the benchmark reports). */
export async function syncReport(small = 6, large = 300): Promise<Record<CountedOp, { small: number; large: number }>> {
  const ops: CountedOp[] = ["getSelectionSheet", "readSheet", "writeSheet", "replaceSheet", "insertTemplates", "markCells", "clearMarks"];
  const out = {} as Record<CountedOp, { small: number; large: number }>;
  for (const op of ops) out[op] = { small: await countSyncs(op, small), large: await countSyncs(op, large) };
  return out;
}
