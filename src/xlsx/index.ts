/**
 * The workbook file reader (docs/xlsx.md): .xlsx bytes → the engine's sheets, bounded by the caps of core/limits.ts.
 * Pure (Uint8Array in, values out): the command line reads the file and hands the bytes over; the browser page
 * will do the same with a file the user picks.
 */
import { readXlsx, type ReadOptions } from "./read";
import { toSheetData, type ReadSheet } from "./sheet";

export { XlsxError, excerpt, type XlsxErrorCode } from "./errors";
export type { ReadSheet } from "./sheet";
export type { ReadOptions } from "./read";
export { InflateLimit, type Inflater } from "./zip";

/** Every sheet in tab order, each its table's area with the read's warnings. Throws XlsxError only. */
export function readWorkbook(bytes: Uint8Array, options: ReadOptions): ReadSheet[] {
  return readXlsx(bytes, options).sheets.map(toSheetData);
}
