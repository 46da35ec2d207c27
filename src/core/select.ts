/**
 * rules.md §6 (浙转升办〔2020〕2号 第三条, 第六条): the city stage (each 设区市 recommends one county)
 * and the province stage (the best `slots` of the recommended, with at least `minAccelerated`
 * 加快发展县). Every county gets reasons, in Chinese and English, for what happened to it.
 */
import type { CountyInput, CountyResult, Msg, ProvinceResult, Reason, ReasonCode, ScoreOptions, SelectionResult, UnitScore, ZgIssue } from "./types";
import { DEFAULT_OPTIONS } from "./types";
import { ISSUES, REASONS, SEPARATED_TIES, type TieDecider } from "./catalogue";
import { ONE, decimalFromNumber, decimalToNumber } from "./decimal";
import { issue } from "./messages";
import { normalizeText } from "./parse";
import { cityKey, isAccelerated } from "./reference";
import { prepareUnits, resolveOptions, scorePrepared } from "./score";

/** Totals are sums of binary floats (e.g. with step 0.3): values this close are the same score. */
const SCORE_EPS = 1e-9;

export function sameScore(a: number, b: number): boolean {
  return Math.abs(a - b) <= SCORE_EPS * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * ranksByTotal as a plain Excel formula (without the leading =), for the sheets ZG writes (the results sheet, the copy
 * to send, `zg score --out`): 1 + the totals in `totals` higher than `cell` by more than sameScore's tolerance, within
 * the rows whose `group.range` equals `group.cell` (the city) when given. The tolerance keeps a tie a tie when two
 * totals, summed from different points, differ in their last binary digits, as the engine's ranks do.
 */
export function rankByTotalFormula(totals: string, cell: string, group?: { range: string; cell: string }): string {
  const within = group ? `${group.range},"="&${group.cell},` : "";
  // Written out (0.000000001), not 1E-9: every spreadsheet program parses a plain decimal; not all take an exponent.
  return `1+COUNTIFS(${within}${totals},">"&(${cell}+${SCORE_EPS.toFixed(9)}*MAX(1,ABS(${cell}))))`;
}

/**
 * ZG's default tie-break chain: total, then targetScore, overScore, policyScore, then input order. The documents say
 * nothing about ties (2号 第六条 included): this is the tool's choice, and every message that applies it says so.
 */
export const STANDING_KEYS = ["total", "targetScore", "overScore", "policyScore"] as const;
export type StandingKey = (typeof STANDING_KEYS)[number];

/** The scores the tie-break chain reads: a UnitScore, or a row of totals typed into a sheet (ZG.RECOMMEND). */
export type Standing = Pick<UnitScore, "county" | StandingKey>;

/**
 * Which of two units stands higher: cmp < 0 when a is better. `by` is the key that decided,
 * null when every key ties (then input order decides, and the tie is reported).
 */
export function compareStanding(a: Standing, b: Standing): { cmp: number; by: StandingKey | null } {
  for (const k of STANDING_KEYS) {
    if (!sameScore(a[k], b[k])) return { cmp: a[k] > b[k] ? -1 : 1, by: k };
  }
  return { cmp: 0, by: null };
}

/** 1 + the number of units with a strictly higher total. */
export function ranksByTotal(scores: readonly Standing[]): number[] {
  // Sorted totals and a binary search keep this O(n log n) for large groups.
  const totals = scores.map((s) => s.total).sort((x, y) => y - x);
  return scores.map((s) => {
    let lo = 0;
    let hi = totals.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (totals[mid] > s.total && !sameScore(totals[mid], s.total)) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  });
}

/**
 * rules.md §6 (2号 第六条（三）, 按一定差额比例): the proposed list's size before it is capped by the number of
 * recommended counties, ⌈slots × (1 + margin)⌉, in exact decimals so 10 × 1.1 is 11, not 12 (6 places, margin
 * 0.2 → 8 names). The margin is our default; the documents give no figure.
 */
export function proposedListSize(slots: number, margin: number): number {
  const exact = decimalFromNumber(slots).times(ONE.plus(decimalFromNumber(margin)));
  return decimalToNumber(exact.round(0, 3));
}

/** Indices sorted best first by the tie-break chain; equal units keep input order (sort is stable). */
function standingOrder(scores: readonly Standing[], among: readonly number[]): number[] {
  return [...among].sort((x, y) => compareStanding(scores[x], scores[y]).cmp);
}

function reason(code: ReasonCode, msg: Msg): Reason {
  return { code, zh: msg.zh, en: msg.en };
}

/** A unit's scores with stage fields added (written out: object spread is slow on this hot path). */
function withScore<T extends object>(s: UnitScore, extra: T): UnitScore & T {
  const base: UnitScore = {
    county: s.county,
    city: s.city,
    completionPoints: s.completionPoints,
    overPoints: s.overPoints,
    targetScore: s.targetScore,
    overScore: s.overScore,
    policyScore: s.policyScore,
    total: s.total,
    indicators: s.indicators,
    indicatorCount: s.indicatorCount,
    policy: s.policy,
  };
  return Object.assign(base, extra);
}

function emptyResult(options: ScoreOptions, warnings: ZgIssue[]): SelectionResult {
  return { counties: [], province: [], warnings, options };
}

// ─── the two rules on totals (shared by runSelection and ZG.RECOMMEND / ZG.SHORTLIST) ─────────

/** Two units with equal totals and what put `winner` first: a key of the chain, or null (input order). */
export interface TieReport {
  winner: number;
  other: number;
  by: StandingKey | null;
}

export interface CityRecommendation {
  /** Index of the recommended unit; null when every unit received the incentive last year. */
  winner: number | null;
  /** Per unit: 1 + the number of units (last year's winners too) with a strictly higher total. */
  ranks: number[];
  /** The units that may be recommended, best first by the chain; full ties keep input order. */
  order: number[];
  /** Last year's winners that stand above the recommended unit, in standing order. */
  passedOver: number[];
  /** Units that may be recommended and have the winner's total: what decided, in standing order. */
  ties: TieReport[];
  /** Per unit, why it was or was not recommended (Chinese and English). */
  reasons: Reason[][];
  /** A remaining tie (to confirm by hand) and a city with nobody to recommend. */
  warnings: ZgIssue[];
}

/**
 * The city stage of rules.md §6 (2号 第六条（二）) on scores already computed: the best unit by the chain
 * (total, targetScore, overScore, policyScore, input order) among those that did not receive the incentive
 * last year. `city` names the group in reasons and warnings.
 */
export function recommendInCity(standings: readonly Standing[], previousWinner: readonly boolean[], city: Msg = { zh: "本市", en: "the city" }): CityRecommendation {
  const n = standings.length;
  const ranks = ranksByTotal(standings);
  const reasons: Reason[][] = standings.map(() => []);
  const warnings: ZgIssue[] = [];
  const all = standings.map((_, i) => i);
  const prev = (i: number): boolean => previousWinner[i] === true;
  const name = (i: number): string => standings[i].county;

  for (const i of all) {
    if (prev(i)) {
      reasons[i].push(reason("previous-winner", REASONS["previous-winner"](ranks[i], city)));
    }
  }
  const order = standingOrder(standings, all.filter((i) => !prev(i)));
  if (order.length === 0) {
    if (n > 0) warnings.push(issue("no-candidate", "warning", ISSUES["no-candidate"](city)));
    return { winner: null, ranks, order, passedOver: [], ties: [], reasons, warnings };
  }
  const w = order[0];
  const ws = standings[w];
  // A previous winner that the chain puts above the recommended unit would have been recommended.
  const passedOver = standingOrder(standings, all.filter((i) => prev(i) && compareStanding(standings[i], ws).cmp < 0));
  reasons[w].push(reason("best-total", REASONS["best-total"](ws.total, ranks[w], city, passedOver.map(name))));
  const ties: TieReport[] = [];
  for (const i of order.slice(1)) {
    const s = standings[i];
    if (!sameScore(s.total, ws.total)) {
      reasons[i].push(reason("not-best", REASONS["not-best"](s.total, ranks[i], city, name(w), ws.total)));
      continue;
    }
    const { by } = compareStanding(ws, s);
    ties.push({ winner: w, other: i, by });
    if (by) {
      // A tie on total is a tie, whatever the tool's chain makes of it: reported for a person to confirm.
      warnings.push(issue("tie-broken", "warning", ISSUES["tie-broken"].city(city, name(w), name(i), by)));
      reasons[w].push(reason("tie-break", REASONS["tie-break"].recommended({ them: name(i), by, ours: ws[by], theirs: s[by] })));
      reasons[i].push(reason("tie-break", REASONS["tie-break"].notRecommended({ them: name(w), by, ours: s[by], theirs: ws[by] })));
    } else {
      const tie = REASONS["tie-unresolved"].city(name(w), name(i));
      warnings.push(issue("tie-unresolved", "warning", ISSUES["tie-unresolved"].city(city, tie)));
      reasons[w].push(reason("tie-unresolved", REASONS["tie-unresolved"].recommended(tie)));
      reasons[i].push(reason("tie-unresolved", REASONS["tie-unresolved"].notRecommended(tie)));
    }
  }
  return { winner: w, ranks, order, passedOver, ties, reasons, warnings };
}

export interface Shortlist {
  /** Every unit, best first by the chain; full ties keep input order. */
  order: number[];
  /** Per unit: 1 + the number of units with a strictly higher total. */
  ranks: number[];
  /** Per unit: within the suggested places (建议激励名额内) after the 加快发展县 rule. */
  selected: boolean[];
  /** Per unit: on the proposed list (拟列入督查激励建议名单): the places, then the best of the rest in order. */
  proposed: boolean[];
  /** The proposed list's size: min(units, proposedListSize(slots, margin)). */
  proposedSize: number;
  /** Units tied on total across the cut-off: the last one in against each one left out. */
  cutTies: TieReport[];
  /** The 加快发展县 rule's swaps, in the order made. */
  replacements: { incoming: number; outgoing: number }[];
  /** How many 加快发展县 are selected when fewer than minAccelerated could be; null when the rule is met. */
  shortOfAccelerated: number | null;
  /** Per unit, why it was or was not selected (Chinese and English). */
  reasons: Reason[][];
  /** Fewer units than places, a remaining tie at the cut-off, too few 加快发展县. */
  warnings: ZgIssue[];
}

/** What decided between two tied units, a above b: a key of the chain, or input order. */
function decider(a: Standing, b: Standing): TieDecider {
  return compareStanding(a, b).by ?? "input-order";
}

const tieCode = (how: TieDecider): ReasonCode => (how === "input-order" ? "tie-unresolved" : "tie-break");

/**
 * rules.md §6, every tie is reported: within each run of equal totals (in chain order), the units the cut (`inside`)
 * separates are named together in one warning, with what decided: the 加快发展县 rule where it swapped and the two
 * differ in being 加快发展县, else the chain's key or input order. Pairs already separated by `already` (the places,
 * when reporting the list) are not said twice.
 */
function reportSeparatedTies(
  standings: readonly Standing[],
  order: readonly number[],
  inside: readonly boolean[],
  cut: "places" | "list",
  accelerated: readonly boolean[],
  swapped: boolean,
  already?: readonly boolean[],
): ZgIssue[] {
  const out: ZgIssue[] = [];
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && sameScore(standings[order[end]].total, standings[order[start]].total)) end++;
    const run = order.slice(start, end);
    start = end;
    // Outside this cut means outside the earlier one too (the list holds the places): only those inside neither
    // cut were separated here.
    const ins = run.filter((k) => inside[k] && !already?.[k]);
    const outs = run.filter((k) => !inside[k]);
    if (!ins.length || !outs.length) continue;
    const how = new Set<TieDecider>();
    for (const i of ins) {
      for (const k of outs) {
        how.add(swapped && accelerated[i] !== accelerated[k] ? "accelerated-rule" : decider(standings[i], standings[k]));
      }
    }
    const code = how.has("input-order") ? "tie-unresolved" : "tie-broken";
    out.push(issue(code, "warning", SEPARATED_TIES.province(ins.map((k) => standings[k].county), outs.map((k) => standings[k].county), cut, [...how])));
  }
  return out;
}

/**
 * The province stage of rules.md §6 (2号 第三条、第六条) on scores already computed: the best `slots` by the
 * chain, then, while fewer than `minAccelerated` 加快发展县 are in, the best unselected 加快发展县 replaces the
 * lowest selected unit that is not one (第三条 says 原则上: the tool's default reading; minAccelerated 0 turns it
 * off). Then the proposed list of 第六条（三）: the places and the best of the rest, proposedListSize(slots, margin)
 * names in all (margin 0 when not given). Options must have been checked (slots ≥ 1, 0 ≤ minAccelerated).
 */
export function selectShortlist(standings: readonly Standing[], accelerated: readonly boolean[], o: { slots: number; minAccelerated: number; margin?: number }): Shortlist {
  const warnings: ZgIssue[] = [];
  const ranks = ranksByTotal(standings);
  const reasons: Reason[][] = standings.map(() => []);
  const order = standingOrder(
    standings,
    standings.map((_, k) => k),
  );
  const selected: boolean[] = standings.map(() => false);
  const take = Math.min(o.slots, order.length);
  for (let q = 0; q < take; q++) selected[order[q]] = true;
  if (order.length < o.slots) {
    warnings.push(issue("fewer-than-slots", "warning", ISSUES["fewer-than-slots"](order.length, o.slots)));
  }

  // A tie across the cut-off is decided by the chain, and said so on both sides; it is still a tie, and reported.
  const cutTies: TieReport[] = [];
  if (order.length > o.slots) {
    const lastIn = order[o.slots - 1];
    const a = standings[lastIn];
    for (let q = o.slots; q < order.length && sameScore(standings[order[q]].total, a.total); q++) {
      const out = order[q];
      const b = standings[out];
      const { by } = compareStanding(a, b);
      cutTies.push({ winner: lastIn, other: out, by });
      // The warning comes from reportSeparatedTies below, which sees the places after the 加快发展县 rule.
      if (by) {
        reasons[lastIn].push(reason("tie-break", REASONS["tie-break"].lastPlace({ them: b.county, by, ours: a[by], theirs: b[by] }, o.slots)));
        reasons[out].push(reason("tie-break", REASONS["tie-break"].outside({ them: a.county, by, ours: b[by], theirs: a[by] }, o.slots)));
      } else {
        const tie = REASONS["tie-unresolved"].province(a.county, b.county, o.slots);
        reasons[lastIn].push(reason("tie-unresolved", tie));
        reasons[out].push(reason("tie-unresolved", tie));
      }
    }
  }

  // 第三条: at least minAccelerated of the 26 加快发展县; the best unselected one replaces the lowest selected other.
  const replacements: { incoming: number; outgoing: number }[] = [];
  let shortOfAccelerated: number | null = null;
  let have = order.filter((k) => selected[k] && accelerated[k]).length;
  // The rule switched off is said, so no one reads the places as holding a 加快发展县 by rule.
  if (o.minAccelerated === 0) warnings.push(issue("accelerated-rule-off", "warning", ISSUES["accelerated-rule-off"]()));
  while (have < o.minAccelerated) {
    const incoming = order.find((k) => !selected[k] && accelerated[k]);
    const outgoing = [...order].reverse().find((k) => selected[k] && !accelerated[k]);
    if (incoming === undefined || outgoing === undefined) {
      shortOfAccelerated = have;
      warnings.push(issue("too-few-accelerated", "warning", ISSUES["too-few-accelerated"](have, o.minAccelerated)));
      break;
    }
    selected[incoming] = true;
    selected[outgoing] = false;
    have++;
    replacements.push({ incoming, outgoing });
    const inn = standings[incoming];
    const out = standings[outgoing];
    reasons[incoming].push(reason("accelerated-replacement", REASONS["accelerated-replacement"](ranks[incoming], out.county, ranks[outgoing], o.minAccelerated)));
    reasons[outgoing].push(reason("replaced", REASONS.replaced(ranks[outgoing], o.slots, inn.county, ranks[incoming])));
    // The chain picked among equals: another unselected 加快发展县 tied with the incoming one, another selected
    // county tied with the outgoing one. Said in both reasons; reportSeparatedTies warns.
    for (const k of order) {
      if (k !== incoming && !selected[k] && accelerated[k] && sameScore(standings[k].total, inn.total)) {
        const how = decider(inn, standings[k]);
        reasons[incoming].push(reason(tieCode(how), SEPARATED_TIES.acceleratedPick(standings[k].county, true, how)));
        reasons[k].push(reason(tieCode(how), SEPARATED_TIES.acceleratedPick(inn.county, false, how)));
      }
      if (k !== outgoing && selected[k] && !accelerated[k] && sameScore(standings[k].total, out.total)) {
        const how = decider(standings[k], out);
        reasons[outgoing].push(reason(tieCode(how), SEPARATED_TIES.replacedPick(standings[k].county, true, how)));
        reasons[k].push(reason(tieCode(how), SEPARATED_TIES.replacedPick(out.county, false, how)));
      }
    }
  }

  // 第六条（三）: the proposed list is the places followed by the best of the rest, in province-stage order.
  const proposedSize = Math.min(order.length, Math.max(take, proposedListSize(o.slots, o.margin ?? 0)));
  const proposed = selected.slice();
  let listed = take;
  for (const k of order) {
    if (listed >= proposedSize) break;
    if (!proposed[k]) {
      proposed[k] = true;
      listed++;
    }
  }
  warnings.push(...reportSeparatedTies(standings, order, selected, "places", accelerated, replacements.length > 0));
  warnings.push(...reportSeparatedTies(standings, order, proposed, "list", accelerated, false, selected));

  for (const k of order) {
    const s = standings[k];
    if (reasons[k].some((r) => r.code === "accelerated-replacement")) continue;
    if (reasons[k].some((r) => r.code === "replaced")) {
      if (proposed[k]) reasons[k].push(reason("proposed", REASONS.proposed(s.total, ranks[k], o.slots, proposedSize)));
      continue;
    }
    if (selected[k]) reasons[k].unshift(reason("selected", REASONS.selected(s.total, ranks[k], o.slots, accelerated[k])));
    else if (proposed[k]) reasons[k].unshift(reason("proposed", REASONS.proposed(s.total, ranks[k], o.slots, proposedSize)));
    else reasons[k].unshift(reason("not-selected", REASONS["not-selected"](s.total, ranks[k], proposedSize, accelerated[k])));
  }
  return { order, ranks, selected, proposed, proposedSize, cutTies, replacements, shortOfAccelerated, reasons, warnings };
}

/**
 * Runs both stages (rules.md §6). Options default as in DEFAULT_OPTIONS; bad options give an empty
 * result whose warnings hold one error naming the option. Issues met while reading cells are in
 * `warnings` (severity 'error' for unreadable cells, 'warning' for empty ones).
 * `counties` comes in input order with city-stage figures; `province` holds the recommended
 * counties in province standing (rank, then the tie-break chain, then input order).
 */
export function runSelection(counties: ReadonlyArray<CountyInput>, options?: Partial<ScoreOptions> | null): SelectionResult {
  const resolved = resolveOptions(options);
  if (!resolved.ok) {
    const given = { ...DEFAULT_OPTIONS, ...(options ?? {}) } as ScoreOptions;
    return emptyResult(given, [resolved.error]);
  }
  const o = resolved.options;
  if (counties.length === 0) {
    return emptyResult(o, [issue("no-counties", "warning", ISSUES["no-counties"]())]);
  }
  const warnings: ZgIssue[] = [];

  const cityKeys = new Map<string, string>();
  const keyOfCity = counties.map((c) => {
    let k = cityKeys.get(c.city);
    if (k === undefined) {
      k = cityKey(c.city);
      cityKeys.set(c.city, k);
    }
    return k;
  });
  const seen = new Map<string, number>();
  const firstName = new Map<string, string>();
  counties.forEach((c, i) => {
    const k = `${keyOfCity[i]}|${normalizeText(String(c.county ?? ""))}`;
    seen.set(k, (seen.get(k) ?? 0) + 1);
    if (!firstName.has(k)) firstName.set(k, c.county);
  });
  for (const [k, n] of seen) {
    if (n > 1) {
      const name = firstName.get(k) ?? "";
      warnings.push(issue("duplicate-county", "warning", ISSUES["duplicate-county"](name, n)));
    }
  }

  // Every cell is read once; both stages rank the same readings.
  const prepared = prepareUnits(counties);
  for (const p of prepared) warnings.push(...p.issues);

  // ── city stage ──
  const groups = new Map<string, number[]>();
  counties.forEach((_, i) => {
    const k = keyOfCity[i];
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  });

  const cityScores: UnitScore[] = new Array(counties.length);
  const cityRank: number[] = new Array(counties.length).fill(0);
  const recommended: boolean[] = new Array(counties.length).fill(false);
  const reasons: Reason[][] = counties.map(() => []);
  const winners: number[] = [];

  for (const members of groups.values()) {
    const city = counties[members[0]].city || "（未填设区市）";
    const cityEn = counties[members[0]].city || "(no city)";
    if (!counties[members[0]].city) {
      warnings.push(issue("no-city", "warning", ISSUES["no-city"](members.map((i) => counties[i].county))));
    }
    const g = scorePrepared(members.map((i) => prepared[i]), o);
    warnings.push(...g.issues);
    g.scores.forEach((s, k) => (cityScores[members[k]] = s));
    const rec = recommendInCity(
      g.scores,
      members.map((i) => counties[i].previousWinner === true),
      { zh: city, en: cityEn },
    );
    warnings.push(...rec.warnings);
    members.forEach((i, k) => {
      cityRank[i] = rec.ranks[k];
      reasons[i] = rec.reasons[k];
    });
    if (rec.winner === null) continue;
    winners.push(members[rec.winner]);
    recommended[members[rec.winner]] = true;
  }

  const countyResults: CountyResult[] = counties.map((_, i) => withScore(cityScores[i], { cityRank: cityRank[i], recommended: recommended[i], reasons: reasons[i] }));

  // ── province stage ──
  winners.sort((a, b) => a - b);
  const p = scorePrepared(winners.map((i) => prepared[i]), o);
  // A recommended county's group-level issues (a missing row, a negative at-most actual) were already said at the city stage.
  const said = new Set(warnings.map((w) => `${w.code}|${w.zh}`));
  warnings.push(...p.issues.filter((w) => !said.has(`${w.code}|${w.zh}`)));
  const ps = p.scores;
  const accelerated = winners.map((i) => {
    const a = counties[i].accelerated;
    return typeof a === "boolean" ? a : isAccelerated(counties[i].county);
  });
  const sl = selectShortlist(ps, accelerated, o);
  warnings.push(...sl.warnings);

  const province: ProvinceResult[] = sl.order.map((k) => withScore(ps[k], { rank: sl.ranks[k], selected: sl.selected[k], proposed: sl.proposed[k], accelerated: accelerated[k], reasons: sl.reasons[k] }));
  return { counties: countyResults, province, warnings, options: o };
}
