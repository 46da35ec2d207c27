/** A1 addresses ⇄ 0-based coordinates, shared by the Office.js and in-memory workbooks. */
import { a1, columnLetters } from "../core/messages";
import type { Block } from "./ops";

export { a1, columnLetters };

/** "AB" → 27 (0-based). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "C5" / "$C$5" → {row: 4, col: 2}; null when not a cell address. */
export function parseCell(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** "C5:E9" or "C5" → a block; null when not an address. */
export function parseBlock(address: string): Block | null {
  const [from, to] = address.split(":");
  const a = parseCell(from);
  const b = to === undefined ? a : parseCell(to);
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** "A1:C3" for a block (a single cell gives "A1"). */
export function blockAddress(b: Block): string {
  const from = a1(b.top, b.left);
  return b.top === b.bottom && b.left === b.right ? from : `${from}:${a1(b.bottom, b.right)}`;
}

/** Splits "'My sheet'!A1:B2" / "Sheet1!A1" / "A1:B2" into sheet and local address. */
export function splitAddress(address: string): { sheet?: string; local: string } {
  const i = address.lastIndexOf("!");
  if (i < 0) return { local: address.trim() };
  let sheet = address.slice(0, i).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(i + 1).trim() };
}

/** A sheet name as a formula reference needs it: quoted when not a plain identifier. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "'完成情况'!F2" for a cell of another sheet. */
export function ref(sheet: string, row: number, col: number, absolute = false): string {
  const cell = absolute ? `$${columnLetters(col)}$${row + 1}` : a1(row, col);
  return `${quoteSheet(sheet)}!${cell}`;
}

/** "'完成情况'!$F$2:$F$90" for a column block of another sheet (absolute, so it survives fill-down). */
export function rangeRef(sheet: string, b: Block): string {
  const from = `$${columnLetters(b.left)}$${b.top + 1}`;
  const to = `$${columnLetters(b.right)}$${b.bottom + 1}`;
  return `${quoteSheet(sheet)}!${from}:${to}`;
}

/**
 * Groups cell addresses into as few rectangular runs as the rows allow ("C5", "D5", "E5" → "C5:E5"),
 * so marking a whole column costs one area rather than one per cell.
 */
export function compactAddresses(addresses: string[]): string[] {
  const cells = addresses
    .flatMap((a) => {
      const b = parseBlock(a);
      if (!b) return [];
      const out: { row: number; col: number }[] = [];
      for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) out.push({ row: r, col: c });
      return out;
    })
    .sort((x, y) => x.row - y.row || x.col - y.col);
  const runs: Block[] = [];
  for (const c of cells) {
    const last = runs[runs.length - 1];
    if (last && last.top === c.row && last.right === c.col - 1) last.right = c.col;
    else if (!(last && last.top === c.row && last.right >= c.col)) runs.push({ top: c.row, left: c.col, bottom: c.row, right: c.col });
  }
  return runs.map(blockAddress);
}
