/**
 * A sparse sheet → the engine's SheetData: the table's own area as a dense grid, found by the task pane's rule
 * (region.ts): the used area (of values, with the merged areas when that stays within LIMITS.maxCellsRead) when it
 * is within the cap, else the block of cells around the largest cluster, the far cells left out with a warning
 * naming the farthest. Merged areas are clipped to what is read,
 * so a merge down to XFD1048576 costs no more than the table.
 */
import { a1, blockAddress, type Block } from "../core/address";
import { FILE_LIMITS, LIMITS } from "../core/limits";
import type { CellValue, ReadIssueCode, SheetData, ZgIssue } from "../core/types";
import { excerpt, tooBig } from "./errors";
import type { SparseSheet } from "./read";
import { areaCollector, cellsOf, locateTable } from "./region";
import { clipMerges, textCutNotice } from "./bounds";

/** A sheet as read, with the warnings of the read (far cells left out, text cut), each naming sheet and cell. */
export interface ReadSheet extends SheetData {
  notices: ZgIssue[];
  /** The sheet's conditional formats with formula rules, where it has any (ZG's marks are among them). */
  conditionalFormats?: { sqref: string; formulas: string[] }[];
  /** The custom sheet properties asked for that the sheet has (ReadOptions.properties). */
  properties?: Record<string, string>;
}

const warning = (code: ReadIssueCode, sheet: string, cell: string | undefined, zh: string, en: string): ZgIssue => ({ code, severity: "warning", sheet, cell, zh, en });

/** Rectangles of the cells that have a value (the cells are in row-major order). */
function valuedAreas(s: SparseSheet): Block[] {
  const areas = areaCollector();
  let row = -1;
  let cols: number[] = [];
  for (let i = 0; i < s.rows.length; i++) {
    if (s.values[i] === null || s.values[i] === undefined) continue;
    if (s.rows[i] !== row) {
      if (cols.length) areas.row(row, cols);
      row = s.rows[i];
      cols = [];
    }
    cols.push(s.cols[i]);
  }
  if (cols.length) areas.row(row, cols);
  return areas.done();
}

/** `budget`: cells the grid may still take of the workbook's FILE_LIMITS.maxCellsLaidOut (the caller counts). */
export function toSheetData(s: SparseSheet, budget: number = FILE_LIMITS.maxCellsLaidOut): ReadSheet {
  const name = s.name;
  const shown = excerpt(name);
  const notices: ZgIssue[] = [];
  let box: Block | null = null;
  for (let i = 0; i < s.rows.length; i++) {
    if (s.values[i] === null || s.values[i] === undefined) continue;
    const r = s.rows[i];
    const c = s.cols[i];
    if (!box) box = { top: r, left: c, bottom: r, right: c };
    else {
      if (r < box.top) box.top = r;
      if (r > box.bottom) box.bottom = r;
      if (c < box.left) box.left = c;
      if (c > box.right) box.right = c;
    }
  }
  if (s.cut.count > 0 && s.cut.first) notices.push(textCutNotice(name, s.cut.first, s.cut.count));
  if (!box) return { name, cells: [], merges: [], origin: { row: 0, col: 0 }, notices };

  // The used area takes in the merged areas that overlap the values (a merged title wider than them), as long as
  // that stays within the cap; a merge down to XFD1048576 is not a reason to look for the table, only clipped, and a
  // merge away from every value (an empty one at SF1000) widens nothing: merges alone never stretch what is read.
  let withMerges = box;
  const values = box;
  for (const m of s.merges)
    if (m.top <= values.bottom && m.bottom >= values.top && m.left <= values.right && m.right >= values.left)
      withMerges = { top: Math.min(withMerges.top, m.top), left: Math.min(withMerges.left, m.left), bottom: Math.max(withMerges.bottom, m.bottom), right: Math.max(withMerges.right, m.right) };
  let block = cellsOf(withMerges) <= LIMITS.maxCellsRead ? withMerges : box;
  if (cellsOf(box) > LIMITS.maxCellsRead) {
    const far = a1(box.bottom, box.right);
    const areas = valuedAreas(s);
    if (areas.length > LIMITS.maxAreasRead)
      throw tooBig(
        `工作表“${shown}”的内容一直延伸到 ${far}，有 ${areas.length} 块零散的内容，无法找出表格；请删除表格以外的内容`,
        `sheet ${shown} is used as far as ${far}, in ${areas.length} scattered blocks; the table cannot be found — delete what is not part of it`,
        name,
        far,
      );
    const found = locateTable(areas, null);
    if (!found) return { name, cells: [], merges: [], origin: { row: 0, col: 0 }, notices };
    if (cellsOf(found.block) > LIMITS.maxCellsRead)
      throw tooBig(
        `工作表“${shown}”的表格 ${blockAddress(found.block)} 超过 ${LIMITS.maxCellsRead} 个单元格`,
        `the table ${blockAddress(found.block)} on sheet ${shown} has more than ${LIMITS.maxCellsRead} cells`,
        name,
        blockAddress(found.block),
      );
    block = found.block;
    if (found.others.length) {
      const f = found.others[found.others.length - 1];
      const cell = a1(f.bottom, f.right);
      notices.push(
        warning(
          "far-cells",
          name,
          cell,
          `工作表“${shown}”在表格 ${blockAddress(block)} 之外、远处的 ${cell} 等处还有内容（共 ${found.others.length} 处），已略过`,
          `Sheet ${shown} has content away from the table ${blockAddress(block)}, as far as ${cell} (${found.others.length} place${found.others.length > 1 ? "s" : ""}); it was left out`,
        ),
      );
    }
  }
  if (cellsOf(block) > budget)
    throw tooBig(
      `工作簿各工作表的表格区域共超过 ${FILE_LIMITS.maxCellsLaidOut} 个单元格（到工作表“${shown}”的 ${blockAddress(block)} 为止）；请删除不需要的工作表或表格以外的内容`,
      `the tables of the workbook's sheets cover more than ${FILE_LIMITS.maxCellsLaidOut} cells together (up to ${blockAddress(block)} on sheet ${shown}); delete the sheets not needed or what lies outside the tables`,
      name,
      blockAddress(block),
    );
  return { ...dense(s, block), notices };
}

/** The block as a dense grid: values, number formats (where any), merges clipped to it, covered cells empty. */
function dense(s: SparseSheet, b: Block): SheetData {
  const height = b.bottom - b.top + 1;
  const width = b.right - b.left + 1;
  const cells: CellValue[][] = Array.from({ length: height }, () => new Array<CellValue>(width).fill(null));
  let formats: (string | null)[][] | null = null;
  for (let i = 0; i < s.rows.length; i++) {
    const r = s.rows[i] - b.top;
    const c = s.cols[i] - b.left;
    if (r < 0 || r >= height || c < 0 || c >= width) continue;
    cells[r][c] = s.values[i] ?? null;
    const f = s.formatOf[s.styles[i]] ?? null;
    if (f) (formats ??= Array.from({ length: height }, () => new Array<string | null>(width).fill(null)))[r][c] = f;
  }
  const merges = clipMerges(s.merges, b);
  // Top-left corners of the areas that start inside the block (a clipped area's cells are all covered).
  const corners = new Set<number>();
  for (const m of s.merges) if (m.top >= b.top && m.top <= b.bottom && m.left >= b.left && m.left <= b.right) corners.add((m.top - b.top) * width + (m.left - b.left));
  if (merges.length) {
    // Inside a merged area only its top-left cell holds a value (Excel shows nothing else): a 2-D difference array
    // marks the covered cells in one pass over the block, whatever the areas' sizes or number.
    const w = width + 1;
    const diff = new Int32Array((height + 1) * w);
    for (const m of merges) {
      diff[m.top * w + m.left]++;
      diff[m.top * w + m.right + 1]--;
      diff[(m.bottom + 1) * w + m.left]--;
      diff[(m.bottom + 1) * w + m.right + 1]++;
    }
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) {
        const i = r * w + c;
        if (c > 0) diff[i] += diff[i - 1];
        if (r > 0) diff[i] += diff[i - w];
        if (r > 0 && c > 0) diff[i] -= diff[i - w - 1];
        if (diff[i] > 0 && !corners.has(r * width + c)) {
          cells[r][c] = null;
          if (formats) formats[r][c] = null;
        }
      }
    }
  }
  const sheet: SheetData = { name: s.name, cells, merges, origin: { row: b.top, col: b.left } };
  if (formats) sheet.numberFormats = formats;
  return sheet;
}
