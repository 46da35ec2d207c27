/**
 * `zg gap FILE --county NAME [score options] [--margin 0.2] [--json]` (docs/cli.md, issue 16): what one county lacks,
 * in its own figures — city-stage rank and total against the county its city would recommend, and per indicator the
 * least improvement that passes the next better county (core/gap.ts); the province stage where it is recommended.
 */
import * as path from "path";
import { countyGap, type CountyGap, type IndicatorGap, type ProvinceGap } from "../core/gap";
import type { ZgIssue } from "../core/types";
import type { Request } from "./args";
import { argumentError, issuesError } from "./errors";
import { readWorkbookFile } from "./read-xlsx";
import { readScoreInput } from "./score-input";
import { num, renderTable, score, shownMessage, visible, type Cell } from "./format";
import type { Output } from "./output";

export interface GapJson {
  county: string;
  city: string;
  cityRank: number;
  total: number;
  recommendedCounty: string | null;
  recommendedTotal: number | null;
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
  if (!r.ok) {
    const names = input.counties.map((c) => c.county).slice(0, 30).join("、");
    throw argumentError({ zh: `${r.error.zh}（表中有：${names}）`, en: `${r.error.en} (the table has: ${names})` });
  }
  const cellErrors = r.gap.warnings.filter((w) => w.severity === "error");
  if (cellErrors.length) throw issuesError(shown, cellErrors);
  const json = toJson(r.gap, [...input.warnings, ...r.gap.warnings]);
  if (req.json) out.stdout(JSON.stringify(json, null, 2));
  else out.stdout(render(shown, json, out.colour).join("\n"));
  return 0;
}

export function toJson(g: CountyGap, warnings: ZgIssue[]): GapJson {
  return {
    county: g.county,
    city: g.city,
    cityRank: g.cityRank,
    total: g.total,
    recommendedCounty: g.recommendedCounty,
    recommendedTotal: g.recommendedTotal,
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

/** A figure in the table's own unit: 4 decimals at most, trailing zeros dropped, the unit after it. */
const fig = (x: number | null, unit: string | null): string => (x === null ? "—" : `${num(x, 6)}${unit ?? ""}`);
const rank = (x: number | null): string => (x === null ? "—" : `第${x}名`);

function render(file: string, g: GapJson, colour: boolean): string[] {
  const lines = [
    `文件 / file: ${visible(file)}`,
    `差距分析 / gap: ${g.county}（${g.city}）`,
    "",
    "一、设区市推荐环节 / City stage (浙转升办〔2020〕2号 第六条（二）)",
    `  本县总分 / total: ${score(g.total)}，市内第 ${g.cityRank} 名 / rank ${g.cityRank}`,
    g.recommendedCounty === null
      ? "  本市无可推荐的县（市、区）/ the city recommends nobody"
      : g.recommendedCounty === g.county
        ? "  本县为本市推荐对象 / recommended by its city"
        : g.pointsShort === 0
          ? `  与本市推荐的 ${g.recommendedCounty} 总分相同，依次比较目标任务完成分、超目标任务完成分、政策机制分后未被推荐（本工具对并列的处理）/ level on total with ${g.recommendedCounty}, who is recommended by our tie rule`
          : `  本市推荐 / recommended: ${g.recommendedCounty}，总分 ${score(g.recommendedTotal)}；相差 / points short: ${score(g.pointsShort)}`,
    "",
    "二、各项指标（按每提高目标值 1% 可得排名分排序，数值为表中单位）/ Indicators (by rank points per 1% of target gained; figures in the table's unit)",
  ];
  const rows: Cell[][] = g.indicators.map((i) => [
    i.indicator,
    fig(i.actual, i.unit),
    fig(i.target, i.targetUnit),
    rank(i.completionRank),
    num(i.completionPoints),
    fig(i.levelActual, i.unit),
    i.nextRankActual === null ? "—" : { text: fig(i.nextRankActual, i.unit), tone: "bold" },
    i.pointsAtNextRank === null ? "—" : num(i.pointsAtNextRank),
    rank(i.overRank),
    num(i.overPoints),
    i.nextOverRankActual === null ? "—" : { text: fig(i.nextOverRankActual, i.unit), tone: "bold" },
    i.pointsAtNextOverRank === null ? "—" : num(i.pointsAtNextOverRank),
  ]);
  lines.push(
    ...renderTable(
      [
        { title: "指标" },
        { title: "完成", align: "right" },
        { title: "目标", align: "right" },
        { title: "完成名次", align: "right" },
        { title: "得分", align: "right" },
        { title: "与上一名并列", align: "right" },
        { title: "超过上一名需完成", align: "right" },
        { title: "届时得分", align: "right" },
        { title: "超目标名次", align: "right" },
        { title: "得分", align: "right" },
        { title: "超过上一名需完成", align: "right" },
        { title: "届时得分", align: "right" },
      ],
      rows,
      colour,
      30,
    ),
  );
  lines.push(
    "  “超过上一名需完成”：其他条件不变，本县超过紧邻其前的县所需的最少改进（“以下”类指标为可完成的最高值），按表中填写的小数位计；",
    "  “与上一名并列”：恰好与其并列所需的完成值（并列同名次、同分，浙转升办〔2020〕2号 第五条（一））。",
    "  Next rank: the least improvement that puts the county strictly ahead of the next better county, all else unchanged (for an",
    "  at-most target, the highest actual that does), on the decimals the table writes; level: the actual that ties it (tied units share rank and points).",
  );
  if (g.province) {
    const p = g.province;
    lines.push(
      "",
      "三、省级部门评送环节 / Province stage (第六条（三）)",
      `  全省第 ${p.rank} 名，总分 ${score(p.total)} / rank ${p.rank}, total ${score(p.total)}`,
      `  拟列入督查激励建议名单（${p.listSize} 名）/ proposed list (${p.listSize}): ${p.proposed ? "是 yes" : `否；相差 ${score(p.pointsShortOfList)} 分 / no, ${score(p.pointsShortOfList)} points short`}`,
      `  建议激励名额内（${p.places} 个）/ within the suggested places (${p.places}): ${p.selected ? "是 yes" : `否；相差 ${score(p.pointsShortOfPlaces)} 分 / no, ${score(p.pointsShortOfPlaces)} points short`}`,
    );
  }
  if (g.warnings.length) {
    lines.push("", `提示 / warnings (${g.warnings.length}):`);
    for (const w of g.warnings) lines.push(`  · ${shownMessage(w.zh)}`, `    ${shownMessage(w.en)}`);
  }
  return lines;
}
