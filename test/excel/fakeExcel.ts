/**
 * A fake Excel workbook built from office-addin-mock objects, enough of the Excel API for office.ts.
 * Every object handed to office.ts is an OfficeMockObject, so reading a property that was not loaded and
 * synced gives the mock's error text instead of the value: a missing load or sync shows up in the tests.
 * The mock has no collection `.items`; the fake adds it as a getter on the collections office.ts lists.
 */
import { OfficeMockObject } from "office-addin-mock";
import type { CellValue } from "../../src/core/types";
import { blockAddress, parseBlock, splitAddress } from "../../src/excel/address";

export interface FakeSheet {
  name: string;
  id: string;
  cells: CellValue[][];
  formats: string[][];
  /** The user's own fill colours by address (marks must never change them). */
  fills: Record<string, string>;
  props: Map<string, string>;
  cfs: { id: string; address: string; fill: string; font: string; formula: string }[];
  tables: { name: string; address: string }[];
  charts: number;
  deleted: boolean;
  /** Every range object office.ts received for this sheet, with where it is. */
  ranges: { address: string; mock: OfficeMockObject; original: { values: CellValue[][]; formats: string[][] } }[];
  activated: boolean;
}

type Dict = Record<string, unknown>;

function setPlain(o: OfficeMockObject, props: Dict): OfficeMockObject {
  for (const [k, v] of Object.entries(props)) (o as Dict)[k] = v;
  return o;
}

export class FakeExcel {
  sheets: FakeSheet[] = [];
  active = 0;
  selection = "A1";
  private created: OfficeMockObject[] = [];
  private nextId = 1;
  readonly context: OfficeMockObject & { sync: () => Promise<void> };
  readonly tableNames: string[] = [];
  suspended = { calc: 0, screen: 0 };

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
            if (this.find(name, false)) throw Object.assign(new Error(`sheet ${name} exists`), { code: "ItemAlreadyExists" });
            const s = this.addSheet(name, []);
            return this.sheetMock(s);
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
          return this.rangeMock(s, this.selection);
        },
      },
      sync: async () => {
        for (const o of this.created) await o.sync();
        // office-addin-mock finishes a sync in queued callbacks: let them run.
        await new Promise((r) => setTimeout(r, 0));
      },
    }) as unknown as OfficeMockObject & { sync: () => Promise<void> };
    this.context = (ctx as unknown as { workbook: unknown } & OfficeMockObject) as never;
    const wb = (ctx as unknown as { workbook: Dict }).workbook as Dict;
    Object.defineProperty(wb.worksheets as object, "items", { get: () => this.live().map((s) => this.sheetMock(s)) });
    Object.defineProperty(wb.tables as object, "items", { get: () => this.tableNames.map((name) => ({ name })) });
  }

  /** Runs a batch the way Excel.run does. */
  run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    // Objects belong to one request, as in Office.js.
    this.sheetMocks.clear();
    return batch(this.context as unknown as Excel.RequestContext);
  };

  private sheetMocks = new Map<string, OfficeMockObject>();
  private addressOf = new WeakMap<OfficeMockObject, string>();

  live(): FakeSheet[] {
    return this.sheets.filter((s) => !s.deleted);
  }

  find(name: string, required: boolean): FakeSheet | undefined {
    const s = this.live().find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s && required) throw Object.assign(new Error(`no sheet ${name}`), { code: "ItemNotFound" });
    return s;
  }

  addSheet(name: string, cells: CellValue[][], formats?: string[][], fills: Record<string, string> = {}): FakeSheet {
    const s: FakeSheet = {
      name,
      id: `{sheet-${this.nextId++}}`,
      cells,
      formats: formats ?? cells.map((r) => r.map(() => "General")),
      fills,
      props: new Map(),
      cfs: [],
      tables: [],
      charts: 0,
      deleted: false,
      ranges: [],
      activated: false,
    };
    this.sheets.push(s);
    return s;
  }

  private track<T extends OfficeMockObject>(o: T): T {
    this.created.push(o);
    return o;
  }

  private used(s: FakeSheet): { top: number; left: number; bottom: number; right: number } | null {
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
              t.name = v;
              this.tableNames.push(v);
            },
            get: () => t.name,
          });
          return tm;
        },
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
      getRange: (address?: string) => this.rangeMock(s, address ?? `A1:${"XFD"}1048576`),
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
      delete: () => void (s.deleted = true),
    });
    this.sheetMocks.set(s.id, mock);
    return this.track(mock);
  }

  private areasMock(s: FakeSheet, addresses: string): OfficeMockObject {
    return new OfficeMockObject({
      address: addresses,
      conditionalFormats: {
        add: () => {
          const id = `{cf-${this.nextId++}}`;
          const cf = this.track(new OfficeMockObject({ id, custom: { rule: { formula: "" }, format: { fill: { color: "" }, font: { color: "" } } } }));
          // The rule and colours are read back when the sync comes (that is when Excel applies them).
          const record = { id, address: addresses, fill: "", font: "", formula: "" };
          s.cfs.push(record);
          const c = cf as unknown as { custom: { rule: Dict; format: { fill: Dict; font: Dict } } };
          Object.defineProperty(record, "fill", { get: () => c.custom.format.fill.color, enumerable: true });
          Object.defineProperty(record, "font", { get: () => c.custom.format.font.color, enumerable: true });
          Object.defineProperty(record, "formula", { get: () => c.custom.rule.formula, enumerable: true });
          return cf;
        },
      },
    });
  }

  rangeMock(s: FakeSheet, address: string): OfficeMockObject {
    const local = splitAddress(address).local;
    const b = parseBlock(local);
    if (!b) throw Object.assign(new Error(`bad address ${address}`), { code: "InvalidArgument" });
    const bottom = Math.min(b.bottom, Math.max(b.top, s.cells.length + 10));
    const right = Math.min(b.right, b.left + 200);
    const values: CellValue[][] = [];
    const formats: string[][] = [];
    for (let r = b.top; r <= bottom; r++) {
      values.push(Array.from({ length: right - b.left + 1 }, (_, c) => s.cells[r]?.[b.left + c] ?? ""));
      formats.push(Array.from({ length: right - b.left + 1 }, (_, c) => s.formats[r]?.[b.left + c] ?? "General"));
    }
    const cfsOfSheet = s.cfs;
    const cfCollection = new OfficeMockObject({
      load: () => undefined,
      add: () => {
        throw new Error("use getRanges for marks");
      },
    });
    Object.defineProperty(cfCollection, "items", {
      get: () => cfsOfSheet.map((cf) => ({ id: cf.id, delete: () => cfsOfSheet.splice(cfsOfSheet.indexOf(cf), 1) })),
    });
    const mock = this.track(
      new OfficeMockObject({
        address: `${s.name}!${local}`,
        rowIndex: b.top,
        columnIndex: b.left,
        rowCount: b.bottom - b.top + 1,
        columnCount: b.right - b.left + 1,
        cellCount: (b.bottom - b.top + 1) * (b.right - b.left + 1),
        values,
        numberFormat: formats,
        formulas: values,
        format: { font: { bold: false, size: 11 }, fill: { color: s.fills[local] ?? "#FFFFFF" }, columnWidth: 48, rowHeight: 15, wrapText: false },
        dataValidation: {},
        getMergedAreasOrNullObject: () => setPlain(this.track(new OfficeMockObject({ address: "" })), { isNullObject: true }),
        merge: () => undefined,
        select: () => void (this.selection = local),
      }),
    );
    setPlain(mock, { conditionalFormats: cfCollection });
    s.ranges.push({ address: local, mock, original: { values, formats } });
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

/** What office.ts assigned to a range object (undefined where it assigned nothing). */
export function assigned(mock: OfficeMockObject, prop: "values" | "formulas" | "numberFormat", original: unknown): unknown {
  const v = (mock as Dict)[prop];
  if (typeof v === "string") return undefined; // the mock's "not loaded" text: never assigned
  return JSON.stringify(v) === JSON.stringify(original) ? undefined : v;
}
