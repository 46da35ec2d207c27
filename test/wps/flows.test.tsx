/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
/**
 * The task pane's flows inside WPS 表格: the same App over src/wps/ops.ts on the fake object model (fakeWps.ts), as
 * the office-addin-mock tests run it over office.ts: check and marks, the report and its replacement, scoring and
 * the results sheet, templates, the city round; and what lands in the workbook — text stays text, marks are ours
 * and removable, our sheets are replaced only after a confirmation, nothing of the user's is overwritten.
 */
import "@testing-library/jest-dom";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { templateWorkbook } from "../../src/cli/write-xlsx";
import { INDICATORS_2020, countiesOf } from "../../src/core/reference";
import { selfAssessmentTemplate } from "../../src/core/templates";
import { MARK_COLORS, OpError } from "../../src/excel/ops";
import { sampleWorkbook } from "../../src/preview/samples";
import { App } from "../../src/taskpane/App";
import { WpsOps } from "../../src/wps/ops";
import { vbaColor } from "../../src/wps/values";
import { CVERR, FakeWps } from "./fakeWps";

jest.setTimeout(120_000);

beforeAll(() => {
  (globalThis as unknown as { TextDecoder: unknown }).TextDecoder ??= jest.requireActual<typeof import("util")>("util").TextDecoder;
  (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

function smallTable(fake: FakeWps) {
  const s = fake.addSheet("分解", [
    ["2020年目标分解"],
    ["指标", "全市目标", "甲县", "乙县", "丙县"],
    ["新增工业机器人", "300台", 100, 120, 70],
    ["研发费用支出增长", "10%以上", "12%", "8%", "10%"],
    ["技术改造投资增长", "7%以上", "9%", "7%", "7.5%"],
  ]);
  s.fills.set("2,2", 0xffff00);
  // A rule of the user's own, which 清除标记 must leave.
  s.rules.push({ type: 2, formula1: "=C3>100", address: "C3:E3", interior: 255, font: null });
  fake.select("分解", "B3");
  return s;
}

function renderApp(fake: FakeWps) {
  const ops = new WpsOps(fake.app, { displayLanguage: "zh-CN" });
  const user = userEvent.setup();
  render(<App ops={ops} lang="zh" />);
  return { user, ops };
}

describe("分解校核 / check in WPS", () => {
  test("checks the table around the selection, marks the shortfalls with our rules, clears exactly those", async () => {
    const fake = new FakeWps();
    const s = smallTable(fake);
    const before = JSON.stringify(s.cells);
    const { user } = renderApp(fake);
    await user.click(screen.getByRole("button", { name: "校核" }));
    const summary = await screen.findByTestId("check-summary");
    expect(summary).toHaveTextContent("达标 1");
    expect(summary).toHaveTextContent("未达标 2");
    expect(screen.getByText(/已在表中标记 2 个单元格/)).toBeTruthy();
    const ours = s.rules.filter((r) => r.formula1.includes("ZG.mark"));
    // One rule per kind over all its areas.
    expect(ours.map((r) => r.address)).toEqual(["A3,D4"]);
    expect(ours[0]).toMatchObject({ type: 2, interior: vbaColor(MARK_COLORS.short.fill), font: vbaColor(MARK_COLORS.short.font) });
    expect(fake.screenUpdating).toBe(true);
    await user.click(screen.getByRole("button", { name: "清除标记" }));
    await screen.findByText(/已清除 \d+ 组标记/);
    expect(fake.marks("分解")).toEqual([]);
    // The user's own rule and fill, and every value, as they were.
    expect(s.rules).toEqual([{ type: 2, formula1: "=C3>100", address: "C3:E3", interior: 255, font: null }]);
    expect(s.fills.get("2,2")).toBe(0xffff00);
    expect(JSON.stringify(s.cells)).toBe(before);
  });

  test("the report goes to a sheet of ours; writing again asks, keeps both or replaces without a WPS prompt", async () => {
    const fake = new FakeWps();
    smallTable(fake);
    const { user } = renderApp(fake);
    await user.click(screen.getByRole("button", { name: "校核" }));
    await screen.findByTestId("check-summary");
    await user.click(screen.getByRole("button", { name: "写入校核报告表" }));
    await screen.findByText("校核报告已写入工作表“ZG校核报告”。");
    const report = fake.sheet("ZG校核报告")!;
    expect(report.props).toEqual([{ Name: "ZG", Value: "report" }]);
    expect(report.value(2, 1)).toBe("新增工业机器人");
    expect(report.value(3, 7)).toBe("未达标");
    expect(report.value(3, 8)).toBe("乙县");
    // One Formula assignment for all the values (no cell-by-cell writing).
    expect(fake.log.filter((l) => l.startsWith("Formula ZG校核报告"))).toHaveLength(1);
    await user.click(screen.getByRole("button", { name: "写入校核报告表" }));
    await user.click(await screen.findByRole("button", { name: "另建新表" }));
    await screen.findByText("校核报告已写入工作表“ZG校核报告 (2)”。");
    await user.click(screen.getByRole("button", { name: "写入校核报告表" }));
    await user.click(await screen.findByRole("button", { name: "替换" }));
    await waitFor(() => expect(fake.sheets.map((x) => x.name)).toEqual(["分解", "ZG校核报告 (2)", "ZG校核报告"]));
    expect(fake.deletePrompts).toBe(0);
    expect(fake.displayAlerts).toBe(true);
  });

  test("names that look like formulas land as the same text", async () => {
    const fake = new FakeWps();
    const names = ["-临平区", '=HYPERLINK("http://x"&B5)', "@x"];
    fake.addSheet("分解", [
      ["指标", "全市目标", ...names],
      ["新增工业机器人", "300台", 100, 120, 70],
      ["研发费用支出增长", "10%以上", "8%", "12%", "9%"],
    ]);
    fake.select("分解", "B2");
    const { user } = renderApp(fake);
    await user.click(screen.getByRole("button", { name: "校核" }));
    await screen.findByTestId("check-summary");
    await user.click(screen.getByRole("button", { name: "写入校核报告表" }));
    await screen.findByText("校核报告已写入工作表“ZG校核报告”。");
    const report = fake.sheet("ZG校核报告")!;
    const research = report.cells.findIndex((r) => r?.[1] === "研发费用支出增长");
    expect(report.value(research, 8)).toBe("-临平区、@x");
    expect(report.formulas.size).toBe(0);
  });

  test("a write that fails part-way removes the new sheet and keeps the old one", async () => {
    const fake = new FakeWps();
    smallTable(fake);
    const { user } = renderApp(fake);
    await user.click(screen.getByRole("button", { name: "校核" }));
    await screen.findByTestId("check-summary");
    await user.click(screen.getByRole("button", { name: "写入校核报告表" }));
    await screen.findByText("校核报告已写入工作表“ZG校核报告”。");
    const before = JSON.stringify(fake.sheet("ZG校核报告")!.cells);
    fake.failFormulaWrites = 1;
    await user.click(screen.getByRole("button", { name: "写入校核报告表" }));
    await user.click(await screen.findByRole("button", { name: "替换" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("写入工作表“ZG校核报告”失败");
    expect(alert).toHaveTextContent("原来的“ZG校核报告”保持不变");
    expect(fake.sheets.map((x) => x.name)).toEqual(["分解", "ZG校核报告"]);
    expect(JSON.stringify(fake.sheet("ZG校核报告")!.cells)).toBe(before);
    expect(fake.screenUpdating).toBe(true);
  });

  test("several selected ranges and a far cell: read through Areas and SpecialCells, with notices", async () => {
    const fake = new FakeWps();
    smallTable(fake);
    const s = fake.sheet("分解")!;
    (s.cells[1048575] ??= [])[16383] = "备注";
    fake.select("分解", "A1,B3", "B3");
    const { user } = renderApp(fake);
    await user.click(screen.getByRole("button", { name: "校核" }));
    expect(await screen.findByTestId("check-summary")).toHaveTextContent("未达标 2");
    expect(screen.getByText(/选中了 2 个区域/)).toBeTruthy();
    expect(screen.getByText(/XFD1048576/)).toBeTruthy();
  });
});

describe("reading through the object model", () => {
  test("error cells, empty cells, merged header cells and number formats come back as the engine reads them", async () => {
    const fake = new FakeWps();
    const s = fake.addSheet("表", [
      ["指标", "目标", null],
      ["机器人", { error: "#N/A" }, 0.1],
    ]);
    s.merges.push({ top: 0, left: 1, bottom: 0, right: 2 });
    s.formats.set("1,2", "0%");
    const ops = new WpsOps(fake.app);
    const read = await ops.readSheet("表");
    expect(read.cells).toEqual([
      ["指标", "目标", ""],
      ["机器人", { error: "#N/A" }, 0.1],
    ]);
    expect(read.merges).toEqual([{ top: 0, left: 1, bottom: 0, right: 2 }]);
    expect(read.numberFormats![1]).toEqual(["General", "General", "0%"]);
    expect(CVERR["#N/A"]).toBe(-2146826246);
  });

  test("a user's sheet is never removed; ours is; setUserCells writes text", async () => {
    const fake = new FakeWps();
    fake.addSheet("县", [["县（市、区）"], ["淳安县"]]);
    const ops = new WpsOps(fake.app);
    await expect(ops.removeOurSheet("县")).rejects.toBeInstanceOf(OpError);
    await ops.writeSheet({ name: "ZG校核报告", kind: "report", cells: [["x"]] });
    expect(await ops.listSheets()).toEqual([
      { name: "县", ours: false },
      { name: "ZG校核报告", ours: true, kind: "report" },
    ]);
    expect(await ops.removeOurSheet("ZG校核报告")).toBe(true);
    expect(fake.deletePrompts).toBe(0);
    expect(await ops.setUserCells("县", [{ address: "B2", value: "-1" }])).toBe(1);
    expect(fake.sheet("县")!.value(1, 1)).toBe("-1");
    await ops.goTo("县", "B2");
    expect(fake.activeCell).toEqual({ row: 1, col: 1 });
  });
});

/** The preview's sample workbook, as a user's workbook in WPS. */
function sampleFake(): FakeWps {
  const fake = new FakeWps();
  for (const s of sampleWorkbook().sheets) fake.addSheet(s.name, s.cells.map((r) => [...(r ?? [])]));
  fake.select("2020分解方案", "B5");
  return fake;
}

describe("评分 / score in WPS", () => {
  test("scores the sample, writes the results sheet with live =ZG.… formulas, tables, print layout", async () => {
    const fake = sampleFake();
    const { user } = renderApp(fake);
    await user.click(screen.getByRole("tab", { name: "评分" }));
    await screen.findByText(/完成情况表 · 列对应关系/);
    await user.click(screen.getByRole("button", { name: "评分" }));
    const table = await screen.findByTestId("province-table");
    expect(within(table).getAllByText("建议激励名额内")).toHaveLength(6);
    await user.click(screen.getByRole("button", { name: "写入评分结果表（实时公式）" }));
    await screen.findByText(/评分结果已写入工作表“ZG评分结果”/, undefined, { timeout: 30_000 });
    const sheet = fake.sheet("ZG评分结果")!;
    expect(sheet.props).toEqual([{ Name: "ZG", Value: "score" }]);
    expect(sheet.tables.map((t) => t.Name)).toEqual(["ZG_CityStage", "ZG_ProvinceStage"]);
    const formulas = [...sheet.formulas.values()];
    expect(formulas.some((f) => /^=IFERROR\(ZG\.COMPLETION\(/.test(f))).toBe(true);
    expect(formulas.some((f) => f.includes("ZG.RECOMMEND("))).toBe(true);
    // Text cells are in the Text format, formulas never are.
    for (const k of sheet.formulas.keys()) expect(sheet.formats.get(k) ?? "General").not.toBe("@");
    const title = sheet.cells.findIndex((r) => r?.[0] === "二、省级部门评送环节");
    expect(title).toBeGreaterThan(0);
    expect(sheet.frozenRows).toBeGreaterThanOrEqual(0);
    // The user's sheets as they were.
    expect(fake.sheet("完成情况")!.formulas.size).toBe(0);
  });
});

describe("模板 / templates in WPS", () => {
  test("templates go onto new sheets as text; a taken name gets a suffix and the drop-down follows it", async () => {
    const fake = new FakeWps();
    fake.addSheet("指标", [["用户自己的指标表"]]);
    const { user } = renderApp(fake);
    await user.click(screen.getByRole("tab", { name: "模板" }));
    await user.click(screen.getByRole("button", { name: "插入2020年分解方案（浙转升办〔2020〕9号）" }));
    await screen.findByText(/已插入：2020分解方案/);
    expect(fake.sheet("2020分解方案")!.props).toEqual([{ Name: "ZG", Value: "template" }]);
    await user.selectOptions(screen.getByRole("combobox", { name: "只含某设区市（可选）" }), "衢州市");
    await user.click(screen.getByRole("button", { name: "插入县（市、区）自评模板" }));
    await screen.findByText(/已插入：完成情况、县、指标 \(2\)、说明/);
    expect(fake.sheet("指标")!.cells).toEqual([["用户自己的指标表"]]);
    const list = fake.sheet("完成情况")!.validations.find((v) => v.type === 3 && String(v.formula1).startsWith("="));
    expect(list?.formula1).toBe("='指标 (2)'!$B$2:$B$19");
    for (const name of ["2020分解方案", "完成情况", "县", "指标 (2)", "说明"]) expect([name, fake.sheet(name)!.formulas.size]).toEqual([name, 0]);
  });
});

describe("汇总与差距 / city round in WPS", () => {
  const QUZHOU = countiesOf("衢州市").map((c) => c.name);
  async function countyFile(county: string, i: number): Promise<File> {
    const { sheets } = selfAssessmentTemplate({ city: "衢州" });
    for (const row of sheets[0].cells.slice(1)) {
      if (row[1] !== county) continue;
      const j = INDICATORS_2020.findIndex((x) => x.name === row[2]);
      const unit = INDICATORS_2020[j].displayUnit;
      row[4] = `${(j + 1) * 10}${unit}`;
      row[5] = `${(j + 1) * 10 + ((i * 7 + j * 3) % 11) - 4}${unit}`;
    }
    const buffer = (await templateWorkbook(sheets).xlsx.writeBuffer()) as ArrayBuffer;
    return new File([new Uint8Array(buffer)], `${county}.xlsx`);
  }

  test("汇总 writes the city's sheets as new sheets of ours beside the user's, then scores them", async () => {
    const fake = new FakeWps();
    fake.addSheet("我的表", [["备忘", "=不是公式"]]);
    fake.addSheet("ZG汇总完成情况", [["用户自己的表"]]);
    const { user } = renderApp(fake);
    await user.click(screen.getByRole("tab", { name: "汇总与差距" }));
    const files = await Promise.all(QUZHOU.slice(0, 3).map((c, i) => countyFile(c, i)));
    await user.upload(screen.getByTestId("collect-input"), files);
    await user.click(screen.getByRole("button", { name: "汇总并写入" }));
    await screen.findByTestId("collect-files", {}, { timeout: 20_000 });
    await waitFor(() => expect(fake.sheets.map((s) => s.name)).toEqual(["我的表", "ZG汇总完成情况", "ZG汇总完成情况 (2)", "ZG汇总县"]));
    expect(fake.sheet("ZG汇总完成情况")!.cells).toEqual([["用户自己的表"]]);
    expect(fake.sheet("我的表")!.cells).toEqual([["备忘", "=不是公式"]]);
    const written = fake.sheet("ZG汇总完成情况 (2)")!;
    expect(written.cells[0].slice(0, 6)).toEqual(["设区市", "县（市、区）", "指标", "单位", "目标", "完成"]);
    await user.click(screen.getByRole("tab", { name: "评分" }));
    expect(await screen.findByTestId("score-summary")).toHaveTextContent("3");
  });
});
