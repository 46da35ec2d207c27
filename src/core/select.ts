/**
 * rules.md §6 (浙转升办〔2020〕2号 第三条, 第六条): the city stage (each 设区市 recommends one county)
 * and the province stage (the best `slots` of the recommended, with at least `minAccelerated`
 * 加快发展县). Every county gets reasons, in Chinese and English, for what happened to it.
 */
import type { CountyInput, CountyResult, Msg, ProvinceResult, Reason, ScoreOptions, SelectionResult, UnitScore, ZgIssue } from "./types";
import { DEFAULT_OPTIONS } from "./types";
import { issue } from "./messages";
import { normalizeText } from "./parse";
import { cityKey, isAccelerated } from "./reference";
import { prepareUnits, resolveOptions, scorePrepared } from "./score";

/** Totals are sums of binary floats (e.g. with step 0.3): values this close are the same score. */
const SCORE_EPS = 1e-9;

export function sameScore(a: number, b: number): boolean {
  return Math.abs(a - b) <= SCORE_EPS * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The tie-break chain of 第六条 as the rules read it: total, then targetScore, overScore, policyScore. */
export const STANDING_KEYS = ["total", "targetScore", "overScore", "policyScore"] as const;
export type StandingKey = (typeof STANDING_KEYS)[number];

/** The keys' names, for reasons that say which score broke a tie. */
export const STANDING_NAMES: Readonly<Record<StandingKey, Msg>> = {
  total: { zh: "总分", en: "total" },
  targetScore: { zh: "目标任务完成分", en: "target score" },
  overScore: { zh: "超目标完成分", en: "over-target score" },
  policyScore: { zh: "政策机制分", en: "policy score" },
};

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

/** Indices sorted best first by the tie-break chain; equal units keep input order (sort is stable). */
function standingOrder(scores: readonly Standing[], among: readonly number[]): number[] {
  return [...among].sort((x, y) => compareStanding(scores[x], scores[y]).cmp);
}

const fmt = (x: number): string => String(Math.round(x * 100) / 100);

function reason(code: string, zh: string, en: string): Reason {
  return { code, zh, en };
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
      reasons[i].push(
        reason(
          "previous-winner",
          `市内排名第${ranks[i]}；上年度已获督查激励，按2号第六条（二）不再重复推荐`,
          `Ranked ${ranks[i]} in ${city.en}; received the incentive last year, so not recommended again (No. 2, Art. 6(2))`,
        ),
      );
    }
  }
  const order = standingOrder(standings, all.filter((i) => !prev(i)));
  if (order.length === 0) {
    if (n > 0) warnings.push(issue("no-candidate", "warning", { zh: `${city.zh}所有县（市、区）上年度均已获激励，本市无推荐`, en: `Every county of ${city.en} received the incentive last year; the city recommends none` }));
    return { winner: null, ranks, order, passedOver: [], ties: [], reasons, warnings };
  }
  const w = order[0];
  const ws = standings[w];
  // A previous winner that the chain puts above the recommended unit would have been recommended.
  const passedOver = standingOrder(standings, all.filter((i) => prev(i) && compareStanding(standings[i], ws).cmp < 0));
  const skipZh = passedOver.length ? `（排名更前的${passedOver.map(name).join("、")}上年度已获激励）` : "";
  const skipEn = passedOver.length ? ` (${passedOver.map(name).join(", ")}, ranked higher, received the incentive last year)` : "";
  reasons[w].push(
    reason(
      "best-total",
      `总分${fmt(ws.total)}，市内排名第${ranks[w]}，为${city.zh}可推荐县中最高${skipZh}，获推荐（2号第六条（二））`,
      `Total ${fmt(ws.total)}, ranked ${ranks[w]} in ${city.en}: the best county the city may recommend${skipEn}; recommended (No. 2, Art. 6(2))`,
    ),
  );
  const ties: TieReport[] = [];
  for (const i of order.slice(1)) {
    const s = standings[i];
    if (!sameScore(s.total, ws.total)) {
      reasons[i].push(
        reason(
          "not-best",
          `总分${fmt(s.total)}，市内排名第${ranks[i]}，低于获推荐的${name(w)}（${fmt(ws.total)}），未获推荐`,
          `Total ${fmt(s.total)}, ranked ${ranks[i]} in ${city.en}, below the recommended ${name(w)} (${fmt(ws.total)}); not recommended`,
        ),
      );
      continue;
    }
    const { by } = compareStanding(ws, s);
    ties.push({ winner: w, other: i, by });
    if (by) {
      const key = STANDING_NAMES[by];
      reasons[w].push(
        reason(
          "tie-break",
          `与${name(i)}总分相同，${key.zh}更高（${fmt(ws[by])} 对 ${fmt(s[by])}），优先推荐`,
          `Same total as ${name(i)}; higher ${key.en} (${fmt(ws[by])} vs ${fmt(s[by])}), so recommended first`,
        ),
      );
      reasons[i].push(
        reason(
          "tie-break",
          `与${name(w)}总分相同，${key.zh}较低（${fmt(s[by])} 对 ${fmt(ws[by])}），未获推荐`,
          `Same total as ${name(w)}; lower ${key.en} (${fmt(s[by])} vs ${fmt(ws[by])}); not recommended`,
        ),
      );
    } else {
      const tieZh = `与${name(i)}总分、目标任务完成分、超目标完成分、政策机制分均相同，无法区分，按输入顺序${name(w)}在前`;
      const tieEn = `${name(w)} and ${name(i)} tie on total, target, over-target and policy scores; the one listed first in the input, ${name(w)}, is taken`;
      warnings.push(issue("tie-unresolved", "warning", { zh: `${city.zh}推荐：${tieZh}，请人工确认`, en: `${city.en} recommendation: ${tieEn}; please confirm by hand` }));
      reasons[w].push(reason("tie-unresolved", `${tieZh}，获推荐`, `${tieEn}; recommended`));
      reasons[i].push(reason("tie-unresolved", `${tieZh}，未获推荐`, `${tieEn}; not recommended`));
    }
  }
  return { winner: w, ranks, order, passedOver, ties, reasons, warnings };
}

export interface Shortlist {
  /** Every unit, best first by the chain; full ties keep input order. */
  order: number[];
  /** Per unit: 1 + the number of units with a strictly higher total. */
  ranks: number[];
  /** Per unit: selected after the 加快发展县 rule. */
  selected: boolean[];
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

/**
 * The province stage of rules.md §6 (2号 第三条、第六条) on scores already computed: the best `slots` by the
 * chain, then, while fewer than `minAccelerated` 加快发展县 are in, the best unselected 加快发展县 replaces the
 * lowest selected unit that is not one. Options must have been checked (slots ≥ 1, 0 ≤ minAccelerated).
 */
export function selectShortlist(standings: readonly Standing[], accelerated: readonly boolean[], o: { slots: number; minAccelerated: number }): Shortlist {
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
    warnings.push(
      issue("fewer-than-slots", "warning", {
        zh: `只有${order.length}个设区市推荐县，少于激励名额${o.slots}个，全部入选`,
        en: `Only ${order.length} counties were recommended, fewer than the ${o.slots} places; all are selected`,
      }),
    );
  }

  // A tie across the cut-off is decided by the chain, and said so on both sides.
  const cutTies: TieReport[] = [];
  if (order.length > o.slots) {
    const lastIn = order[o.slots - 1];
    const a = standings[lastIn];
    for (let q = o.slots; q < order.length && sameScore(standings[order[q]].total, a.total); q++) {
      const out = order[q];
      const b = standings[out];
      const { by } = compareStanding(a, b);
      cutTies.push({ winner: lastIn, other: out, by });
      if (by) {
        const name = STANDING_NAMES[by];
        reasons[lastIn].push(reason("tie-break", `与${b.county}总分相同，${name.zh}更高（${fmt(a[by])} 对 ${fmt(b[by])}），占第${o.slots}个名额`, `Same total as ${b.county}; higher ${name.en} (${fmt(a[by])} vs ${fmt(b[by])}), so takes place ${o.slots}`));
        reasons[out].push(reason("tie-break", `与${a.county}总分相同，${name.zh}较低（${fmt(b[by])} 对 ${fmt(a[by])}），未进入前${o.slots}名`, `Same total as ${a.county}; lower ${name.en} (${fmt(b[by])} vs ${fmt(a[by])}), so outside the best ${o.slots}`));
      } else {
        const tieZh = `${a.county}与${b.county}总分、目标任务完成分、超目标完成分、政策机制分均相同，按输入顺序${a.county}占第${o.slots}个名额`;
        const tieEn = `${a.county} and ${b.county} tie on total, target, over-target and policy scores; the one listed first in the input, ${a.county}, takes place ${o.slots}`;
        warnings.push(issue("tie-unresolved", "warning", { zh: `全省评选：${tieZh}，请人工确认`, en: `Province stage: ${tieEn}; please confirm by hand` }));
        reasons[lastIn].push(reason("tie-unresolved", tieZh, tieEn));
        reasons[out].push(reason("tie-unresolved", tieZh, tieEn));
      }
    }
  }

  // 第三条: at least minAccelerated of the 26 加快发展县; the best unselected one replaces the lowest selected other.
  const replacements: { incoming: number; outgoing: number }[] = [];
  let shortOfAccelerated: number | null = null;
  let have = order.filter((k) => selected[k] && accelerated[k]).length;
  while (have < o.minAccelerated) {
    const incoming = order.find((k) => !selected[k] && accelerated[k]);
    const outgoing = [...order].reverse().find((k) => selected[k] && !accelerated[k]);
    if (incoming === undefined || outgoing === undefined) {
      shortOfAccelerated = have;
      warnings.push(
        issue("too-few-accelerated", "warning", {
          zh: `推荐县中只有${have}个加快发展县入选，达不到至少${o.minAccelerated}个的要求（2号第三条）`,
          en: `Only ${have} of the selected are 加快发展县, short of the ${o.minAccelerated} required (No. 2, Art. 3): no more are among the recommended`,
        }),
      );
      break;
    }
    selected[incoming] = true;
    selected[outgoing] = false;
    have++;
    replacements.push({ incoming, outgoing });
    const inn = standings[incoming];
    const out = standings[outgoing];
    reasons[incoming].push(
      reason(
        "accelerated-replacement",
        `全省排名第${ranks[incoming]}，为未入选的加快发展县中最高；按2号第三条（加快发展县不少于${o.minAccelerated}个），替换排名第${ranks[outgoing]}的${out.county}入选`,
        `Ranked ${ranks[incoming]}, the best unselected 加快发展县; replaces ${out.county} (ranked ${ranks[outgoing]}) so that at least ${o.minAccelerated} 加快发展县 are selected (No. 2, Art. 3)`,
      ),
    );
    reasons[outgoing].push(
      reason(
        "replaced",
        `全省排名第${ranks[outgoing]}，本在前${o.slots}名中排名最后的非加快发展县，按2号第三条由加快发展县${inn.county}（排名第${ranks[incoming]}）替换，未入选`,
        `Ranked ${ranks[outgoing]}, the lowest-ranked selected county that is not a 加快发展县; replaced by the 加快发展县 ${inn.county} (ranked ${ranks[incoming]}) under No. 2, Art. 3; not selected`,
      ),
    );
  }

  for (const k of order) {
    const s = standings[k];
    const tag = accelerated[k] ? { zh: "（加快发展县）", en: " (加快发展县)" } : { zh: "", en: "" };
    if (reasons[k].some((r) => r.code === "accelerated-replacement" || r.code === "replaced")) continue;
    if (selected[k]) {
      reasons[k].unshift(reason("selected", `总分${fmt(s.total)}，全省排名第${ranks[k]}，进入前${o.slots}名，入选${tag.zh}`, `Total ${fmt(s.total)}, ranked ${ranks[k]} in the province, within the best ${o.slots}; selected${tag.en}`));
    } else {
      reasons[k].unshift(reason("not-selected", `总分${fmt(s.total)}，全省排名第${ranks[k]}，未进入前${o.slots}名${tag.zh}`, `Total ${fmt(s.total)}, ranked ${ranks[k]} in the province, outside the best ${o.slots}; not selected${tag.en}`));
    }
  }
  return { order, ranks, selected, cutTies, replacements, shortOfAccelerated, reasons, warnings };
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
    return emptyResult(o, [issue("no-counties", "warning", { zh: "没有可评分的县（市、区）", en: "No counties to score" })]);
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
      warnings.push(issue("duplicate-county", "warning", { zh: `${name}在输入中出现${n}次，按不同的县分别计分`, en: `${name} appears ${n} times in the input; each is scored as a separate county` }));
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
      warnings.push(issue("no-city", "warning", { zh: `${members.map((i) => counties[i].county).join("、")}未填设区市，合为一组排名`, en: `${members.map((i) => counties[i].county).join(", ")}: no city given; ranked together as one group` }));
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

  const province: ProvinceResult[] = sl.order.map((k) => withScore(ps[k], { rank: sl.ranks[k], selected: sl.selected[k], accelerated: accelerated[k], reasons: sl.reasons[k] }));
  return { counties: countyResults, province, warnings, options: o };
}
