/**
 * A fake of WPS 表格's object model, typed by src/wps/model.ts (whose members are checked against Kingsoft's
 * `wps-jsapi` declarations), modelling only what src/wps/ops.ts uses. A stand-in proves only what it models;
 * these are the behaviours the adapter relies on, each as the VBA model documents it (Microsoft's Excel VBA
 * reference, which WPS's ET model follows) — docs/wps.md says which WPS itself documents:
 *  - collections are 1-based; Worksheets.Item(name) and Item(index) fail for a missing sheet; Worksheets.Add
 *    returns the new sheet ("SheetN"); setting Name to a taken name fails;
 *  - Worksheet.Delete asks the user unless Application.DisplayAlerts is false (the fake counts the prompts);
 *  - Range.Value2 of one cell is its value, of a block a rows × columns array; empty cells are undefined; an error
 *    cell is the CVErr number as a COM bridge gives it (values.ts);
 *  - Range.Formula (and Value2) assignment takes a string as Excel takes typed input: unless the cell is in the
 *    Text format "@", a leading "=", "+", "-" or "@" makes a formula and "10%" a number (enterInput, the model the
 *    in-memory workbook shares); a formula that cannot be read fails the assignment;
 *  - Range.NumberFormat of a block is its format when all cells share it, else null;
 *  - Range.MergeCells is true, false or null (mixed); MergeArea is the merged area of the first cell;
 *  - FormatConditions.Add(xlExpression, , formula) appends a rule to the sheet; Worksheet.Cells.FormatConditions
 *    lists every rule of the sheet; Item(i) is 1-based; Delete removes one;
 *  - SpecialCells(xlCellTypeConstants / xlCellTypeFormulas) gives those cells as areas and fails when there are none;
 *  - UsedRange of an empty sheet is A1;
 *  - Selection is a Range with Areas; ActiveCell is a one-cell Range.
 */
import type { CellValue } from "../../src/core/types";
import { a1, blockAddress, parseBlock } from "../../src/core/address";
import { enterInput } from "../../src/excel/memory/formula";
import type { Block } from "../../src/excel/ops";
import type {
  WpsApplication,
  WpsCustomProperty,
  WpsFormatCondition,
  WpsFormatConditions,
  WpsRange,
  WpsSheets,
  WpsValidation,
  WpsWindow,
  WpsWorkbook,
  WpsWorksheet,
} from "../../src/wps/model";
import { XL } from "../../src/wps/model";

export interface FakeRule {
  type: number;
  formula1: string;
  address: string;
  interior: unknown;
  font: unknown;
}

export interface FakeValidation {
  address: string;
  type: number;
  formula1: unknown;
  formula2: unknown;
  inputTitle?: string;
}

/** The CVErr number a COM bridge gives for an error cell (0x800A0000 + 2042 for #N/A, as a signed integer). */
export const CVERR: Readonly<Record<string, number>> = { "#N/A": -2146826246, "#DIV/0!": -2146826281, "#VALUE!": -2146826273, "#REF!": -2146826265 };

const key = (r: number, c: number) => `${r},${c}`;

export class FakeSheet {
  name: string;
  /** Stored values, sparse; formula cells are in `formulas` (their value here is null). */
  cells: CellValue[][] = [];
  formulas = new Map<string, string>();
  formats = new Map<string, string>();
  /** The user's own fills (marks must never change them). */
  fills = new Map<string, unknown>();
  bold = new Set<string>();
  props: { Name: string; Value: unknown }[] = [];
  rules: FakeRule[] = [];
  merges: Block[] = [];
  tables: { Name: string; address: string }[] = [];
  validations: FakeValidation[] = [];
  page: { Orientation: number; Zoom: unknown; FitToPagesWide: unknown; FitToPagesTall: unknown; PrintTitleRows: string } = {
    Orientation: 1,
    Zoom: 100,
    FitToPagesWide: 1,
    FitToPagesTall: 1,
    PrintTitleRows: "",
  };
  columnWidths = new Map<number, unknown>();
  frozenRows = 0;

  constructor(
    readonly book: FakeWps,
    name: string,
  ) {
    this.name = name;
  }

  value(r: number, c: number): CellValue {
    return this.cells[r]?.[c] ?? null;
  }
  format(r: number, c: number): string {
    return this.formats.get(key(r, c)) ?? "General";
  }
  /** Stores one input as Excel would take it typed into the cell. */
  enter(r: number, c: number, input: unknown): void {
    const entered = enterInput(input, this.format(r, c));
    (this.cells[r] ??= [])[c] = "formula" in entered ? null : entered.value;
    if ("formula" in entered && entered.formula) this.formulas.set(key(r, c), entered.formula);
    else this.formulas.delete(key(r, c));
  }
  filled(r: number, c: number): boolean {
    const v = this.value(r, c);
    return this.formulas.has(key(r, c)) || (v !== null && v !== "");
  }
  usedBlock(): Block | null {
    let b: Block | null = null;
    this.cells.forEach((row, r) =>
      row?.forEach((_, c) => {
        if (!this.filled(r, c)) return;
        b = b ? { top: Math.min(b.top, r), left: Math.min(b.left, c), bottom: Math.max(b.bottom, r), right: Math.max(b.right, c) } : { top: r, left: c, bottom: r, right: c };
      }),
    );
    return b;
  }
}

const parseAreas = (address: string): Block[] => {
  const areas = address.split(",").map((a) => parseBlock(a.replace(/\$/g, "").trim()));
  if (!areas.length || areas.some((a) => !a)) throw new Error(`fake WPS: not an address: ${address}`);
  return areas as Block[];
};

function rangeOf(sheet: FakeSheet, areas: Block[]): WpsRange {
  const [b] = areas;
  const rows = b.bottom - b.top + 1;
  const cols = b.right - b.left + 1;
  const each = (f: (r: number, c: number) => void) => {
    for (const a of areas) for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) f(r, c);
  };
  const assign = (v: unknown) => {
    if (Array.isArray(v)) {
      (v as unknown[][]).forEach((row, i) => row.forEach((x, j) => sheet.enter(b.top + i, b.left + j, x)));
    } else each((r, c) => sheet.enter(r, c, v));
  };
  const read = (r: number, c: number): unknown => {
    if (sheet.formulas.has(key(r, c))) return sheet.book.formulaValue(sheet, r, c);
    const v = sheet.value(r, c);
    if (v === null || v === "") return undefined;
    if (typeof v === "object" && "error" in v) return CVERR[v.error] ?? CVERR["#VALUE!"];
    return v;
  };
  const mergeOf = (r: number, c: number) => sheet.merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  const style = (target: "font" | "interior") => ({
    set Color(v: unknown) {
      if (target === "interior") each((r, c) => sheet.fills.set(key(r, c), v));
    },
    get Color(): unknown {
      return sheet.fills.get(key(b.top, b.left));
    },
    set Bold(v: unknown) {
      if (v) each((r, c) => sheet.bold.add(key(r, c)));
    },
    get Bold(): unknown {
      return sheet.bold.has(key(b.top, b.left));
    },
    Size: 11 as unknown,
  });
  const range: WpsRange = {
    get Value2() {
      if (rows === 1 && cols === 1) return read(b.top, b.left);
      return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => read(b.top + i, b.left + j)));
    },
    set Value2(v: unknown) {
      sheet.book.log.push(`Value2 ${sheet.name}!${blockAddress(b)}`);
      assign(v);
    },
    get Formula() {
      return sheet.formulas.get(key(b.top, b.left)) ?? read(b.top, b.left);
    },
    set Formula(v: unknown) {
      sheet.book.log.push(`Formula ${sheet.name}!${blockAddress(b)}`);
      assign(v);
    },
    get NumberFormat() {
      const first = sheet.format(b.top, b.left);
      let same = true;
      each((r, c) => {
        if (sheet.format(r, c) !== first) same = false;
      });
      return same ? first : null;
    },
    set NumberFormat(v: unknown) {
      each((r, c) => sheet.formats.set(key(r, c), String(v)));
    },
    Row: b.top + 1,
    Column: b.left + 1,
    Rows: { Count: rows },
    Columns: { Count: cols },
    Areas: { Count: areas.length, Item: (i: number) => rangeOf(sheet, [areas[i - 1]]) },
    get Worksheet() {
      return sheet.book.worksheet(sheet);
    },
    get MergeCells() {
      let all = true;
      let any = false;
      each((r, c) => {
        if (mergeOf(r, c)) any = true;
        else all = false;
      });
      return all ? true : any ? null : false;
    },
    get MergeArea() {
      const m = mergeOf(b.top, b.left);
      return rangeOf(sheet, [m ?? { top: b.top, left: b.left, bottom: b.top, right: b.left }]);
    },
    get FormatConditions(): WpsFormatConditions {
      const whole = areas.length === 1 && b.top === 0 && b.left === 0 && b.bottom >= 1_048_575;
      const list = () => (whole ? sheet.rules : sheet.rules.filter((x) => parseAreas(x.address).some((a) => areas.some((o) => a.top <= o.bottom && o.top <= a.bottom && a.left <= o.right && o.left <= a.right))));
      const wrap = (rule: FakeRule): WpsFormatCondition => ({
        Type: rule.type,
        Formula1: rule.formula1,
        Interior: {
          set Color(v: unknown) {
            rule.interior = v;
          },
          get Color() {
            return rule.interior;
          },
        },
        Font: {
          set Color(v: unknown) {
            rule.font = v;
          },
          get Color() {
            return rule.font;
          },
        },
        Delete: () => {
          sheet.rules.splice(sheet.rules.indexOf(rule), 1);
        },
      });
      return {
        get Count() {
          return list().length;
        },
        Item: (i: number) => {
          const rule = list()[i - 1];
          if (!rule) throw new Error("fake WPS: no such format condition");
          return wrap(rule);
        },
        Add: (type: number, _op?: unknown, formula1?: string) => {
          if (type !== XL.expression || typeof formula1 !== "string" || !formula1.startsWith("=")) throw new Error("fake WPS: only expression rules are modelled");
          const rule: FakeRule = { type, formula1, address: areas.map(blockAddress).join(","), interior: null, font: null };
          sheet.rules.push(rule);
          return wrap(rule);
        },
      };
    },
    get Font() {
      return style("font") as WpsRange["Font"];
    },
    get Interior() {
      return style("interior") as WpsRange["Interior"];
    },
    WrapText: false,
    RowHeight: 15,
    get ColumnWidth() {
      return sheet.columnWidths.get(b.left) ?? 8.43;
    },
    set ColumnWidth(v: unknown) {
      for (let c = b.left; c <= b.right; c++) sheet.columnWidths.set(c, v);
    },
    get Validation(): WpsValidation {
      const record: FakeValidation = { address: areas.map(blockAddress).join(","), type: 0, formula1: undefined, formula2: undefined };
      const v: WpsValidation = {
        Add: (type, _alert, _op, formula1, formula2) => {
          Object.assign(record, { type, formula1, formula2 });
          sheet.validations.push(record);
        },
        InCellDropdown: true,
        set InputTitle(t: string) {
          record.inputTitle = t;
        },
        get InputTitle() {
          return record.inputTitle ?? "";
        },
        InputMessage: "",
        ErrorTitle: "",
        ErrorMessage: "",
        ShowInput: true,
        ShowError: true,
      };
      return v;
    },
    Address: () => areas.map((a) => blockAddress(a).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")).join(","),
    SpecialCells: (type: number) => {
      // Only the stored cells are visited (a whole-sheet range has 17 billion cells).
      const found: Block[] = [];
      const inside = (r: number, c: number) => areas.some((a) => r >= a.top && r <= a.bottom && c >= a.left && c <= a.right);
      sheet.cells.forEach((row, r) =>
        row?.forEach((_, c) => {
          const formula = sheet.formulas.has(key(r, c));
          const hit = type === XL.cellTypeFormulas ? formula : !formula && sheet.filled(r, c);
          if (hit && inside(r, c)) found.push({ top: r, left: c, bottom: r, right: c });
        }),
      );
      if (!found.length) throw new Error("No cells were found.");
      return rangeOf(sheet, found);
    },
    Merge: () => {
      sheet.merges.push(b);
    },
    Select: () => {
      sheet.book.activeSheet = sheet;
      sheet.book.selection = areas;
      sheet.book.activeCell = { row: b.top, col: b.left };
    },
  };
  return range;
}

export class FakeWps {
  sheets: FakeSheet[] = [];
  activeSheet: FakeSheet | null = null;
  selection: Block[] = [];
  activeCell = { row: 0, col: 0 };
  screenUpdating = true;
  displayAlerts = true;
  /** Sheet deletions that would have asked the user (DisplayAlerts on). */
  deletePrompts = 0;
  log: string[] = [];
  /** Formula assignments to refuse (the write fails part-way), counted down. */
  failFormulaWrites = 0;
  /** What a formula cell shows: the fake does not calculate; a test may say. */
  formulaValue: (sheet: FakeSheet, r: number, c: number) => unknown = () => 0;
  private sheetObjects = new Map<FakeSheet, WpsWorksheet>();
  readonly app: WpsApplication;

  constructor() {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fake = this;
    const workbook: WpsWorkbook = {
      get Worksheets(): WpsSheets {
        return {
          get Count() {
            return fake.sheets.length;
          },
          Item: (index: number | string) => {
            const s = typeof index === "number" ? fake.sheets[index - 1] : fake.sheets.find((x) => x.name.toLowerCase() === index.toLowerCase());
            if (!s) throw new Error("fake WPS: subscript out of range");
            return fake.worksheet(s);
          },
          Add: (before?: WpsWorksheet | null, after?: WpsWorksheet | null) => {
            let n = fake.sheets.length + 1;
            while (fake.sheets.some((x) => x.name === `Sheet${n}`)) n++;
            const s = new FakeSheet(fake, `Sheet${n}`);
            const at = after ? fake.sheets.findIndex((x) => x.name === after.Name) + 1 : before ? fake.sheets.findIndex((x) => x.name === before.Name) : fake.sheets.length;
            fake.sheets.splice(at, 0, s);
            fake.activeSheet = s;
            return fake.worksheet(s);
          },
        };
      },
      get ActiveSheet() {
        return fake.worksheet(fake.activeSheet ?? fake.sheets[0]);
      },
    };
    const window: WpsWindow = {
      get FreezePanes() {
        return (fake.activeSheet?.frozenRows ?? 0) > 0;
      },
      set FreezePanes(v: boolean) {
        if (fake.activeSheet && !v) fake.activeSheet.frozenRows = 0;
        if (fake.activeSheet && v) fake.activeSheet.frozenRows = fake.splitRow;
      },
      get SplitRow() {
        return fake.splitRow;
      },
      set SplitRow(v: number) {
        fake.splitRow = v;
      },
      SplitColumn: 0,
    };
    this.app = {
      get ActiveWorkbook() {
        return workbook;
      },
      get Selection() {
        const s = fake.activeSheet ?? fake.sheets[0];
        return s ? rangeOf(s, fake.selection.length ? fake.selection : [{ top: 0, left: 0, bottom: 0, right: 0 }]) : null;
      },
      get ActiveCell() {
        const s = fake.activeSheet ?? fake.sheets[0];
        return s ? rangeOf(s, [{ top: fake.activeCell.row, left: fake.activeCell.col, bottom: fake.activeCell.row, right: fake.activeCell.col }]) : null;
      },
      ActiveWindow: window,
      get ScreenUpdating() {
        return fake.screenUpdating;
      },
      set ScreenUpdating(v: boolean) {
        fake.screenUpdating = v;
      },
      get DisplayAlerts() {
        return fake.displayAlerts;
      },
      set DisplayAlerts(v: boolean) {
        fake.displayAlerts = v;
      },
      Version: "12.1.0.20540",
      Build: 20540,
    };
  }

  private splitRow = 0;

  /** A user's sheet with these values (strings land as typed text, as a user typed them). */
  addSheet(name: string, cells: CellValue[][]): FakeSheet {
    const s = new FakeSheet(this, name);
    s.cells = cells.map((r) => [...(r ?? [])]);
    this.sheets.push(s);
    this.activeSheet ??= s;
    return s;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  select(sheet: string, address: string, active?: string): void {
    this.activeSheet = this.sheet(sheet)!;
    this.selection = parseAreas(address);
    const cell = parseBlock(active ?? address.split(",")[0])!;
    this.activeCell = { row: cell.top, col: cell.left };
  }

  worksheet(s: FakeSheet): WpsWorksheet {
    const known = this.sheetObjects.get(s);
    if (known) return known;
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fake = this;
    const props = {
      get Count() {
        return s.props.length;
      },
      Item: (i: number): WpsCustomProperty => {
        const p = s.props[i - 1];
        if (!p) throw new Error("fake WPS: no such property");
        return p;
      },
      Add: (name: string, value: unknown): WpsCustomProperty => {
        const p = { Name: name, Value: value };
        s.props.push(p);
        return p;
      },
    };
    const ws: WpsWorksheet = {
      get Name() {
        return s.name;
      },
      set Name(v: string) {
        if (!v || v.length > 31 || /[[\]:*?/\\]/.test(v)) throw new Error(`fake WPS: invalid sheet name ${v}`);
        if (fake.sheets.some((x) => x !== s && x.name.toLowerCase() === v.toLowerCase())) throw new Error(`fake WPS: the name ${v} is taken`);
        s.name = v;
      },
      get UsedRange() {
        const u = s.usedBlock() ?? { top: 0, left: 0, bottom: 0, right: 0 };
        return rangeOf(s, [u]);
      },
      get Cells() {
        return rangeOf(s, [{ top: 0, left: 0, bottom: 1_048_575, right: 16_383 }]);
      },
      CustomProperties: props,
      ListObjects: {
        get Count() {
          return s.tables.length;
        },
        Item: (i: number) => s.tables[i - 1],
        Add: (_type: number, source: WpsRange) => {
          const t = { Name: `表${fake.sheets.reduce((n, x) => n + x.tables.length, 1)}`, address: `${source.Row},${source.Column}` };
          const name = t;
          s.tables.push(name);
          return {
            get Name() {
              return name.Name;
            },
            set Name(v: string) {
              if (fake.sheets.some((x) => x.tables.some((o) => o !== name && o.Name.toLowerCase() === v.toLowerCase()))) throw new Error(`fake WPS: table name ${v} taken`);
              name.Name = v;
            },
          };
        },
      },
      get PageSetup() {
        return s.page;
      },
      Range: (address: string) => {
        if (fake.failFormulaWrites > 0) {
          const r = rangeOf(s, parseAreas(address));
          return new Proxy(r, {
            set(target, prop, value) {
              if (prop === "Formula" && --fake.failFormulaWrites === 0) throw new Error("fake WPS: write refused");
              return Reflect.set(target, prop, value);
            },
          });
        }
        return rangeOf(s, parseAreas(address));
      },
      Activate: () => {
        fake.activeSheet = s;
      },
      Delete: () => {
        if (fake.displayAlerts) fake.deletePrompts++;
        fake.sheets.splice(fake.sheets.indexOf(s), 1);
        if (fake.activeSheet === s) fake.activeSheet = fake.sheets[0] ?? null;
      },
    };
    this.sheetObjects.set(s, ws);
    return ws;
  }

  /** The text a cell shows for tests: its formula or its value. */
  shown(sheet: string, address: string): unknown {
    const s = this.sheet(sheet)!;
    const b = parseBlock(address)!;
    return s.formulas.get(key(b.top, b.left)) ?? s.value(b.top, b.left);
  }

  isFormula(sheet: string, r: number, c: number): boolean {
    return this.sheet(sheet)!.formulas.has(key(r, c));
  }

  /** Rules whose formula carries our mark signature, by address. */
  marks(sheet: string): string[] {
    return this.sheet(sheet)!.rules.filter((r) => r.formula1.includes("ZG.mark")).map((r) => r.address);
  }
}

export { a1 };
