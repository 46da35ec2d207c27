/**
 * Properties of rules.md §3–6 over random groups (fast-check): ranges, order independence,
 * monotonicity, and the selection's guarantees.
 */
import fc from "fast-check";
import { rankEntryOf, rankLookup, rankPoints, scoreGroup } from "../../src/core/score";
import { readCell } from "../../src/core/parse";
import { runSelection } from "../../src/core/select";
import { ONE, decimalFromString, ratio, ratioFromNumber } from "../../src/core/decimal";
import { COUNTIES_2020, isAccelerated } from "../../src/core/reference";
import type { CellValue, CountyInput, Decimal, Ratio, ScoreOptions } from "../../src/core/types";
import { DEFAULT_OPTIONS } from "../../src/core/types";

const RUNS = { numRuns: 150 };
const EPS = 1e-9;

const rankOpts = fc
  .record({ top: fc.integer({ min: 1, max: 40 }), step: fc.constantFrom(0, 0.25, 0.5, 1, 3), floorShare: fc.constantFrom(0, 0.1, 0.5, 1) })
  .map(({ top, step, floorShare }) => ({ top, step, floor: top * floorShare }));

const options: fc.Arbitrary<ScoreOptions> = fc
  .record({ r: rankOpts, std: fc.constantFrom("full" as const, "max" as const), basis: fc.constantFrom("ratio" as const, "value" as const) })
  .map(({ r, std, basis }) => ({ ...DEFAULT_OPTIONS, ...r, std, basis }));

/** A small fraction as an exact ratio: many equal values with different spellings (2/4 = 1/2). */
const fraction: fc.Arbitrary<Ratio | null> = fc.option(
  fc.record({ n: fc.integer({ min: -6, max: 6 }), d: fc.integer({ min: 1, max: 6 }) }).map(({ n, d }) => ratio(decimalFromString(String(n))!, decimalFromString(String(d))!)),
  { freq: 5 },
);

/** A decimal as an exact fraction of BigInts (tests run on Node): independent of big.js's own arithmetic. */
const fraction2 = (d: Decimal): [bigint, bigint] => {
  const digits = d.c.join("");
  const n = BigInt(digits) * (d.s < 0 ? -1n : 1n);
  const exp = d.e - (digits.length - 1);
  return exp >= 0 ? [n * 10n ** BigInt(exp), 1n] : [n, 10n ** BigInt(-exp)];
};

/** Independent of compareRatio: cross-multiplied BigInts (denominators are positive). */
const cmp = (a: Ratio, b: Ratio): number => {
  const [an, am] = fraction2(a.num);
  const [ad, ae] = fraction2(a.den);
  const [bn, bm] = fraction2(b.num);
  const [bd, be] = fraction2(b.den);
  // a = an·ae / (am·ad), b = bn·be / (bm·bd); all of am, ad, ae, bm, bd, be > 0.
  const x = an * ae * bm * bd;
  const y = bn * be * am * ad;
  return x < y ? -1 : x > y ? 1 : 0;
};

describe("rankPoints properties", () => {
  test("rank = 1 + number strictly better; points within [floor, top]; unranked 0", () => {
    fc.assert(
      fc.property(fc.array(fraction, { maxLength: 30 }), rankOpts, fc.constantFrom("desc" as const, "asc" as const), (ms, o, order) => {
        const r = rankPoints(ms, { ...o, order });
        if (!r.ok) return false;
        return ms.every((m, i) => {
          if (m === null) return r.ranks[i] === null && r.points[i] === 0;
          const better = ms.filter((x) => x !== null && (order === "desc" ? cmp(x, m) > 0 : cmp(x, m) < 0)).length;
          return r.ranks[i] === better + 1 && r.points[i] >= o.floor && r.points[i] <= o.top && r.points[i] === Math.max(o.floor, o.top - o.step * better);
        });
      }),
      RUNS,
    );
  });
});

describe("rankPoints on plain numbers", () => {
  test("ranks numbers exactly as their exact ratios rank (the double fast path changes nothing)", () => {
    const num = fc.oneof(
      fc.constantFrom(0, -0, 0.1, 0.3, 0.1 + 0.2, 3, 0.3 / 0.1, 1e-300, -2.5),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.integer({ min: -5, max: 5 }),
    );
    fc.assert(
      fc.property(fc.array(fc.option(num, { freq: 6 }), { maxLength: 40 }), fc.constantFrom("desc" as const, "asc" as const), (ms, order) => {
        const plain = rankPoints(ms, { ...DEFAULT_OPTIONS, order });
        const exact = rankPoints(ms.map((m) => (m === null ? null : ratioFromNumber(m))), { ...DEFAULT_OPTIONS, order });
        expect(plain.ok && exact.ok).toBe(true);
        if (plain.ok && exact.ok) expect(plain.ranks).toEqual(exact.ranks);
      }),
      { numRuns: 300 },
    );
  });
});

describe("rankLookup (filled-down ranking) against rankPoints", () => {
  test("the rank looked up for each value is rankPoints' exact rank; a value not in the group has none", () => {
    // Texts with digits beyond the double (0.30000000000000000001 shares 0.3's double), ties, −0.
    const text = fc.constantFrom("0.3", "0.30000000000000000001", "0.29999999999999999999", "1", "1.0", "-0", "0", "2.5万", "25000", "1e-7");
    const num = fc.constantFrom(0.3, 0.1 + 0.2, 1, -0, 0, 25000, 1e-7, 7);
    const value = fc.oneof(text.map((t) => readCell(t)), num.map((x) => readCell(x)));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 25 }), value, fc.constantFrom("desc" as const, "asc" as const), (reads, probe, order) => {
        const qs = reads.map((r) => (r.status === "value" ? r.quantity : null)).filter((q) => q !== null);
        const lookup = rankLookup(qs.map(rankEntryOf), order);
        const exact = rankPoints(qs.map((q) => ratio(q.exact, ONE)), { ...DEFAULT_OPTIONS, order });
        if (!exact.ok) return false;
        qs.forEach((q, i) => {
          const e = rankEntryOf(q);
          expect(lookup.rankOf(e.value, e.exact)).toBe(exact.ranks[i]);
        });
        if (probe.status === "value") {
          const e = rankEntryOf(probe.quantity);
          const inGroup = qs.some((q) => cmp(ratio(q.exact, ONE), ratio(probe.quantity.exact, ONE)) === 0);
          expect(lookup.rankOf(e.value, e.exact) !== null).toBe(inGroup);
        }
        return true;
      }),
      { numRuns: 400 },
    );
  });
});

// ─── random groups ──────────────────────────────────────────────────────────────────────────

const LABELS = ["新增工业机器人", "研发费用增长", "上云企业", "单位能耗下降"];

const targetCell = (bound: "atLeast" | "atMost"): fc.Arbitrary<CellValue> =>
  fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 2 }))
        .map(([t, form]): CellValue => (bound === "atMost" ? `${t}以下` : [t, `${t}`, `${t}以上`][form])),
    },
    { weight: 1, arbitrary: fc.constantFrom<CellValue>("", null, "0") },
  );
const actualCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 1000 }) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>("—", null, "待定", { error: "#N/A" }) },
);

const policy = fc.record(
  { plan: fc.boolean(), workPlan: fc.boolean(), policy: fc.boolean(), mechanism: fc.boolean(), pilot: fc.boolean(), endorsements: fc.integer({ min: 0, max: 9 }) },
  { requiredKeys: [] },
);

/** A group of distinct counties (real names, so 加快发展县 are known) over 1–4 indicators. */
const group: fc.Arbitrary<CountyInput[]> = fc
  .record({
    names: fc.uniqueArray(fc.constantFrom(...COUNTIES_2020), { minLength: 1, maxLength: 10, selector: (c) => c.name }),
    bounds: fc.array(fc.constantFrom("atLeast" as const, "atMost" as const), { minLength: 1, maxLength: 4 }),
  })
  .chain(({ names, bounds }) =>
    fc.tuple(
      ...names.map((c) =>
        fc
          .record({
            cells: fc.tuple(...bounds.map((b) => fc.tuple(targetCell(b), actualCell))),
            keep: fc.array(fc.boolean(), { minLength: bounds.length, maxLength: bounds.length }),
            policy,
            previousWinner: fc.boolean(),
          })
          .map(({ cells, keep, policy: p, previousWinner }): CountyInput => ({
            county: c.name,
            city: c.city,
            // A few rows left out entirely: the county has no entry for that indicator.
            entries: cells.flatMap(([target, actual], j) => (keep[j] || j === 0 ? [{ indicator: LABELS[j], target, actual }] : [])),
            policy: p,
            previousWinner,
          })),
      ),
    ),
  );

function shuffled<T>(xs: readonly T[], keys: readonly number[]): T[] {
  return xs.map((x, i) => ({ x, k: keys[i % Math.max(1, keys.length)] ?? 0, i })).sort((a, b) => a.k - b.k || b.i - a.i).map((y) => y.x);
}

describe("scoreGroup properties", () => {
  test("scores stay within range", () => {
    fc.assert(
      fc.property(group, options, (units, o) => {
        const g = scoreGroup(units, o);
        expect(g.scores).toHaveLength(units.length);
        for (const s of g.scores) {
          expect(s.targetScore).toBeGreaterThanOrEqual(0);
          expect(s.targetScore).toBeLessThanOrEqual(60 + EPS);
          expect(s.overScore).toBeGreaterThanOrEqual(0);
          expect(s.overScore).toBeLessThanOrEqual(20 + EPS);
          expect(s.policyScore).toBeGreaterThanOrEqual(0);
          expect(s.policyScore).toBeLessThanOrEqual(20);
          expect(s.total).toBeGreaterThanOrEqual(0);
          expect(s.total).toBeLessThanOrEqual(100 + EPS);
          for (const i of s.indicators) {
            for (const [rank, pts] of [[i.completionRank, i.completionPoints], [i.overRank, i.overPoints]] as const) {
              if (rank === null) expect(pts).toBe(0);
              else {
                expect(pts).toBeGreaterThanOrEqual(o.floor);
                expect(pts).toBeLessThanOrEqual(o.top);
              }
            }
          }
        }
      }),
      RUNS,
    );
  });

  test("the order of input rows (counties and their entries) changes nothing per county", () => {
    fc.assert(
      fc.property(group, options, fc.array(fc.integer(), { minLength: 1, maxLength: 12 }), (units, o, keys) => {
        const a = scoreGroup(units, o);
        const permuted = shuffled(units, keys).map((u) => ({ ...u, entries: shuffled(u.entries, [...keys].reverse()) }));
        const b = scoreGroup(permuted, o);
        expect(b.indicatorCount).toBe(a.indicatorCount);
        for (const s of a.scores) {
          const t = b.scores.find((x) => x.county === s.county)!;
          expect(t.completionPoints).toBeCloseTo(s.completionPoints, 9);
          expect(t.overPoints).toBeCloseTo(s.overPoints, 9);
          expect(t.total).toBeCloseTo(s.total, 9);
          for (const i of s.indicators) {
            const k = t.indicators.find((x) => x.indicator === i.indicator)!;
            expect([k.completionRank, k.completionPoints, k.overRank, k.overPoints]).toEqual([i.completionRank, i.completionPoints, i.overRank, i.overPoints]);
          }
        }
      }),
      RUNS,
    );
  });

  test("raising one county's actual never lowers its own points on that indicator (at-least targets)", () => {
    const atLeastGroup = group.map((units) =>
      units.map((u) => ({ ...u, entries: u.entries.map((e) => ({ ...e, target: typeof e.target === "string" ? e.target.replace("以下", "") : e.target })) })),
    );
    fc.assert(
      fc.property(atLeastGroup, options, fc.nat(), fc.integer({ min: 1, max: 500 }), (units, o, pick, delta) => {
        const ui = pick % units.length;
        const e = units[ui].entries[0];
        if (typeof e.actual !== "number") return; // raising needs a number to raise
        const before = scoreGroup(units, o).scores[ui].indicators.find((x) => x.indicator === LABELS[0])!;
        const raised = units.map((u, k) => (k === ui ? { ...u, entries: [{ ...e, actual: e.actual as number + delta }, ...u.entries.slice(1)] } : u));
        const after = scoreGroup(raised, o).scores[ui].indicators.find((x) => x.indicator === LABELS[0])!;
        expect(after.completionPoints).toBeGreaterThanOrEqual(before.completionPoints);
        expect(after.overPoints).toBeGreaterThanOrEqual(before.overPoints);
      }),
      RUNS,
    );
  });
});

describe("runSelection properties", () => {
  test("one recommendation per city that has a candidate, never a previous winner; slots and the 加快发展县 quota honoured", () => {
    fc.assert(
      fc.property(group, fc.integer({ min: 1, max: 6 }), fc.nat(6), (units, slots, m) => {
        const minAccelerated = Math.min(m, slots);
        const r = runSelection(units, { slots, minAccelerated });
        const cities = new Set(units.map((u) => u.city));
        for (const city of cities) {
          const rec = r.counties.filter((c) => c.city === city && c.recommended);
          const hasCandidate = units.some((u) => u.city === city && !u.previousWinner);
          expect(rec).toHaveLength(hasCandidate ? 1 : 0);
        }
        for (const c of r.counties) {
          if (c.recommended) expect(units.find((u) => u.county === c.county)!.previousWinner).toBe(false);
          expect(c.reasons.length).toBeGreaterThan(0);
          expect(c.cityRank).toBe(1 + r.counties.filter((x) => x.city === c.city && x.total > c.total + 1e-9).length);
        }
        const selected = r.province.filter((p) => p.selected);
        expect(selected).toHaveLength(Math.min(slots, r.province.length));
        const accelAvailable = r.province.filter((p) => p.accelerated).length;
        expect(selected.filter((p) => p.accelerated).length).toBeGreaterThanOrEqual(Math.min(minAccelerated, accelAvailable));
        for (const p of r.province) {
          expect(p.accelerated).toBe(isAccelerated(p.county));
          expect(p.reasons.length).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });
});
