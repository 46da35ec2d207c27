/**
 * The one error the workbook reader throws: a bilingual message that names the sheet and cell where known (also
 * given apart), without the file name, which the caller (the command line, the browser page) adds. Anything else
 * escaping the reader is a bug.
 */
import { placeOf } from "../core/messages";
import type { Msg } from "../core/types";

export type XlsxErrorCode =
  /** Not a zip at all: an old .xls, a CSV or text file, an OpenDocument file, an empty file. */
  | "not-xlsx"
  /** Protected by a password to open: Office stores it as an encrypted compound file, not a zip. */
  | "encrypted"
  /** A zip, but not a workbook this reader can use, or damaged (truncated, inconsistent, encrypted). */
  | "damaged"
  /** Past one of the caps of core/limits.ts FILE_LIMITS / LIMITS. */
  | "too-big";

export class XlsxError extends Error {
  constructor(
    readonly code: XlsxErrorCode,
    readonly msg: Msg,
    readonly sheet?: string,
    readonly cell?: string,
  ) {
    super(msg.en);
    this.name = "XlsxError";
  }
}

/** At most `max` characters of untrusted text for a message, marked where cut (a 200 000-character name stays short). */
export function excerpt(text: string, max = 40): string {
  const chars = Array.from(text.length > max * 2 + 2 ? text.slice(0, max * 2 + 2) : text);
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : text;
}

/** A damaged workbook; the message starts with the sheet and cell where known (caps' messages name them in their words). */
export const damaged = (zh: string, en: string, sheet?: string, cell?: string): XlsxError => {
  const at = placeOf({ sheet: sheet === undefined ? undefined : excerpt(sheet), cell });
  return new XlsxError(
    "damaged",
    { zh: `${at.zh ? `${at.zh}：` : ""}工作簿已损坏或无法读取：${zh}`, en: `${at.en ? `${at.en}: ` : ""}the workbook is damaged or cannot be read: ${en}` },
    sheet,
    cell,
  );
};

export const tooBig = (zh: string, en: string, sheet?: string, cell?: string): XlsxError => new XlsxError("too-big", { zh, en }, sheet, cell);

/** "1.5 MB" for a size in a message. */
export function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}
