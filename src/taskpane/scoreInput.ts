/**
 * The score flow's input: which columns of the user's sheets hold what (recognised by the header
 * spellings of templates.ts, then confirmed or corrected by the user), and the counties read from them.
 * Reading the figures is left to the same reader the `zg score` command uses, on a copy of the sheets
 * whose header cells carry the user's confirmed mapping, so the pane and the CLI read a table alike.
 */
import { matchHeaderRow, SCORE_HEADERS, type ScoreColumn } from "../core/templates";
import type { CellValue, CountyInput, Msg, SheetData, ZgIssue } from "../core/types";
import { readScoreInput } from "../cli/score-input";
import { CliError } from "../cli/errors";

export const COMPLETION_REQUIRED: ScoreColumn[] = ["county", "indicator", "target", "actual"];
export const COMPLETION_CHOICES: ScoreColumn[] = ["city", "county", "indicator", "unit", "target", "actual", "note"];
export const COUNTY_CHOICES: ScoreColumn[] = ["county", "city", "plan", "workPlan", "policy", "mechanism", "pilot", "endorsements", "accelerated", "previousWinner"];

const HEADER_SEARCH_ROWS = 15;

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

/** The row among the first ones whose cells name the most score columns; null when none names two. */
export function detectHeader(sheet: SheetData): HeaderMapping | null {
  let best: HeaderMapping | null = null;
  let bestCount = 1;
  const last = Math.min(sheet.cells.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < last; r++) {
    const row = sheet.cells[r] ?? [];
    const { columns } = matchHeaderRow(row);
    const count = Object.keys(columns).length;
    if (count > bestCount) {
      bestCount = count;
      const byIndex: (ScoreColumn | null)[] = row.map(() => null);
      for (const [col, i] of Object.entries(columns) as [ScoreColumn, number][]) byIndex[i] = col;
      best = { row: r, texts: row.map(text), columns: byIndex };
    }
  }
  return best;
}

export function isCompletionSheet(m: HeaderMapping | null): boolean {
  return !!m && COMPLETION_REQUIRED.every((c) => m.columns.includes(c));
}

export function isCountySheet(m: HeaderMapping | null): boolean {
  return !!m && m.columns.includes("county") && !m.columns.includes("indicator") && m.columns.some((c) => c !== null && COUNTY_CHOICES.includes(c) && c !== "county" && c !== "city");
}

/** The required columns the mapping lacks. */
export function missingColumns(m: HeaderMapping, required: ScoreColumn[]): ScoreColumn[] {
  return required.filter((c) => !m.columns.includes(c));
}

/** A copy of the sheet whose header row says exactly what the mapping says (other header cells blanked). */
export function withMapping(sheet: SheetData, m: HeaderMapping): SheetData {
  const cells = sheet.cells.map((row) => [...row]);
  const header = cells[m.row] ?? [];
  cells[m.row] = header.map((_, c) => {
    const col = m.columns[c];
    return col ? SCORE_HEADERS[col].label : null;
  });
  // Rows above the header cannot be mistaken for it.
  for (let r = 0; r < m.row; r++) cells[r] = cells[r].map(() => null);
  return { ...sheet, cells };
}

export type ReadOutcome = { ok: true; counties: CountyInput[]; warnings: ZgIssue[] } | { ok: false; error: Msg; sheet?: string; cell?: string };

/** Reads the counties from the confirmed sheets; unusable input comes back as a message naming its cell. */
export function readCounties(completion: SheetData, cm: HeaderMapping, county: SheetData | null, km: HeaderMapping | null): ReadOutcome {
  const sheets = [withMapping(completion, cm)];
  if (county && km) sheets.push(withMapping(county, km));
  try {
    const input = readScoreInput(sheets, "");
    return { ok: true, counties: input.counties, warnings: input.warnings };
  } catch (e) {
    if (e instanceof CliError) return { ok: false, error: e.text, sheet: e.place.sheet, cell: e.place.cell };
    const m = (e as Error).message ?? String(e);
    return { ok: false, error: { zh: `读取完成情况表失败：${m}`, en: `Could not read the completion sheet: ${m}` }, sheet: completion.name };
  }
}
