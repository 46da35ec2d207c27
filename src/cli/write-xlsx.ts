/**
 * Writing .xlsx files: the shared sheet styling, safe saving (never over an existing file without
 * --force, never over the input), and one TemplateSheet → worksheet writer for the templates.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { FILE_LIMITS, LIMITS } from "../core/limits";
import type { CellValue, Msg, ZgIssue } from "../core/types";
import type { TemplateSheet, Validation } from "../core/templates";
import { bilingual } from "../core/messages";
import { decimalFromNumber, decimalToString, shiftDecimal } from "../core/decimal";
import { CliError, inputError } from "./errors";

export const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
export const SHORT_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
export const GOOD_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFC6EFCE" } };
export const NOTE_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
export const SHORT_FONT: Partial<ExcelJS.Font> = { color: { argb: "FF9C0006" } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: "FFBFBFBF" } },
  left: { style: "thin", color: { argb: "FFBFBFBF" } },
  bottom: { style: "thin", color: { argb: "FFBFBFBF" } },
  right: { style: "thin", color: { argb: "FFBFBFBF" } },
};

/** Number formats used in result workbooks. */
export const FMT = {
  score: "0.00",
  rate: "0.00%",
  integer: "#,##0",
  decimal: "#,##0.00##",
} as const;

/** Digits after the decimal point of a number's exact decimal (Excel's shortest form): 1299.99 → 2, 0.105 → 3. */
function decimalsOf(x: number, shift = 0): number {
  const s = decimalToString(shiftDecimal(decimalFromNumber(x), shift));
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** Beyond this many decimals a fixed format is unreadable: Excel's General (which never shows a nonzero as 0). */
const MAX_FIXED_DECIMALS = 15;

/**
 * The format that shows every value of a row at its exact precision, so that a shortfall is never displayed as no
 * gap (1300台 against 1299.99台 shows 1,300.00 | 1,299.99 | -0.01, not 1,300 | 1,300 | 0): rates as percentages with
 * one decimal at least (10.5% is not 11%), other figures with separators and `suffix` (the written unit, 亿元) as text.
 */
export function formatFor(values: number | null | readonly (number | null)[], unit: string | null, suffix = ""): string {
  const list = (Array.isArray(values) ? values : [values]) as (number | null)[];
  const rate = unit === "%";
  const d = Math.max(rate ? 1 : 0, ...list.filter((x): x is number => x !== null && Number.isFinite(x)).map((x) => decimalsOf(x, rate ? 2 : 0)));
  const text = suffix ? `"${suffix.replace(/"/g, "")}"` : "";
  if (d > MAX_FIXED_DECIMALS) return `General${text}`;
  const fixed = d === 0 ? "0" : `0.${"0".repeat(d)}`;
  return rate ? `${fixed}%` : `#,##${fixed}${text}`;
}

export interface ColumnSpec {
  header: string;
  width: number;
  numFmt?: string;
  wrap?: boolean;
}

/**
 * A result sheet: an optional title row, a bold filled header row, frozen panes and a filter.
 * Returns the row number of the header so callers know where data starts.
 */
export function addTableSheet(
  wb: ExcelJS.Workbook,
  name: string,
  columns: ColumnSpec[],
  title?: string,
): { ws: ExcelJS.Worksheet; headerRow: number } {
  const ws = wb.addWorksheet(name);
  let headerRow = 1;
  if (title) {
    ws.getCell(1, 1).value = fit(title);
    ws.getCell(1, 1).font = { bold: true, size: 13 };
    ws.mergeCells(1, 1, 1, columns.length);
    headerRow = 2;
  }
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    const cell = ws.getCell(headerRow, i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  });
  ws.getRow(headerRow).height = 30;
  ws.views = [{ state: "frozen", ySplit: headerRow, xSplit: 0 }];
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: columns.length } };
  return { ws, headerRow };
}

/** Fills one data row, applying each column's number format, wrap and a thin border. */
export function putRow(ws: ExcelJS.Worksheet, rowNumber: number, columns: ColumnSpec[], values: ExcelJS.CellValue[]): ExcelJS.Row {
  const row = ws.getRow(rowNumber);
  values.forEach((v, i) => {
    const cell = row.getCell(i + 1);
    cell.value = fit(v);
    const spec = columns[i];
    if (spec?.numFmt) cell.numFmt = spec.numFmt;
    cell.border = THIN;
    cell.alignment = { vertical: "top", wrapText: spec?.wrap ?? false };
  });
  return row;
}

/** Colours a whole row's cells (a shortfall in red, a selection in green). */
export function fillRow(row: ExcelJS.Row, count: number, fill: ExcelJS.Fill, font?: Partial<ExcelJS.Font>): void {
  for (let c = 1; c <= count; c++) {
    const cell = row.getCell(c);
    cell.fill = fill;
    if (font) cell.font = font;
  }
}

/** A two-column sheet of labelled lines (options, rules, notes), header bold, long text wrapped. */
export function addNotesSheet(wb: ExcelJS.Workbook, name: string, rows: [string, string | number, string?][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.getColumn(1).width = 26;
  ws.getColumn(2).width = 60;
  ws.getColumn(3).width = 70;
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 1);
    r.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = fit(v ?? null);
      cell.alignment = { vertical: "top", wrapText: true };
    });
    if (r[1] === "" && (r[2] === undefined || r[2] === "")) {
      row.getCell(1).font = { bold: true };
      row.getCell(1).fill = HEADER_FILL;
    }
  });
  return ws;
}

/** A formula cell with its cached result, so a reader that does not recalculate still sees the value. */
export function formula(text: string, result: number | string | boolean): ExcelJS.CellFormulaValue {
  return { formula: text, result } as ExcelJS.CellFormulaValue;
}

/** Bilingual text for one cell: Chinese, then English on its own line. */
export function both(m: Msg): string {
  return m.zh === m.en ? m.zh : `${m.zh}\n${m.en}`;
}

/**
 * Saves a new workbook without ever losing a file:
 *  - the input is refused as the output, even with --force (the input is never modified);
 *  - a folder is said to be one; an existing file is kept unless --force;
 *  - the bytes go to a temporary file beside the target, created exclusively under a random name
 *    (O_CREAT|O_EXCL|O_NOFOLLOW: a planted file or symbolic link there makes the open fail, never followed),
 *    written and flushed to disk (fsync) before it is published;
 *  - publishing without --force is a hard link, which fails if the target exists — atomic, so a file that
 *    appeared meanwhile (another process, a race) is kept and reported; with --force a rename replaces it;
 *  - Ctrl-C or SIGTERM while writing removes the temporary file.
 */
export async function saveWorkbook(
  wb: ExcelJS.Workbook,
  out: string,
  options: { force: boolean; inputs?: string[] },
): Promise<void> {
  const target = path.resolve(out);
  const shown = out;
  for (const input of options.inputs ?? []) {
    if (sameFile(path.resolve(input), target)) {
      throw inputError(
        { zh: "输出文件不能是输入文件本身（输入文件从不被修改）", en: "the output cannot be the input file itself (the input is never modified)" },
        { file: shown },
      );
    }
  }
  const existing = lstat(target);
  if (existing && (existing.isDirectory() || (existing.isSymbolicLink() && stat(target)?.isDirectory()))) {
    throw inputError({ zh: "输出位置是一个文件夹，不是文件；请给出 .xlsx 文件名", en: "the output is a folder, not a file; give an .xlsx file name" }, { file: shown });
  }
  if (!/\.xlsx$/i.test(target)) {
    throw inputError({ zh: "输出文件名应以 .xlsx 结尾", en: "the output file name must end in .xlsx" }, { file: shown });
  }
  if (existing && !options.force) throw exists(shown);
  if (existing && !existing.isFile() && !existing.isSymbolicLink()) {
    throw inputError({ zh: "输出位置不是普通文件（是设备、管道或套接字），未替换", en: "the output is not a regular file (a device, pipe or socket); not replaced" }, { file: shown });
  }
  const dir = path.dirname(target);
  if (!stat(dir)?.isDirectory()) {
    throw inputError({ zh: "输出文件夹不存在", en: "the output folder does not exist" }, { file: shown });
  }

  // The handlers go in before the temporary file exists, so no moment has a temp file and the default (killing) action.
  let temp: { fd: number; tmp: string } | null = null;
  let open = false;
  const cleanUp = () => {
    if (!temp) return;
    if (open) {
      open = false;
      try {
        fs.closeSync(temp.fd);
      } catch {
        // already closed
      }
    }
    fs.rmSync(temp.tmp, { force: true });
  };
  // Interrupted while writing: the temporary file goes, then the conventional status (128 + signal number).
  const onSignal = (signal: NodeJS.Signals) => {
    cleanUp();
    process.exit(128 + (os.constants.signals[signal] ?? 1));
  };
  const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
  for (const sig of signals) process.on(sig, onSignal);
  try {
    temp = createTemp(dir, path.basename(target), shown);
    open = true;
    const { fd, tmp } = temp;
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    for (let done = 0; done < data.length; ) done += fs.writeSync(fd, data, done, data.length - done);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    open = false;
    if (options.force) fs.renameSync(tmp, target);
    else publishNew(tmp, target, shown);
    fs.rmSync(tmp, { force: true });
    syncFolder(dir);
  } catch (e) {
    cleanUp();
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException)?.code;
    throw inputError(
      { zh: `无法写入输出文件（${code ?? (e as Error)?.message ?? String(e)}）`, en: `cannot write the output file (${code ?? (e as Error)?.message ?? String(e)})` },
      { file: shown },
    );
  } finally {
    for (const sig of signals) process.removeListener(sig, onSignal);
  }
}

const exists = (shown: string) =>
  inputError({ zh: "输出文件已存在，未覆盖；如需替换请加 --force", en: "the output file already exists and was not replaced; add --force to replace it" }, { file: shown });

function lstat(p: string): fs.Stats | null {
  try {
    return fs.lstatSync(p);
  } catch {
    return null;
  }
}

function stat(p: string): fs.Stats | null {
  try {
    return fs.statSync(p);
  } catch {
    return null;
  }
}

/** `.NAME.RANDOM.tmp` beside the target, created exclusively: never an existing file, never through a link. */
function createTemp(dir: string, base: string, shown: string): { fd: number; tmp: string } {
  const flags = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0);
  for (let attempt = 0; ; attempt++) {
    const tmp = path.join(dir, `.${base}.${crypto.randomBytes(8).toString("hex")}.tmp`);
    try {
      return { fd: fs.openSync(tmp, flags, 0o644), tmp };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EEXIST" && attempt < 5) continue;
      throw inputError({ zh: `无法在输出文件夹中创建文件（${code ?? "?"}）`, en: `cannot create a file in the output folder (${code ?? "?"})` }, { file: shown });
    }
  }
}

/** Publishes the finished temporary file under the target's name only if no file has that name (atomically). */
function publishNew(tmp: string, target: string, shown: string): void {
  try {
    fs.linkSync(tmp, target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") {
      throw inputError(
        { zh: "输出文件在写入期间被创建，未覆盖；如需替换请加 --force", en: "the output file appeared while it was being written and was not replaced; add --force to replace it" },
        { file: shown },
      );
    }
    // A file system without hard links (FAT, some network shares): an exclusive copy is just as safe, if slower.
    if (code === "EPERM" || code === "ENOTSUP" || code === "EOPNOTSUPP" || code === "ENOSYS") {
      try {
        fs.copyFileSync(tmp, target, fs.constants.COPYFILE_EXCL);
      } catch (e2) {
        if ((e2 as NodeJS.ErrnoException).code === "EEXIST") throw exists(shown);
        throw e2;
      }
      return;
    }
    throw e;
  }
}

/** The new directory entry on disk too (best effort: not every platform can open a folder). */
function syncFolder(dir: string): void {
  try {
    const fd = fs.openSync(dir, fs.constants.O_RDONLY);
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Windows cannot fsync a folder; the file itself is already flushed.
  }
}

function sameFile(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    if (fs.realpathSync(a) === fs.realpathSync(b)) return true;
    // A hard link to the input is the input too.
    const x = fs.statSync(a);
    const y = fs.statSync(b);
    return x.ino === y.ino && x.dev === y.dev;
  } catch {
    return false;
  }
}

/**
 * Refuses an --out workbook of more than FILE_LIMITS.maxCellsWritten cells, before anything is built: `cells` is
 * what it would hold, `what` says of what (both languages).
 */
export function checkOutSize(cells: number, what: Msg): void {
  if (cells <= FILE_LIMITS.maxCellsWritten) return;
  throw inputError(
    {
      zh: `--out 要写出约 ${cells} 个单元格（${what.zh}），超过上限 ${FILE_LIMITS.maxCellsWritten} 个，未写出；不加 --out 可照常查看结果，或用 --json 取得全部结果`,
      en: `--out would write about ${cells} cells (${what.en}), more than the limit of ${FILE_LIMITS.maxCellsWritten}; nothing was written. Without --out the results show as usual, and --json gives them all`,
    },
    {},
  );
}

/**
 * Text as a cell can hold it: characters XML 1.0 cannot carry (C0 controls, U+FFFE, U+FFFF) written as Excel
 * escapes them (_xHHHH_, ECMA-376 Part 1, 22.9.2.19; a literal "_xHHHH_" guarded as _x005F_xHHHH_), a half of a
 * surrogate pair as U+FFFD — ExcelJS drops the controls and passes the rest, and a workbook holding U+FFFE is not
 * XML any reader accepts — then cut to 32 767 characters (Excel's limit), the cut marked. Other values as they are.
 */
export function fit<T>(v: T): T {
  if (typeof v !== "string") return v;
  const safe = v
    .replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_")
    // eslint-disable-next-line no-control-regex -- the controls are what is escaped
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`)
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
  if (safe.length <= LIMITS.maxCellText) return safe as T;
  return `${safe.slice(0, LIMITS.maxCellText - 1)}…` as T;
}

// ─── templates ──────────────────────────────────────────────────────────────────────────────

/** One TemplateSheet (templates.ts) as a worksheet: values, merges, widths, heights, styles, validations, formats. */
export function writeTemplateSheet(wb: ExcelJS.Workbook, t: TemplateSheet): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(t.name);
  // ExcelJS omits a column of width exactly 9 (its idea of the default), which Excel shows at 8.43.
  t.columnWidths.forEach((w, c) => (ws.getColumn(c + 1).width = w === 9 ? 9.0001 : w));
  const styles = t.styles;
  const inTable = (r: number, c: number) =>
    styles?.table !== undefined && r >= styles.table.top && r <= styles.table.bottom && c >= styles.table.left && c <= styles.table.right;
  const width = Math.max(t.columnWidths.length, ...t.cells.map((row) => row.length));
  t.cells.forEach((rowValues, r) => {
    const row = ws.getRow(r + 1);
    const height = t.rowHeights?.[r];
    if (height !== null && height !== undefined) row.height = height;
    const isTitle = styles?.titleRows.includes(r) ?? false;
    const isHeader = styles?.headerRows.includes(r) ?? false;
    const isNote = styles?.noteRows.includes(r) ?? false;
    for (let c = 0; c < width; c++) {
      const cell = row.getCell(c + 1);
      // The format goes first, so a text format keeps '10%' as the text the official typed.
      const fmt = t.numberFormats?.[r]?.[c];
      if (fmt) cell.numFmt = fmt;
      const v = rowValues[c];
      if (v !== null && v !== undefined) cell.value = fit(toExcel(v));
      const wrap = styles?.wrapText ?? false;
      if (isTitle) {
        cell.font = { bold: true, size: 14 };
        cell.alignment = { horizontal: "center", vertical: "middle", wrapText: wrap };
      } else if (isHeader) {
        cell.font = { bold: true };
        cell.fill = HEADER_FILL;
        cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      } else if (isNote) {
        cell.font = { size: 9, color: { argb: "FF595959" } };
        cell.alignment = { horizontal: "left", vertical: "top", wrapText: true };
      } else if (wrap || inTable(r, c)) {
        cell.alignment = { vertical: "middle", wrapText: wrap };
      }
      if (inTable(r, c) && !isNote) cell.border = THIN;
    }
  });
  // Our own check formulas (templates.ts builds them; never from a cell's text).
  for (const f of t.formulas ?? []) ws.getRow(f.row + 1).getCell(f.col + 1).value = { formula: f.formula.slice(1) } as ExcelJS.CellFormulaValue;
  for (const m of t.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  // ExcelJS has worksheet.dataValidations but its type declarations omit it.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of t.validations) validations.add(v.range, validationModel(v));
  if (t.freeze && (t.freeze.rows > 0 || t.freeze.columns > 0)) {
    ws.views = [{ state: "frozen", ySplit: t.freeze.rows, xSplit: t.freeze.columns }];
  }
  return ws;
}

/** A workbook of template sheets. */
export function templateWorkbook(sheets: TemplateSheet[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "zg";
  for (const s of sheets) writeTemplateSheet(wb, s);
  return wb;
}

function toExcel(v: CellValue): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "object") return { error: v.error } as ExcelJS.CellErrorValue;
  return v;
}

function validationModel(v: Validation): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: clip(bilingual(v.title), 32),
    prompt: clip(bilingual(v.prompt), 255),
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: clip(bilingual(v.title), 32),
    error: clip(bilingual(v.error), 255),
  } as const;
  if (v.type === "whole") {
    return { ...common, type: "whole", operator: "between", formulae: [v.min, v.max] };
  }
  // Excel caps an inline list at 255 characters: use the range that holds the values where there is one.
  const inline = `"${v.values.join(",")}"`;
  const formulae = [v.source ?? inline];
  return { ...common, type: "list", formulae };
}

/** Excel refuses a validation whose title or message is too long: cut it (keeping the Chinese, which comes first). */
function clip(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max - 1) + "…";
}

/** The 提示 sheet of a results workbook: every warning and error with its sheet and cell, in both languages. */
export function addIssuesSheet(wb: ExcelJS.Workbook, issues: ZgIssue[]): void {
  const cols: ColumnSpec[] = [
    { header: "级别\nSeverity", width: 10 },
    { header: "工作表\nSheet", width: 16 },
    { header: "单元格\nCell", width: 9 },
    { header: "说明\nMessage (zh)", width: 60, wrap: true },
    { header: "Message (en)", width: 60, wrap: true },
  ];
  const { ws, headerRow } = addTableSheet(wb, "提示", cols);
  if (issues.length === 0) {
    putRow(ws, headerRow + 1, cols, ["", "", "", "没有提示", "No warnings"]);
    return;
  }
  issues.forEach((i, k) =>
    putRow(ws, headerRow + 1 + k, cols, [i.severity === "error" ? "错误" : "提示", i.sheet ?? "", i.cell ?? "", i.zh, i.en]),
  );
}
