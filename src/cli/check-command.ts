/** `zg check FILE [--sheet NAME] [--json] [--out RESULT.xlsx]` (cli.md). */
import * as path from "path";
import ExcelJS from "exceljs";
import type { CheckResult, Msg, SheetCheck, SheetData, ZgIssue } from "../core/types";
import { checkSheet } from "../core/table";
import { normalizeText } from "../core/parse";
import { bilingual } from "../core/messages";
import { DOC_9 } from "../core/reference";
import type { Request } from "./args";
import { CliError, inputError, issuesError } from "./errors";
import { readWorkbookFile } from "./read-xlsx";
import { renderTable, quantity, type Cell } from "./format";
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
  saveWorkbook,
  SHORT_FILL,
  SHORT_FONT,
  type ColumnSpec,
} from "./write-xlsx";
import type { Output } from "./output";

/** One result exactly as cli.md's JSON lists it. */
export interface CheckJsonResult {
  indicator: string;
  kind: CheckResult["kind"];
  unit: string | null;
  parent: number | null;
  childrenTotal: number | null;
  gap: number | null;
  status: CheckResult["status"];
  short: string[];
  reason: Msg | null;
}

export interface CheckJson {
  file: string;
  sheet: string;
  results: CheckJsonResult[];
  warnings: ZgIssue[];
}

export async function runCheck(req: Request, out: Output): Promise<number> {
  const file = req.positionals[0];
  const shown = path.basename(file);
  const sheets = await readWorkbookFile(file);
  const found = findCheckedSheet(sheets, req.sheet, shown);
  // checkSheet's issues already hold every result's issues, in table order.
  const errors = found.issues.filter((i) => i.severity === "error");
  if (errors.length > 0) throw issuesError(shown, errors);

  const json = toJson(shown, found);
  if (req.out) await saveWorkbook(checkWorkbook(json, found), req.out, { force: req.force, inputs: [file] });

  if (req.json) {
    out.stdout(JSON.stringify(json, null, 2));
  } else {
    out.stdout(renderCheck(json, out.colour).join("\n"));
    if (req.out) out.stdout(`\n已写入 / written: ${req.out}`);
  }
  return 0;
}

/** The sheet asked for with --sheet, else the first sheet holding a decomposition table. */
export function findCheckedSheet(sheets: SheetData[], wanted: string | undefined, file: string): SheetCheck {
  if (wanted !== undefined) {
    const sheet = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => normalizeText(s.name) === normalizeText(wanted));
    if (!sheet) {
      throw inputError(
        {
          zh: `没有名为“${wanted}”的工作表（现有：${sheets.map((s) => s.name).join("、")}）`,
          en: `there is no sheet named "${wanted}" (the sheets are: ${sheets.map((s) => s.name).join(", ")})`,
        },
        { file },
      );
    }
    const checked = checkSheet(sheet);
    if (!checked.table) throw noTable(file, [sheet], checked.issues);
    return checked;
  }
  const tried: SheetCheck[] = [];
  for (const sheet of sheets) {
    const checked = checkSheet(sheet);
    if (checked.table) return checked;
    tried.push(checked);
  }
  throw noTable(file, sheets, tried.flatMap((t) => t.issues));
}

function noTable(file: string, sheets: SheetData[], issues: ZgIssue[]): CliError {
  const names = sheets.map((s) => s.name).join("、");
  const why = issues.filter((i) => i.severity === "error" && i.code !== "no-table").map((i) => bilingual(i));
  const single = sheets.length === 1 ? sheets[0].name : undefined;
  return inputError(
    {
      zh: `${single ? "" : `在工作表（${names}）中`}没有找到指标分解表：需要一行或一列指标名称，以及各下级单位的目标${why.length ? `；${why.join("；")}` : ""}`,
      en: `no decomposition table found${single ? "" : ` in the sheets (${sheets.map((s) => s.name).join(", ")})`}: it needs indicator labels in a row or column and the child units' targets${why.length ? `; ${why.join("; ")}` : ""}`,
    },
    { file, sheet: single },
  );
}

export function toJson(file: string, checked: SheetCheck): CheckJson {
  return {
    file,
    sheet: checked.sheet,
    results: checked.results.map((r) => ({
      indicator: r.indicator,
      kind: r.kind,
      unit: r.unit,
      parent: r.parent,
      childrenTotal: r.childrenTotal,
      gap: r.gap,
      status: r.status,
      short: r.short,
      reason: r.reason,
    })),
    warnings: checked.issues.filter((i) => i.severity === "warning"),
  };
}

const KIND: Record<CheckResult["kind"], string> = { total: "总量", rate: "比率", cumulative: "累计" };
const STATUS: Record<CheckResult["status"], string> = { ok: "达标", short: "未达标", unchecked: "未校核" };

function renderCheck(json: CheckJson, colour: boolean): string[] {
  const lines = [`文件 / file: ${json.file}    工作表 / sheet: ${json.sheet}`, ""];
  const rows: Cell[][] = json.results.map((r, i) => [
    String(i + 1),
    r.indicator,
    KIND[r.kind],
    quantity(r.parent, r.unit),
    r.kind === "rate" ? "—" : quantity(r.childrenTotal, r.unit),
    r.gap === null ? "—" : (r.gap > 0 ? "+" : "") + quantity(r.gap, r.unit),
    { text: STATUS[r.status], tone: r.status === "ok" ? "good" : r.status === "short" ? "bad" : "warn" },
    r.short.length ? r.short.join("、") : r.reason ? r.reason.zh : "",
  ]);
  lines.push(
    ...renderTable(
      [
        { title: "序号", align: "right" },
        { title: "指标 / indicator" },
        { title: "类型" },
        { title: "上级目标", align: "right" },
        { title: "下级合计", align: "right" },
        { title: "差额", align: "right" },
        { title: "结论" },
        { title: "未达标单位 / 说明" },
      ],
      rows,
      colour,
    ),
  );
  const counts = { ok: 0, short: 0, unchecked: 0 };
  for (const r of json.results) counts[r.status]++;
  lines.push("");
  lines.push(
    `共 ${json.results.length} 项：达标 ${counts.ok}，未达标 ${counts.short}，未校核 ${counts.unchecked}` +
      ` / ${json.results.length} indicators: ${counts.ok} ok, ${counts.short} short, ${counts.unchecked} unchecked`,
  );
  if (json.warnings.length) {
    lines.push("", `提示 / warnings (${json.warnings.length}):`);
    for (const w of json.warnings) lines.push(`  · ${w.zh}`, `    ${w.en}`);
  }
  return lines;
}

/** The --out workbook of a check: the verdicts (shortfalls marked), each child's value, the warnings and the rules. */
function checkWorkbook(json: CheckJson, checked: SheetCheck): ExcelJS.Workbook {
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
    { header: "未达标单位\nShort", width: 24, wrap: true },
    { header: "说明\nReason", width: 44, wrap: true },
  ];
  const { ws, headerRow } = addTableSheet(wb, "校核结果", cols, `指标分解校核结果：${json.file}（工作表 ${json.sheet}）`);
  json.results.forEach((r, i) => {
    const n = headerRow + 1 + i;
    const parentFmt = formatFor(r.parent, r.unit);
    // The gap is a formula over the two cells beside it, so the sheet stays right if someone edits a figure.
    // (Only for totals: a cumulative gap also counts the base year's stock, which has no cell here.)
    const gap =
      r.gap === null || r.parent === null || r.childrenTotal === null
        ? null
        : r.kind === "total"
          ? formula(`F${n}-E${n}`, r.gap)
          : r.gap;
    const row = putRow(ws, n, cols, [
      i + 1,
      r.indicator,
      `${KIND[r.kind]} ${r.kind}`,
      r.unit ?? "",
      r.parent,
      r.childrenTotal,
      gap,
      `${STATUS[r.status]} ${r.status}`,
      r.short.join("、"),
      r.reason ? both(r.reason) : "",
    ]);
    for (const c of [5, 6, 7]) row.getCell(c).numFmt = parentFmt;
    if (r.status === "short") fillRow(row, cols.length, SHORT_FILL, SHORT_FONT);
    else if (r.status === "ok") row.getCell(8).fill = GOOD_FILL;
  });

  // Each child's allocated target in base units, rate children below the parent marked.
  const children = checked.table?.childNames ?? [];
  const childCols: ColumnSpec[] = [
    { header: "指标\nIndicator", width: 44, wrap: true },
    ...children.map((name) => ({ header: name, width: 12 })),
  ];
  const detail = addTableSheet(wb, "下级明细", childCols, "各下级单位分解目标（基本单位：万、亿已折算，百分数为小数）");
  checked.results.forEach((r, i) => {
    const values = children.map((name) => r.children.find((c) => c.name === name)?.value ?? null);
    const row = putRow(detail.ws, detail.headerRow + 1 + i, childCols, [r.indicator, ...values]);
    values.forEach((v, c) => {
      const cell = row.getCell(c + 2);
      cell.numFmt = formatFor(v, r.unit);
      if (r.short.includes(children[c])) {
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
    ["单位 / units", "万 = 10⁴、亿 = 10⁸ 折算为基本单位；百分数以小数保存（10% = 0.1），按百分比格式显示", "万 and 亿 are multiplied out; percentages are stored as fractions and shown in a percent format"],
  ]);
  return wb;
}
