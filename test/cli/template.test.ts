/** `zg template` writes the task pane's templates (templates.ts) as .xlsx; read back with ExcelJS and the CLI itself. */
import * as fs from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import { buildCli, json, openXlsx, tmpDir, zg } from "./helpers";
import { decompositionTable2020, selfAssessmentTemplate } from "../../src/core/templates";
import { readWorkbookFile } from "../../src/cli/read-xlsx";

jest.setTimeout(120_000);
let dir: string;
beforeAll(() => {
  buildCli();
  dir = tmpDir();
}, 180_000);

test("decomposition: the 2020 table of 9号 with its merges, widths, wrap, header style and text formats", async () => {
  const out = path.join(dir, "分解表.xlsx");
  const r = zg(["template", "decomposition", out]);
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("已写入");

  const t = decompositionTable2020();
  const [sheet] = await readWorkbookFile(out);
  expect(sheet.name).toBe(t.name);
  expect(sheet.cells).toEqual(t.cells);
  expect(sheet.merges).toEqual(expect.arrayContaining(t.merges));
  expect(sheet.merges).toHaveLength(t.merges.length);

  const wb = await openXlsx(out);
  const ws = wb.worksheets[0];
  t.columnWidths.forEach((w, c) => expect(ws.getColumn(c + 1).width).toBeCloseTo(w, 3));
  expect(ws.getCell("C4").numFmt).toBe("@");
  expect(ws.getCell("C4").value).toBe("10%\n\n以上");
  expect(ws.getCell("C4").alignment?.wrapText).toBe(true);
  expect(ws.getCell("A2").font?.bold).toBe(true);
  expect((ws.getCell("A2").fill as ExcelJS.FillPattern).fgColor?.argb).toBeDefined();
  expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3, xSplit: 2 });

  // What it writes is a table zg check reads: 9号 adds up.
  const check = zg(["check", out, "--json"]);
  expect(check.status).toBe(0);
  expect(json<{ results: unknown[] }>(check).results).toHaveLength(18);
});

test("self-assessment: every sheet, the drop-downs and whole-number validation, readable by zg score once filled", async () => {
  const out = path.join(dir, "自评表.xlsx");
  expect(zg(["template", "self-assessment", "--out", out]).status).toBe(0);
  const t = selfAssessmentTemplate();
  const wb = await openXlsx(out);
  expect(wb.worksheets.map((w) => w.name)).toEqual(t.sheets.map((s) => s.name));
  const completion = wb.getWorksheet("完成情况")!;
  expect(completion.getCell("A1").value).toBe("设区市");
  expect(completion.getCell("E2").numFmt).toBe("@");
  // ExcelJS reads validations back per cell.
  expect(completion.getCell("A2").dataValidation).toMatchObject({ type: "list", formulae: [expect.stringContaining("杭州市")] });
  expect(completion.getCell("C2").dataValidation).toMatchObject({ type: "list", formulae: [expect.stringContaining("'指标'!$B$2")] });
  const county = wb.getWorksheet("县")!;
  expect(county.getCell("C2").dataValidation).toMatchObject({ type: "list", formulae: ['"是,否"'], showErrorMessage: true });
  expect(county.getCell("H2").dataValidation).toMatchObject({ type: "whole", formulae: [0, 20] });
  expect(county.getCell("I2").value).toMatch(/^[是否]$/);

  // Filled in (every target 10台, every actual 12台), the same file scores without any change of layout.
  for (let r = 2; r <= completion.rowCount; r++) {
    if (!completion.getCell(r, 2).value) continue;
    completion.getCell(r, 5).value = "10台";
    completion.getCell(r, 6).value = "12台";
  }
  const filled = path.join(dir, "filled.xlsx");
  await wb.xlsx.writeFile(filled);
  const r = zg(["score", filled, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(json<{ counties: unknown[] }>(r).counties).toHaveLength(90);
});

test("--city limits the self-assessment to one city's counties", async () => {
  const out = path.join(dir, "丽水.xlsx");
  expect(zg(["template", "self-assessment", out, "--city", "丽水"]).status).toBe(0);
  const wb = await openXlsx(out);
  const names: string[] = [];
  wb.getWorksheet("县")!.eachRow((row, n) => n > 1 && names.push(String(row.getCell(1).value)));
  expect(names).toHaveLength(9);
  expect(names).toContain("景宁畲族自治县");
  expect(zg(["template", "self-assessment", out + "2.xlsx", "--city", "上海"]).status).toBe(2);
});

test("never replaces a file without --force; unknown kinds are refused", () => {
  const out = path.join(dir, "exists.xlsx");
  fs.writeFileSync(out, "keep me");
  const r = zg(["template", "decomposition", out]);
  expect(r.status).toBe(2);
  expect(r.stderr).toContain("exists.xlsx");
  expect(r.stderr).toContain("--force");
  expect(fs.readFileSync(out, "utf8")).toBe("keep me");
  expect(zg(["template", "decomposition", out, "--force"]).status).toBe(0);
  const bad = zg(["template", "budget", path.join(dir, "b.xlsx")]);
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain("budget");
});

test("decomposition --city: the city's template with its check formulas; an unknown city lists the 11 (filled in and checked: libreoffice.test.ts)", async () => {
  const out = path.join(dir, "杭州分解.xlsx");
  const r = zg(["template", "decomposition", out, "--city", "杭州"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  const wb = await openXlsx(out);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["杭州分解到县"]);
  const ws = wb.worksheets[0];
  expect(ws.getRow(2).getCell(4).value).toBe("全市目标");
  expect(ws.getRow(9).getCell(4).value).toBe("5500\n\n家"); // 杭州's 上云企业 of 9号, as printed
  expect((ws.getRow(3).getCell(ws.getRow(2).cellCount).value as { formula?: string }).formula).toMatch(/^IF\(COUNTA/);
  const bad = zg(["template", "decomposition", path.join(dir, "x.xlsx"), "--city", "上海"]);
  expect(bad.status).toBe(2);
  for (const city of ["杭州市", "宁波市", "温州市", "湖州市", "嘉兴市", "绍兴市", "金华市", "衢州市", "舟山市", "台州市", "丽水市"]) expect(bad.stderr).toContain(city);
  // Checked before it is filled in: not "no table found" but which cells are still empty.
  const early = zg(["check", out]);
  expect(early.status).toBe(2);
  expect(early.stderr).toContain("上城区、下城区、江干区 等 13 个）的目标都还是空的：请先在 E3:Q20 填写，再校核");
  expect(early.stderr).toContain("fill in E3:Q20, then check");
  expect(early.stderr).not.toContain("没有找到指标分解表");
});
