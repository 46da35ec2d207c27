/** @jest-environment jsdom */
/**
 * The task pane's flows as a user drives them, with the Excel operations injected (the in-memory workbook):
 * what the pane shows, what lands in the workbook, and that the user's own cells and formatting stay.
 */
import "@testing-library/jest-dom";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { runSelection } from "../../src/core/select";
import { a1 } from "../../src/core/address";
import { MemoryWorkbook } from "../../src/excel/memory/memory";
import { zgFunctions } from "../../src/excel/memory/zgFunctions";
import { sampleWorkbook } from "../../src/preview/samples";
import { App } from "../../src/taskpane/App";
import { detectHeader, readCounties } from "../../src/taskpane/scoreInput";

jest.setTimeout(60_000);

// jsdom has no ResizeObserver; Fluent UI's tab list and popovers ask for one.
beforeAll(() => {
  (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

/** A small city-level table as a county official might keep it: title, header, three indicators, a 合计 column. */
function smallTable(book: MemoryWorkbook) {
  book.addSheet({
    name: "分解",
    cells: [
      ["2020年目标分解"],
      ["指标", "全市目标", "甲县", "乙县", "丙县"],
      ["新增工业机器人", "300台", 100, 120, 70],
      ["研发费用支出增长", "10%以上", "12%", "8%", "10%"],
      ["技术改造投资增长", "7%以上", "9%", "7%", "7.5%"],
    ],
    fills: { C3: "#FFFF00" },
  });
  book.select("分解", "B3");
}

function renderApp(book: MemoryWorkbook, lang: "zh" | "en" = "zh") {
  const user = userEvent.setup();
  render(<App ops={book} lang={lang} />);
  return user;
}

describe("分解校核 / check", () => {
  test("checks the table around the selection, marks the shortfalls, clears exactly the marks", async () => {
    const book = new MemoryWorkbook();
    smallTable(book);
    const before = JSON.stringify(book.sheet("分解")!.cells);
    const user = renderApp(book);
    await user.click(screen.getByRole("button", { name: "校核" }));
    const summary = await screen.findByTestId("check-summary");
    expect(summary).toHaveTextContent("达标 1");
    expect(summary).toHaveTextContent("未达标 2");
    const rows = within(screen.getByTestId("check-results")).getAllByRole("row");
    expect(rows[1]).toHaveTextContent("新增工业机器人");
    expect(rows[1]).toHaveTextContent("分解合计比上级目标少 10台");
    expect(rows[2]).toHaveTextContent("低于目标的地区：乙县");
    // The gap explains itself: the sum, child by child, and the document behind the rule.
    await user.click(within(rows[1]).getByRole("button", { name: "新增工业机器人 差额 -10台" }));
    expect(await screen.findByText("丙县：70台，E3")).toBeTruthy();
    expect(screen.getByText(/浙转升办〔2020〕9号 附件/)).toBeTruthy();
    await user.keyboard("{Escape}");
    // Marks: the robots label (the sum falls short) and 乙县's research rate.
    const marks = book.marksOf("分解");
    expect([...marks.entries()].sort()).toEqual([
      ["2,0", "short"],
      ["3,3", "short"],
    ]);
    expect(screen.getByText(/已在表中标记 2 个单元格/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "清除标记" }));
    await screen.findByText(/已清除 1 组标记/);
    expect(book.marksOf("分解").size).toBe(0);
    expect(book.sheet("分解")!.fills.get("2,2")).toBe("#FFFF00");
    expect(JSON.stringify(book.sheet("分解")!.cells)).toBe(before);
  });

  test("writes the report to our sheet and asks before replacing it", async () => {
    const book = new MemoryWorkbook();
    smallTable(book);
    const user = renderApp(book);
    await user.click(screen.getByRole("button", { name: "校核" }));
    await screen.findByTestId("check-summary");
    await user.click(screen.getByRole("button", { name: "写入校核报告表" }));
    await screen.findByText("校核报告已写入工作表“ZG校核报告”。");
    const report = book.sheet("ZG校核报告")!;
    expect(report.ours).toBe("report");
    expect(report.cells[2][1]).toBe("新增工业机器人");
    expect(report.cells[3][7]).toBe("未达标");
    expect(report.cells[3][8]).toBe("乙县");
    // Again: the pane asks; keeping both writes a second sheet.
    await user.click(screen.getByRole("button", { name: "写入校核报告表" }));
    await user.click(await screen.findByRole("button", { name: "另建新表" }));
    await screen.findByText("校核报告已写入工作表“ZG校核报告 (2)”。");
    await user.click(screen.getByRole("button", { name: "写入校核报告表" }));
    await user.click(await screen.findByRole("button", { name: "替换" }));
    await waitFor(() => expect(book.sheets.filter((s) => s.name.startsWith("ZG校核报告"))).toHaveLength(2));
  });

  // Excel API reference, Range.values: "If the returned value starts with a plus ("+"), minus ("-"), or equal
  // sign ("="), Excel interprets this value as a formula." Names copied from the user's table are text.
  test("unit names that look like formulas land in the report as the same text", async () => {
    const book = new MemoryWorkbook();
    const names = ["-临平区", '=HYPERLINK("http://x"&B5)', "@x"];
    book.addSheet({
      name: "分解",
      cells: [
        ["指标", "全市目标", ...names],
        ["新增工业机器人", "300台", 100, 120, 70],
        ["研发费用支出增长", "10%以上", "8%", "12%", "9%"],
      ],
    });
    book.select("分解", "B2");
    const user = renderApp(book);
    await user.click(screen.getByRole("button", { name: "校核" }));
    await screen.findByTestId("check-summary");
    await user.click(screen.getByRole("button", { name: "写入校核报告表" }));
    await screen.findByText("校核报告已写入工作表“ZG校核报告”。");
    const report = book.sheet("ZG校核报告")!;
    const research = report.cells.findIndex((r) => r[1] === "研发费用支出增长");
    expect(book.value("ZG校核报告", research, 8)).toBe("-临平区、@x");
    expect(book.isFormula("ZG校核报告", `I${research + 1}`)).toBe(false);
    expect(book.value("ZG校核报告", research, 9)).toBe("分解!A3");
    report.cells.forEach((row, r) => row?.forEach((_, c) => expect([r, c, book.isFormula("ZG校核报告", a1(r, c))]).toEqual([r, c, false])));
  });

  test("the replace dialog says, in Chinese and English, that replacing clears Excel's undo history", async () => {
    const book = new MemoryWorkbook();
    smallTable(book);
    const user = renderApp(book);
    await user.click(screen.getByRole("button", { name: "校核" }));
    await screen.findByTestId("check-summary");
    await user.click(screen.getByRole("button", { name: "写入校核报告表" }));
    await screen.findByText("校核报告已写入工作表“ZG校核报告”。");
    await user.click(screen.getByRole("button", { name: "写入校核报告表" }));
    const warning = await screen.findByTestId("undo-warning");
    expect(warning).toHaveTextContent("Excel 不能撤销删除工作表");
    expect(warning).toHaveTextContent("Excel cannot undo deleting a sheet");
    await user.click(screen.getByRole("button", { name: "另建新表" }));
    await screen.findByText("校核报告已写入工作表“ZG校核报告 (2)”。");
  });

  test("a write that fails part-way says so, names the sheet, and keeps the old one", async () => {
    const book = new MemoryWorkbook();
    smallTable(book);
    const user = renderApp(book);
    await user.click(screen.getByRole("button", { name: "校核" }));
    await screen.findByTestId("check-summary");
    await user.click(screen.getByRole("button", { name: "写入校核报告表" }));
    await screen.findByText("校核报告已写入工作表“ZG校核报告”。");
    const before = JSON.stringify(book.sheet("ZG校核报告")!.cells);
    book.injectWriteFailure(2);
    await user.click(screen.getByRole("button", { name: "写入校核报告表" }));
    await user.click(await screen.findByRole("button", { name: "替换" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("写入工作表“ZG校核报告”失败");
    expect(alert).toHaveTextContent("原来的“ZG校核报告”保持不变");
    expect(JSON.stringify(book.sheet("ZG校核报告")!.cells)).toBe(before);
    expect(book.sheets.map((s) => s.name)).toEqual(["分解", "ZG校核报告"]);
  });

  test("several selected ranges and a far cell: the check reads the table and says what it left out", async () => {
    const book = new MemoryWorkbook();
    smallTable(book);
    book.setCell("分解", "XFD1048576", "备注");
    book.select("分解", "A1,B3", "B3");
    const user = renderApp(book);
    await user.click(screen.getByRole("button", { name: "校核" }));
    const summary = await screen.findByTestId("check-summary");
    expect(summary).toHaveTextContent("未达标 2");
    expect(screen.getByText(/选中了 2 个区域/)).toBeTruthy();
    expect(screen.getByText(/XFD1048576/)).toBeTruthy();
  });

  test("a user's sheet named like our report is never touched", async () => {
    const book = new MemoryWorkbook();
    smallTable(book);
    book.addSheet({ name: "ZG校核报告", cells: [["我自己的表"]] });
    book.select("分解", "B3");
    const user = renderApp(book);
    await user.click(screen.getByRole("button", { name: "校核" }));
    await screen.findByTestId("check-summary");
    await user.click(screen.getByRole("button", { name: "写入校核报告表" }));
    await screen.findByText("校核报告已写入工作表“ZG校核报告 (2)”。");
    expect(book.sheet("ZG校核报告")!.cells).toEqual([["我自己的表"]]);
  });

  test("no table: the error names the sheet, in Chinese, with a way to go there", async () => {
    const book = new MemoryWorkbook();
    book.addSheet({ name: "空表", cells: [["只是一行字"]] });
    book.select("空表", "A1");
    const user = renderApp(book);
    await user.click(screen.getByRole("button", { name: "校核" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("空表");
    await user.click(within(alert).getByRole("button", { name: /定位 空表/ }));
    expect(book.calls).toContain("goTo:空表!");
  });

  test("a typed range that is not an address is reported in the pane", async () => {
    const book = new MemoryWorkbook();
    smallTable(book);
    const user = renderApp(book);
    await user.type(screen.getByPlaceholderText("例如 分解表!A1:N22"), "分解!Q");
    await user.click(screen.getByRole("button", { name: "校核" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("不是有效的区域地址");
  });
});

describe("评分 / score, 推荐与建议名单 / proposed list", () => {
  test("recognises the sample's columns, scores, explains a number and writes live formulas", async () => {
    const book = sampleWorkbook({});
    const user = renderApp(book);
    await user.click(screen.getByRole("tab", { name: "评分" }));
    await screen.findByText(/完成情况表 · 列对应关系（第 2 行为表头）/);
    await user.click(screen.getByRole("button", { name: "评分" }));
    const table = await screen.findByTestId("province-table");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(11);
    expect(within(table).getAllByText("建议激励名额内")).toHaveLength(6);
    expect(within(table).getAllByText("差额")).toHaveLength(2);

    // The pane shows what the engine computes for the same input.
    const c = await book.readSheet("完成情况");
    const k = await book.readSheet("县");
    const read = readCounties(c, detectHeader(c)!, k, detectHeader(k)!);
    if (!read.ok) throw new Error("sample unreadable");
    const expected = runSelection(read.counties, {});
    expect(rows[0]).toHaveTextContent(expected.province[0].county);
    expect(rows[0]).toHaveTextContent(String(Math.round(expected.province[0].total * 100) / 100));

    // Explain: the total of the first county, with the article of 2号.
    await user.click(within(rows[0]).getByRole("button", { name: / 总分 / }));
    expect(await screen.findByText(/第五条 评价指标体系/)).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "写入评分结果表（实时公式）" }));
    await screen.findByText(/评分结果已写入工作表“ZG评分结果”/, undefined, { timeout: 30_000 });
    const sheet = book.sheet("ZG评分结果")!;
    expect(sheet.ours).toBe("score");
    expect(sheet.tables.map((t) => t.name)).toEqual(["ZG_CityStage", "ZG_ProvinceStage"]);
    expect(sheet.charts).toHaveLength(1);
    // ZG.COMPLETION reads the detail's own target and actual columns, which refer to the user's cells row by row
    // (the sample's 单位 column folded in as the engine reads it).
    const detailRow = sheet.cells.findIndex((r) => typeof r[5] === "string" && r[5].includes("ZG.COMPLETION"));
    expect(sheet.cells[detailRow][5]).toMatch(/^=IFERROR\(ZG\.COMPLETION\(\$E\$\d+:\$E\$\d+,\$D\$\d+:\$D\$\d+\),""\)$/);
    expect(sheet.cells[detailRow][3]).toBe(`=IF(ISBLANK('完成情况'!$E$3),"",IF(ISNUMBER('完成情况'!$E$3),'完成情况'!$E$3&'完成情况'!$D$3,'完成情况'!$E$3))`);
    // The province block's totals are the engine's.
    const provRow = sheet.cells.findIndex((r) => r[0] === "二、省级部门评送环节") + 2;
    expected.province.forEach((p, i) => {
      expect(book.value("ZG评分结果", provRow + i, 1)).toBe(p.county);
      expect(book.value("ZG评分结果", provRow + i, 8) as number).toBeCloseTo(p.total, 9);
    });

    // 推荐 is =ZG.RECOMMEND over the totals and 上年度已获激励 (the sample has last year's winner in 杭州市).
    const recommendedInSheet = sheet.cells.map((row, i) => (i >= 6 && i < 6 + expected.counties.length ? book.value("ZG评分结果", i, 10) : null)).filter((v) => v === "是").length;
    expect(recommendedInSheet).toBe(11);
    for (const c of expected.counties.filter((x) => x.recommended)) {
      const row = sheet.cells.findIndex((r, i) => i >= 6 && r[0] === c.city && r[1] === c.county);
      expect([c.county, book.value("ZG评分结果", row, 10)]).toEqual([c.county, "是"]);
    }
    expected.province.forEach((p, i) => expect([p.county, book.value("ZG评分结果", provRow + i, 11)]).toEqual([p.county, p.selected ? "是" : ""]));
    expected.province.forEach((p, i) => expect([p.county, book.value("ZG评分结果", provRow + i, 12)]).toEqual([p.county, p.proposed ? "是" : ""]));

    // Live: a higher actual for one county raises its city-stage total.
    const first = { county: book.value("ZG评分结果", 6, 1), total: book.value("ZG评分结果", 6, 8) as number };
    const src = book.sheet("完成情况")!;
    const r = src.cells.findIndex((row) => row[1] === first.county && typeof row[5] === "number");
    act(() => book.setCell("完成情况", `F${r + 1}`, (src.cells[r][5] as number) * 10));
    expect(book.value("ZG评分结果", 6, 8) as number).toBeGreaterThan(first.total);

    // The shortlist with its reasons.
    await user.click(screen.getByRole("tab", { name: "推荐与建议名单" }));
    const list = screen.getByTestId("shortlist");
    // The proposed list (8 for 6 places) with the places inside it; every heading counts the list under it.
    expect(list.querySelectorAll(":scope > li")).toHaveLength(8);
    expect(list.querySelectorAll('li[data-selected="true"]')).toHaveLength(6);
    expect(screen.getByText("拟列入督查激励建议名单（8 个，其中建议激励名额内 6 个）")).toBeTruthy();
    expect(screen.getByTestId("not-proposed").querySelectorAll(":scope > li")).toHaveLength(3);
    expect(screen.getByText("其余推荐县（3 个）")).toBeTruthy();
    expect(screen.getByText("各设区市推荐（11 个设区市）")).toBeTruthy();
    const recs = screen.getByTestId("recommendations");
    expect(recs.querySelectorAll("li[data-city]")).toHaveLength(11);
    // The sample has a previous winner: the pane says why it was passed over.
    expect(recs.querySelector('[data-reason="previous-winner"]')).not.toBeNull();
  }, 240_000);

  test("a column the recogniser misses can be mapped by hand", async () => {
    const book = new MemoryWorkbook({ functions: zgFunctions() });
    book.addSheet({
      name: "完成",
      cells: [
        ["设区市", "县（市、区）", "指标", "目标", "实绩"],
        ["杭州市", "上城区", "新增工业机器人", "100台", "120台"],
        ["杭州市", "下城区", "新增工业机器人", "100台", "90台"],
      ],
    });
    const user = renderApp(book);
    await user.click(screen.getByRole("tab", { name: "评分" }));
    expect(await screen.findByText("缺少必需的列：完成")).toBeTruthy();
    const score = screen.getByRole("button", { name: "评分" });
    expect(score).toBeDisabled();
    await user.selectOptions(screen.getByRole("combobox", { name: "完成情况表 实绩" }), "actual");
    expect(screen.queryByText("缺少必需的列：完成")).toBeNull();
    await user.click(score);
    const city = await screen.findByTestId("city-table");
    expect(city).toHaveTextContent("1. 上城区");
    expect(city).toHaveTextContent("推荐");
  });

  test("options reach the engine: with one place only one county is within the places", async () => {
    const book = sampleWorkbook({});
    const user = renderApp(book);
    await user.click(screen.getByRole("tab", { name: "评分" }));
    await screen.findByText(/完成情况表 · 列对应关系/);
    const slots = screen.getByRole("textbox", { name: "建议激励名额" });
    await user.clear(slots);
    await user.type(slots, "1");
    const min = screen.getByRole("textbox", { name: "名额内加快发展县至少（原则上，0 = 不适用）" });
    await user.clear(min);
    await user.type(min, "0");
    await user.click(screen.getByRole("button", { name: "评分" }));
    const table = await screen.findByTestId("province-table");
    expect(within(table).getAllByText("建议激励名额内")).toHaveLength(1);
    // ⌈1 × 1.2⌉ = 2 names: one more by the margin.
    expect(within(table).getAllByText("差额")).toHaveLength(1);
  });
});

describe("模板 / templates, language", () => {
  test("templates go onto new sheets; a taken name gets a suffix and the drop-down follows it", async () => {
    const book = new MemoryWorkbook();
    book.addSheet({ name: "指标", cells: [["用户自己的指标表"]] });
    const user = renderApp(book);
    await user.click(screen.getByRole("tab", { name: "模板" }));
    await user.click(screen.getByRole("button", { name: "插入2020年分解方案（浙转升办〔2020〕9号）" }));
    await screen.findByText(/已插入：2020分解方案/);
    expect(book.sheet("2020分解方案")!.ours).toBe("template");
    await user.selectOptions(screen.getByRole("combobox", { name: "只含某设区市（可选）" }), "衢州市");
    await user.click(screen.getByRole("button", { name: "插入县（市、区）自评模板" }));
    await screen.findByText(/已插入：完成情况、县、指标 \(2\)、说明/);
    expect(book.sheet("指标")!.cells).toEqual([["用户自己的指标表"]]);
    const list = book.sheet("完成情况")!.validations.find((v) => v.type === "list" && v.source);
    expect(list && list.type === "list" ? list.source : "").toBe("'指标 (2)'!$B$2:$B$19");
    // Template text is text: no cell of an inserted template is a formula.
    for (const name of ["2020分解方案", "完成情况", "县", "指标 (2)", "说明"]) {
      const sheet = book.sheet(name)!;
      sheet.cells.forEach((row, r) => row?.forEach((_, c) => expect([name, r, c, book.isFormula(name, a1(r, c))]).toEqual([name, r, c, false])));
    }
    const counties = book.sheet("县")!.cells.slice(1).map((r) => r[1]);
    expect(new Set(counties)).toEqual(new Set(["衢州市"]));
  });

  test("a city's decomposition to its counties: 全市目标 as printed, one column per county, its check formulas live", async () => {
    const book = new MemoryWorkbook();
    const user = renderApp(book);
    await user.click(screen.getByRole("tab", { name: "模板" }));
    await user.selectOptions(screen.getByTestId("city-decomposition-city"), "丽水市");
    await user.click(screen.getByRole("button", { name: "插入设区市分解到县模板（9号文件）" }));
    await screen.findByText(/已插入：丽水分解到县/);
    const sheet = book.sheet("丽水分解到县")!;
    expect(sheet.ours).toBe("template");
    expect(sheet.cells[1].slice(0, 5)).toEqual(["序号", "关键性量化指标", "单位", "全市目标", "莲都区"]);
    expect(sheet.cells[8][3]).toBe("300\n\n家"); // 丽水's 上云企业 of 9号, as printed
    // The check column holds formulas (plain Excel), the county cells are empty until filled.
    const checkCol = sheet.cells[1].length - 1;
    expect(book.isFormula("丽水分解到县", a1(2, checkCol))).toBe(true);
    expect(String(sheet.cells[sheet.cells.length - 1][0])).toContain("5月30日");
  });

  test("the language follows Office and can be switched", async () => {
    const book = new MemoryWorkbook({ displayLanguage: "en-US" });
    const user = userEvent.setup();
    render(<App ops={book} />);
    expect(screen.getByRole("tab", { name: "Check" })).toBeTruthy();
    await user.click(screen.getByTestId("lang-switch"));
    expect(screen.getByRole("tab", { name: "分解校核" })).toBeTruthy();
  });
});
