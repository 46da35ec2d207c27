/**
 * ExcelOps: everything the task pane may do to a workbook. Components receive ONE object with this
 * shape (props / React context) and never call Office.js themselves, so the same UI runs in Excel
 * (office.ts), in the browser preview and in component tests (memory.ts).
 *
 * Rules every implementation keeps:
 *  - nothing the user typed is overwritten: results go to sheets of our own, created new;
 *  - a sheet of ours is replaced only after confirmReplace() says yes; a user's sheet that happens to
 *    carry our sheet's name is never touched (another name is picked);
 *  - marks never replace the user's own formatting and are all removed by clearMarks();
 *  - strings we write are text; formulas are only what our code builds with formula();
 *  - reads are bounded (limits.ts): a huge or odd sheet gives a message or a notice, never a frozen pane.
 */
import type { Block } from "../core/address";
import type { Validation } from "../core/templates";
import type { CellValue, Msg, SheetData, SheetLayout, ZgIssue } from "../core/types";

export type { Validation };

const FORMULA = Symbol("zg.formula");

/**
 * A formula cell of a sheet we write. Only our own code builds them (scoreSheet.ts): any plain string in
 * SheetContent is TEXT and lands as text, whatever it starts with, so a county called "-临平区" or a label
 * "=HYPERLINK(…)" copied from the user's workbook never becomes a formula.
 */
export interface Formula {
  readonly formula: string;
  readonly [FORMULA]: true;
}

/** A formula cell; the text must start with "=". */
export function formula(text: string): Formula {
  if (!text.startsWith("=")) throw new Error(`a formula starts with "=": ${text}`);
  return { formula: text, [FORMULA]: true };
}

export function isFormula(v: unknown): v is Formula {
  return typeof v === "object" && v !== null && (v as Formula)[FORMULA] === true;
}

/** A cell of a sheet we write: a value (strings are text) or one of our formulas. */
export type SheetCell = CellValue | Formula;

/**
 * A sheet as read, with what the reader had to leave out or choose (several ranges selected, a cell far
 * away left out, merged cells not read): warnings naming the sheet and cell, shown with the results.
 */
export interface ReadSheet extends SheetData {
  notices?: ZgIssue[];
}

/** What our own sheets are for (kept as a marker on the sheet, so we recognise them later). */
export type OwnedKind = "report" | "score" | "template";
export const OWNED_KINDS: readonly OwnedKind[] = ["report", "score", "template"];

/**
 * The custom sheet property (Excel's Worksheet.customProperties) that marks a sheet as ours, its value the kind:
 * office.ts sets it in Excel, and the browser page writes and reads it in the saved file, so either knows the other's.
 */
export const OWNER_KEY = "ZG";

export interface SheetInfo {
  name: string;
  /** True for a sheet this add-in created (report, score or template sheet). */
  ours: boolean;
  kind?: OwnedKind;
}

/** A 0-based inclusive block of a sheet. */
export type { Block } from "../core/address";

export interface TableSpec {
  /** Excel table name (letters, digits, underscores). A suffix is added when the name is taken. */
  name: string;
  /** The block including its header row. */
  range: Block;
}

export interface ChartSpec {
  title: string;
  /** Category labels (one column) and values (one column), header row excluded. */
  categories: Block;
  values: Block;
  /** Where the chart's top-left corner goes (0-based row, col). */
  at: { row: number; col: number };
}

/**
 * The content of a sheet we write: values, text, our formulas, formats and the structure around them.
 * Written in one 2-D array, never cell by cell.
 */
export interface SheetContent extends SheetLayout {
  /** The name we would like; a free name is derived from it when taken by a user's sheet. */
  name: string;
  kind: OwnedKind;
  /** Rows × columns starting at A1. Strings are text; formulas are formula("=ZG.COMPLETION(...)") cells. */
  cells: SheetCell[][];
  tables?: TableSpec[];
  charts?: ChartSpec[];
  /** Data validation (drop-downs, whole numbers), as templates.ts describes it. */
  validations?: Validation[];
  /** Print-ready layout (Excel's page setup; skipped, with nothing else changed, where the API is missing). */
  print?: PrintLayout;
}

export interface PrintLayout {
  /** Rows (0-based, inclusive) repeated at the top of every printed page. */
  titleRows?: { first: number; last: number };
  landscape?: boolean;
  /** Scaled to one page wide (as many pages tall as it takes). */
  fitToWidth?: boolean;
}

export interface WriteOptions {
  /** Asked before replacing a sheet of ours that already has the name; false keeps it and picks a new name. */
  confirmReplace?: (name: string) => Promise<boolean>;
  /** Activate the written sheet (default true). */
  activate?: boolean;
}

export interface WriteResult {
  /** The name the sheet was written under. */
  sheet: string;
  /** True when one of our sheets was replaced. */
  replaced: boolean;
}

/**
 * Mark kinds: 'short' a child falling short of its target, 'error' an unreadable cell,
 * 'warning' a cell that needs a look (an empty child, a 合计 that differs).
 */
export type MarkKind = "short" | "error" | "warning";

/** Colours of the marks (conditional formats), shared by Excel, the preview's grid and the legend. */
export const MARK_COLORS: Record<MarkKind, { fill: string; font: string }> = {
  short: { fill: "#FDE7E9", font: "#A80000" },
  error: { fill: "#FFF4CE", font: "#8A3707" },
  warning: { fill: "#FFF9E5", font: "#7A5A00" },
};

export interface MarkRequest {
  sheet: string;
  /** A1 addresses in that sheet ("C5", "D7:E7"). */
  addresses: string[];
  kind: MarkKind;
}

export interface SelectionRequest {
  /** A range the user typed ("Sheet1!A1:M14" or "A1:M14" on the active sheet); absent → the selection. */
  address?: string;
}

export type OfficeTheme = "light" | "dark";

/** A failure an operation reports (rejected promise): a bilingual message naming the sheet and cell. */
export class OpError extends Error {
  constructor(
    readonly msg: Msg,
    readonly code: string,
    readonly sheet?: string,
    readonly cell?: string,
  ) {
    super(msg.en);
    this.name = "OpError";
  }
}

export interface ExcelOps {
  /** 'excel' inside Excel, 'wps' inside WPS 表格, 'memory' in the preview and tests. */
  readonly host: "excel" | "memory" | "wps";
  /**
   * The used region of the sheet holding the selection (or the range given): its values AND number
   * formats, with `origin` saying where cells[0][0] sits on the sheet.
   */
  getSelectionSheet(request?: SelectionRequest): Promise<ReadSheet>;
  listSheets(): Promise<SheetInfo[]>;
  /** The used region of one sheet (values, number formats, merges where known). */
  readSheet(name: string): Promise<ReadSheet>;
  /**
   * Writes one of our sheets (report, score results, template). A write that fails part-way leaves no
   * half-written sheet: the new sheet is removed and a sheet it was to replace is still there.
   */
  writeSheet(content: SheetContent, options?: WriteOptions): Promise<WriteResult>;
  /** Inserts templates on NEW sheets, never replacing anything; returns the names used. */
  insertTemplates(contents: SheetContent[]): Promise<string[]>;
  /** Marks cells with removable conditional formats; returns how many cells were marked. */
  markCells(requests: MarkRequest[]): Promise<number>;
  /**
   * Removes every mark we added, on every sheet, and nothing else (our marks are recognised by the
   * signature inside their own rule, never by a conditional format's id); returns how many were removed.
   */
  clearMarks(): Promise<number>;
  /**
   * Removes a sheet THIS add-in wrote (recognised by its marker, never by its name): Excel cannot undo an
   * add-in's writes, so this is the undo. A user's sheet is refused with an OpError ("not-ours"); returns false
   * when no sheet has the name.
   */
  removeOurSheet(name: string): Promise<boolean>;
  /**
   * Writes text into cells of a USER's sheet. The one exception to "nothing the user typed is overwritten",
   * used only when the user asks for it after seeing what will change (the 加快发展县 / 上年度已获激励 ticks
   * written back to the county sheet); every value lands as text. Returns how many cells were written.
   */
  setUserCells(sheet: string, cells: { address: string; value: string }[]): Promise<number>;
  /** Shows a cell to the user (activates its sheet and selects it). */
  goTo(sheet: string, cell?: string): Promise<void>;
  /** 'zh-CN', 'en-US', … */
  getDisplayLanguage(): string;
  getTheme(): OfficeTheme;
}

/** The sheet names we write under, Chinese first (names must stay ≤ 31 characters, no []:*?/\). */
export const OUR_SHEET_NAMES = {
  report: "ZG校核报告",
  score: "ZG评分结果",
  distributable: "ZG评分结果（可分发）",
  decompositionTemplate: "ZG分解表2020",
  selfAssessmentTemplate: "ZG县自评模板",
} as const;

/** A free sheet name derived from `wanted`: wanted, wanted (2), wanted (3)… ≤ 31 characters. */
export function freeSheetName(wanted: string, taken: Iterable<string>): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  const base = wanted.replace(/[[\]:*?/\\]/g, "_").slice(0, 31);
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** A sheet the user wrote is never removed by the add-in (ExcelOps.removeOurSheet). */
export function notOurs(name: string): OpError {
  return new OpError({ zh: `工作表“${name}”不是本加载项写入的，不会删除`, en: `Sheet ${name} was not written by this add-in; it is not removed` }, "not-ours", name);
}
