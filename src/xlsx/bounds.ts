/**
 * The caps every reader applies to what it hands the engine, in one place so the task pane (src/excel) and the
 * workbook file reader (sheet.ts) say and do the same: merged areas clipped to the block read (a merge down to
 * XFD1048576 must not make the engine walk a million rows), at most LIMITS.maxMerges of them, and no text longer
 * than a cell can hold.
 */
import type { Block } from "../core/address";
import { LIMITS } from "../core/limits";
import type { CellValue, Merge, Msg, ZgIssue } from "../core/types";
import { excerpt } from "./errors";

/** The merged areas that touch `b` (all in the same coordinates), clipped to it and made relative to its corner. */
export function clipMerges(merges: readonly Merge[], b: Block): Merge[] {
  const out: Merge[] = [];
  for (const m of merges) {
    const top = Math.max(m.top, b.top);
    const left = Math.max(m.left, b.left);
    const bottom = Math.min(m.bottom, b.bottom);
    const right = Math.min(m.right, b.right);
    if (top <= bottom && left <= right) out.push({ top: top - b.top, left: left - b.left, bottom: bottom - b.top, right: right - b.left });
  }
  return out;
}

/** The message for a sheet with more merged areas than LIMITS.maxMerges. */
export function tooManyMerges(sheet: string): Msg {
  const shown = excerpt(sheet);
  return { zh: `工作表“${shown}”的合并区域超过 ${LIMITS.maxMerges} 个`, en: `sheet ${shown} has more than ${LIMITS.maxMerges} merged areas` };
}

/** The warning for text cut to Excel's limit: the first cell, and how many. */
export function textCutNotice(sheet: string, first: string, count: number): ZgIssue {
  const shown = excerpt(sheet);
  return {
    code: "text-cut",
    severity: "warning",
    sheet,
    cell: first,
    zh: `工作表“${shown}”${first} 单元格${count > 1 ? `等 ${count} 处` : ""}的文字超过 Excel 单元格的上限 ${LIMITS.maxCellText} 个字符，已截断`,
    en: `${shown}!${first}${count > 1 ? ` and ${count - 1} more` : ""}: text longer than Excel's ${LIMITS.maxCellText} characters per cell was cut`,
  };
}

/** Cuts, in place, text longer than a cell can hold; the warning naming the first such cell, or null. */
export function cutLongTexts(cells: CellValue[][], sheet: string, origin: { row: number; col: number }, a1: (row: number, col: number) => string): ZgIssue | null {
  let count = 0;
  let first = "";
  cells.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v !== "string" || v.length <= LIMITS.maxCellText) return;
      const code = v.charCodeAt(LIMITS.maxCellText - 1);
      row[c] = v.slice(0, code >= 0xd800 && code <= 0xdbff ? LIMITS.maxCellText - 1 : LIMITS.maxCellText);
      if (count++ === 0) first = a1(origin.row + r, origin.col + c);
    }),
  );
  return count ? textCutNotice(sheet, first, count) : null;
}
