/**
 * 汇总 (2号 第六条（二）: each 设区市 汇总s its counties' self-assessments and recommends one): the counties' returned
 * workbooks → one completion sheet and one county sheet that `zg score` and the task pane read as they are.
 *
 * Each file is checked on its own: read at all; a self-assessment table in it; exactly one county with figures (the
 * template lists a whole city, so a county fills in its own rows and leaves the others empty); that county known and
 * of the city; not returned already; its values readable; its targets as the city allocated them where the city's
 * decomposition is given; the year's indicators present (a missing one is a warning, the rest still scores). A file
 * that fails a check is `rejected` with problems naming its file, sheet and cell, and collection goes on. Pure: the
 * caller reads the files (the command line from disk, the pane in the browser) and writes the grids.
 */
import { columnLetters, parseCell } from "./address";
import { compareDecimal, decimalToString, shiftDecimal } from "./decimal";
import { ISSUES } from "./catalogue";
import { issue, placeOf } from "./messages";
import { readCell } from "./parse";
import { CITIES, INDICATORS_2020, countiesOf, findCity, findCounty, findIndicator2020, isAccelerated, type City } from "./reference";
import { findScoreSheets, readScoreSheets, withUnit, type ScoreSheet } from "./scoreInput";
import { COMPLETION_COLUMNS, COUNTY_COLUMNS, SCORE_HEADERS, SELF_ASSESSMENT_SHEETS } from "./templates";
import type { CellRef, CellValue, CountyInput, DecompositionTable, Grid, Msg, Quantity, SheetData, ZgIssue } from "./types";

/** One returned file: its sheets, or why it could not be read. */
export interface CollectFile {
  file: string;
  sheets: SheetData[] | null;
  /** Why the file could not be read (the reader's own message, naming the sheet and cell where it knows them). */
  readError?: { msg: Msg; sheet?: string; cell?: string };
  /** When the workbook says it was last saved (docProps/core.xml dcterms:modified, ISO 8601); decides between resends. */
  modified?: string | null;
}

/** A problem of the collection: an engine issue with the file it is in. */
export interface CollectProblem extends ZgIssue {
  file?: string;
}

export interface CollectedFile {
  file: string;
  /** The county the file reports; null when none could be told. */
  county: string | null;
  /** Completion rows taken into the city's sheet (0 when rejected). */
  rows: number;
  status: "ok" | "rejected";
  problems: CollectProblem[];
}

export interface CollectOptions {
  /** The city collecting (any spelling findCity accepts); by default the city most files' counties belong to. */
  city?: string | null;
  /** The city's decomposition to its counties (a table `zg check` reads): targets are compared with it. */
  decomposition?: DecompositionTable | null;
  /** Files named to count for their county when it was returned twice (a path or a bare file name). */
  prefer?: readonly string[];
}

export interface CollectResult {
  files: CollectedFile[];
  /** The city's counties with no file at all, in reference order. */
  missing: string[];
  /** The city's counties whose every file was rejected (退回: to be corrected and sent again), in reference order. */
  returned: string[];
  city: City | null;
  /** The counties collected, in file order (as `zg score` would read the written sheets). */
  counties: CountyInput[];
  /** The two sheets to write, as grids: the completion sheet and the county sheet, headers in row 0. */
  completion: SheetData;
  county: SheetData;
  /** Problems not of one file (a missing county, no city). */
  warnings: CollectProblem[];
}

/** Sheet names of the written workbook: the self-assessment template's, so the result reads like one. */
export const COLLECT_SHEETS = Object.freeze({ completion: SELF_ASSESSMENT_SHEETS.completion, county: SELF_ASSESSMENT_SHEETS.county });

const withFile = (file: string, i: ZgIssue): CollectProblem => ({ ...i, file });

function hasValue(v: CellValue): boolean {
  return !(v === null || v === undefined || (typeof v === "string" && v.trim() === ""));
}

/**
 * The one county with actuals among several rows of counties: a county's own return (the template lists its whole
 * city; the county fills in its rows only). null when none or more than one has actuals, or only one county is listed.
 */
export function singleReturn(counties: readonly CountyInput[]): string | null {
  if (counties.length < 2) return null;
  const filled = counties.filter((c) => c.entries.some((e) => hasValue(e.actual)));
  return filled.length === 1 ? filled[0].county : null;
}

/** The county cell of the row an entry's cell is on (the county column's letter on that row). */
function countyCellOf(at: CellRef | undefined, countyColumn: number | undefined, origin: { row: number; col: number } | undefined): CellRef | undefined {
  if (!at?.cell || countyColumn === undefined) return at;
  const p = parseCell(at.cell);
  if (!p) return at;
  return { sheet: at.sheet, cell: `${columnLetters((origin?.col ?? 0) + countyColumn)}${p.row + 1}` };
}

interface Accepted {
  file: string;
  unit: CountyInput;
  countyName: string;
}

/** A quantity written as the table would show it, for messages. */
function shown(q: Quantity): string {
  return q.isRate ? `${decimalToString(shiftDecimal(q.exact, 2))}%` : `${decimalToString(q.exact)}${q.unit ?? ""}`;
}

/** The allocated target cells of one county, by 2020 indicator number; null when the table does not allocate to it. */
function allocationFor(table: DecompositionTable, county: string): Map<number, { cell: CellValue; at?: CellRef }> | null {
  const out = new Map<number, { cell: CellValue; at?: CellRef }>();
  if (!table.indicators.some((ind) => ind.children.some((c) => findCounty(c.name)?.name === county))) return null;
  for (const ind of table.indicators) {
    const known = findIndicator2020(ind.indicator);
    if (!known) continue;
    const child = ind.children.find((c) => findCounty(c.name)?.name === county);
    if (!child) continue;
    out.set(known.no, { cell: withUnit(child.cell, child.format, ind.unit ?? ""), at: child.at });
  }
  return out;
}

/** A file's self-assessment table, read once: the sheets found and their counties, or why there is none. */
interface FileRead {
  completion: ScoreSheet | null;
  read: ReturnType<typeof readScoreSheets> | null;
}

function readFile(f: CollectFile): FileRead {
  if (!f.sheets) return { completion: null, read: null };
  const { completion, county } = findScoreSheets(f.sheets);
  return { completion, read: completion ? readScoreSheets(completion, county) : null };
}

/** Checks one file; the accepted county (or null) and the file's report. */
function collectOne(f: CollectFile, fr: FileRead, city: City | null, options: CollectOptions): { report: CollectedFile; take: CountyInput | null; at?: CellRef } {
  const problems: CollectProblem[] = [];
  const reject = (county: string | null, ...p: ZgIssue[]) => ({
    report: { file: f.file, county, rows: 0, status: "rejected" as const, problems: [...problems, ...p.map((i) => withFile(f.file, i))] },
    take: null,
  });
  if (!f.sheets) {
    const e = f.readError ?? { msg: { zh: "无法读取", en: "cannot be read" } };
    return reject(null, issue("collect-unreadable", "error", ISSUES["collect-unreadable"](e.msg), { sheet: e.sheet, cell: e.cell }));
  }
  const { completion, read } = fr;
  if (!completion || !read) return reject(null, issue("collect-no-table", "error", ISSUES["collect-no-table"](f.sheets.map((s) => s.name))));
  if (!read.ok) return reject(null, read.error);
  // Only the file's own county counts: the template's other rows are left empty, so their warnings are noise.
  const withFigures = read.counties.filter((c) => c.entries.some((e) => hasValue(e.actual)));
  const origin = completion.sheet.origin;
  const countyCol = completion.header.columns.county;
  if (withFigures.length === 0) return reject(null, issue("collect-no-figures", "error", ISSUES["collect-no-figures"](), { sheet: completion.sheet.name }));
  const unit = withFigures[0];
  const firstAt = countyCellOf(unit.entries.find((e) => hasValue(e.actual))?.actualAt, countyCol, origin);
  if (withFigures.length > 1) {
    const other = withFigures[1];
    const at = countyCellOf(other.entries.find((e) => hasValue(e.actual))?.actualAt, countyCol, origin);
    return reject(unit.county, issue("collect-several-counties", "error", ISSUES["collect-several-counties"](unit.county, other.county), at));
  }
  const known = findCounty(unit.county);
  if (!known) return reject(unit.county, issue("collect-unknown-county", "error", ISSUES["collect-unknown-county"](unit.county), firstAt));
  const itsCity = CITIES.find((c) => c.id === known.city) as City;
  if (city && itsCity.id !== city.id) {
    return reject(known.name, issue("collect-other-city", "error", ISSUES["collect-other-city"](known.name, itsCity.name, city.name), firstAt));
  }

  // Values readable, targets as allocated: every entry of the county, each problem naming its cell.
  const errors: ZgIssue[] = [];
  const allocation = options.decomposition ? allocationFor(options.decomposition, known.name) : null;
  if (options.decomposition && allocation === null) {
    // A table of another city (or the province's) checks nothing for this county: said, not silently skipped.
    const children = [...new Set(options.decomposition.indicators.flatMap((i) => i.children.map((c) => c.name)))];
    problems.push(withFile(f.file, issue("collect-not-in-decomposition", "warning", ISSUES["collect-not-in-decomposition"](known.name, children))));
  }
  const seen = new Set<number>();
  for (const e of unit.entries) {
    const label = String(e.indicator ?? "");
    const ind = findIndicator2020(label);
    if (ind) seen.add(ind.no);
    const reads: Partial<Record<"target" | "actual", Quantity>> = {};
    for (const which of ["target", "actual"] as const) {
      const r = readCell(which === "target" ? e.target : e.actual, which === "target" ? e.targetAt : e.actualAt);
      if (r.status === "error") {
        const bare = stripPlace(r.issue, which === "target" ? e.targetAt : e.actualAt);
        errors.push(issue("collect-bad-value", "error", ISSUES["collect-bad-value"](known.name, label, which, bare), which === "target" ? e.targetAt : e.actualAt));
      } else if (r.status === "value") reads[which] = r.quantity;
    }
    const given = ind && allocation?.get(ind.no);
    if (given && reads.target) {
      const a = readCell(given.cell, given.at);
      if (a.status === "value" && !sameQuantity(a.quantity, reads.target)) {
        errors.push(
          issue("collect-changed-target", "error", ISSUES["collect-changed-target"](known.name, label, shown(reads.target), shown(a.quantity), placeOf(given.at)), e.targetAt),
        );
      }
    }
  }
  if (errors.length) return reject(known.name, ...errors);
  for (const ind of INDICATORS_2020) {
    if (!seen.has(ind.no)) problems.push(withFile(f.file, issue("collect-missing-indicator", "warning", ISSUES["collect-missing-indicator"](known.name, ind.name), { sheet: completion.sheet.name })));
  }
  const take: CountyInput = { ...unit, county: known.name, city: itsCity.name };
  return { report: { file: f.file, county: known.name, rows: unit.entries.length, status: "ok", problems }, take, at: firstAt };
}

/** Same value and kind: exact decimals in base units, both rates or neither (the bound is how it is written, not what). */
function sameQuantity(a: Quantity, b: Quantity): boolean {
  return compareDecimal(a.exact, b.exact) === 0 && a.isRate === b.isRate && (a.unit === null || b.unit === null || a.unit === b.unit);
}

/** The issue's words without the place prefix issue() put in front (it is said again by the wrapping issue). */
function stripPlace(i: ZgIssue, at?: CellRef): Msg {
  const p = placeOf(at);
  const cut = (s: string, prefix: string) => (prefix && s.startsWith(prefix) ? s.slice(prefix.length) : s);
  return { zh: cut(i.zh, p.zh ? `${p.zh}：` : ""), en: cut(i.en, p.en ? `${p.en}: ` : "") };
}

/** The city most files' counties belong to (the first such on a tie); null when no file names a known county. */
function likelyCity(reads: readonly FileRead[]): City | null {
  const counts = new Map<string, number>();
  for (const { read } of reads) {
    if (!read?.ok) continue;
    const mine = read.counties.find((c) => c.entries.some((e) => hasValue(e.actual)));
    const k = mine && findCounty(mine.county);
    if (k) counts.set(k.city, (counts.get(k.city) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [id, n] of counts) if (best === null || n > (counts.get(best) as number)) best = id;
  return best === null ? null : (CITIES.find((c) => c.id === best) ?? null);
}

const yesNo = (b: boolean | undefined): string => (b ? "是" : "否");

/** Collects the returned files (rules and checks above) into the city's two sheets. */
export function collectCounties(files: readonly CollectFile[], options: CollectOptions = {}): CollectResult {
  const reads = files.map(readFile);
  const city = options.city ? (findCity(options.city) ?? null) : likelyCity(reads);
  const reports: CollectedFile[] = [];
  const takes: (CountyInput | null)[] = [];
  // Per county, the file that counts so far (index into files).
  const counting = new Map<string, number>();
  // Each accepted file's county cell, where a resend's refusal points.
  const places: (CellRef | undefined)[] = [];
  for (const [i, f] of files.entries()) {
    const { report, take, at } = collectOne(f, reads[i], city, options);
    reports.push(report);
    takes.push(take);
    places.push(at);
    if (!take) continue;
    const j = counting.get(take.county);
    if (j === undefined) {
      counting.set(take.county, i);
      continue;
    }
    // A resend: one of the two files counts (resend() says which and why); the other is rejected, naming it.
    const { keep, drop, why } = resend(files[j], files[i], j, i, take.county, options.prefer ?? []);
    counting.set(take.county, keep);
    reports[drop] = { ...reports[drop], rows: 0, status: "rejected", problems: [...reports[drop].problems, withFile(files[drop].file, issue("collect-twice", "error", why, places[drop]))] };
    takes[drop] = null;
  }
  const counties = takes.filter((t): t is CountyInput => t !== null);
  const accepted = new Map<string, Accepted>(counties.map((u) => [u.county, { file: files[counting.get(u.county) as number].file, unit: u, countyName: u.county }]));
  const warnings: CollectProblem[] = [];
  if (!city) warnings.push(issue("collect-no-city", "warning", ISSUES["collect-no-city"]()));
  const ofCity = city ? countiesOf(city.name) : [];
  const rejectedFiles = (county: string) => reports.filter((r) => r.status === "rejected" && r.county === county).map((r) => r.file);
  // 退回 (a file came and was refused) is not 未报送 (no file came).
  const returned = ofCity.filter((c) => !accepted.has(c.name) && rejectedFiles(c.name).length > 0).map((c) => c.name);
  const missing = ofCity.filter((c) => !accepted.has(c.name) && !returned.includes(c.name)).map((c) => c.name);
  for (const m of returned) warnings.push(issue("collect-returned-county", "warning", ISSUES["collect-returned-county"](m, (city as City).name, rejectedFiles(m))));
  for (const m of missing) warnings.push(issue("collect-missing-county", "warning", ISSUES["collect-missing-county"](m, (city as City).name)));
  return { files: reports, missing, returned, city, counties, ...cityGrids(counties, accepted), warnings };
}

/** A path's last segment (either separator): how a file named with --prefer is matched. */
const baseName = (file: string): string => file.slice(Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\")) + 1);

/**
 * Two accepted files of one county (first read `a`, then `b`): a file the user named counts; else the later by the
 * workbooks' own modified times (not the file system's, which copying and mailing change); else the one read first.
 */
function resend(a: CollectFile, b: CollectFile, ia: number, ib: number, county: string, prefer: readonly string[]): { keep: number; drop: number; why: Msg } {
  const named = (f: CollectFile) => prefer.some((p) => p === f.file || baseName(p) === baseName(f.file));
  if (named(a) !== named(b)) {
    const [keep, drop] = named(a) ? [ia, ib] : [ib, ia];
    return { keep, drop, why: ISSUES["collect-twice"].chosen(county, (keep === ia ? a : b).file) };
  }
  const ta = a.modified ? Date.parse(a.modified) : NaN;
  const tb = b.modified ? Date.parse(b.modified) : NaN;
  if (Number.isFinite(ta) && Number.isFinite(tb) && ta !== tb) {
    const [keep, drop, k, d] = tb > ta ? [ib, ia, b, a] : [ia, ib, a, b];
    return { keep, drop, why: ISSUES["collect-twice"].later(county, k.file, k.modified as string, d.modified as string) };
  }
  return { keep: ia, drop: ib, why: ISSUES["collect-twice"].unordered(county, a.file) };
}

/** The completion sheet and the county sheet, with the headers `zg score` recognises (the template's own). */
function cityGrids(counties: readonly CountyInput[], accepted: Map<string, Accepted>): { completion: SheetData; county: SheetData } {
  const cHead = COMPLETION_COLUMNS.map((c) => SCORE_HEADERS[c].label);
  const col = (c: (typeof COMPLETION_COLUMNS)[number]) => COMPLETION_COLUMNS.indexOf(c);
  const completion: Grid = [cHead];
  for (const u of counties) {
    const source = accepted.get(u.county)?.file ?? "";
    for (const e of u.entries) {
      const row: CellValue[] = cHead.map(() => null);
      row[col("city")] = u.city;
      row[col("county")] = u.county;
      row[col("indicator")] = String(e.indicator ?? "");
      // Units are already folded into the figures (2.5 under 亿元 → '2.5亿元'), so the 单位 column stays empty.
      row[col("target")] = e.target ?? null;
      row[col("actual")] = e.actual ?? null;
      const from = e.actualAt?.cell ? `${source} ${e.actualAt.sheet ?? ""}!${e.actualAt.cell}` : source;
      row[col("note")] = `来自 / from ${from}`;
      completion.push(row);
    }
  }
  const kHead = COUNTY_COLUMNS.map((c) => SCORE_HEADERS[c].label);
  const k = (c: (typeof COUNTY_COLUMNS)[number]) => COUNTY_COLUMNS.indexOf(c);
  const county: Grid = [kHead];
  for (const u of counties) {
    const row: CellValue[] = kHead.map(() => null);
    row[k("county")] = u.county;
    row[k("city")] = u.city;
    row[k("plan")] = yesNo(u.policy.plan);
    row[k("workPlan")] = yesNo(u.policy.workPlan);
    row[k("policy")] = yesNo(u.policy.policy);
    row[k("mechanism")] = yesNo(u.policy.mechanism);
    row[k("pilot")] = yesNo(u.policy.pilot);
    row[k("endorsements")] = u.policy.endorsements ?? 0;
    row[k("accelerated")] = yesNo(typeof u.accelerated === "boolean" ? u.accelerated : isAccelerated(u.county));
    row[k("previousWinner")] = yesNo(u.previousWinner);
    county.push(row);
  }
  return { completion: { name: COLLECT_SHEETS.completion, cells: completion }, county: { name: COLLECT_SHEETS.county, cells: county } };
}
