/**
 * A fake Excel workbook built from office-addin-mock objects, enough of the Excel API for office.ts.
 * Every object handed to office.ts is an OfficeMockObject, so reading a property that was not loaded and
 * synced gives the mock's error text instead of the value: a missing load or sync shows up in the tests.
 *
 * A stand-in proves only what it models. Beyond the mock's load/sync bookkeeping, this fake models the
 * documented Excel contracts office.ts relies on (Microsoft's Excel API reference unless said otherwise),
 * so code that would fail in real Excel fails here:
 *  - writes land when the batch syncs, in the order queued, and a string is taken as Excel takes it:
 *    "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets
 *    this value as a formula" (Range.values), "@" too, unless the cell is in the Text format ("Text format
 *    cells are treated as text even when a number is in the cell", NumberFormatCategory); a formula Excel
 *    cannot read fails the sync. Nothing is rolled back: what ran before a failure stays (failWriteAfter
 *    injects a failure part-way);
 *  - a conditional format's id "The priority of the conditional format in the current
 *    ConditionalFormatCollection" (ConditionalFormat.id); add() puts a format "at the first/top priority"
 *    (ConditionalFormatCollection.add), so ids shift; an item loaded from a collection is addressed by that
 *    id afterwards; `custom` exists only on a custom format (ConditionalFormat.custom; loading it on
 *    another type fails, OfficeDev/office-js#2180);
 *  - getMergedAreasOrNullObject fails "if the merged areas count in this range is more than 512";
 *  - getSelectedRange "will throw an error" when several ranges are selected; getSelectedRanges and
 *    getActiveCell give them all;
 *  - "A range is limited to 5,000,000 cells for read operations" (Resource limits and performance
 *    optimization); cellCount "will return -1 if the cell count exceeds 2^31-1";
 *  - getSpecialCells gives the rectangles of constants or formulas.
 */
import { OfficeMockObject } from "office-addin-mock";
import type { CellValue } from "../../src/core/types";
import { a1, blockAddress, parseBlock, splitAddress } from "../../src/core/address";
import { enterInput } from "../../src/excel/memory/formula";
import type { Block } from "../../src/excel/ops";
import { areasOfGrid } from "../../src/xlsx/region";

export interface FakeCF {
  type: string;
  formula: string;
  address: string;
  fill: string;
  font: string;
}

export interface FakeSheet {
  name: string;
  id: string;
  /** Stored content, sparse; formula cells hold their formula text and are listed in `formulas`. */
  cells: CellValue[][];
  /** "row,col" → formula, for the cells that hold a formula. */
  formulas: Map<string, string>;
  formats: string[][];
  /** The user's own fill colours by address (marks must never change them). */
  fills: Record<string, string>;
  props: Map<string, string>;
  /** Conditional formats in priority order: index 0 is the top priority, and the index is the id. */
  cfs: FakeCF[];
  merges: Block[];
  tables: { name: string; address: string }[];
  charts: number;
  deleted: boolean;
  /** Page setup as office.ts set it (Worksheet.pageLayout, ExcelApi 1.9). */
  page: { orientation?: string; zoom?: unknown; titleRows?: string };
  /** Every range object office.ts received for this sheet, with where it is. */
  ranges: { address: string; mock: OfficeMockObject }[];
  activated: boolean;
}

/** One write as Excel applied it (at sync). */
export interface AppliedWrite {
  sheet: string;
  address: string;
  prop: "values" | "formulas" | "numberFormat";
  value: unknown;
}

type Dict = Record<string, unknown>;
type Queued = { sheet: FakeSheet; block: Block; prop: AppliedWrite["prop"]; value: unknown };

const READ_LIMIT = 5_000_000;
const MAX_MERGES = 512;
const rangeProps = ["values", "formulas", "numberFormat"] as const;

function setPlain(o: OfficeMockObject, props: Dict): OfficeMockObject {
  for (const [k, v] of Object.entries(props)) (o as Dict)[k] = v;
  return o;
}

/** The mock's own bookkeeping values ("not loaded", "not synced"), which it assigns to properties itself. */
const mockText = (v: unknown) => v === "Error, property was not loaded" || v === "Error, context.sync() was not called";

const fail = (code: string, message: string) => Object.assign(new Error(message), { code });
const intersects = (a: Block, b: Block) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

export class FakeExcel {
  sheets: FakeSheet[] = [];
  active = 0;
  /** The selection on the active sheet: "C3", "A1:B4", or several areas "A1:B4,D6". */
  selection = "A1";
  /** The active cell; by default the top-left cell of the last selected area. */
  activeCell: string | null = null;
  /** Writes applied, in order (what Excel stored). */
  readonly applied: AppliedWrite[] = [];
  private created: OfficeMockObject[] = [];
  private queue: Queued[] = [];
  private pendingError: Error | null = null;
  private failAfter: number | null = null;
  private internal = false;
  private nextId = 1;
  readonly context: OfficeMockObject & { sync: () => Promise<void> };
  readonly tableNames: string[] = [];
  suspended = { calc: 0, screen: 0 };
  syncs = 0;

  constructor() {
    const ctx = new OfficeMockObject({
      workbook: {
        application: {
          suspendApiCalculationUntilNextSync: () => void this.suspended.calc++,
          suspendScreenUpdatingUntilNextSync: () => void this.suspended.screen++,
        },
        worksheets: {
          getItem: (name: string) => this.sheetMock(this.find(name, true)!),
          getItemOrNullObject: (name: string) => {
            const s = this.find(name, false);
            return s ? this.sheetMock(s) : setPlain(this.track(new OfficeMockObject({ name: "" })), { isNullObject: true });
          },
          getActiveWorksheet: () => this.sheetMock(this.live()[this.active]),
          add: (name: string) => {
            if (this.find(name, false)) throw fail("ItemAlreadyExists", `sheet ${name} exists`);
            return this.sheetMock(this.addSheet(name, []));
          },
          // Office.js loads "items/name" on every item: the fake loads it on each sheet's object.
          load: (props: string) => {
            const inner = props
              .split(",")
              .map((p) => p.trim().replace(/^items\//, ""))
              .join(",");
            for (const x of this.live()) this.sheetMock(x).load(inner);
          },
        },
        tables: { load: () => undefined },
        getSelectedRange: () => {
          const s = this.live()[this.active];
          if (this.selection.includes(",")) {
            // "If there are multiple ranges selected, this method will throw an error."
            this.pendingError = fail("InvalidSelection", "The current selection is invalid for this operation.");
            return this.rangeMock(s, this.selection.split(",")[0]);
          }
          return this.rangeMock(s, this.selection);
        },
        getSelectedRanges: () => this.areasMock(this.live()[this.active], this.selection),
        getActiveCell: () => {
          const s = this.live()[this.active];
          const areas = this.selection.split(",");
          const last = parseBlock(areas[areas.length - 1])!;
          return this.rangeMock(s, this.activeCell ?? a1(last.top, last.left));
        },
      },
      sync: async () => {
        this.syncs++;
        const pending = this.pendingError;
        this.pendingError = null;
        if (pending) {
          this.queue = [];
          throw pending;
        }
        this.applyQueue();
        this.internal = true;
        try {
          for (const o of this.created) await o.sync();
          // office-addin-mock finishes a sync in queued callbacks: let them run.
          await new Promise((r) => setTimeout(r, 0));
        } finally {
          this.internal = false;
        }
      },
    }) as unknown as OfficeMockObject & { sync: () => Promise<void> };
    this.context = ctx as never;
    const wb = (ctx as unknown as { workbook: Dict }).workbook as Dict;
    Object.defineProperty(wb.worksheets as object, "items", { get: () => this.live().map((s) => this.sheetMock(s)) });
    Object.defineProperty(wb.tables as object, "items", { get: () => this.tableNames.map((name) => ({ name })) });
  }

  /** Runs a batch the way Excel.run does. */
  run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    // Objects belong to one request, as in Office.js; a failed request's queue is gone.
    this.sheetMocks.clear();
    this.queue = [];
    this.pendingError = null;
    return batch(this.context as unknown as Excel.RequestContext);
  };

  /** The next writes fail: after `n` more cell writes have been applied, the next one throws at its sync. */
  failWriteAfter(n: number): void {
    this.failAfter = n;
  }

  private sheetMocks = new Map<string, OfficeMockObject>();
  private addressOf = new WeakMap<OfficeMockObject, string>();

  live(): FakeSheet[] {
    return this.sheets.filter((s) => !s.deleted);
  }

  find(name: string, required: boolean): FakeSheet | undefined {
    const s = this.live().find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s && required) throw fail("ItemNotFound", `no sheet ${name}`);
    return s;
  }

  addSheet(name: string, cells: CellValue[][], formats?: string[][], fills: Record<string, string> = {}): FakeSheet {
    const s: FakeSheet = {
      name,
      id: `{sheet-${this.nextId++}}`,
      cells,
      formulas: new Map(),
      formats: formats ?? cells.map((r) => (r ?? []).map(() => "General")),
      fills,
      props: new Map(),
      cfs: [],
      merges: [],
      tables: [],
      charts: 0,
      deleted: false,
      page: {},
      ranges: [],
      activated: false,
    };
    this.sheets.push(s);
    return s;
  }

  /** A conditional format the user adds in Excel (at the top priority, as add() puts it). */
  addUserCF(sheet: FakeSheet, cf: Partial<FakeCF> & { type: string; address: string }): FakeCF {
    const record: FakeCF = { formula: "", fill: "", font: "", ...cf };
    sheet.cfs.unshift(record);
    return record;
  }

  /** The text or value stored in a cell, and whether it is a formula. */
  stored(sheet: FakeSheet, address: string): { value: CellValue; formula: string | null } {
    const b = parseBlock(address)!;
    return { value: sheet.cells[b.top]?.[b.left], formula: sheet.formulas.get(`${b.top},${b.left}`) ?? null };
  }

  private track<T extends OfficeMockObject>(o: T): T {
    this.created.push(o);
    return o;
  }

  /** Assignments of values / formulas / number formats are queued, as Office.js queues them. */
  private trackWrites(mock: OfficeMockObject, s: FakeSheet, b: Block): void {
    for (const prop of rangeProps) {
      let state = (mock as unknown as Dict)[prop];
      Object.defineProperty(mock, prop, {
        configurable: true,
        get: () => state,
        set: (v: unknown) => {
          state = v;
          if (!this.internal && !mockText(v)) this.queue.push({ sheet: s, block: b, prop, value: v });
        },
      });
    }
  }

  /** Applies queued writes in order, as Excel runs a batch; a failure stops there (nothing is undone). */
  private applyQueue(): void {
    const queue = this.queue;
    this.queue = [];
    for (const w of queue) {
      if (this.failAfter !== null && this.failAfter <= 0 && w.prop !== "numberFormat") {
        this.failAfter = null;
        throw fail("GeneralException", "There was an internal error while processing the request.");
      }
      const grid = w.value as unknown[][];
      for (let r = 0; r < grid.length; r++)
        for (let c = 0; c < grid[r].length; c++) {
          const row = w.block.top + r;
          const col = w.block.left + c;
          if (w.prop === "numberFormat") {
            (w.sheet.formats[row] ??= [])[col] = String(grid[r][c]);
            continue;
          }
          const format = w.sheet.formats[row]?.[col] ?? "General";
          let entered;
          try {
            entered = enterInput(grid[r][c], format);
          } catch {
            throw fail("InvalidArgument", `There's a problem with this formula: ${String(grid[r][c])} (${w.sheet.name}!${a1(row, col)})`);
          }
          const key = `${row},${col}`;
          if (w.sheet.cells.length <= row) w.sheet.cells.length = row + 1;
          const cellsRow = (w.sheet.cells[row] ??= []);
          if ("formula" in entered) {
            w.sheet.formulas.set(key, entered.formula);
            cellsRow[col] = entered.formula;
          } else {
            w.sheet.formulas.delete(key);
            cellsRow[col] = entered.value;
          }
        }
      this.applied.push({ sheet: w.sheet.name, address: blockAddress(w.block), prop: w.prop, value: w.value });
      if (this.failAfter !== null && w.prop !== "numberFormat") this.failAfter--;
    }
  }

  private used(s: FakeSheet): Block | null {
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    s.cells.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (v === null || v === undefined || v === "") return;
        top = Math.min(top, r);
        left = Math.min(left, c);
        bottom = Math.max(bottom, r);
        right = Math.max(right, c);
      }),
    );
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  sheetMock(s: FakeSheet): OfficeMockObject {
    const known = this.sheetMocks.get(s.id);
    if (known) return known;
    const props = s.props;
    const mock = new OfficeMockObject({
      name: s.name,
      id: s.id,
      customProperties: {
        getItemOrNullObject: (key: string) => {
          const has = props.has(key);
          const p = this.track(new OfficeMockObject({ value: props.get(key) ?? "", delete: () => void props.delete(key) }));
          return setPlain(p, { isNullObject: !has });
        },
        add: (key: string, value: string) => void props.set(key, value),
      },
      tables: {
        add: (source: string | OfficeMockObject) => {
          const address = typeof source === "string" ? source : this.addressOf.get(source)!;
          const t = { name: `Table${this.nextId++}`, address };
          s.tables.push(t);
          const tm = new OfficeMockObject({});
          Object.defineProperty(tm, "name", {
            set: (v: string) => {
              if (this.tableNames.includes(v) && t.name !== v) this.pendingError = fail("InvalidArgument", `table name ${v} is taken`);
              const i = this.tableNames.indexOf(t.name);
              if (i >= 0) this.tableNames.splice(i, 1);
              t.name = v;
              this.tableNames.push(v);
            },
            get: () => t.name,
          });
          return tm;
        },
        load: () => undefined,
      },
      charts: {
        add: () => {
          s.charts++;
          return new OfficeMockObject({
            title: {},
            legend: {},
            series: { getItemAt: () => new OfficeMockObject({ setXAxisValues: () => undefined }) },
            setPosition: () => undefined,
          });
        },
      },
      freezePanes: { freezeRows: () => undefined },
      getRange: (address?: string) => this.rangeMock(s, address ?? "A1:XFD1048576"),
      getRangeByIndexes: (r: number, c: number, rows: number, cols: number) => this.rangeMock(s, blockAddress({ top: r, left: c, bottom: r + rows - 1, right: c + cols - 1 })),
      getRanges: (addresses: string) => this.areasMock(s, addresses),
      getUsedRange: () => {
        const u = this.used(s);
        return this.rangeMock(s, u ? blockAddress(u) : "A1");
      },
      getUsedRangeOrNullObject: () => {
        const u = this.used(s);
        return u ? this.rangeMock(s, blockAddress(u)) : setPlain(this.track(new OfficeMockObject({ rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 })), { isNullObject: true });
      },
      activate: () => {
        for (const x of this.sheets) x.activated = false;
        s.activated = true;
      },
      delete: () => {
        s.deleted = true;
        for (const t of s.tables) this.tableNames.splice(this.tableNames.indexOf(t.name), 1);
      },
    });
    // Worksheet.name: a rename (the mock keeps what office.ts loaded for reading).
    let name = (mock as unknown as Dict).name;
    Object.defineProperty(mock, "name", {
      configurable: true,
      get: () => name,
      set: (v: unknown) => {
        name = v;
        if (this.internal || mockText(v)) return;
        if (this.live().some((x) => x !== s && x.name.toLowerCase() === String(v).toLowerCase())) this.pendingError = fail("ItemAlreadyExists", `sheet ${String(v)} exists`);
        else s.name = String(v);
      },
    });
    // Page setup: plain writes recorded on the sheet ("The PageLayoutZoomOptions object must be set as a JSON object").
    const page = {
      set orientation(v: string) {
        s.page.orientation = v;
      },
      set zoom(v: unknown) {
        s.page.zoom = v;
      },
      setPrintTitleRows: (rows: string) => void (s.page.titleRows = rows),
    };
    Object.defineProperty(mock, "pageLayout", { configurable: true, get: () => page });
    // Tables of this sheet, for office.ts to load their names.
    Object.defineProperty((mock as unknown as { tables: object }).tables, "items", { get: () => s.tables.map((t) => ({ name: t.name })) });
    this.sheetMocks.set(s.id, mock);
    return this.track(mock);
  }

  /** A conditional-format collection over the formats of a sheet. */
  private cfCollection(s: FakeSheet, address: string): OfficeMockObject {
    let items: OfficeMockObject[] | null = null;
    const collection = new OfficeMockObject({
      add: (type: string) => {
        const record: FakeCF = { type, formula: "", address, fill: "", font: "" };
        // "Adds a new conditional format to the collection at the first/top priority."
        s.cfs.unshift(record);
        const cf = this.track(new OfficeMockObject({ custom: { rule: { formula: "" }, format: { fill: { color: "" }, font: { color: "" } } } }));
        const c = cf as unknown as { custom: { rule: Dict; format: { fill: Dict; font: Dict } } };
        // The rule and colours are read back when the sync comes (that is when Excel applies them).
        Object.defineProperty(record, "fill", { get: () => c.custom.format.fill.color, enumerable: true });
        Object.defineProperty(record, "font", { get: () => c.custom.format.font.color, enumerable: true });
        Object.defineProperty(record, "formula", { get: () => c.custom.rule.formula, enumerable: true });
        return cf;
      },
    });
    (collection as unknown as Dict).load = (props: string) => {
      const wanted = props.split(",").map((p) => p.trim().replace(/^items\//, ""));
      // Each item is addressed by its id, which is its priority at the time it was loaded.
      items = s.cfs.map((record, priority) => this.cfItem(s, record, priority));
      for (const item of items) for (const w of wanted) item.load(w);
      return collection;
    };
    Object.defineProperty(collection, "items", { get: () => items ?? "Error, property was not loaded" });
    return collection;
  }

  private cfItem(s: FakeSheet, record: FakeCF, priority: number): OfficeMockObject {
    const item = this.track(
      new OfficeMockObject({
        id: String(priority),
        priority,
        type: record.type,
        custom: { rule: { formula: record.type === "Custom" ? record.formula : "" } },
        delete: () => {
          // By id = the priority it had when loaded: whatever is at that priority now goes.
          if (priority < s.cfs.length) s.cfs.splice(priority, 1);
        },
      }),
    );
    const onlyCustom = () => {
      if (record.type !== "Custom") this.pendingError = fail("InvalidOperation", "This operation is not permitted for the current object.");
    };
    const load = item.load.bind(item);
    (item as unknown as Dict).load = (p: string) => {
      if (/custom/.test(p)) onlyCustom();
      return load(p);
    };
    const rule = (item as unknown as { custom: { rule: OfficeMockObject } }).custom.rule;
    const ruleLoad = rule.load.bind(rule);
    (rule as unknown as Dict).load = (p: string) => {
      onlyCustom();
      return ruleLoad(p);
    };
    return item;
  }

  /** A RangeAreas over comma-separated areas of a sheet. */
  private areasMock(s: FakeSheet, addresses: string): OfficeMockObject {
    const blocks = addresses.split(",").map((a) => parseBlock(splitAddress(a).local)!);
    const areaMocks = blocks.map((b) => this.rangeMock(s, blockAddress(b)));
    const areas = new OfficeMockObject({});
    (areas as unknown as Dict).load = (props: string) => {
      const inner = props
        .split(",")
        .map((p) => p.trim().replace(/^items\//, ""))
        .join(",");
      for (const m of areaMocks) m.load(inner);
    };
    Object.defineProperty(areas, "items", { get: () => areaMocks });
    const mock = this.track(new OfficeMockObject({ address: addresses, areaCount: blocks.length }));
    setPlain(mock, { areas, conditionalFormats: this.cfCollection(s, addresses) });
    return mock;
  }

  rangeMock(s: FakeSheet, address: string): OfficeMockObject {
    const local = splitAddress(address).local;
    const b = parseBlock(local);
    if (!b) throw fail("InvalidArgument", `bad address ${address}`);
    const count = (b.bottom - b.top + 1) * (b.right - b.left + 1);
    const mock = this.track(
      new OfficeMockObject({
        address: `${s.name}!${local}`,
        rowIndex: b.top,
        columnIndex: b.left,
        rowCount: b.bottom - b.top + 1,
        columnCount: b.right - b.left + 1,
        cellCount: count > 2 ** 31 - 1 ? -1 : count,
        values: [],
        numberFormat: [],
        formulas: [],
        format: { font: { bold: false, size: 11 }, fill: { color: s.fills[local] ?? "#FFFFFF" }, columnWidth: 48, rowHeight: 15, wrapText: false },
        dataValidation: {},
        getMergedAreasOrNullObject: () => {
          const hits = s.merges.filter((m) => intersects(m, b));
          const merged = this.track(new OfficeMockObject({ address: hits.map((m) => `${s.name}!${blockAddress(m)}`).join(","), areaCount: hits.length }));
          const load = merged.load.bind(merged);
          (merged as unknown as Dict).load = (p: string) => {
            // "if the merged areas count in this range is more than 512, then this method will fail"
            if (hits.length > MAX_MERGES) this.pendingError = fail("GeneralException", "There was an internal error while processing the request.");
            return load(p);
          };
          return setPlain(merged, { isNullObject: hits.length === 0 });
        },
        getSpecialCellsOrNullObject: (type: string) => {
          const filled = (r: number, c: number, v: unknown) => v !== null && v !== undefined && v !== "" && (type === "Formulas") === s.formulas.has(`${r},${c}`);
          const grid = s.cells.map((row, r) => (r < b.top || r > b.bottom || !row ? undefined : row.map((v, c) => (c >= b.left && c <= b.right && filled(r, c, v) ? v : null))));
          const areas = areasOfGrid(grid, (v) => v !== null && v !== undefined);
          if (!areas.length) return setPlain(this.track(new OfficeMockObject({ areaCount: 0 })), { isNullObject: true });
          const ra = this.areasMock(s, areas.map(blockAddress).join(","));
          return setPlain(ra, { isNullObject: false });
        },
        merge: () => void s.merges.push(b),
        select: () => void (this.selection = local),
      }),
    );
    // Cell-level properties are computed when loaded, and a read past Excel's limit fails.
    const load = mock.load.bind(mock);
    (mock as unknown as Dict).load = (props: string) => {
      const asked = props.split(",").map((p) => p.trim());
      if (asked.some((p) => (rangeProps as readonly string[]).includes(p))) {
        if (count > READ_LIMIT) this.pendingError = fail("RangeExceedsLimit", "The cell count in the range has exceeded the maximum supported number.");
        else {
          const values: CellValue[][] = [];
          const formats: string[][] = [];
          const formulas: CellValue[][] = [];
          for (let r = b.top; r <= b.bottom; r++) {
            const row = s.cells[r];
            values.push(Array.from({ length: b.right - b.left + 1 }, (_, c) => {
              const v = row?.[b.left + c];
              return s.formulas.has(`${r},${b.left + c}`) ? 0 : (v ?? "");
            }));
            formulas.push(Array.from({ length: b.right - b.left + 1 }, (_, c) => row?.[b.left + c] ?? ""));
            formats.push(Array.from({ length: b.right - b.left + 1 }, (_, c) => s.formats[r]?.[b.left + c] ?? "General"));
          }
          this.internal = true;
          try {
            const set = (mock as unknown as { setValue: (k: string, v: unknown) => void }).setValue.bind(mock);
            set("values", values);
            set("numberFormat", formats);
            set("formulas", formulas);
          } finally {
            this.internal = false;
          }
        }
      }
      return load(props);
    };
    this.trackWrites(mock, s, b);
    setPlain(mock, { conditionalFormats: this.cfCollection(s, local) });
    s.ranges.push({ address: local, mock });
    this.addressOf.set(mock, local);
    return mock;
  }
}

/** The Excel enums office.ts uses, as the Office.js global provides them. */
export function installExcelEnums(): void {
  (globalThis as Dict).Excel = {
    ConditionalFormatType: { custom: "Custom" },
    ChartType: { columnClustered: "ColumnClustered" },
    ChartSeriesBy: { columns: "Columns" },
    DataValidationOperator: { between: "Between", greaterThanOrEqualTo: "GreaterThanOrEqualTo" },
    DataValidationAlertStyle: { stop: "Stop" },
  };
}
