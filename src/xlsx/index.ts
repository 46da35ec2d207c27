/**
 * The workbook file reader (docs/xlsx.md): .xlsx bytes → the engine's sheets, bounded by the caps of core/limits.ts.
 * Pure (Uint8Array in, values out): the command line reads the file and hands the bytes over; the browser page
 * will do the same with a file the user picks.
 */
import { readXlsx, type ReadOptions } from "./read";
import { toSheetData, type ReadSheet } from "./sheet";
import { FILE_LIMITS } from "../core/limits";
import type { Msg } from "../core/types";
import type { XlsxError } from "./errors";

export { XlsxError, excerpt, type XlsxErrorCode } from "./errors";
export type { ReadSheet } from "./sheet";
export type { ReadOptions } from "./read";
export { InflateLimit, type Inflater } from "./zip";
// The writer (write.ts) and fflate's inflater (inflate.ts) are imported by the page directly: the command line
// loads this module at start-up, and fflate only when it needs it.

/** Every sheet in tab order, each its table's area with the read's warnings. Throws XlsxError only. */
export function readWorkbook(bytes: Uint8Array, options: ReadOptions): ReadSheet[] {
  let laidOut = 0;
  return readXlsx(bytes, options).sheets.map((s) => {
    const out = toSheetData(s, FILE_LIMITS.maxCellsLaidOut - laidOut);
    laidOut += out.cells.length * (out.cells[0]?.length ?? 0);
    if (s.conditionalFormats.length) out.conditionalFormats = s.conditionalFormats;
    if (Object.keys(s.properties).length) out.properties = s.properties;
    return out;
  });
}

/** The message of a reader's error with the file's name in front, as the command line and the browser page say it. */
export function fileMessage(e: XlsxError, file: string): Msg {
  return { zh: `文件“${file}”：${e.msg.zh}`, en: `${file}: ${e.msg.en}` };
}
