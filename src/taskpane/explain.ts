/**
 * Why a number in a result is what it is: the rule applied (rules.md) and the article of 2号 it
 * implements, with the unit's own figures filled in. Every figure the pane shows can be explained.
 */
import { DOC_2, DOC_9 } from "../core/reference";
import type { CheckResult, Msg, ProvinceResult, ScoreOptions, UnitScore } from "../core/types";
import { fmt, fmtQuantity } from "./i18n";

export type ScoreField = "completionPoints" | "overPoints" | "targetScore" | "overScore" | "policyScore" | "total" | "rank";

export interface Explanation {
  title: Msg;
  value: string;
  rule: Msg;
  article: Msg;
  /** Per-indicator lines (rank and points), where the number is a sum of them. */
  lines: Msg[];
}

const ART = {
  completion: { zh: `${DOC_2.number} 第五条（一）1 目标任务完成分`, en: `${DOC_2.number}, Art. 5(1)1: target completion` },
  over: { zh: `${DOC_2.number} 第五条（一）2 超目标任务完成分`, en: `${DOC_2.number}, Art. 5(1)2: over-target completion` },
  policy: { zh: `${DOC_2.number} 第五条（二）政策机制建设情况`, en: `${DOC_2.number}, Art. 5(2): policy and mechanisms` },
  total: { zh: `${DOC_2.number} 第五条 评价指标体系（共100分）`, en: `${DOC_2.number}, Art. 5: the 100-point scheme` },
  rank: { zh: `${DOC_2.number} 第三条、第六条`, en: `${DOC_2.number}, Arts. 3 and 6` },
};

function pct(x: number | null | undefined): string {
  if (x === null || x === undefined) return "—";
  // An at-most target met with an actual of 0 is an infinite (best) completion.
  return Number.isFinite(x) ? `${fmt(x * 100)}%` : "∞";
}

export function explain(u: UnitScore | ProvinceResult, field: ScoreField, o: ScoreOptions, stage: "city" | "province"): Explanation {
  const J = u.indicators.filter((i) => i.completion !== null || i.completionRank !== null || i.over !== null).length || u.indicators.length;
  const group = stage === "city" ? { zh: `${u.city}所辖县（市、区）`, en: `the counties of ${u.city}` } : { zh: "各设区市推荐的县（市、区）", en: "the counties recommended by the cities" };
  const rankRule: Msg = {
    zh: `在${group.zh}中逐项排名：第1名得${o.top}分，其后每名递减${o.step}分，最低${o.floor}分；并列名次得分相同；没有数据的指标得0分。`,
    en: `Ranked per indicator within ${group.en}: rank 1 gets ${o.top}, each next rank ${o.step} less, at least ${o.floor}; ties share a rank; an indicator without data gets 0.`,
  };
  switch (field) {
    case "completionPoints":
      return {
        title: { zh: "完成分合计 S", en: "Completion points S" },
        value: fmt(u.completionPoints),
        rule: { zh: `${rankRule.zh}完成度 = ${o.basis === "ratio" ? "完成值÷目标值（“以下”类指标为目标值÷完成值）" : "完成值本身"}。`, en: `${rankRule.en} Measure: ${o.basis === "ratio" ? "actual ÷ target (target ÷ actual for an at-most target)" : "the actual itself"}.` },
        article: ART.completion,
        lines: u.indicators.map((i) => ({
          zh: `${i.indicator}：完成度 ${o.basis === "ratio" ? pct(i.completion?.value) : fmt(i.completion?.value)}，第 ${i.completionRank ?? "—"} 名，${fmt(i.completionPoints)} 分`,
          en: `${i.indicator}: measure ${o.basis === "ratio" ? pct(i.completion?.value) : fmt(i.completion?.value)}, rank ${i.completionRank ?? "—"}, ${fmt(i.completionPoints)} points`,
        })),
      };
    case "overPoints":
      return {
        title: { zh: "超目标分合计 O", en: "Over-target points O" },
        value: fmt(u.overPoints),
        rule: { zh: `${rankRule.zh}超目标幅度 = (完成值−目标值)÷目标值，未超目标不排名。`, en: `${rankRule.en} Measure: (actual − target) ÷ target; a unit that did not exceed its target is not ranked.` },
        article: ART.over,
        lines: u.indicators.map((i) => ({
          zh: `${i.indicator}：超目标 ${pct(i.over?.value)}，第 ${i.overRank ?? "—"} 名，${fmt(i.overPoints)} 分`,
          en: `${i.indicator}: over by ${pct(i.over?.value)}, rank ${i.overRank ?? "—"}, ${fmt(i.overPoints)} points`,
        })),
      };
    case "targetScore":
      return {
        title: { zh: "目标任务完成标准分（60分）", en: "Target score (60 points)" },
        value: fmt(u.targetScore),
        rule:
          o.std === "full"
            ? { zh: `标准分 = S ÷ (10 × J) × 60 = ${fmt(u.completionPoints)} ÷ (10 × ${J}) × 60，J 为组内有数据的指标数。`, en: `Standard score = S ÷ (10 × J) × 60 = ${fmt(u.completionPoints)} ÷ (10 × ${J}) × 60, J = indicators with data in the group.` }
            : { zh: `标准分 = S ÷ 组内最高 S × 60（S = ${fmt(u.completionPoints)}）。`, en: `Standard score = S ÷ the group's highest S × 60 (S = ${fmt(u.completionPoints)}).` },
        article: ART.completion,
        lines: [],
      };
    case "overScore":
      return {
        title: { zh: "超目标完成标准分（20分）", en: "Over-target score (20 points)" },
        value: fmt(u.overScore),
        rule:
          o.std === "full"
            ? { zh: `标准分 = O ÷ (10 × J) × 20 = ${fmt(u.overPoints)} ÷ (10 × ${J}) × 20。`, en: `Standard score = O ÷ (10 × J) × 20 = ${fmt(u.overPoints)} ÷ (10 × ${J}) × 20.` }
            : { zh: `标准分 = O ÷ 组内最高 O × 20（O = ${fmt(u.overPoints)}）。`, en: `Standard score = O ÷ the group's highest O × 20 (O = ${fmt(u.overPoints)}).` },
        article: ART.over,
        lines: [],
      };
    case "policyScore":
      return {
        title: { zh: "政策机制得分（20分）", en: "Policy score (20 points)" },
        value: fmt(u.policyScore),
        rule: {
          zh: "出台实施方案 2 分 + 年度工作要点或工作计划 2 分 + 配套政策 4 分 + 工作协调机制 4 分 + 列入省级试点 4 分 + 批示肯定或全省会议典型发言每次 1 分（最多 4 分）。",
          en: "Implementation plan 2 + annual work plan 2 + supporting policy 4 + coordination mechanism 4 + provincial pilot 4 + 1 per endorsement or model speech (at most 4).",
        },
        article: ART.policy,
        lines: [],
      };
    case "total":
      return {
        title: { zh: "总分（100分）", en: "Total (100 points)" },
        value: fmt(u.total),
        rule: { zh: `总分 = 目标分 ${fmt(u.targetScore)} + 超目标分 ${fmt(u.overScore)} + 政策分 ${fmt(u.policyScore)}（显示保留两位小数）。`, en: `Total = target ${fmt(u.targetScore)} + over-target ${fmt(u.overScore)} + policy ${fmt(u.policyScore)} (shown to 2 decimals).` },
        article: ART.total,
        lines: [],
      };
    case "rank":
      return {
        title: stage === "city" ? { zh: "市内名次", en: "Rank in the city" } : { zh: "省级名次", en: "Rank in the province" },
        value: String((u as ProvinceResult).rank ?? ""),
        rule: {
          zh: `名次 = 1 + 总分严格高于本县的单位数（在${group.zh}中）；总分相同时依次比较目标分、超目标分、政策分。`,
          en: `Rank = 1 + the number of units with a strictly higher total (within ${group.en}); equal totals are ordered by target, over-target, then policy score.`,
        },
        article: ART.rank,
        lines: [],
      };
  }
}

/** A check result's gap and verdict: the sum or the comparison made, child by child (rules.md §2, 9号). */
export function explainCheck(r: CheckResult): Explanation {
  const q = (x: number | null) => fmtQuantity(x, r.unit);
  const atMost = r.bound === "atMost";
  const rule: Msg =
    r.kind === "total"
      ? {
          zh: `总量类指标：差额 = 下级合计 ${q(r.childrenTotal)} − 上级目标 ${q(r.parent)}；下级合计${atMost ? "不高于" : "不低于"}上级目标为达标。合计、小计、总计行列不计入下级。`,
          en: `A total: gap = the children's total ${q(r.childrenTotal)} − the parent ${q(r.parent)}; met when the total is ${atMost ? "at most" : "at least"} the parent. 合计/小计/总计 are not children.`,
        }
      : r.kind === "rate"
        ? {
            zh: `比率类指标不加总：每个下级都${atMost ? "不高于" : "不低于"}上级目标 ${q(r.parent)} 为达标。`,
            en: `A rate is not summed: met when every child is ${atMost ? "at most" : "at least"} the parent ${q(r.parent)}.`,
          }
        : {
            zh: "累计类指标：上级目标是存量，下级任务是当年新增数，没有基期存量无法比较。",
            en: "A cumulative target: the parent is a stock and the children yearly additions, so they cannot be compared without the base year's stock.",
          };
  return {
    title: { zh: r.indicator, en: r.indicator },
    value: r.gap === null ? "—" : q(r.gap),
    rule: r.reason ? { zh: `${rule.zh}${r.reason.zh}`, en: `${rule.en} ${r.reason.en}` } : rule,
    article: { zh: `${DOC_9.number}；规则 rules.md 第2节`, en: `${DOC_9.number}; rules.md §2` },
    lines: r.children.map((c) => ({
      zh: `${c.name}：${q(c.value)}${r.short.includes(c.name) ? "（低于目标）" : ""}${c.at?.cell ? `，${c.at.cell}` : ""}`,
      en: `${c.name}: ${q(c.value)}${r.short.includes(c.name) ? " (below the target)" : ""}${c.at?.cell ? `, ${c.at.cell}` : ""}`,
    })),
  };
}
