/**
 * The engine's shared vocabulary. Everything in src/core is pure: plain data in, plain data out,
 * errors returned as values (never thrown at callers), no Office, React or DOM.
 *
 * Module map (each module owns one part of rules.md):
 *   decimal.ts    exact decimals and ratios (no binary-rounding surprises)
 *   parse.ts      §1  reading a cell as written                readCell(cell, at?) → Reading
 *   check.ts      §2  one indicator's allocation check          checkAllocation(input) → CheckResult
 *   table.ts      §2  finding a decomposition table in a sheet  findDecompositionTable(sheet), checkSheet(sheet)
 *   score.ts      §3–5 measures, rank points, standard scores, policy points, a group's totals
 *   select.ts     §6  city stage, province stage                runSelection(counties, options)
 *   gap.ts        差距分析: a county's gap, per indicator the least improvement that passes the next county
 *   collect.ts    汇总: the counties' returned self-assessments → the city's completion and county sheets
 *   reference.ts  cities, counties, the 26 加快发展县, indicator lists, the 2020 allocations of 9号
 *   templates.ts  the 2020 decomposition table and the blank self-assessment template as grids
 *   scoreInput.ts a score input (completion and county sheets) read with an explicit column mapping
 *   catalogue.ts  every message of the engine, by code        ISSUES, REASONS, UNCHECKED
 *   messages.ts   issue() and the place a message names
 *   address.ts    A1 references and sheet names in formulas
 *   lang.ts       the two languages and how they are named
 *   limits.ts     how much of a workbook is read at once
 */
import type Big from "big.js";

/** A message in both languages: Chinese first, English beside it. */
export interface Msg {
  zh: string;
  en: string;
}

/** Where something is in the user's workbook, so every message can name the sheet and cell. */
export interface CellRef {
  sheet?: string;
  /** A1-style address, e.g. "C5". */
  cell?: string;
}

export type Severity = "error" | "warning";

/** Success carries its fields beside `ok: true`; failure carries one bilingual error. */
export type Result<T extends object> = ({ ok: true } & T) | { ok: false; error: ZgIssue };

/**
 * The codes of the engine's issues: a public contract (`zg … --json`, docs/cli.md). Their words are in catalogue.ts,
 * one entry per code; a caller compares codes, never messages.
 */
export type EngineIssueCode =
  | "no-value"
  | "excel-error"
  | "not-a-number"
  | "out-of-range"
  | "conflicting-bound"
  | "approximate"
  | "chinese-numeral"
  | "bad-separator"
  | "range"
  | "bad-unit"
  | "parent-label-mismatch"
  | "child-no-value"
  | "rate-bare-number"
  | "total-unit-mismatch"
  | "total-mismatch"
  | "child-unnamed"
  | "no-table"
  | "children-empty"
  | "bad-option"
  | "duplicate-indicator"
  | "unit-mismatch"
  | "target-not-positive"
  | "rate-scale"
  | "missing-indicator"
  | "bound-mixed"
  | "actual-not-positive"
  | "no-county-rows"
  | "too-many-counties"
  | "too-many-cities"
  | "too-many-rows"
  | "no-county-sheet"
  | "no-county"
  | "no-indicator"
  | "unknown-county"
  | "county-invisible-characters"
  | "county-without-figures"
  | "bad-yes-no"
  | "bad-count"
  | "no-policy-row"
  | "no-counties"
  | "duplicate-county"
  | "no-city"
  | "no-candidate"
  | "tie-unresolved"
  | "tie-broken"
  | "fewer-than-slots"
  | "too-few-accelerated"
  // 差距分析 and 汇总 (core/gap.ts, core/collect.ts)
  | "gap-no-county"
  | "collect-unreadable"
  | "collect-no-table"
  | "collect-no-figures"
  | "collect-several-counties"
  | "collect-unknown-county"
  | "collect-other-city"
  | "collect-twice"
  | "collect-missing-indicator"
  | "collect-bad-value"
  | "collect-changed-target"
  | "collect-missing-county"
  | "collect-returned-county"
  | "unassigned-target"
  | "accelerated-rule-off"
  | "collect-not-in-decomposition"
  | "collect-no-city";

/** What a read of a workbook left out or had to choose (the Excel layer's notices). */
export type ReadIssueCode = "far-cells" | "several-ranges" | "merges-not-read" | "text-cut";

export type IssueCode = EngineIssueCode | ReadIssueCode;

/** Why a county was or was not recommended, proposed or selected (Reason.code): a public contract too. */
export type ReasonCode =
  | "previous-winner"
  | "best-total"
  | "not-best"
  | "tie-break"
  | "tie-unresolved"
  | "accelerated-replacement"
  | "replaced"
  | "selected"
  | "proposed"
  | "not-selected";

/** A problem found in the input, returned as a value. */
export interface ZgIssue extends Msg {
  /** Stable machine-readable code (see IssueCode). */
  code: IssueCode;
  severity: Severity;
  sheet?: string;
  cell?: string;
}

/** A cell as Excel's `range.values` or a workbook reader hands it over. */
export type CellValue = string | number | boolean | null | undefined | { error: string };

/** An exact decimal number (big.js: ES5, no BigInt, so the functions bundle runs in ES2016 runtimes). */
export type Decimal = Big;

/** An exact, non-negative-denominator ratio num/den, with its nearest double for display and fast sorting. */
export interface Ratio {
  value: number;
  num: Decimal;
  den: Decimal;
}

/** "at least" (以上, ≥, 不低于, 至少: higher is better) or "at most" (以下, 以内, ≤, 不超过: lower is better). */
export type Bound = "atLeast" | "atMost";

/** A value read from a cell (rules.md §1). */
export interface Quantity {
  /** In base units: 万/亿 multiplied out, percentages as fractions (10% → 0.1). */
  value: number;
  /** The same value, exactly. */
  exact: Decimal;
  /** Base unit ('台', '家', '个', '元', '吨', '亩', '%', …); null for a bare number. 万吨标准煤 → '吨'. */
  unit: string | null;
  bound: Bound;
  /** Written as a percentage (or given in a percent number format). */
  isRate: boolean;
}

/** The outcome of reading one cell. */
export type Reading =
  | { status: "value"; quantity: Quantity }
  /** Empty, —, -, /, 无: no value. The issue is a warning naming the cell. */
  | { status: "none"; issue: ZgIssue }
  /** Not a number (待定, 约十二, #N/A …). The issue is an error naming the cell. */
  | { status: "error"; issue: ZgIssue };

// ─── §2 allocation checks ────────────────────────────────────────────────────────────────────

export type IndicatorKind = "total" | "rate" | "cumulative";
export type CheckStatus = "ok" | "short" | "unchecked";

export interface ChildCell {
  name: string;
  cell: CellValue;
  at?: CellRef;
  /** The cell's number format where known ('0%' shows a rate): a bare 0.1 in a percent format is 10%. */
  format?: string | null;
}

/** One indicator of a decomposition table, ready to be checked. */
export interface AllocationInput {
  /** The indicator label as written (may hold the parent target: 传统制造业新增工业机器人10000台). */
  indicator: string;
  /** The parent target from a 全省目标/全市目标/目标任务 row or column; when absent it is read from the label. */
  parent?: CellValue;
  parentAt?: CellRef;
  /** The parent cell's number format where known. */
  parentFormat?: string | null;
  /** The unit of bare numbers in this indicator's cells, from a 单位 column ('台', '万元', '%'). */
  unit?: string | null;
  /** The child units' allocated targets, in table order. Never includes 合计/小计/总计. */
  children: ChildCell[];
  /** Cells of 合计/小计/总计 rows or columns: compared with the computed sum, reported as a warning when they differ. */
  totals?: ChildCell[];
  /**
   * Whose figure the parent is: 'city' in a county table (a 全市目标 line, or children that are one city's
   * counties). Then the figure in a 9号 label is the province's, never the parent, and the 累计 indicator is
   * checked as a total (9号: the cities' figures are already 当年新增数). Default 'province'.
   */
  parentScope?: "province" | "city";
  /** For a cumulative (累计) indicator: the base year's stock, when the user supplies it. */
  base?: number | null;
  /** The label cell. */
  at?: CellRef;
}

export interface ChildValue {
  name: string;
  /** In base units; null where the cell had no usable value. */
  value: number | null;
  at?: CellRef;
}

export interface CheckResult {
  /** The label as written, white space removed. */
  indicator: string;
  kind: IndicatorKind;
  unit: string | null;
  bound: Bound;
  parent: number | null;
  /** null for rate indicators. */
  childrenTotal: number | null;
  /** childrenTotal − parent; null for rate indicators and where unchecked. */
  gap: number | null;
  /** The unit the table wrote the parent in (亿元, 万吨标准煤, 家): the parent and the gap are shown in it. */
  displayUnit?: string | null;
  /** The unit the children were written in, where it differs from displayUnit: their values and total are shown in it. */
  childrenUnit?: string | null;
  status: CheckStatus;
  /** For rate indicators: the children below (above, for "at most") the parent rate. */
  short: string[];
  /** Why the result is unchecked; null otherwise. */
  reason: Msg | null;
  children: ChildValue[];
  /** Every problem met: unreadable cells (errors), empty children and 合计 mismatches (warnings). */
  issues: ZgIssue[];
  at?: CellRef;
}

/** A sheet's cells as Excel's range.values: rows × columns; a merged area holds its value in its top-left cell. */
export type Grid = CellValue[][];

/** A merged area, 0-based inclusive, in the coordinates of the grid. */
export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * How a sheet ZG writes is laid out, beyond its cells: the same fields whether Office.js writes it (excel/ops.ts
 * SheetContent) or the .xlsx writer does (xlsx/write.ts OutSheet).
 */
export interface SheetLayout {
  numberFormats?: (string | null | undefined)[][];
  merges?: Merge[];
  /** Character widths of the first columns. */
  columnWidths?: number[];
  /** Row heights in points (null keeps Excel's default). */
  rowHeights?: (number | null)[];
  /** Rows (0-based) shown bold as headers, shaded. */
  boldRows?: number[];
  /** Rows shown as a title (bold, larger). */
  titleRows?: number[];
  /** Wrap text in every written cell, so line breaks show. */
  wrapText?: boolean;
  /** Freeze this many top rows. */
  freezeRows?: number;
}

export interface SheetData {
  name: string;
  cells: Grid;
  merges?: Merge[];
  /** 0-based sheet position of cells[0][0] (a used range need not start at A1); default {row: 0, col: 0}. */
  origin?: { row: number; col: number };
  /** Number formats parallel to cells where known (Excel's range.numberFormat, a workbook's numFmt): '0.0%' marks a rate. */
  numberFormats?: (string | null | undefined)[][];
}

export interface TableRegion {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A decomposition table found in a sheet. `region` is 0-based on the sheet (the grid's origin added), as an address names it. */
export interface DecompositionTable {
  sheet: string;
  /** 'indicatorRows': one indicator per row, child units as columns (as 9号 prints it); 'indicatorColumns': the transpose. */
  orientation: "indicatorRows" | "indicatorColumns";
  region: TableRegion;
  childNames: string[];
  indicators: AllocationInput[];
}

export interface SheetCheck {
  sheet: string;
  table: DecompositionTable | null;
  results: CheckResult[];
  issues: ZgIssue[];
}

// ─── §3–6 scoring and selection ──────────────────────────────────────────────────────────────

export type RankOrder = "desc" | "asc";
export type StdMethod = "full" | "max";
export type Basis = "ratio" | "value";

export interface RankOptions {
  /** Points of rank 1 (default 10). */
  top: number;
  /** Points lost per rank (default 0.5). */
  step: number;
  /** Lowest points a ranked unit gets (default 0). */
  floor: number;
}

export interface ScoreOptions extends RankOptions {
  std: StdMethod;
  basis: Basis;
  /** Number of counties the province selects (default 6). */
  slots: number;
  /** At least this many of the selected must be 加快发展县 (default 1; 0 switches the 原则上 reading off). */
  minAccelerated: number;
  /**
   * 差额比例 of 2号 第六条（三）: the proposed list (拟列入督查激励建议名单) holds ⌈slots × (1 + margin)⌉ names
   * (default 0.2: ours, the documents give no figure).
   */
  margin: number;
  /**
   * rules.md §5, a county given no target for an indicator (its target 0 or blank: the city allocated nothing):
   * `exclude` (default) leaves the indicator out of that county's own J; `zero` keeps it in J with 0 points. The
   * documents are silent: the tool's reading, and every output that applies it says so.
   */
  unassigned: UnassignedRule;
}

export type UnassignedRule = "exclude" | "zero";

export const DEFAULT_OPTIONS: Readonly<ScoreOptions> = Object.freeze({
  top: 10,
  step: 0.5,
  floor: 0,
  std: "full",
  basis: "ratio",
  slots: 6,
  minAccelerated: 1,
  margin: 0.2,
  unassigned: "exclude",
});

/** 第五条(二): the policy-mechanism inputs of one county. */
export interface PolicyInput {
  /** 实施方案 issued: 2 points. */
  plan?: boolean;
  /** 年度工作要点/工作计划: 2 points. */
  workPlan?: boolean;
  /** 配套政策: 4 points. */
  policy?: boolean;
  /** 工作协调机制: 4 points. */
  mechanism?: boolean;
  /** 省级试点: 4 points. */
  pilot?: boolean;
  /** Count of 批示肯定 / 全省会议典型发言: 1 point each, at most 4. */
  endorsements?: number;
}

/** One county's target and actual for one indicator, as written in the user's completion table. */
export interface IndicatorEntry {
  indicator: string;
  target: CellValue;
  actual: CellValue;
  targetAt?: CellRef;
  actualAt?: CellRef;
}

export interface CountyInput {
  county: string;
  city: string;
  entries: IndicatorEntry[];
  policy: PolicyInput;
  /** Overrides the built-in list of 26 when given (a 加快发展县 column). */
  accelerated?: boolean | null;
  /** 上年度已获激励: not recommended again. */
  previousWinner?: boolean;
}

export interface IndicatorScore {
  indicator: string;
  completion: Ratio | null;
  completionRank: number | null;
  completionPoints: number;
  over: Ratio | null;
  overRank: number | null;
  overPoints: number;
  /** The county was given no target for it (0 or blank): rules.md §5, option `unassigned`. */
  unassigned?: boolean;
}

export interface UnitScore {
  county: string;
  city: string;
  /** S: Σ completion rank points. */
  completionPoints: number;
  /** O: Σ over-target rank points. */
  overPoints: number;
  targetScore: number;
  overScore: number;
  policyScore: number;
  total: number;
  indicators: IndicatorScore[];
  /**
   * J as used for this unit's standard scores: the group's J, less its unassigned indicators under `unassigned:
   * exclude` (rules.md §5). Absent where no group J applies.
   */
  indicatorCount?: number;
  /** The 第五条（二） items behind policyScore, as read (so an explanation can list what was earned). */
  policy?: PolicyInput;
}

/** Why a county was recommended, passed over, selected or replaced. */
export interface Reason extends Msg {
  code: ReasonCode;
}

export interface CountyResult extends UnitScore {
  cityRank: number;
  recommended: boolean;
  reasons: Reason[];
}

export interface ProvinceResult extends UnitScore {
  rank: number;
  /** Within the suggested places (建议激励名额内). */
  selected: boolean;
  /** On the proposed list (拟列入督查激励建议名单), a superset of `selected`. */
  proposed: boolean;
  accelerated: boolean;
  reasons: Reason[];
}

export interface SelectionResult {
  counties: CountyResult[];
  province: ProvinceResult[];
  warnings: ZgIssue[];
  options: ScoreOptions;
}
