/**
 * ExcelOps over Office.js: the ONLY module of the add-in that calls the Excel API.
 *
 * Each operation reads in one batch and writes in one batch, so the number of context.sync() calls
 * does not grow with the table (2–4 per operation; ranges past Excel on the web's 5 MB request limit are
 * split into row blocks under it). Values are written as one 2-D array with calculation and screen
 * updating suspended; every text cell gets the Text format first, so it lands as text (cells.ts).
 *
 * What is ours is recorded in the workbook itself:
 *   the custom property "ZG" on the sheets we wrote (report / score / template), so they are recognised;
 *   our marks are custom conditional formats whose own rule carries a signature (cells.ts), so
 *   clearMarks() removes exactly those, never the user's formats — a format's id is only its priority.
 *
 * Reads are bounded by limits.ts: several selected ranges, a stray cell far away, more than 512 merged
 * areas each give a notice or a clear message naming the sheet and cell.
 */
import type { CellValue, Merge, ZgIssue } from "../core/types";
import { a1, blockAddress, compactAddresses, parseBlock, splitAddress } from "../core/address";
import { encodeCells, markFormula, markKindOf } from "./cells";
import { LIMITS } from "../core/limits";
import { farNotice, notice, selectionBlock, tooLarge, tooScattered } from "./notices";
import {
  type Block,
  type ExcelOps,
  freeSheetName,
  MARK_COLORS,
  type MarkKind,
  type MarkRequest,
  type OfficeTheme,
  OpError,
  OWNER_KEY,
  type OwnedKind,
  type ReadSheet,
  type SelectionRequest,
  type SheetContent,
  type SheetInfo,
  type WriteOptions,
  type WriteResult,
} from "./ops";
import { notOurs } from "./ops";
import { cellsOf, locateTable } from "../xlsx/region";
import { clipMerges, cutLongTexts, tooManyMerges } from "../xlsx/bounds";

/** The custom-property key that marks a sheet as ours (ops.ts, shared with the browser page's saved files). */
export { OWNER_KEY };

/**
 * The Excel API the task pane needs: worksheet custom properties (1.12) mark our sheets, merged areas
 * (1.13) let the table finder read two-row headers. The custom functions need none of it, so the
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

/** Cells per request (limits.ts). */
export const MAX_CELLS_PER_BATCH = LIMITS.cellsPerRequest;

type Runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * Worksheet.pageLayout (orientation, zoom, setPrintTitleRows) is "API set: ExcelApi 1.9" (Excel.PageLayout in the
 * Excel API reference). The pane already asks for 1.13, but the check stays where the call is, so a host that
 * answers otherwise gets its sheet without the page setup rather than a failed write.
 */
export const PRINT_LAYOUT_API = "1.9";

export interface OfficeOpsOptions {
  /** Excel.run, injectable so tests can hand in office-addin-mock's context. */
  run?: Runner;
  /** Office.context.requirements.isSetSupported, injectable for tests. */
  isSetSupported?: (set: string, version: string) => boolean;
  /** Office.context, for the display language and theme. */
  officeContext?: { displayLanguage?: string; officeTheme?: { bodyBackgroundColor?: string } };
}

/** Row blocks of at most MAX_CELLS_PER_BATCH cells covering `rows` rows of `cols` columns. */
export function rowBlocks(rows: number, cols: number): { start: number; count: number }[] {
  const per = Math.max(1, Math.floor(MAX_CELLS_PER_BATCH / Math.max(1, cols)));
  const out: { start: number; count: number }[] = [];
  for (let start = 0; start < rows; start += per) out.push({ start, count: Math.min(per, rows - start) });
  return out.length ? out : [{ start: 0, count: 0 }];
}

/**
 * Pieces of a block of at most 512 cells each: no piece can hold more than 512 merged areas, the most
 * getMergedAreasOrNullObject returns ("if the merged areas count in this range is more than 512, then this
 * method will fail to return the result", Excel API reference, Excel.Range).
 */
export function mergePieces(b: Block): Block[] {
  const per = LIMITS.mergedAreasPerRequest;
  const cols = b.right - b.left + 1;
  const width = Math.min(cols, per);
  const rowsPer = Math.max(1, Math.floor(per / width));
  const out: Block[] = [];
  for (let top = b.top; top <= b.bottom; top += rowsPer)
    for (let left = b.left; left <= b.right; left += width)
      out.push({ top, left, bottom: Math.min(b.bottom, top + rowsPer - 1), right: Math.min(b.right, left + width - 1) });
  return out;
}

const geometry = "rowIndex,columnIndex,rowCount,columnCount";
const blockOf = (r: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }): Block => ({
  top: r.rowIndex,
  left: r.columnIndex,
  bottom: r.rowIndex + r.rowCount - 1,
  right: r.columnIndex + r.columnCount - 1,
});

function notFound(name: string): OpError {
  return new OpError({ zh: `找不到工作表“${name}”`, en: `No sheet named ${name}` }, "no-sheet", name);
}

/** Office.js errors carry a code; known ones become our bilingual errors naming the sheet and cell. */
function translate(e: unknown, sheet?: string, address?: string): unknown {
  if (e instanceof OpError) return e;
  const code = (e as { code?: string })?.code;
  if (code === "ItemNotFound" && sheet) return notFound(sheet);
  if (code === "InvalidArgument" && address)
    return new OpError({ zh: `“${address}”不是有效的区域地址，请写成 A1:F20 或 表名!A1:F20`, en: `"${address}" is not a range address; write A1:F20 or Sheet!A1:F20` }, "bad-address", sheet);
  if (code === "RangeExceedsLimit" || code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded")
    return new OpError(
      { zh: `工作表“${sheet ?? ""}”一次要读写的内容太多（${code}），请在“区域”中只填写表格所在的区域`, en: `Too much at once on sheet ${sheet ?? ""} (${code}); type just the table's range` },
      "too-large",
      sheet,
    );
  const text = (e as Error)?.message ?? String(e);
  const where = sheet ? { zh: `（工作表“${sheet}”）`, en: ` (sheet ${sheet})` } : { zh: "", en: "" };
  return new OpError({ zh: `Excel 操作失败${where.zh}：${text}`, en: `Excel operation failed${where.en}: ${text}` }, code ?? "excel", sheet);
}

/** Merged areas from getMergedAreasOrNullObject().address, relative to the block read, each once. */
function mergesIn(addresses: (string | undefined)[], origin: { row: number; col: number }): Merge[] {
  const seen = new Set<string>();
  const out: Merge[] = [];
  for (const address of addresses) {
    for (const a of (address ?? "").split(",")) {
      const b = a ? parseBlock(splitAddress(a).local) : null;
      if (!b) continue;
      const key = blockAddress(b);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ top: b.top - origin.row, left: b.left - origin.col, bottom: b.bottom - origin.row, right: b.right - origin.col });
    }
  }
  return out;
}

export class OfficeOps implements ExcelOps {
  readonly host = "excel" as const;
  private readonly run: Runner;
  private readonly office: OfficeOpsOptions["officeContext"];

  private readonly isSetSupported: (set: string, version: string) => boolean;

  constructor(options: OfficeOpsOptions = {}) {
    this.run = options.run ?? ((batch) => Excel.run(batch));
    this.isSetSupported =
      options.isSetSupported ??
      ((set, version) => {
        try {
          return Office.context.requirements.isSetSupported(set, version);
        } catch {
          return false;
        }
      });
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

  // ── reading ─────────────────────────────────────────────────────────────────────────────────

  /**
   * The block to read: `wanted` itself when it is within limits.ts's cap; otherwise the table's own cells,
   * found from the rectangles of values and formulas (getSpecialCells) without reading the empty millions,
   * with a notice naming the far cell that was left out. Two syncs, and only for an enormous range.
   */
  private async locate(context: Excel.RequestContext, ws: Excel.Worksheet, name: string, wanted: Block, anchor: { row: number; col: number } | null): Promise<{ block: Block; notices: ZgIssue[] }> {
    if (cellsOf(wanted) <= LIMITS.maxCellsRead) return { block: wanted, notices: [] };
    const far = a1(wanted.bottom, wanted.right);
    const range = ws.getRangeByIndexes(wanted.top, wanted.left, wanted.bottom - wanted.top + 1, wanted.right - wanted.left + 1);
    let areas: Block[];
    try {
      const kinds = (["Constants", "Formulas"] as const).map((t) => {
        const ra = range.getSpecialCellsOrNullObject(t);
        ra.load("areaCount");
        return ra;
      });
      await context.sync();
      const present = kinds.filter((k) => !k.isNullObject);
      const count = present.reduce((n, k) => n + k.areaCount, 0);
      if (count > LIMITS.maxAreasRead) throw tooScattered(name, far, count);
      for (const k of present) k.areas.load(`items/${geometry.split(",").join(",items/")}`);
      await context.sync();
      areas = present.flatMap((k) => k.areas.items.map(blockOf));
    } catch (e) {
      // Whatever Excel says about so large a range, the user is told where the far cell is and what to do.
      throw e instanceof OpError ? e : tooScattered(name, far, null);
    }
    const found = locateTable(areas, anchor);
    if (!found) return { block: { top: wanted.top, left: wanted.left, bottom: wanted.top, right: wanted.left }, notices: [] };
    if (cellsOf(found.block) > LIMITS.maxCellsRead) throw tooLarge(name, found.block);
    return { block: found.block, notices: found.others.length ? [farNotice(name, found.block, found.others)] : [] };
  }

  /**
   * Reads a block's values, number formats and merges: one sync per block of rows (one for any normal
   * table). Merged areas are asked for the whole block at once; when Excel refuses (more than 512), once
   * more in pieces that cannot hold 512.
   */
  private async readBlock(context: Excel.RequestContext, ws: Excel.Worksheet, name: string, b: Block, notices: ZgIssue[]): Promise<ReadSheet> {
    const rows = b.bottom - b.top + 1;
    const cols = b.right - b.left + 1;
    const attempt = async (pieces: Block[]) => {
      const cells: CellValue[][] = [];
      const formats: (string | null)[][] = [];
      const merged = pieces.map((p) => {
        const m = ws.getRangeByIndexes(p.top, p.left, p.bottom - p.top + 1, p.right - p.left + 1).getMergedAreasOrNullObject();
        m.load("address");
        return m;
      });
      for (const blk of rowBlocks(rows, cols)) {
        const range = ws.getRangeByIndexes(b.top + blk.start, b.left, blk.count, cols);
        range.load("values,numberFormat");
        await context.sync();
        cells.push(...(range.values as CellValue[][]));
        formats.push(...(range.numberFormat as string[][]));
      }
      return { cells, formats, merges: mergesIn(merged.map((m) => (m.isNullObject ? undefined : m.address)), { row: b.top, col: b.left }) };
    };
    let got: Awaited<ReturnType<typeof attempt>>;
    try {
      got = await attempt([b]);
    } catch {
      const pieces = mergePieces(b);
      if (pieces.length > LIMITS.maxMergeRequests) {
        got = await attempt([]);
        notices.push(notice("merges-not-read", name, blockAddress(b), `工作表“${name}”的合并单元格太多，未能读取，按未合并处理`, `Sheet ${name} has too many merged cells to read; they are read as unmerged`));
      } else got = await attempt(pieces);
    }
    // Excel gives each merged area whole: clipped to the block read (bounds.ts, shared with the file reader), so a
    // merge down to XFD1048576 costs the engine no more than the table; at most LIMITS.maxMerges of them.
    const merges = clipMerges(got.merges, { top: 0, left: 0, bottom: rows - 1, right: cols - 1 });
    if (merges.length > LIMITS.maxMerges) throw new OpError(tooManyMerges(name), "too-big", name);
    const cut = cutLongTexts(got.cells, name, { row: b.top, col: b.left }, a1);
    if (cut) notices.push(cut);
    return { name, cells: got.cells, numberFormats: got.formats, merges, origin: { row: b.top, col: b.left }, ...(notices.length ? { notices } : {}) };
  }

  async getSelectionSheet(request: SelectionRequest = {}): Promise<ReadSheet> {
    const { sheet: wantedSheet, local } = request.address ? splitAddress(request.address) : { sheet: undefined, local: "" };
    if (request.address && !parseBlock(local)) throw translate({ code: "InvalidArgument" }, wantedSheet, request.address);
    let sheetName = wantedSheet;
    try {
      return await this.run(async (context) => {
        // Batch 1: where the table is (the selection's sheet and its used region, or the range asked for).
        const ws = wantedSheet ? context.workbook.worksheets.getItem(wantedSheet) : context.workbook.worksheets.getActiveWorksheet();
        ws.load("name");
        if (request.address) {
          const target = ws.getRange(local);
          target.load(geometry);
          await context.sync();
          sheetName = ws.name;
          const located = await this.locate(context, ws, ws.name, blockOf(target), null);
          return this.readBlock(context, ws, ws.name, located.block, located.notices);
        }
        // getSelectedRange() "will throw an error" when several ranges are selected (Excel API reference,
        // Excel.Workbook.getSelectedRange): read all of them and the active cell instead.
        const selected = context.workbook.getSelectedRanges();
        selected.load("areaCount");
        selected.areas.load(`items/${geometry.split(",").join(",items/")}`);
        const active = context.workbook.getActiveCell();
        active.load("rowIndex,columnIndex");
        const used = ws.getUsedRangeOrNullObject(true);
        used.load(geometry);
        await context.sync();
        sheetName = ws.name;
        if (used.isNullObject) return { name: ws.name, cells: [], numberFormats: [], merges: [], origin: { row: 0, col: 0 } };
        const u = blockOf(used);
        const anchor = { row: active.rowIndex, col: active.columnIndex };
        const areas = selected.areas.items.map(blockOf);
        const { block: b, notices } = selectionBlock(ws.name, areas, anchor, u);
        const located = await this.locate(context, ws, ws.name, b, anchor);
        // Batch 2 (and more only past the request limit): values and formats.
        return this.readBlock(context, ws, ws.name, located.block, [...notices, ...located.notices]);
      });
    } catch (e) {
      throw translate(e, sheetName, request.address);
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

  async readSheet(name: string): Promise<ReadSheet> {
    try {
      return await this.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(name);
        const used = ws.getUsedRangeOrNullObject(true);
        used.load(geometry);
        await context.sync();
        if (used.isNullObject) return { name, cells: [], numberFormats: [], merges: [], origin: { row: 0, col: 0 } };
        const located = await this.locate(context, ws, name, blockOf(used), null);
        return this.readBlock(context, ws, name, located.block, located.notices);
      });
    } catch (e) {
      throw translate(e, name);
    }
  }

  // ── writing ─────────────────────────────────────────────────────────────────────────────────

  /**
   * Queues the writes of one sheet's content: number formats first (the Text format on every text cell),
   * then values and formulas as one 2-D array, then structure. Returns the tables added, by wanted name.
   */
  private async queueContent(context: Excel.RequestContext, ws: Excel.Worksheet, content: SheetContent, tableNames: Set<string>): Promise<{ wanted: string; table: Excel.Table }[]> {
    ws.customProperties.add(OWNER_KEY, content.kind);
    const { inputs, formats, rows, cols } = encodeCells(content);
    if (rows && cols) {
      // Blocks beyond the first go out with their own sync (only for very large content).
      for (const [i, blk] of rowBlocks(rows, cols).entries()) {
        if (i > 0) {
          await context.sync();
          context.workbook.application.suspendApiCalculationUntilNextSync();
          context.workbook.application.suspendScreenUpdatingUntilNextSync();
        }
        const range = ws.getRangeByIndexes(blk.start, 0, blk.count, cols);
        // The format before the value: a text cell must already be Text when its string arrives.
        range.numberFormat = formats.slice(blk.start, blk.start + blk.count);
        range.formulas = inputs.slice(blk.start, blk.start + blk.count);
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
    if (content.print && this.isSetSupported("ExcelApi", PRINT_LAYOUT_API)) {
      const page = ws.pageLayout;
      if (content.print.landscape) page.orientation = "Landscape";
      // "must be set as a JSON object" (PageLayout.zoom). One page wide, and the height automatic: left unset, Excel
      // may keep fitting to one page tall and print a long sheet unreadably small. The reference documents no value
      // for "automatic"; 0 is the file format's (ECMA-376 Part 1, 18.3.1.63 pageSetup fitToHeight), checked by an
      // acceptance step (docs/acceptance.md, printing a ZG sheet).
      if (content.print.fitToWidth) page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      const tr = content.print.titleRows;
      if (tr) page.setPrintTitleRows(`$${tr.first + 1}:$${tr.last + 1}`);
    }
    const added: { wanted: string; table: Excel.Table }[] = [];
    for (const t of content.tables ?? []) {
      let name = t.name;
      for (let i = 2; tableNames.has(name.toLowerCase()); i++) name = `${t.name}_${i}`;
      tableNames.add(name.toLowerCase());
      // A Range rather than an address string: an address without a sheet would name the active sheet.
      const table = ws.tables.add(ws.getRangeByIndexes(t.range.top, t.range.left, t.range.bottom - t.range.top + 1, t.range.right - t.range.left + 1), true);
      table.name = name;
      added.push({ wanted: t.name, table });
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
    return added;
  }

  /** Sheet names and table names of the workbook (batch 1 of every write). */
  private loadNames(context: Excel.RequestContext): { sheets: Excel.WorksheetCollection; tables: Excel.TableCollection } {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const tables = context.workbook.tables;
    tables.load("items/name");
    return { sheets, tables };
  }

  /** After a failed write: removes the sheets it added, in a request of its own (the failed one is spent). */
  private async removePartial(names: string[]): Promise<void> {
    if (!names.length) return;
    try {
      await this.run(async (context) => {
        const found = names.map((n) => context.workbook.worksheets.getItemOrNullObject(n));
        for (const f of found) f.load("name");
        await context.sync();
        for (const f of found) if (!f.isNullObject) f.delete();
        await context.sync();
      });
    } catch {
      // Nothing more can be done here; the write's own error is what the user is told.
    }
  }

  /**
   * Writes one of our sheets. Replacing one of ours never loses it: the new sheet is written under a
   * temporary free name first, and only once that write has succeeded is the old sheet deleted and the new
   * one renamed; a write that fails removes the partial new sheet. (Deleting a sheet clears the user's undo
   * stack — "Undo capabilities", Worksheet.delete — which the replace dialog says before asking.)
   */
  async writeSheet(content: SheetContent, options: WriteOptions = {}): Promise<WriteResult> {
    // What has been added so far, for the clean-up after a failure (assigned inside the batch).
    const state: { written: string | null; name: string; replacing: boolean } = { written: null, name: content.name, replacing: false };
    try {
      return await this.run(async (context) => {
        // Batch 1: which names are taken.
        const { sheets, tables } = this.loadNames(context);
        await context.sync();
        const names = sheets.items.map((s) => s.name);
        const existing = sheets.items.find((s) => s.name.toLowerCase() === content.name.toLowerCase());
        let replacing: Excel.Worksheet | null = null;
        let oldTables: string[] = [];
        if (existing) {
          // Batch 2: is the sheet with our name one of ours (and its tables)? A user's sheet is never touched.
          const owner = existing.customProperties.getItemOrNullObject(OWNER_KEY);
          owner.load("value");
          existing.tables.load("items/name");
          await context.sync();
          const ours = !owner.isNullObject;
          if (ours && options.confirmReplace && (await options.confirmReplace(existing.name))) {
            replacing = existing;
            state.name = existing.name;
            state.replacing = true;
            oldTables = existing.tables.items.map((t) => t.name.toLowerCase());
          }
        }
        const target = replacing ? state.name : existing ? freeSheetName(content.name, names) : content.name;
        const writeAs = replacing ? freeSheetName(`${content.name.slice(0, 26)}~new`, names) : target;
        // Batch 3: the whole write, calculation and screen updating suspended until it lands.
        context.workbook.application.suspendApiCalculationUntilNextSync();
        context.workbook.application.suspendScreenUpdatingUntilNextSync();
        const tableNames = new Set(tables.items.map((t) => t.name.toLowerCase()));
        const ws = context.workbook.worksheets.add(writeAs);
        state.written = writeAs;
        const added = await this.queueContent(context, ws, content, tableNames);
        if (!replacing) {
          if (options.activate !== false) ws.activate();
          await context.sync();
          state.written = null;
          return { sheet: target, replaced: false };
        }
        await context.sync();
        // Batch 4, only now that the new sheet is whole: the old one goes, the new one takes its name and
        // its tables' names.
        replacing.delete();
        ws.name = target;
        for (const a of added) if (oldTables.includes(a.wanted.toLowerCase())) a.table.name = a.wanted;
        if (options.activate !== false) ws.activate();
        await context.sync();
        state.written = null;
        return { sheet: target, replaced: true };
      });
    } catch (e) {
      if (state.written === null) throw translate(e, state.name);
      const kept = await this.afterFailedReplace(state.written, state.name);
      const why = e instanceof OpError ? e.msg : { zh: (e as Error)?.message ?? String(e), en: (e as Error)?.message ?? String(e) };
      const code = (e as { code?: string })?.code ?? "write-failed";
      if (kept === "new")
        throw new OpError(
          { zh: `新表已写入“${state.written}”，但未能改名为“${state.name}”（${why.zh}）`, en: `The new sheet was written as ${state.written} but could not be renamed ${state.name} (${why.en})` },
          code,
          state.written,
        );
      const old = state.replacing ? { zh: `原来的“${state.name}”保持不变`, en: `the old ${state.name} is unchanged` } : { zh: "工作簿保持原样", en: "the workbook is as it was" };
      throw new OpError(
        { zh: `写入工作表“${state.name}”失败（${why.zh}），未写完的新表已删除，${old.zh}`, en: `Writing sheet ${state.name} failed (${why.en}); the unfinished new sheet was removed and ${old.en}` },
        code,
        state.name,
      );
    }
  }

  /**
   * A write or the swap after it failed. The sheet written is removed unless the old sheet is already gone
   * (the swap failed half-way): then the new one, complete, is all there is and stays.
   */
  private async afterFailedReplace(written: string, old: string): Promise<"old" | "new"> {
    if (written.toLowerCase() === old.toLowerCase()) {
      await this.removePartial([written]);
      return "old";
    }
    let oldThere = true;
    try {
      await this.run(async (context) => {
        const o = context.workbook.worksheets.getItemOrNullObject(old);
        o.load("name");
        await context.sync();
        oldThere = !o.isNullObject;
      });
    } catch {
      oldThere = true;
    }
    if (!oldThere) return "new";
    await this.removePartial([written]);
    return "old";
  }

  async insertTemplates(contents: SheetContent[]): Promise<string[]> {
    const added: string[] = [];
    try {
      return await this.run(async (context) => {
        const { sheets, tables } = this.loadNames(context);
        await context.sync();
        const taken = sheets.items.map((s) => s.name);
        const tableNames = new Set(tables.items.map((t) => t.name.toLowerCase()));
        context.workbook.application.suspendApiCalculationUntilNextSync();
        context.workbook.application.suspendScreenUpdatingUntilNextSync();
        let first: Excel.Worksheet | null = null;
        for (const c of contents) {
          const name = freeSheetName(c.name, taken);
          taken.push(name);
          added.push(name);
          const ws = context.workbook.worksheets.add(name);
          first ??= ws;
          await this.queueContent(context, ws, c, tableNames);
        }
        first?.activate();
        await context.sync();
        return [...added];
      });
    } catch (e) {
      // A template half inserted is no template: every sheet this call added goes.
      await this.removePartial(added);
      throw translate(e, added[added.length - 1]);
    }
  }

  // ── marks ───────────────────────────────────────────────────────────────────────────────────

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
        // Batch 1: the sheets exist (a missing one is named in the message).
        const entries = [...bySheet.entries()].map(([name, kinds]) => {
          const ws = context.workbook.worksheets.getItemOrNullObject(name);
          ws.load("name");
          return { name, kinds, ws };
        });
        await context.sync();
        const missing = entries.find((e) => e.ws.isNullObject);
        if (missing) throw notFound(missing.name);
        // Batch 2: one conditional format per kind and block of areas, its rule carrying our signature;
        // the user's own formats and fills stay as they are.
        for (const e of entries) {
          current = e.name;
          for (const [kind, addresses] of e.kinds) {
            const areas = compactAddresses(addresses);
            for (const a of areas) {
              const b = parseBlock(a);
              if (b) count += cellsOf(b);
            }
            for (let i = 0; i < areas.length; i += LIMITS.areasPerMark) {
              const target = e.ws.getRanges(areas.slice(i, i + LIMITS.areasPerMark).join(","));
              const cf = target.conditionalFormats.add(Excel.ConditionalFormatType.custom);
              cf.custom.rule.formula = markFormula(kind);
              cf.custom.format.fill.color = MARK_COLORS[kind].fill;
              cf.custom.format.font.color = MARK_COLORS[kind].font;
            }
          }
        }
        await context.sync();
        return count;
      });
    } catch (e) {
      throw translate(e, current);
    }
  }

  /**
   * Removes our marks on every sheet: custom conditional formats whose rule carries our signature. Four
   * syncs whatever the size: the sheets; their formats' types; the rules of the custom ones (a rule can
   * only be read off a custom format: ConditionalFormat.custom "Returns the custom conditional format
   * properties if the current conditional format is a custom type", Excel API reference, and loading
   * items/custom/rule/formula over a collection with other types fails, OfficeDev/office-js#2180); then
   * the deletes, highest priority number first, so no delete shifts the priority of one still to come.
   */
  async clearMarks(): Promise<number> {
    let current = "";
    try {
      return await this.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        const perSheet = sheets.items.map((ws) => {
          const cfs = ws.getRange().conditionalFormats;
          cfs.load("items/type,items/priority");
          return { name: ws.name, cfs };
        });
        await context.sync();
        const custom = perSheet.flatMap((s) =>
          s.cfs.items
            .filter((cf) => cf.type === "Custom")
            .map((cf) => {
              const rule = cf.custom.rule;
              rule.load("formula");
              return { sheet: s.name, cf, rule };
            }),
        );
        if (!custom.length) return 0;
        await context.sync();
        const ours = custom.filter((c) => markKindOf(c.rule.formula) !== null);
        if (!ours.length) return 0;
        ours.sort((x, y) => (x.sheet < y.sheet ? -1 : x.sheet > y.sheet ? 1 : y.cf.priority - x.cf.priority));
        for (const o of ours) {
          current = o.sheet;
          o.cf.delete();
        }
        await context.sync();
        return ours.length;
      });
    } catch (e) {
      throw translate(e, current || undefined);
    }
  }

  async setUserCells(sheet: string, cells: { address: string; value: string }[]): Promise<number> {
    try {
      return await this.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        for (const c of cells) {
          // "是"/"否" and the headers never start with = + - @, but a text format makes sure Excel keeps them as typed.
          const r = ws.getRange(c.address);
          r.numberFormat = [["@"]];
          r.values = [[c.value]];
        }
        await context.sync();
        return cells.length;
      });
    } catch (e) {
      throw translate(e, sheet);
    }
  }

  async removeOurSheet(name: string): Promise<boolean> {
    try {
      return await this.run(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(name);
        await context.sync();
        if (ws.isNullObject) return false;
        const owner = ws.customProperties.getItemOrNullObject(OWNER_KEY);
        owner.load("value");
        await context.sync();
        if (owner.isNullObject) throw notOurs(name);
        ws.delete();
        await context.sync();
        return true;
      });
    } catch (e) {
      throw e instanceof OpError ? e : translate(e, name);
    }
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

