/// <reference types="wps-jsapi" />
/**
 * The part of WPS 表格's object model (the ET model, Excel's VBA model under another name) that ZG uses, typed.
 *
 * Kingsoft's own declarations (the `wps-jsapi` package, lib.et.d.ts) name every member below, and the checks at
 * the end of this file fail the build if we use one they do not declare. Their types are not usable as they are:
 * generated from the COM type library, they declare methods that return an object as returning void (the object
 * is an "RHS" out-parameter: `Worksheets.Item(Index, RHS): void`) and `Range.Value2` as a number. The types here
 * say what the VBA model documents instead (Item returns the sheet, Value2 holds a value or a 2-D array), and
 * docs/wps.md lists which of these behaviours WPS documents and which we assume.
 */

/** A cell value as Value2 may give it: a number, text, a boolean, empty (undefined or null), or an error. */
export type WpsValue = number | string | boolean | null | undefined;

export interface WpsRange {
  /** One value for one cell; a rows × columns array for a block (assumed, as in VBA; src/wps/values.ts reads either). */
  Value2: unknown;
  Formula: unknown;
  NumberFormat: unknown;
  /** 1-based row and column of the range's first cell. */
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  readonly Areas: { readonly Count: number; Item(index: number): WpsRange };
  readonly Worksheet: WpsWorksheet;
  /** true when every cell is merged, false when none is, null for a mix (VBA's Range.MergeCells). */
  readonly MergeCells: boolean | null;
  readonly MergeArea: WpsRange;
  readonly FormatConditions: WpsFormatConditions;
  readonly Font: { Bold: unknown; Size: unknown; Color: unknown };
  readonly Interior: { Color: unknown };
  WrapText: unknown;
  RowHeight: unknown;
  ColumnWidth: unknown;
  readonly Validation: WpsValidation;
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  /** Constants (xlCellTypeConstants) or formulas (xlCellTypeFormulas); fails when there are none, as in VBA. */
  SpecialCells(type: number): WpsRange;
  Merge(across?: boolean): void;
  Select(): void;
}

export interface WpsFormatCondition {
  readonly Type: number;
  readonly Formula1: string;
  readonly Interior: { Color: unknown };
  readonly Font: { Color: unknown };
  Delete(): void;
}

export interface WpsFormatConditions {
  readonly Count: number;
  /** 1-based. */
  Item(index: number): WpsFormatCondition;
  Add(type: number, operator?: unknown, formula1?: string): WpsFormatCondition;
}

export interface WpsValidation {
  Add(type: number, alertStyle?: number, operator?: number, formula1?: unknown, formula2?: unknown): void;
  InCellDropdown: boolean;
  InputTitle: string;
  InputMessage: string;
  ErrorTitle: string;
  ErrorMessage: string;
  ShowInput: boolean;
  ShowError: boolean;
}

export interface WpsCustomProperty {
  readonly Name: string;
  readonly Value: unknown;
}

export interface WpsWorksheet {
  Name: string;
  readonly UsedRange: WpsRange;
  readonly Cells: WpsRange;
  readonly CustomProperties: { readonly Count: number; Item(index: number): WpsCustomProperty; Add(name: string, value: unknown): WpsCustomProperty };
  readonly ListObjects: { readonly Count: number; Item(index: number): { Name: string }; Add(sourceType: number, source: WpsRange, linkSource?: unknown, hasHeaders?: number): { Name: string } };
  readonly PageSetup: { Orientation: number; Zoom: unknown; FitToPagesWide: unknown; FitToPagesTall: unknown; PrintTitleRows: string };
  /** "A1", "A1:C3" or several areas "A1,C3:D4". */
  Range(address: string): WpsRange;
  Activate(): void;
  Delete(): void;
}

export interface WpsSheets {
  readonly Count: number;
  /** By 1-based position or by name. */
  Item(index: number | string): WpsWorksheet;
  /** A new worksheet, placed before or after the sheet given. */
  Add(before?: WpsWorksheet | null, after?: WpsWorksheet | null): WpsWorksheet;
}

export interface WpsWorkbook {
  readonly Worksheets: WpsSheets;
  readonly ActiveSheet: WpsWorksheet;
}

export interface WpsWindow {
  FreezePanes: boolean;
  SplitRow: number;
  SplitColumn: number;
}

/** 表格's Application (`wps.EtApplication()`, `window.Application` in the add-in's pages). */
export interface WpsApplication {
  readonly ActiveWorkbook: WpsWorkbook | null;
  /** The selected cells (a Range) when cells are selected; something else (a shape) otherwise. */
  readonly Selection: unknown;
  readonly ActiveCell: WpsRange | null;
  readonly ActiveWindow: WpsWindow | null;
  ScreenUpdating: boolean;
  DisplayAlerts: boolean;
  /** "12.1.0.20540"-style version text (assumed; read defensively by host.ts). */
  readonly Version: unknown;
  readonly Build: unknown;
}

// ── the VBA enumerations we use (Microsoft's Excel VBA reference; WPS keeps the values, Application.Enum) ──────────

export const XL = {
  /** XlFormatConditionType.xlExpression: a rule given by a formula. */
  expression: 2,
  /** XlCellType.xlCellTypeConstants, xlCellTypeFormulas. */
  cellTypeConstants: 2,
  cellTypeFormulas: -4123,
  /** XlDVType.xlValidateList, xlValidateWholeNumber; XlDVAlertStyle.xlValidAlertStop; XlFormatConditionOperator.xlBetween. */
  validateList: 3,
  validateWholeNumber: 1,
  validAlertStop: 1,
  between: 1,
  /** XlListObjectSourceType.xlSrcRange; XlYesNoGuess.xlYes. */
  srcRange: 1,
  yes: 1,
  /** XlPageOrientation.xlLandscape. */
  landscape: 2,
} as const;

// ── every member used above is one Kingsoft's declarations name (a build error otherwise) ───────────────────────

type Within<Ours, Theirs> = Exclude<keyof Ours, keyof Theirs> extends never ? true : Exclude<keyof Ours, keyof Theirs>;
export const DECLARED: readonly true[] = [
  true satisfies Within<WpsRange, Et.EtRange>,
  true satisfies Within<WpsFormatCondition, Et.EtFormatCondition>,
  true satisfies Within<WpsFormatConditions, Et.EtFormatConditions>,
  true satisfies Within<WpsValidation, Et.EtValidation>,
  true satisfies Within<WpsCustomProperty, Et.EtCustomProperty>,
  true satisfies Within<WpsWorksheet, Et.EtWorksheet>,
  true satisfies Within<WpsWorksheet["CustomProperties"], Et.EtCustomProperties>,
  true satisfies Within<WpsWorksheet["PageSetup"], Et.EtPageSetup>,
  true satisfies Within<WpsWorksheet["ListObjects"], Et.EtListObjects>,
  true satisfies Within<WpsSheets, Et.EtSheets>,
  true satisfies Within<WpsWorkbook, Et.EtWorkbook>,
  true satisfies Within<WpsWindow, Et.EtWindow>,
  true satisfies Within<WpsApplication, Et.EtApplication>,
];
