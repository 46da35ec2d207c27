/** The bilingual notices a read gives (office.ts and memory.ts say the same), each naming sheet and cell. */
import type { ReadIssueCode, ZgIssue } from "../core/types";
import { a1, blockAddress } from "../core/address";
import { LIMITS } from "../core/limits";
import { type Block, OpError } from "./ops";

export function notice(code: ReadIssueCode, sheet: string, cell: string | undefined, zh: string, en: string): ZgIssue {
  return { code, severity: "warning", sheet, cell, zh, en };
}

/** Cells left out far from the table: names the farthest, so the user can go there. */
export function farNotice(sheet: string, table: Block, others: Block[]): ZgIssue {
  const far = others[others.length - 1];
  const cell = a1(far.bottom, far.right);
  return notice(
    "far-cells",
    sheet,
    cell,
    `工作表“${sheet}”在表格 ${blockAddress(table)} 之外、远处的 ${cell} 等处还有内容（共 ${others.length} 处），已略过；如需一并读取，请在“区域”中填写`,
    `Sheet ${sheet} has content away from the table ${blockAddress(table)}, as far as ${cell} (${others.length} place${others.length > 1 ? "s" : ""}); it was left out — type a range to include it`,
  );
}

/**
 * What a selection reads (the Excel adapter, its twin and the WPS adapter alike): of several areas the one holding
 * the active cell, with a notice; one selected cell means the table around it, the sheet's used block; a larger
 * selection is clipped to the used block, so selecting whole columns never reads a million empty rows.
 */
export function selectionBlock(sheet: string, areas: readonly Block[], anchor: { row: number; col: number }, used: Block): { block: Block; notices: ZgIssue[] } {
  const sel = areas.find((a) => anchor.row >= a.top && anchor.row <= a.bottom && anchor.col >= a.left && anchor.col <= a.right) ?? areas[0] ?? { top: anchor.row, left: anchor.col, bottom: anchor.row, right: anchor.col };
  const notices = areas.length > 1 ? [severalRangesNotice(sheet, areas.length, sel, anchor)] : [];
  const clipped = { top: Math.max(sel.top, used.top), left: Math.max(sel.left, used.left), bottom: Math.min(sel.bottom, used.bottom), right: Math.min(sel.right, used.right) };
  const single = sel.top === sel.bottom && sel.left === sel.right;
  const block = single || clipped.top > clipped.bottom || clipped.left > clipped.right ? used : clipped;
  return { block, notices };
}

/** Several ranges selected: only the one with the active cell is read. */
export function severalRangesNotice(sheet: string, count: number, chosen: Block, active: { row: number; col: number }): ZgIssue {
  const at = a1(active.row, active.col);
  return notice(
    "several-ranges",
    sheet,
    blockAddress(chosen),
    `选中了 ${count} 个区域，只读取活动单元格 ${at} 所在的区域 ${blockAddress(chosen)}`,
    `${count} ranges are selected; only ${blockAddress(chosen)}, where the active cell ${at} is, was read`,
  );
}

/** Far too many scattered blocks to find a table in (or Excel would not list them: count null). */
export function tooScattered(sheet: string, far: string, count: number | null): OpError {
  const blocks = count === null ? { zh: "", en: "" } : { zh: `，其中有 ${count} 块零散的内容`, en: `, in ${count} scattered blocks` };
  return new OpError(
    {
      zh: `工作表“${sheet}”的已用区域一直延伸到 ${far}${blocks.zh}，无法找出表格；请在“区域”中填写表格所在的区域（如 A1:N30）`,
      en: `Sheet ${sheet} is used as far as ${far}${blocks.en}; the table cannot be found — type its range (e.g. A1:N30)`,
    },
    "too-scattered",
    sheet,
    far,
  );
}

/** The table itself is bigger than a read may be. */
export function tooLarge(sheet: string, block: Block): OpError {
  return new OpError(
    {
      zh: `工作表“${sheet}”的表格 ${blockAddress(block)} 超过 ${LIMITS.maxCellsRead} 个单元格，请在“区域”中只填写要校核的部分`,
      en: `The table ${blockAddress(block)} on sheet ${sheet} has more than ${LIMITS.maxCellsRead} cells; type just the part to check`,
    },
    "too-large",
    sheet,
    blockAddress(block),
  );
}
