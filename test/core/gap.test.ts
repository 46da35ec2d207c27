/**
 * 差距分析 (core/gap.ts): examples in a county's own figures, and the property the issue asks for — setting the
 * county's actual to nextRankActual and rescoring puts it strictly ahead of the next better county on that measure;
 * one step less of improvement does not. "At most" targets, basis 'value' and ties included.
 */
import fc from "fast-check";
import { countyGap, pointsBetween, writtenFigure, writtenForm } from "../../src/core/gap";
import { renderGap, toJson as gapJson } from "../../src/cli/gap-command";
import { displayWidth } from "../../src/cli/format";
import { scoreGroup } from "../../src/core/score";
import { proposedListSize, runSelection, selectShortlist } from "../../src/core/select";
import { decimalFromNumber, decimalToString } from "../../src/core/decimal";
import type { CountyInput, ScoreOptions } from "../../src/core/types";
import { DEFAULT_OPTIONS } from "../../src/core/types";

const unit = (county: string, city: string, rows: [string, string | number, string | number][]): CountyInput => ({
  county,
  city,
  entries: rows.map(([indicator, target, actual]) => ({ indicator, target, actual })),
  policy: {},
});

describe("writtenForm: the grid a figure moves on", () => {
  test.each([
    ["2.35亿元", { scale: 8, decimals: 2, suffix: "亿元" }],
    ["12.5%", { scale: -2, decimals: 1, suffix: "%" }],
    ["1300台", { scale: 0, decimals: 0, suffix: "台" }],
    ["１，３５０家", { scale: 0, decimals: 0, suffix: "家" }],
    ["10%以上", { scale: -2, decimals: 0, suffix: "%" }],
    ["0.95万吨", { scale: 4, decimals: 2, suffix: "万吨" }],
    [1300.25, { scale: 0, decimals: 2, suffix: "" }],
  ])("%s", (cell, form) => expect(writtenForm(cell)).toEqual(form));
  test("no number, no form", () => {
    expect(writtenForm("待定")).toBeNull();
    expect(writtenForm(null)).toBeNull();
  });
});

describe("proposedListSize: ⌈slots × (1 + margin)⌉ in exact decimals", () => {
  test.each([
    [6, 0.2, 8],
    [10, 0.1, 11],
    [5, 0.2, 6],
    [6, 0, 6],
    [3, 0.5, 5],
  ])("%i places, margin %f → %i", (s, m, n) => expect(proposedListSize(s, m)).toBe(n));
});

describe("countyGap examples", () => {
  const city = "杭州市";
  const robots = "传统制造业新增工业机器人";
  const energy = "单位工业增加值能耗下降";
  const group = [
    unit("上城区", city, [[robots, "1000台", "1300台"], [energy, "5%以下", "4%"]]),
    unit("拱墅区", city, [[robots, "1000台", "1200台"], [energy, "5%以下", "4.5%"]]),
    unit("西湖区", city, [[robots, "1000台", "1100台"], [energy, "5%以下", "3%"]]),
    unit("滨江区", city, [[robots, "500台", "550台"], [energy, "5%以下", "5%"]]),
  ];

  test("a county's figures, its gap to the recommended county, each indicator's next rank", () => {
    const r = countyGap(group, "西湖区");
    if (!r.ok) throw new Error(r.error.zh);
    const g = r.gap;
    expect(g.city).toBe(city);
    expect(g.recommended).toBe(false);
    expect(g.recommendedCounty).toBe("上城区");
    expect(g.pointsShort).toBeCloseTo((g.recommendedTotal as number) - g.total, 9);
    const rob = g.indicators.find((i) => i.indicator === robots)!;
    // 1100/1000 = 1.1 ties 滨江 550/500 = 1.1 (rank 3); next better is 拱墅 at 1.2: 1201台 puts it strictly ahead.
    expect(rob).toMatchObject({ unit: "台", step: 1, actual: 1100, target: 1000, completionRank: 3, nextRankActual: 1201, pointsAtNextRank: 9.5 });
    // 1200台 ties 拱墅 exactly: the same rank, so the same 9.5 points (competition ranking).
    expect(rob.levelActual).toBe(1200);
    // Over target: 0.1 ties 滨江; next better 0.2 → 1201台 again.
    expect(rob).toMatchObject({ overRank: 3, nextOverRankActual: 1201, pointsAtNextOverRank: 9.5 });
    const en = g.indicators.find((i) => i.indicator === energy)!;
    // At most: lower is better; 西湖 3% is already first on completion.
    expect(en).toMatchObject({ unit: "%", bound: "atMost", completionRank: 1, nextRankActual: null });
    expect(g.province).toBeNull();
  });

  test("at most: the largest actual that goes strictly ahead, on the written grid (0.1%)", () => {
    const r = countyGap(group, "拱墅区");
    if (!r.ok) throw new Error(r.error.zh);
    const en = r.gap.indicators.find((i) => i.indicator === energy)!;
    // 拱墅 4.5% is third; next better is 上城 4%: strictly ahead means below 4%, written with 1 decimal → 3.9%.
    expect(en).toMatchObject({ step: 0.1, actual: 4.5, target: 5, completionRank: 3, nextRankActual: 3.9, pointsAtNextRank: 9.5, levelActual: 4 });
  });

  test("the recommended county: 0 points short, and its province-stage standing", () => {
    const r = countyGap(group, " 上 城 区 ");
    if (!r.ok) throw new Error(r.error.zh);
    expect(r.gap.pointsShort).toBe(0);
    expect(r.gap.province).toMatchObject({ rank: 1, selected: true, proposed: true, pointsShortOfList: 0, pointsShortOfPlaces: 0, places: 6, listSize: 1 });
  });

  test("an empty actual: the move is measured from the target's written form, and rescoring confirms it", () => {
    const withEmpty = group.map((u) => (u.county !== "西湖区" ? u : unit("西湖区", city, [[robots, "1000台", null as unknown as string], [energy, "5%以下", "3%"]])));
    const r = countyGap(withEmpty, "西湖区");
    if (!r.ok) throw new Error(r.error.zh);
    const rob = r.gap.indicators.find((i) => i.indicator === robots)!;
    // Unranked; the worst ranked county is 滨江 at 1.1 (third): 1101台 passes it for third place, 1100台 draws level.
    expect(rob).toMatchObject({ actual: null, target: 1000, unit: "台", completionRank: null, nextRankActual: 1101, levelActual: 1100, pointsAtNextRank: 9 });
  });

  test("an unknown county is an error value naming it", () => {
    const r = countyGap(group, "不存在县");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe("gap-no-county");
  });

  test("a bad margin is an error value", () => {
    const r = countyGap(group, "西湖区", { margin: -1 });
    expect(r.ok).toBe(false);
  });
});

// ─── the property ─────────────────────────────────────────────────────────────────────────────

const SUFFIXES = ["台", "%", "亿元", ""] as const;

interface Case {
  suffix: (typeof SUFFIXES)[number];
  atMost: boolean;
  decimals: number;
  targets: number[];
  actuals: number[];
  who: number;
  basis: ScoreOptions["basis"];
}

/** As a table writes it: text with its decimals shown (1.70台), or a bare number. */
const written = (x: number, c: Case): string | number => (c.suffix === "" ? x : `${x.toFixed(c.decimals)}${c.suffix}`);

/** The step the written actual implies: 10^−decimals for text; a bare number by its own digits. */
const stepOf = (x: number, c: Case): number => {
  if (c.suffix !== "") return 10 ** -c.decimals;
  const s = decimalToString(decimalFromNumber(x));
  const dot = s.indexOf(".");
  return dot < 0 ? 1 : 10 ** -(s.length - dot - 1);
};

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    suffix: fc.constantFrom(...SUFFIXES),
    atMost: fc.boolean(),
    decimals: fc.integer({ min: 0, max: 2 }),
    n: fc.integer({ min: 2, max: 7 }),
    basis: fc.constantFrom("ratio" as const, "value" as const),
    seed: fc.array(fc.record({ t: fc.integer({ min: 1, max: 4 }), a: fc.integer({ min: 0, max: 12 }) }), { minLength: 7, maxLength: 7 }),
    who: fc.nat(),
  })
  .map(({ suffix, atMost, decimals, n, basis, seed, who }) => {
    const scale = 10 ** decimals;
    // Few distinct values, so ties are common; steps of the written grid.
    const targets = seed.slice(0, n).map((s) => (s.t * 5 * scale) / scale);
    const actuals = seed.slice(0, n).map((s) => Math.round(s.a * 1.7 * scale) / scale);
    return { suffix, atMost, decimals, targets, actuals, who: who % n, basis };
  });

const groupOf = (c: Case, actualOfWho?: number): CountyInput[] =>
  c.targets.map((t, i) =>
    unit(`县${i + 1}`, "测试市", [["指标甲", c.atMost ? `${written(t, c)}以下` : written(t, c), written(i === c.who && actualOfWho !== undefined ? actualOfWho : c.actuals[i], c)]]),
  );

const ranks = (g: CountyInput[], c: Case, which: "completionRank" | "overRank"): (number | null)[] =>
  scoreGroup(g, { ...DEFAULT_OPTIONS, basis: c.basis }).scores.map((s) => s.indicators[0][which]);

/** The counties just better than `who` (the worst rank among those strictly better; every ranked one when who has none). */
function nextBetter(r: (number | null)[], who: number): number[] {
  const own = r[who];
  const better = r.map((x, i) => (i !== who && x !== null && (own === null || x < own) ? i : -1)).filter((i) => i >= 0);
  if (better.length === 0) return [];
  const worst = Math.max(...better.map((i) => r[i] as number));
  return better.filter((i) => r[i] === worst);
}

function checkMove(c: Case, which: "completionRank" | "overRank", next: number | null, step: number, level: number | null, pointsAtNext: number | null): boolean {
  const before = ranks(groupOf(c), c, which);
  const targets = nextBetter(before, c.who);
  if (level !== null) {
    // At the level actual the county shares the next better county's rank (and so its rank points).
    const g = groupOf(c, level);
    const at = ranks(g, c, which);
    if (targets.length === 0 || !targets.every((i) => at[i] === at[c.who] && at[i] === before[i])) return false;
    const field = which === "completionRank" ? "completionPoints" : "overPoints";
    const pts = scoreGroup(g, { ...DEFAULT_OPTIONS, basis: c.basis }).scores.map((u) => u.indicators[0][field]);
    if (pts[c.who] !== pts[targets[0]]) return false;
    // Passing never brings fewer points than drawing level.
    if (pointsAtNext !== null && pointsAtNext < pts[c.who]) return false;
  }
  if (next === null) return true;
  if (targets.length === 0 && which === "completionRank") return false;
  const after = ranks(groupOf(c, next), c, which);
  const mine = after[c.who];
  if (mine === null) return false;
  // Strictly ahead of the next better county (ranked better than each of them now), and moved up.
  if (!targets.every((i) => after[i] === null || (after[i] as number) > mine)) return false;
  if (before[c.who] !== null && mine >= (before[c.who] as number)) return false;
  // One step less of improvement: not strictly ahead of them.
  // Lower is better for an at-most target (on either basis), so less improvement is a higher actual.
  const less = c.atMost ? next + step : next - step;
  if (!c.atMost && less < 0) return true;
  const lessRounded = Number(less.toFixed(10));
  const l = ranks(groupOf(c, lessRounded), c, which);
  const lm = l[c.who];
  return targets.length === 0 ? lm === null : !(lm !== null && targets.every((i) => l[i] === null || (l[i] as number) > lm));
}

describe("nextRankActual property (rescoring)", () => {
  test("at nextRankActual the county is strictly ahead of the next better one; one step less it is not", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const r = countyGap(groupOf(c), `县${c.who + 1}`, { basis: c.basis });
        if (!r.ok) return false;
        const g = r.gap.indicators[0];
        const s = stepOf(c.actuals[c.who], c);
        if (g.step === null || Math.abs(g.step - s) > 1e-12) return false;
        return (
          checkMove(c, "completionRank", g.nextRankActual, s, g.levelActual, g.pointsAtNextRank) &&
          checkMove(c, "overRank", g.nextOverRankActual, s, g.levelOverActual, g.pointsAtNextOverRank)
        );
      }),
      { numRuns: 300 },
    );
  });

  test("a county behind others is always given a move unless no actual can pass them", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const r = countyGap(groupOf(c), `县${c.who + 1}`, { basis: c.basis });
        if (!r.ok) return false;
        const g = r.gap.indicators[0];
        const before = ranks(groupOf(c), c, "completionRank");
        const behind = before[c.who] !== null && (before[c.who] as number) > 1;
        // An at-most ratio can never pass a county whose actual is 0 (the best measure); everything else can be passed.
        const unpassable = c.atMost && c.basis === "ratio" && c.actuals.some((a, i) => i !== c.who && a === 0);
        return !behind || unpassable || g.nextRankActual !== null;
      }),
      { numRuns: 200 },
    );
  });
});

describe("the gap's reasons and bars, proven by rescoring", () => {
  const robots = "传统制造业新增工业机器人";
  const one = (county: string, city: string, actual: string, extra: Partial<CountyInput> = {}): CountyInput => ({ ...unit(county, city, [[robots, "100台", actual]]), ...extra });

  test("a figure written with an exponent: unit 台, not e-30台, and the next actual reads as written", () => {
    expect(writtenForm("1e-30台")).toEqual({ scale: 0, decimals: 30, suffix: "台" });
    expect(writtenForm("1.5E3万元")).toEqual({ scale: 4, decimals: 0, suffix: "万元" });
    const r = countyGap([one("上城区", "杭州市", "5e-30台"), one("西湖区", "杭州市", "2e-30台")].map((u) => ({ ...u, entries: u.entries.map((e) => ({ ...e, target: "1e-30台" })) })), "西湖区");
    if (!r.ok) throw new Error(r.error.zh);
    const g = r.gap.indicators[0];
    expect(g).toMatchObject({ unit: "台", actual: 2e-30, levelActual: 5e-30, nextRankActual: 6e-30, pointsAtNextRank: 10 });
    expect(writtenFigure(g.nextRankActual!, g.step)).toBe("6e-30");
    expect(writtenFigure(1201, 1)).toBe("1201");
    expect(writtenFigure(3.9, 0.1)).toBe("3.9");
  });

  test("city stage: a county above the recommended one that won last year is told why, not 'lost a tie'", () => {
    const r = countyGap([one("上城区", "杭州市", "130台", { previousWinner: true }), one("西湖区", "杭州市", "120台")], "上城区");
    if (!r.ok) throw new Error(r.error.zh);
    expect(r.gap).toMatchObject({ cityStanding: "previous-winner", pointsShort: null, recommendedCounty: "西湖区" });
    const text = renderGap("x.xlsx", gapJson(r.gap, []), false).join("\n");
    expect(text).toContain("上年度已获督查激励");
    expect(text).not.toContain("总分相同");
    // A real tie is still told as one.
    const t = countyGap([one("上城区", "杭州市", "130台"), one("西湖区", "杭州市", "130台")], "西湖区");
    if (!t.ok) throw new Error(t.error.zh);
    expect(t.gap).toMatchObject({ cityStanding: "tied", pointsShort: 0 });
  });

  test("province stage: off the list by the points to the lowest county listed by its total, not to the 加快发展县 swapped in", () => {
    // Ten cities, one county each: actuals 200 … 110, the last (110) a 加快发展县 swapped into the places.
    const cities = ["杭州市", "宁波市", "温州市", "湖州市", "嘉兴市", "绍兴市", "金华市", "衢州市", "舟山市", "台州市"];
    const counties = cities.map((city, k) => one(`县${k}`, city, `${200 - 10 * k}台`, { accelerated: k === 9 }));
    const r = countyGap(counties, "县8");
    if (!r.ok) throw new Error(r.error.zh);
    const sel = runSelection(counties);
    const total = (name: string) => sel.province.find((p) => p.county === name)!.total;
    expect(sel.province.find((p) => p.county === "县9")!.proposed).toBe(true);
    const p = r.gap.province!;
    expect(p.proposed).toBe(false);
    // The list's lowest by total is 县6 (8 names: 县0 … 县4 and 县9 in the places, 县5 and 县6 the best of the rest),
    // not 县9 (44, below 县8's 48), which is there by the rule.
    expect(p.listTotal).toBe(total("县6"));
    expect(p.pointsShortOfList).toBeCloseTo(total("县6") - total("县8"), 9);
    expect(p.pointsShortOfList).toBeGreaterThan(0);
    // Proof by rescoring the province stage: at the bar 县8 is listed (or just above it, when atLevel is false), a little less and it is not.
    const accelerated = sel.province.map((x) => x.accelerated);
    const at = (t: number) => selectShortlist(sel.province.map((x) => (x.county === "县8" ? { ...x, total: t } : x)), accelerated, { slots: 6, minAccelerated: 1, margin: 0.2 });
    const k = sel.province.findIndex((x) => x.county === "县8");
    expect(at(p.listTotal! + (p.listAtLevel ? 0 : 1e-6)).proposed[k]).toBe(true);
    expect(at(p.listTotal! - 0.01).proposed[k]).toBe(false);
    // The places: the lowest place held by total is 县4 (县5 left for 县9); 县8 not a 加快发展县.
    expect(p.placesTotal).toBe(total("县4"));
    expect(at(p.placesTotal! + (p.placesAtLevel ? 0 : 1e-6)).selected[k]).toBe(true);
    expect(at(p.placesTotal! - 0.01).selected[k]).toBe(false);
  });
});

test("zg gap's readable output fits 100 columns: the table in seven columns, long names and level actuals below", () => {
  const long = "传统制造业培育“品字标浙江制造”品牌企业（家）及其他很长的指标名称";
  const rows = (a1: string, a2: string, a3: string): [string, string | number, string | number][] => [
    [long, "1000家", a1],
    ["规上工业亩均税收增长", "10.5%以上", a2],
    ["传统制造业技改投资", "12.35亿元", a3],
  ];
  const group = [
    unit("上城区", "杭州市", rows("1300家", "12.5%", "15.62亿元")),
    unit("拱墅区", "杭州市", rows("1200家", "11.5%", "14.01亿元")),
    unit("西湖区", "杭州市", rows("1100家", "10.6%", "13.37亿元")),
  ];
  const r = countyGap(group, "西湖区");
  if (!r.ok) throw new Error(r.error.zh);
  const lines = renderGap("西湖区汇总表.xlsx", gapJson(r.gap, []), false);
  for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(100);
  // The full name and the level actual are still told, below the table.
  expect(lines.some((l) => l.includes(long))).toBe(true);
  expect(lines.join("\n")).toContain("与上一名并列需 1200家");
});

test("the target is shown in the unit its own cell was written in: 1亿元 is not 10000万元", () => {
  const group = [
    unit("上城区", "杭州市", [["并购重组交易金额", "1亿元", "12000万元"]]),
    unit("下城区", "杭州市", [["并购重组交易金额", "1亿元", "9000万元"]]),
  ];
  const r = countyGap(group, "下城区");
  if (!r.ok) throw new Error(r.error.zh);
  const g = r.gap.indicators[0];
  expect(g).toMatchObject({ unit: "万元", actual: 9000, target: 1, targetUnit: "亿元" });
});

test("points short are the difference of the totals as displayed, with no binary noise in --json", () => {
  // The doubles' own difference is 5.799999999999997: that is what the gap printed before.
  expect(84.2 - 78.4).not.toBe(5.8);
  expect(pointsBetween(84.2, 78.4)).toBe(5.8);
  expect(pointsBetween(57.6, 57.6)).toBe(0);
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (a, b) => {
      // Totals with two decimals: the gap is their exact decimal difference.
      expect(pointsBetween(a / 100, b / 100)).toBe(Number(((a - b) / 100).toFixed(2)));
    }),
  );
});
