/**
 * Why a number in a result is what it is: the rule applied, the article of 浙转升办〔2020〕2号 (or 9号) it
 * implements, and the calculation with the unit's own figures, which reproduces the number shown digit for
 * digit (test/taskpane/explain.test.ts checks every field of every county at both stages). Where a number is a
 * sum, the lines list what is summed: per indicator the measure, rank and points; for the policy score the items
 * earned.
 */
import { DOC_2, DOC_9, cityKey } from "../core/reference";
import { STANDARD_FORMULA_OURS, TIE_CHAIN, UNASSIGNED_RULE } from "../core/catalogue";
import { sameScore } from "../core/select";
import type { CheckResult, Msg, ProvinceResult, ScoreOptions, SelectionResult, UnitScore } from "../core/types";
import { fmt, fmtQuantity, fmtScore } from "./i18n";

export type ScoreField = "completionPoints" | "overPoints" | "targetScore" | "overScore" | "policyScore" | "total" | "rank";

export interface Explanation {
  title: Msg;
  value: string;
  rule: Msg;
  article: Msg;
  /**
   * The calculation with this unit's figures, ending "= value" (digits, + − × ÷ and brackets only), so a reader
   * can redo it; null where the number is not calculated (a check's verdict has its own rule).
   */
  calc: string | null;
  /** What a sum is made of: per-indicator lines (measure, rank, points), or the policy items earned. */
  lines: Msg[];
}

const ART = {
  completion: { zh: `${DOC_2.number} 第五条（一）1 目标任务完成分`, en: `${DOC_2.number}, Art. 5(1)1: target completion` },
  over: { zh: `${DOC_2.number} 第五条（一）2 超目标任务完成分`, en: `${DOC_2.number}, Art. 5(1)2: over-target completion` },
  policy: { zh: `${DOC_2.number} 第五条（二）政策机制分`, en: `${DOC_2.number}, Art. 5(2): policy and mechanisms` },
  total: { zh: `${DOC_2.number} 第五条 评价指标体系（共100分）`, en: `${DOC_2.number}, Art. 5: the 100-point scheme` },
  rank: { zh: `${DOC_2.number} 第三条、第六条`, en: `${DOC_2.number}, Arts. 3 and 6` },
  check: { zh: `${DOC_9.number} 附件（关键性量化指标责任分解方案）`, en: `${DOC_9.number}, attachment (allocation of the key indicators)` },
};

/** The engine's figure as the pane's tables show it (two decimals). */
const shown = (x: number): string => fmtScore(x);

/**
 * An operand written with as few decimals (2 at least) as make `redo(operands)` round to the shown result: a
 * calculation from rounded parts must still give the number on the screen.
 */
function operands(values: number[], redo: (xs: number[]) => number, result: number): string[] {
  const target = shown(result);
  for (let d = 2; d <= 12; d++) {
    const xs = values.map((v) => Number(v.toFixed(d)));
    if (shown(redo(xs)) === target) return xs.map((x) => String(x));
  }
  return values.map((v) => String(v));
}

function pct(x: number | null | undefined): string {
  if (x === null || x === undefined) return "—";
  // An at-most target met with an actual of 0 is an infinite (best) completion.
  return Number.isFinite(x) ? `${fmt(x * 100)}%` : "∞";
}

/** The units ranked with `u` at this stage: its city's counties (city stage) or the recommended counties. */
function groupOf(u: UnitScore, result: SelectionResult, stage: "city" | "province"): UnitScore[] {
  if (stage === "province") return result.province;
  const k = cityKey(u.city);
  return result.counties.filter((c) => cityKey(c.city) === k);
}

/** J as the engine counts it: the group's indicators on which at least one unit has a measure. */
export function groupIndicatorCount(group: readonly UnitScore[]): number {
  const n = group.reduce((m, g) => Math.max(m, g.indicators.length), 0);
  let j = 0;
  for (let k = 0; k < n; k++) if (group.some((g) => g.indicators[k] && (g.indicators[k].completion !== null || g.indicators[k].over !== null))) j++;
  return j;
}

const POLICY_ITEMS = [
  ["plan", 2, "出台实施方案", "implementation plan"],
  ["workPlan", 2, "年度工作要点或工作计划", "annual work plan"],
  ["policy", 4, "配套政策", "supporting policy"],
  ["mechanism", 4, "工作协调机制", "coordination mechanism"],
  ["pilot", 4, "列入省级试点", "provincial pilot"],
] as const;

export function explain(u: UnitScore | ProvinceResult, field: ScoreField, result: SelectionResult, stage: "city" | "province"): Explanation {
  const o: ScoreOptions = result.options;
  const group = groupOf(u, result, stage);
  const groupName = stage === "city" ? { zh: `${u.city}所辖县（市、区）（设区市推荐环节）`, en: `the counties of ${u.city} (city stage)` } : { zh: "各设区市推荐的县（市、区）（省级部门评送环节）", en: "the counties recommended by the cities (province stage)" };
  const groupJ = groupIndicatorCount(group);
  // The county's own J where the engine used one (rules.md §5, option unassigned), else the group's.
  const J = u.indicatorCount ?? groupJ;
  const left = u.indicators.filter((i) => i.unassigned).map((i) => i.indicator);
  const jWords: Msg =
    left.length && o.unassigned === "exclude"
      ? {
          zh: `J = ${J}：${groupName.zh}中有数据的指标 ${groupJ} 项，减去未给本县分配目标（目标为 0 或空白）的 ${left.join("、")}（${UNASSIGNED_RULE.exclude.zh}）`,
          en: `J = ${J}: ${groupJ} indicators with data in ${groupName.en}, less ${left.join(", ")}, given no target for this county (${UNASSIGNED_RULE.exclude.en})`,
        }
      : left.length
        ? {
            zh: `J = ${J} 为${groupName.zh}中有数据的指标数；未给本县分配目标的 ${left.join("、")} 也计入（${UNASSIGNED_RULE.zero.zh}）`,
            en: `J = ${J} indicators with data in ${groupName.en}; ${left.join(", ")}, given no target for this county, count too (${UNASSIGNED_RULE.zero.en})`,
          }
        : { zh: `J = ${J} 为${groupName.zh}中有数据的指标数`, en: `J = ${J} indicators with data in ${groupName.en}` };
  const rankRule: Msg = {
    zh: `在${groupName.zh}中逐项排名：第1名得${o.top}分，名次每后一名递减${o.step}分，最低${o.floor}分；并列名次得分相同；没有数据的指标得0分。`,
    en: `Ranked per indicator within ${groupName.en}: rank 1 gets ${o.top} points, each next rank ${o.step} less, at least ${o.floor}; ties share a rank; an indicator without data gets 0.`,
  };
  const measure = (v: number | null | undefined) => (o.basis === "ratio" ? pct(v) : fmt(v));
  const completionLines: Msg[] = u.indicators.map((i) => ({
    zh: `${i.indicator}：完成度 ${measure(i.completion?.value)}，第 ${i.completionRank ?? "—"} 名，${fmt(i.completionPoints)} 分`,
    en: `${i.indicator}: measure ${measure(i.completion?.value)}, rank ${i.completionRank ?? "—"}, ${fmt(i.completionPoints)} points`,
  }));
  const overLines: Msg[] = u.indicators.map((i) => ({
    zh: `${i.indicator}：超目标 ${pct(i.over?.value)}，第 ${i.overRank ?? "—"} 名，${fmt(i.overPoints)} 分`,
    en: `${i.indicator}: over by ${pct(i.over?.value)}, rank ${i.overRank ?? "—"}, ${fmt(i.overPoints)} points`,
  }));
  const sumCalc = (parts: number[], total: number) => {
    const xs = operands(parts, (ys) => ys.reduce((a, b) => a + b, 0), total);
    return `${xs.length ? xs.join(" + ") : "0"} = ${shown(total)}`;
  };
  const stdCalc = (points: number, weight: number, value: number, max: number): string => {
    if (o.std === "full") {
      if (J === 0) return `0 = ${shown(value)}`;
      const [p] = operands([points], ([s]) => (s / (o.top * J)) * weight, value);
      return `${p} ÷ (${o.top} × ${J}) × ${weight} = ${shown(value)}`;
    }
    if (max <= 0) return `0 = ${shown(value)}`;
    const [p, m] = operands([points, max], ([s, x]) => (s / x) * weight, value);
    return `${p} ÷ ${m} × ${weight} = ${shown(value)}`;
  };
  const maxOf = (k: "completionPoints" | "overPoints") => group.reduce((m, g) => Math.max(m, g[k]), 0);
  switch (field) {
    case "completionPoints":
      return {
        title: { zh: "目标任务完成排名分合计 S", en: "Completion points S" },
        value: shown(u.completionPoints),
        rule: {
          zh: `${rankRule.zh}完成度 = ${o.basis === "ratio" ? "完成值÷目标值（“以下”类指标为目标值÷完成值）" : "完成值本身"}。S = 各指标得分之和。`,
          en: `${rankRule.en} Measure: ${o.basis === "ratio" ? "actual ÷ target (target ÷ actual for an at-most target)" : "the actual itself"}. S = the sum of the indicators' points.`,
        },
        article: ART.completion,
        calc: sumCalc(u.indicators.map((i) => i.completionPoints), u.completionPoints),
        lines: completionLines,
      };
    case "overPoints":
      return {
        title: { zh: "超目标任务完成排名分合计 O", en: "Over-target points O" },
        value: shown(u.overPoints),
        rule: {
          zh: `${rankRule.zh}超目标幅度 = (完成值−目标值)÷目标值，未超目标不排名。O = 各指标得分之和。`,
          en: `${rankRule.en} Measure: (actual − target) ÷ target; a unit that did not exceed its target is not ranked. O = the sum of the indicators' points.`,
        },
        article: ART.over,
        calc: sumCalc(u.indicators.map((i) => i.overPoints), u.overPoints),
        lines: overLines,
      };
    case "targetScore":
      return {
        title: { zh: "目标任务完成分（60分）", en: "Target score (60 points)" },
        value: shown(u.targetScore),
        rule:
          o.std === "full"
            ? {
                zh: `标准分 = S ÷ (第1名得分 × J) × 60（${STANDARD_FORMULA_OURS.zh}），第1名得分为 ${o.top}，${jWords.zh}；S 由下列各指标得分相加。`,
                en: `Standard score = S ÷ (points of rank 1 × J) × 60 (${STANDARD_FORMULA_OURS.en}), points of rank 1 = ${o.top}, ${jWords.en}; S adds up the points below.`,
              }
            : {
                zh: `标准分 = S ÷ 组内最高 S × 60（${STANDARD_FORMULA_OURS.zh}）；S 由下列各指标得分相加。`,
                en: `Standard score = S ÷ the group's highest S × 60 (${STANDARD_FORMULA_OURS.en}); S adds up the points below.`,
              },
        article: ART.completion,
        calc: stdCalc(u.completionPoints, 60, u.targetScore, maxOf("completionPoints")),
        lines: completionLines,
      };
    case "overScore":
      return {
        title: { zh: "超目标任务完成分（20分）", en: "Over-target score (20 points)" },
        value: shown(u.overScore),
        rule:
          o.std === "full"
            ? {
                zh: `标准分 = O ÷ (第1名得分 × J) × 20（${STANDARD_FORMULA_OURS.zh}），第1名得分为 ${o.top}，${jWords.zh}；O 由下列各指标得分相加。`,
                en: `Standard score = O ÷ (points of rank 1 × J) × 20 (${STANDARD_FORMULA_OURS.en}), points of rank 1 = ${o.top}, ${jWords.en}; O adds up the points below.`,
              }
            : {
                zh: `标准分 = O ÷ 组内最高 O × 20（${STANDARD_FORMULA_OURS.zh}）；O 由下列各指标得分相加。`,
                en: `Standard score = O ÷ the group's highest O × 20 (${STANDARD_FORMULA_OURS.en}); O adds up the points below.`,
              },
        article: ART.over,
        calc: stdCalc(u.overPoints, 20, u.overScore, maxOf("overPoints")),
        lines: overLines,
      };
    case "policyScore": {
      const p = u.policy ?? {};
      const items: { zh: string; en: string; points: number }[] = [];
      for (const [key, points, zh, en] of POLICY_ITEMS) if (p[key] === true) items.push({ zh, en, points });
      const e = typeof p.endorsements === "number" && Number.isFinite(p.endorsements) ? Math.max(0, Math.floor(p.endorsements)) : 0;
      if (e > 0) items.push({ zh: `批示肯定或全省会议典型发言 ${e} 次${e > 4 ? "（最多计4分）" : ""}`, en: `${e} endorsement(s) or model speech(es)${e > 4 ? " (at most 4 points)" : ""}`, points: Math.min(4, e) });
      return {
        title: { zh: "政策机制分（20分）", en: "Policy score (20 points)" },
        value: shown(u.policyScore),
        rule: {
          zh: "出台实施方案 2 分 + 年度工作要点或工作计划 2 分 + 配套政策 4 分 + 工作协调机制 4 分 + 列入省级试点 4 分 + 批示肯定或全省会议典型发言每次 1 分（最多 4 分）。本县（市、区）得分的项目如下。",
          en: "Implementation plan 2 + annual work plan 2 + supporting policy 4 + coordination mechanism 4 + provincial pilot 4 + 1 per endorsement or model speech (at most 4). The items this county earned are listed below.",
        },
        article: ART.policy,
        calc: sumCalc(items.map((i) => i.points), u.policyScore),
        lines: items.length ? items.map((i) => ({ zh: `${i.zh}：${i.points} 分`, en: `${i.en}: ${i.points}` })) : [{ zh: "没有得分的项目", en: "no item earned" }],
      };
    }
    case "total": {
      const xs = operands([u.targetScore, u.overScore, u.policyScore], ([a, b, c]) => a + b + c, u.total);
      return {
        title: { zh: "总分（100分）", en: "Total (100 points)" },
        value: shown(u.total),
        rule: {
          zh: "总分 = 目标任务完成分 + 超目标任务完成分 + 政策机制分（引擎不取整，显示保留两位小数）。",
          en: "Total = target score + over-target score + policy score (the engine does not round; display shows 2 decimals).",
        },
        article: ART.total,
        calc: `${xs.join(" + ")} = ${shown(u.total)}`,
        lines: [],
      };
    }
    case "rank": {
      const rank = stage === "city" ? (u as { cityRank?: number }).cityRank : (u as ProvinceResult).rank;
      const above = group.filter((g) => g.total > u.total && !sameScore(g.total, u.total)).length;
      return {
        title: stage === "city" ? { zh: "市内名次", en: "Rank in the city" } : { zh: "省级名次", en: "Rank in the province" },
        value: String(rank ?? ""),
        rule: {
          zh: `名次 = 1 + ${groupName.zh}中总分严格高于本县（市、区）的个数；总分并列时同名次，排列先后按${TIE_CHAIN.zh}。`,
          en: `Rank = 1 + the number of units in ${groupName.en} with a strictly higher total; equal totals share a rank and are listed by ${TIE_CHAIN.en}.`,
        },
        article: ART.rank,
        calc: `1 + ${above} = ${1 + above}`,
        lines: [],
      };
    }
  }
}

/** A check result's gap and verdict: the sum or the comparison made, child by child (9号; rules of the county table). */
export function explainCheck(r: CheckResult): Explanation {
  const q = (x: number | null) => fmtQuantity(x, r.unit, r.displayUnit);
  const total = fmtQuantity(r.childrenTotal, r.unit, r.childrenUnit ?? r.displayUnit);
  const atMost = r.bound === "atMost";
  const rule: Msg =
    r.kind === "total"
      ? {
          zh: `总量类指标：差额 = 下级地区合计 ${total} − 上级目标 ${q(r.parent)}；下级地区合计${atMost ? "不高于" : "不低于"}上级目标为达标。合计、小计、总计行列不计入下级地区。`,
          en: `A total: gap = the children's total ${total} − the parent ${q(r.parent)}; met when the total is ${atMost ? "at most" : "at least"} the parent. 合计/小计/总计 are not children.`,
        }
      : r.kind === "rate"
        ? {
            zh: `比率类指标不加总：每个下级地区都${atMost ? "不高于" : "不低于"}上级目标 ${q(r.parent)} 为达标。`,
            en: `A rate is not summed: met when every child is ${atMost ? "at most" : "at least"} the parent ${q(r.parent)}.`,
          }
        : {
            zh: `累计类指标：上级目标是全省存量，下级地区任务是当年新增数，没有基期存量无法比较（县级分解表中，${DOC_9.number}说明各设区市目标已是当年新增数，按总量校核）。`,
            en: `A cumulative target: the parent is the province's stock and the children yearly additions, so they cannot be compared without the base year's stock (in a county table, ${DOC_9.number} gives the cities' figures as yearly additions, checked as a total).`,
          };
  return {
    title: { zh: r.indicator, en: r.indicator },
    value: r.gap === null ? "—" : q(r.gap),
    rule: r.reason ? { zh: `${rule.zh}${r.reason.zh}`, en: `${rule.en} ${r.reason.en}` } : rule,
    article: ART.check,
    calc: null,
    lines: r.children.map((c) => ({
      zh: `${c.name}：${q(c.value)}${r.short.includes(c.name) ? "（低于目标）" : ""}${c.at?.cell ? `，${c.at.cell}` : ""}`,
      en: `${c.name}: ${q(c.value)}${r.short.includes(c.name) ? " (below the target)" : ""}${c.at?.cell ? `, ${c.at.cell}` : ""}`,
    })),
  };
}
