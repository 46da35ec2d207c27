/**
 * ExcelOps over Office.js: the ONLY module of the add-in that calls the Excel API.
 *
 * Each operation reads in one batch and writes in one batch, so the number of context.sync() calls
 * does not grow with the table (at most 3 for anything under Excel on the web's 5 MB request limit;
 * larger ranges are split into row blocks under it). Values are written as one 2-D array with
 * calculation and screen updating suspended.
 *
 * What is ours is recorded on the sheets themselves, in worksheet custom properties:
 *   "ZG"       on the sheets we wrote (report / score / template), so they are recognised later;
 *   "ZG.marks" on any sheet we marked: the ids of the conditional formats we added there, so
 *              clearMarks() removes exactly those and never the user's own formats or fills.
 */
import type { CellValue, Merge, SheetData } from "../core/types";
import { compactAddresses, parseBlock, splitAddress } from "./address";
import {
  type Block,
  type ExcelOps,
  freeSheetName,
  MARK_COLORS,
  type MarkKind,
  type MarkRequest,
  type OfficeTheme,
  OpError,
  type OwnedKind,
  type SelectionRequest,
  type SheetContent,
  type SheetInfo,
  type WriteOptions,
  type WriteResult,
} from "./ops";

/** The custom-property key that marks a sheet as ours, and the one listing our marks on a sheet. */
export const OWNER_KEY = "ZG";
export const MARKS_KEY = "ZG.marks";

/**
 * Cells per request. Excel on the web refuses payloads over 5 MB; a cell with its value and number
 * format costs well under 100 bytes in the request, so 40 000 cells stay far below the limit.
 */
/**
 * The Excel API the task pane needs: worksheet custom properties (1.12) mark our sheets and marks, merged
 * areas (1.13) let the table finder read two-row headers. The custom functions need none of it, so the
 * manifest does not demand it (older Excel keeps =ZG.…); the pane checks and says so instead.
 */
export const REQUIRED_EXCEL_API = "1.13";

/** Whether this Excel offers what the task pane needs (false outside Office, e.g. in a plain page). */
export function supportsTaskPane(): boolean {
  try {
    return Office.context.requirements.isSetSupported("ExcelApi", REQUIRED_EXCEL_API);
  } catch {
    return false;
  }
}

export const MAX_CELLS_PER_BATCH = 40_000;
/** Areas per conditional format (a RangeAreas address must stay short). */
const AREAS_PER_MARK = 200;

type Runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeOpsOptions {
  /** Excel.run, injectable so tests can hand in office-addin-mock's context. */
  run?: Runner;
  /** Office.context, for the display language and theme. */
  officeContext?: { displayLanguage?: string; officeTheme?: { bodyBackgroundColor?: string } };
}

/** The ids of the conditional formats we added on one sheet, by mark kind. */
interface MarkRegistry {
  ids: string[];
}

function readRegistry(value: unknown): MarkRegistry {
  try {
    const parsed = JSON.parse(String(value)) as MarkRegistry;
    return Array.isArray(parsed.ids) ? parsed : { ids: [] };
  } catch {
    return { ids: [] };
  }
}

/** Row blocks of at most MAX_CELLS_PER_BATCH cells covering `rows` rows of `cols` columns. */
export function rowBlocks(rows: number, cols: number): { start: number; count: number }[] {
  const per = Math.max(1, Math.floor(MAX_CELLS_PER_BATCH / Math.max(1, cols)));
  const out: { start: number; count: number }[] = [];
  for (let start = 0; start < rows; start += per) out.push({ start, count: Math.min(per, rows - start) });
  return out.length ? out : [{ start: 0, count: 0 }];
}

function notFound(name: string): OpError {
  return new OpError({ zh: `找不到工作表“${name}”`, en: `No sheet named ${name}` }, "no-sheet", name);
}

/** Office.js errors carry a code; a missing sheet or a bad address become our bilingual errors. */
function translate(e: unknown, sheet?: string, address?: string): unknown {
  if (e instanceof OpError) return e;
  const code = (e as { code?: string })?.code;
  if (code === "ItemNotFound" && sheet) return notFound(sheet);
  if (code === "InvalidArgument" && address)
    return new OpError({ zh: `“${address}”不是有效的区域地址，请写成 A1:F20 或 表名!A1:F20`, en: `"${address}" is not a range address; write A1:F20 or Sheet!A1:F20` }, "bad-address", sheet);
  const text = (e as Error)?.message ?? String(e);
  return new OpError({ zh: `Excel 操作失败：${text}`, en: `Excel operation failed: ${text}` }, code ?? "excel", sheet);
}

/** Merged areas as returned by getMergedAreasOrNullObject().address, relative to the block read. */
function mergesIn(address: string | undefined, origin: { row: number; col: number }): Merge[] {
  if (!address) return [];
  return address
    .split(",")
    .map((a) => parseBlock(splitAddress(a).local))
    .filter((b): b is Block => b !== null)
    .map((b) => ({ top: b.top - origin.row, left: b.left - origin.col, bottom: b.bottom - origin.row, right: b.right - origin.col }));
}

export class OfficeOps implements ExcelOps {
  readonly host = "excel" as const;
  private readonly run: Runner;
  private readonly office: OfficeOpsOptions["officeContext"];

  constructor(options: OfficeOpsOptions = {}) {
    this.run = options.run ?? ((batch) => Excel.run(batch));
    this.office = options.officeContext ?? (typeof Office !== "undefined" ? Office.context : undefined);
  }

  getDisplayLanguage(): string {
    return this.office?.displayLanguage || "zh-CN";
  }

  getTheme(): OfficeTheme {
    const bg = this.office?.officeTheme?.bodyBackgroundColor;
    const m = bg ? /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(bg) : null;
    if (!m) return "light";
    const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16));
    return 0.299 * r + 0.587 * g + 0.114 * b < 128 ? "dark" : "light";
  }

  /** Reads a block's values, number formats and merges: one sync per block of rows (one for any normal table). */
  private async readBlock(context: Excel.RequestContext, sheet: Excel.Worksheet, sheetName: string, b: Block): Promise<SheetData> {
    const rows = b.bottom - b.top + 1;
    const cols = b.right - b.left + 1;
    const cells: CellValue[][] = [];
    const formats: (string | null)[][] = [];
    const blocks = rowBlocks(rows, cols);
    const merged = sheet.getRangeByIndexes(b.top, b.left, rows, cols).getMergedAreasOrNullObject();
    merged.load("address");
    for (const blk of blocks) {
      const range = sheet.getRangeByIndexes(b.top + blk.start, b.left, blk.count, cols);
      range.load("values,numberFormat");
      await context.sync();
      cells.push(...(range.values as CellValue[][]));
      formats.push(...(range.numberFormat as string[][]));
    }
    const origin = { row: b.top, col: b.left };
    return { name: sheetName, cells, numberFormats: formats, merges: merged.isNullObject ? [] : mergesIn(merged.address, origin), origin };
  }

  async getSelectionSheet(request: SelectionRequest = {}): Promise<SheetData> {
    const { sheet: wantedSheet, local } = request.address ? splitAddress(request.address) : { sheet: undefined, local: "" };
    if (request.address && !parseBlock(local)) throw translate({ code: "InvalidArgument" }, wantedSheet, request.address);
    try {
      return await this.run(async (context) => {
        // Batch 1: where the table is (the selection's sheet and its used region, or the range asked for).
        const ws = wantedSheet ? context.workbook.worksheets.getItem(wantedSheet) : context.workbook.worksheets.getActiveWorksheet();
        ws.load("name");
        let target: Excel.Range;
        if (request.address) {
          target = ws.getRange(local);
        } else {
          const selected = context.workbook.getSelectedRange();
          selected.load("cellCount");
          const used = ws.getUsedRange(true);
          used.load("rowIndex,columnIndex,rowCount,columnCount");
          target = selected;
          target.load("rowIndex,columnIndex,rowCount,columnCount");
          await context.sync();
          const u = { top: used.rowIndex, left: used.columnIndex, bottom: used.rowIndex + used.rowCount - 1, right: used.columnIndex + used.columnCount - 1 };
          const sel = { top: target.rowIndex, left: target.columnIndex, bottom: target.rowIndex + target.rowCount - 1, right: target.columnIndex + target.columnCount - 1 };
          // One selected cell means "the table around it": the sheet's used region. A larger selection is
          // clipped to the used region, so selecting whole columns never reads a million empty rows.
          const clipped = { top: Math.max(sel.top, u.top), left: Math.max(sel.left, u.left), bottom: Math.min(sel.bottom, u.bottom), right: Math.min(sel.right, u.right) };
          const b = selected.cellCount === 1 || clipped.top > clipped.bottom || clipped.left > clipped.right ? u : clipped;
          // Batch 2 (and more only past the request limit): values and formats.
          return this.readBlock(context, ws, ws.name, b);
        }
        target.load("rowIndex,columnIndex,rowCount,columnCount");
        await context.sync();
        const b = { top: target.rowIndex, left: target.columnIndex, bottom: target.rowIndex + target.rowCount - 1, right: target.columnIndex + target.columnCount - 1 };
        return this.readBlock(context, ws, ws.name, b);
      });
    } catch (e) {
      throw translate(e, wantedSheet, request.address);
    }
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const props = sheets.items.map((ws) => {
        const p = ws.customProperties.getItemOrNullObject(OWNER_KEY);
        p.load("value");
        return p;
      });
      await context.sync();
      return sheets.items.map((ws, i) => {
        const p = props[i];
        return p.isNullObject ? { name: ws.name, ours: false } : { name: ws.name, ours: true, kind: p.value as OwnedKind };
      });
    });
  }

  async readSheet(name: string): Promise<SheetData> {
    try {
      return await this.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(name);
        const used = ws.getUsedRangeOrNullObject(true);
        used.load("rowIndex,columnIndex,rowCount,columnCount");
        await context.sync();
        if (used.isNullObject) return { name, cells: [], numberFormats: [], merges: [], origin: { row: 0, col: 0 } };
        return this.readBlock(context, ws, name, { top: used.rowIndex, left: used.columnIndex, bottom: used.rowIndex + used.rowCount - 1, right: used.columnIndex + used.columnCount - 1 });
      });
    } catch (e) {
      throw translate(e, name);
    }
  }

  /** Queues the writes of one sheet's content (values as one 2-D array, then structure). */
  private async queueContent(context: Excel.RequestContext, ws: Excel.Worksheet, content: SheetContent, tableNames: Set<string>): Promise<void> {
    ws.customProperties.add(OWNER_KEY, content.kind);
    const rows = content.cells.length;
    const cols = Math.max(0, ...content.cells.map((r) => r.length));
    if (rows && cols) {
      const grid = content.cells.map((r) => Array.from({ length: cols }, (_, c) => (r[c] === undefined || r[c] === null ? "" : r[c])));
      const formats = content.numberFormats
        ? content.cells.map((_, r) => Array.from({ length: cols }, (_, c) => content.numberFormats?.[r]?.[c] ?? "General"))
        : null;
      const hasFormula = grid.some((r) => r.some((v) => typeof v === "string" && v.startsWith("=")));
      // Blocks beyond the first go out with their own sync (only for very large content).
      for (const [i, blk] of rowBlocks(rows, cols).entries()) {
        if (i > 0) {
          await context.sync();
          context.workbook.application.suspendApiCalculationUntilNextSync();
          context.workbook.application.suspendScreenUpdatingUntilNextSync();
        }
        const range = ws.getRangeByIndexes(blk.start, 0, blk.count, cols);
        if (formats) range.numberFormat = formats.slice(blk.start, blk.start + blk.count);
        const part = grid.slice(blk.start, blk.start + blk.count) as (string | number | boolean)[][];
        if (hasFormula) range.formulas = part;
        else range.values = part;
      }
    }
    for (const m of content.merges ?? []) ws.getRangeByIndexes(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1).merge(false);
    for (const r of content.boldRows ?? []) {
      if (!cols) break;
      const header = ws.getRangeByIndexes(r, 0, 1, cols).format;
      header.font.bold = true;
      header.fill.color = "#DDEBF7";
    }
    for (const r of content.titleRows ?? []) {
      if (!cols) break;
      const title = ws.getRangeByIndexes(r, 0, 1, cols).format;
      title.font.bold = true;
      title.font.size = 14;
    }
    if (content.wrapText && rows && cols) ws.getRangeByIndexes(0, 0, rows, cols).format.wrapText = true;
    (content.rowHeights ?? []).forEach((h, r) => {
      if (h) ws.getRangeByIndexes(r, 0, 1, 1).format.rowHeight = h;
    });
    (content.columnWidths ?? []).forEach((w, c) => {
      // Excel's width unit here is points; ~7 points per character of the default font.
      ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = Math.round(w * 7);
    });
    if (content.freezeRows) ws.freezePanes.freezeRows(content.freezeRows);
    for (const t of content.tables ?? []) {
      let name = t.name;
      for (let i = 2; tableNames.has(name.toLowerCase()); i++) name = `${t.name}_${i}`;
      tableNames.add(name.toLowerCase());
      // A Range rather than an address string: an address without a sheet would name the active sheet.
      const table = ws.tables.add(ws.getRangeByIndexes(t.range.top, t.range.left, t.range.bottom - t.range.top + 1, t.range.right - t.range.left + 1), true);
      table.name = name;
    }
    for (const ch of content.charts ?? []) {
      const values = ws.getRangeByIndexes(ch.values.top, ch.values.left, ch.values.bottom - ch.values.top + 1, ch.values.right - ch.values.left + 1);
      const chart = ws.charts.add(Excel.ChartType.columnClustered, values, Excel.ChartSeriesBy.columns);
      chart.title.text = ch.title;
      chart.legend.visible = false;
      chart.series.getItemAt(0).setXAxisValues(ws.getRangeByIndexes(ch.categories.top, ch.categories.left, ch.categories.bottom - ch.categories.top + 1, 1));
      chart.setPosition(ws.getRangeByIndexes(ch.at.row, ch.at.col, 1, 1));
    }
    for (const v of content.validations ?? []) {
      const range = ws.getRange(v.range);
      if (v.type === "list") {
        // Excel caps an inline list at 255 characters: a long list refers to the range holding it.
        range.dataValidation.rule = { list: { inCellDropDown: true, source: v.source ? `=${v.source}` : v.values.join(",") } };
      } else {
        range.dataValidation.rule = { wholeNumber: { formula1: v.min, formula2: v.max, operator: Excel.DataValidationOperator.between } };
      }
      range.dataValidation.prompt = { showPrompt: true, title: v.title.zh.slice(0, 32), message: `${v.prompt.zh}\n${v.prompt.en}`.slice(0, 255) };
      range.dataValidation.errorAlert = { showAlert: true, style: Excel.DataValidationAlertStyle.stop, title: v.title.zh.slice(0, 32), message: `${v.error.zh}\n${v.error.en}`.slice(0, 255) };
    }
  }

  /** Sheet names and table names of the workbook (batch 1 of every write). */
  private loadNames(context: Excel.RequestContext): { sheets: Excel.WorksheetCollection; tables: Excel.TableCollection } {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const tables = context.workbook.tables;
    tables.load("items/name");
    return { sheets, tables };
  }

  async writeSheet(content: SheetContent, options: WriteOptions = {}): Promise<WriteResult> {
    return this.run(async (context) => {
      // Batch 1: which names are taken.
      const { sheets, tables } = this.loadNames(context);
      await context.sync();
      const names = sheets.items.map((s) => s.name);
      const existing = sheets.items.find((s) => s.name.toLowerCase() === content.name.toLowerCase());
      let name = content.name;
      let replaced = false;
      if (existing) {
        // Batch 2: is the sheet with our name one of ours? A user's sheet is never touched.
        const owner = existing.customProperties.getItemOrNullObject(OWNER_KEY);
        owner.load("value");
        await context.sync();
        const ours = !owner.isNullObject;
        if (ours && options.confirmReplace && (await options.confirmReplace(existing.name))) {
          replaced = true;
          name = existing.name;
        } else {
          name = freeSheetName(content.name, names);
        }
      }
      // Batch 3: the whole write, calculation and screen updating suspended until it lands.
      context.workbook.application.suspendApiCalculationUntilNextSync();
      context.workbook.application.suspendScreenUpdatingUntilNextSync();
      const tableNames = new Set(tables.items.map((t) => t.name.toLowerCase()));
      if (replaced && existing) {
        // Deleting our old sheet takes its tables along, so their names are free again.
        existing.delete();
      }
      const ws = context.workbook.worksheets.add(name);
      await this.queueContent(context, ws, content, tableNames);
      if (options.activate !== false) ws.activate();
      await context.sync();
      return { sheet: name, replaced };
    });
  }

  async insertTemplates(contents: SheetContent[]): Promise<string[]> {
    return this.run(async (context) => {
      const { sheets, tables } = this.loadNames(context);
      await context.sync();
      const taken = sheets.items.map((s) => s.name);
      const tableNames = new Set(tables.items.map((t) => t.name.toLowerCase()));
      context.workbook.application.suspendApiCalculationUntilNextSync();
      context.workbook.application.suspendScreenUpdatingUntilNextSync();
      const used: string[] = [];
      let first: Excel.Worksheet | null = null;
      for (const c of contents) {
        const name = freeSheetName(c.name, taken);
        taken.push(name);
        used.push(name);
        const ws = context.workbook.worksheets.add(name);
        first ??= ws;
        await this.queueContent(context, ws, c, tableNames);
      }
      first?.activate();
      await context.sync();
      return used;
    });
  }

  async markCells(requests: MarkRequest[]): Promise<number> {
    const bySheet = new Map<string, Map<MarkKind, string[]>>();
    let count = 0;
    for (const r of requests) {
      const kinds = bySheet.get(r.sheet) ?? new Map<MarkKind, string[]>();
      kinds.set(r.kind, [...(kinds.get(r.kind) ?? []), ...r.addresses]);
      bySheet.set(r.sheet, kinds);
    }
    if (!bySheet.size) return 0;
    let current = "";
    try {
      return await this.run(async (context) => {
        // Batch 1: the sheets and what we already marked there.
        const entries = [...bySheet.entries()].map(([name, kinds]) => {
          current = name;
          const ws = context.workbook.worksheets.getItem(name);
          const registry = ws.customProperties.getItemOrNullObject(MARKS_KEY);
          registry.load("value");
          return { name, kinds, ws, registry };
        });
        await context.sync();
        // Batch 2: one conditional format per kind and block of areas; the user's formats stay as they are.
        const added = entries.map((e) => {
          const cfs: Excel.ConditionalFormat[] = [];
          for (const [kind, addresses] of e.kinds) {
            const areas = compactAddresses(addresses);
            for (const a of areas) {
              const b = parseBlock(a);
              if (b) count += (b.bottom - b.top + 1) * (b.right - b.left + 1);
            }
            for (let i = 0; i < areas.length; i += AREAS_PER_MARK) {
              const target = e.ws.getRanges(areas.slice(i, i + AREAS_PER_MARK).join(","));
              const cf = target.conditionalFormats.add(Excel.ConditionalFormatType.custom);
              cf.custom.rule.formula = "=TRUE";
              cf.custom.format.fill.color = MARK_COLORS[kind].fill;
              cf.custom.format.font.color = MARK_COLORS[kind].font;
              cf.load("id");
              cfs.push(cf);
            }
          }
          return { ...e, cfs };
        });
        await context.sync();
        // Batch 3: remember the ids, so clearMarks removes exactly these.
        for (const e of added) {
          const before = e.registry.isNullObject ? { ids: [] } : readRegistry(e.registry.value);
          const ids = [...before.ids, ...e.cfs.map((cf) => cf.id)];
          e.ws.customProperties.add(MARKS_KEY, JSON.stringify({ ids }));
        }
        await context.sync();
        return count;
      });
    } catch (e) {
      throw translate(e, current);
    }
  }

  async clearMarks(): Promise<number> {
    return this.run(async (context) => {
      // Batch 1: the sheets.
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      // Batch 2: our registry on each sheet, and the ids of the conditional formats present there.
      const perSheet = sheets.items.map((ws) => {
        const registry = ws.customProperties.getItemOrNullObject(MARKS_KEY);
        registry.load("value");
        const cfs = ws.getRange().conditionalFormats;
        cfs.load("items/id");
        return { ws, registry, cfs };
      });
      await context.sync();
      // Batch 3: delete ours that still exist (the user may have removed some), then the registry.
      let removed = 0;
      for (const s of perSheet) {
        if (s.registry.isNullObject) continue;
        const ours = new Set(readRegistry(s.registry.value).ids);
        for (const cf of s.cfs.items) {
          if (ours.has(cf.id)) {
            cf.delete();
            removed++;
          }
        }
        s.registry.delete();
      }
      await context.sync();
      return removed;
    });
  }

  async goTo(sheet: string, cell?: string): Promise<void> {
    try {
      await this.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        if (cell) ws.getRange(cell).select();
        await context.sync();
      });
    } catch (e) {
      throw translate(e, sheet, cell);
    }
  }
}
