/**
 * The results sheet's formulas: they refer to the user's cells, and evaluated they give the engine's figures —
 * also when the city column is merged down its counties (the cities are then written as values).
 */
import { runSelection } from "../../src/core/select";
import type { SheetData } from "../../src/core/types";
import { a1 } from "../../src/core/address";
import { MemoryWorkbook } from "../../src/excel/memory/memory";
import { isFormula } from "../../src/excel/ops";
import { zgFunctions } from "../../src/excel/memory/zgFunctions";
import { detectHeader, readCounties } from "../../src/taskpane/scoreInput";
import { scoreSheet } from "../../src/taskpane/scoreSheet";
import { SCORE_SHEET } from "../../src/taskpane/i18n";

const completion: SheetData = {
  name: "完成情况",
  cells: [
    ["2020年完成情况"],
    ["设区市", "县（市、区）", "指标", "目标", "完成"],
    ["杭州市", "上城区", "新增工业机器人", "100台", "130台"],
    [null, "上城区", "研发费用支出增长", "10%", "12%"],
    [null, "下城区", "新增工业机器人", "100台", "90台"],
    [null, "下城区", "研发费用支出增长", "10%", "15%"],
    ["宁波市", "海曙区", "新增工业机器人", "200台", "260台"],
    [null, "海曙区", "研发费用支出增长", "10%", "9%"],
    [null, "江北区", "新增工业机器人", "200台", "180台"],
    [null, "江北区", "研发费用支出增长", "10%", "11%"],
  ],
  merges: [
    { top: 2, left: 0, bottom: 5, right: 0 },
    { top: 6, left: 0, bottom: 9, right: 0 },
  ],
};

test.each(["full", "max"] as const)("merged city cells, std %s: the sheet's totals are the engine's", async (std) => {
  const book = new MemoryWorkbook({ functions: zgFunctions() });
  // As Excel holds a merged area: the value in its top-left cell only.
  book.addSheet(completion);
  const sheet = await book.readSheet("完成情况");
  const mapping = detectHeader(sheet)!;
  const read = readCounties(sheet, mapping, null, null);
  if (!read.ok) throw new Error(read.error.en);
  const result = runSelection(read.counties, { std });
  const content = scoreSheet({ completion: { sheet, mapping }, county: null, counties: read.counties, result, lang: "zh" });
  const w = await book.writeSheet(content);
  const formulas = content.cells.flat().filter(isFormula).map((v) => v.formula);
  expect(formulas.some((x) => x.includes("ZG.COMPLETION"))).toBe(true);
  expect(formulas.filter((x) => x.startsWith("='完成情况'!$A$"))).toHaveLength(0);
  const countyRow = (county: string) => content.cells.findIndex((r) => r[1] === county);
  for (const c of result.counties) {
    const r = countyRow(c.county);
    expect(book.value(w.sheet, r, 8) as number).toBeCloseTo(c.total, 9);
    expect(book.value(w.sheet, r, 9)).toBe(c.cityRank);
    // 推荐 comes from =ZG.RECOMMEND over the totals: the engine's choice.
    expect([c.county, book.value(w.sheet, r, 10)]).toEqual([c.county, c.recommended ? "是" : ""]);
  }
  const prov = content.cells.findIndex((r) => r[0] === "二、省级部门评送环节") + 2;
  result.province.forEach((p, i) => {
    expect(book.value(w.sheet, prov + i, 1)).toBe(p.county);
    expect(book.value(w.sheet, prov + i, 8) as number).toBeCloseTo(p.total, 9);
    expect(book.value(w.sheet, prov + i, 9)).toBe(p.rank);
    // 建议激励名额内 and 拟列入督查激励建议名单 come from =ZG.SHORTLIST: the engine's choice, both of them.
    expect([p.county, book.value(w.sheet, prov + i, 11)]).toEqual([p.county, p.selected ? "是" : ""]);
    expect([p.county, book.value(w.sheet, prov + i, 12)]).toEqual([p.county, p.proposed ? "是" : ""]);
  });
  // Sections numbered in the order they come; options in words, not as code.
  const heads = content.cells.map((r) => r[0]).filter((v): v is string => typeof v === "string" && /^[一二三四五六七八九十]、/.test(v));
  expect(heads.map((h) => h[0])).toEqual(["一", "二", "三", "四", "五"]);
  const options = String(content.cells[1][0]);
  expect(options).toContain("第一名得分 10，名次递减 0.5");
  expect(options).not.toMatch(/top=|slots=|step=/);
  // The reasons spill beside the names, in the sheet's language.
  const rec = content.cells.findIndex((r) => r[0] === "设区市" && r[1] === "推荐县（市、区）") + 1;
  expect(book.value(w.sheet, rec, 1)).toBe(result.counties.find((c) => c.recommended && c.city === "杭州市")!.county);
  expect(String(book.value(w.sheet, rec, 2))).toContain("总分");
});

// Excel API reference, Range.values: "If the returned value starts with a plus ("+"), minus ("-"), or equal sign
// ("="), Excel interprets this value as a formula." County names come from the user's workbook: they are text.
test("county and city names that look like formulas land on the results sheet as the same text", async () => {
  const names = ["-临平区", '=HYPERLINK("http://x"&B5)', "=1+1", "@x", "+1", "Sheet1!A1"];
  const sheet: SheetData = {
    name: "完成情况",
    cells: [
      ["设区市", "县（市、区）", "指标", "目标", "完成"],
      ...names.flatMap((county, i) => [
        [i < 3 ? "=杭州" : "宁波市", county, "新增工业机器人", "100台", `${100 + i * 7}台`],
        [i < 3 ? "=杭州" : "宁波市", county, "研发费用支出增长", "10%", `${9 + i}%`],
      ]),
    ],
  };
  const book = new MemoryWorkbook({ functions: zgFunctions() });
  book.addSheet(sheet);
  const read0 = await book.readSheet("完成情况");
  const mapping = detectHeader(read0)!;
  const read = readCounties(read0, mapping, null, null);
  if (!read.ok) throw new Error(read.error.en);
  const result = runSelection(read.counties, {});
  const content = scoreSheet({ completion: { sheet: read0, mapping }, county: null, counties: read.counties, result, lang: "zh" });
  const w = await book.writeSheet(content);
  const written = book.sheet(w.sheet)!;
  for (const name of names) {
    const rows = written.cells.map((r, i) => (r[1] === name ? i : -1)).filter((i) => i >= 0);
    // The city stage, and the province stage where the county was recommended.
    expect(rows.length).toBeGreaterThanOrEqual(1);
    for (const r of rows) expect([name, book.value(w.sheet, r, 1), book.isFormula(w.sheet, a1(r, 1))]).toEqual([name, name, false]);
  }
  const cityCells = written.cells.map((r, i) => (r[0] === "=杭州" ? i : -1)).filter((i) => i >= 0);
  expect(cityCells.length).toBeGreaterThan(0);
  for (const r of cityCells) expect([book.value(w.sheet, r, 0), book.isFormula(w.sheet, a1(r, 0))]).toEqual(["=杭州", false]);
  // The detail section refers to the user's cells: the names come through those references as the same text.
  const detail = written.cells.findIndex((r) => r[0] === "四、指标明细（设区市推荐环节）") + 2;
  names.forEach((name, i) => expect(book.value(w.sheet, detail + i * 2, 1)).toBe(name));
  // SUMIFS/COUNTIFS read a criterion starting with =, < or > as a comparison: the sheet matches names with "="&cell,
  // so a county called "=1+1" still gets its own totals (the engine's), not 0.
  const city = written.cells.findIndex((r) => r[0] === "一、设区市推荐环节") + 2;
  for (const c of result.counties) {
    const r = written.cells.findIndex((row, i) => i >= city && row[1] === c.county);
    expect([c.county, book.value(w.sheet, r, 8)]).toEqual([c.county, expect.closeTo(c.total, 9)]);
  }
  // Only cells our code built are formulas.
  const formulas = content.cells.flat().filter(isFormula).map((v) => v.formula);
  expect(formulas.filter((x) => [...names, "=杭州"].includes(x))).toEqual([]);
  expect(formulas.some((x) => x.startsWith("=SUMIFS("))).toBe(true);
});

// A 单位 column of "%" with a bare 0.21 means 0.21% to the engine (core/scoreInput.ts withUnit); the results sheet
// must pass the same meaning to ZG.COMPLETION / ZG.OVERTARGET, not 21%. A number shown as a percentage stays that
// percentage (0.12 in 0% is 12%), under a 单位 column or not.
test("a 单位 column: a bare 0.21 under % is 0.21% on the results sheet as in the engine; a percent-formatted number is its percentage", async () => {
  const sheet: SheetData = {
    name: "完成情况",
    cells: [
      ["设区市", "县（市、区）", "指标", "单位", "目标", "完成"],
      ["杭州市", "上城区", "研发费用支出增长", "%", "10%", 0.21],
      ["杭州市", "上城区", "新增工业机器人", "台", 100, 130],
      ["杭州市", "下城区", "研发费用支出增长", "%", "10%", 0.12],
      ["杭州市", "下城区", "新增工业机器人", "台", 100, 90],
      ["杭州市", "拱墅区", "研发费用支出增长", "%", 10, 12],
      ["杭州市", "拱墅区", "新增工业机器人", "台", 100, null],
    ],
    numberFormats: [[], [], [], [null, null, null, null, null, "0%"], [], [], []],
  };
  const book = new MemoryWorkbook({ functions: zgFunctions() });
  book.addSheet(sheet);
  const read0 = await book.readSheet("完成情况");
  const mapping = detectHeader(read0)!;
  const read = readCounties(read0, mapping, null, null);
  if (!read.ok) throw new Error(read.error.en);
  const result = runSelection(read.counties, { std: "full" });
  const content = scoreSheet({ completion: { sheet: read0, mapping }, county: null, counties: read.counties, result, lang: "zh" });
  const w = await book.writeSheet(content);
  // Section 三 mirrors the user's table row for row, under its two heading rows.
  const head = content.cells.findIndex((r) => r[0] === SCORE_SHEET.zh.cityDetail) + 2;
  const measures = (county: string, indicator: string) => {
    const k = sheet.cells.findIndex((r) => r[1] === county && r[2] === indicator) - 1;
    const e = result.counties.find((c) => c.county === county)!.indicators.find((x) => x.indicator === indicator)!;
    return { completion: book.value(w.sheet, head + k, 5), over: book.value(w.sheet, head + k, 6), engine: { completion: e.completion?.value, over: e.over?.value } };
  };
  // 0.21 under %: 0.21% against 10% — completion 0.021, not exceeded (the engine's reading).
  const a = measures("上城区", "研发费用支出增长");
  expect(a.completion as number).toBeCloseTo(0.021, 12);
  expect(a.over).toBe("");
  expect(a.engine.completion).toBeCloseTo(0.021, 12);
  expect(a.engine.over ?? 0).toBe(0);
  // 0.12 shown as 12%: exceeded by 20%.
  const b = measures("下城区", "研发费用支出增长");
  expect(b.completion as number).toBeCloseTo(1.2, 12);
  expect(b.over as number).toBeCloseTo(0.2, 12);
  expect(b.engine.over).toBeCloseTo(0.2, 12);
  // Bare counts under 台, and 12 under % against 10 under % (both 0.1x%): completion 1.2 either way.
  expect(measures("上城区", "新增工业机器人").completion as number).toBeCloseTo(1.3, 12);
  expect(measures("拱墅区", "研发费用支出增长").completion as number).toBeCloseTo(1.2, 12);
  // An empty actual is no measure on the sheet, as in the engine.
  expect(measures("拱墅区", "新增工业机器人").completion).toBe("");
  // Every county's total on the sheet is the engine's.
  for (const c of result.counties) expect(book.value(w.sheet, content.cells.findIndex((r) => r[1] === c.county), 8) as number).toBeCloseTo(c.total, 9);
});
