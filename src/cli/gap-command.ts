/**
 * `zg gap FILE --county NAME [score options] [--margin 0.2] [--json]` (docs/cli.md): what one county lacks,
 * in its own figures — city-stage rank and total against the county its city would recommend, and per indicator the
 * least improvement that passes the next better county (core/gap.ts); the province stage where it is recommended.
 */
import * as path from "path";
import { TARGET_STEP, countyGap, writtenFigure, type CityStanding, type CountyGap, type IndicatorGap, type ProvinceGap } from "../core/gap";
import type { ZgIssue } from "../core/types";
import { normalizeText } from "../core/parse";
import { findCounty } from "../core/reference";
import type { Request } from "./args";
import { argumentError, issuesError } from "./errors";
import { readWorkbookFile } from "./read-xlsx";
import { readScoreInput } from "./score-input";
import { displayWidth, num, renderTable, score, shownPair, visible, type Cell } from "./format";
import type { Output } from "./output";

export interface GapJson {
  county: string;
  city: string;
  cityRank: number;
  total: number;
  recommendedCounty: string | null;
  recommendedTotal: number | null;
  cityStanding: CityStanding;
  pointsShort: number | null;
  indicators: (Pick<IndicatorGap, "indicator" | "actual" | "target" | "completionRank" | "completionPoints" | "nextRankActual" | "pointsAtNextRank" | "overRank" | "overPoints" | "nextOverRankActual" | "pointsAtNextOverRank" | "unit" | "targetUnit" | "step" | "levelActual" | "levelOverActual">)[];
  province: ProvinceGap | null;
  warnings: ZgIssue[];
}

export async function runGap(req: Request, out: Output): Promise<number> {
  const file = req.positionals[0];
  const shown = path.basename(file);
  const sheets = await readWorkbookFile(file);
  const input = readScoreInput(sheets, shown);
  const errors = input.warnings.filter((w) => w.severity === "error");
  if (errors.length) throw issuesError(shown, errors);
  const r = countyGap(input.counties, req.county as string, req.options);
  if (!r.ok) throw argumentError(unknownCounty(r.error, req.county as string, input.counties.map((c) => c.county)));
  const cellErrors = r.gap.warnings.filter((w) => w.severity === "error");
  if (cellErrors.length) throw issuesError(shown, cellErrors);
  const json = toJson(r.gap, [...input.warnings, ...r.gap.warnings]);
  if (req.json) out.stdout(JSON.stringify(json, null, 2));
  else out.stdout(renderGap(shown, json, out.colour).join("\n"));
  return 0;
}

/**
 * A county name the table does not hold: the names it may mean (淳安 → 淳安县, by the roster's short names, or a
 * name containing what was typed), else how many the table has and a few of them, never the whole roster.
 */
export function unknownCounty(error: { zh: string; en: string }, typed: string, names: readonly string[]): { zh: string; en: string } {
  const key = normalizeText(typed);
  const known = findCounty(typed)?.name;
  const close = [...new Set(names.filter((n) => (known !== undefined && findCounty(n)?.name === known) || (key !== "" && (normalizeText(n).includes(key) || key.includes(normalizeText(n))))))].slice(0, 5);
  if (close.length) return { zh: `${error.zh}；是否指：${close.join("、")}？`, en: `${error.en}; did you mean ${close.join(", ")}?` };
  const few = names.slice(0, 5);
  const more = names.length > few.length;
  return {
    zh: `${error.zh}（表中有 ${names.length} 个县（市、区），如：${few.join("、")}${more ? "等" : ""}）`,
    en: `${error.en} (the table has ${names.length} ${names.length === 1 ? "county" : "counties"}, such as ${few.join(", ")}${more ? " …" : ""})`,
  };
}

export function toJson(g: CountyGap, warnings: ZgIssue[]): GapJson {
  return {
    county: g.county,
    city: g.city,
    cityRank: g.cityRank,
    total: g.total,
    recommendedCounty: g.recommendedCounty,
    recommendedTotal: g.recommendedTotal,
    cityStanding: g.cityStanding,
    pointsShort: g.pointsShort,
    indicators: g.indicators.map((i) => ({
      indicator: i.indicator,
      actual: i.actual,
      target: i.target,
      targetUnit: i.targetUnit,
      completionRank: i.completionRank,
      completionPoints: i.completionPoints,
      nextRankActual: i.nextRankActual,
      pointsAtNextRank: i.pointsAtNextRank,
      overRank: i.overRank,
      overPoints: i.overPoints,
      nextOverRankActual: i.nextOverRankActual,
      pointsAtNextOverRank: i.pointsAtNextOverRank,
      unit: i.unit,
      step: i.step,
      levelActual: i.levelActual,
      levelOverActual: i.levelOverActual,
    })),
    province: g.province,
    warnings,
  };
}

/** A figure in the table's own unit, at the decimals of the step it moves by, the unit after it. */
const fig = (x: number | null, unit: string | null, step: number | null): string => (x === null ? "—" : `${writtenFigure(x, step)}${unit ?? ""}`);

/** The city stage in the county's terms: recommended, or why not (2号 第六条（二）). */
function cityLines(g: GapJson): string[] {
  const rec = g.recommendedCounty;
  switch (g.cityStanding) {
    case "recommended":
      return ["  本县为本市推荐对象 / recommended by its city"];
    case "none":
      return ["  本市无可推荐的县（市、区）/ the city recommends nobody"];
    case "previous-winner":
      return [
        "  本县上年度已获督查激励，按浙转升办〔2020〕2号 第六条（二）不再重复推荐，与总分无关；",
        `  本市推荐 ${rec ?? "—"}（总分 ${score(g.recommendedTotal)}）`,
        "  Received the incentive last year, so not recommended again whatever its total (Art. 6(2));",
        `  the city recommends ${rec ?? "—"} (total ${score(g.recommendedTotal)})`,
      ];
    case "tied":
      return [
        `  本县与本市推荐的 ${rec} 总分相同；按本工具默认的并列处理顺序（目标任务完成分、超目标任务完成分、`,
        `  政策机制分、输入顺序；文件未规定）${rec} 列前`,
        `  Same total as ${rec}, whom the city recommends; ZG's default tie-break order (target, over-target,`,
        `  policy score, input order; the documents give none) puts ${rec} first`,
      ];
    default:
      return [`  本市推荐 / recommended: ${rec}，总分 ${score(g.recommendedTotal)}；相差 / points short: ${score(g.pointsShort)}`];
  }
}

/** Inside a cut, or the points short of it and whether reaching the bar is enough (the tie-break chain) or it must pass it. */
function reach(inside: boolean, bar: number | null, short: number | null, atLevel: boolean | null): string[] {
  if (inside) return ["    是 / yes"];
  if (short === null || bar === null) return ["    否；提高总分也无法列入（加快发展县规则保留的位置）", "    no; no total would do (a place the 加快发展县 rule keeps)"];
  return atLevel
    ? [`    否；相差 ${score(short)} 分（达到 ${score(bar)} 即可）`, `    no, ${score(short)} points short (reaching ${score(bar)} is enough)`]
    : [`    否；相差 ${score(short)} 分，且须高于 ${score(bar)}`, `    no, ${score(short)} points short, and it must pass ${score(bar)}`];
}

/** The terminal width the readable output fits (a county or city office's default console). */
export const GAP_WIDTH = 100;

export function renderGap(file: string, g: GapJson, colour: boolean): string[] {
  const lines = [
    `文件 / file: ${visible(file)}`,
    `差距分析 / gap: ${g.county}（${g.city}）`,
    "",
    "一、设区市推荐环节 / City stage (浙转升办〔2020〕2号 第六条（二）)",
    `  本县总分 / total: ${score(g.total)}，市内第 ${g.cityRank} 名 / rank ${g.cityRank}`,
    ...cityLines(g),
    "",
    "二、各项指标（按每提高目标值 1% 可得排名分排序，数值为表中单位）",
    "    Indicators (by rank points per 1% of target gained; figures in the table's unit)",
  ];
  // Rank and points in one cell, the move and its points in one: seven columns fit GAP_WIDTH; the rest is below.
  const standing = (r: number | null, p: number): string => (r === null ? "—" : `第${r}名 ${num(p)}`);
  const move = (to: number | null, p: number | null, i: IndicatorGap | GapJson["indicators"][number]): Cell =>
    to === null ? "—" : { text: `${fig(to, i.unit, i.step)}→${num(p)}`, tone: "bold" };
  const rows: Cell[][] = g.indicators.map((i) => [
    i.indicator,
    fig(i.actual, i.unit, i.step),
    fig(i.target, i.targetUnit, TARGET_STEP),
    standing(i.completionRank, i.completionPoints),
    move(i.nextRankActual, i.pointsAtNextRank, i),
    standing(i.overRank, i.overPoints),
    move(i.nextOverRankActual, i.pointsAtNextOverRank, i),
  ]);
  lines.push(
    ...renderTable(
      [
        { title: "指标" },
        { title: "完成", align: "right" },
        { title: "目标", align: "right" },
        { title: "完成名次·分", align: "right" },
        { title: "超过上一名需", align: "right" },
        { title: "超目标名次·分", align: "right" },
        { title: "超过上一名需", align: "right" },
      ],
      rows,
      colour,
      16,
    ),
  );
  lines.push(
    "  “超过上一名需”：其他条件不变，本县超过紧邻其前的县所需的最少改进（“以下”类指标为可完成的最高值），",
    "  按表中填写的小数位计，→ 后为届时得分。",
    "  Next rank: the least improvement that passes the next better county, all else unchanged",
    "  (for an at-most target, the highest actual that does), on the table's decimals;",
    "  after → the points it then gets.",
  );
  // Details below the table: each indicator's full name, and the actual that draws level (tied units share rank and points).
  const details = g.indicators.filter((i) => i.levelActual !== null || i.levelOverActual !== null || displayWidth(i.indicator) > 16);
  if (details.length) {
    lines.push("", "  明细（与上一名并列：并列同名次、同分，浙转升办〔2020〕2号 第五条（一））", "  Details (level: tied units share rank and points)");
    for (const i of details) {
      lines.push(`  · ${i.indicator}`);
      const level = [
        i.levelActual !== null ? `完成与上一名并列需 ${fig(i.levelActual, i.unit, i.step)}` : null,
        i.levelOverActual !== null ? `超目标与上一名并列需 ${fig(i.levelOverActual, i.unit, i.step)}` : null,
      ].filter((x): x is string => x !== null);
      if (level.length) lines.push(`    ${level.join("；")}`);
    }
  }
  if (g.province) {
    const p = g.province;
    lines.push(
      "",
      "三、省级部门评送环节 / Province stage (第六条（三）)",
      `  全省第 ${p.rank} 名，总分 ${score(p.total)} / rank ${p.rank}, total ${score(p.total)}`,
      `  拟列入督查激励建议名单（${p.listSize} 名）/ proposed list (${p.listSize}):`,
      ...reach(p.proposed, p.listTotal, p.pointsShortOfList, p.listAtLevel),
      `  建议激励名额内（${p.places} 个）/ within the suggested places (${p.places}):`,
      ...reach(p.selected, p.placesTotal, p.pointsShortOfPlaces, p.placesAtLevel),
      "  相差的分数按名单（名额）内按总分列入的最低的县计，由加快发展县规则替补列入的县不计；",
      "  已将本县总分改为该分数，重新计算名单与名额加以验证。",
      "  Points short: to the lowest county there by its total (a 加快发展县 the rule moved in does not count),",
      "  checked by rerunning the selection with that total.",
    );
  }
  if (g.warnings.length) {
    lines.push("", `提示 / warnings (${g.warnings.length}):`);
    for (const w of g.warnings) {
      const shown = shownPair(w);
      lines.push(`  · ${shown.zh}`, `    ${shown.en}`);
    };
  }
  return lines;
}
