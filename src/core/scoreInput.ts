/**
 * Reading a score input from sheet data (cli.md, `zg score`'s input; the task pane reads the same): a completion
 * sheet, one row per county × indicator, and a county sheet, one row per county with its policy items →
 * CountyInput[]. Columns are named by the header spellings of templates.ts (SCORE_HEADERS); the caller says which
 * grid column holds what (a ScoreHeader found by findScoreHeader, or confirmed by the user). Yes/no and counts are
 * read by parse.ts. Pure: unusable input comes back as a value naming the sheet and cell.
 */
import { a1 } from "./address";
import { isPercentFormat, isTotalsLabel } from "./check";
import { decimalFromNumber, decimalToString, shiftDecimal } from "./decimal";
import { ISSUES } from "./catalogue";
import { issue } from "./messages";
import { LIMITS } from "./limits";
import { INVISIBLE, normalizeText, readCount, readYesNo } from "./parse";
import { CITIES, cityKey, findCounty } from "./reference";
import { matchHeaderRow, type ScoreColumn } from "./templates";
import type { CellRef, CellValue, CountyInput, IndicatorEntry, PolicyInput, Result, SheetData, ZgIssue } from "./types";

/** Header rows are looked for among the first rows of a sheet (title rows may sit above). */
export const HEADER_SEARCH_ROWS = 15;

/** Which grid column holds each logical score column. */
export type ColumnMap = Partial<Record<ScoreColumn, number>>;

export interface ScoreHeader {
  /** Grid row of the (last) header row: data starts below it. */
  row: number;
  columns: ColumnMap;
}

/** A sheet with the header that says where its columns are. */
export interface ScoreSheet {
  sheet: SheetData;
  header: ScoreHeader;
}

/** The columns a completion sheet must have. */
export const COMPLETION_REQUIRED: readonly ScoreColumn[] = Object.freeze(["county", "indicator", "target", "actual"]);
/** The columns that make a sheet of counties a county sheet (policy items, 加快发展县, 上年度已获激励). */
export const POLICY_COLUMNS: readonly ScoreColumn[] = Object.freeze(["plan", "workPlan", "policy", "mechanism", "pilot", "endorsements", "accelerated", "previousWinner"]);

export function isCompletionHeader(cols: ColumnMap): boolean {
  return COMPLETION_REQUIRED.every((c) => cols[c] !== undefined);
}

export function isCountyHeader(cols: ColumnMap): boolean {
  return cols.county !== undefined && cols.indicator === undefined && POLICY_COLUMNS.some((c) => cols[c] !== undefined);
}

/** The sheet's grid with each merged area's value copied into all its cells (a city merged down its counties). */
export function filledMerges(sheet: SheetData): CellValue[][] {
  if (!sheet.merges || sheet.merges.length === 0) return sheet.cells;
  const cells = sheet.cells.map((row) => [...row]);
  for (const m of sheet.merges ?? []) {
    const v = cells[m.top]?.[m.left];
    if (v === null || v === undefined) continue;
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) if (cells[r]) cells[r][c] = v;
    }
  }
  return cells;
}

/**
 * The header starting at row r: the row's own columns or, when the row below names more of them and still
 * satisfies `ok` (实施方案 under a merged 政策机制), both rows together — a lower cell names its column, else the
 * cell above.
 */
function headerAt(cells: CellValue[][], r: number, ok: (cols: ColumnMap) => boolean): ScoreHeader {
  const single = matchHeaderRow(cells[r] ?? []).columns;
  const next = cells[r + 1];
  if (next) {
    const combined = matchHeaderRow(next.map((v, c) => (typeof v === "string" && v.trim() !== "" ? v : cells[r][c]))).columns;
    const extra = Object.keys(combined).length > Object.keys(single).length && ok(combined);
    if (extra && isHeaderLike(next, combined)) return { row: r + 1, columns: combined };
  }
  return { row: r, columns: single };
}

/** The first header among the first rows whose columns satisfy `ok` (how a workbook's sheets are recognised). */
export function findScoreHeader(cells: CellValue[][], ok: (cols: ColumnMap) => boolean): ScoreHeader | null {
  const last = Math.min(cells.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < last; r++) {
    if (ok(matchHeaderRow(cells[r]).columns)) return headerAt(cells, r, ok);
  }
  return null;
}

/**
 * The header among the first rows that names the most score columns (at least two; the first such row on a tie),
 * whatever it lacks: what a form shows for the user to confirm or complete.
 */
export function likeliestScoreHeader(cells: CellValue[][]): ScoreHeader | null {
  let best: ScoreHeader | null = null;
  let bestCount = 1;
  const last = Math.min(cells.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < last; r++) {
    const count = Object.keys(matchHeaderRow(cells[r]).columns).length;
    if (count > bestCount) {
      bestCount = count;
      best = headerAt(cells, r, () => true);
    }
  }
  return best;
}

/** A row is a second header row when every column it names is text that reads as a header. */
function isHeaderLike(row: CellValue[], cols: ColumnMap): boolean {
  return Object.values(cols).some((c) => c !== undefined && typeof row[c] === "string");
}

/**
 * The completion sheet and the county sheet among a workbook's sheets (the first of each, in tab order, a merged
 * header cell counting for every column it spans); either is null when no sheet has such a header.
 */
export function findScoreSheets(sheets: readonly SheetData[]): { completion: ScoreSheet | null; county: ScoreSheet | null } {
  let completion: ScoreSheet | null = null;
  let county: ScoreSheet | null = null;
  for (const sheet of sheets) {
    const cells = filledMerges(sheet);
    if (!completion) {
      const h = findScoreHeader(cells, isCompletionHeader);
      if (h) {
        completion = { sheet, header: h };
        continue;
      }
    }
    if (!county) {
      const h = findScoreHeader(cells, isCountyHeader);
      if (h) county = { sheet, header: h };
    }
  }
  return { completion, county };
}

/**
 * The counties of a completion sheet, with the policy items of a county sheet where one is given. Fails (as a
 * value, naming the sheet and cell) on a completion sheet without county rows and on a yes/no or count cell that
 * cannot be read; every other problem is a warning and the rest is read.
 */
export function readScoreSheets(completion: ScoreSheet, county: ScoreSheet | null): Result<{ counties: CountyInput[]; warnings: ZgIssue[] }> {
  const warnings: ZgIssue[] = [];
  const c = { sheet: { ...completion.sheet, cells: filledMerges(completion.sheet) }, header: completion.header };
  const counties = readCompletion(c.sheet, c.header, warnings);
  if (!Array.isArray(counties)) return { ok: false, error: counties };
  if (counties.length === 0) {
    return { ok: false, error: issue("no-county-rows", "error", ISSUES["no-county-rows"](), { sheet: c.sheet.name }) };
  }
  if (county) {
    const failed = readCountySheet({ ...county.sheet, cells: filledMerges(county.sheet) }, county.header, counties, warnings);
    if (failed) return { ok: false, error: failed };
  } else {
    warnings.push(issue("no-county-sheet", "warning", ISSUES["no-county-sheet"]()));
  }
  return { ok: true, counties, warnings };
}

function text(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return "";
  return String(v).trim();
}

function cityName(written: string, county: string): string {
  if (written) return written;
  const known = findCounty(county);
  return known ? (CITIES.find((c) => c.id === known.city)?.name ?? known.city) : "";
}

/** The completion sheet's counties, or the error of a table past LIMITS' counties, cities or rows (at its first cell past). */
function readCompletion(sheet: SheetData, header: ScoreHeader, warnings: ZgIssue[]): CountyInput[] | ZgIssue {
  const at = placer(sheet);
  const col = header.columns;
  const byKey = new Map<string, CountyInput>();
  const out: CountyInput[] = [];
  let lastCity = "";
  const cities = new Set<string>();
  let rows = 0;
  const unknown: { names: string[]; first: CellRef | null } = { names: [], first: null };
  const invisible: { names: string[]; known: string[]; first: CellRef | null } = { names: [], known: [], first: null };
  for (let r = header.row + 1; r < sheet.cells.length; r++) {
    const row = sheet.cells[r];
    const county = text(row[col.county as number]);
    const label = text(row[col.indicator as number]);
    const writtenCity = col.city !== undefined ? text(row[col.city]) : "";
    if (!county && !label) continue;
    if (isNote(county) || isNote(label) || isTotalsLabel(county) || isTotalsLabel(writtenCity)) continue;
    if (!county) {
      warnings.push(issue("no-county", "warning", ISSUES["no-county"](), at(r, col.county as number)));
      continue;
    }
    if (!label) {
      warnings.push(issue("no-indicator", "warning", ISSUES["no-indicator"](), at(r, col.indicator as number)));
      continue;
    }
    if (++rows > LIMITS.maxScoreRows) return issue("too-many-rows", "error", ISSUES["too-many-rows"](LIMITS.maxScoreRows), at(r, col.county as number));
    const city = cityName(writtenCity, county) || lastCity;
    lastCity = city;
    if (city && !cities.has(cityKey(city))) {
      cities.add(cityKey(city));
      if (cities.size > LIMITS.maxCities) return issue("too-many-cities", "error", ISSUES["too-many-cities"](LIMITS.maxCities), at(r, col.city ?? (col.county as number)));
    }
    const key = `${cityKey(city)}|${normalizeText(county)}`;
    let unit = byKey.get(key);
    if (!unit) {
      if (out.length >= LIMITS.maxCounties) return issue("too-many-counties", "error", ISSUES["too-many-counties"](LIMITS.maxCounties), at(r, col.county as number));
      unit = { county, city, entries: [], policy: {} };
      byKey.set(key, unit);
      out.push(unit);
      if (!findCounty(county)) {
        // A known name with a hidden joiner in it prints like the known one: say so, rather than "not on the list".
        const known = findCounty(county.replace(INVISIBLE, ""));
        const list = known ? invisible : unknown;
        list.names.push(county);
        if (known) invisible.known.push(known.name);
        list.first ??= at(r, col.county as number);
      }
    }
    const unitText = col.unit !== undefined ? text(row[col.unit]) : "";
    const entry: IndicatorEntry = {
      indicator: label,
      target: withUnit(row[col.target as number], sheet.numberFormats?.[r]?.[col.target as number], unitText),
      actual: withUnit(row[col.actual as number], sheet.numberFormats?.[r]?.[col.actual as number], unitText),
      targetAt: at(r, col.target as number),
      actualAt: at(r, col.actual as number),
    };
    unit.entries.push(entry);
  }
  if (unknown.first) warnings.push(issue("unknown-county", "warning", ISSUES["unknown-county"](unknown.names), unknown.first));
  if (invisible.first)
    warnings.push(
      issue(
        "county-invisible-characters",
        "warning",
        ISSUES["county-invisible-characters"](invisible.names.map((written, i) => ({ written, known: invisible.known[i] }))),
        invisible.first,
      ),
    );
  return out;
}

/** Fills in the policy items; returns the error that stops the reading (a yes/no or count cell that cannot be read), else null. */
function readCountySheet(sheet: SheetData, header: ScoreHeader, counties: CountyInput[], warnings: ZgIssue[]): ZgIssue | null {
  const at = placer(sheet);
  const col = header.columns;
  const matched = new Set<CountyInput>();
  const without: { names: string[]; first: CellRef | null } = { names: [], first: null };
  // The counties by name, indexed once: a row looks up its few namesakes, not every county (rows × counties).
  const byName = new Map<string, CountyInput[]>();
  for (const c of counties) {
    const key = normalizeText(c.county);
    const list = byName.get(key);
    if (list) list.push(c);
    else byName.set(key, [c]);
  }
  for (let r = header.row + 1; r < sheet.cells.length; r++) {
    const row = sheet.cells[r];
    const county = text(row[col.county as number]);
    if (!county || isNote(county) || isTotalsLabel(county)) continue;
    const city = col.city !== undefined ? text(row[col.city]) : "";
    const target = byName.get(normalizeText(county))?.find((c) => !city || !c.city || cityKey(c.city) === cityKey(city));
    if (!target) {
      without.names.push(county);
      without.first ??= at(r, col.county as number);
      continue;
    }
    matched.add(target);
    // A yes/no column's value on this row; an unreadable cell stops the reading with a message naming it.
    const yesNo = (c: ScoreColumn): boolean | undefined | ZgIssue => {
      const i = col[c];
      if (i === undefined) return undefined;
      const v = readYesNo(row[i]);
      if (v !== undefined) return v;
      return issue("bad-yes-no", "error", ISSUES["bad-yes-no"](text(row[i])), at(r, i));
    };
    // Read in the column order of the template, so the first unreadable cell is the one reported.
    const policy: PolicyInput = {};
    for (const k of ["plan", "workPlan", "policy", "mechanism", "pilot"] as const) {
      const v = yesNo(k);
      if (typeof v === "object") return v;
      if (v !== undefined) policy[k] = v;
    }
    if (col.endorsements !== undefined) {
      const n = readCount(row[col.endorsements]);
      if (n === undefined) {
        return issue("bad-count", "error", ISSUES["bad-count"](text(row[col.endorsements])), at(r, col.endorsements));
      }
      policy.endorsements = n;
    }
    const acc = yesNo("accelerated");
    if (typeof acc === "object") return acc;
    const prev = yesNo("previousWinner");
    if (typeof prev === "object") return prev;
    target.policy = policy;
    if (acc !== undefined) target.accelerated = acc;
    if (prev !== undefined) target.previousWinner = prev;
    if (!target.city && city) target.city = city;
  }
  if (without.first) warnings.push(issue("county-without-figures", "warning", ISSUES["county-without-figures"](without.names), without.first));
  const missing = counties.filter((c) => !matched.has(c)).map((c) => c.county);
  if (missing.length) {
    warnings.push(issue("no-policy-row", "warning", ISSUES["no-policy-row"](missing), { sheet: sheet.name }));
  }
  return null;
}

/**
 * A target or actual cell with what the sheet says about it folded into the value the engine reads:
 * a number shown in a percent format is that percentage (0.125 → '12.5%'); a bare number under a 单位
 * column takes that unit (2.5 under 亿元 → '2.5亿元'). Exact: the digits are shifted, not multiplied.
 */
export function withUnit(v: CellValue, format: string | null | undefined, unit: string): CellValue {
  if (typeof v === "number" && Number.isFinite(v)) {
    if (isPercentFormat(format)) return `${decimalToString(shiftDecimal(decimalFromNumber(v), 2))}%`;
    if (unit) return `${decimalToString(decimalFromNumber(v))}${unit}`;
    return v;
  }
  if (typeof v === "string" && unit && /^\s*[+-]?[\d,，.．０-９]+\s*$/.test(v)) return `${v.trim()}${unit}`;
  return v;
}

function isNote(s: string): boolean {
  return /^(注|说明|备注|note)[:：]/i.test(normalizeText(s)) || /^(注|说明)[:：]?$/.test(normalizeText(s));
}


/** The sheet and A1 cell of a grid position, honouring the grid's origin on the sheet. */
function placer(sheet: SheetData): (r: number, c: number) => CellRef {
  const o = sheet.origin ?? { row: 0, col: 0 };
  return (r, c) => ({ sheet: sheet.name, cell: a1(o.row + r, o.col + c) });
}
