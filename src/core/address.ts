/**
 * A1 addresses ⇄ 0-based coordinates: the one place the project reads and writes cell references. The engine names
 * cells in its messages, the custom functions read the parameter addresses Excel passes, the Excel layer and the
 * command line address ranges and sheets, and the task pane builds formulas — all through these functions.
 */

/** A 0-based inclusive block of a sheet. */
export interface Block {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

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

/** "AB" → 27 (0-based); case-insensitive. */
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

/** Where a reference starts: its sheet (when named) and its top-left corner, 0-based. */
export interface ReferenceStart {
  sheet?: string;
  row: number;
  col: number;
}

/**
 * "Sheet1!B2:D5", "'县 表'!$B$2", "B2", "Sheet1!C:C", "2:2" → where the range starts (a whole column starts at row 0,
 * a whole row at column 0); undefined for anything else. How the custom functions read Excel's parameter addresses.
 */
export function referenceStart(address: string | null | undefined): ReferenceStart | undefined {
  if (typeof address !== "string" || !address) return undefined;
  // Sheet part, then the first corner: "B2", a whole column "B" (B:B) or a whole row "2" (2:2).
  const m = /^(?:(?:'((?:[^']|'')+)'|([^!]+))!)?\$?([A-Za-z]{1,3})?\$?(\d+)?(?::\$?[A-Za-z]{0,3}\$?\d*)?$/.exec(address.trim());
  if (!m || (m[3] === undefined && m[4] === undefined)) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const col = m[3] ? columnIndex(m[3]) : 0;
  return { ...(sheet ? { sheet } : {}), row: m[4] ? Number(m[4]) - 1 : 0, col };
}

/**
 * A sheet name as a formula needs it. Quoted unless it is a plain identifier that cannot be read as anything else:
 * `FY2020`, `Q1` and `AB12` are cells, `R1C1`, `R`, `C` are R1C1 references and TRUE/FALSE are values, so a formula
 * naming such a sheet unquoted would point somewhere else (or fail).
 */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name);
  const readsAsSomethingElse = /^[A-Za-z]{1,3}\d+$/.test(name) || /^R\d*C?\d*$/i.test(name) || /^C\d*$/i.test(name) || /^(TRUE|FALSE)$/i.test(name);
  return plain && !readsAsSomethingElse ? name : `'${name.replace(/'/g, "''")}'`;
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
  const cells: { row: number; col: number }[] = [];
  for (const a of addresses) {
    const b = parseBlock(a);
    if (!b) continue;
    for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) cells.push({ row: r, col: c });
  }
  cells.sort((x, y) => x.row - y.row || x.col - y.col);
  const runs: Block[] = [];
  for (const c of cells) {
    const last = runs[runs.length - 1];
    if (last && last.top === c.row && last.right === c.col - 1) last.right = c.col;
    else if (!(last && last.top === c.row && last.right >= c.col)) runs.push({ top: c.row, left: c.col, bottom: c.row, right: c.col });
  }
  return runs.map(blockAddress);
}
