/**
 * 差距分析 (core/gap.ts): examples in a county's own figures, and the property the issue asks for — setting the
 * county's actual to nextRankActual and rescoring puts it strictly ahead of the next better county on that measure;
 * one step less of improvement does not. "At most" targets, basis 'value' and ties included.
 */
import fc from "fast-check";
import { countyGap, writtenForm } from "../../src/core/gap";
import { scoreGroup } from "../../src/core/score";
import { proposedListSize } from "../../src/core/select";
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
