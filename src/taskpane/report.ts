/** The check report sheet and the marks of a check: what goes where, built from the engine's SheetCheck. */
import type { CheckResult, SheetCheck } from "../core/types";
import { blockAddress } from "../core/address";
import { type MarkRequest, OUR_SHEET_NAMES, type SheetContent } from "../excel/ops";
import type { Lang } from "../core/lang";
import { fmtQuantity, tr } from "./i18n";
import { inWrittenNumber } from "../core/display";

export function statusText(lang: Lang, r: CheckResult): string {
  return tr(lang, r.status === "ok" ? "statusOk" : r.status === "short" ? "statusShort" : "statusUnchecked");
}

export function kindText(lang: Lang, r: CheckResult): string {
  return tr(lang, r.kind === "total" ? "kindTotal" : r.kind === "rate" ? "kindRate" : "kindCumulative");
}

/**
 * The cells to mark: for a rate indicator the children below the parent rate; for a total that falls
 * short its label cell (the sum is short, no single child is); unreadable cells as errors and empty
 * children or differing 合计 as warnings.
 */
export function marksFor(check: SheetCheck): MarkRequest[] {
  const short: string[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const r of check.results) {
    if (r.status !== "short") continue;
    if (r.kind === "rate") {
      for (const c of r.children) if (r.short.includes(c.name) && c.at?.cell) short.push(c.at.cell);
    } else if (r.at?.cell) short.push(r.at.cell);
  }
  for (const i of check.issues) {
    if (!i.cell || (i.sheet && i.sheet !== check.sheet)) continue;
    (i.severity === "error" ? errors : warnings).push(i.cell);
  }
  const out: MarkRequest[] = [];
  if (short.length) out.push({ sheet: check.sheet, addresses: short, kind: "short" });
  if (errors.length) out.push({ sheet: check.sheet, addresses: errors, kind: "error" });
  if (warnings.length) out.push({ sheet: check.sheet, addresses: warnings, kind: "warning" });
  return out;
}

/** The report sheet: one row per indicator in table order, then the cells to look at. */
export function reportSheet(check: SheetCheck, lang: Lang): SheetContent {
  const header = ["序号", tr(lang, "colIndicator"), lang === "zh" ? "类型" : "Kind", lang === "zh" ? "单位" : "Unit", tr(lang, "colParent"), tr(lang, "colChildren"), tr(lang, "colGap"), tr(lang, "colStatus"), lang === "zh" ? "低于目标的地区 / 原因" : "Below target / reason", lang === "zh" ? "位置" : "Cell"];
  if (lang === "en") header[0] = "No.";
  const title = lang === "zh" ? `指标分解校核报告：工作表“${check.sheet}”${check.table ? ` ${blockAddress(check.table.region)}` : ""}` : `Allocation check of sheet ${check.sheet}${check.table ? ` ${check.table ? blockAddress(check.table.region) : ""}` : ""}`;
  const cells: (string | number | null)[][] = [[title], header];
  check.results.forEach((r, i) => {
    const detail = r.status === "unchecked" ? (r.reason?.[lang] ?? "") : r.kind === "rate" ? r.short.join(lang === "zh" ? "、" : ", ") : r.status === "short" ? tr(lang, "totalShort", { gap: fmtQuantity(-(r.gap ?? 0), r.unit, r.displayUnit) }) : "";
    cells.push([
      i + 1,
      r.indicator,
      kindText(lang, r),
      // Figures in the unit the table wrote them in (300亿元, not 30,000,000,000元).
      r.displayUnit ?? r.unit ?? "",
      r.parent === null ? "" : inWrittenNumber(r.parent, r.unit, r.displayUnit),
      r.childrenTotal === null ? "" : inWrittenNumber(r.childrenTotal, r.unit, r.displayUnit),
      r.gap === null ? "" : inWrittenNumber(r.gap, r.unit, r.displayUnit),
      statusText(lang, r),
      detail,
      r.at?.cell ? `${check.sheet}!${r.at.cell}` : "",
    ]);
  });
  const tableBottom = cells.length - 1;
  const formats = cells.map((row, r) =>
    row.map((_, c) => {
      if (r < 2 || r > tableBottom) return null;
      const res = check.results[r - 2];
      if (c >= 4 && c <= 6 && res?.unit === "%") return "0.0%";
      if (c >= 4 && c <= 6) return "#,##0.##";
      return null;
    }),
  );
  if (check.issues.length) {
    cells.push([]);
    cells.push([tr(lang, "issuesTitle", { n: check.issues.length })]);
    for (const is of check.issues) cells.push([null, is[lang], null, null, null, null, null, is.severity === "error" ? (lang === "zh" ? "错误" : "error") : lang === "zh" ? "提示" : "warning", null, is.sheet && is.cell ? `${is.sheet}!${is.cell}` : ""]);
  }
  return {
    name: OUR_SHEET_NAMES.report,
    kind: "report",
    cells,
    numberFormats: formats,
    columnWidths: [6, 40, 8, 6, 14, 14, 14, 8, 30, 14],
    titleRows: [0],
    merges: [{ top: 0, left: 0, bottom: 0, right: header.length - 1 }],
    boldRows: [1],
    freezeRows: 2,
    print: { titleRows: { first: 0, last: 1 }, landscape: true, fitToWidth: true },
    tables: check.results.length ? [{ name: "ZG_Check", range: { top: 1, left: 0, bottom: tableBottom, right: header.length - 1 } }] : [],
  };
}
