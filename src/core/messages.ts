import type { CellRef, Msg, Severity, ZgIssue } from "./types";

/** Column letters for a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A1 address of a 0-based (row, col). */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** "Sheet1!C5" in English, "工作表“Sheet1”的 C5 单元格" in Chinese; empty where nothing is known. */
export function placeOf(at?: CellRef): Msg {
  if (!at || (!at.sheet && !at.cell)) return { zh: "", en: "" };
  if (at.sheet && at.cell) return { zh: `工作表“${at.sheet}”${at.cell} 单元格`, en: `${at.sheet}!${at.cell}` };
  if (at.sheet) return { zh: `工作表“${at.sheet}”`, en: `sheet ${at.sheet}` };
  return { zh: `${at.cell} 单元格`, en: `cell ${at.cell}` };
}

/** Builds an issue whose text starts with the place it concerns, so no message loses its cell. */
export function issue(code: string, severity: Severity, msg: Msg, at?: CellRef): ZgIssue {
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
