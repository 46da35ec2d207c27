/**
 * rules.md §2: finding a decomposition table in a sheet as officials lay it out, and checking all of it.
 *
 * 9号 prints one indicator per row with the 11 cities as columns under a merged two-row header, title rows
 * above and a 省级牵头单位 column at the right; many city and county tables put the units as rows
 * instead. Rather than trusting a fixed layout, the finder reads the cells: the label column is the one
 * whose texts have readable values to their right, the header is the block just above the first such
 * row, and the child columns are those that hold values and are not 序号/牵头单位/备注/单位/目标/合计.
 * Both orientations are tried (the grid and its transpose) and the one whose lines look like indicators
 * (one unit along the line, a target in the label, names of units across) wins.
 */
import type {
  AllocationInput,
  CellRef,
  CellValue,
  ChildCell,
  DecompositionTable,
  Merge,
  Quantity,
  SheetCheck,
  SheetData,
  TableRegion,
  ZgIssue,
} from "./types";
import { checkAllocation, indicatorName, isCumulativeLabel, isPercentFormat, isTotalsLabel } from "./check";
import { columnLetters } from "./address";
import { ISSUES } from "./catalogue";
import { issue } from "./messages";
import { normalizeText, readCell, readLabelTarget } from "./parse";
import { findCity, findCounty } from "./reference";

export type Orientation = DecompositionTable["orientation"];

export interface FindTableOptions {
  /** Use this orientation instead of guessing it. */
  orientation?: Orientation;
}

export interface CheckSheetOptions extends FindTableOptions {
  /** Base-year stocks of cumulative (累计) indicators, keyed by indicator label (white space ignored), in base units. */
  base?: Record<string, number>;
}

// ─── header words ────────────────────────────────────────────────────────────────────────────

/** 全省目标, 全市目标, 目标任务, 年度目标, 2020年目标 …: the parent target line. */
const PARENT_RE = /^(?:(全省|全市|全县|全区|本省|本市|本县|本区|省级|市级|县级|省|市|县)?((20\d\d)?年度?)?(目标任务数?|目标值?|任务数|下达目标)|全省|全市|全县|全区)$/;
/** Columns that are neither a child nor a target. */
const OTHER_RE = [
  /^(序号|编号|序|No\.?)$/i,
  /(牵头|责任|主管|配合|负责)(单位|部门|处室)/,
  /^(备注|说明|附注)/,
  /^(关键性)?(量化)?指标(名称|内容)?$/,
  /^(项目|名称|内容|类别)$/,
  // A check column beside the children (the city template's 校核结果): words, never a county.
  /^(校核|核对|检查)(结果|结论)?/,
];
const UNIT_RE = /^(计量)?单位$/;
/** 基期存量, 上年末累计, 2019年底累计: the base year's stock of a cumulative (累计) indicator. */
const BASE_RE = /(基期|存量|上年末|上年底|\d{4}年(末|底))/;
/** Last year's or actual figures beside the targets: never children. */
const FIGURES_RE = /(完成|实际|现状|上年|去年|基数)/;
/** 注：…, 说明：…, 资料来源：…: note rows, never indicators. */
const NOTE_RE = /^(注|备注|说明|附注|资料来源|来源|填报说明)(\d|[:：、.]|$)/;

type Role = "parent" | "totals" | "unit" | "base" | "other" | "child";

function roleOfHeader(text: string): Role {
  const t = normalizeText(text);
  if (!t) return "child";
  if (isTotalsLabel(t)) return "totals";
  if (PARENT_RE.test(t)) return "parent";
  if (UNIT_RE.test(t)) return "unit";
  if (OTHER_RE.some((re) => re.test(t))) return "other";
  return "child";
}

/**
 * The role of a header over a column of values (in 9号's orientation). Besides the words a label line can
 * carry, a base-year stock or last year's figures may stand beside the targets. Not for labels: 盘活存量建设用地
 * is an indicator, not a stock column.
 */
function roleOfColumnHeader(text: string): Role {
  const role = roleOfHeader(text);
  if (role !== "child") return role;
  const t = normalizeText(text);
  if (BASE_RE.test(t)) return "base";
  if (FIGURES_RE.test(t)) return "other";
  return "child";
}

function isKeywordLabel(text: string): boolean {
  const t = normalizeText(text);
  return roleOfHeader(t) !== "child" || NOTE_RE.test(t);
}

// ─── cells ───────────────────────────────────────────────────────────────────────────────────

type Cls =
  | { kind: "blank" }
  | { kind: "none" }
  | { kind: "value"; q: Quantity }
  | { kind: "text"; text: string; label?: boolean }
  | { kind: "bad" };

function isBlank(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === "string" && normalizeText(v) === "");
}

/** A view of the grid, possibly transposed; every coordinate maps back to the sheet's own cell. */
interface View {
  rows: number;
  cols: number;
  get(r: number, c: number): CellValue;
  cls(r: number, c: number): Cls;
  format(r: number, c: number): string | null | undefined;
  ref(r: number, c: number): CellRef;
  /** To grid (row, col). */
  grid(r: number, c: number): [number, number];
  merges: Merge[];
}

function makeViews(sheet: SheetData): { rows: View; columns: View } {
  const cells = sheet.cells ?? [];
  const nRows = cells.length;
  const nCols = cells.reduce((m, row) => Math.max(m, row?.length ?? 0), 0);
  const origin = sheet.origin ?? { row: 0, col: 0 };
  const cache: (Cls | undefined)[][] = [];
  // Inside a merged area only the top-left cell counts (Excel shows nothing else): some readers repeat the
  // value over the whole area, which would otherwise make a title look like a header row.
  const covered = new Set<number>();
  for (const m of sheet.merges ?? []) {
    for (let r = Math.max(0, m.top); r <= Math.min(m.bottom, nRows - 1); r++) {
      for (let c = Math.max(0, m.left); c <= Math.min(m.right, nCols - 1); c++) if (r !== m.top || c !== m.left) covered.add(r * nCols + c);
    }
  }
  const get = (r: number, c: number): CellValue => (covered.size > 0 && covered.has(r * nCols + c) ? null : cells[r]?.[c]);
  const fmt = (r: number, c: number) => sheet.numberFormats?.[r]?.[c];
  // Column letters cached: a large table asks for the same few thousand columns over and over.
  const letters: string[] = [];
  const ref = (r: number, c: number): CellRef => ({
    sheet: sheet.name,
    cell: `${(letters[c] ??= columnLetters(c + origin.col))}${r + origin.row + 1}`,
  });
  const cls = (r: number, c: number): Cls => {
    const row = (cache[r] ??= []);
    let k = row[c];
    if (k) return k;
    const v = get(r, c);
    if (isBlank(v)) k = { kind: "blank" };
    else {
      const read = readCell(v, undefined, { percentFormat: isPercentFormat(fmt(r, c)) });
      if (read.status === "value") k = { kind: "value", q: read.quantity };
      else if (read.status === "none") k = { kind: "none" };
      else k = typeof v === "string" ? { kind: "text", text: v } : { kind: "bad" };
    }
    row[c] = k;
    return k;
  };
  const merges = sheet.merges ?? [];
  const rowsView: View = {
    rows: nRows,
    cols: nCols,
    get,
    cls,
    format: fmt,
    ref,
    grid: (r, c) => [r, c],
    merges,
  };
  const columnsView: View = {
    rows: nCols,
    cols: nRows,
    get: (r, c) => get(c, r),
    cls: (r, c) => cls(c, r),
    format: (r, c) => fmt(c, r),
    ref: (r, c) => ref(c, r),
    grid: (r, c) => [c, r],
    merges: merges.map((m) => ({ top: m.left, left: m.top, bottom: m.right, right: m.bottom })),
  };
  return { rows: rowsView, columns: columnsView };
}

// ─── the finder, on one view (indicators as rows) ────────────────────────────────────────────

interface Candidate {
  view: View;
  orientation: Orientation;
  region: TableRegion;
  childNames: string[];
  /** The indicators, ready for checkAllocation. */
  build: () => AllocationInput[];
  /** How much the lines look like indicators, to choose an orientation. */
  score: number;
  issues: ZgIssue[];
}

/** 台, 万吨标准煤, %: the content of a 单位 column, not an indicator label. */
function looksLikeUnit(text: string): boolean {
  const t = normalizeText(text);
  return t.length <= 6 && readCell(`1${t}`).status === "value";
}

function isLabelText(k: Cls): k is { kind: "text"; text: string } {
  if (k.kind !== "text") return false;
  // Remembered on the cached cell: the finder asks about the same cells many times.
  k.label ??= !isKeywordLabel(k.text) && !looksLikeUnit(k.text);
  return k.label;
}

/** Per view, the number of readable values to the right of each cell (suffix counts, so large sheets stay linear). */
const suffixCache = new WeakMap<View, (number[] | undefined)[]>();

function valuesRightOf(v: View, r: number, c: number): number {
  let rows = suffixCache.get(v);
  if (!rows) suffixCache.set(v, (rows = []));
  let counts = rows[r];
  if (!counts) {
    counts = new Array<number>(v.cols + 1).fill(0);
    for (let j = v.cols - 1; j >= 0; j--) counts[j] = counts[j + 1] + (v.cls(r, j).kind === "value" ? 1 : 0);
    rows[r] = counts;
  }
  return counts[c + 1] ?? 0;
}

function nonBlankCount(v: View, r: number): number {
  let n = 0;
  for (let j = 0; j < v.cols; j++) if (v.cls(r, j).kind !== "blank") n++;
  return n;
}

function unitKey(q: Quantity): string {
  return q.isRate ? "%" : (q.unit ?? "");
}

function isUnitName(name: string): boolean {
  return findCity(name) !== undefined || findCounty(name) !== undefined;
}

/**
 * Finds the table in one view, or null. `notes` receives why a table-like layout is not yet a table: indicators with
 * their parent targets and named child lines that are all still empty (a decomposition template not filled in).
 */
function findInView(v: View, orientation: Orientation, notes: ZgIssue[]): Candidate | null {
  // The label column: the one whose texts most often have readable values to their right.
  // On a tie the longer texts win: a 序号 column written （一）、（二） is not the labels beside it.
  let labelCol = -1;
  let best = 0;
  let bestLength = 0;
  for (let c = 0; c < v.cols; c++) {
    let n = 0;
    let length = 0;
    for (let r = 0; r < v.rows; r++) {
      const k = v.cls(r, c);
      if (isLabelText(k) && valuesRightOf(v, r, c) > 0) {
        n++;
        length += k.text.length;
      }
    }
    if (n > best || (n === best && n > 0 && length > bestLength)) {
      best = n;
      bestLength = length;
      labelCol = c;
    }
  }
  if (labelCol < 0) return null;
  const L = labelCol;

  let first = -1;
  for (let r = 0; r < v.rows && first < 0; r++) if (isLabelText(v.cls(r, L)) && valuesRightOf(v, r, L) > 0) first = r;
  if (first < 0) return null;

  // The header block: the non-empty rows right above the first indicator, at most three, stopping at a
  // title row (a single text) unless a merged header cell reaches down into the block.
  let hEnd = first - 1;
  while (hEnd >= 0 && nonBlankCount(v, hEnd) === 0) hEnd--;
  let hTop = hEnd;
  if (hEnd >= 0) {
    while (hTop - 1 >= 0 && hEnd - (hTop - 1) < 3) {
      const r = hTop - 1;
      const mergedDown = v.merges.some((m) => m.top === r && m.bottom >= hTop && m.bottom <= hEnd);
      if (nonBlankCount(v, r) >= 2 || mergedDown) hTop = r;
      else break;
    }
  }
  const headerOf = (c: number): { text: string; r: number } | null => {
    for (let r = hEnd; r >= hTop && r >= 0; r--) {
      const x = v.get(r, c);
      if (!isBlank(x)) return { text: typeof x === "string" ? x : String(x), r };
    }
    return null;
  };

  // Rows that hold values: used to tell child columns from empty or text columns.
  const dataRows: number[] = [];
  for (let r = first; r < v.rows; r++) if (isLabelText(v.cls(r, L)) && valuesRightOf(v, r, L) > 0) dataRows.push(r);

  let parentCol: number | undefined;
  let unitCol: number | undefined;
  let baseCol: number | undefined;
  const totalCols: number[] = [];
  const candidates: number[] = [];
  const valueCols = new Set<number>();
  for (let c = L + 1; c < v.cols; c++) {
    const h = headerOf(c);
    // A header that reads as a number or quantity (10%, 114台) is data, not the name of a unit.
    const role = !h ? "child" : v.cls(h.r, c).kind === "value" ? "other" : roleOfColumnHeader(h.text);
    if (role === "parent") parentCol ??= c;
    else if (role === "totals") totalCols.push(c);
    else if (role === "unit") unitCol ??= c;
    else if (role === "base") baseCol ??= c;
    else if (role === "child") {
      candidates.push(c);
      if (dataRows.some((r) => v.cls(r, c).kind === "value")) valueCols.add(c);
    }
  }
  // Children: the named columns from the first to the last that hold values (a child column whose cells
  // are all 待定 still counts when it sits among them).
  const firstValue = candidates.find((c) => valueCols.has(c));
  const lastValue = [...candidates].reverse().find((c) => valueCols.has(c));
  if (firstValue === undefined || lastValue === undefined) {
    const named = candidates.filter((c) => headerOf(c) !== null);
    const parentTargets = parentCol !== undefined && dataRows.some((r) => v.cls(r, parentCol!).kind === "value");
    if (named.length >= 2 && parentTargets) {
      const names = named.map((c) => String(headerOf(c)!.text).replace(/[\s\u00A0\u3000]+/g, ""));
      const from = v.ref(dataRows[0], named[0]);
      const to = v.ref(dataRows[dataRows.length - 1], named[named.length - 1]);
      notes.push(issue("children-empty", "error", ISSUES["children-empty"](names, `${from.cell}:${to.cell}`), from));
    }
    return null;
  }
  // A named child at either end whose cells hold only what cannot be read (待定, 未完成, a date) is a child all the
  // same, so its cells are reported like any other child's, not left out unseen (the first and the last as the rest).
  const written = (c: number) => headerOf(c) !== null && dataRows.some((r) => !isBlank(v.get(r, c)));
  const from = candidates.find((c) => c <= firstValue && written(c)) ?? firstValue;
  const to = [...candidates].reverse().find((c) => c >= lastValue && written(c)) ?? lastValue;
  const childCols = candidates.filter((c) => c >= from && c <= to && (valueCols.has(c) || headerOf(c) !== null));
  // An allocation splits a target among at least two units; one value beside a label is a list, not a table.
  if (childCols.length < 2) return null;

  const issues: ZgIssue[] = [];
  const childNames = childCols.map((c) => {
    const h = headerOf(c);
    if (h) return String(h.text).replace(/[\s\u00A0\u3000]+/g, "");
    // Named by its column letters (or row number) in the sheet, so the user can find it.
    const place = v.ref(first, c).cell ?? "";
    const name = orientation === "indicatorRows" ? place.replace(/\d+$/, "") : place.replace(/^[A-Z]+/, "");
    issues.push(
      issue("child-unnamed", "warning", ISSUES["child-unnamed"](orientation === "indicatorRows", name), v.ref(hEnd >= 0 ? hEnd : first, c)),
    );
    return name;
  });

  const rowsOf: number[] = [];
  let score = 0;
  let withParent = false;
  let last = first;
  for (let r = first; r < v.rows; r++) {
    const lk = v.cls(r, L);
    // A repeated header (指标, 序号) or a note (注：…) in the label line ends the table: what follows is
    // another table or the notes, and must not be read with this table's children.
    if (r > first && lk.kind === "text" && (roleOfHeader(lk.text) === "other" || NOTE_RE.test(normalizeText(lk.text)))) break;
    if (!isLabelText(lk)) continue;
    // A row whose child cells are all empty is a title or a note, not an indicator (rules §2).
    if (childCols.every((c) => v.cls(r, c).kind === "blank")) continue;
    const label = lk.text;
    last = r;
    rowsOf.push(r);

    // Evidence that this line is an indicator: one unit along it, a target in its label or parent cell.
    const units = new Set<string>();
    let n = 0;
    for (const c of childCols) {
      const k = v.cls(r, c);
      if (k.kind === "value") {
        n++;
        units.add(unitKey(k.q));
      }
    }
    if (n >= 2 && units.size === 1) score += 1;
    if (n >= 2 && units.size > 1) score -= 1;
    const labelTarget = readLabelTarget(label) !== null;
    const parentValue = parentCol !== undefined && v.cls(r, parentCol).kind === "value";
    if (labelTarget) score += 1;
    if (parentValue) score += 1;
    if (labelTarget || parentValue) withParent = true;
    if (isUnitName(label)) score -= 2;
  }
  if (rowsOf.length === 0) return null;
  // Rules §2: a decomposition table gives each indicator a parent target (in its label or a 全省目标 line).
  // Without a single one, the lines are something else (a county list with yes/no columns, say).
  if (!withParent) return null;
  const named = childNames.filter(isUnitName).length;
  if (named * 2 > childNames.length) score += rowsOf.length;

  // The region: the used lines, plus other headed lines that hold something on the indicator lines
  // (序号, 牵头单位, 备注), but not a title or a note that merely shares the header's line.
  const used = [L, ...childCols, ...totalCols, ...(parentCol !== undefined ? [parentCol] : []), ...(unitCol !== undefined ? [unitCol] : []), ...(baseCol !== undefined ? [baseCol] : [])];
  let left = Math.min(...used);
  let right = Math.max(...used);
  const top = hTop >= 0 ? hTop : first;
  for (let c = 0; c < v.cols; c++) {
    if (c >= left && c <= right) continue;
    if (headerOf(c) && rowsOf.some((r) => v.cls(r, c).kind !== "blank")) {
      left = Math.min(left, c);
      right = Math.max(right, c);
    }
  }
  const [gTop, gLeft] = v.grid(top, left);
  const [gBottom, gRight] = v.grid(last, right);
  const region: TableRegion = {
    top: Math.min(gTop, gBottom),
    left: Math.min(gLeft, gRight),
    bottom: Math.max(gTop, gBottom),
    right: Math.max(gLeft, gRight),
  };
  // rules §2's county rule: the parent is a city's figure under a 全市目标 (本市, 市级) line, or when the
  // children are the counties of one city.
  const parentHeader = parentCol !== undefined ? normalizeText(headerOf(parentCol)?.text ?? "") : "";
  const counties = childNames.map((n) => findCounty(n));
  const oneCity = counties.every((c) => c !== undefined) && new Set(counties.map((c) => c!.city)).size === 1;
  const parentScope: "province" | "city" = /^(全市|本市|市级|市)/.test(parentHeader) || oneCity ? "city" : "province";
  // The inputs are built only for the orientation that wins: the other one's would be thrown away.
  const build = (): AllocationInput[] =>
    rowsOf.map((r) => {
      const label = (v.cls(r, L) as { text: string }).text;
      const children: ChildCell[] = childCols.map((c, i) => ({
        name: childNames[i],
        cell: v.get(r, c),
        at: v.ref(r, c),
        format: v.format(r, c) ?? null,
      }));
      const input: AllocationInput = { indicator: label, children, at: v.ref(r, L) };
      if (parentScope === "city") input.parentScope = "city";
      if (parentCol !== undefined) {
        input.parent = v.get(r, parentCol);
        input.parentAt = v.ref(r, parentCol);
        input.parentFormat = v.format(r, parentCol) ?? null;
      }
      if (totalCols.length > 0) {
        input.totals = totalCols.map((c) => ({
          name: normalizeText(headerOf(c)?.text ?? "合计"),
          cell: v.get(r, c),
          at: v.ref(r, c),
          format: v.format(r, c) ?? null,
        }));
      }
      if (baseCol !== undefined && isCumulativeLabel(label)) {
        // Only a 累计 indicator has a stock to start from; elsewhere such a column is left alone.
        const b = readCell(v.get(r, baseCol), v.ref(r, baseCol), { percentFormat: isPercentFormat(v.format(r, baseCol)) });
        if (b.status === "value") input.base = b.quantity.value;
      }
      if (unitCol !== undefined) {
        const u = v.get(r, unitCol);
        if (typeof u === "string" && normalizeText(u)) input.unit = normalizeText(u);
      }
      return input;
    });
  return { view: v, orientation, region, childNames, build, score, issues };
}

function findCandidate(sheet: SheetData, options?: FindTableOptions, notes: ZgIssue[] = []): Candidate | null {
  const views = makeViews(sheet);
  const rows = options?.orientation === "indicatorColumns" ? null : findInView(views.rows, "indicatorRows", notes);
  const cols = options?.orientation === "indicatorRows" ? null : findInView(views.columns, "indicatorColumns", notes);
  // 9号's own layout wins a tie.
  const c = !rows ? cols : !cols ? rows : cols.score > rows.score ? cols : rows;
  if (!c) return null;
  // The region on the sheet, not in the grid: a grid read from A2:N21 starts at sheet row 1, and the
  // address shown (pane, report title) must name the cells the user sees.
  const o = sheet.origin ?? { row: 0, col: 0 };
  const r = c.region;
  return { ...c, region: { top: r.top + o.row, left: r.left + o.col, bottom: r.bottom + o.row, right: r.right + o.col } };
}

/**
 * The decomposition table in a sheet: the indicators (each with its parent-target cell when the table has
 * a 全省目标/全市目标/目标任务 line, its 合计 cells and its unit from a 单位 line) ready for
 * checkAllocation; null when the sheet holds none.
 */
export function findDecompositionTable(sheet: SheetData, options?: FindTableOptions): DecompositionTable | null {
  const c = findCandidate(sheet, options);
  if (!c) return null;
  return { sheet: sheet.name, orientation: c.orientation, region: c.region, childNames: c.childNames, indicators: c.build() };
}

function baseFor(label: string, base: Record<string, number> | undefined): number | undefined {
  if (!base) return undefined;
  const key = indicatorName(label);
  if (Object.prototype.hasOwnProperty.call(base, key)) return base[key];
  const norm = normalizeText(label);
  for (const [k, val] of Object.entries(base)) if (normalizeText(k) === norm) return val;
  return undefined;
}

function noTable(sheet: SheetData): ZgIssue {
  return issue("no-table", "error", ISSUES["no-table"](), { sheet: sheet.name });
}

/**
 * Finds the table in a sheet and checks every indicator, in table order. `issues` holds the sheet-level
 * issues (no table, unnamed child columns) followed by every result's issues, so a caller can print one list.
 */
export function checkSheet(sheet: SheetData, options?: CheckSheetOptions): SheetCheck {
  const notes: ZgIssue[] = [];
  const c = findCandidate(sheet, options, notes);
  // An unfilled template is said as such (children-empty, with the cells to fill) instead of "no table".
  if (!c) return { sheet: sheet.name, table: null, results: [], issues: notes.length ? notes : [noTable(sheet)] };
  const table: DecompositionTable = {
    sheet: sheet.name,
    orientation: c.orientation,
    region: c.region,
    childNames: c.childNames,
    indicators: c.build(),
  };
  const results = table.indicators.map((input) => {
    const b = baseFor(input.indicator, options?.base);
    return checkAllocation(b === undefined ? input : { ...input, base: b });
  });
  return { sheet: sheet.name, table, results, issues: [...c.issues, ...results.flatMap((r) => r.issues)] };
}

/** The check of the first sheet that holds a decomposition table (the CLI's default); null when none does. */
export function findFirstTable(sheets: SheetData[], options?: CheckSheetOptions): SheetCheck | null {
  for (const s of sheets) {
    const found = checkSheet(s, options);
    if (found.table) return found;
  }
  return null;
}
