/**
 * 差距分析: what a county lacks, in its own figures. At the city stage (2号 第五条（一）, 第六条（二）): its
 * rank and total, the total of the county its city would recommend and the points between; per indicator, the
 * actual that would put it strictly ahead of the next better county of its city on the completion measure (and on
 * the over-target measure), everything else unchanged, and the rank points it would then have. At the province stage
 * (第六条（三）), where it is recommended: the points it lacks for the proposed list and for the suggested places.
 *
 * The actual is solved exactly (big.js decimals, never a binary division) on the grid of the figure as written: an
 * actual written with 2 decimals moves by 0.01 of its written unit (`2.35亿元` by 0.01亿元, `12.5%` by 0.1%, `1300台`
 * by 1台); then the group is rescored with that actual, so every figure reported is one the engine itself gives.
 * "Least improvement": the smallest such actual for an "at least" target, the largest for an "at most" target (lower
 * is better), and for basis 'value' of an at-most indicator likewise. Pure.
 */
import type { Bound, CellValue, CountyInput, Decimal, IndicatorScore, ProvinceResult, Quantity, Ratio, Result, ScoreOptions, ZgIssue } from "./types";
import { ONE, ZERO, compareDecimal, compareRatio, decimalFromNumber, decimalSign, decimalToNumber, decimalToString, shiftDecimal, subDecimal } from "./decimal";
import { type PreparedUnit, completionMeasure, entryFor, completionOrder, overMeasure, prepareUnits, resolveOptions, scoreGroup } from "./score";
import { normalizeText, readCell, readLabelTarget, withFields } from "./parse";
import { cityKey } from "./reference";
import { proposedListSize, runSelection, sameScore, selectShortlist } from "./select";
import { ISSUES } from "./catalogue";
import { issue } from "./messages";

/** The score options, the margin (差额比例) of the proposed list among them. */
export type GapOptions = Partial<ScoreOptions>;

/** One indicator of the county, every figure in the unit its table wrote the actual in (`unit`). */
export interface IndicatorGap {
  indicator: string;
  /** The written unit of the figures below ('%', '亿元', '台'), null for a bare number. */
  unit: string | null;
  /** The resolution step in that unit (0.01 for an actual written with 2 decimals); null when nothing is written. */
  step: number | null;
  bound: Bound;
  actual: number | null;
  /** The target in the unit its own cell was written in (`targetUnit`): 1亿元 stays 1 in 亿元 when the actual is in 万元. */
  target: number | null;
  targetUnit: string | null;
  completionRank: number | null;
  completionPoints: number;
  /** The least improvement that puts the county strictly ahead of the next better county on completion; null when it is first or cannot be. */
  nextRankActual: number | null;
  pointsAtNextRank: number | null;
  /**
   * The actual that ties the next better county, where the written grid holds it exactly: under competition ranking
   * (2号 第五条（一）, tied units share a rank) it already brings pointsAtNextRank. null where no grid value ties.
   */
  levelActual: number | null;
  overRank: number | null;
  overPoints: number;
  nextOverRankActual: number | null;
  pointsAtNextOverRank: number | null;
  levelOverActual: number | null;
}

export interface ProvinceGap {
  rank: number;
  total: number;
  /** 建议激励名额内. */
  selected: boolean;
  /** On the 拟列入督查激励建议名单. */
  proposed: boolean;
  places: number;
  listSize: number;
  /**
   * The total the county must reach for the proposed list: the lowest total of a county listed by its total (a
   * 加快发展县 swapped into the places is listed by the rule, not by its total), found by rescoring; null when on it.
   */
  listTotal: number | null;
  /** listTotal − total; 0 when on the list; null when no total would put it there. */
  pointsShortOfList: number | null;
  /** Whether reaching listTotal exactly suffices (the tie-break chain then puts it in), or it must pass it. */
  listAtLevel: boolean | null;
  /** As listTotal, for the suggested places (the 加快发展县 rule honoured, by rescoring). */
  placesTotal: number | null;
  pointsShortOfPlaces: number | null;
  placesAtLevel: boolean | null;
}

/**
 * Why the county is or is not its city's recommendation (2号 第六条（二）): `previous-winner` (it received the incentive
 * last year, whatever its total), `tied` (equal total, the tie-break chain chose the other), `below`, or `none`
 * (its city has nobody to recommend).
 */
export type CityStanding = "recommended" | "previous-winner" | "tied" | "below" | "none";

export interface CountyGap {
  county: string;
  city: string;
  cityRank: number;
  total: number;
  recommended: boolean;
  recommendedCounty: string | null;
  recommendedTotal: number | null;
  /** Why it is or is not recommended; pointsShort means something only for `below` and `tied`. */
  cityStanding: CityStanding;
  /**
   * recommendedTotal − total for a county below the recommended one; 0 when recommended or tied; null when no points
   * would change it (received the incentive last year) or its city recommends nobody.
   */
  pointsShort: number | null;
  indicators: IndicatorGap[];
  province: ProvinceGap | null;
  warnings: ZgIssue[];
}

// ─── the written form of a figure ────────────────────────────────────────────────────────────

/** How a figure was written: the power of ten of its written unit in base units, its decimals, and the unit text. */
export interface WrittenForm {
  /** −2 for %, 4 for 万, 8 for 亿 …; 0 for base units and bare numbers. */
  scale: number;
  decimals: number;
  /** The written unit after the number ('亿元', '%', '台'), '' for a bare number. */
  suffix: string;
}

const PREFIXES: ReadonlyArray<readonly [string, number]> = [
  ["%", -2],
  ["万亿", 12],
  ["千万", 7],
  ["百万", 6],
  ["亿", 8],
  ["万", 4],
];
const BOUND_WORDS = /^(大于等于|不低于|不少于|不小于|至少|小于等于|不超过|不高于|不多于|不大于|至多|控制在|≥|≤|>=|<=)|(及以上|及以下|以上|以下|以内)$/g;

/** The written form of a target or actual cell; null where it holds no number. */
export function writtenForm(cell: CellValue): WrittenForm | null {
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return null;
    const s = decimalToString(decimalFromNumber(cell));
    const dot = s.indexOf(".");
    return { scale: 0, decimals: dot < 0 ? 0 : s.length - dot - 1, suffix: "" };
  }
  if (typeof cell !== "string") return null;
  const t = normalizeText(cell).replace(BOUND_WORDS, "");
  // An exponent is part of the number (1e-30台 is 10^-30 台, not 1 of a unit "e-30台"): it moves the decimals.
  const m = /[+-]?(?:\d[\d,]*(?:\.(\d*))?|\.(\d+))(?:[eE]([+-]?\d+))?/.exec(t);
  if (!m) return null;
  const decimals = Math.max(0, (m[1] ?? m[2] ?? "").length - Number(m[3] ?? 0));
  const suffix = t.slice(m.index + m[0].length);
  const prefix = PREFIXES.find(([p]) => suffix.startsWith(p));
  return { scale: prefix ? prefix[1] : 0, decimals, suffix };
}

/**
 * A figure of the gap analysis as text, in its written unit at the step's decimals: plain decimals, or the exponent
 * form JavaScript gives (1e-30) where plain decimals would be unreadably long, so a move of one step always shows.
 */
/**
 * Points between two totals as the decimals they display (84.2 − 78.4 is 5.8, not the doubles' 5.799999999999997):
 * a --json reader and the screen see the same figure.
 */
export function pointsBetween(higher: number, lower: number): number {
  return decimalToNumber(subDecimal(decimalFromNumber(higher), decimalFromNumber(lower)));
}

/** A target is shown as written, not at the actual's step (0.5亿元 must not read 1亿元): up to six decimals. */
export const TARGET_STEP = 0.000001;

export function writtenFigure(x: number, step: number | null, grouped = false): string {
  const decimals = step === null || step >= 1 ? 0 : Math.min(20, Math.round(-Math.log10(step)));
  if (x !== 0 && (Math.abs(x) < 1e-6 || Math.abs(x) >= 1e21 || decimals > 6)) return String(x);
  const fixed = x.toFixed(Math.max(decimals, 0));
  const trimmed = fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
  if (!grouped) return trimmed;
  const [whole, frac] = trimmed.split(".");
  return `${whole.replace(/\B(?=(\d{3})+$)/g, ",")}${frac === undefined ? "" : `.${frac}`}`;
}

/** A base-unit value in the written unit, as a number. */
function inWritten(x: Decimal, w: WrittenForm): number {
  return decimalToNumber(shiftDecimal(x, -w.scale));
}

/** The written unit's name: the suffix without bound words ('%' and '亿元' as they are). */
function unitName(w: WrittenForm): string | null {
  return w.suffix === "" ? null : w.suffix;
}

// ─── exact floors on the grid ────────────────────────────────────────────────────────────────

/** floor(p / q) for decimals, q > 0, exactly: big.js division gives a start, cross-multiplication corrects it. */
function floorDiv(p: Decimal, q: Decimal): Decimal {
  let f = p.div(q).round(0, 0);
  while (compareDecimal(f.plus(ONE).times(q), p) <= 0) f = f.plus(ONE);
  while (compareDecimal(f.times(q), p) > 0) f = f.minus(ONE);
  return f;
}

/** The smallest multiple of s strictly above p/q (q > 0). */
function gridAbove(p: Decimal, q: Decimal, s: Decimal): Decimal {
  return floorDiv(p, q.times(s)).plus(ONE).times(s);
}

/** The largest multiple of s strictly below p/q (q > 0). */
function gridBelow(p: Decimal, q: Decimal, s: Decimal): Decimal {
  const qs = q.times(s);
  const f = floorDiv(p, qs);
  // p/q on the grid itself: one step below it; else the floor.
  return (compareDecimal(f.times(qs), p) === 0 ? f.minus(ONE) : f).times(s);
}

// ─── the solver ──────────────────────────────────────────────────────────────────────────────

type Measure = "completion" | "over";

/** The over-target measure of an actual exactly at its target: 0, which no county has (over measures are > 0). */
const OVER_ZERO: Ratio = Object.freeze({ value: 0, num: ZERO, den: ONE });

/**
 * The worst measure among those strictly better than `own` (all measures when own is null): the next better
 * county's. null when nobody is better.
 */
function nextBetter(others: readonly (Ratio | null)[], own: Ratio | null, order: "desc" | "asc"): Ratio | null {
  const better = (x: Ratio, y: Ratio): boolean => (order === "desc" ? compareRatio(x, y) > 0 : compareRatio(x, y) < 0);
  let worst: Ratio | null = null;
  for (const m of others) {
    if (!m) continue;
    if (own && !better(m, own)) continue;
    if (!worst || better(worst, m)) worst = m;
  }
  return worst;
}

/**
 * Where the county's actual must go for its measure to pass M: strictly above p/q ("above") or strictly below it
 * ("below"), q > 0; at p/q exactly its measure equals M (a tie). null when no threshold exists (M is the infinite
 * measure of an at-most 0).
 */
function threshold(kind: Measure, basis: ScoreOptions["basis"], bound: Bound, T: Decimal, M: Ratio): { p: Decimal; q: Decimal; dir: "above" | "below" } | null {
  const num = M.num;
  const den = M.den;
  if (decimalSign(den) === 0) return null;
  const dir = bound === "atMost" ? "below" : "above";
  // basis value: A itself against n/d.
  if (kind === "completion" && basis === "value") return { p: num, q: den, dir };
  // at least: A/T > n/d ⟺ A > nT/d; at most: T/A > n/d ⟺ A < Td/n (A ≥ 0; A = 0 is the infinite measure).
  if (kind === "completion") return bound === "atMost" ? { p: T.times(den), q: num, dir } : { p: num.times(T), q: den, dir };
  // at least: (A−T)/T > n/d ⟺ A > T(d+n)/d; at most: (T−A)/T > n/d ⟺ A < T(d−n)/d.
  return bound === "atMost" ? { p: T.times(den.minus(num)), q: den, dir } : { p: T.times(den.plus(num)), q: den, dir };
}

/**
 * The least-improvement actual (base units, on the grid of step s) whose measure is strictly better than M, and the
 * actual that ties M where the grid holds it exactly; null where no actual can (an at-most actual below 0).
 */
function solve(kind: Measure, basis: ScoreOptions["basis"], bound: Bound, T: Decimal, M: Ratio, s: Decimal): { pass: Decimal | null; level: Decimal | null } {
  const th = threshold(kind, basis, bound, T, M);
  // An at-most actual of 0 ties the infinite measure and nothing passes it.
  if (!th) return { pass: null, level: kind === "completion" && basis === "ratio" && bound === "atMost" ? ZERO : null };
  const { p, q, dir } = th;
  const pass = dir === "above" ? gridAbove(p, q, s) : gridBelow(p, q, s);
  const qs = q.times(s);
  const onGrid = compareDecimal(floorDiv(p, qs).times(qs), p) === 0;
  let level = onGrid ? floorDiv(p, qs).times(s) : null;
  // Measures of an at-most ratio and of over-target need an actual ≥ 0; a level over-target of 0 is no measure.
  const floorsAtZero = bound === "atMost" && !(kind === "completion" && basis === "value");
  if (level && floorsAtZero && decimalSign(level) < 0) level = null;
  if (level && kind === "over" && decimalSign(M.num) === 0) level = null;
  return { pass: floorsAtZero && decimalSign(pass) < 0 ? null : pass, level };
}

/** The group's direction for an indicator, as scorePrepared decides it: "at most" when the label or any target says so. */
function groupBound(prepared: readonly PreparedUnit[], key: string): Bound {
  for (const p of prepared) {
    const e = entryFor(p, key);
    if (!e) continue;
    if (e.labelBound === "atMost" || readLabelTarget(e.label)?.bound === "atMost") return "atMost";
    if (e.t?.bound === "atMost") return "atMost";
  }
  return "atLeast";
}

/**
 * The county's row for this indicator rescored with another actual. An indicator's rank points depend only on that
 * indicator's measures in the group (第五条（一）), so the group is rescored on that indicator alone.
 */
function rescore(group: readonly CountyInput[], ui: number, key: string, actual: CellValue, o: ScoreOptions): IndicatorScore | null {
  const only = (u: CountyInput) => u.entries.filter((e) => normalizeText(String(e.indicator ?? "")) === key);
  const changed = group.map((u, i) => ({ ...u, entries: i !== ui ? only(u) : only(u).map((e) => ({ ...e, actual })) }));
  const g = scoreGroup(changed, o);
  return g.scores[ui]?.indicators.find((r) => normalizeText(r.indicator) === key) ?? null;
}

/** A base-unit actual as a cell written like the original (same unit text), so the engine reads it as the table would. */
function cellFor(a: Decimal, w: WrittenForm): CellValue {
  const shown = decimalToString(shiftDecimal(a, -w.scale));
  return w.suffix === "" ? decimalToNumber(a) : `${shown}${w.suffix}`;
}

/** The group's measures of one indicator, per unit (null where none), and the county's own. */
function measuresOf(prepared: readonly PreparedUnit[], key: string, bound: Bound, basis: ScoreOptions["basis"]): { completion: (Ratio | null)[]; over: (Ratio | null)[]; reads: ({ t: Quantity; a: Quantity } | null)[] } {
  const completion: (Ratio | null)[] = [];
  const over: (Ratio | null)[] = [];
  const reads: ({ t: Quantity; a: Quantity } | null)[] = [];
  for (const p of prepared) {
    const e = entryFor(p, key);
    const read = e?.t && e.a ? { t: e.t, a: e.a } : null;
    reads.push(read);
    if (!read) {
      completion.push(null);
      over.push(null);
      continue;
    }
    const t = read.t.bound === bound ? read.t : withFields(read.t, { bound });
    completion.push(completionMeasure(t, read.a, basis));
    over.push(overMeasure(t, read.a));
  }
  return { completion, over, reads };
}

function indicatorGap(group: readonly CountyInput[], prepared: readonly PreparedUnit[], ui: number, row: IndicatorScore, o: ScoreOptions): IndicatorGap {
  const key = normalizeText(row.indicator);
  const entry = group[ui].entries.find((e) => normalizeText(String(e.indicator ?? "")) === key);
  const w = writtenForm(entry?.actual ?? null) ?? writtenForm(entry?.target ?? null);
  const bound = groupBound(prepared, key);
  const { completion, over, reads } = measuresOf(prepared, key, bound, o.basis);
  const own = reads[ui];
  // An empty actual still has a target to measure a move against (the county is then unranked on it).
  const targetRead = own ? null : readCell(entry?.target ?? null, entry?.targetAt);
  const T = own ? own.t : targetRead?.status === "value" ? targetRead.quantity : null;
  const wt = writtenForm(entry?.target ?? null) ?? w;
  const out: IndicatorGap = {
    indicator: row.indicator,
    unit: w ? unitName(w) : null,
    step: w ? decimalToNumber(shiftDecimal(ONE, -w.decimals)) : null,
    bound,
    actual: own && w ? inWritten(own.a.exact, w) : null,
    target: T && wt ? inWritten(T.exact, wt) : null,
    targetUnit: wt ? unitName(wt) : null,
    completionRank: row.completionRank,
    completionPoints: row.completionPoints,
    nextRankActual: null,
    pointsAtNextRank: null,
    levelActual: null,
    overRank: row.overRank,
    overPoints: row.overPoints,
    nextOverRankActual: null,
    pointsAtNextOverRank: null,
    levelOverActual: null,
  };
  // Without a usable target there is no measure to improve; without a written figure there is no grid.
  if (!T || !w || decimalSign(T.exact) <= 0) return out;
  const s = shiftDecimal(ONE, w.scale - w.decimals);
  const others = (ms: (Ratio | null)[]) => ms.map((m, i) => (i === ui ? null : m));
  for (const kind of ["completion", "over"] as const) {
    const ms = kind === "completion" ? completion : over;
    const order = kind === "completion" ? completionOrder(o.basis, bound) : "desc";
    // Not yet over target and nobody else is: any actual beyond the target ranks first (a measure above 0).
    const M = nextBetter(others(ms), ms[ui], order) ?? (kind === "over" && !ms[ui] ? OVER_ZERO : null);
    if (!M) continue;
    const { pass, level } = solve(kind, o.basis, bound, T.exact, M, s);
    if (level) {
      if (kind === "completion") out.levelActual = inWritten(level, w);
      else out.levelOverActual = inWritten(level, w);
    }
    if (!pass) continue;
    const after = rescore(group, ui, key, cellFor(pass, w), o);
    if (!after) continue;
    const value = inWritten(pass, w);
    if (kind === "completion") {
      out.nextRankActual = value;
      out.pointsAtNextRank = after.completionPoints;
    } else {
      out.nextOverRankActual = value;
      out.pointsAtNextOverRank = after.overPoints;
    }
  }
  return out;
}

/**
 * Rank points a unit of improvement brings, for ordering: the points gained at the next rank per step of the written
 * figure, over the steps the target spans (so 台 and % compare as shares of their targets). Indicators with no move
 * left come last, in table order.
 */
function gainPerTargetShare(g: IndicatorGap): number {
  const moves: number[] = [];
  const t = g.target !== null && g.target !== 0 ? Math.abs(g.target) : null;
  const from = g.actual ?? 0;
  if (g.nextRankActual !== null && g.pointsAtNextRank !== null) {
    const d = Math.abs(g.nextRankActual - from);
    if (d > 0 && t) moves.push((g.pointsAtNextRank - g.completionPoints) / (d / t));
  }
  if (g.nextOverRankActual !== null && g.pointsAtNextOverRank !== null) {
    const d = Math.abs(g.nextOverRankActual - from);
    if (d > 0 && t) moves.push((g.pointsAtNextOverRank - g.overPoints) / (d / t));
  }
  return moves.length ? Math.max(...moves) : -Infinity;
}

/** The city stage and province stage gap of one county (found by name, white space and full-width forms ignored). */
export function countyGap(counties: readonly CountyInput[], county: string, options?: GapOptions | null): Result<{ gap: CountyGap }> {
  const resolved = resolveOptions(options ?? null);
  if (!resolved.ok) return resolved;
  const o = resolved.options;
  const margin = o.margin;
  const key = normalizeText(county);
  const index = counties.findIndex((c) => normalizeText(String(c.county ?? "")) === key);
  if (index < 0) return { ok: false, error: issue("gap-no-county", "error", ISSUES["gap-no-county"](county)) };

  const sel = runSelection(counties, o);
  const me = sel.counties[index];
  const ck = cityKey(me.city);
  const members = counties.map((c, i) => i).filter((i) => cityKey(counties[i].city) === ck);
  const rec = members.find((i) => sel.counties[i].recommended);
  const recommendedTotal = rec === undefined ? null : sel.counties[rec].total;

  const group = members.map((i) => counties[i]);
  const ui = members.indexOf(index);
  const prepared = prepareUnits(group);
  const indicators = me.indicators.map((row) => indicatorGap(group, prepared, ui, row, o));
  const cityStanding: CityStanding = me.recommended
    ? "recommended"
    : counties[index].previousWinner === true
      ? "previous-winner"
      : recommendedTotal === null
        ? "none"
        : sameScore(recommendedTotal, me.total)
          ? "tied"
          : "below";
  const order = indicators.map((g, i) => ({ g, i, v: gainPerTargetShare(g) }));
  order.sort((x, y) => (y.v === x.v ? x.i - y.i : y.v - x.v));

  return {
    ok: true,
    gap: {
      county: me.county,
      city: me.city,
      cityRank: me.cityRank,
      total: me.total,
      recommended: me.recommended,
      recommendedCounty: rec === undefined ? null : sel.counties[rec].county,
      recommendedTotal,
      cityStanding,
      pointsShort: cityStanding === "below" ? pointsBetween(recommendedTotal as number, me.total) : cityStanding === "tied" || cityStanding === "recommended" ? 0 : null,
      indicators: order.map((x) => x.g),
      province: me.recommended ? provinceGap(sel.province, me.county, me.city, o, margin) : null,
      warnings: sel.warnings,
    },
  };
}

/**
 * The least total at which the county would be inside `cut` (the places or the proposed list), everything else
 * unchanged, proven by rescoring the province stage (selectShortlist) with that total: the totals of the other
 * counties are the only bars, so each is tried, first level with it (the tie-break chain then decides) and then just
 * above it. null when no total suffices (a county that is not a 加快发展县 cannot take a place the rule keeps).
 */
function totalToReach(province: readonly ProvinceResult[], k: number, cut: "selected" | "proposed", o: ScoreOptions): { total: number; atLevel: boolean } | null {
  const me = province[k];
  const bars = [...new Set(province.filter((p, i) => i !== k && p.total >= me.total).map((p) => p.total))].sort((a, b) => a - b);
  const accelerated = province.map((p) => p.accelerated);
  const inside = (total: number): boolean => {
    const standings = province.map((p, i) => (i === k ? { ...p, total } : p));
    return selectShortlist(standings, accelerated, o)[cut][k];
  };
  for (const bar of bars) {
    if (inside(bar)) return { total: bar, atLevel: true };
    // Just above the bar: beyond sameScore's tolerance, below any other total.
    if (inside(bar + Math.max(1e-6, Math.abs(bar) * 1e-8))) return { total: bar, atLevel: false };
  }
  return null;
}

function provinceGap(province: readonly ProvinceResult[], county: string, city: string, o: ScoreOptions, margin: number): ProvinceGap | null {
  const k = province.findIndex((p) => p.county === county && cityKey(p.city) === cityKey(city));
  if (k < 0) return null;
  const me = province[k];
  const listSize = Math.min(province.length, proposedListSize(o.slots, margin));
  const reach = (inside: boolean, cut: "selected" | "proposed") => {
    if (inside) return { bar: null, short: 0, atLevel: null };
    const r = totalToReach(province, k, cut, { ...o, margin });
    return r ? { bar: r.total, short: pointsBetween(r.total, me.total), atLevel: r.atLevel } : { bar: null, short: null, atLevel: null };
  };
  const list = reach(me.proposed, "proposed");
  const places = reach(me.selected, "selected");
  return {
    rank: me.rank,
    total: me.total,
    selected: me.selected,
    proposed: me.proposed,
    places: o.slots,
    listSize,
    listTotal: list.bar,
    pointsShortOfList: list.short,
    listAtLevel: list.atLevel,
    placesTotal: places.bar,
    pointsShortOfPlaces: places.short,
    placesAtLevel: places.atLevel,
  };
}
