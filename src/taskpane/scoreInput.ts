/**
 * The score flow's input in the pane: which columns of the user's sheets hold what — recognised by the engine's
 * header search (core/scoreInput.ts), then confirmed or corrected by the user — and the counties the engine reads
 * with that mapping, exactly as `zg score` reads a workbook.
 */
import { COMPLETION_REQUIRED, filledMerges, isCompletionHeader, isCountyHeader, likeliestScoreHeader, POLICY_COLUMNS, readScoreSheets, type ColumnMap, type ScoreSheet } from "../core/scoreInput";
import type { ScoreColumn } from "../core/templates";
import type { CellValue, CountyInput, Msg, SheetData, ZgIssue } from "../core/types";

export { COMPLETION_REQUIRED };
export const COMPLETION_CHOICES: ScoreColumn[] = ["city", "county", "indicator", "unit", "target", "actual", "note"];
export const COUNTY_CHOICES: ScoreColumn[] = ["county", "city", ...POLICY_COLUMNS];

export interface HeaderMapping {
  /** Grid row (0-based, within the sheet data) of the header. */
  row: number;
  /** The header texts as written, one per column of the grid. */
  texts: string[];
  /** Per grid column: the logical column it holds, or null (not used). */
  columns: (ScoreColumn | null)[];
}

function text(v: CellValue): string {
  if (v === null || v === undefined || typeof v === "object") return "";
  return String(v).trim();
}

function columnMap(m: HeaderMapping): ColumnMap {
  const map: ColumnMap = {};
  m.columns.forEach((c, i) => {
    if (c && map[c] === undefined) map[c] = i;
  });
  return map;
}

/** The engine's likeliest header of the sheet, as a form the user can correct; null when no row names two columns. */
export function detectHeader(sheet: SheetData): HeaderMapping | null {
  const cells = filledMerges(sheet);
  const h = likeliestScoreHeader(cells);
  if (!h) return null;
  const row = cells[h.row] ?? [];
  // A two-row header shows, per column, the lower cell's text, else the one above.
  const texts = row.map((v, c) => text(v) || (h.row > 0 ? text(cells[h.row - 1]?.[c]) : ""));
  const columns: (ScoreColumn | null)[] = row.map(() => null);
  for (const [col, i] of Object.entries(h.columns) as [ScoreColumn, number][]) columns[i] = col;
  return { row: h.row, texts, columns };
}

export function isCompletionSheet(m: HeaderMapping | null): boolean {
  return !!m && isCompletionHeader(columnMap(m));
}

export function isCountySheet(m: HeaderMapping | null): boolean {
  return !!m && isCountyHeader(columnMap(m));
}

/** The required columns the mapping lacks. */
export function missingColumns(m: HeaderMapping, required: readonly ScoreColumn[]): ScoreColumn[] {
  return required.filter((c) => !m.columns.includes(c));
}

export type ReadOutcome = { ok: true; counties: CountyInput[]; warnings: ZgIssue[] } | { ok: false; error: Msg; sheet?: string; cell?: string };

/** Reads the counties from the confirmed sheets; unusable input comes back as a message naming its cell. */
export function readCounties(completion: SheetData, cm: HeaderMapping, county: SheetData | null, km: HeaderMapping | null): ReadOutcome {
  const scoreSheet = (sheet: SheetData, m: HeaderMapping): ScoreSheet => ({ sheet, header: { row: m.row, columns: columnMap(m) } });
  const read = readScoreSheets(scoreSheet(completion, cm), county && km ? scoreSheet(county, km) : null);
  if (read.ok) return read;
  return { ok: false, error: { zh: read.error.zh, en: read.error.en }, sheet: read.error.sheet, cell: read.error.cell };
}
