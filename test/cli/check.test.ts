/** `zg check` run as a subprocess on the samples and on fixture workbooks (cli.md). */
import * as fs from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import { buildCli, json, openXlsx, put, SAMPLES, sha256, tmpDir, workbook, zg } from "./helpers";
import { useColour } from "../../src/cli/format";

interface Result {
  indicator: string;
  kind: string;
  unit: string | null;
  parent: number | null;
  childrenTotal: number | null;
  gap: number | null;
  status: string;
  short: string[];
  reason: { zh: string; en: string } | null;
}
interface CheckOut {
  file: string;
  sheet: string;
  results: Result[];
  warnings: { code: string; zh: string; en: string; sheet?: string; cell?: string }[];
}

const RESULT_KEYS = ["childrenTotal", "gap", "indicator", "kind", "parent", "reason", "short", "status", "unit"];
const DECOMPOSITION = path.join(SAMPLES, "2020-decomposition.xlsx");
jest.setTimeout(120_000);
let dir: string;

/** A city's table to its counties as officials lay it out: title, two-row merged header, 全市目标 and 合计 columns, a note, starting at B2. */
function cityTable(ws: ExcelJS.Worksheet, overrides: Record<string, ExcelJS.CellValue> = {}): void {
  put(ws, 2, 2, [
    ["某市2020年关键性量化指标分解表（测试）"],
    ["序号", "指标", "全市目标", "各县（市、区）目标任务", null, null, "合计"],
    [null, null, null, "甲县", "乙县", "丙县", null],
    [1, "新增工业机器人", "300台", 100, 100, 90, 290],
    [2, "研发费用支出增长", "10%以上", 0.1, 0.12, 0.08, null],
    [3, "并购重组交易金额", "5亿元", "2亿元", "2亿元", "1.5亿元", "5.4亿元"],
    ["注：本表数字仅供测试。"],
  ]);
  ws.mergeCells("B2:H2");
  ws.mergeCells("B3:B4");
  ws.mergeCells("C3:C4");
  ws.mergeCells("D3:D4");
  ws.mergeCells("E3:G3");
  ws.mergeCells("H3:H4");
  for (const a of ["E6", "F6", "G6"]) ws.getCell(a).numFmt = "0%";
  for (const [addr, v] of Object.entries(overrides)) ws.getCell(addr).value = v;
}

beforeAll(() => {
  buildCli();
  dir = tmpDir();
}, 180_000);

describe("the 2020 decomposition table of 9号", () => {
  let out: CheckOut;
  beforeAll(() => {
    const r = zg(["check", DECOMPOSITION, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    out = json<CheckOut>(r);
  });

  test("one JSON object with exactly cli.md's fields, in the table's order", () => {
    expect(Object.keys(out).sort()).toEqual(["file", "results", "sheet", "warnings"]);
    expect(out.file).toBe("2020-decomposition.xlsx");
    expect(out.sheet).toBe("2020分解方案");
    expect(out.results).toHaveLength(18);
    for (const r of out.results) expect(Object.keys(r).sort()).toEqual(RESULT_KEYS);
    expect(out.results[0].indicator).toBe("传统制造业研发费用支出增长10%以上");
    expect(out.results[17].indicator).toBe("全省盘活存量建设用地10万亩");
  });

  test("totals add the cities' targets in base units; rates are not summed; 累计 is unchecked with a reason", () => {
    const byNo = (n: number) => out.results[n - 1];
    expect(byNo(6)).toEqual({
      indicator: "传统制造业新增工业机器人10000台", kind: "total", unit: "台", parent: 10000, childrenTotal: 10000,
      gap: 0, status: "ok", short: [], reason: null,
    });
    // 104.2 + 52 + 14 + … + 0.5 亿元 is exactly 300 亿元.
    expect(byNo(10)).toMatchObject({ unit: "元", parent: 30000000000, childrenTotal: 30000000000, gap: 0, status: "ok" });
    expect(byNo(13)).toMatchObject({ parent: 300, childrenTotal: 306, gap: 6, status: "ok" });
    expect(byNo(17)).toMatchObject({ unit: "吨", parent: 1000000, childrenTotal: 1041400, gap: 41400, status: "ok" });
    expect(byNo(1)).toMatchObject({ kind: "rate", unit: "%", parent: 0.1, childrenTotal: null, gap: null, status: "ok", short: [] });
    expect(byNo(7)).toMatchObject({ kind: "cumulative", parent: 400000, status: "unchecked" });
    expect(byNo(7).reason?.zh).toContain("累计");
    expect(byNo(7).reason?.en.length).toBeGreaterThan(10);
  });

  test("the transposed table (cities as rows) gives the same results", () => {
    const r = zg(["check", path.join(SAMPLES, "2020-decomposition-transposed.xlsx"), "--json"]);
    expect(r.status).toBe(0);
    expect(json<CheckOut>(r).results).toEqual(out.results);
  });

  test("without --json: a readable table with Chinese labels and no colour codes when piped", () => {
    const r = zg(["check", DECOMPOSITION]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("传统制造业新增工业机器人10000台");
    expect(r.stdout).toContain("达标");
    expect(r.stdout).toContain("无法校核");
    expect(r.stdout).toContain("共 18 项");
    expect(r.stdout).not.toContain("\u001b[");
    // Figures as 9号 writes them: 300亿元 and 100万吨 (104.14万吨 allocated), not base units or another 万/亿 rule.
    const line = (label: string) => r.stdout.split("\n").find((l) => l.includes(label)) ?? "";
    expect(line("涉及金额300亿元")).toMatch(/300亿元\s+300亿元\s+0亿元/);
    expect(line("腾出用能")).toMatch(/100万吨标准煤\s+104\.14万吨\s+\+4\.14万吨标准煤/);
  });
});

test("colour only on a terminal and only without NO_COLOR", () => {
  expect(useColour({ isTTY: true }, {})).toBe(true);
  expect(useColour({ isTTY: true }, { NO_COLOR: "1" })).toBe(false);
  expect(useColour({ isTTY: false }, {})).toBe(false);
  expect(useColour({}, {})).toBe(false);
});

test("the made-up county table: shortfalls found, the wrong 合计 reported as a warning with its cell", () => {
  const r = zg(["check", path.join(SAMPLES, "sample-county-decomposition.xlsx"), "--json"]);
  expect(r.status).toBe(0);
  const out = json<CheckOut>(r);
  const robots = out.results.find((x) => x.indicator === "新增工业机器人");
  expect(robots).toMatchObject({ kind: "total", parent: 1300, childrenTotal: 1280, gap: -20, status: "short" });
  expect(out.results.find((x) => x.indicator === "新产品产值增长")).toMatchObject({ kind: "rate", status: "short", short: ["拱墅区"] });
  expect(out.warnings).toHaveLength(1);
  expect(out.warnings[0]).toMatchObject({ sheet: "杭州分解", cell: "L18" });
  expect(out.warnings[0].zh).toContain("合计");
});

describe("a fixture with a two-row merged header, title and note rows, 全市目标 and 合计 columns", () => {
  let file: string;
  beforeAll(async () => {
    file = await workbook(path.join(dir, "city table.xlsx"), (wb) => cityTable(wb.addWorksheet("分解表")));
  });

  test("each indicator checked against the 全市目标 column; 合计 is not a child", () => {
    const r = zg(["check", file, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const out = json<CheckOut>(r);
    expect(out.sheet).toBe("分解表");
    expect(out.results.map((x) => [x.indicator, x.status, x.childrenTotal, x.gap, x.short])).toEqual([
      ["新增工业机器人", "short", 290, -10, []],
      ["研发费用支出增长", "short", null, null, ["丙县"]],
      ["并购重组交易金额", "ok", 550000000, 50000000, []],
    ]);
    // 5.4亿元 in the 合计 column is not the 5.5亿元 the children add up to.
    expect(out.warnings.map((w) => w.cell)).toEqual(["H7"]);
  });

  test("the input file is never modified, and --out writes a workbook with the shortfalls marked", async () => {
    const before = sha256(file);
    const result = path.join(dir, "check result.xlsx");
    const r = zg(["check", file, "--out", result]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("已写入");
    expect(sha256(file)).toBe(before);

    const wb = await openXlsx(result);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["校核结果", "下级明细", "提示", "规则与说明"]);
    const ws = wb.getWorksheet("校核结果")!;
    expect(ws.getCell("B3").value).toBe("新增工业机器人");
    expect(ws.getCell("E3").value).toBe(300);
    expect(ws.getCell("F3").value).toBe(290);
    expect(ws.getCell("G3").value).toMatchObject({ formula: "F3-E3", result: -10 });
    expect(String(ws.getCell("H3").value)).toContain("short");
    expect((ws.getCell("B3").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
    expect(ws.getCell("E4").numFmt).toBe("0.0%");
    // Figures in the unit the table wrote them in: 5亿元 is 5 under 亿元, not 500,000,000 元.
    expect([ws.getCell("D5").value, ws.getCell("E5").value, ws.getCell("F5").value]).toEqual(["亿元", 5, 5.5]);
    expect(ws.getCell("G5").value).toMatchObject({ formula: "F5-E5", result: 0.5 });
    const detail = wb.getWorksheet("下级明细")!;
    expect(detail.getRow(2).values).toEqual([undefined, "指标\nIndicator", "单位\nUnit", "甲县", "乙县", "丙县"]);
    expect(detail.getRow(5).values).toEqual([undefined, "并购重组交易金额", "亿元", 2, 2, 1.5]);
    expect((detail.getCell("E4").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");

    // An existing file is not replaced without --force, and the refusal names it.
    const again = zg(["check", file, "--out", result]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("check result.xlsx");
    expect(again.stderr).toContain("--force");
    expect(zg(["check", file, "--out", result, "--force"]).status).toBe(0);
    // Never the input itself, even with --force.
    const self = zg(["check", file, "--out", file, "--force"]);
    expect(self.status).toBe(2);
    expect(sha256(file)).toBe(before);
  });
});

describe("unusable input: exit status 2 and a message naming the file, sheet and cell", () => {
  test("unreadable cells, every one named", async () => {
    const file = await workbook(path.join(dir, "pending.xlsx"), (wb) => cityTable(wb.addWorksheet("分解表"), { F5: "待定", G7: "约十二" }));
    const r = zg(["check", file, "--json"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("pending.xlsx");
    expect(r.stderr).toContain("分解表");
    expect(r.stderr).toContain("F5");
    expect(r.stderr).toContain("待定");
    expect(r.stderr).toMatch(/zg error: .*pending\.xlsx, 分解表!F5/);
    expect(r.stderr).toContain("分解表!G7");
    expect(r.stderr).toContain("约十二");
  });

  test("an Excel error value in a child cell", async () => {
    const file = await workbook(path.join(dir, "na.xlsx"), (wb) => cityTable(wb.addWorksheet("表"), { G7: { error: "#N/A" } as never }));
    const r = zg(["check", file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("表!G7");
    expect(r.stderr).toContain("#N/A");
  });

  test("not an xlsx, a missing file, a workbook without a table, an unknown --sheet", async () => {
    const fake = path.join(dir, "returned.xlsx");
    fs.writeFileSync(fake, "this is a CSV export, not a workbook\n");
    const notXlsx = zg(["check", fake]);
    expect(notXlsx.status).toBe(2);
    expect(notXlsx.stderr).toContain("returned.xlsx");
    expect(notXlsx.stderr).toContain("不是 .xlsx");

    const missing = zg(["check", path.join(dir, "nowhere.xlsx")]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("nowhere.xlsx");
    expect(missing.stderr).toContain("找不到");

    const prose = await workbook(path.join(dir, "letter.xlsx"), (wb) => {
      const ws = wb.addWorksheet("通知");
      put(ws, 1, 1, [["关于印发分解方案的通知"], ["各设区市：请按要求落实。"]]);
    });
    const noTable = zg(["check", prose]);
    expect(noTable.status).toBe(2);
    expect(noTable.stderr).toContain("letter.xlsx");
    expect(noTable.stderr).toContain("通知");
    expect(noTable.stderr).toContain("没有找到指标分解表");

    const sheet = zg(["check", DECOMPOSITION, "--sheet", "Sheet9"]);
    expect(sheet.status).toBe(2);
    expect(sheet.stderr).toContain("Sheet9");
    expect(sheet.stderr).toContain("2020分解方案");
  });

  test("bad arguments", () => {
    const r = zg(["check", DECOMPOSITION, "--top", "3"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--top");
    expect(zg(["check"]).status).toBe(2);
    expect(zg(["inspect", DECOMPOSITION]).status).toBe(2);
  });
});

test("--sheet picks a sheet even when an earlier one holds a table too", async () => {
  const file = await workbook(path.join(dir, "two tables.xlsx"), (wb) => {
    cityTable(wb.addWorksheet("第一张"));
    cityTable(wb.addWorksheet("第二张"), { E5: 120 });
  });
  const first = json<CheckOut>(zg(["check", file, "--json"]));
  expect(first.sheet).toBe("第一张");
  const second = json<CheckOut>(zg(["check", file, "--sheet", "第二张", "--json"]));
  expect(second.sheet).toBe("第二张");
  expect(second.results[0]).toMatchObject({ childrenTotal: 310, gap: 10, status: "ok" });
});

test("--help explains the command with an example, in Chinese and English", () => {
  const r = zg(["check", "--help"]);
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("校核指标分解表");
  expect(r.stdout).toContain("check a decomposition table");
  expect(r.stdout).toContain("zg check assets/samples/2020-decomposition.xlsx");
  const general = zg(["--help"]);
  expect(general.stdout).toContain("Exit status");
  expect(general.stdout).toContain("退出状态");
});
