/**
 * Figures in the unit the table wrote them in, at the precision that decides: `check` and `score` as an official
 * reads them, on screen and in the --out workbooks. A shortfall is never displayed as no gap.
 */
import * as path from "path";
import type ExcelJS from "exceljs";
import { buildCli, openXlsx, put, tmpDir, workbook, zg } from "./helpers";

jest.setTimeout(120_000);
let dir: string;

beforeAll(() => {
  buildCli();
  dir = tmpDir();
}, 180_000);

/** A city's table to two counties: a shortfall of 0.01台, 上云 written in 家, 标准煤, a rate written to one decimal. */
async function cityTable(): Promise<string> {
  return workbook(path.join(dir, "分解.xlsx"), (wb) => {
    const ws = wb.addWorksheet("分解");
    put(ws, 1, 1, [
      ["某市2020年关键性量化指标分解表"],
      ["序号", "指标", "全市目标", "甲县", "乙县"],
      [1, "新增工业机器人", "1300台", "650台", "649.99台"],
      [2, "新增上云企业1.1万家", "5500家", "3000家", "2500家"],
      [3, "腾出用能", "100万吨标准煤", "60万吨标准煤", "40万吨标准煤"],
      [4, "研发费用支出增长", "10.5%", 0.105, 0.1],
    ]);
  });
}

test("check: 1300台 against 1299.99台 shows the gap; 5500家 stays in 家; 标准煤 is kept", async () => {
  const file = await cityTable();
  const r = zg(["check", file]);
  expect(r.status).toBe(0);
  const line = (name: string) => r.stdout.split("\n").find((l) => l.includes(name)) ?? "";
  expect(line("新增工业机器人")).toMatch(/1300台\s+1299\.99台\s+-0\.01台\s+未达标/);
  expect(line("新增上云企业")).toMatch(/5500家\s+5500家\s+0家/);
  expect(line("腾出用能")).toContain("100万吨标准煤");
});

test("check --out: every figure at the precision that decides, rates with the decimal written, children in their unit", async () => {
  const file = await cityTable();
  const out = path.join(dir, "校核.xlsx");
  expect(zg(["check", file, "--out", out, "--force"]).status).toBe(0);
  const wb = await openXlsx(out);
  const ws = wb.getWorksheet("校核结果")!;
  // Row 3: 新增工业机器人. The format shows two decimals on all three figures, so the −0.01 cannot read as 0.
  expect([ws.getCell("E3").value, ws.getCell("F3").value]).toEqual([1300, 1299.99]);
  expect((ws.getCell("G3").value as ExcelJS.CellFormulaValue).result).toBe(-0.01);
  for (const c of ["E3", "F3", "G3"]) expect(ws.getCell(c).numFmt).toBe("#,##0.00");
  // Row 4: 上云 in 家, as the parent cell wrote it.
  expect(ws.getCell("D4").value).toBe("家");
  expect(ws.getCell("E4").value).toBe(5500);
  expect(ws.getCell("D5").value).toBe("万吨标准煤");
  // Row 6: 10.5% is not shown as 11%.
  expect(ws.getCell("E6").value).toBe(0.105);
  expect(ws.getCell("E6").numFmt).toBe("0.0%");
  const detail = wb.getWorksheet("下级明细")!;
  expect(detail.getRow(3).values).toEqual(expect.arrayContaining(["新增工业机器人", "台", 650, 649.99]));
  expect(detail.getCell("C3").numFmt).toBe("#,##0.00");
  expect(detail.getRow(4).values).toEqual(expect.arrayContaining(["家", 3000, 2500]));
});

test("score --out: 指标明细 gives target and actual in the unit the county wrote, with the unit", async () => {
  const file = await workbook(path.join(dir, "完成.xlsx"), (wb) => {
    const c = wb.addWorksheet("完成情况");
    put(c, 1, 1, [
      ["设区市", "县（市、区）", "指标", "目标", "完成"],
      ["杭州市", "上城区", "并购重组交易金额", "2亿元", "2.35亿元"],
      ["杭州市", "上城区", "腾出用能", "1.6万吨", "1.65万吨"],
      ["杭州市", "下城区", "并购重组交易金额", "1亿元", "9000万元"],
      ["杭州市", "下城区", "腾出用能", "1万吨", "12000吨"],
    ]);
  });
  const out = path.join(dir, "评分.xlsx");
  const r = zg(["score", file, "--out", out, "--force"]);
  expect(r.status).toBe(0);
  const ws = (await openXlsx(out)).getWorksheet("指标明细")!;
  const row = (n: number) => [ws.getCell(`D${n}`).value, ws.getCell(`D${n}`).numFmt, ws.getCell(`E${n}`).value, ws.getCell(`E${n}`).numFmt];
  expect(row(3)).toEqual([2, '#,##0"亿元"', 2.35, '#,##0.00"亿元"']);
  expect(row(4)).toEqual([1.6, '#,##0.0"万吨"', 1.65, '#,##0.00"万吨"']);
  expect(row(5)).toEqual([1, '#,##0"亿元"', 9000, '#,##0"万元"']);
  expect(row(6)).toEqual([1, '#,##0"万吨"', 12000, '#,##0"吨"']);
});
