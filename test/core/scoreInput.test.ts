/**
 * Reading a completion sheet and a 县 sheet for scoring, at sizes no province has: caps on counties, cities and
 * rows with a clear error at the first cell past; one warning for many unknown names (the first few and a count);
 * and a county sheet's rows matched to the right namesake through the index.
 */
import { findScoreSheets, readScoreSheets } from "../../src/core/scoreInput";
import { LIMITS } from "../../src/core/limits";
import type { CellValue, SheetData } from "../../src/core/types";

const HEAD = ["设区市", "县（市、区）", "指标", "目标", "完成"];
const COUNTY_HEAD = ["县（市、区）", "设区市", "实施方案", "年度工作要点", "配套政策", "工作机制", "省级试点", "批示或典型发言", "上年度已获激励"];

function read(rows: CellValue[][], countyRows?: CellValue[][]) {
  const sheets: SheetData[] = [{ name: "完成情况", cells: [HEAD, ...rows], merges: [] }];
  if (countyRows) sheets.push({ name: "县", cells: [COUNTY_HEAD, ...countyRows], merges: [] });
  const found = findScoreSheets(sheets);
  return readScoreSheets(found.completion!, found.county);
}

test.each([
  ["counties", LIMITS.maxCounties + 1, (i: number) => ["杭州市", `测试${i}县`, "新增工业机器人", "10台", 12], "too-many-counties", `B${LIMITS.maxCounties + 2}`, /县（市、区）超过 5000 个/],
  ["cities", LIMITS.maxCities + 1, (i: number) => [`测试${i}市`, `测试${i}县`, "新增工业机器人", "10台", 12], "too-many-cities", `A${LIMITS.maxCities + 2}`, /设区市超过 400 个/],
  ["rows", LIMITS.maxScoreRows + 1, (i: number) => ["杭州市", `测试${i % 10}县`, `指标${i}`, "10台", 12], "too-many-rows", `B${LIMITS.maxScoreRows + 2}`, /数据行超过 100000 行/],
] as const)("more %s than a province has: an error at the first cell past", (_what, n, row, code, cell, text) => {
  const r = read(Array.from({ length: n }, (_, i) => [...row(i + 1)]));
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error).toMatchObject({ code, severity: "error", sheet: "完成情况", cell });
  expect(r.error.zh).toMatch(text);
  // One row fewer is read.
  expect(read(Array.from({ length: n - 1 }, (_, i) => [...row(i + 1)])).ok).toBe(true);
});

test("many unknown counties: one warning, the first five names and the count, at the first", () => {
  const r = read(Array.from({ length: 1000 }, (_, i) => ["杭州市", `测试${i + 1}县`, "新增工业机器人", "10台", 12]));
  if (!r.ok) throw new Error(r.error.en);
  const unknown = r.warnings.filter((w) => w.code === "unknown-county");
  expect(unknown).toHaveLength(1);
  expect(unknown[0]).toMatchObject({ cell: "B2" });
  expect(unknown[0].zh).toMatch(/“测试1县、测试2县、测试3县、测试4县、测试5县 等 1000 个”不在浙江省 90 个县（市、区）（含 2019 年 8 月设立的龙港市；[^）]*）名单中/);
  expect(unknown[0].en).toMatch(/"测试1县, 测试2县, 测试3县, 测试4县, 测试5县 … 1000 in all" are not among/);
});

test("a county written with a zero-width joiner: a warning naming the county it looks like", () => {
  const r = read([["杭州市", "余杭\u200d区", "新增工业机器人", "10台", 12], ["杭州市", "西湖区", "新增工业机器人", "10台", 12]]);
  if (!r.ok) throw new Error(r.error.en);
  expect(r.warnings.map((w) => w.code)).toContain("county-invisible-characters");
  expect(r.warnings.find((w) => w.code === "county-invisible-characters")).toMatchObject({ cell: "B2" });
  expect(r.warnings.some((w) => w.code === "unknown-county")).toBe(false);
});

test("the county sheet's rows find the namesake of their own city", () => {
  const rows = [
    ["杭州市", "新区", "新增工业机器人", "10台", 12],
    ["宁波市", "新区", "新增工业机器人", "10台", 12],
  ];
  const yes = (county: string, city: string, plan: string) => [county, city, plan, "否", "否", "否", "否", 0, "否"];
  const r = read(rows, [yes("新区", "宁波市", "是"), yes("新区", "杭州市", "否"), yes("旧区", "杭州市", "是")]);
  if (!r.ok) throw new Error(r.error.en);
  expect(r.counties.map((c) => [c.city, c.policy.plan])).toEqual([
    ["杭州市", false],
    ["宁波市", true],
  ]);
  expect(r.warnings.filter((w) => w.code === "county-without-figures").map((w) => w.cell)).toEqual(["A4"]);
});
