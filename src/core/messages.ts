import type { CellRef, IssueCode, Msg, Severity, ZgIssue } from "./types";

/** "Sheet1!C5" in English, "工作表“Sheet1”的 C5 单元格" in Chinese; empty where nothing is known. */
export function placeOf(at?: CellRef): Msg {
  if (!at || (!at.sheet && !at.cell)) return { zh: "", en: "" };
  if (at.sheet && at.cell) return { zh: `工作表“${at.sheet}”${at.cell} 单元格`, en: `${at.sheet}!${at.cell}` };
  if (at.sheet) return { zh: `工作表“${at.sheet}”`, en: `sheet ${at.sheet}` };
  return { zh: `${at.cell} 单元格`, en: `cell ${at.cell}` };
}

/** Builds an issue whose text starts with the place it concerns, so no message loses its cell. */
export function issue(code: IssueCode, severity: Severity, msg: Msg, at?: CellRef): ZgIssue {
  const place = placeOf(at);
  return {
    code,
    severity,
    zh: place.zh ? `${place.zh}：${msg.zh}` : msg.zh,
    en: place.en ? `${place.en}: ${msg.en}` : msg.en,
    ...(at?.sheet !== undefined ? { sheet: at.sheet } : {}),
    ...(at?.cell !== undefined ? { cell: at.cell } : {}),
  };
}

/** Both languages on one line, Chinese first: for logs and the command line. */
export function bilingual(m: Msg): string {
  return m.zh === m.en ? m.zh : `${m.zh}（${m.en}）`;
}

/** How many names a message lists before it says how many there are in all. */
export const NAMES_SHOWN = 5;

/**
 * A list of names for a message: all of them when few, else the first NAMES_SHOWN and the count, so a workbook of
 * 1 000 sheets (or 5 000 unknown counties) gives one readable line, not a page.
 */
export function fewNames(names: readonly string[]): Msg {
  if (names.length <= NAMES_SHOWN) return { zh: names.join("、"), en: names.join(", ") };
  const shown = names.slice(0, NAMES_SHOWN);
  return { zh: `${shown.join("、")} 等 ${names.length} 个`, en: `${shown.join(", ")} … ${names.length} in all` };
}
