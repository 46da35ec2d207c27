/**
 * Values as WPS hands them over, in the engine's forms: shared by the pane's adapter (ops.ts) and the custom
 * functions (functions.ts). WPS documents neither how Range.Value2 arrives in JavaScript nor how a range argument
 * reaches a custom function (docs/wps.md), so both are read defensively: a single value or a 2-D array, a 1-D
 * array taken as one row, a range-like object read through its Value2, and error values in the forms VBA gives.
 */
import type { CellValue } from "../core/types";

/** Excel's error codes by their VBA CVErr number (XlCVError: xlErrDiv0 2007, xlErrNA 2042, …). */
const CVERR: Readonly<Record<number, string>> = {
  2000: "#NULL!",
  2007: "#DIV/0!",
  2015: "#VALUE!",
  2023: "#REF!",
  2029: "#NAME?",
  2036: "#NUM!",
  2042: "#N/A",
  2043: "#GETTING_DATA",
};

/**
 * A VBA error variant that a COM bridge turns into its HRESULT number (0x800A0000 + CVErr number, as a signed
 * 32-bit integer: #N/A is -2146826246). No worksheet figure is such a number, so it is read as the error it is.
 */
function cvErrorCode(n: number): string | undefined {
  const code = n + 2146828288;
  return Number.isInteger(code) ? CVERR[code] : undefined;
}

const ERROR_TEXT = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|BLOCKED!|BUSY!|FIELD!|CONNECT!|UNKNOWN!)$/;

/** One value from Value2 (or a function argument) as a CellValue: empty is "", errors are { error }. */
export function cellOf(v: unknown): CellValue {
  if (v === undefined || v === null) return "";
  if (typeof v === "number") {
    const code = cvErrorCode(v);
    return code ? { error: code } : v;
  }
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "object") {
    const o = v as { code?: unknown; error?: unknown; Value2?: unknown };
    if (typeof o.code === "string" && ERROR_TEXT.test(o.code)) return { error: o.code };
    if (typeof o.error === "string" && ERROR_TEXT.test(o.error)) return { error: o.error };
  }
  if (v instanceof Date) return String(v);
  return String(v);
}

/** Whether x looks like a Range object (it has Value2), as opposed to values. */
export function isRangeLike(x: unknown): x is { Value2: unknown } {
  return typeof x === "object" && x !== null && !Array.isArray(x) && "Value2" in x;
}

/**
 * Any value, array or range-like object → rows of raw values: a scalar is 1 × 1, a 1-D array one row, ragged rows
 * are padded with empty values. `rows`/`cols`, when given, are what the caller knows the shape to be.
 */
export function rowsOf(x: unknown, rows?: number, cols?: number): unknown[][] {
  const v = isRangeLike(x) ? x.Value2 : x;
  let out: unknown[][];
  if (!Array.isArray(v)) out = [[v]];
  else if (v.length > 0 && v.every((r) => Array.isArray(r))) out = (v as unknown[][]).map((r) => [...r]);
  else out = [[...(v as unknown[])]];
  const width = Math.max(cols ?? 0, ...out.map((r) => r.length));
  const height = Math.max(rows ?? 0, out.length);
  while (out.length < height) out.push([]);
  for (const r of out) while (r.length < width) r.push(undefined);
  return out;
}

/** Value2 of a block → the engine's grid. */
export function gridOf(value2: unknown, rows: number, cols: number): CellValue[][] {
  return rowsOf(value2, rows, cols)
    .slice(0, rows)
    .map((r) => r.slice(0, cols).map(cellOf));
}

/** "#FDE7E9" → the number VBA's Color properties take: red + green × 256 + blue × 65536. */
export function vbaColor(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return 0;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16));
  return r + g * 256 + b * 65536;
}
