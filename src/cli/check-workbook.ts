/** `zg check --out`'s workbook: loaded only with --out, so a plain check never loads ExcelJS. */
import ExcelJS from "exceljs";
import type { SheetCheck } from "../core/types";
import { DOC_9 } from "../core/reference";
import { inWrittenNumber } from "../core/display";
import { KIND, STATUS, type CheckJson } from "./check-json";
import {
  addIssuesSheet,
  addNotesSheet,
  addTableSheet,
  both,
  fillRow,
  formatFor,
  formula,
  GOOD_FILL,
  putRow,
  SHORT_FILL,
  SHORT_FONT,
  type ColumnSpec,
} from "./write-xlsx";

/** The --out workbook of a check: the verdicts (shortfalls marked), each child's value, the warnings and the rules. */
export function checkWorkbook(json: CheckJson, checked: SheetCheck): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "zg";
  const cols: ColumnSpec[] = [
    { header: "序号\nNo.", width: 6 },
    { header: "指标\nIndicator", width: 44, wrap: true },
    { header: "类型\nKind", width: 10 },
    { header: "单位\nUnit", width: 8 },
    { header: "上级目标\nParent", width: 16 },
    { header: "下级合计\nChildren total", width: 16 },
    { header: "差额\nGap", width: 16 },
    { header: "结论\nStatus", width: 12 },
    { header: "未达标的下级地区\nShort", width: 24, wrap: true },
    { header: "说明\nReason", width: 44, wrap: true },
  ];
  const { ws, headerRow } = addTableSheet(wb, "校核结果", cols, `指标分解校核结果：${json.file}（工作表 ${json.sheet}）`);
  json.results.forEach((r, i) => {
    const n = headerRow + 1 + i;
    // Figures in the unit the table wrote them in (300 under 亿元, not 30,000,000,000 元), as the pane's report sheet.
    const display = checked.results[i]?.displayUnit ?? null;
    const written = (x: number | null) => (x === null ? null : inWrittenNumber(x, r.unit, display));
    const parent = written(r.parent);
    // One format for the three figures, at the precision of the most precise: a shortfall never reads as no gap.
    const parentFmt = formatFor([parent, written(r.childrenTotal), r.gap === null ? null : inWrittenNumber(r.gap, r.unit, display)], r.unit);
    // The gap is a formula over the two cells beside it, so the sheet stays right if someone edits a figure.
    // (Only for totals: a cumulative gap also counts the base year's stock, which has no cell here.)
    const gap =
      r.gap === null || r.parent === null || r.childrenTotal === null
        ? null
        : r.kind === "total"
          ? formula(`F${n}-E${n}`, inWrittenNumber(r.gap, r.unit, display))
          : written(r.gap);
    const row = putRow(ws, n, cols, [
      i + 1,
      r.indicator,
      `${KIND[r.kind]} ${r.kind}`,
      display ?? r.unit ?? "",
      parent,
      written(r.childrenTotal),
      gap,
      `${STATUS[r.status]} ${r.status}`,
      r.short.join("、"),
      r.reason ? both(r.reason) : "",
    ]);
    for (const c of [5, 6, 7]) row.getCell(c).numFmt = parentFmt;
    if (r.status === "short") fillRow(row, cols.length, SHORT_FILL, SHORT_FONT);
    else if (r.status === "ok") row.getCell(8).fill = GOOD_FILL;
  });

  // Each child's allocated target in the row's written unit, rate children below the parent marked.
  const children = checked.table?.childNames ?? [];
  const childCols: ColumnSpec[] = [
    { header: "指标\nIndicator", width: 44, wrap: true },
    { header: "单位\nUnit", width: 8 },
    ...children.map((name) => ({ header: name, width: 12 })),
  ];
  const detail = addTableSheet(wb, "下级明细", childCols, "各下级地区分解目标（单位与原表一致，百分数按百分比格式显示）");
  checked.results.forEach((r, i) => {
    // The children in the unit they were written in (5500家 stays 5500 under 家, not 0.55 under 万家).
    const shownIn = r.childrenUnit ?? r.displayUnit;
    // By name, once per row: a search per cell would cost children² per row.
    const byName = new Map<string, number | null>();
    for (const c of r.children) if (!byName.has(c.name)) byName.set(c.name, c.value);
    const short = new Set(r.short);
    const values = children.map((name) => {
      const v = byName.get(name) ?? null;
      return v === null ? null : inWrittenNumber(v, r.unit, shownIn);
    });
    const row = putRow(detail.ws, detail.headerRow + 1 + i, childCols, [r.indicator, shownIn ?? r.unit ?? "", ...values]);
    const rowFmt = formatFor(values, r.unit);
    values.forEach((v, c) => {
      const cell = row.getCell(c + 3);
      cell.numFmt = rowFmt;
      if (short.has(children[c])) {
        cell.fill = SHORT_FILL;
        cell.font = SHORT_FONT;
      }
    });
  });

  addIssuesSheet(wb, json.warnings);
  addNotesSheet(wb, "规则与说明", [
    ["输入 / Input", "", ""],
    ["文件 / file", json.file],
    ["工作表 / sheet", json.sheet],
    ["规则 / Rules", "", ""],
    ["依据 / source", `${DOC_9.number}《${DOC_9.title}》`, DOC_9.en],
    ["总量指标 / total", "下级目标之和 ≥ 上级目标为达标；差额 = 下级合计 − 上级目标（“以下/不超过”类指标：之和 ≤ 上级）", "ok when the children add up to at least the parent; gap = children total − parent (at most, for an upper-bound target)"],
    ["比率指标 / rate", "不求和；每个下级 ≥ 上级比率为达标，否则列出未达到的下级", "not summed; each child must reach the parent rate, those below are listed"],
    ["累计指标 / cumulative", "标注“累计”的指标，上级为存量、下级为当年新增，缺少基期存量时不比较", "a 累计 indicator's parent is a stock and the children are yearly additions: not compared without the base year's stock"],
    ["合计行 / totals", "合计、小计、总计 不计入下级；其数值与计算之和不符时给出提示", "合计/小计/总计 are not children; a differing value is reported as a warning"],
    ["单位 / units", "数值按原表书写的单位列出（原表写 300亿元 即为 300，单位列为“亿元”）；比较时 万 = 10⁴、亿 = 10⁸ 精确折算；百分数以小数保存（10% = 0.1），按百分比格式显示", "figures in the unit the table wrote them in (300 under 亿元); compared exactly with 万 = 10⁴ and 亿 = 10⁸ multiplied out; percentages are stored as fractions and shown in a percent format"],
  ]);
  return wb;
}
