/**
 * Reading the county files a user chooses in the pane: the same bounded reader as the command line (src/xlsx, bytes
 * in, sheets out, pure; fflate inflates in the browser) under the same caps (core/limits.ts). A file that cannot be
 * read becomes that file's problem, never the whole collection's.
 */
import { FILE_LIMITS } from "../../core/limits";
import type { CollectFile } from "../../core/collect";
import type { SheetData } from "../../core/types";
import { XlsxError, readWorkbook } from "../../xlsx";
import { fflateInflater } from "../../xlsx/inflate";
import { workbookModified } from "../../xlsx/modified";
import { STRINGS } from "../i18n";

/** Bytes → sheets; throws XlsxError for a file it cannot use (what the reader and a test double agree on). */
export type WorkbookReader = (bytes: Uint8Array) => SheetData[];

export const readWorkbookBytes: WorkbookReader = (bytes) => readWorkbook(bytes, { inflate: fflateInflater });

/** A chosen file's bytes (Blob.arrayBuffer where the webview has it, FileReader otherwise). */
function bytesOf(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(file);
  });
}

/** Each chosen file as the collection's input: its sheets, or why it could not be read. */
export async function readChosenFiles(files: readonly File[], reader: WorkbookReader = readWorkbookBytes): Promise<CollectFile[]> {
  const out: CollectFile[] = [];
  for (const f of files) {
    if (f.size > FILE_LIMITS.maxFileBytes) {
      const mb = String(FILE_LIMITS.maxFileBytes / 1048576);
      out.push({ file: f.name, sheets: null, readError: { msg: { zh: STRINGS.collectTooBig.zh.replace("{mb}", mb), en: STRINGS.collectTooBig.en.replace("{mb}", mb) } } });
      continue;
    }
    try {
      const bytes = await bytesOf(f);
      // The workbook's own last-saved time decides between two files of one county (the later counts).
      out.push({ file: f.name, sheets: reader(bytes), modified: workbookModified(bytes, fflateInflater) });
    } catch (e) {
      if (!(e instanceof XlsxError)) throw e;
      out.push({ file: f.name, sheets: null, readError: { msg: e.msg, sheet: e.sheet, cell: e.cell } });
    }
  }
  return out;
}
