/**
 * Workbook file → sheets: the command line's side of reading (docs/xlsx.md). It opens the file safely — a regular
 * file only, never waiting on a FIFO or reading a device, within the size cap — and hands the bytes to the pure
 * reader (src/xlsx), whose errors become CliErrors naming the file, sheet and cell.
 * Importable by the benchmark as well as the command line (no console output, no process exit).
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { FILE_LIMITS } from "../core/limits";
import { fileMessage, InflateLimit, type Inflater, readWorkbook, type ReadSheet, XlsxError } from "../xlsx";
import { CliError, inputError } from "./errors";

export type { ReadSheet };

/** Which sheets to read (all by default). */
export interface ReadFileOptions {
  wanted?: (name: string) => boolean;
}

/** Parts larger than this are inflated as a stream (fflate, 16 KB at a time) rather than into one buffer. */
const STREAM_ABOVE = 8 * 1024 * 1024;

/**
 * Node's native inflater for the parts of a normal workbook: it starts at once, where fflate costs ~20 ms to load and
 * the first tens of milliseconds to compile. maxOutputLength makes zlib give up once the output passes the size the
 * zip's directory declared. A large part streams through fflate instead, so it is never held whole in memory.
 */
export const zlibInflater: Inflater = (packed, limit, onData) => {
  if (limit > STREAM_ABOVE) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require("../xlsx/inflate") as typeof import("../xlsx/inflate")).fflateInflater(packed, limit, onData);
    return;
  }
  let out: Buffer;
  try {
    out = zlib.inflateRawSync(packed, { maxOutputLength: Math.max(1, limit) });
  } catch (e) {
    throw (e as NodeJS.ErrnoException)?.code === "ERR_BUFFER_TOO_LARGE" ? new InflateLimit(limit) : e;
  }
  for (let p = 0; p < out.length; p += 65536) onData(out.subarray(p, Math.min(out.length, p + 65536)));
};

/** O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused right after, as not a regular file). */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** Reads a workbook file. Throws CliError (exit status 2) for a missing, unreadable, oversized or non-.xlsx file. */
export async function readWorkbookFile(file: string, options: ReadFileOptions = {}): Promise<ReadSheet[]> {
  const shown = path.basename(file);
  return readWorkbookBuffer(readInput(file, shown), shown, options);
}

/** The file's bytes, read only if it is a regular file within the size cap. */
export function readInput(file: string, shown: string): Buffer {
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (e) {
    throw openError(e, shown);
  }
  try {
    const st = fs.fstatSync(fd);
    if (st.isDirectory()) throw folder(shown);
    if (!st.isFile())
      throw inputError(
        { zh: "不是普通文件（是设备、管道或套接字），不能作为工作簿读取", en: "is not a regular file (a device, pipe or socket); it cannot be read as a workbook" },
        { file: shown },
      );
    if (st.size > FILE_LIMITS.maxFileBytes)
      throw inputError(
        {
          zh: `文件有 ${Math.round(st.size / 1048576)} MB，超过上限 ${FILE_LIMITS.maxFileBytes / 1048576} MB，未读取`,
          en: `the file is ${Math.round(st.size / 1048576)} MB, more than the limit of ${FILE_LIMITS.maxFileBytes / 1048576} MB; not read`,
        },
        { file: shown },
      );
    // The size fstat gave, no more: a file that grows while read is cut there (and then fails as damaged).
    const data = Buffer.alloc(st.size);
    let got = 0;
    while (got < data.length) {
      const n = fs.readSync(fd, data, got, data.length - got, got);
      if (n === 0) break;
      got += n;
    }
    return got === data.length ? data : data.subarray(0, got);
  } catch (e) {
    throw e instanceof CliError ? e : openError(e, shown);
  } finally {
    fs.closeSync(fd);
  }
}

const folder = (shown: string) => inputError({ zh: "这是一个文件夹，不是 .xlsx 文件", en: "is a folder, not an .xlsx file" }, { file: shown });

function openError(e: unknown, shown: string): CliError {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return inputError({ zh: "找不到该文件", en: "no such file" }, { file: shown });
  if (code === "EISDIR") return folder(shown);
  if (code === "EACCES" || code === "EPERM") return inputError({ zh: "没有读取该文件的权限", en: "no permission to read the file" }, { file: shown });
  return inputError({ zh: `无法读取该文件（${code ?? "?"}）`, en: `cannot read the file (${code ?? "?"})` }, { file: shown });
}

/** Reads a workbook held in memory; `shown` names it in messages. */
export async function readWorkbookBuffer(data: Uint8Array, shown: string, options: ReadFileOptions = {}): Promise<ReadSheet[]> {
  try {
    return readWorkbook(data, { ...options, inflate: zlibInflater });
  } catch (e) {
    // The reader's message names the sheet and cell itself; the file goes in front.
    if (e instanceof XlsxError) throw new CliError(fileMessage(e, shown), { file: shown, sheet: e.sheet, cell: e.cell });
    throw e;
  }
}
