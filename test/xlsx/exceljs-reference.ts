/**
 * The ExcelJS-based reader that src/xlsx replaced, kept verbatim as the reference the new reader is compared with
 * (test/xlsx/read.test.ts): what a cell becomes for the engine must not have changed.
 */
import ExcelJS from "exceljs";
import { columnIndex } from "../../src/core/address";
import type { CellValue, Merge, SheetData } from "../../src/core/types";

/** Reads a workbook file with ExcelJS, as zg did before src/xlsx. */
export async function readWithExcelJS(file: string): Promise<SheetData[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbookToSheets(workbook);
}

/** Every worksheet of an opened workbook, in tab order. */
export function workbookToSheets(workbook: ExcelJS.Workbook): SheetData[] {
  const sheets: SheetData[] = [];
  workbook.eachSheet((ws) => sheets.push(worksheetToSheet(ws)));
  return sheets;
}

/**
 * One worksheet as its used range: cells (a merged area keeps its value in its top-left cell only),
 * merges and number formats in grid coordinates, and the origin of the grid on the sheet.
 */
export function worksheetToSheet(ws: ExcelJS.Worksheet): SheetData {
  const mergeRanges = mergedRanges(ws);
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const grow = (r: number, c: number) => {
    top = Math.min(top, r);
    left = Math.min(left, c);
    bottom = Math.max(bottom, r);
    right = Math.max(right, c);
  };
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      if (cellValue(cell) !== null) grow(r - 1, c - 1);
    });
  });
  for (const m of mergeRanges) {
    grow(m.top, m.left);
    grow(m.bottom, m.right);
  }
  if (bottom < 0) return { name: ws.name, cells: [], merges: [], origin: { row: 0, col: 0 } };

  const cells: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  let anyFormat = false;
  for (let r = top; r <= bottom; r++) {
    const rowCells: CellValue[] = [];
    const rowFormats: (string | null)[] = [];
    const row = ws.getRow(r + 1);
    for (let c = left; c <= right; c++) {
      const cell = row.getCell(c + 1);
      const isSlave = cell.type === ExcelJS.ValueType.Merge;
      rowCells.push(isSlave ? null : cellValue(cell));
      const fmt = isSlave ? null : cell.numFmt;
      if (fmt && fmt !== "General") {
        rowFormats.push(fmt);
        anyFormat = true;
      } else {
        rowFormats.push(null);
      }
    }
    cells.push(rowCells);
    formats.push(rowFormats);
  }
  const merges: Merge[] = mergeRanges.map((m) => ({
    top: m.top - top,
    left: m.left - left,
    bottom: m.bottom - top,
    right: m.right - left,
  }));
  const sheet: SheetData = { name: ws.name, cells, merges, origin: { row: top, col: left } };
  if (anyFormat) sheet.numberFormats = formats;
  return sheet;
}

/** Merged areas of a worksheet, 0-based inclusive sheet coordinates. */
function mergedRanges(ws: ExcelJS.Worksheet): Merge[] {
  const ranges: string[] = (ws.model as unknown as { merges?: string[] }).merges ?? [];
  const out: Merge[] = [];
  for (const range of ranges) {
    const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(range);
    if (!m) continue;
    out.push({
      top: Number(m[2]) - 1,
      left: columnIndex(m[1]),
      bottom: Number(m[4]) - 1,
      right: columnIndex(m[3]),
    });
  }
  return out;
}

/**
 * One cell's value as the engine sees it: the cached result of a formula, the plain text of rich text
 * and hyperlinks (line breaks kept; the engine ignores them), error values as { error }, dates as ISO text.
 */
export function cellValue(cell: ExcelJS.Cell): CellValue {
  return plain(cell.value);
}

function plain(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") return v === "" ? null : v;
  if (typeof v === "boolean") return v;
  if (v instanceof Date) return isoDate(v);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.error === "string") return { error: o.error };
    if (Array.isArray(o.richText)) {
      const text = (o.richText as { text?: string }[]).map((run) => run.text ?? "").join("");
      return text === "" ? null : text;
    }
    if ("formula" in o || "sharedFormula" in o) {
      // A formula without a cached result (a file never opened in Excel) reads as empty.
      return plain(o.result);
    }
    if ("hyperlink" in o || "text" in o) return plain(o.text);
  }
  return String(v);
}

function isoDate(d: Date): string {
  // ExcelJS gives dates as UTC midnight of the shown day; keep the time only when there is one.
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace(".000Z", "Z");
}
