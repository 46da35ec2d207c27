/**
 * An in-memory workbook implementing the same ExcelOps as office.ts: cells, number formats, marks,
 * sheets, tables, charts and live formulas (our =ZG.… formulas evaluated by the custom-function
 * implementations handed in). The browser preview and the component tests run the real task pane on it.
 */
import type { CellValue, Merge, SheetData } from "../core/types";
import { a1, blockAddress, parseBlock, splitAddress } from "./address";
import { type Arg, evaluate, type FunctionTable, type Value } from "./formula";
import {
  type Block,
  type ChartSpec,
  type ExcelOps,
  freeSheetName,
  type MarkKind,
  type MarkRequest,
  type OfficeTheme,
  OpError,
  type OwnedKind,
  type SelectionRequest,
  type SheetContent,
  type SheetInfo,
  type TableSpec,
  type Validation,
  type WriteOptions,
  type WriteResult,
} from "./ops";

export interface MemorySheet {
  name: string;
  /** Stored content: values, or formula text for formula cells. */
  cells: CellValue[][];
  numberFormats: (string | null | undefined)[][];
  merges: Merge[];
  /** Set on the sheets this add-in wrote (the marker office.ts keeps as a custom property). */
  ours?: OwnedKind;
  /** Marks added by markCells, "row,col" → kind. Kept apart from the cells: they never replace formatting. */
  marks: Map<string, MarkKind>;
  /** The user's own fill colours (as a user's workbook has them), "row,col" → colour: marks never touch them. */
  fills: Map<string, string>;
  tables: TableSpec[];
  charts: ChartSpec[];
  validations: Validation[];
  columnWidths: number[];
  boldRows: number[];
  freezeRows: number;
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
  /** The selected block on the active sheet. */
  selection: Block = { top: 0, left: 0, bottom: 0, right: 0 };
  functions: FunctionTable;
  displayLanguage: string;
  theme: OfficeTheme;
  /** Every call made, in order (tests assert on them). */
  readonly calls: string[] = [];
  private listeners = new Set<Listener>();
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

  /** Adds a user's sheet. */
  addSheet(data: SheetData & { fills?: Record<string, string> }): MemorySheet {
    const origin = data.origin ?? { row: 0, col: 0 };
    const sheet = this.blank(data.name);
    data.cells.forEach((row, r) => row.forEach((v, c) => this.put(sheet, origin.row + r, origin.col + c, v)));
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

  /** Selects a block ("A1:F20") on a sheet, as the user would. */
  select(sheet: string, address: string): void {
    const i = this.sheets.findIndex((s) => s.name === sheet);
    const b = parseBlock(address);
    if (i < 0 || !b) throw new Error(`no such place ${sheet}!${address}`);
    this.active = i;
    this.selection = b;
    this.notify();
  }

  /** Sets one cell as the user types it (a value, or a formula starting with "="). */
  setCell(sheet: string, address: string, value: CellValue): void {
    const s = this.sheet(sheet);
    const b = parseBlock(address);
    if (!s || !b) throw new Error(`no such place ${sheet}!${address}`);
    this.put(s, b.top, b.left, value);
    this.changed();
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
    if (typeof raw === "string" && raw.startsWith("=")) {
      const result = this.evaluated(s, row, col, raw);
      return Array.isArray(result) ? (result[0]?.[0] ?? null) : result;
    }
    if (raw === undefined || raw === null || raw === "") {
      // A spill anchored above or to the left may cover this cell: look at the nearest formula at or above
      // this row in this column and the few columns to its left (our spills are at most a few columns wide).
      const index = this.formulaRows(s);
      for (let left = col; left >= Math.max(0, col - SPILL_WIDTH); left--) {
        const rows = index.get(left);
        if (!rows) continue;
        let k = rows.length - 1;
        while (k >= 0 && (rows[k] > row || (rows[k] === row && left === col))) k--;
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
        row.forEach((v, c) => {
          if (typeof v === "string" && v.startsWith("=")) map!.set(c, [...(map!.get(c) ?? []), r]);
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

  async getSelectionSheet(request: SelectionRequest = {}): Promise<SheetData> {
    this.calls.push("getSelectionSheet");
    if (request.address) {
      const { sheet, local } = splitAddress(request.address);
      const s = sheet ? this.sheet(sheet) : this.sheets[this.active];
      const b = parseBlock(local);
      if (!s) throw new OpError({ zh: `找不到工作表“${sheet}”`, en: `No sheet named ${sheet}` }, "no-sheet", sheet);
      if (!b) throw new OpError({ zh: `“${request.address}”不是有效的区域地址，请写成 A1:F20 或 表名!A1:F20`, en: `"${request.address}" is not a range address; write A1:F20 or Sheet!A1:F20` }, "bad-address", s.name);
      return this.snapshot(s, b);
    }
    const s = this.sheets[this.active];
    if (!s) throw new OpError({ zh: "工作簿中没有工作表", en: "The workbook has no sheet" }, "no-sheet");
    // A single selected cell means "the table around it": the sheet's used region.
    const sel = this.selection;
    const single = sel.top === sel.bottom && sel.left === sel.right;
    return this.snapshot(s, single ? this.usedBlock(s) : sel);
  }

  async listSheets(): Promise<SheetInfo[]> {
    this.calls.push("listSheets");
    return this.sheets.map((s) => ({ name: s.name, ours: s.ours !== undefined, ...(s.ours ? { kind: s.ours } : {}) }));
  }

  async readSheet(name: string): Promise<SheetData> {
    this.calls.push(`readSheet:${name}`);
    const s = this.sheet(name);
    if (!s) throw new OpError({ zh: `找不到工作表“${name}”`, en: `No sheet named ${name}` }, "no-sheet", name);
    return this.snapshot(s, this.usedBlock(s));
  }

  async writeSheet(content: SheetContent, options: WriteOptions = {}): Promise<WriteResult> {
    this.calls.push(`writeSheet:${content.name}`);
    const existing = this.sheet(content.name);
    let name = content.name;
    let replaced = false;
    if (existing) {
      const mayReplace = existing.ours !== undefined && options.confirmReplace ? await options.confirmReplace(existing.name) : false;
      if (mayReplace) {
        replaced = true;
        name = existing.name;
        this.sheets.splice(this.sheets.indexOf(existing), 1);
      } else {
        name = freeSheetName(content.name, this.sheets.map((s) => s.name));
      }
    }
    // Written at the end, as Excel's worksheets.add does (a replaced sheet is deleted first).
    const s = this.fill(name, content);
    this.sheets.push(s);
    if (options.activate !== false) {
      this.active = this.sheets.indexOf(s);
      this.selection = { top: 0, left: 0, bottom: 0, right: 0 };
    }
    this.changed();
    return { sheet: name, replaced };
  }

  async insertTemplates(contents: SheetContent[]): Promise<string[]> {
    this.calls.push("insertTemplates");
    const names: string[] = [];
    for (const c of contents) {
      const name = freeSheetName(c.name, this.sheets.map((s) => s.name));
      this.sheets.push(this.fill(name, c));
      names.push(name);
    }
    if (names.length) this.active = this.sheets.findIndex((s) => s.name === names[0]);
    this.changed();
    return names;
  }

  async markCells(requests: MarkRequest[]): Promise<number> {
    this.calls.push("markCells");
    let n = 0;
    for (const req of requests) {
      const s = this.sheet(req.sheet);
      if (!s) throw new OpError({ zh: `找不到工作表“${req.sheet}”`, en: `No sheet named ${req.sheet}` }, "no-sheet", req.sheet);
      for (const addr of req.addresses) {
        const b = parseBlock(addr);
        if (!b) continue;
        for (let r = b.top; r <= b.bottom; r++)
          for (let c = b.left; c <= b.right; c++) {
            s.marks.set(`${r},${c}`, req.kind);
            n++;
          }
      }
    }
    this.notify();
    return n;
  }

  async clearMarks(): Promise<number> {
    this.calls.push("clearMarks");
    let groups = 0;
    for (const s of this.sheets) {
      groups += new Set(s.marks.values()).size;
      s.marks.clear();
    }
    this.notify();
    return groups;
  }

  async goTo(sheet: string, cell?: string): Promise<void> {
    this.calls.push(`goTo:${sheet}!${cell ?? ""}`);
    const i = this.sheets.findIndex((s) => s.name === sheet);
    if (i < 0) return;
    this.active = i;
    const b = cell ? parseBlock(cell) : null;
    if (b) this.selection = b;
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
    return { name, cells: [], numberFormats: [], merges: [], marks: new Map(), fills: new Map(), tables: [], charts: [], validations: [], columnWidths: [], boldRows: [], freezeRows: 0 };
  }

  private fill(name: string, content: SheetContent): MemorySheet {
    const s = this.blank(name);
    s.ours = content.kind;
    content.cells.forEach((row, r) => row.forEach((v, c) => this.put(s, r, c, v)));
    content.numberFormats?.forEach((row, r) =>
      row.forEach((f, c) => {
        if (f) this.putFormat(s, r, c, f);
      }),
    );
    s.merges = [...(content.merges ?? [])];
    s.tables = [...(content.tables ?? [])];
    s.charts = [...(content.charts ?? [])];
    s.validations = [...(content.validations ?? [])];
    s.columnWidths = [...(content.columnWidths ?? [])];
    s.boldRows = [...(content.boldRows ?? [])];
    s.freezeRows = content.freezeRows ?? 0;
    return s;
  }

  private put(s: MemorySheet, r: number, c: number, v: CellValue): void {
    while (s.cells.length <= r) s.cells.push([]);
    s.cells[r][c] = v === "" ? null : v;
  }

  private putFormat(s: MemorySheet, r: number, c: number, f: string): void {
    while (s.numberFormats.length <= r) s.numberFormats.push([]);
    s.numberFormats[r][c] = f;
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

  /** Values (formulas evaluated, as Excel's range.values gives them) and formats of a block. */
  private snapshot(s: MemorySheet, b: Block): SheetData {
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
    const merges = s.merges
      .filter((m) => m.top >= b.top && m.left >= b.left && m.bottom <= b.bottom && m.right <= b.right)
      .map((m) => ({ top: m.top - b.top, left: m.left - b.left, bottom: m.bottom - b.top, right: m.right - b.left }));
    return { name: s.name, cells, numberFormats: formats, merges, origin: { row: b.top, col: b.left } };
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

export { a1 };
