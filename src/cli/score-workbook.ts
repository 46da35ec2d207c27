/**
 * The workbook `zg score --out` writes: the city stage and the province stage on their own sheets (totals
 * and ranks as live formulas with their cached results), each indicator's figures with shortfalls marked,
 * the warnings, and the options used with the articles of 2号 they implement.
 */
import ExcelJS from "exceljs";
import type { CountyInput, IndicatorScore, Quantity, SelectionResult, ZgIssue } from "../core/types";
import { normalizeText, readCell } from "../core/parse";
import { inWrittenNumber, writtenUnit } from "../core/display";
import { DOC_2, findCity } from "../core/reference";
import { sheetNumber } from "../core/score";
import { proposedListSize, rankByTotalFormula } from "../core/select";
import { NO_ACCELERATED_RULE, ROSTER_COUNT, STANDARD_FORMULA_OURS, TIE_CHAIN, UNASSIGNED_RULE } from "../core/catalogue";
import type { ScoreInput } from "./score-input";
import {
  addIssuesSheet,
  addNotesSheet,
  addTableSheet,
  FMT,
  fillRow,
  formatFor,
  formula,
  GOOD_FILL,
  NOTE_FILL,
  putRow,
  SHORT_FILL,
  SHORT_FONT,
  type ColumnSpec,
} from "./write-xlsx";

export interface ScoreWorkbookInput {
  file: string;
  input: ScoreInput;
  result: SelectionResult;
  warnings: ZgIssue[];
}

/** Names of the result sheets, for readers and tests. */
export const SCORE_SHEETS = Object.freeze({
  city: "设区市推荐环节",
  province: "省级部门评送环节",
  detail: "指标明细",
  warnings: "提示",
  rules: "选项与规则",
});

function cityShown(city: string): string {
  return findCity(city)?.name ?? city;
}

export function scoreWorkbook(w: ScoreWorkbookInput): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "zg";
  citySheet(wb, w.result);
  provinceSheet(wb, w.result);
  detailSheet(wb, w.input.counties, w.result);
  addIssuesSheet(wb, w.warnings);
  rulesSheet(wb, w);
  return wb;
}

function citySheet(wb: ExcelJS.Workbook, result: SelectionResult): void {
  const cols: ColumnSpec[] = [
    { header: "设区市\nCity", width: 10 },
    { header: "县（市、区）\nCounty", width: 16 },
    { header: "完成排名分 S\nCompletion points", width: 14, numFmt: FMT.score },
    { header: "超目标排名分 O\nOver-target points", width: 14, numFmt: FMT.score },
    { header: "目标任务完成分\nTarget score (60)", width: 16, numFmt: FMT.score },
    { header: "超目标任务完成分\nOver-target score (20)", width: 16, numFmt: FMT.score },
    { header: "政策机制分\nPolicy score (20)", width: 14, numFmt: FMT.score },
    { header: "总分\nTotal", width: 10, numFmt: FMT.score },
    { header: "市内名次\nRank in city", width: 10 },
    { header: "推荐\nRecommended", width: 12 },
    { header: "说明\nReasons", width: 70, wrap: true },
  ];
  const { ws, headerRow } = addTableSheet(wb, SCORE_SHEETS.city, cols, `设区市推荐环节：评分与推荐（${DOC_2.number}第五条、第六条（二））/ City stage`);
  const first = headerRow + 1;
  const last = headerRow + result.counties.length;
  result.counties.forEach((c, i) => {
    const n = first + i;
    const row = putRow(ws, n, cols, [
      cityShown(c.city),
      c.county,
      c.completionPoints,
      c.overPoints,
      c.targetScore,
      c.overScore,
      c.policyScore,
      formula(`E${n}+F${n}+G${n}`, c.total),
      // cityRank = 1 + the counties of the same city with a strictly higher total (cli.md).
      formula(rankByTotalFormula(`$H$${first}:$H$${last}`, `H${n}`, { range: `$A$${first}:$A$${last}`, cell: `A${n}` }), c.cityRank),
      c.recommended ? "★ 推荐" : "",
      c.reasons.map((r) => r.zh).join("\n"),
    ]);
    if (c.recommended) fillRow(row, cols.length, GOOD_FILL);
  });
}

function provinceSheet(wb: ExcelJS.Workbook, result: SelectionResult): void {
  const cols: ColumnSpec[] = [
    { header: "名次\nRank", width: 8 },
    { header: "设区市\nCity", width: 10 },
    { header: "县（市、区）\nCounty", width: 16 },
    { header: "完成排名分 S\nCompletion points", width: 14, numFmt: FMT.score },
    { header: "超目标排名分 O\nOver-target points", width: 14, numFmt: FMT.score },
    { header: "目标任务完成分\nTarget score (60)", width: 16, numFmt: FMT.score },
    { header: "超目标任务完成分\nOver-target score (20)", width: 16, numFmt: FMT.score },
    { header: "政策机制分\nPolicy score (20)", width: 14, numFmt: FMT.score },
    { header: "总分\nTotal", width: 10, numFmt: FMT.score },
    { header: "加快发展县\nAccelerated", width: 12 },
    { header: "建议激励名额内\nWithin the places", width: 14 },
    { header: "拟列入督查激励建议名单\nProposed list", width: 16 },
    { header: "说明\nReasons", width: 70, wrap: true },
  ];
  const { ws, headerRow } = addTableSheet(
    wb,
    SCORE_SHEETS.province,
    cols,
    `省级部门评送环节：各设区市推荐县重新评分；建议激励名额 ${result.options.slots} 个，拟列入督查激励建议名单 ${result.province.filter((p) => p.proposed).length} 个（${DOC_2.number}第三条、第六条（三））/ Province stage`,
  );
  const first = headerRow + 1;
  const last = headerRow + result.province.length;
  result.province.forEach((p, i) => {
    const n = first + i;
    const row = putRow(ws, n, cols, [
      formula(rankByTotalFormula(`$I$${first}:$I$${last}`, `I${n}`), p.rank),
      cityShown(p.city),
      p.county,
      p.completionPoints,
      p.overPoints,
      p.targetScore,
      p.overScore,
      p.policyScore,
      formula(`F${n}+G${n}+H${n}`, p.total),
      p.accelerated ? "是" : "否",
      p.selected ? "✔ 是" : "否",
      p.proposed ? "是" : "否",
      p.reasons.map((r) => r.zh).join("\n"),
    ]);
    if (p.selected) fillRow(row, cols.length, GOOD_FILL);
  });
}

function read(v: CountyInput["entries"][number]["target"]): Quantity | null {
  const r = readCell(v);
  return r.status === "value" ? r.quantity : null;
}

/** Each county's target, actual, measures and points per indicator (city stage); shortfalls in red. */
function detailSheet(wb: ExcelJS.Workbook, counties: CountyInput[], result: SelectionResult): void {
  const ratio = result.options.basis === "ratio";
  const cols: ColumnSpec[] = [
    { header: "设区市\nCity", width: 10 },
    { header: "县（市、区）\nCounty", width: 16 },
    { header: "指标\nIndicator", width: 40, wrap: true },
    { header: "目标\nTarget", width: 14 },
    { header: "完成\nActual", width: 14 },
    { header: ratio ? "完成率\nCompletion" : "完成值\nCompletion (value)", width: 12, numFmt: ratio ? FMT.rate : FMT.decimal },
    { header: "完成排名\nRank", width: 9 },
    { header: "完成得分\nPoints", width: 9, numFmt: FMT.score },
    { header: "超目标幅度\nOver target by", width: 12, numFmt: FMT.rate },
    { header: "超目标排名\nRank", width: 10 },
    { header: "超目标得分\nPoints", width: 10, numFmt: FMT.score },
    { header: "标记\nMark", width: 16 },
  ];
  const { ws, headerRow } = addTableSheet(wb, "指标明细", cols, "各指标完成情况与排名得分（设区市内排名；未完成目标标红）/ Indicator detail, city stage");
  let n = headerRow + 1;
  counties.forEach((county, i) => {
    const scores = result.counties[i]?.indicators ?? [];
    const byKey = new Map<string, IndicatorScore>(scores.map((s) => [normalizeText(s.indicator), s]));
    for (const e of county.entries) {
      const s = byKey.get(normalizeText(e.indicator));
      const t = read(e.target);
      const a = read(e.actual);
      // Target and actual as the county wrote them (2亿元, 1.6万吨): the number in that unit, the unit in the format.
      const tUnit = t && t.unit !== null ? (writtenUnit(e.target, t.unit) ?? t.unit) : null;
      const aUnit = a && a.unit !== null ? (writtenUnit(e.actual, a.unit) ?? tUnit ?? a.unit) : tUnit;
      const tShown = t ? (t.isRate ? t.value : inWrittenNumber(t.value, t.unit, tUnit)) : null;
      const aShown = a ? (a.isRate ? a.value : inWrittenNumber(a.value, a.unit ?? t?.unit ?? null, aUnit)) : null;
      const atMost = (t?.bound ?? "atLeast") === "atMost";
      const short = t !== null && a !== null && (atMost ? a.value > t.value : a.value < t.value);
      const missing = a === null;
      const row = putRow(ws, n, cols, [
        cityShown(county.city),
        county.county,
        e.indicator,
        tShown,
        aShown,
        s?.completion ? sheetNumber(s.completion) : null,
        s?.completionRank ?? null,
        s?.completionPoints ?? 0,
        s?.over?.value ?? null,
        s?.overRank ?? null,
        s?.overPoints ?? 0,
        short ? "未完成 short" : missing ? "无完成值 no actual" : "",
      ]);
      row.getCell(4).numFmt = formatFor(tShown, t?.isRate ? "%" : null, tUnit ?? "");
      row.getCell(5).numFmt = formatFor(aShown, a?.isRate || (a?.unit === null && t?.isRate) ? "%" : null, aUnit ?? "");
      if (short) fillRow(row, cols.length, SHORT_FILL, SHORT_FONT);
      else if (missing) fillRow(row, cols.length, NOTE_FILL);
      n++;
    }
  });
}

function rulesSheet(wb: ExcelJS.Workbook, w: ScoreWorkbookInput): void {
  const o = w.result.options;
  addNotesSheet(wb, "选项与规则", [
    ["输入 / Input", "", ""],
    ["文件 / file", w.file],
    ["完成情况表 / completion sheet", w.input.completionSheet],
    ["县级情况表 / county sheet", w.input.countySheet ?? "（无 / none）"],
    ["县（市、区）数 / counties", w.result.counties.length, `名单按${ROSTER_COUNT.zh} / the roster: ${ROSTER_COUNT.en}`],
    ["选项 / Options used", "", ""],
    ["--top", o.top, "第1名得分 / points of rank 1"],
    ["--step", o.step, "每降一名减少的分数 / points lost per rank"],
    ["--floor", o.floor, "最低得分 / lowest points of a ranked unit"],
    ["--std", o.std, `标准分方法（${STANDARD_FORMULA_OURS.zh}）：full = S/(${o.top}×J)×60；max = S/组内最高S×60 / standard-score method (${STANDARD_FORMULA_OURS.en})`],
    ["--unassigned", o.unassigned, `目标为 0 或空白（设区市未分配）的指标：${UNASSIGNED_RULE[o.unassigned].zh} / an indicator given no target: ${UNASSIGNED_RULE[o.unassigned].en}`],
    ["--basis", o.basis, "排名依据：ratio = 完成/目标；value = 完成值 / rank by ratio or by value"],
    ["--slots", o.slots, "建议激励名额 / suggested places"],
    [
      "--min-accelerated",
      o.minAccelerated,
      o.minAccelerated === 0
        ? `${NO_ACCELERATED_RULE.zh} / ${NO_ACCELERATED_RULE.en}`
        : "建议激励名额内加快发展县最少个数（第三条“原则上”，本工具默认读作必须；0 = 关闭）/ at least this many 加快发展县 within the places (Art. 3 says 原则上; ZG's default reading; 0 switches it off)",
    ],
    ["--margin", o.margin, "差额比例（第六条（三）；0.2 为本工具默认，文件未给数值）/ the margin of Art. 6(3) (0.2 is ZG's default; the documents give no figure)"],
    ["规则 / Rules cited", "", ""],
    ["依据 / source", `${DOC_2.number}《${DOC_2.title}》`, DOC_2.en],
    [
      "第五条（一）目标任务完成",
      `各项指标在组内按完成率排名，第1名 ${o.top} 分，每降一名减 ${o.step} 分，最低 ${o.floor} 分，并列同分；目标任务完成得分 = S/(${o.top}×J)×60（J = 组内有数据的指标数，${o.unassigned === "exclude" ? "减去未给本县分配目标的指标" : "未分配目标的指标也计入"}；${STANDARD_FORMULA_OURS.zh}）`,
      `Art. 5(1): each indicator ranks the group by completion; rank 1 gets ${o.top} points, ${o.step} less per rank, at least ${o.floor}; ties share; target score = S/(${o.top}×J)×60 (J: indicators with data in the group${o.unassigned === "exclude" ? ", less those the county was given no target for" : ""}; ${STANDARD_FORMULA_OURS.en})`,
    ],
    [
      "第五条（一）超目标任务完成",
      `超过目标的县按超目标幅度 (完成−目标)/目标 排名得分；超目标任务完成分 = O/(${o.top}×J)×20（${STANDARD_FORMULA_OURS.zh}）；未超目标的不得分`,
      `Art. 5(1): counties above target rank by (actual − target)/target; over-target score = O/(${o.top}×J)×20; no points without exceeding the target`,
    ],
    [
      "第五条（二）政策机制",
      "实施方案 2 分、年度工作要点 2 分、配套政策 4 分、工作协调机制 4 分、列入省级试点 4 分、批示肯定或全省会议典型发言每次 1 分（最多 4 分），共 20 分",
      "Art. 5(2): plan 2, work plan 2, supporting policy 4, coordination mechanism 4, provincial pilot 4, 1 per endorsement or model speech (at most 4); 20 in all",
    ],
    [
      "第六条（二）设区市推荐",
      `各设区市内评分排名，推荐总分最高且上年度未获激励的县；总分并列时按${TIE_CHAIN.zh}`,
      `Art. 6(2): each city recommends its best county by total that was not rewarded last year; ties: ${TIE_CHAIN.en}`,
    ],
    [
      "第六条（三）、第三条 省级部门评送环节",
      `在各市推荐县中重新评分排名，按差额比例 ${o.margin} 形成拟列入督查激励建议名单（${proposedListSize(o.slots, o.margin)} 个以内，报省政府办公厅确定）；其中前 ${o.slots} 名为建议激励名额内，加快发展县不少于 ${o.minAccelerated} 个（第三条“原则上”，本工具默认读作必须：不足时由名额外排名最前的加快发展县替补名额内排名最后的非加快发展县）`,
      `Arts. 6(3) and 3: the recommended counties are rescored; a proposed list of up to ${proposedListSize(o.slots, o.margin)} names by the margin ${o.margin}, sent to the provincial government's office, which decides; the best ${o.slots} are the suggested places, at least ${o.minAccelerated} of them 加快发展县 (Art. 3 says 原则上: ZG's default reading)`,
    ],
    [
      "数值读取 / reading",
      "万 = 10⁴、亿 = 10⁸ 折算为基本单位；百分数以小数保存；空白、“—”、“/”、“无”为无数据，该指标不得分",
      "万 and 亿 multiplied out; percentages as fractions; empty, —, / or 无 means no value and no points for that indicator",
    ],
    [
      "表内公式 / formulas",
      "“总分”与“名次”为公式：修改得分后会自动重算；名次 = 1 + 同组总分严格更高的个数",
      "Totals and ranks are formulas: rank = 1 + the number in the group with a strictly higher total",
    ],
  ]);
}
