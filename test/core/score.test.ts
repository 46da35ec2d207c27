/**
 * rules.md §3–5. Every expected number is worked out by hand in the comments: defaults are
 * top 10, step 0.5, floor 0, so rank r earns max(0, 10 − 0.5 (r − 1)).
 */
import {
  INFINITE_MEASURE,
  SHEET_INFINITY,
  checkRankOptions,
  completion,
  completionMeasure,
  completionOrder,
  over,
  overMeasure,
  policyScore,
  rankPoints,
  resolveOptions,
  scoreGroup,
  standardScore,
} from "../../src/core/score";
import { ONE, compareRatio, decimalFromString, ratio } from "../../src/core/decimal";
import { readCell } from "../../src/core/parse";
import type { CountyInput, IndicatorEntry, Quantity, RankOptions, Ratio, ScoreOptions } from "../../src/core/types";
import { DEFAULT_OPTIONS } from "../../src/core/types";

const D: RankOptions = { top: 10, step: 0.5, floor: 0 };

function ok<T extends object>(r: ({ ok: true } & T) | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r;
}

/** A cell read as the engine reads it; the test fails loudly if it is not a value. */
function q(text: string | number): Quantity {
  const r = readCell(text);
  if (r.status !== "value") throw new Error(`not a value: ${String(text)}`);
  return r.quantity;
}

const dec = (s: string) => decimalFromString(s)!;

describe("rankPoints (§3)", () => {
  test("two firsts both get 10 and the next gets 9 (competition ranking)", () => {
    // 5 and 5 share rank 1 (nobody strictly better) → 10; 3 has two better → rank 3 → 10 − 0.5×2 = 9.
    const r = ok(rankPoints([5, 3, 5], D));
    expect(r.ranks).toEqual([1, 3, 1]);
    expect(r.points).toEqual([10, 9, 10]);
  });

  test("the floor: points never drop below it, with the default floor 0 and a custom one", () => {
    // 25 distinct values, best first: rank 21 → 10 − 0.5×20 = 0; rank 22 → max(0, −0.5) = 0.
    const m = Array.from({ length: 25 }, (_, i) => 25 - i);
    const r = ok(rankPoints(m, D));
    expect(r.points[19]).toBe(0.5); // rank 20: 10 − 9.5
    expect(r.points[20]).toBe(0);
    expect(r.points[24]).toBe(0);
    // step 3, floor 1: ranks 1..6 → 10, 7, 4, 1, max(1, −2) = 1, max(1, −5) = 1.
    const f = ok(rankPoints([6, 5, 4, 3, 2, 1], { top: 10, step: 3, floor: 1 }));
    expect(f.points).toEqual([10, 7, 4, 1, 1, 1]);
  });

  test("no measure (null, NaN, ±Infinity): 0 points, no rank, and it takes no rank from others", () => {
    // Ranked: 2 (rank 1, 10) and 1 (rank 2, 9.5). The floor does not apply to unranked units.
    const r = ok(rankPoints([null, NaN, 2, Infinity, 1], { top: 10, step: 0.5, floor: 3 }));
    expect(r.ranks).toEqual([null, null, 1, null, 2]);
    expect(r.points).toEqual([0, 0, 10, 0, 9.5]);
  });

  test("the infinite measure (an at-most actual of 0) ranks first and ties with its like", () => {
    // ∞, 1.25, ∞, none, 5/6 → ∞ and ∞ share rank 1 (10), 1.25 rank 3 (9), 5/6 rank 4 (8.5).
    const r = ok(rankPoints([INFINITE_MEASURE, ratio(dec("5"), dec("4")), { ...INFINITE_MEASURE }, null, ratio(dec("5"), dec("6"))], D));
    expect(r.ranks).toEqual([1, 3, 1, null, 4]);
    expect(r.points).toEqual([10, 9, 10, 0, 8.5]);
    // Beside plain numbers (read exactly): ∞ first, then 2, then 1.
    expect(ok(rankPoints([1, INFINITE_MEASURE, 2], D)).ranks).toEqual([3, 1, 2]);
    // Lower is better: ∞ last.
    expect(ok(rankPoints([INFINITE_MEASURE, 2, 1], { ...D, order: "asc" })).ranks).toEqual([3, 2, 1]);
    // −1/0 and 0/0 are no measure; so is a plain Infinity (an overflow, not a rule: see the test above).
    expect(ok(rankPoints([{ value: -Infinity, num: dec("-1"), den: dec("0") }, { value: NaN, num: dec("0"), den: dec("0") }, 1], D)).ranks).toEqual([null, null, 1]);
  });

  test("order 'asc': lower is better", () => {
    // 1 → rank 1 (10), 2 → rank 2 (9.5), 3 → rank 3 (9).
    const r = ok(rankPoints([3, 1, 2], { ...D, order: "asc" }));
    expect(r.ranks).toEqual([3, 1, 2]);
    expect(r.points).toEqual([9, 10, 9.5]);
  });

  test("options top and step", () => {
    // top 20, step 1: 3 → 20, 2 → 19, 1 → 18.
    expect(ok(rankPoints([1, 2, 3], { top: 20, step: 1, floor: 0 })).points).toEqual([18, 19, 20]);
    // step 0: every ranked unit gets top.
    expect(ok(rankPoints([1, 2, 3], { top: 10, step: 0, floor: 0 })).points).toEqual([10, 10, 10]);
  });

  test("exact ties: 0.3/0.1 and 3/1 read from text cells tie; the doubles would not", () => {
    const a = completionMeasure(q("0.1"), q("0.3"), "ratio")!; // exactly 3
    const b = completionMeasure(q("1"), q("3"), "ratio")!; // exactly 3
    const c = completionMeasure(q("1"), q("2.9"), "ratio")!; // 2.9
    const r = ok(rankPoints([a, b, c], D));
    expect(r.ranks).toEqual([1, 1, 3]);
    expect(r.points).toEqual([10, 10, 9]);
    // The binary quotient 0.3/0.1 is 2.9999999999999996 — a different number, so it ranks below 3.
    expect(ok(rankPoints([0.3 / 0.1, 3], D)).ranks).toEqual([2, 1]);
    // The number-level measure is computed exactly and rounded once.
    expect(completion(0.3, 0.1)).toBe(3);
  });

  test("near-equal ratios whose doubles coincide are still ordered exactly", () => {
    // 1/3 and 0.33333333333333333 have the same nearest double, but 1/3 is larger by 1/3 × 10⁻¹⁷.
    const third: Ratio = ratio(dec("1"), dec("3"));
    const almost: Ratio = ratio(dec("0.33333333333333333"), ONE);
    expect(third.value).toBe(almost.value);
    expect(ok(rankPoints([almost, third], D)).ranks).toEqual([2, 1]);
    // And two spellings of the same fraction tie: 2/6 = 1/3.
    expect(ok(rankPoints([ratio(dec("2"), dec("6")), third], D)).ranks).toEqual([1, 1]);
  });

  test("bad options come back as a bilingual error, never a throw", () => {
    const neg = rankPoints([1], { top: 10, step: -1, floor: 0 });
    expect(neg.ok).toBe(false);
    if (!neg.ok) {
      expect(neg.error.code).toBe("bad-option");
      expect(neg.error.severity).toBe("error");
      expect(neg.error.zh).toContain("step");
      expect(neg.error.en).toContain("step");
    }
    expect(rankPoints([1], { top: NaN, step: 0.5, floor: 0 }).ok).toBe(false);
    expect(rankPoints([1], { top: 10, step: 0.5, floor: 11 }).ok).toBe(false); // floor above top
    expect(rankPoints([1], { ...D, order: "up" as never }).ok).toBe(false);
    expect(checkRankOptions(D)).toBeNull();
  });
});

describe("measures (§4)", () => {
  test("completion A/T and over (A − T)/T for an at-least target", () => {
    // 120 of 100: completion 6/5 = 1.2; over (120 − 100)/100 = 0.2.
    expect(completionMeasure(q("100台"), q("120台"), "ratio")!.value).toBe(1.2);
    expect(overMeasure(q("100台"), q("120台"))!.value).toBe(0.2);
    // Not exceeded (equal or below): no over-target measure.
    expect(overMeasure(q("100台"), q("100台"))).toBeNull();
    expect(overMeasure(q("100台"), q("90台"))).toBeNull();
    // 万/亿 read exactly: 1.2万 of 1万 → 1.2.
    expect(completionMeasure(q("1万家"), q("1.2万家"), "ratio")!.value).toBe(1.2);
  });

  test("an at-most target: completion T/A, over (T − A)/T when A < T", () => {
    const t = q("5%以下"); // 0.05, at most
    expect(t.bound).toBe("atMost");
    // A = 4%: T/A = 0.05/0.04 = 1.25; over (0.05 − 0.04)/0.05 = 0.2.
    expect(completionMeasure(t, q("4%"), "ratio")!.value).toBe(1.25);
    expect(overMeasure(t, q("4%"))!.value).toBe(0.2);
    // A = 6%: completion 5/6, no over measure (the target was missed).
    expect(completionMeasure(t, q("6%"), "ratio")!.value).toBeCloseTo(5 / 6, 15);
    expect(overMeasure(t, q("6%"))).toBeNull();
    // A = 0: the best an at-most actual can be; T/A = 0.05/0 = +∞ (the exact ratio 1/0, rules.md §4).
    // The over measure is (0.05 − 0)/0.05 = 1.
    expect(completionMeasure(t, q("0"), "ratio")).toEqual({ value: Infinity, num: dec("1"), den: dec("0") });
    expect(completionMeasure(t, q("0%"), "ratio")).toBe(INFINITE_MEASURE);
    expect(overMeasure(t, q("0"))!.value).toBe(1);
    // A < 0: T/A would be negative and rank below every positive actual, so there is still no measure.
    expect(completionMeasure(t, q("-1%"), "ratio")).toBeNull();
    // basis 'value' ranks A itself (0, lowest first): no infinity there.
    expect(completionMeasure(t, q("0"), "value")!.value).toBe(0);
  });

  test("the infinite measure compares exactly: above every finite ratio, equal to itself", () => {
    const huge = ratio(dec("1e300"), ONE);
    const tiny = ratio(dec("1"), dec("1e300"));
    expect(compareRatio(INFINITE_MEASURE, huge)).toBe(1);
    expect(compareRatio(huge, INFINITE_MEASURE)).toBe(-1);
    expect(compareRatio(INFINITE_MEASURE, tiny)).toBe(1);
    expect(compareRatio(INFINITE_MEASURE, ratio(dec("-3"), ONE))).toBe(1);
    expect(compareRatio(INFINITE_MEASURE, { value: Infinity, num: dec("1"), den: dec("0") })).toBe(0);
  });

  test("no measure without a positive target", () => {
    expect(completionMeasure(q("0"), q("5"), "ratio")).toBeNull();
    expect(completionMeasure(q("-5"), q("5"), "ratio")).toBeNull();
    expect(completionMeasure(q("0"), q("5"), "value")).toBeNull();
    expect(overMeasure(q("0"), q("5"))).toBeNull();
  });

  test("basis 'value' ranks A itself; lower is better only for an at-most target", () => {
    expect(completionMeasure(q("100"), q("120"), "value")!.value).toBe(120);
    expect(completionMeasure(q("5%以下"), q("4%"), "value")!.value).toBe(0.04);
    expect(completionOrder("value", "atMost")).toBe("asc");
    expect(completionOrder("value", "atLeast")).toBe("desc");
    expect(completionOrder("ratio", "atMost")).toBe("desc"); // T/A is already higher-is-better
  });

  test("number-level variants for the custom functions", () => {
    expect(completion(120, 100)).toBe(1.2);
    expect(completion(4, 5, { bound: "atMost" })).toBe(1.25);
    expect(completion(120, 100, { basis: "value" })).toBe(120);
    expect(completion(NaN, 100)).toBeNull();
    expect(completion(120, 0)).toBeNull();
    // An at-most actual of 0: +∞, which a cell cannot hold, so Excel's largest number; a negative actual: none.
    expect(completion(0, 5, { bound: "atMost" })).toBe(SHEET_INFINITY);
    expect(SHEET_INFINITY).toBe(9.99999999999999e307);
    expect(completion(-1, 5, { bound: "atMost" })).toBeNull();
    // As numbers they still rank first and tie (rankPoints' double path): 0 and 0 → rank 1; 4 → 5/4 = 1.25, rank 3.
    const r = ok(rankPoints([completion(0, 5, { bound: "atMost" }), completion(4, 5, { bound: "atMost" }), completion(0, 5, { bound: "atMost" })], D));
    expect(r.ranks).toEqual([1, 3, 1]);
    expect(r.points).toEqual([10, 9, 10]);
    expect(over(120, 100)).toBe(0.2);
    expect(over(90, 100)).toBeNull();
    expect(over(4, 5, "atMost")).toBe(0.2);
    // 0.3 over 0.1 computed exactly: (0.3 − 0.1)/0.1 = 2, not 1.9999999999999998.
    expect(over(0.3, 0.1)).toBe(2);
  });
});

describe("standard scores and policy points (§5)", () => {
  test("full: points / (top × J) × weight", () => {
    // 95 of a possible 10 × 10 → 0.95 × 60 = 57.
    expect(standardScore(95, { method: "full", weight: 60, indicators: 10 })).toBe(57);
    // top 20: 30 of a possible 20 × 2 = 40 → 0.75 × 20 = 15.
    expect(standardScore(30, { method: "full", weight: 20, indicators: 2, top: 20 })).toBe(15);
    expect(standardScore(5, { method: "full", weight: 60, indicators: 0 })).toBe(0);
  });

  test("max: points / groupMax × weight; 0 when the group's max is 0", () => {
    // 15 of the group's best 20 → 0.75 × 60 = 45.
    expect(standardScore(15, { method: "max", weight: 60, groupMax: 20 })).toBe(45);
    expect(standardScore(0, { method: "max", weight: 60, groupMax: 0 })).toBe(0);
  });

  test("policy: 2 + 2 + 4 + 4 + 4 + min(4, endorsements)", () => {
    // Everything, 6 endorsements capped at 4: 2+2+4+4+4+4 = 20.
    expect(policyScore({ plan: true, workPlan: true, policy: true, mechanism: true, pilot: true, endorsements: 6 })).toBe(20);
    // 实施方案 2 + 配套政策 4 + 2 endorsements = 8.
    expect(policyScore({ plan: true, policy: true, endorsements: 2 })).toBe(8);
    expect(policyScore({})).toBe(0);
    expect(policyScore({ endorsements: -3 })).toBe(0);
    expect(policyScore({ endorsements: 2.7 })).toBe(2); // whole endorsements only
    expect(policyScore({ workPlan: true, mechanism: true, pilot: true })).toBe(10);
  });
});

function county(name: string, entries: IndicatorEntry[], policy: CountyInput["policy"] = {}): CountyInput {
  return { county: name, city: "测试市", entries, policy };
}
const e = (indicator: string, target: IndicatorEntry["target"], actual: IndicatorEntry["actual"], row?: number): IndicatorEntry => ({
  indicator,
  target,
  actual,
  ...(row ? { targetAt: { sheet: "完成表", cell: `D${row}` }, actualAt: { sheet: "完成表", cell: `E${row}` } } : {}),
});

const R = "新增工业机器人";
const RD = "研发费用增长10%以上";
const EN = "单位工业增加值能耗下降";

/**
 * Three counties, three indicators (worked below):
 *   机器人   A 120/100 → 1.2, over 0.2   B 240/200 → 1.2, over 0.2   C 90/100 → 0.9, no over
 *            completion: A 1, B 1 (exact tie), C 3 → 10, 10, 9; over: A 10, B 10, C 0
 *   研发     A 12%/10% → 1.2, over 0.2   B actual empty → no measure   C 15%/10% → 1.5, over 0.5
 *            completion: C 10, A 9.5, B 0; over: C 10, A 9.5
 *   能耗     (at most 5%) A 4% → 1.25, over 0.2   B 5% → 1, no over   C 待定 → error, no measure
 *            completion: A 10, B 9.5; over: A 10
 *   J = 3. S: A 10+9.5+10 = 29.5, B 10+0+9.5 = 19.5, C 9+10+0 = 19.
 *          O: A 10+9.5+10 = 29.5, B 10, C 10.
 */
const three = (): CountyInput[] => [
  county("甲县", [e(R, "100台", "120台", 2), e(RD, "10%以上", "12%", 3), e(EN, "5%以下", "4%", 4)], { plan: true, workPlan: true }),
  county("乙县", [e(R, "200台", "240台", 5), e(RD, "10%以上", "", 6), e(EN, "5%以下", "5%", 7)]),
  county("丙县", [e(R, "100台", "90台", 8), e(RD, "10%\n以上", "15%", 9), e(EN, "5%以下", "待定", 10)], { policy: true, mechanism: true, pilot: true, endorsements: 5 }),
];

describe("scoreGroup", () => {
  test("hand-worked group: points, J, standard scores, totals (std full)", () => {
    const g = scoreGroup(three(), { ...DEFAULT_OPTIONS });
    expect(g.indicatorCount).toBe(3);
    const [a, b, c] = g.scores;
    expect([a.completionPoints, b.completionPoints, c.completionPoints]).toEqual([29.5, 19.5, 19]);
    expect([a.overPoints, b.overPoints, c.overPoints]).toEqual([29.5, 10, 10]);
    // targetScore = S / (10 × 3) × 60 = 2S: 59, 39, 38.
    expect(a.targetScore).toBeCloseTo(59, 12);
    expect(b.targetScore).toBeCloseTo(39, 12);
    expect(c.targetScore).toBeCloseTo(38, 12);
    // overScore = O / 30 × 20: 19.667, 6.667, 6.667.
    expect(a.overScore).toBeCloseTo(59 / 3, 12);
    expect(b.overScore).toBeCloseTo(20 / 3, 12);
    // policy: A 2+2 = 4; B 0; C 4+4+4+min(4,5) = 16.
    expect([a.policyScore, b.policyScore, c.policyScore]).toEqual([4, 0, 16]);
    // totals: 59 + 59/3 + 4 = 82.667; 39 + 20/3 = 45.667; 38 + 20/3 + 16 = 60.667.
    expect(a.total).toBeCloseTo(59 + 59 / 3 + 4, 12);
    expect(b.total).toBeCloseTo(39 + 20 / 3, 12);
    expect(c.total).toBeCloseTo(38 + 20 / 3 + 16, 12);
    // Per-indicator detail: the exact tie on 机器人 (240/200 = 120/100).
    expect(a.indicators[0]).toMatchObject({ indicator: R, completionRank: 1, completionPoints: 10, overRank: 1, overPoints: 10 });
    expect(b.indicators[0]).toMatchObject({ completionRank: 1, completionPoints: 10 });
    expect(c.indicators[0]).toMatchObject({ completionRank: 3, completionPoints: 9, over: null, overRank: null, overPoints: 0 });
    // The at-most indicator: A's 4% beats B's 5%.
    expect(a.indicators[2]).toMatchObject({ indicator: EN, completionRank: 1, completionPoints: 10 });
    expect(b.indicators[2]).toMatchObject({ completionRank: 2, completionPoints: 9.5, over: null });
  });

  test("a missing actual is a warning naming its cell; an unreadable one an error naming its cell", () => {
    const g = scoreGroup(three(), { ...DEFAULT_OPTIONS });
    const missing = g.issues.find((i) => i.cell === "E6");
    expect(missing).toMatchObject({ severity: "warning", code: "no-value", sheet: "完成表" });
    expect(missing!.zh).toContain("乙县");
    expect(missing!.zh).toContain("完成表");
    expect(missing!.en).toContain("E6");
    const bad = g.issues.find((i) => i.cell === "E10");
    expect(bad).toMatchObject({ severity: "error", sheet: "完成表" });
    expect(bad!.zh).toContain("待定");
    expect(bad!.en).toContain("完成表!E10");
    expect(g.issues).toHaveLength(2);
    // And neither got a measure.
    expect(g.scores[1].indicators[1]).toMatchObject({ completion: null, completionRank: null, completionPoints: 0 });
    expect(g.scores[2].indicators[2]).toMatchObject({ completion: null, completionPoints: 0 });
  });

  test("std max: S / max S × 60 and O / max O × 20", () => {
    const g = scoreGroup(three(), { ...DEFAULT_OPTIONS, std: "max" });
    const [a, b, c] = g.scores;
    // max S = 29.5 (A), max O = 29.5 (A).
    expect(a.targetScore).toBe(60);
    expect(a.overScore).toBe(20);
    expect(b.targetScore).toBeCloseTo((19.5 / 29.5) * 60, 12);
    expect(c.targetScore).toBeCloseTo((19 / 29.5) * 60, 12);
    expect(b.overScore).toBeCloseTo((10 / 29.5) * 20, 12);
  });

  test("basis value ranks the actual itself", () => {
    // 机器人 actuals 120, 240, 90 → B 10, A 9.5, C 9 (the ratio basis had A and B tied).
    const g = scoreGroup(three(), { ...DEFAULT_OPTIONS, basis: "value" });
    expect(g.scores.map((s) => s.indicators[0].completionPoints)).toEqual([9.5, 10, 9]);
    // 能耗 (at most): lower is better, 4% (A) before 5% (B).
    expect(g.scores.map((s) => s.indicators[2].completionPoints)).toEqual([10, 9.5, 0]);
  });

  test("option top: the full mark per indicator is top", () => {
    // top 20, step 1: 机器人 A 20, B 20, C (rank 3) 20 − 2 = 18.
    const g = scoreGroup(three(), { ...DEFAULT_OPTIONS, top: 20, step: 1 });
    expect(g.scores[2].indicators[0].completionPoints).toBe(18);
    // A: 机器人 20 + 研发 (rank 2) 19 + 能耗 20 = 59.
    expect(g.scores[0].completionPoints).toBe(59);
    // targetScore = 59 / (20 × 3) × 60 = 59 (the same share as 29.5 of 30 with top 10).
    expect(g.scores[0].targetScore).toBeCloseTo(59, 12);
  });

  test("J counts only indicators with at least one measure in the group", () => {
    // 研发 has no actual anywhere, so J = 1 and a unit first on 机器人 scores the full 60 and 20.
    const units = [
      county("甲县", [e(R, "100", "130"), e(RD, "10%", "—")]),
      county("乙县", [e(R, "100", "110"), e(RD, "10%", "/")]),
    ];
    const g = scoreGroup(units, { ...DEFAULT_OPTIONS });
    expect(g.indicatorCount).toBe(1);
    expect(g.scores[0].targetScore).toBe(60);
    expect(g.scores[0].overScore).toBe(20);
    // 乙县: 9.5 / 10 × 60 = 57 and 9.5 / 10 × 20 = 19.
    expect(g.scores[1].targetScore).toBe(57);
    expect(g.scores[1].overScore).toBe(19);
  });

  test("indicators match by normalised label; a county without the row scores 0 on it, with a warning", () => {
    // "新增工业机器人" written with full-width letters and a line break is the same indicator.
    const units = [
      county("甲县", [e("新增工业\n机器人", "100", "120"), e(RD, "10%", "12%")]),
      county("乙县", [e(" 新增工业机器人 ", "１００", "１１０")]),
    ];
    const g = scoreGroup(units, { ...DEFAULT_OPTIONS });
    expect(g.indicatorCount).toBe(2);
    expect(g.scores[0].indicators.map((i) => i.indicator)).toEqual([R, RD]);
    expect(g.scores[1].indicators[0]).toMatchObject({ completionRank: 2, completionPoints: 9.5 });
    expect(g.scores[1].indicators[1]).toMatchObject({ completion: null, completionPoints: 0 });
    expect(g.issues.map((i) => i.code)).toEqual(["missing-indicator"]);
    expect(g.issues[0].zh).toContain("乙县");
  });

  test("units that do not match are an error naming the cell, and give no measure", () => {
    const g = scoreGroup([county("甲县", [e(R, "100台", "120家", 2)])], { ...DEFAULT_OPTIONS });
    expect(g.issues).toHaveLength(1);
    expect(g.issues[0]).toMatchObject({ code: "unit-mismatch", severity: "error", cell: "E2" });
    expect(g.scores[0].completionPoints).toBe(0);
    expect(g.indicatorCount).toBe(0);
  });

  test("a bare actual of 12 against a percentage target is scored as written, with a warning", () => {
    // 12 against 10%: completion 12 / 0.1 = 120 (as written), and a warning that "12%" may be meant.
    const g = scoreGroup([county("甲县", [e(RD, "10%以上", 12, 2)])], { ...DEFAULT_OPTIONS });
    expect(g.issues.map((i) => [i.code, i.cell])).toEqual([["rate-scale", "E2"]]);
    expect(g.issues[0].zh).toContain("1200%");
    expect(g.issues[0].zh).toContain("“12%”");
    expect(g.scores[0].indicators[0].completion!.value).toBe(120);
    // 0.12 or "12%" is what was meant: no warning.
    expect(scoreGroup([county("甲县", [e(RD, "10%以上", 0.12, 2)])], { ...DEFAULT_OPTIONS }).issues).toEqual([]);
    expect(scoreGroup([county("甲县", [e(RD, "10%以上", "12%", 2)])], { ...DEFAULT_OPTIONS }).issues).toEqual([]);
  });

  test("an at-most actual of 0 is the best completion (rules.md §4: T/A = +∞), tied with another 0", () => {
    // 5%以下: 甲 0 and 丙 0 → T/A = ∞, rank 1 (10 each); 乙 4% → 0.05/0.04 = 1.25, rank 3 (9).
    // over: 甲 and 丙 (0.05 − 0)/0.05 = 1 → rank 1 (10); 乙 (0.05 − 0.04)/0.05 = 0.2 → rank 3 (9).
    // J = 1: targetScore = points × 6 → 60, 54, 60; overScore = points × 2 → 20, 18, 20.
    const units = [county("甲县", [e(EN, "5%以下", "0", 2)]), county("乙县", [e(EN, "5%以下", "4%", 3)]), county("丙县", [e(EN, "5%以下", 0, 4)])];
    const g = scoreGroup(units, { ...DEFAULT_OPTIONS });
    expect(g.issues).toEqual([]);
    expect(g.scores.map((x) => x.indicators[0].completionRank)).toEqual([1, 3, 1]);
    expect(g.scores.map((x) => [x.completionPoints, x.overPoints, x.targetScore, x.overScore])).toEqual([
      [10, 10, 60, 20],
      [9, 9, 54, 18],
      [10, 10, 60, 20],
    ]);
    expect(g.scores[0].indicators[0].completion).toEqual({ value: Infinity, num: dec("1"), den: dec("0") });
  });

  test("a negative at-most actual still has no completion measure (warned), but is first on over-target", () => {
    const units = [county("甲县", [e(EN, "5%以下", "-1%", 2)]), county("乙县", [e(EN, "5%以下", "4%", 3)])];
    const g = scoreGroup(units, { ...DEFAULT_OPTIONS });
    expect(g.issues.map((i) => [i.code, i.cell])).toEqual([["actual-not-positive", "E2"]]);
    expect(g.issues[0].zh).toContain("负数");
    // over: 甲 (0.05 + 0.01)/0.05 = 1.2 → rank 1; 乙 0.2 → rank 2.
    expect(g.scores[0].indicators[0]).toMatchObject({ completion: null, overRank: 1, overPoints: 10 });
    expect(g.scores[1].indicators[0]).toMatchObject({ completionRank: 1, overRank: 2, overPoints: 9.5 });
  });

  test("bad options: no scores and one error", () => {
    const g = scoreGroup(three(), { ...DEFAULT_OPTIONS, std: "mean" as never });
    expect(g.scores).toEqual([]);
    expect(g.issues).toHaveLength(1);
    expect(g.issues[0].code).toBe("bad-option");
  });
});

describe("resolveOptions", () => {
  test("fills defaults (null counts as omitted) and rejects bad values with both languages", () => {
    const r = resolveOptions({ step: null as never, slots: 3 });
    expect(r.ok && r.options).toEqual({ ...DEFAULT_OPTIONS, slots: 3 });
    const bad: Partial<ScoreOptions>[] = [{ slots: 0 }, { slots: 2.5 }, { minAccelerated: 7 }, { minAccelerated: -1 }, { basis: "sum" as never }, { floor: -1 }];
    for (const b of bad) {
      const x = resolveOptions(b);
      expect(x.ok).toBe(false);
      if (!x.ok) {
        expect(x.error.zh).toMatch(/选项/);
        expect(x.error.en).toMatch(/Option/);
      }
    }
  });
});

/** rules.md §5: a county given no target (0 or blank) for an indicator — option `unassigned`, the tool's reading. */
describe("unassigned: exclude (default) | zero", () => {
  const robots = "传统制造业新增工业机器人";
  const cloud = "上云企业";
  const unit = (county: string, rows: [string, string | number | null, string | number | null][]): CountyInput => ({
    county,
    city: "杭州市",
    entries: rows.map(([indicator, target, actual]) => ({ indicator, target, actual, targetAt: { sheet: "完成情况", cell: `D${county.length}` } })),
    policy: {},
  });
  // 甲 first on both (10 + 10); 乙 second on robots (9.5) and given no 上云 target (0): J = 2 in the group.
  const group = (zeroTarget: string | number | null) => [
    unit("甲区", [
      [robots, "100台", "130台"],
      [cloud, "100家", "120家"],
    ]),
    unit("乙区", [
      [robots, "100台", "120台"],
      [cloud, zeroTarget, null],
    ]),
  ];

  test.each([0, "0家", null, "—"])("target %p: exclude leaves it out of 乙's J (9.5 / (10 × 1) × 60 = 57); zero keeps it (9.5 / 20 × 60 = 28.5)", (t) => {
    const ex = scoreGroup(group(t), DEFAULT_OPTIONS);
    const b = ex.scores[1];
    expect(b.indicatorCount).toBe(1);
    expect(b.targetScore).toBeCloseTo(57, 9);
    expect(b.indicators.find((i) => i.indicator === cloud)!.unassigned).toBe(true);
    expect(ex.scores[0].indicatorCount).toBe(2);
    const w = ex.issues.filter((i) => i.code === "unassigned-target");
    expect(w).toHaveLength(1);
    expect(w[0].zh).toContain("乙区");
    expect(w[0].zh).toContain(cloud);
    expect(w[0].zh).toContain("本工具的读法");
    expect(ex.issues.map((i) => i.code)).not.toContain("target-not-positive");
    const zero = scoreGroup(group(t), { ...DEFAULT_OPTIONS, unassigned: "zero" });
    expect(zero.scores[1].indicatorCount).toBe(2);
    expect(zero.scores[1].targetScore).toBeCloseTo(28.5, 9);
    expect(zero.issues.find((i) => i.code === "unassigned-target")!.zh).toContain("计入本县的指标数 J、得 0 分");
  });

  test("an unreadable target is an error, never 'no target'; a bad option is refused", () => {
    const g = scoreGroup(group("待定"), DEFAULT_OPTIONS);
    expect(g.issues.map((i) => i.code)).not.toContain("unassigned-target");
    expect(g.issues.some((i) => i.severity === "error")).toBe(true);
    expect(scoreGroup(group(0), { ...DEFAULT_OPTIONS, unassigned: "skip" as never }).issues[0]).toMatchObject({ code: "bad-option" });
  });
});
