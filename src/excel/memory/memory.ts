/**
 * An in-memory workbook implementing the same ExcelOps as office.ts: cells, number formats, marks,
 * sheets, tables, charts and live formulas (our =ZG.… formulas evaluated by the custom-function
 * implementations handed in). The browser preview and the component tests run the real task pane on it.
 *
 * It models the Excel contracts office.ts relies on, so code that would break in Excel breaks here too:
 *  - a written string is taken as Excel takes it (formula.ts enterInput): "=", "+", "-", "@" make a
 *    formula unless the cell is in the Text format; a formula Excel cannot read fails the write;
 *  - conditional formats are kept in priority order and a format's id is its current priority, which
 *    shifts as formats are added (at the top) or deleted; our marks are recognised by their rule;
 *  - several ranges can be selected (with an active cell), and reads are bounded as office.ts's are;
 *  - a write can be made to fail part-way (injectWriteFailure): the sheet it replaces must survive.
 */
import type { CellValue, Merge, SheetData, ZgIssue } from "../../core/types";
import { a1, blockAddress, compactAddresses, parseBlock, splitAddress } from "../../core/address";
import { encodeCells, markFormula, markKindOf } from "../cells";
import { type Arg, enterInput, evaluate, type FunctionTable, type Value } from "./formula";
import { LIMITS } from "../../core/limits";
import { farNotice, selectionBlock, tooLarge, tooScattered } from "../notices";
import { areasOfGrid, cellsOf, locateTable } from "../../xlsx/region";
import { clipMerges, cutLongTexts, tooManyMerges } from "../../xlsx/bounds";
import {
  type Block,
  type ChartSpec,
  type ExcelOps,
  freeSheetName,
  MARK_COLORS,
  type MarkKind,
  type MarkRequest,
  type OfficeTheme,
  OpError,
  type OwnedKind,
  type ReadSheet,
  type SelectionRequest,
  type SheetContent,
  type SheetInfo,
  type TableSpec,
  type Validation,
  type WriteOptions,
  type WriteResult,
} from "../ops";
import { notOurs } from "../ops";

/** A conditional format: its type, its custom rule (for "Custom") and the areas it applies to. */
export interface MemoryConditionalFormat {
  type: "Custom" | "CellValue" | "ColorScale" | "DataBar" | "IconSet" | "TopBottom" | "PresetCriteria" | "ContainsText";
  formula?: string;
  areas: Block[];
  fill?: string;
  font?: string;
}

export interface MemorySheet {
  name: string;
  /** Stored content: values, or formula text for formula cells (see `texts`). */
  cells: CellValue[][];
  /** "row,col" of cells holding TEXT that starts with "=" (stored as text, not a formula). */
  texts: Set<string>;
  numberFormats: (string | null | undefined)[][];
  merges: Merge[];
  /** Set on the sheets this add-in wrote (the marker office.ts keeps as a custom property). */
  ours?: OwnedKind;
  /**
   * Conditional formats in priority order: index 0 is the top priority, and a format's id is its index
   * ("The priority of the conditional format in the current ConditionalFormatCollection", Excel API
   * reference, ConditionalFormat.id). Ours (marks) and the user's alike; they never replace formatting.
   */
  conditionalFormats: MemoryConditionalFormat[];
  /** The user's own fill colours (as a user's workbook has them), "row,col" → colour: marks never touch them. */
  fills: Map<string, string>;
  tables: TableSpec[];
  charts: ChartSpec[];
  validations: Validation[];
  columnWidths: number[];
  boldRows: number[];
  freezeRows: number;
  /** As written (SheetContent), kept so a saved file shows our sheets as Excel would. */
  titleRows?: number[];
  rowHeights?: (number | null)[];
  wrapText?: boolean;
}

export interface MemoryOptions {
  /** Custom functions for formulas, by upper-case name ("ZG.COMPLETION"). */
  functions?: FunctionTable;
  displayLanguage?: string;
  theme?: OfficeTheme;
}

type Listener = () => void;

/** How many columns to the left a spill anchor is looked for. */
const SPILL_WIDTH = 4;

export class MemoryWorkbook implements ExcelOps {
  readonly host = "memory" as const;
  sheets: MemorySheet[] = [];
  active = 0;
  /** The selected block on the active sheet (the area holding the active cell). */
  selection: Block = { top: 0, left: 0, bottom: 0, right: 0 };
  /** Every selected area (more than one after a Ctrl+click selection). */
  selectionAreas: Block[] = [{ top: 0, left: 0, bottom: 0, right: 0 }];
  /** The active cell. */
  activeCell = { row: 0, col: 0 };
  functions: FunctionTable;
  displayLanguage: string;
  theme: OfficeTheme;
  /** Every call made, in order (tests assert on them). */
  readonly calls: string[] = [];
  private listeners = new Set<Listener>();
  private failNextWrite: { afterRows: number; message: string } | null = null;
  private valueCache = new Map<string, Arg>();
  private rangeCache = new Map<string, Value[][]>();
  private formulaIndex = new Map<string, Map<number, number[]>>();
  private evaluating = new Set<string>();

  constructor(options: MemoryOptions = {}) {
    this.functions = options.functions ?? {};
    this.displayLanguage = options.displayLanguage ?? "zh-CN";
    this.theme = options.theme ?? "light";
  }

  // ── building and inspecting (preview and tests) ─────────────────────────────────────────────

  /** Adds a user's sheet, from its values as read (use setCell for a formula). */
  addSheet(data: SheetData & { fills?: Record<string, string> }): MemorySheet {
    const origin = data.origin ?? { row: 0, col: 0 };
    const sheet = this.blank(data.name);
    // A sheet's cells as read are VALUES: a string that starts with "=" is the user's text, not a formula.
    data.cells.forEach((row, r) =>
      row.forEach((v, c) => {
        this.put(sheet, origin.row + r, origin.col + c, v);
        if (typeof v === "string" && v.startsWith("=")) sheet.texts.add(`${origin.row + r},${origin.col + c}`);
      }),
    );
    data.numberFormats?.forEach((row, r) =>
      row.forEach((f, c) => {
        if (f) this.putFormat(sheet, origin.row + r, origin.col + c, f);
      }),
    );
    sheet.merges = (data.merges ?? []).map((m) => ({ top: m.top + origin.row, bottom: m.bottom + origin.row, left: m.left + origin.col, right: m.right + origin.col }));
    for (const [addr, colour] of Object.entries(data.fills ?? {})) {
      const b = parseBlock(addr);
      if (b) sheet.fills.set(`${b.top},${b.left}`, colour);
    }
    this.sheets.push(sheet);
    this.changed();
    return sheet;
  }

  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /**
   * Selects a block ("A1:F20") on a sheet, as the user would; "A1:B4,D6:E9" selects several areas, the
   * active cell being the top-left of the last (as after Ctrl+click), or `active` when given.
   */
  select(sheet: string, address: string, active?: string): void {
    const i = this.sheets.findIndex((s) => s.name === sheet);
    const areas = address.split(",").map((a) => parseBlock(a));
    if (i < 0 || !areas.length || areas.some((b) => !b)) throw new Error(`no such place ${sheet}!${address}`);
    const blocks = areas as Block[];
    const last = blocks[blocks.length - 1];
    const act = active ? parseBlock(active) : null;
    this.active = i;
    this.activeCell = act ? { row: act.top, col: act.left } : { row: last.top, col: last.left };
    this.selectionAreas = blocks;
    this.selection = blocks.find((b) => this.activeCell.row >= b.top && this.activeCell.row <= b.bottom && this.activeCell.col >= b.left && this.activeCell.col <= b.right) ?? last;
    this.notify();
  }

  /** Whether a cell holds a formula (rather than a value or text). */
  isFormula(sheet: string, address: string): boolean {
    const s = this.sheet(sheet);
    const b = parseBlock(address);
    return !!s && !!b && this.formulaAt(s, b.top, b.left) !== null;
  }

  /** The formula of a stored cell, or null when it holds a value or text. */
  private formulaAt(s: MemorySheet, r: number, c: number): string | null {
    const raw = s.cells[r]?.[c];
    return typeof raw === "string" && raw.startsWith("=") && !s.texts.has(`${r},${c}`) ? raw : null;
  }

  /** Makes the next writeSheet / insertTemplates fail after writing this many rows (tests, as Excel might). */
  injectWriteFailure(afterRows: number, message = "simulated failure part-way through the write"): void {
    this.failNextWrite = { afterRows, message };
  }

  /** Adds a conditional format as the user would (at the top priority, as Excel's add() does). */
  addConditionalFormat(sheet: string, cf: Omit<MemoryConditionalFormat, "areas"> & { address: string }): void {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    const areas = cf.address.split(",").map((a) => parseBlock(a)).filter((b): b is Block => b !== null);
    s.conditionalFormats.unshift({ type: cf.type, formula: cf.formula, fill: cf.fill, font: cf.font, areas });
    this.notify();
  }

  /** Our marks on a sheet, "row,col" → kind (the highest-priority mark wins where two overlap). */
  marksOf(sheet: string): Map<string, MarkKind> {
    const out = new Map<string, MarkKind>();
    const s = this.sheet(sheet);
    if (!s) return out;
    for (let i = s.conditionalFormats.length - 1; i >= 0; i--) {
      const cf = s.conditionalFormats[i];
      const kind = cf.type === "Custom" ? markKindOf(cf.formula) : null;
      if (!kind) continue;
      for (const b of cf.areas) for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) out.set(`${r},${c}`, kind);
    }
    return out;
  }

  /** Sets one cell as the user types it (a value, or a formula starting with "="). */
  setCell(sheet: string, address: string, value: CellValue): void {
    const s = this.sheet(sheet);
    const b = parseBlock(address);
    if (!s || !b) throw new Error(`no such place ${sheet}!${address}`);
    this.put(s, b.top, b.left, value);
    s.texts.delete(`${b.top},${b.left}`);
    this.changed();
  }

  /** The rows and columns a formula's result covers when it is an array (it spills), else null. */
  spillSize(sheet: string, row: number, col: number): { rows: number; cols: number } | null {
    const s = this.sheet(sheet);
    const f = s ? this.formulaAt(s, row, col) : null;
    if (!s || f === null) return null;
    const result = this.evaluated(s, row, col, f);
    return Array.isArray(result) ? { rows: result.length, cols: result[0]?.length ?? 0 } : null;
  }

  /** The stored content of a cell (formula text for formula cells). */
  formula(sheet: string, address: string): CellValue {
    const s = this.sheet(sheet);
    const b = parseBlock(address);
    if (!s || !b) return undefined;
    return s.cells[b.top]?.[b.left];
  }

  /** The value a cell shows (formulas evaluated; a cell under a spilling formula shows its part of the array). */
  value(sheet: string, row: number, col: number): Value {
    const s = this.sheet(sheet);
    if (!s) return { error: "#REF!" };
    const raw = s.cells[row]?.[col];
    const f = this.formulaAt(s, row, col);
    if (f !== null) {
      const result = this.evaluated(s, row, col, f);
      return Array.isArray(result) ? (result[0]?.[0] ?? null) : result;
    }
    if (raw === undefined || raw === null || raw === "") {
      // A spill anchored above or to the left may cover this cell: look at the nearest formula at or above
      // this row in this column and the few columns to its left (our spills are at most a few columns wide).
      const index = this.formulaRows(s);
      for (let left = col; left >= Math.max(0, col - SPILL_WIDTH); left--) {
        const rows = index.get(left);
        if (!rows) continue;
        // The last formula row above this cell (or on it, in a column to the left): binary search, as a column may
        // hold a formula in every row (the results sheet's target and actual columns).
        let lo = 0;
        let hi = rows.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (rows[mid] < row || (rows[mid] === row && left !== col)) lo = mid + 1;
          else hi = mid;
        }
        const k = lo - 1;
        if (k < 0) continue;
        const top = rows[k];
        const result = this.evaluated(s, top, left, s.cells[top][left] as string);
        if (Array.isArray(result) && result.length > row - top && (result[0]?.length ?? 0) > col - left) return result[row - top]?.[col - left] ?? null;
      }
      return null;
    }
    return raw as Value;
  }

  private evaluated(s: MemorySheet, row: number, col: number, formula: string): Arg {
    const key = `${s.name}\u0000${row},${col}`;
    const hit = this.valueCache.get(key);
    if (hit !== undefined) return hit;
    if (this.evaluating.has(key)) return { error: "#CIRC!" };
    this.evaluating.add(key);
    try {
      const v = evaluate(formula, s.name, this, this.functions);
      this.valueCache.set(key, v);
      return v;
    } finally {
      this.evaluating.delete(key);
    }
  }

  /** Per column, the rows holding formulas (sorted), for finding spill anchors. */
  private formulaRows(s: MemorySheet): Map<number, number[]> {
    let map = this.formulaIndex.get(s.name);
    if (!map) {
      map = new Map();
      s.cells.forEach((row, r) =>
        row.forEach((_, c) => {
          if (this.formulaAt(s, r, c) === null) return;
          const rows = map!.get(c);
          if (rows) rows.push(r);
          else map!.set(c, [r]);
        }),
      );
      this.formulaIndex.set(s.name, map);
    }
    return map;
  }

  /** A block's shown values, cached until the workbook changes (formulas share their ranges). */
  range(sheet: string, top: number, left: number, bottom: number, right: number): Value[][] {
    const key = `${sheet}\u0000${top},${left},${bottom},${right}`;
    const hit = this.rangeCache.get(key);
    if (hit) return hit;
    const out: Value[][] = [];
    for (let r = top; r <= bottom; r++) {
      const row: Value[] = [];
      for (let c = left; c <= right; c++) row.push(this.value(sheet, r, c));
      out.push(row);
    }
    this.rangeCache.set(key, out);
    return out;
  }

  valueAt(sheet: string, address: string): Value {
    const b = parseBlock(address);
    return b ? this.value(sheet, b.top, b.left) : { error: "#REF!" };
  }

  /** Called whenever the workbook changes (the preview's grid re-renders). */
  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  // ── ExcelOps ─────────────────────────────────────────────────────────────────────────────────

  async getSelectionSheet(request: SelectionRequest = {}): Promise<ReadSheet> {
    this.calls.push("getSelectionSheet");
    if (request.address) {
      const { sheet, local } = splitAddress(request.address);
      const s = sheet ? this.sheet(sheet) : this.sheets[this.active];
      const b = parseBlock(local);
      if (!s) throw new OpError({ zh: `找不到工作表“${sheet}”`, en: `No sheet named ${sheet}` }, "no-sheet", sheet);
      if (!b) throw new OpError({ zh: `“${request.address}”不是有效的区域地址，请写成 A1:F20 或 表名!A1:F20`, en: `"${request.address}" is not a range address; write A1:F20 or Sheet!A1:F20` }, "bad-address", s.name);
      return this.bounded(s, b, null, []);
    }
    const s = this.sheets[this.active];
    if (!s) throw new OpError({ zh: "工作簿中没有工作表", en: "The workbook has no sheet" }, "no-sheet");
    // As office.ts: of several selected areas, the one with the active cell, with a notice.
    const areas = this.selectionAreas.length > 0 ? this.selectionAreas : [this.selection];
    const { block: b, notices } = selectionBlock(s.name, areas, this.activeCell, this.usedBlock(s));
    return this.bounded(s, b, this.activeCell, notices);
  }

  async listSheets(): Promise<SheetInfo[]> {
    this.calls.push("listSheets");
    return this.sheets.map((s) => ({ name: s.name, ours: s.ours !== undefined, ...(s.ours ? { kind: s.ours } : {}) }));
  }

  async readSheet(name: string): Promise<ReadSheet> {
    this.calls.push(`readSheet:${name}`);
    const s = this.sheet(name);
    if (!s) throw new OpError({ zh: `找不到工作表“${name}”`, en: `No sheet named ${name}` }, "no-sheet", name);
    return this.bounded(s, this.usedBlock(s), null, []);
  }

  /**
   * Writes as office.ts does: a sheet it replaces is kept until the new one is whole (written under a
   * temporary name first), and a write that fails part-way leaves no partial sheet behind.
   */
  async writeSheet(content: SheetContent, options: WriteOptions = {}): Promise<WriteResult> {
    this.calls.push(`writeSheet:${content.name}`);
    const existing = this.sheet(content.name);
    const names = this.sheets.map((s) => s.name);
    let target = content.name;
    let replacing: MemorySheet | null = null;
    if (existing) {
      const mayReplace = existing.ours !== undefined && options.confirmReplace ? await options.confirmReplace(existing.name) : false;
      if (mayReplace) {
        replacing = existing;
        target = existing.name;
      } else target = freeSheetName(content.name, names);
    }
    const writeAs = replacing ? freeSheetName(`${content.name.slice(0, 26)}~new`, names) : target;
    // Written at the end, as Excel's worksheets.add does.
    const s = this.blank(writeAs);
    this.sheets.push(s);
    try {
      this.fill(s, content);
    } catch (e) {
      this.sheets.splice(this.sheets.indexOf(s), 1);
      this.changed();
      throw this.writeFailed(e, target, replacing !== null);
    }
    if (replacing) {
      this.sheets.splice(this.sheets.indexOf(replacing), 1);
      s.name = target;
    }
    if (options.activate !== false) {
      this.active = this.sheets.indexOf(s);
      this.selection = { top: 0, left: 0, bottom: 0, right: 0 };
      this.selectionAreas = [this.selection];
      this.activeCell = { row: 0, col: 0 };
    }
    this.changed();
    return { sheet: target, replaced: replacing !== null };
  }

  async insertTemplates(contents: SheetContent[]): Promise<string[]> {
    this.calls.push("insertTemplates");
    const added: MemorySheet[] = [];
    try {
      for (const c of contents) {
        const s = this.blank(freeSheetName(c.name, this.sheets.map((x) => x.name)));
        this.sheets.push(s);
        added.push(s);
        this.fill(s, c);
      }
    } catch (e) {
      this.sheets = this.sheets.filter((x) => !added.includes(x));
      this.changed();
      throw this.writeFailed(e, added[added.length - 1]?.name ?? "", false);
    }
    if (added.length) this.active = this.sheets.indexOf(added[0]);
    this.changed();
    return added.map((s) => s.name);
  }

  /** One conditional format per sheet and kind (and block of areas), added at the top priority as Excel does. */
  async markCells(requests: MarkRequest[]): Promise<number> {
    this.calls.push("markCells");
    let n = 0;
    const groups = new Map<string, { s: MemorySheet; kind: MarkKind; cells: Block[] }>();
    for (const req of requests) {
      const s = this.sheet(req.sheet);
      if (!s) throw new OpError({ zh: `找不到工作表“${req.sheet}”`, en: `No sheet named ${req.sheet}` }, "no-sheet", req.sheet);
      const g = groups.get(`${s.name}\u0000${req.kind}`) ?? { s, kind: req.kind, cells: [] };
      for (const addr of req.addresses) {
        const b = parseBlock(addr);
        if (!b) continue;
        g.cells.push(b);
        n += cellsOf(b);
      }
      groups.set(`${s.name}\u0000${req.kind}`, g);
    }
    for (const g of groups.values()) {
      const areas = compactAddresses(g.cells.map(blockAddress)).map((a) => parseBlock(a)!);
      for (let i = 0; i < areas.length; i += LIMITS.areasPerMark)
        g.s.conditionalFormats.unshift({ type: "Custom", formula: markFormula(g.kind), fill: MARK_COLORS[g.kind].fill, font: MARK_COLORS[g.kind].font, areas: areas.slice(i, i + LIMITS.areasPerMark) });
    }
    this.notify();
    return n;
  }

  /** Removes the conditional formats whose rule is our signature, on every sheet; the user's stay. */
  async clearMarks(): Promise<number> {
    this.calls.push("clearMarks");
    let removed = 0;
    for (const s of this.sheets) {
      const keep = s.conditionalFormats.filter((cf) => !(cf.type === "Custom" && markKindOf(cf.formula) !== null));
      removed += s.conditionalFormats.length - keep.length;
      s.conditionalFormats = keep;
    }
    this.notify();
    return removed;
  }

  async setUserCells(sheet: string, cells: { address: string; value: string }[]): Promise<number> {
    this.calls.push(`setUserCells:${sheet}`);
    const s = this.sheet(sheet);
    if (!s) throw new OpError({ zh: `找不到工作表“${sheet}”`, en: `No sheet named ${sheet}` }, "no-sheet", sheet);
    for (const c of cells) {
      const b = parseBlock(c.address);
      if (!b) throw new OpError({ zh: `“${c.address}”不是单元格地址`, en: `"${c.address}" is not a cell address` }, "bad-address", sheet);
      this.put(s, b.top, b.left, c.value);
      // Stored as text, as office.ts writes it (Text format): never read as a formula or a number.
      s.texts.add(`${b.top},${b.left}`);
    }
    this.changed();
    return cells.length;
  }

  async removeOurSheet(name: string): Promise<boolean> {
    this.calls.push(`removeOurSheet:${name}`);
    const s = this.sheet(name);
    if (!s) return false;
    if (s.ours === undefined) throw notOurs(s.name);
    const i = this.sheets.indexOf(s);
    this.sheets.splice(i, 1);
    if (this.active >= this.sheets.length || this.active === i) this.active = Math.max(0, Math.min(this.active, this.sheets.length - 1));
    this.changed();
    return true;
  }

  async goTo(sheet: string, cell?: string): Promise<void> {
    this.calls.push(`goTo:${sheet}!${cell ?? ""}`);
    const i = this.sheets.findIndex((s) => s.name === sheet);
    if (i < 0) return;
    this.active = i;
    const b = cell ? parseBlock(cell) : null;
    if (b) {
      this.selection = b;
      this.selectionAreas = [b];
      this.activeCell = { row: b.top, col: b.left };
    }
    this.notify();
  }

  getDisplayLanguage(): string {
    return this.displayLanguage;
  }

  getTheme(): OfficeTheme {
    return this.theme;
  }

  // ── internals ───────────────────────────────────────────────────────────────────────────────

  private blank(name: string): MemorySheet {
    return { name, cells: [], texts: new Set(), numberFormats: [], merges: [], conditionalFormats: [], fills: new Map(), tables: [], charts: [], validations: [], columnWidths: [], boldRows: [], freezeRows: 0 };
  }

  /**
   * Fills a new sheet of ours as Excel would store what office.ts sends: the same encoded inputs and
   * formats (cells.ts), each input taken as Excel takes it (enterInput). A formula Excel would refuse fails
   * the write, naming the cell.
   */
  private fill(s: MemorySheet, content: SheetContent): void {
    s.ours = content.kind;
    const { inputs, formats } = encodeCells(content);
    const failure = this.failNextWrite;
    this.failNextWrite = null;
    inputs.forEach((row, r) => {
      if (failure && r >= failure.afterRows) throw Object.assign(new Error(failure.message), { code: "GeneralException" });
      row.forEach((input, c) => {
        const format = formats[r][c];
        if (format !== "General") this.putFormat(s, r, c, format);
        let entered;
        try {
          entered = enterInput(input, format);
        } catch {
          throw new OpError(
            { zh: `Excel 无法写入单元格 ${a1(r, c)}：“${String(input)}”不是有效的公式`, en: `Excel cannot write cell ${a1(r, c)}: "${String(input)}" is not a valid formula` },
            "InvalidArgument",
            s.name,
            a1(r, c),
          );
        }
        if ("formula" in entered) this.put(s, r, c, entered.formula);
        else {
          this.put(s, r, c, entered.value);
          if (typeof entered.value === "string" && entered.value.startsWith("=")) s.texts.add(`${r},${c}`);
        }
      });
    });
    if (failure && inputs.length <= failure.afterRows) throw Object.assign(new Error(failure.message), { code: "GeneralException" });
    s.merges = [...(content.merges ?? [])];
    s.tables = [...(content.tables ?? [])];
    s.charts = [...(content.charts ?? [])];
    s.validations = [...(content.validations ?? [])];
    s.columnWidths = [...(content.columnWidths ?? [])];
    s.boldRows = [...(content.boldRows ?? [])];
    s.freezeRows = content.freezeRows ?? 0;
    s.titleRows = [...(content.titleRows ?? [])];
    s.rowHeights = content.rowHeights ? [...content.rowHeights] : undefined;
    s.wrapText = content.wrapText;
  }

  private writeFailed(e: unknown, name: string, replacing: boolean): OpError {
    const why = e instanceof OpError ? e.msg : { zh: (e as Error)?.message ?? String(e), en: (e as Error)?.message ?? String(e) };
    const old = replacing ? { zh: `原来的“${name}”保持不变`, en: `the old ${name} is unchanged` } : { zh: "工作簿保持原样", en: "the workbook is as it was" };
    return new OpError(
      { zh: `写入工作表“${name}”失败（${why.zh}），未写完的新表已删除，${old.zh}`, en: `Writing sheet ${name} failed (${why.en}); the unfinished new sheet was removed and ${old.en}` },
      e instanceof OpError ? e.code : ((e as { code?: string })?.code ?? "write-failed"),
      e instanceof OpError && e.sheet ? e.sheet : name,
      e instanceof OpError ? e.cell : undefined,
    );
  }

  private put(s: MemorySheet, r: number, c: number, v: CellValue): void {
    // Sparse like Excel's grid: a cell at row 1 048 576 does not allocate the rows above it.
    if (s.cells.length <= r) s.cells.length = r + 1;
    (s.cells[r] ??= [])[c] = v === "" ? null : v;
  }

  private putFormat(s: MemorySheet, r: number, c: number, f: string): void {
    if (s.numberFormats.length <= r) s.numberFormats.length = r + 1;
    (s.numberFormats[r] ??= [])[c] = f;
  }

  /** The bounding block of non-empty cells (A1 when the sheet is empty). */
  usedBlock(s: MemorySheet): Block {
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    s.cells.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined || v === "") return;
        top = Math.min(top, r);
        left = Math.min(left, c);
        bottom = Math.max(bottom, r);
        right = Math.max(right, c);
      }),
    );
    return bottom < 0 ? { top: 0, left: 0, bottom: 0, right: 0 } : { top, left, bottom, right };
  }

  /** A read bounded as office.ts bounds it: past LIMITS.maxCellsRead, the table's own cells and a notice. */
  private bounded(s: MemorySheet, b: Block, anchor: { row: number; col: number } | null, notices: ZgIssue[]): ReadSheet {
    if (cellsOf(b) <= LIMITS.maxCellsRead) return this.snapshot(s, b, notices);
    const filled = (v: unknown) => v !== null && v !== undefined && v !== "";
    const areas = areasOfGrid(s.cells, filled).filter((a) => a.top >= b.top && a.bottom <= b.bottom && a.left >= b.left && a.right <= b.right);
    if (areas.length > LIMITS.maxAreasRead) throw tooScattered(s.name, a1(b.bottom, b.right), areas.length);
    const found = locateTable(areas, anchor);
    if (!found) return this.snapshot(s, { top: b.top, left: b.left, bottom: b.top, right: b.left }, notices);
    if (cellsOf(found.block) > LIMITS.maxCellsRead) throw tooLarge(s.name, found.block);
    return this.snapshot(s, found.block, found.others.length ? [...notices, farNotice(s.name, found.block, found.others)] : notices);
  }

  /** Values (formulas evaluated, as Excel's range.values gives them) and formats of a block. */
  private snapshot(s: MemorySheet, b: Block, notices: ZgIssue[] = []): ReadSheet {
    const cells: CellValue[][] = [];
    const formats: (string | null)[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const row: CellValue[] = [];
      const frow: (string | null)[] = [];
      for (let c = b.left; c <= b.right; c++) {
        const v = this.value(s.name, r, c);
        row.push(v === null ? "" : v);
        frow.push(s.numberFormats[r]?.[c] ?? "General");
      }
      cells.push(row);
      formats.push(frow);
    }
    // As office.ts gets them from getMergedAreasOrNullObject: every merged area the block touches, clipped to it
    // (bounds.ts, shared with the file reader), at most LIMITS.maxMerges; text cut to what a cell holds.
    const merges = clipMerges(s.merges, b);
    if (merges.length > LIMITS.maxMerges) throw new OpError(tooManyMerges(s.name), "too-big", s.name);
    const cut = cutLongTexts(cells, s.name, { row: b.top, col: b.left }, a1);
    const all = cut ? [...notices, cut] : notices;
    return { name: s.name, cells, numberFormats: formats, merges, origin: { row: b.top, col: b.left }, ...(all.length ? { notices: all } : {}) };
  }

  /** Something shown changed (selection, marks) but no value did. */
  notify(): void {
    for (const fn of this.listeners) fn();
  }

  private changed(): void {
    this.valueCache.clear();
    this.rangeCache.clear();
    this.formulaIndex.clear();
    for (const fn of this.listeners) fn();
  }

  /** "Sheet!A1" of the current selection, for display. */
  selectionAddress(): string {
    const s = this.sheets[this.active];
    return s ? `${s.name}!${blockAddress(this.selection)}` : "";
  }
}

