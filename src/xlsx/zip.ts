/**
 * The zip container of an .xlsx: its central directory, read and checked against the caps BEFORE anything is
 * inflated, then one part at a time inflated in small steps, its output counted, so a part that lies about its
 * size or packs a "zip bomb" is stopped at the cap, not after.
 *
 * The inflating itself is the host's (an Inflater): the command line hands in Node's zlib, the browser page fflate's
 * streaming Inflate (inflate.ts). fflate's unzip functions do not fit here: unzipSync inflates a whole part into a
 * buffer of the size the (untrusted) directory declares, and the streaming Unzip walks local headers, which
 * ExcelJS-written files leave without sizes. The directory itself is a few fixed-layout records (PKWARE APPNOTE
 * 4.3.12 central directory header, 4.3.16 end of central directory, 4.3.14/4.5.3 zip64), read here.
 */
import { FILE_LIMITS } from "../core/limits";
import { damaged, excerpt, megabytes, tooBig, XlsxError } from "./errors";

export interface ZipEntry {
  /** The part name as stored ("xl/worksheets/sheet1.xml"). */
  name: string;
  method: number;
  flags: number;
  packed: number;
  size: number;
  /** Offset of the entry's local header. */
  local: number;
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 0x100000000;

const names = new TextDecoder("utf-8");

/** True when the bytes start as a zip archive does (a local header, or an empty archive's end record). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

/** The central directory's entries, checked: within the file, at most FILE_LIMITS.maxEntries. */
export function readDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  const n = bytes.length;
  // The end record sits in the last 22 + 65 535 (comment) bytes.
  let eocd = -1;
  for (let i = n - 22; i >= 0 && i >= n - 22 - 0xffff; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 5 && bytes[i + 3] === 6) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged("找不到 zip 目录（文件可能不完整）", "no zip directory found (the file may be truncated)");
  let count = u16(bytes, eocd + 10);
  let offset = u32(bytes, eocd + 16);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && u32(bytes, eocd - 20) === 0x07064b50) {
    const z = u64(bytes, eocd - 12);
    if (z + 56 > n || u32(bytes, z) !== 0x06064b50) throw damaged("zip64 目录记录无效", "invalid zip64 directory record");
    count = u64(bytes, z + 32);
    offset = u64(bytes, z + 48);
  }
  if (count > FILE_LIMITS.maxEntries)
    throw tooBig(`工作簿包含 ${count} 个部件，超过上限 ${FILE_LIMITS.maxEntries}`, `the workbook has ${count} parts, more than the limit of ${FILE_LIMITS.maxEntries}`);
  const entries = new Map<string, ZipEntry>();
  let o = offset;
  for (let i = 0; i < count; i++) {
    if (o + 46 > n || u32(bytes, o) !== 0x02014b50) throw damaged("zip 目录不完整", "the zip directory is incomplete");
    const flags = u16(bytes, o + 8);
    const method = u16(bytes, o + 10);
    let packed = u32(bytes, o + 20);
    let size = u32(bytes, o + 24);
    const nameLen = u16(bytes, o + 28);
    const extraLen = u16(bytes, o + 30);
    const commentLen = u16(bytes, o + 32);
    let local = u32(bytes, o + 42);
    if (o + 46 + nameLen + extraLen + commentLen > n) throw damaged("zip 目录不完整", "the zip directory is incomplete");
    const name = names.decode(bytes.subarray(o + 46, o + 46 + nameLen));
    // Zip64 sizes and offset, in this order, for each field saturated above.
    for (let e = o + 46 + nameLen, end = e + extraLen; e + 4 <= end; ) {
      const id = u16(bytes, e);
      const len = u16(bytes, e + 2);
      if (id === 1) {
        let f = e + 4;
        if (size === 0xffffffff && f + 8 <= e + 4 + len) {
          size = u64(bytes, f);
          f += 8;
        }
        if (packed === 0xffffffff && f + 8 <= e + 4 + len) {
          packed = u64(bytes, f);
          f += 8;
        }
        if (local === 0xffffffff && f + 8 <= e + 4 + len) local = u64(bytes, f);
      }
      e += 4 + len;
    }
    o += 46 + nameLen + extraLen + commentLen;
    // Part names are case-insensitive (ECMA-376 Part 2, 9.1.1.1); a leading "/" is not part of the stored name.
    // Two parts whose names differ only in case (or not at all) are one part to the package (Part 2, 8.1.1.3):
    // readers disagree which of them counts (LibreOffice the first, a map the last), so neither is read.
    const key = name.replace(/^\//, "").toLowerCase();
    if (entries.has(key))
      throw damaged(
        `zip 中有两个同名的部件“${excerpt(name, 60)}”（不区分大小写），无法确定读取哪一个`,
        `the zip holds two parts named "${excerpt(name, 60)}" (ignoring case); which one counts cannot be told`,
      );
    entries.set(key, { name, method, flags, packed, size, local });
  }
  return entries;
}

/**
 * Checks the parts to be read against the caps, from the directory alone: each part's size and packing ratio,
 * and their total. `label` names a part in a message (its sheet, where it is one).
 */
export function checkParts(parts: { entry: ZipEntry; label?: string }[]): void {
  let total = 0;
  for (const { entry, label } of parts) {
    const where = label ? { zh: `工作表“${label}”的数据`, en: `sheet ${label}'s data` } : { zh: `部件 ${entry.name}`, en: `the part ${entry.name}` };
    if (entry.size > FILE_LIMITS.maxEntryBytes)
      throw tooBig(
        `${where.zh}解压后有 ${megabytes(entry.size)}，超过上限 ${megabytes(FILE_LIMITS.maxEntryBytes)}`,
        `${where.en} unpacks to ${megabytes(entry.size)}, more than the limit of ${megabytes(FILE_LIMITS.maxEntryBytes)}`,
        label,
      );
    if (entry.size > FILE_LIMITS.ratioFloorBytes && entry.size > entry.packed * FILE_LIMITS.maxRatio)
      throw tooBig(
        `${where.zh}压缩比 ${Math.round(entry.size / Math.max(1, entry.packed))}:1，超过上限 ${FILE_LIMITS.maxRatio}:1（疑为“压缩炸弹”）`,
        `${where.en} is packed ${Math.round(entry.size / Math.max(1, entry.packed))}:1, more than the limit of ${FILE_LIMITS.maxRatio}:1 (a likely zip bomb)`,
        label,
      );
    total += entry.size;
  }
  if (total > FILE_LIMITS.maxUnpackedBytes)
    throw tooBig(
      `工作簿要读取的部分解压后共 ${megabytes(total)}，超过上限 ${megabytes(FILE_LIMITS.maxUnpackedBytes)}`,
      `the parts to read unpack to ${megabytes(total)} together, more than the limit of ${megabytes(FILE_LIMITS.maxUnpackedBytes)}`,
    );
}

/**
 * Raw DEFLATE → bytes, handed to `onData` in pieces. It must give up (throw) once the output would pass `limit`
 * bytes, having done work in proportion to the limit, not to what the data would inflate to.
 */
export type Inflater = (packed: Uint8Array, limit: number, onData: (chunk: Uint8Array) => void) => void;

/** What an Inflater throws when the output would pass its limit. */
export class InflateLimit extends Error {
  constructor(limit: number) {
    super(`the output passes ${limit} bytes`);
    this.name = "InflateLimit";
  }
}

/**
 * Inflates one part, handing its bytes to `onData` as they come. Stops with an error as soon as the output
 * passes the size the directory declared (which checkParts has held to the caps), so the work done is bounded
 * by the cap, never by what the data would inflate to.
 */
export function inflatePart(bytes: Uint8Array, entry: ZipEntry, inflate: Inflater, onData: (chunk: Uint8Array) => void, label?: string): void {
  const where = label ? { zh: `工作表“${label}”的数据`, en: `sheet ${label}'s data` } : { zh: `部件 ${entry.name}`, en: `the part ${entry.name}` };
  if (entry.flags & 1) throw damaged("工作簿已加密（设置了打开密码），请先在 Excel 中取消密码", "the workbook is encrypted (has an open password); remove the password in Excel first");
  const h = entry.local;
  if (h + 30 > bytes.length || u32(bytes, h) !== 0x04034b50) throw damaged(`${where.zh}的位置无效`, `${where.en} is not where the directory says`, label);
  const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28);
  const end = start + entry.packed;
  if (end > bytes.length) throw damaged(`${where.zh}不完整（文件可能被截断）`, `${where.en} is incomplete (the file may be truncated)`, label);
  let out = 0;
  const larger = () => damaged(`${where.zh}比目录所记的 ${entry.size} 字节更大`, `${where.en} is larger than the ${entry.size} bytes the directory records`, label);
  const count = (chunk: Uint8Array) => {
    out += chunk.length;
    if (out > entry.size) throw larger();
    if (chunk.length) onData(chunk);
  };
  if (entry.method === 0) {
    for (let p = start; p < end; p += 65536) count(bytes.subarray(p, Math.min(end, p + 65536)));
  } else if (entry.method === 8) {
    try {
      inflate(bytes.subarray(start, end), entry.size, count);
    } catch (e) {
      if (e instanceof XlsxError) throw e;
      if (e instanceof InflateLimit) throw larger();
      throw damaged(`${where.zh}无法解压（${(e as Error)?.message ?? String(e)}）`, `${where.en} cannot be unpacked (${(e as Error)?.message ?? String(e)})`, label);
    }
  } else {
    throw damaged(`${where.zh}使用了不支持的压缩方法 ${entry.method}`, `${where.en} uses compression method ${entry.method}, which is not supported`, label);
  }
  if (out !== entry.size) throw damaged(`${where.zh}不完整（文件可能被截断）`, `${where.en} is incomplete (the file may be truncated)`, label);
}

/** Path of a relationship's target: relative to the source part's folder, or absolute from the package root. */
export function resolvePart(base: string, target: string): string {
  const parts = target.startsWith("/") ? [] : base.split("/").slice(0, -1);
  for (const seg of target.replace(/^\//, "").split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}
