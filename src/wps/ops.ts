/**
 * ExcelOps over WPS 表格's object model: with src/wps/host.ts, the only code of the add-in that touches WPS.
 *
 * WPS's model is Excel's VBA model in JavaScript, and its calls are synchronous: there is no batch and no sync,
 * so each operation reads a block with one Value2 and writes a sheet's values with one Formula assignment of a 2-D
 * array (number formats first, so that text lands as text, as office.ts does). The same rules hold as in Excel:
 *   - what is ours is recorded in the workbook: the custom property "ZG" on our sheets (Worksheet.CustomProperties),
 *     and marks are expression conditional formats whose rule carries our signature (cells.ts), so clearMarks()
 *     removes exactly those;
 *   - a sheet of ours is replaced only after confirmReplace(), the new one written whole before the old one goes;
 *   - nothing the user typed is overwritten, reads are bounded by limits.ts.
 * Which of WPS's behaviours are documented and which are assumed (and checked by the acceptance steps) is in
 * docs/wps.md; test/wps/fakeWps.ts models each one.
 */
import type { CellValue, Merge, ZgIssue } from "../core/types";
import { a1, blockAddress, compactAddresses, parseBlock, splitAddress } from "../core/address";
import { LIMITS } from "../core/limits";
import { encodeCells, markFormula, markKindOf } from "../excel/cells";
import { farNotice, notice, selectionBlock, tooLarge, tooScattered } from "../excel/notices";
import {
  type Block,
  type ExcelOps,
  freeSheetName,
  MARK_COLORS,
  type MarkKind,
  type MarkRequest,
  notOurs,
  type OfficeTheme,
  OpError,
  OWNER_KEY,
  type OwnedKind,
  OWNED_KINDS,
  type ReadSheet,
  type SelectionRequest,
  type SheetContent,
  type SheetInfo,
  type WriteOptions,
  type WriteResult,
} from "../excel/ops";
import { cellsOf, locateTable } from "../xlsx/region";
import { clipMerges, cutLongTexts, tooManyMerges } from "../xlsx/bounds";
import { type WpsApplication, type WpsRange, type WpsWorksheet, XL } from "./model";
import { gridOf, rowsOf, vbaColor } from "./values";

/** VBA caps a Range("…") address text at 255 characters; a mark's areas are split to stay under it. */
const MAX_ADDRESS_TEXT = 255;
/** MergeCells questions asked at most per read; a sheet needing more is read as unmerged, with a notice. */
const MERGE_QUESTIONS = 20_000;

const blockOf = (r: WpsRange): Block => ({ top: r.Row - 1, left: r.Column - 1, bottom: r.Row + r.Rows.Count - 2, right: r.Column + r.Columns.Count - 2 });

function notFound(name: string): OpError {
  return new OpError({ zh: `找不到工作表“${name}”`, en: `No sheet named ${name}` }, "no-sheet", name);
}

/** Whatever WPS threw, as our bilingual error naming the sheet. */
function translate(e: unknown, sheet?: string): OpError {
  if (e instanceof OpError) return e;
  const text = (e as Error)?.message ?? String(e);
  const where = sheet ? { zh: `（工作表“${sheet}”）`, en: ` (sheet ${sheet})` } : { zh: "", en: "" };
  return new OpError({ zh: `WPS 表格操作失败${where.zh}：${text}`, en: `WPS Spreadsheets operation failed${where.en}: ${text}` }, "wps", sheet);
}

/** Address texts of at most MAX_ADDRESS_TEXT characters and LIMITS.areasPerMark areas each. */
function addressGroups(areas: string[]): string[] {
  const out: string[] = [];
  let group: string[] = [];
  for (const a of areas) {
    if (group.length && (group.length >= LIMITS.areasPerMark || [...group, a].join(",").length > MAX_ADDRESS_TEXT)) {
      out.push(group.join(","));
      group = [];
    }
    group.push(a);
  }
  if (group.length) out.push(group.join(","));
  return out;
}

/** Runs of equal format, per column or per row, whichever needs fewer ranges. */
function formatRuns(formats: string[][], rows: number, cols: number): { block: Block; format: string }[] {
  const byColumn: { block: Block; format: string }[] = [];
  for (let c = 0; c < cols; c++)
    for (let r = 0; r < rows; ) {
      let end = r;
      while (end + 1 < rows && formats[end + 1][c] === formats[r][c]) end++;
      byColumn.push({ block: { top: r, left: c, bottom: end, right: c }, format: formats[r][c] });
      r = end + 1;
    }
  const byRow: { block: Block; format: string }[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; ) {
      let end = c;
      while (end + 1 < cols && formats[r][end + 1] === formats[r][c]) end++;
      byRow.push({ block: { top: r, left: c, bottom: r, right: end }, format: formats[r][c] });
      c = end + 1;
    }
  const runs = byColumn.length <= byRow.length ? byColumn : byRow;
  return runs.filter((x) => x.format !== "General");
}

export interface WpsOpsOptions {
  /** The display language ("zh-CN"); navigator.language, else Chinese, when not given. */
  displayLanguage?: string;
}

export class WpsOps implements ExcelOps {
  readonly host = "wps" as const;

  constructor(
    private readonly app: WpsApplication,
    private readonly options: WpsOpsOptions = {},
  ) {}

  getDisplayLanguage(): string {
    if (this.options.displayLanguage) return this.options.displayLanguage;
    return (typeof navigator !== "undefined" && navigator.language) || "zh-CN";
  }

  getTheme(): OfficeTheme {
    return "light";
  }

  // ── the workbook ────────────────────────────────────────────────────────────────────────────

  private sheets(): WpsWorksheet[] {
    const book = this.app.ActiveWorkbook;
    if (!book) throw new OpError({ zh: "WPS 表格中没有打开的工作簿", en: "No workbook is open in WPS Spreadsheets" }, "no-workbook");
    const out: WpsWorksheet[] = [];
    // 1-based, as every VBA collection.
    for (let i = 1; i <= book.Worksheets.Count; i++) out.push(book.Worksheets.Item(i));
    return out;
  }

  /** Sheet names compare without case, as in Excel and WPS. */
  private find(name: string): WpsWorksheet | null {
    const lower = name.toLowerCase();
    return this.sheets().find((s) => s.Name.toLowerCase() === lower) ?? null;
  }

  private sheet(name: string): WpsWorksheet {
    const ws = this.find(name);
    if (!ws) throw notFound(name);
    return ws;
  }

  /** The kind recorded on a sheet of ours, or null for a user's sheet. */
  private ownerOf(ws: WpsWorksheet): OwnedKind | null {
    const props = ws.CustomProperties;
    for (let i = 1; i <= props.Count; i++) {
      const p = props.Item(i);
      if (p.Name !== OWNER_KEY) continue;
      const kind = String(p.Value);
      return (OWNED_KINDS as readonly string[]).includes(kind) ? (kind as OwnedKind) : "report";
    }
    return null;
  }

  /** Worksheet.Delete asks the user to confirm unless alerts are off (VBA's Application.DisplayAlerts). */
  private deleteSheet(ws: WpsWorksheet): void {
    const alerts = this.app.DisplayAlerts;
    this.app.DisplayAlerts = false;
    try {
      ws.Delete();
    } finally {
      this.app.DisplayAlerts = alerts;
    }
  }

  // ── reading ─────────────────────────────────────────────────────────────────────────────────

  /** The table's own cells when `wanted` is past limits.ts's cap, found from the areas of constants and formulas. */
  private locate(ws: WpsWorksheet, name: string, wanted: Block, anchor: { row: number; col: number } | null): { block: Block; notices: ZgIssue[] } {
    if (cellsOf(wanted) <= LIMITS.maxCellsRead) return { block: wanted, notices: [] };
    const far = a1(wanted.bottom, wanted.right);
    const range = ws.Range(blockAddress(wanted));
    const areas: Block[] = [];
    for (const type of [XL.cellTypeConstants, XL.cellTypeFormulas]) {
      let found: WpsRange;
      try {
        // SpecialCells fails when there is no such cell ("No cells were found", as in VBA).
        found = range.SpecialCells(type);
      } catch {
        continue;
      }
      const count = found.Areas.Count;
      if (areas.length + count > LIMITS.maxAreasRead) throw tooScattered(name, far, areas.length + count);
      for (let i = 1; i <= count; i++) areas.push(blockOf(found.Areas.Item(i)));
    }
    const located = locateTable(areas, anchor);
    if (!located) return { block: { top: wanted.top, left: wanted.left, bottom: wanted.top, right: wanted.left }, notices: [] };
    if (cellsOf(located.block) > LIMITS.maxCellsRead) throw tooLarge(name, located.block);
    return { block: located.block, notices: located.others.length ? [farNotice(name, located.block, located.others)] : [] };
  }

  /**
   * Merged areas in a block, found by halving: MergeCells says false for a part with no merged cell (skipped in
   * one question), true or null otherwise; a merged cell gives its whole MergeArea. Null when it takes too long.
   */
  private mergesIn(ws: WpsWorksheet, b: Block): Block[] | null {
    const found = new Map<string, Block>();
    let questions = 0;
    const visit = (p: Block): boolean => {
      if (++questions > MERGE_QUESTIONS) return false;
      const range = ws.Range(blockAddress(p));
      const merged = range.MergeCells;
      if (merged === false) return true;
      if (p.top === p.bottom && p.left === p.right) {
        if (merged) {
          const area = blockOf(range.MergeArea);
          found.set(blockAddress(area), area);
        }
        return true;
      }
      // A part that lies inside one merged area needs no more questions.
      if (merged === true) {
        const area = blockOf(ws.Range(a1(p.top, p.left)).MergeArea);
        if (area.top <= p.top && area.left <= p.left && area.bottom >= p.bottom && area.right >= p.right) {
          found.set(blockAddress(area), area);
          return true;
        }
      }
      const halves: Block[] =
        p.bottom - p.top >= p.right - p.left
          ? [
              { ...p, bottom: p.top + Math.floor((p.bottom - p.top) / 2) },
              { ...p, top: p.top + Math.floor((p.bottom - p.top) / 2) + 1 },
            ]
          : [
              { ...p, right: p.left + Math.floor((p.right - p.left) / 2) },
              { ...p, left: p.left + Math.floor((p.right - p.left) / 2) + 1 },
            ];
      return halves.every((h) => {
        for (const a of found.values()) if (a.top <= h.top && a.left <= h.left && a.bottom >= h.bottom && a.right >= h.right) return true;
        return visit(h);
      });
    };
    return visit(b) ? [...found.values()] : null;
  }

  /** Number formats of a block: one question per column, and per cell only in a column of mixed formats (null). */
  private formatsOf(ws: WpsWorksheet, b: Block): (string | null)[][] {
    const rows = b.bottom - b.top + 1;
    const cols = b.right - b.left + 1;
    const out: (string | null)[][] = Array.from({ length: rows }, () => new Array<string | null>(cols).fill(null));
    for (let c = 0; c < cols; c++) {
      const column = ws.Range(blockAddress({ top: b.top, left: b.left + c, bottom: b.bottom, right: b.left + c })).NumberFormat;
      if (typeof column === "string") {
        for (let r = 0; r < rows; r++) out[r][c] = column;
        continue;
      }
      // Mixed formats: VBA gives Null for the column (a 2-D array is taken as given, should WPS send one).
      const given = Array.isArray(column) ? rowsOf(column, rows, 1) : null;
      for (let r = 0; r < rows; r++) {
        const f = given ? given[r][0] : ws.Range(a1(b.top + r, b.left + c)).NumberFormat;
        out[r][c] = typeof f === "string" ? f : null;
      }
    }
    return out;
  }

  private readBlock(ws: WpsWorksheet, name: string, b: Block, notices: ZgIssue[]): ReadSheet {
    const rows = b.bottom - b.top + 1;
    const cols = b.right - b.left + 1;
    const cells: CellValue[][] = gridOf(ws.Range(blockAddress(b)).Value2, rows, cols);
    const numberFormats = this.formatsOf(ws, b);
    const found = this.mergesIn(ws, b);
    if (!found) notices.push(notice("merges-not-read", name, blockAddress(b), `工作表“${name}”的合并单元格太多，未能读取，按未合并处理`, `Sheet ${name} has too many merged cells to read; they are read as unmerged`));
    const relative: Merge[] = (found ?? []).map((m) => ({ top: m.top - b.top, left: m.left - b.left, bottom: m.bottom - b.top, right: m.right - b.left }));
    const merges = clipMerges(relative, { top: 0, left: 0, bottom: rows - 1, right: cols - 1 });
    if (merges.length > LIMITS.maxMerges) throw new OpError(tooManyMerges(name), "too-big", name);
    const cut = cutLongTexts(cells, name, { row: b.top, col: b.left }, a1);
    if (cut) notices.push(cut);
    return { name, cells, numberFormats, merges, origin: { row: b.top, col: b.left }, ...(notices.length ? { notices } : {}) };
  }

  /** The used block of a sheet, or null for an empty sheet (VBA's UsedRange of an empty sheet is A1, empty). */
  private used(ws: WpsWorksheet): Block | null {
    const used = ws.UsedRange;
    const b = blockOf(used);
    if (b.top === b.bottom && b.left === b.right) {
      const v = gridOf(used.Value2, 1, 1)[0][0];
      if (v === "" || v === null) return null;
    }
    return b;
  }

  async getSelectionSheet(request: SelectionRequest = {}): Promise<ReadSheet> {
    const { sheet: wantedSheet, local } = request.address ? splitAddress(request.address) : { sheet: undefined, local: "" };
    const typed = request.address ? parseBlock(local) : null;
    if (request.address && !typed)
      throw new OpError({ zh: `“${request.address}”不是有效的区域地址，请写成 A1:F20 或 表名!A1:F20`, en: `"${request.address}" is not a range address; write A1:F20 or Sheet!A1:F20` }, "bad-address", wantedSheet);
    let sheetName = wantedSheet;
    try {
      const book = this.app.ActiveWorkbook;
      if (!book) throw new OpError({ zh: "WPS 表格中没有打开的工作簿", en: "No workbook is open in WPS Spreadsheets" }, "no-workbook");
      const ws = wantedSheet ? this.sheet(wantedSheet) : book.ActiveSheet;
      sheetName = ws.Name;
      if (typed) {
        const located = this.locate(ws, ws.Name, typed, null);
        return this.readBlock(ws, ws.Name, located.block, located.notices);
      }
      const u = this.used(ws);
      if (!u) return { name: ws.Name, cells: [], numberFormats: [], merges: [], origin: { row: 0, col: 0 } };
      const active = this.app.ActiveCell;
      const anchor = active ? { row: active.Row - 1, col: active.Column - 1 } : { row: u.top, col: u.left };
      const selection = this.app.Selection as Partial<WpsRange> | null;
      const areas: Block[] = [];
      if (selection && typeof selection === "object" && selection.Areas) for (let i = 1; i <= selection.Areas.Count; i++) areas.push(blockOf(selection.Areas.Item(i)));
      const { block: b, notices } = selectionBlock(ws.Name, areas, anchor, u);
      const located = this.locate(ws, ws.Name, b, anchor);
      return this.readBlock(ws, ws.Name, located.block, [...notices, ...located.notices]);
    } catch (e) {
      throw translate(e, sheetName);
    }
  }

  async listSheets(): Promise<SheetInfo[]> {
    try {
      return this.sheets().map((ws) => {
        const kind = this.ownerOf(ws);
        return kind ? { name: ws.Name, ours: true, kind } : { name: ws.Name, ours: false };
      });
    } catch (e) {
      throw translate(e);
    }
  }

  async readSheet(name: string): Promise<ReadSheet> {
    try {
      const ws = this.sheet(name);
      const u = this.used(ws);
      if (!u) return { name: ws.Name, cells: [], numberFormats: [], merges: [], origin: { row: 0, col: 0 } };
      const located = this.locate(ws, ws.Name, u, null);
      return this.readBlock(ws, ws.Name, located.block, located.notices);
    } catch (e) {
      throw translate(e, name);
    }
  }

  // ── writing ─────────────────────────────────────────────────────────────────────────────────

  private tableNames(): Set<string> {
    const names = new Set<string>();
    for (const ws of this.sheets()) {
      const lists = ws.ListObjects;
      for (let i = 1; i <= lists.Count; i++) names.add(lists.Item(i).Name.toLowerCase());
    }
    return names;
  }

  /** A new sheet after the last one, named `name`. */
  private addSheet(name: string): WpsWorksheet {
    const all = this.sheets();
    const book = this.app.ActiveWorkbook!;
    const ws = book.Worksheets.Add(null, all[all.length - 1] ?? null);
    ws.Name = name;
    return ws;
  }

  /**
   * One sheet's content: the owner mark, number formats (Text on every text cell) before the values, all values
   * and formulas in one Formula assignment, then structure. Page setup and frozen panes are kept if WPS refuses
   * them (they are layout only); everything else failing fails the write. Returns the tables added.
   */
  private writeContent(ws: WpsWorksheet, content: SheetContent, tableNames: Set<string>): { wanted: string; table: { Name: string } }[] {
    ws.CustomProperties.Add(OWNER_KEY, content.kind);
    const { inputs, formats, rows, cols } = encodeCells(content);
    if (rows && cols) {
      for (const run of formatRuns(formats, rows, cols)) ws.Range(blockAddress(run.block)).NumberFormat = run.format;
      ws.Range(blockAddress({ top: 0, left: 0, bottom: rows - 1, right: cols - 1 })).Formula = inputs;
    }
    const row = (r: number) => ws.Range(blockAddress({ top: r, left: 0, bottom: r, right: Math.max(0, cols - 1) }));
    for (const m of content.merges ?? []) ws.Range(blockAddress(m)).Merge(false);
    for (const r of cols ? (content.boldRows ?? []) : []) {
      const header = row(r);
      header.Font.Bold = true;
      header.Interior.Color = vbaColor("#DDEBF7");
    }
    for (const r of cols ? (content.titleRows ?? []) : []) {
      const title = row(r);
      title.Font.Bold = true;
      title.Font.Size = 14;
    }
    if (content.wrapText && rows && cols) ws.Range(blockAddress({ top: 0, left: 0, bottom: rows - 1, right: cols - 1 })).WrapText = true;
    (content.rowHeights ?? []).forEach((h, r) => {
      if (h) ws.Range(a1(r, 0)).RowHeight = h;
    });
    // VBA's ColumnWidth is in characters of the default font, the unit SheetContent uses.
    (content.columnWidths ?? []).forEach((w, c) => {
      if (w) ws.Range(a1(0, c)).ColumnWidth = w;
    });
    const added: { wanted: string; table: { Name: string } }[] = [];
    for (const t of content.tables ?? []) {
      let name = t.name;
      for (let i = 2; tableNames.has(name.toLowerCase()); i++) name = `${t.name}_${i}`;
      tableNames.add(name.toLowerCase());
      const table = ws.ListObjects.Add(XL.srcRange, ws.Range(blockAddress(t.range)), undefined, XL.yes);
      table.Name = name;
      added.push({ wanted: t.name, table });
    }
    for (const v of content.validations ?? []) {
      const dv = ws.Range(v.range).Validation;
      if (v.type === "list") dv.Add(XL.validateList, XL.validAlertStop, XL.between, v.source ? `=${v.source}` : v.values.join(","));
      else dv.Add(XL.validateWholeNumber, XL.validAlertStop, XL.between, v.min, v.max);
      if (v.type === "list") dv.InCellDropdown = true;
      dv.InputTitle = v.title.zh.slice(0, 32);
      dv.InputMessage = `${v.prompt.zh}\n${v.prompt.en}`.slice(0, 255);
      dv.ErrorTitle = v.title.zh.slice(0, 32);
      dv.ErrorMessage = `${v.error.zh}\n${v.error.en}`.slice(0, 255);
      dv.ShowInput = true;
      dv.ShowError = true;
    }
    // Charts are not drawn in WPS (docs/wps.md): the figures they would show are in the sheet itself.
    if (content.print) {
      try {
        const page = ws.PageSetup;
        if (content.print.landscape) page.Orientation = XL.landscape;
        if (content.print.fitToWidth) {
          page.Zoom = false;
          page.FitToPagesWide = 1;
          page.FitToPagesTall = false;
        }
        const tr = content.print.titleRows;
        if (tr) page.PrintTitleRows = `$${tr.first + 1}:$${tr.last + 1}`;
      } catch {
        // Layout only: the sheet stays without it.
      }
    }
    if (content.freezeRows) {
      try {
        // Frozen panes belong to the window, so the sheet is shown first (VBA's ActiveWindow.FreezePanes).
        ws.Activate();
        const win = this.app.ActiveWindow;
        if (win) {
          win.FreezePanes = false;
          win.SplitColumn = 0;
          win.SplitRow = content.freezeRows;
          win.FreezePanes = true;
        }
      } catch {
        // Layout only.
      }
    }
    return added;
  }

  /** Screen updating off while writing, back as it was afterwards whatever happens. */
  private quietly<T>(work: () => T): T {
    const screen = this.app.ScreenUpdating;
    this.app.ScreenUpdating = false;
    try {
      return work();
    } finally {
      this.app.ScreenUpdating = screen;
    }
  }

  async writeSheet(content: SheetContent, options: WriteOptions = {}): Promise<WriteResult> {
    const state: { written: WpsWorksheet | null; writtenName: string; name: string; replacing: boolean } = { written: null, writtenName: "", name: content.name, replacing: false };
    try {
      const all = this.sheets();
      const names = all.map((s) => s.Name);
      const existing = all.find((s) => s.Name.toLowerCase() === content.name.toLowerCase()) ?? null;
      let replacing: WpsWorksheet | null = null;
      if (existing && this.ownerOf(existing) && options.confirmReplace && (await options.confirmReplace(existing.Name))) {
        replacing = existing;
        state.name = existing.Name;
        state.replacing = true;
      }
      const oldTables: string[] = [];
      if (replacing) for (let i = 1; i <= replacing.ListObjects.Count; i++) oldTables.push(replacing.ListObjects.Item(i).Name.toLowerCase());
      const target = replacing ? state.name : existing ? freeSheetName(content.name, names) : content.name;
      const writeAs = replacing ? freeSheetName(`${content.name.slice(0, 26)}~new`, names) : target;
      const tableNames = this.tableNames();
      return this.quietly(() => {
        const ws = this.addSheet(writeAs);
        state.written = ws;
        state.writtenName = writeAs;
        const added = this.writeContent(ws, content, tableNames);
        if (replacing) {
          // Only now that the new sheet is whole: the old one goes, the new one takes its name and its tables' names.
          this.deleteSheet(replacing);
          ws.Name = target;
          for (const a of added) if (oldTables.includes(a.wanted.toLowerCase())) a.table.Name = a.wanted;
        }
        if (options.activate !== false) ws.Activate();
        state.written = null;
        return { sheet: target, replaced: Boolean(replacing) };
      });
    } catch (e) {
      if (!state.written) throw translate(e, state.name);
      const why = translate(e, state.name).msg;
      const oldThere = !state.replacing || this.find(state.name) !== null;
      const newWhole = state.replacing && !oldThere;
      if (newWhole)
        throw new OpError(
          { zh: `新表已写入“${state.writtenName}”，但未能改名为“${state.name}”（${why.zh}）`, en: `The new sheet was written as ${state.writtenName} but could not be renamed ${state.name} (${why.en})` },
          "write-failed",
          state.writtenName,
        );
      try {
        this.deleteSheet(state.written);
      } catch {
        // The write's own error is what the user is told.
      }
      const old = state.replacing ? { zh: `原来的“${state.name}”保持不变`, en: `the old ${state.name} is unchanged` } : { zh: "工作簿保持原样", en: "the workbook is as it was" };
      throw new OpError(
        { zh: `写入工作表“${state.name}”失败（${why.zh}），未写完的新表已删除，${old.zh}`, en: `Writing sheet ${state.name} failed (${why.en}); the unfinished new sheet was removed and ${old.en}` },
        "write-failed",
        state.name,
      );
    }
  }

  async insertTemplates(contents: SheetContent[]): Promise<string[]> {
    const added: WpsWorksheet[] = [];
    const names: string[] = [];
    try {
      const taken = this.sheets().map((s) => s.Name);
      const tableNames = this.tableNames();
      return this.quietly(() => {
        for (const c of contents) {
          const name = freeSheetName(c.name, taken);
          taken.push(name);
          const ws = this.addSheet(name);
          added.push(ws);
          names.push(name);
          this.writeContent(ws, c, tableNames);
        }
        added[0]?.Activate();
        return [...names];
      });
    } catch (e) {
      // A template half inserted is no template: every sheet this call added goes.
      for (const ws of added.reverse()) {
        try {
          this.deleteSheet(ws);
        } catch {
          // The insert's own error is what the user is told.
        }
      }
      throw translate(e, names[names.length - 1]);
    }
  }

  // ── marks ───────────────────────────────────────────────────────────────────────────────────

  async markCells(requests: MarkRequest[]): Promise<number> {
    const bySheet = new Map<string, Map<MarkKind, string[]>>();
    for (const r of requests) {
      const kinds = bySheet.get(r.sheet) ?? new Map<MarkKind, string[]>();
      kinds.set(r.kind, [...(kinds.get(r.kind) ?? []), ...r.addresses]);
      bySheet.set(r.sheet, kinds);
    }
    let count = 0;
    let current = "";
    try {
      const sheets = [...bySheet.keys()].map((name) => ({ name, ws: this.find(name) }));
      const missing = sheets.find((s) => !s.ws);
      if (missing) throw notFound(missing.name);
      return this.quietly(() => {
        for (const { name, ws } of sheets) {
          current = name;
          for (const [kind, addresses] of bySheet.get(name)!) {
            const areas = compactAddresses(addresses);
            for (const a of areas) {
              const b = parseBlock(a);
              if (b) count += cellsOf(b);
            }
            // One expression rule per group of areas, carrying our signature; the user's own formats stay.
            for (const group of addressGroups(areas)) {
              const cf = ws!.Range(group).FormatConditions.Add(XL.expression, undefined, markFormula(kind));
              cf.Interior.Color = vbaColor(MARK_COLORS[kind].fill);
              cf.Font.Color = vbaColor(MARK_COLORS[kind].font);
            }
          }
        }
        return count;
      });
    } catch (e) {
      throw translate(e, current || undefined);
    }
  }

  /**
   * Removes our marks on every sheet: expression rules whose formula carries our signature, found among all the
   * sheet's conditional formats (Cells.FormatConditions), deleted from the last index down so that no delete
   * moves one still to come.
   */
  async clearMarks(): Promise<number> {
    let current = "";
    let removed = 0;
    try {
      for (const ws of this.sheets()) {
        current = ws.Name;
        const cfs = ws.Cells.FormatConditions;
        for (let i = cfs.Count; i >= 1; i--) {
          const cf = cfs.Item(i);
          if (cf.Type !== XL.expression) continue;
          if (markKindOf(cf.Formula1) === null) continue;
          cf.Delete();
          removed++;
        }
      }
      return removed;
    } catch (e) {
      throw translate(e, current || undefined);
    }
  }

  async setUserCells(sheet: string, cells: { address: string; value: string }[]): Promise<number> {
    try {
      const ws = this.sheet(sheet);
      for (const c of cells) {
        const r = ws.Range(c.address);
        // Text format first, so the value stays as written.
        r.NumberFormat = "@";
        r.Value2 = c.value;
      }
      return cells.length;
    } catch (e) {
      throw translate(e, sheet);
    }
  }

  async removeOurSheet(name: string): Promise<boolean> {
    try {
      const ws = this.find(name);
      if (!ws) return false;
      if (!this.ownerOf(ws)) throw notOurs(name);
      this.deleteSheet(ws);
      return true;
    } catch (e) {
      throw translate(e, name);
    }
  }

  async goTo(sheet: string, cell?: string): Promise<void> {
    try {
      const ws = this.sheet(sheet);
      ws.Activate();
      if (cell) ws.Range(cell).Select();
    } catch (e) {
      throw translate(e, sheet);
    }
  }
}
