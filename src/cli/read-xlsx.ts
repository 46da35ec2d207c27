/**
 * Workbook → SheetData[]: the one place .xlsx cells become the engine's plain values.
 * Importable by the benchmark as well as the command line (no console output, no process exit).
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { columnIndex } from "../core/address";
import type { CellValue, Merge, SheetData } from "../core/types";
import { inputError } from "./errors";

/** Reads a workbook file. Throws CliError (exit status 2) for a missing, unreadable or non-.xlsx file. */
export async function readWorkbookFile(file: string): Promise<SheetData[]> {
  const shown = path.basename(file);
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw inputError({ zh: "找不到该文件", en: "no such file" }, { file: shown });
    }
    if (code === "EISDIR") {
      throw inputError({ zh: "这是一个文件夹，不是 .xlsx 文件", en: "is a folder, not an .xlsx file" }, { file: shown });
    }
    throw inputError({ zh: `无法读取该文件（${code ?? "?"}）`, en: `cannot read the file (${code ?? "?"})` }, { file: shown });
  }
  return readWorkbookBuffer(data, shown);
}

/** Reads a workbook held in memory; `shown` names it in messages. */
export async function readWorkbookBuffer(data: Buffer, shown: string): Promise<SheetData[]> {
  // An .xlsx is a zip archive: anything else (an old .xls, a CSV, a renamed text file) is refused up front.
  if (data.length < 4 || data.readUInt32LE(0) !== 0x04034b50) {
    throw inputError(
      {
        zh: "不是 .xlsx 工作簿（请在 Excel 或 WPS 中另存为 .xlsx 格式）",
        en: "is not an .xlsx workbook (save it as .xlsx in Excel or WPS first)",
      },
      { file: shown },
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw inputError(
      {
        zh: `无法打开该工作簿，文件可能已损坏（${(e as Error).message}）`,
        en: `cannot open the workbook; the file may be damaged (${(e as Error).message})`,
      },
      { file: shown },
    );
  }
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
