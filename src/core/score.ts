/**
 * rules.md §3–5 (浙转升办〔2020〕2号 第五条): measures, rank points, standard scores, policy points and
 * one ranking group's totals. Pure and exact: measures are exact ratios of decimals, so two measures
 * that are equal as fractions (0.3/0.1 and 3/1) tie; ranking stays O(n log n).
 *
 * Errors are values. Functions a caller can hand bad options return a {@link Result}:
 * `{ ok: true, … }` on success, `{ ok: false, error }` with a bilingual {@link ZgIssue} otherwise.
 */
import type {
  Basis,
  Bound,
  CellRef,
  CellValue,
  CountyInput,
  Decimal,
  IndicatorScore,
  Msg,
  PolicyInput,
  Quantity,
  RankOptions,
  RankOrder,
  Ratio,
  Reading,
  Result,
  ScoreOptions,
  StdMethod,
  UnitScore,
  ZgIssue,
} from "./types";
import { DEFAULT_OPTIONS } from "./types";
import { ONE, SmallRatio, compareDecimal, compareRatio, decimalFromNumber, decimalSign, decimalToString, ratio, ratioFromNumber, shiftDecimal, subDecimal } from "./decimal";
import { NumberQuantity, normalizeText, quantityParts, quantitySign, readCell, readLabelTarget, stripSpace, withFields } from "./parse";
import { ISSUES, unusableEntry } from "./catalogue";
import { issue, placeOf } from "./messages";

// ─── results as values ──────────────────────────────────────────────────────────────────────

/** A bad option, as the engine's failure value. */
function badOption(msg: Msg): { ok: false; error: ZgIssue } {
  return { ok: false, error: issue("bad-option", "error", msg) };
}

// ─── options ────────────────────────────────────────────────────────────────────────────────

/** Why a set of rank options is unusable; null when it is fine. Points must stay within [floor, top]. */
export function checkRankOptions(o: RankOptions): ZgIssue | null {
  const bad = (msg: Msg): ZgIssue => issue("bad-option", "error", msg);
  const text = ISSUES["bad-option"];
  if (typeof o.top !== "number" || !Number.isFinite(o.top) || o.top <= 0) return bad(text.top(o.top));
  if (typeof o.step !== "number" || !Number.isFinite(o.step) || o.step < 0) return bad(text.step(o.step));
  if (typeof o.floor !== "number" || !Number.isFinite(o.floor) || o.floor < 0 || o.floor > o.top) return bad(text.floor(o.top, o.floor));
  return null;
}

/** The largest 差额比例 accepted: 10 already lists eleven names per place. */
export const MAX_MARGIN = 10;

/**
 * Fills the defaults (rules.md: top 10, step 0.5, floor 0, std full, basis ratio, slots 6,
 * minAccelerated 1) into a partial set of options and checks every field. `null`/`undefined`
 * fields take the default (custom functions hand omitted arguments over as null).
 */
export function resolveOptions(partial?: Partial<ScoreOptions> | null): Result<{ options: ScoreOptions }> {
  const given = (partial ?? {}) as Record<string, unknown>;
  const pick = <K extends keyof ScoreOptions>(k: K): ScoreOptions[K] =>
    given[k] === undefined || given[k] === null ? DEFAULT_OPTIONS[k] : (given[k] as ScoreOptions[K]);
  const options: ScoreOptions = {
    top: pick("top"),
    step: pick("step"),
    floor: pick("floor"),
    std: pick("std"),
    basis: pick("basis"),
    slots: pick("slots"),
    minAccelerated: pick("minAccelerated"),
    margin: pick("margin"),
    unassigned: pick("unassigned"),
  };
  const rankError = checkRankOptions(options);
  if (rankError) return { ok: false, error: rankError };
  const text = ISSUES["bad-option"];
  if (options.std !== "full" && options.std !== "max") return badOption(text.std(options.std));
  if (options.basis !== "ratio" && options.basis !== "value") return badOption(text.basis(options.basis));
  if (typeof options.slots !== "number" || !Number.isInteger(options.slots) || options.slots < 1) return badOption(text.slots(options.slots));
  if (
    typeof options.minAccelerated !== "number" ||
    !Number.isInteger(options.minAccelerated) ||
    options.minAccelerated < 0 ||
    options.minAccelerated > options.slots
  )
    return badOption(text.minAccelerated(options.slots, options.minAccelerated));
  if (typeof options.margin !== "number" || !Number.isFinite(options.margin) || options.margin < 0 || options.margin > MAX_MARGIN)
    return badOption(text.margin(options.margin));
  if (options.unassigned !== "exclude" && options.unassigned !== "zero") return badOption(text.unassigned(options.unassigned));
  return { ok: true, options };
}

// ─── §3 rank points ─────────────────────────────────────────────────────────────────────────

/**
 * A number as an exact ratio (via its shortest round-trip decimal); null for NaN/±Infinity/null. A plain
 * double that is infinite came from an overflow, not from a rule, so it is no measure; the exact ratio 1/0
 * ({@link INFINITE_MEASURE}: an at-most actual of 0) is the best measure. Any other x/0 is no measure.
 */
function toRatio(m: Ratio | number | null | undefined): Ratio | null {
  if (m === null || m === undefined) return null;
  if (typeof m === "number") return Number.isFinite(m) ? ratioFromNumber(m) : null;
  // A finite value has a nonzero denominator; only an infinite or NaN one needs the exact test.
  if (Number.isFinite(m.value)) return m;
  if (decimalSign(m.den) === 0) return decimalSign(m.num) > 0 ? m : null;
  return m;
}

/** points = max(floor, top − step × (rank − 1)). */
export function pointsForRank(rank: number, o: RankOptions): number {
  return Math.max(o.floor, o.top - o.step * (rank - 1));
}

export interface RankPoints {
  /** Competition rank (1 + number strictly better); null where there was no measure. */
  ranks: (number | null)[];
  /** Rank points; 0 where there was no measure. */
  points: number[];
}

/**
 * Rank points for one indicator within one group (rules.md §3, 第五条(一)): competition ranking,
 * exact ties, null/NaN/±Infinity numbers score 0 and take no rank; the ratio {@link INFINITE_MEASURE}
 * ranks above every finite measure and ties with its like. order 'desc' (default): higher is better;
 * 'asc': lower is better. Fails only on bad options.
 */
export function rankPoints(
  measures: ReadonlyArray<Ratio | number | null>,
  options: RankOptions & { order?: RankOrder },
): Result<RankPoints> {
  const bad = checkRankOptions(options);
  if (bad) return { ok: false, error: bad };
  const order = options.order ?? "desc";
  if (order !== "desc" && order !== "asc")
    return badOption(ISSUES["bad-option"].order(order));
  if (measures.every((m) => m === null || m === undefined || typeof m === "number")) {
    return { ok: true, ...rankNumbers(measures as ReadonlyArray<number | null>, options, order) };
  }
  return { ok: true, ...rankRatios(measures.map(toRatio), options, order) };
}

/**
 * Plain numbers: a number stands for its shortest round-trip decimal, and that decimal is a strictly
 * increasing function of the double, so comparing the doubles is comparing the exact values — no BigInt.
 */
function rankNumbers(measures: ReadonlyArray<number | null>, options: RankOptions, order: RankOrder): RankPoints {
  const n = measures.length;
  const ranks: (number | null)[] = new Array<number | null>(n).fill(null);
  const points: number[] = new Array<number>(n).fill(0);
  const sign = order === "desc" ? -1 : 1;
  const idx: number[] = [];
  for (let i = 0; i < n; i++) {
    const m = measures[i];
    if (typeof m === "number" && Number.isFinite(m)) idx.push(i);
  }
  const key = (i: number): number => sign * (measures[i] as number);
  idx.sort((a, b) => key(a) - key(b));
  let groupStart = 0;
  for (let k = 0; k < idx.length; k++) {
    // 0 and −0 are one decimal, and === says so.
    if (k > 0 && measures[idx[k - 1]] !== measures[idx[k]]) groupStart = k;
    const rank = groupStart + 1;
    ranks[idx[k]] = rank;
    points[idx[k]] = pointsForRank(rank, options);
  }
  return { ranks, points };
}

/** Doubles closer than this (relative) may be ordered differently from their exact values. */
const NEAR = 1e-12;

/**
 * rankPoints without the option checks, for callers that have checked them once. Sorts on the doubles
 (a plain numeric comparator), then re-sorts each run of near-equal neighbours exactly
 * with compareRatio: doubles further apart than NEAR already give the exact order, so this is exact
 * and stays O(n log n).
 */
function rankRatios(measures: ReadonlyArray<Ratio | null>, options: RankOptions, order: RankOrder): RankPoints {
  const n = measures.length;
  const ranks: (number | null)[] = new Array<number | null>(n).fill(null);
  const points: number[] = new Array<number>(n).fill(0);
  const sign = order === "desc" ? -1 : 1;
  const idx: number[] = [];
  const key: number[] = new Array<number>(n);
  let finite = true;
  for (let i = 0; i < n; i++) {
    const m = measures[i];
    if (!m) continue;
    idx.push(i);
    key[i] = sign * m.value;
    if (!Number.isFinite(m.value)) finite = false;
  }
  const exact = (a: number, b: number): number => sign * compareRatio(measures[a]!, measures[b]!);
  if (!finite) idx.sort(exact);
  else {
    idx.sort((a, b) => key[a] - key[b]);
    for (let s = 0; s < idx.length; ) {
      let e = s + 1;
      while (e < idx.length && key[idx[e]] - key[idx[e - 1]] <= NEAR * Math.max(Math.abs(key[idx[e]]), Math.abs(key[idx[e - 1]]))) e++;
      if (e - s > 1) {
        const run = idx.slice(s, e).sort(exact);
        for (let k = s; k < e; k++) idx[k] = run[k - s];
      }
      s = e;
    }
  }
  let groupStart = 0;
  for (let k = 0; k < idx.length; k++) {
    if (k > 0 && exact(idx[k - 1], idx[k]) !== 0) groupStart = k;
    const rank = groupStart + 1;
    ranks[idx[k]] = rank;
    points[idx[k]] = pointsForRank(rank, options);
  }
  return { ranks, points };
}

/** One value of a ranking group: its double, and its exact decimal where that is not the double's own shortest form. */
export interface RankEntry {
  value: number;
  /**
   * Only for a value read from text whose exact decimal differs from the double's shortest round-trip form
   * (0.30000000000000000001 is not 0.3); undefined for every number a cell holds and for most texts.
   */
  exact?: Decimal;
}

/** A quantity as a rank entry: its exact decimal kept only where the double alone would lose digits. */
export function rankEntryOf(q: Quantity): RankEntry {
  if (q instanceof NumberQuantity) return { value: q.value };
  return compareDecimal(q.exact, decimalFromNumber(q.value)) === 0 ? { value: q.value } : { value: q.value, exact: q.exact };
}

/** Competition ranks of a group, looked up by value: built once, asked once per cell that is ranked. */
export interface RankLookup {
  /** 1 + the number of strictly better entries; null when no entry has exactly this value. */
  rankOf(value: number, exact?: Decimal): number | null;
}

/**
 * rules.md §3's ranks (competition ranking, exact ties) of a group, as a lookup table: one sort, n log n, then
 * each look-up is a hash probe. The exact decimal matters only where two entries share a double (a double's order
 * is its exact value's order: conversion is correctly rounded, hence monotone), so only those runs compare exactly.
 */
export function rankLookup(entries: ReadonlyArray<RankEntry>, order: RankOrder): RankLookup {
  const n = entries.length;
  const sign = order === "desc" ? -1 : 1;
  let mixed = false;
  for (let i = 0; i < n; i++) if (entries[i].exact !== undefined) mixed = true;
  const byValue = new Map<number, number>();
  if (!mixed) {
    // Every entry is its double: a typed-array sort, then one pass.
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = sign * entries[i].value;
    keys.sort();
    for (let k = 0; k < n; k++) {
      const v = sign * keys[k];
      if (!byValue.has(v)) byValue.set(v, k + 1);
    }
    // A value with digits beyond its double cannot equal any of these.
    return { rankOf: (value, exact) => (exact === undefined ? (byValue.get(value) ?? null) : null) };
  }
  // Some texts carry digits beyond their double: within a run of equal doubles, order by exact value.
  const exactOf = (e: RankEntry): Decimal => e.exact ?? decimalFromNumber(e.value);
  const idx: number[] = [];
  for (let i = 0; i < n; i++) idx.push(i);
  idx.sort((a, b) => sign * (entries[a].value - entries[b].value));
  const runs = new Map<number, { exact: Decimal; rank: number }[]>();
  for (let s = 0; s < n; ) {
    let e = s + 1;
    while (e < n && entries[idx[e]].value === entries[idx[s]].value) e++;
    const v = entries[idx[s]].value;
    const run = idx.slice(s, e);
    if (!run.some((i) => entries[i].exact !== undefined)) {
      byValue.set(v, s + 1);
    } else {
      const ex = run.map((i) => exactOf(entries[i]));
      const ord = ex.map((_, k) => k).sort((a, b) => sign * compareDecimal(ex[a], ex[b]));
      const list: { exact: Decimal; rank: number }[] = [];
      let first = 0;
      ord.forEach((k, j) => {
        if (j > 0 && compareDecimal(ex[ord[j - 1]], ex[k]) !== 0) first = j;
        list.push({ exact: ex[k], rank: s + first + 1 });
      });
      runs.set(v === 0 ? 0 : v, list);
    }
    s = e;
  }
  return {
    rankOf: (value, exact) => {
      const plain = byValue.get(value);
      const run = runs.get(value);
      if (!run) return plain !== undefined && exact === undefined ? plain : null;
      const x = exact ?? decimalFromNumber(value);
      for (const m of run) if (compareDecimal(m.exact, x) === 0) return m.rank;
      return null;
    },
  };
}

// ─── §4 measures ────────────────────────────────────────────────────────────────────────────

const isPositive = (q: Quantity): boolean => quantitySign(q) > 0;

/**
 * T/A for an "at most" target met with A = 0 (rules.md §4): +∞ as the exact ratio 1/0. 0 is the best an
 * at-most actual can be, so this measure must rank first and tie with every other 0 — compareRatio
 * orders x/0 above any finite ratio (cross-multiplying: 1 × d > n × 0) and 1/0 equal to 1/0.
 */
export const INFINITE_MEASURE: Ratio = Object.freeze({ value: Infinity, num: decimalFromNumber(1), den: decimalFromNumber(0) });

/** 1 as a quantity: the denominator of basis 'value'. */
const UNIT_QUANTITY: Quantity = new NumberQuantity(1, null, "atLeast", false);

/**
 * Completion measure (目标任务完成, rules.md §4). basis 'ratio': A/T for an at-least target, T/A for an
 * at-most target, so higher is always better; an at-most actual of 0 gives {@link INFINITE_MEASURE}, the
 * best. basis 'value': A itself — for an at-most target lower A is better, so the caller ranks it with
 * order 'asc' ({@link completionOrder}). No measure (null) when T is not > 0, or for 'ratio' at-most when
 * A < 0 (T/A would be negative and rank a result better than 0 last).
 */
export function completionMeasure(target: Quantity, actual: Quantity, basis: Basis): Ratio | null {
  if (!isPositive(target)) return null;
  if (basis === "value") return quotient(actual, UNIT_QUANTITY);
  if (target.bound === "atMost") {
    if (quantitySign(actual) === 0) return INFINITE_MEASURE;
    return isPositive(actual) ? quotient(target, actual) : null;
  }
  return quotient(actual, target);
}

/** The ranking order of completion measures: only 'value' of an at-most target ranks lower-is-better. */
export function completionOrder(basis: Basis, bound: Bound): RankOrder {
  return basis === "value" && bound === "atMost" ? "asc" : "desc";
}

/**
 * Over-target measure (超目标完成, rules.md §4): (A − T)/T when A > T (at most: (T − A)/T when A < T);
 * null when T is not > 0 or the target was not exceeded. Higher is always better.
 */
export function overMeasure(target: Quantity, actual: Quantity): Ratio | null {
  if (!isPositive(target)) return null;
  const f = smallAligned(actual, target);
  if (f) {
    // Both as whole numbers on one exponent: the difference is exact, the quotient rounded once.
    const [x, y] = f;
    if (target.bound === "atMost") return x < y ? new SmallRatio(y - x, y) : null;
    return x > y ? new SmallRatio(x - y, y) : null;
  }
  const t = target.exact;
  const a = actual.exact;
  const c = compareDecimal(a, t);
  if (target.bound === "atMost") return c < 0 ? ratio(subDecimal(t, a), t) : null;
  return c > 0 ? ratio(subDecimal(a, t), t) : null;
}

// Measures are built for every unit and indicator of every group, so the common case (coefficients and
// exponents small enough that whole-number doubles are exact) makes no decimal object at all: numbers give
// their whole-number parts straight from the double (quantityParts). Results are the same exact ratios
// decimal.ts's ratio() gives, with the same correctly rounded value.

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const SAFE = Number.MAX_SAFE_INTEGER;

/** a and b as whole numbers over one common power of ten, when that is exact in doubles; else null. */
function smallAligned(a: Quantity, b: Quantity): [number, number] | null {
  const pa = quantityParts(a);
  if (!pa) return null;
  const pb = quantityParts(b);
  if (!pb) return null;
  const shift = pa.exp - pb.exp;
  if (shift > 15 || shift < -15) return null;
  let x = pa.coef;
  let y = pb.coef;
  if (shift > 0) x *= POW10[shift];
  else if (shift < 0) y *= POW10[-shift];
  return Math.abs(x) <= SAFE && Math.abs(y) <= SAFE ? [x, y] : null;
}

/** num/den as an exact ratio (den > 0): a SmallRatio, one correctly rounded division, where both fit. */
function quotient(num: Quantity, den: Quantity): Ratio {
  const f = smallAligned(num, den);
  return f && f[1] > 0 ? new SmallRatio(f[0], f[1]) : ratio(num.exact, den.exact);
}

function quantityOf(x: number, bound: Bound): Quantity {
  return new NumberQuantity(x, null, bound, false);
}

export interface MeasureOptions {
  basis?: Basis | null;
  bound?: Bound | null;
}

/**
 * The largest number an Excel cell holds (9.99999999999999E+307). Excel has no infinity, so a sheet shows
 * {@link INFINITE_MEASURE} as this: it still ranks first in ZG.RANKSCORE and ties with every other 0 actual.
 */
export const SHEET_INFINITY = 9.99999999999999e307;

/** A measure as a number a cell can hold: its value, or {@link SHEET_INFINITY} for the infinite measure. */
export function sheetNumber(m: Ratio): number {
  return !Number.isFinite(m.value) && decimalSign(m.den) === 0 ? SHEET_INFINITY : m.value;
}

/**
 * Number-level completion measure for the custom functions: computed exactly from the numbers' shortest
 * decimals and rounded once (so completion(0.3, 0.1) is 3, not 2.9999999999999996), as a sheet number
 * ({@link sheetNumber}: an at-most actual of 0 gives SHEET_INFINITY). null where there is none.
 */
export function completion(actual: number, target: number, options?: MeasureOptions): number | null {
  if (!Number.isFinite(actual) || !Number.isFinite(target)) return null;
  const bound = options?.bound ?? "atLeast";
  const m = completionMeasure(quantityOf(target, bound), quantityOf(actual, bound), options?.basis ?? "ratio");
  return m ? sheetNumber(m) : null;
}

/** Number-level over-target measure; null where the target was not exceeded. */
export function over(actual: number, target: number, bound?: Bound | null): number | null {
  if (!Number.isFinite(actual) || !Number.isFinite(target)) return null;
  const b = bound ?? "atLeast";
  const m = overMeasure(quantityOf(target, b), quantityOf(actual, b));
  return m ? m.value : null;
}

// ─── §5 scores ──────────────────────────────────────────────────────────────────────────────

export interface StandardOptions {
  method: StdMethod;
  /** 60 for the completion score, 20 for the over-target score. */
  weight: number;
  /** J: indicators with at least one measure in the group (method 'full'). */
  indicators?: number;
  /** Full mark of one indicator = the points of rank 1 (default 10). */
  top?: number;
  /** Highest points in the group (method 'max'). */
  groupMax?: number;
}

/**
 * 标准分 (rules.md §5). 'full': points / (top × J) × weight — the full mark per indicator is `top`, so
 * with top 10 this is the rules' S / (10 × J) × 60 and a unit first on every indicator scores the full
 * weight whatever top is. 'max': points / groupMax × weight. 0 when J or groupMax is 0.
 */
export function standardScore(points: number, o: StandardOptions): number {
  const r = standardRatio(points, o);
  return r ? r.value : 0;
}

/**
 * The standard score as an exact ratio (null where it is 0): its value is the double nearest the exact quotient, so
 * S = 79.5 over J = 18 is 8.833333333333334 (53/6), not the 8.833333333333332 two roundings give, and outputs carry no
 * binary noise.
 */
function standardRatio(points: number, o: StandardOptions): Ratio | null {
  if (!Number.isFinite(points)) return null;
  const num = decimalFromNumber(points).times(o.weight);
  if (o.method === "max") {
    const max = o.groupMax ?? 0;
    return max > 0 && Number.isFinite(max) ? ratio(num, decimalFromNumber(max)) : null;
  }
  const j = o.indicators ?? 0;
  const top = o.top ?? DEFAULT_OPTIONS.top;
  return j > 0 && top > 0 && Number.isFinite(top) ? ratio(num, decimalFromNumber(top).times(j)) : null;
}

/** targetScore + overScore + policy score, exactly, then the nearest double: 84.2, not 84.19999999999999. */
function exactTotal(target: Ratio | null, over: Ratio | null, policy: number): number {
  let num = decimalFromNumber(policy);
  let den = ONE;
  for (const r of [target, over]) {
    if (!r) continue;
    num = num.times(r.den).plus(r.num.times(den));
    den = den.times(r.den);
  }
  return ratio(num, den).value;
}

/**
 * 第五条(二) policy points, 0–20: 实施方案 2 + 年度工作要点/工作计划 2 + 配套政策 4 + 工作协调机制 4 +
 * 省级试点 4 + 1 per 批示肯定/典型发言 (whole, non-negative), at most 4.
 */
export function policyScore(p: PolicyInput | null | undefined): number {
  if (!p) return 0;
  const e = typeof p.endorsements === "number" && Number.isFinite(p.endorsements) ? Math.max(0, Math.floor(p.endorsements)) : 0;
  return (p.plan === true ? 2 : 0) + (p.workPlan === true ? 2 : 0) + (p.policy === true ? 4 : 0) + (p.mechanism === true ? 4 : 0) + (p.pilot === true ? 4 : 0) + Math.min(4, e);
}

export const TARGET_WEIGHT = 60;
export const OVER_WEIGHT = 20;

// ─── a group's totals ───────────────────────────────────────────────────────────────────────

export interface GroupScore {
  /** One per unit, in input order. */
  scores: UnitScore[];
  /** J: indicators with at least one measure in the group. */
  indicatorCount: number;
  /** Cells that could not be used: errors (unreadable) and warnings (empty, mismatched). */
  issues: ZgIssue[];
}

/** The issue's text without the place prefix issue() added, so it can be re-worded with context. */
function bare(i: ZgIssue, at?: CellRef): Msg {
  const p = placeOf(at);
  const strip = (s: string, prefix: string): string => (prefix && s.startsWith(prefix) ? s.slice(prefix.length) : s);
  return { zh: strip(i.zh, p.zh ? `${p.zh}：` : ""), en: strip(i.en, p.en ? `${p.en}: ` : "") };
}


/** One unit's row for one indicator, read once: a usable target and actual, or null (and why, in issues). */
interface PreparedEntry {
  key: string;
  label: string;
  labelBound: Bound | null;
  /** Target and actual when both are usable (read, same unit, target > 0); otherwise both null, and issues say why. */
  t: Quantity | null;
  a: Quantity | null;
  /** The target is 0 or blank: the city allocated nothing (rules.md §5, option `unassigned`). */
  unassigned: boolean;
  targetAt?: CellRef;
  actualAt?: CellRef;
}

/** A unit with its cells read: reading does not depend on the group, so runSelection reads each cell once. */
export interface PreparedUnit {
  unit: CountyInput;
  /** In input order, one per normalised label (later duplicates dropped with a warning). */
  entries: PreparedEntry[];
  /**
   * The entry of each normalised label by the label's number in `slotOf`, which the units of one prepareUnits call
   * share: an array per unit rather than a Map, since a province-sized input has 100,000 units (memory, then GC).
   */
  bySlot: (PreparedEntry | undefined)[];
  slotOf: ReadonlyMap<string, number>;
  /** Problems met while reading this unit's cells. */
  issues: ZgIssue[];
}

/**
 * Labels and targets repeat for every county (“10%以上”): normalise each distinct label, and read each
 * distinct cell that holds a value, once per call. Cells without a value are read every time, so each
 * message names its own cell.
 */
class ReadCache {
  private readonly cells = new Map<string | number, Quantity>();
  read(cell: CellValue, at: CellRef | undefined): Reading {
    const cacheable = typeof cell === "string" || typeof cell === "number";
    if (cacheable) {
      const q = this.cells.get(cell);
      if (q) return { status: "value", quantity: q };
    }
    const r = readCell(cell, at);
    if (cacheable && r.status === "value") this.cells.set(cell, r.quantity);
    return r;
  }
  private readonly m = new Map<string, { key: string; label: string; labelBound: Bound | null; slot: number }>();
  /** Each normalised label's number, in order of first appearance. */
  readonly slots = new Map<string, number>();
  get(label: string): { key: string; label: string; labelBound: Bound | null; slot: number } {
    let v = this.m.get(label);
    if (!v) {
      const key = normalizeText(label);
      let slot = this.slots.get(key);
      if (slot === undefined) this.slots.set(key, (slot = this.slots.size));
      v = { key, label: stripSpace(label), labelBound: readLabelTarget(label)?.bound ?? null, slot };
      this.m.set(label, v);
    }
    return v;
  }
}

/** The unit's entry for a normalised label, if it has one. */
export function entryFor(p: PreparedUnit, key: string): PreparedEntry | undefined {
  const slot = p.slotOf.get(key);
  return slot === undefined ? undefined : p.bySlot[slot];
}

/** One cell read for prepareUnit: its quantity, or null with the reason added to `issues`. */
function readEntryCell(
  labels: ReadCache,
  issues: ZgIssue[],
  county: string,
  label: string,
  which: "target" | "actual",
  cell: CellValue,
  at: CellRef | undefined,
): Quantity | null {
  const r = labels.read(cell, at);
  if (r.status === "value") return r.quantity;
  issues.push(issue(r.issue.code, r.issue.severity, unusableEntry(county, label, which, bare(r.issue, at)), at));
  return null;
}

function prepareUnit(u: CountyInput, labels: ReadCache): PreparedUnit {
  const issues: ZgIssue[] = [];
  const entries: PreparedEntry[] = [];
  const bySlot: (PreparedEntry | undefined)[] = [];
  for (const e of u.entries ?? []) {
    const raw = typeof e.indicator === "string" ? e.indicator : String(e.indicator ?? "");
    const { key, label, labelBound, slot } = labels.get(raw);
    if (!key) continue;
    while (bySlot.length <= slot) bySlot.push(undefined);
    if (bySlot[slot] !== undefined) {
      issues.push(
        issue("duplicate-indicator", "warning", ISSUES["duplicate-indicator"](u.county, label), e.targetAt ?? e.actualAt),
      );
      continue;
    }
    const entry: PreparedEntry = { key, label, labelBound, t: null, a: null, unassigned: false, targetAt: e.targetAt, actualAt: e.actualAt };
    entries.push(entry);
    bySlot[slot] = entry;

    // A target of 0 or blank is "given no target" (rules.md §5): said by the group with the rule it applies, not
    // as an unreadable or non-positive target. An unreadable target stays an error.
    const tr = labels.read(e.target, e.targetAt);
    if (tr.status === "none" || (tr.status === "value" && quantitySign(tr.quantity) === 0)) {
      entry.unassigned = true;
      // An empty actual is expected there; an unreadable one is still an error.
      if (labels.read(e.actual, e.actualAt).status === "error") readEntryCell(labels, issues, u.county, label, "actual", e.actual, e.actualAt);
      continue;
    }
    // This loop runs for every county × indicator of a province: no closures or arrays per row.
    const t = tr.status === "value" ? tr.quantity : readEntryCell(labels, issues, u.county, label, "target", e.target, e.targetAt);
    const a = readEntryCell(labels, issues, u.county, label, "actual", e.actual, e.actualAt);
    if (t === null || a === null) continue;
    if (t.unit !== null && a.unit !== null && t.unit !== a.unit) {
      issues.push(
        issue("unit-mismatch", "error", ISSUES["unit-mismatch"](u.county, label, a.unit, t.unit), e.actualAt),
      );
      continue;
    }
    if (!isPositive(t)) {
      issues.push(
        issue("target-not-positive", "warning", ISSUES["target-not-positive"](u.county, label), e.targetAt),
      );
      continue;
    }
    // A percentage target with a bare actual of 1 or more (12 for 12%) is most likely a missing %: say so, score as written.
    if (t.isRate && !a.isRate && a.unit === null && Math.abs(a.value) >= 1 && Math.abs(t.value) < 1) {
      const shown = decimalToString(a.exact);
      const pct = decimalToString(shiftDecimal(a.exact, 2));
      issues.push(issue("rate-scale", "warning", ISSUES["rate-scale"](u.county, label, shown, pct), e.actualAt));
    }
    entry.t = t;
    entry.a = a;
  }
  return { unit: u, entries, bySlot, slotOf: labels.slots, issues };
}

/** Reads every unit's cells (rules.md §1) once, for scoring in one or more groups. */
export function prepareUnits(units: ReadonlyArray<CountyInput>): PreparedUnit[] {
  const labels = new ReadCache();
  return units.map((u) => prepareUnit(u, labels));
}

/**
 * Scores one ranking group (a city's counties, or the recommended counties) by rules.md §3–5.
 * Indicators are matched across units by their normalised label (full-width → ASCII, white space
 * removed), in order of first appearance. Bad options give no scores and one error issue.
 */
export function scoreGroup(units: ReadonlyArray<CountyInput>, options: ScoreOptions): GroupScore {
  const resolved = resolveOptions(options);
  if (!resolved.ok) return { scores: [], indicatorCount: 0, issues: [resolved.error] };
  const prepared = prepareUnits(units);
  const g = scorePrepared(prepared, resolved.options);
  // Array.prototype.flatMap is ES2019: the custom-functions bundle must run on an ES2016 engine.
  const issues: ZgIssue[] = [];
  for (const p of prepared) issues.push(...p.issues);
  return { ...g, issues: [...issues, ...g.issues] };
}

/**
 * The ranking part of scoreGroup on units already read. Options must have been checked
 * (resolveOptions). Issues returned are the group's own: rows missing, mixed bounds, negative at-most actuals.
 */
export function scorePrepared(units: ReadonlyArray<PreparedUnit>, o: ScoreOptions): GroupScore {
  const issues: ZgIssue[] = [];
  const nUnits = units.length;

  // The group's indicators, in order of first appearance.
  const slots: { key: string; label: string; labelBound: Bound | null; at?: CellRef }[] = [];
  const seen = new Set<string>();
  for (const u of units) {
    for (const e of u.entries) {
      if (seen.has(e.key)) continue;
      seen.add(e.key);
      slots.push({ key: e.key, label: e.label, labelBound: e.labelBound, at: e.targetAt ?? e.actualAt });
    }
  }

  const indicatorRows: IndicatorScore[][] = units.map(() => []);
  const S: number[] = new Array<number>(nUnits).fill(0);
  const O: number[] = new Array<number>(nUnits).fill(0);
  const comp: (Ratio | null)[] = new Array<Ratio | null>(nUnits);
  const ovr: (Ratio | null)[] = new Array<Ratio | null>(nUnits);
  let j = 0;
  // Per unit, the measured indicators it was given no target for (rules.md §5: out of its own J under `exclude`).
  const unassigned: number[] = new Array<number>(nUnits).fill(0);

  for (const slot of slots) {
    const rows: (PreparedEntry | undefined)[] = units.map((u) => entryFor(u, slot.key));
    // One direction per indicator: "at most" when the label or any target says so, so all units rank alike.
    let anyAtMost = false;
    let anyAtLeast = false;
    for (let ui = 0; ui < nUnits; ui++) {
      const r = rows[ui];
      if (r === undefined) {
        issues.push(issue("missing-indicator", "warning", ISSUES["missing-indicator"](units[ui].unit.county, slot.label)));
      } else if (r.t) {
        if (r.t.bound === "atMost") anyAtMost = true;
        else anyAtLeast = true;
      }
    }
    const bound: Bound = slot.labelBound === "atMost" || anyAtMost ? "atMost" : "atLeast";
    if (anyAtMost && anyAtLeast && slot.labelBound !== "atMost") {
      issues.push(issue("bound-mixed", "warning", ISSUES["bound-mixed"](slot.label), slot.at));
    }

    let measured = false;
    for (let ui = 0; ui < nUnits; ui++) {
      const row = rows[ui];
      comp[ui] = null;
      ovr[ui] = null;
      if (!row || !row.t || !row.a) continue;
      const t = row.t.bound === bound ? row.t : withFields(row.t, { bound });
      comp[ui] = completionMeasure(t, row.a, o.basis);
      ovr[ui] = overMeasure(t, row.a);
      if (comp[ui] || ovr[ui]) measured = true;
      if (!comp[ui]) {
        issues.push(issue("actual-not-positive", "warning", ISSUES["actual-not-positive"](units[ui].unit.county, slot.label), rows[ui]!.actualAt));
      }
    }
    if (measured) j++;
    for (let ui = 0; ui < nUnits; ui++) {
      if (!rows[ui]?.unassigned) continue;
      if (measured) unassigned[ui]++;
      issues.push(issue("unassigned-target", "warning", ISSUES["unassigned-target"](units[ui].unit.county, slot.label, o.unassigned), rows[ui]!.targetAt));
    }

    const cr = rankRatios(comp, o, completionOrder(o.basis, bound));
    const orr = rankRatios(ovr, o, "desc");
    for (let ui = 0; ui < nUnits; ui++) {
      S[ui] += cr.points[ui];
      O[ui] += orr.points[ui];
      indicatorRows[ui].push({
        indicator: slot.label,
        completion: comp[ui],
        completionRank: cr.ranks[ui],
        completionPoints: cr.points[ui],
        over: ovr[ui],
        overRank: orr.ranks[ui],
        overPoints: orr.points[ui],
        ...(rows[ui]?.unassigned ? { unassigned: true } : {}),
      });
    }
  }

  let maxS = 0;
  let maxO = 0;
  for (let ui = 0; ui < nUnits; ui++) {
    if (S[ui] > maxS) maxS = S[ui];
    if (O[ui] > maxO) maxO = O[ui];
  }
  const scores: UnitScore[] = units.map(({ unit: u }, ui) => {
    const ji = o.unassigned === "exclude" ? j - unassigned[ui] : j;
    const target = standardRatio(S[ui], { method: o.std, weight: TARGET_WEIGHT, indicators: ji, top: o.top, groupMax: maxS });
    const over = standardRatio(O[ui], { method: o.std, weight: OVER_WEIGHT, indicators: ji, top: o.top, groupMax: maxO });
    const targetScore = target ? target.value : 0;
    const overScore = over ? over.value : 0;
    const ps = policyScore(u.policy);
    return {
      county: u.county,
      city: u.city,
      completionPoints: S[ui],
      overPoints: O[ui],
      targetScore,
      overScore,
      policyScore: ps,
      total: exactTotal(target, over, ps),
      indicators: indicatorRows[ui],
      indicatorCount: ji,
      policy: u.policy,
    };
  });
  return { scores, indicatorCount: j, issues };
}
