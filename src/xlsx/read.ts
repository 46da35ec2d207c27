/**
 * An .xlsx workbook's bytes → its sheets as the cells that exist (sparse), with every cap of core/limits.ts checked
 * before and while reading. Pure: bytes in, values out, no Node or browser API beyond TextDecoder, so the command
 * line and the browser page read a workbook the same way.
 *
 * What a cell becomes is what the engine has always been given (the ExcelJS-based reader this replaces): the cached
 * result of a formula (none: empty), shared and inline strings with rich-text runs joined and `_xHHHH_` escapes
 * decoded, errors as { error }, booleans, numbers shown in a date format as ISO dates, "" as empty; each cell's
 * number format (built-in ids included: 9 and 10 are percentages, which mark rates).
 */
import { a1, type Block } from "../core/address";
import { EXCEL_COLUMNS, EXCEL_ROWS, FILE_LIMITS, LIMITS } from "../core/limits";
import type { CellValue } from "../core/types";
import { damaged, excerpt, tooBig, XlsxError } from "./errors";
import { tooManyMerges } from "./bounds";
import { xmlStream, type XmlHandlers } from "./xml";
import { propertyText } from "./property";
import { checkParts, inflatePart, type Inflater, looksLikeZip, readDirectory, resolvePart, type ZipEntry } from "./zip";

/** One worksheet as read: its cells that hold a value or a number format, in row-major order. */
export interface SparseSheet {
  name: string;
  /** Row, column and style (cellXfs index) of each cell: typed arrays, a million cells cost 12 MB. */
  rows: Int32Array;
  cols: Int32Array;
  styles: Int32Array;
  values: CellValue[];
  /** Number format of each style (null: General). */
  formatOf: (string | null)[];
  merges: Block[];
  /** The sheet's own declaration of its used area (<dimension>), when it has one. */
  dimension: Block | null;
  /** Cells whose text was longer than Excel allows and was cut: how many, and the first. */
  cut: { count: number; first: string | null };
  /** Conditional formats with formula rules: where they apply and their formulas (ZG's marks among them). */
  conditionalFormats: { sqref: string; formulas: string[] }[];
  /** The custom sheet properties asked for (ReadOptions.properties) that the sheet has, name → text. */
  properties: Record<string, string>;
  /** Custom sheet properties as declared: name and relationship id. */
  customPr?: { name: string; rid: string }[];
}

export interface SparseWorkbook {
  sheets: SparseSheet[];
}

export interface ReadOptions {
  /** How to inflate: inflate.ts's fflateInflater anywhere, or a native one (the command line's zlib). */
  inflate: Inflater;
  /** Which sheets to read (all by default); the others are listed by name with no cells. */
  wanted?: (name: string) => boolean;
  /** Custom sheet properties to read (Excel's Worksheet.customProperties), by name: the page reads ZG's owner mark. */
  properties?: string[];
}

/** At most this many conditional formats per sheet, and characters per rule formula, are kept. */
const MAX_CONDITIONAL_FORMATS = 10_000;
const MAX_RULE_CHARS = 8192;
/** A custom property's value is a short text (ZG's is a word); a larger part is not read. */
const MAX_PROPERTY_BYTES = 4096;

/** Excel's built-in number formats by id (ECMA-376 Part 1, 18.8.30), as ExcelJS maps them. */
const BUILT_IN: Record<number, string> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
  22: 'm/d/yy "h":mm', 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00 ;(#,##0.00)", 40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

/** A date format (as ExcelJS decides): date or time letters outside quotes and brackets. */
function isDateFormat(f: string): boolean {
  return /[ymdhMsb]+/.test(f.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

const NOT_XLSX = new XlsxError("not-xlsx", {
  zh: "不是 .xlsx 工作簿（请在 Excel 或 WPS 中另存为 .xlsx 格式）",
  en: "is not an .xlsx workbook (save it as .xlsx in Excel or WPS first)",
});

const ENCRYPTED = new XlsxError("encrypted", {
  zh: "设有打开密码（已加密），无法读取：请在 Excel 或 WPS 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码），或另存一份不设密码的副本后再用",
  en: "is protected by a password to open (encrypted) and cannot be read: remove the password in Excel or WPS (File → Info → Protect Workbook → Encrypt with Password, clear it), or save a copy without it, and use that",
});

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** "EncryptedPackage" as a compound file's directory stores stream names (UTF-16LE). */
const ENCRYPTED_PACKAGE = Array.from("EncryptedPackage").flatMap((ch) => [ch.charCodeAt(0), 0]);

/**
 * A workbook with a password to open is an OLE compound file holding an EncryptedPackage stream ([MS-OFFCRYPTO]
 * 2.3.4.4), not a zip. An old .xls is a compound file too, but without that stream: it keeps the "not .xlsx" message.
 */
function isEncryptedWorkbook(bytes: Uint8Array): boolean {
  if (bytes.length < 512 || CFB_SIGNATURE.some((b, i) => bytes[i] !== b)) return false;
  const first = ENCRYPTED_PACKAGE[0];
  for (let i = 512; i + ENCRYPTED_PACKAGE.length <= bytes.length; i++) {
    if (bytes[i] !== first) continue;
    let j = 1;
    while (j < ENCRYPTED_PACKAGE.length && bytes[i + j] === ENCRYPTED_PACKAGE[j]) j++;
    if (j === ENCRYPTED_PACKAGE.length) return true;
  }
  return false;
}

/** `_x001B_` → ESC, as Excel escapes characters XML cannot carry (ECMA-376 Part 1, 22.9.2.19 ST_Xstring). */
const unescapeX = (s: string) => (s.includes("_x") ? s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : s);

/** Raw text kept per string before decoding: enough for maxCellText characters even if every one is escaped. */
const RAW_TEXT = LIMITS.maxCellText * 7 + 7;

/** A text's characters, cut to Excel's limit; `cut` says whether it was. */
function finishText(raw: string, overflow: boolean): { text: string; cut: boolean } {
  const text = unescapeX(raw);
  if (text.length <= LIMITS.maxCellText && !overflow) return { text, cut: false };
  // Never leave half of a surrogate pair at the cut.
  let end = Math.min(text.length, LIMITS.maxCellText);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return { text: text.slice(0, end), cut: true };
}

const relsOf = (part: string) => {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
};

/** "C5" → [4, 2]; null when not a cell reference. Hand-rolled: it runs once per cell. */
function parseRef(ref: string): [number, number] | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const ch = ref.charCodeAt(i) & ~32;
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
  }
  if (i === 0 || i === ref.length || ref.length - i > 8) return null;
  let row = 0;
  for (let j = i; j < ref.length; j++) {
    const d = ref.charCodeAt(j) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  return row >= 1 ? [row - 1, col - 1] : null;
}

function parseArea(ref: string): Block | null {
  const [a, b = a] = ref.replace(/\$/g, "").split(":");
  const p = parseRef(a);
  const q = parseRef(b);
  if (!p || !q) return null;
  return { top: Math.min(p[0], q[0]), left: Math.min(p[1], q[1]), bottom: Math.max(p[0], q[0]), right: Math.max(p[1], q[1]) };
}

const inGrid = (b: Block) => b.bottom < EXCEL_ROWS && b.right < EXCEL_COLUMNS;

interface Totals {
  cells: number;
  rows: number;
  /** Characters of text held: shared strings once, and every inline string or formula's text result. */
  chars: number;
}

/** Reads a workbook. Throws XlsxError, and nothing else, for anything wrong with the bytes. */
export function readXlsx(bytes: Uint8Array, options: ReadOptions): SparseWorkbook {
  if (bytes.length > FILE_LIMITS.maxFileBytes)
    throw tooBig(`文件有 ${Math.round(bytes.length / 1048576)} MB，超过上限 ${FILE_LIMITS.maxFileBytes / 1048576} MB`, `the file is ${Math.round(bytes.length / 1048576)} MB, more than the limit of ${FILE_LIMITS.maxFileBytes / 1048576} MB`);
  if (!looksLikeZip(bytes)) throw isEncryptedWorkbook(bytes) ? ENCRYPTED : NOT_XLSX;
  const dir = readDirectory(bytes);
  const src: Source = { bytes, inflate: options.inflate };
  const entry = (part: string) => dir.get(part.toLowerCase());

  // Where the workbook part is (_rels/.rels; xl/workbook.xml when not said), and its sheets.
  let bookPart = "xl/workbook.xml";
  const rootRels = entry("_rels/.rels");
  if (rootRels) {
    checkParts([{ entry: rootRels }]);
    for (const r of readRels(src, rootRels)) if (r.type.endsWith("/officeDocument")) bookPart = resolvePart("", r.target);
  }
  const book = entry(bookPart);
  if (!book) {
    // A zip, but no workbook in it: an OpenDocument file, a .docx, a zip of something else.
    if (dir.has("mimetype") || dir.has("content.xml")) throw NOT_XLSX;
    throw NOT_XLSX;
  }
  const bookRels = entry(relsOf(bookPart));
  checkParts([{ entry: book }, ...(bookRels ? [{ entry: bookRels }] : [])]);
  const declared = readWorkbookPart(src, book);
  const rels = new Map((bookRels ? readRels(src, bookRels) : []).map((r) => [r.id, r]));
  let stylesPart: ZipEntry | undefined;
  let stringsPart: ZipEntry | undefined;
  for (const r of rels.values()) {
    if (r.type.endsWith("/styles")) stylesPart = entry(resolvePart(bookPart, r.target));
    if (r.type.endsWith("/sharedStrings")) stringsPart = entry(resolvePart(bookPart, r.target));
  }
  const sheetParts: { name: string; entry: ZipEntry | null }[] = [];
  for (const s of declared.sheets) {
    const r = rels.get(s.rid);
    // Chart sheets and dialog sheets hold no cells: only worksheets are read (as before).
    if (r && !r.type.endsWith("/worksheet")) continue;
    const part = r ? entry(resolvePart(bookPart, r.target)) : undefined;
    if (!part) throw damaged(`找不到工作表“${excerpt(s.name)}”的数据`, `the data of sheet ${excerpt(s.name)} is missing`, s.name);
    sheetParts.push({ name: s.name, entry: !options.wanted || options.wanted(s.name) ? part : null });
  }
  // Every cap that the directory can tell, before anything big is inflated.
  checkParts([
    ...(stylesPart ? [{ entry: stylesPart }] : []),
    ...(stringsPart ? [{ entry: stringsPart }] : []),
    ...sheetParts.filter((s) => s.entry).map((s) => ({ entry: s.entry as ZipEntry, label: s.name })),
  ]);

  const styles = stylesPart ? readStyles(src, stylesPart) : { formats: [] as (string | null)[], dates: [] as boolean[] };
  const totals: Totals = { cells: 0, rows: 0, chars: 0 };
  const strings = stringsPart ? readSharedStrings(src, stringsPart, totals) : { texts: [] as string[], cut: new Set<number>() };
  const sheets = sheetParts.map((s) =>
    s.entry ? readSheet(src, s.entry, s.name, styles, strings, declared.date1904, totals) : emptySheet(s.name, styles.formats),
  );
  // The custom properties asked for: each a small part named by the sheet's relationships.
  const asked = new Set(options.properties ?? []);
  // Sheets may share one relationships part: each part is parsed once, and counted once against the total.
  const relsRead = new Map<string, Map<string, string>>();
  let relsBytes = 0;
  const propertiesRead = new Map<string, string>();
  sheets.forEach((sheet, i) => {
    const wantedPr = (sheet.customPr ?? []).filter((p) => asked.has(p.name));
    delete sheet.customPr;
    const part = sheetParts[i].entry;
    if (!wantedPr.length || !part) return;
    const sheetRels = entry(relsOf(part.name.replace(/^\//, "")));
    if (!sheetRels) return;
    let targets = relsRead.get(sheetRels.name);
    if (!targets) {
      checkParts([{ entry: sheetRels }]);
      relsBytes += sheetRels.size;
      if (relsBytes > FILE_LIMITS.maxUnpackedBytes)
        throw tooBig(
          `工作表的关系部件解压后共超过 ${FILE_LIMITS.maxUnpackedBytes / 1048576} MB`,
          `the sheets' relationship parts unpack to more than ${FILE_LIMITS.maxUnpackedBytes / 1048576} MB together`,
          sheet.name,
        );
      targets = new Map(readRels(src, sheetRels).map((r) => [r.id, r.target]));
      relsRead.set(sheetRels.name, targets);
    }
    for (const p of wantedPr) {
      const target = targets.get(p.rid);
      const bin = target ? entry(resolvePart(part.name.replace(/^\//, ""), target)) : undefined;
      if (!bin || bin.size > MAX_PROPERTY_BYTES) continue;
      let value = propertiesRead.get(bin.name);
      if (value === undefined) {
        const chunks: number[] = [];
        inflatePart(bytes, bin, options.inflate, (c) => chunks.push(...c));
        value = propertyText(Uint8Array.from(chunks));
        propertiesRead.set(bin.name, value);
      }
      sheet.properties[p.name] = value;
    }
  });
  return { sheets };
}

const emptySheet = (name: string, formatOf: (string | null)[]): SparseSheet => ({
  name,
  rows: new Int32Array(0),
  cols: new Int32Array(0),
  styles: new Int32Array(0),
  values: [],
  formatOf,
  merges: [],
  dimension: null,
  cut: { count: 0, first: null },
  conditionalFormats: [],
  properties: {},
});

/**
 * Parses one (already checked) part with `handlers`; a SpreadsheetML part (all but relationships) only as far as
 * Excel reads it (xml.ts).
 */
function parsePart(src: Source, part: ZipEntry, handlers: XmlHandlers, sheet?: string, spreadsheetML = true): void {
  const what = sheet ? { zh: `工作表“${excerpt(sheet)}”的数据`, en: `sheet ${excerpt(sheet)}'s data` } : { zh: `部件 ${part.name}`, en: `the part ${part.name}` };
  const xml = xmlStream(handlers, what, sheet, { spreadsheetML });
  inflatePart(src.bytes, part, src.inflate, (chunk) => xml.write(chunk), sheet);
  xml.end();
}

/** The workbook's bytes and how to inflate them. */
interface Source {
  bytes: Uint8Array;
  inflate: Inflater;
}

function readRels(src: Source, part: ZipEntry): { id: string; type: string; target: string }[] {
  const out: { id: string; type: string; target: string }[] = [];
  parsePart(src, part, {
    open(name, a) {
      if (name !== "Relationship") return;
      if (out.length >= FILE_LIMITS.maxEntries) throw tooBig(`部件 ${part.name} 的关系超过 ${FILE_LIMITS.maxEntries} 条`, `the part ${part.name} lists more than ${FILE_LIMITS.maxEntries} relationships`);
      if (a.TargetMode !== "External") out.push({ id: a.Id ?? "", type: a.Type ?? "", target: a.Target ?? "" });
    },
  }, undefined, false);
  return out;
}

function readWorkbookPart(src: Source, part: ZipEntry): { sheets: { name: string; rid: string }[]; date1904: boolean } {
  const sheets: { name: string; rid: string }[] = [];
  let date1904 = false;
  parsePart(src, part, {
    open(name, a) {
      if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
      else if (name === "sheet") {
        if (sheets.length >= FILE_LIMITS.maxSheets)
          throw tooBig(`工作簿有超过 ${FILE_LIMITS.maxSheets} 个工作表`, `the workbook has more than ${FILE_LIMITS.maxSheets} sheets`);
        // The relationship id is r:id, whatever prefix the writer bound to the relationships namespace.
        const idKey = Object.keys(a).find((k) => k.endsWith(":id"));
        // Excel allows 31 characters; far longer is no workbook Excel or WPS wrote, and would fill every message.
        if ((a.name ?? "").length > 255) throw damaged(`工作表名称“${excerpt(a.name ?? "")}”超过 255 个字符`, `the sheet name "${excerpt(a.name ?? "")}" is longer than 255 characters`);
        sheets.push({ name: a.name ?? "", rid: idKey ? a[idKey] : "" });
      }
    },
  });
  return { sheets, date1904 };
}

/** Each cell format's (cellXfs) number format, and whether it shows a date. */
function readStyles(src: Source, part: ZipEntry): { formats: (string | null)[]; dates: boolean[] } {
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let inXfs = false;
  parsePart(src, part, {
    open(name, a) {
      if (name === "numFmt") {
        if (custom.size >= FILE_LIMITS.maxStyles) throw tooBig(`工作簿的数字格式超过 ${FILE_LIMITS.maxStyles} 种`, `the workbook has more than ${FILE_LIMITS.maxStyles} number formats`);
        // Excel allows 255 characters; a longer code is no format Excel wrote (and is never run through a pattern).
        if ((a.formatCode ?? "").length > 255) throw damaged("数字格式超过 255 个字符", "a number format is longer than 255 characters");
        custom.set(Number(a.numFmtId), a.formatCode ?? "");
      } else if (name === "cellXfs") inXfs = true;
      else if (name === "xf" && inXfs) {
        if (ids.length >= FILE_LIMITS.maxStyles) throw tooBig(`工作簿的单元格格式超过 ${FILE_LIMITS.maxStyles} 种`, `the workbook has more than ${FILE_LIMITS.maxStyles} cell formats`);
        ids.push(Number(a.numFmtId ?? 0));
      }
    },
    close(name) {
      if (name === "cellXfs") inXfs = false;
    },
  });
  // As ExcelJS: id 0 (General) is no format; a custom code wins over a built-in one of the same id.
  const formats = ids.map((id) => {
    const f = id ? (custom.get(id) ?? BUILT_IN[id] ?? null) : null;
    return f === "General" ? null : f;
  });
  return { formats, dates: formats.map((f) => f !== null && isDateFormat(f)) };
}

function readSharedStrings(src: Source, part: ZipEntry, totals: Totals): { texts: string[]; cut: Set<number> } {
  const texts: string[] = [];
  const cut = new Set<number>();
  let raw = "";
  let overflow = false;
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  parsePart(src, part, {
    open(name) {
      if (name === "si") {
        if (texts.length >= FILE_LIMITS.maxSharedStrings)
          throw tooBig(`工作簿的共享文本超过 ${FILE_LIMITS.maxSharedStrings} 条`, `the workbook has more than ${FILE_LIMITS.maxSharedStrings} shared strings`);
        inSi = true;
        raw = "";
        overflow = false;
      } else if (name === "rPh") phonetic++;
      else if (name === "t" && inSi && phonetic === 0) inT = true;
    },
    text(t) {
      if (!inT) return;
      if (raw.length + t.length <= RAW_TEXT) raw += t;
      else {
        raw += t.slice(0, Math.max(0, RAW_TEXT - raw.length));
        overflow = true;
      }
    },
    close(name) {
      if (name === "t") inT = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si") {
        const done = finishText(raw, overflow);
        if (done.cut) cut.add(texts.length);
        totals.chars += done.text.length;
        if (totals.chars > FILE_LIMITS.maxTextChars)
          throw tooBig(`工作簿的共享文本共超过 ${FILE_LIMITS.maxTextChars} 个字符`, `the workbook's shared strings hold more than ${FILE_LIMITS.maxTextChars} characters together`);
        texts.push(done.text);
        inSi = false;
        raw = "";
      }
    },
  });
  return { texts, cut };
}

/** A number as a numeric cell's <v> holds it (xsd:double without INF and NaN, which Excel never writes). */
const PLAIN_NUMBER = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

function isoDate(serial: number, date1904: boolean): string | null {
  // ExcelJS's conversion: the serial day count from 1899-12-30 (1904-01-01), milliseconds rounded.
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return null;
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace(".000Z", "Z");
}

function readSheet(
  src: Source,
  part: ZipEntry,
  name: string,
  styles: { formats: (string | null)[]; dates: boolean[] },
  strings: { texts: string[]; cut: Set<number> },
  date1904: boolean,
  totals: Totals,
): SparseSheet {
  const sheet = emptySheet(name, styles.formats);
  // Grown by doubling, trimmed at the end.
  let rows = new Int32Array(1024);
  let cols = new Int32Array(1024);
  let styleIds = new Int32Array(1024);
  let n = 0;
  const shown = excerpt(name);
  const here = (row: number, col: number) => a1(Math.max(0, row), Math.max(0, col));
  let row = -1;
  let col = -1;
  let sorted = true;
  let lastRow = -1;
  let lastCol = -1;
  let validations = 0;
  // The cell being read.
  let inCell = false;
  let type = "";
  let style = 0;
  let hasFormula = false;
  let capture: "v" | "t" | null = null;
  // The conditional format being read, and the rule formula's text.
  let cf: { sqref: string; formulas: string[] } | null = null;
  let cfText: string | null = null;
  let inInline = false;
  let phonetic = 0;
  let raw = "";
  let overflow = false;
  let hasV = false;

  const cutAt = (r: number, c: number) => {
    sheet.cut.count++;
    sheet.cut.first ??= here(r, c);
  };

  /** Text a cell holds of its own, counted against the workbook's total. */
  const held = (text: string) => {
    totals.chars += text.length;
    if (totals.chars > FILE_LIMITS.maxTextChars)
      throw tooBig(
        `工作表“${shown}”等处的文字共超过 ${FILE_LIMITS.maxTextChars} 个字符（已读到 ${here(row, col)}）`,
        `sheet ${shown} and the others hold more than ${FILE_LIMITS.maxTextChars} characters of text together (read as far as ${here(row, col)})`,
        name,
        here(row, col),
      );
    return text;
  };

  const finishCell = () => {
    let value: CellValue = null;
    const format = styles.formats[style] ?? null;
    if (type === "inlineStr" && !hasFormula) {
      const t = finishText(raw, overflow);
      if (t.cut) cutAt(row, col);
      value = held(t.text);
    } else if (hasV) {
      const v = raw;
      if (type === "s" && !hasFormula) {
        const i = Number(v);
        if (!Number.isInteger(i) || i < 0 || i >= strings.texts.length)
          throw damaged(`单元格指向不存在的共享文本 ${excerpt(v, 12)}`, `the cell refers to shared string ${excerpt(v, 12)}, which does not exist`, name, here(row, col));
        value = strings.texts[i];
        if (strings.cut.has(i)) cutAt(row, col);
      } else if (type === "str" || type === "s" || type === "inlineStr") {
        const t = finishText(v, overflow);
        if (t.cut) cutAt(row, col);
        value = held(t.text);
      } else if (type === "b") value = parseInt(v, 10) !== 0;
      else if (type === "e") value = { error: excerpt(v, 16) };
      else if (type === "d") value = excerpt(v, 40);
      else if (v.trim() !== "") {
        // xsd:double as Excel writes it; "1,000", "12abc" or "0x10" is not a number Excel would show as one.
        const n = PLAIN_NUMBER.test(v) ? Number(v) : NaN;
        if (!Number.isFinite(n))
          throw damaged(`数值单元格的内容“${excerpt(v, 24)}”不是数字`, `the numeric cell holds "${excerpt(v, 24)}", which is not a number`, name, here(row, col));
        value = n;
        if (typeof value === "number" && styles.dates[style]) value = isoDate(value, date1904) ?? value;
      }
    }
    if (value === "") value = null;
    if (value === null && format === null) return;
    if (row < lastRow || (row === lastRow && col <= lastCol)) sorted = false;
    lastRow = row;
    lastCol = col;
    if (n === rows.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      rows = grow(rows);
      cols = grow(cols);
      styleIds = grow(styleIds);
    }
    rows[n] = row;
    cols[n] = col;
    styleIds[n] = style;
    n++;
    sheet.values.push(value);
  };

  parsePart(
    src,
    part,
    {
      open(tag, a) {
        switch (tag) {
          case "row": {
            if (++totals.rows > FILE_LIMITS.maxRows)
              throw tooBig(`工作表“${shown}”等处共超过 ${FILE_LIMITS.maxRows} 行`, `sheet ${shown} and the others have more than ${FILE_LIMITS.maxRows} rows together`, name);
            const r = a.r === undefined ? row + 1 : Number(a.r) - 1;
            if (!Number.isInteger(r) || r < 0 || r >= EXCEL_ROWS)
              throw damaged(`行号 ${excerpt(String(a.r), 12)} 超出 Excel 的 ${EXCEL_ROWS} 行`, `row number ${excerpt(String(a.r), 12)} is beyond Excel's ${EXCEL_ROWS} rows`, name);
            row = r;
            col = -1;
            return;
          }
          case "c": {
            if (++totals.cells > FILE_LIMITS.maxCells)
              throw tooBig(
                `工作表“${shown}”等处共超过 ${FILE_LIMITS.maxCells} 个单元格（已读到 ${here(row, col + 1)}）`,
                `sheet ${shown} and the others have more than ${FILE_LIMITS.maxCells} cells together (read as far as ${here(row, col + 1)})`,
                name,
                here(row, col + 1),
              );
            if (a.r !== undefined) {
              const p = parseRef(a.r);
              if (!p || p[0] >= EXCEL_ROWS || p[1] >= EXCEL_COLUMNS)
                throw damaged(`单元格地址“${excerpt(a.r, 16)}”无效或超出 Excel 的表格范围`, `the cell address "${excerpt(a.r, 16)}" is invalid or beyond Excel's grid`, name);
              row = p[0];
              col = p[1];
            } else {
              col++;
              if (row < 0) row = 0;
              if (col >= EXCEL_COLUMNS) throw damaged(`第 ${row + 1} 行的单元格超出 Excel 的 ${EXCEL_COLUMNS} 列`, `row ${row + 1} has cells beyond Excel's ${EXCEL_COLUMNS} columns`, name);
            }
            inCell = true;
            type = a.t ?? "n";
            style = a.s === undefined ? 0 : Number(a.s) || 0;
            hasFormula = false;
            hasV = false;
            raw = "";
            overflow = false;
            return;
          }
          case "v":
            if (inCell) {
              capture = "v";
              hasV = true;
            }
            return;
          case "f":
            if (inCell) hasFormula = true;
            return;
          case "is":
            if (inCell) inInline = true;
            return;
          case "rPh":
            phonetic++;
            return;
          case "t":
            if (inInline && phonetic === 0) capture = "t";
            return;
          case "mergeCell": {
            const m = parseArea(a.ref ?? "");
            if (!m || !inGrid(m)) throw damaged(`合并区域“${excerpt(a.ref ?? "", 24)}”无效`, `the merged area "${excerpt(a.ref ?? "", 24)}" is invalid`, name);
            if (sheet.merges.length >= LIMITS.maxMerges) {
              const msg = tooManyMerges(name);
              throw tooBig(msg.zh, msg.en, name, here(m.top, m.left));
            }
            sheet.merges.push(m);
            return;
          }
          case "dataValidation":
            if (++validations > FILE_LIMITS.maxValidations)
              throw tooBig(`工作表“${shown}”的数据验证规则超过 ${FILE_LIMITS.maxValidations} 条`, `sheet ${shown} has more than ${FILE_LIMITS.maxValidations} data-validation rules`, name);
            return;
          case "conditionalFormatting":
            if (sheet.conditionalFormats.length >= MAX_CONDITIONAL_FORMATS)
              throw tooBig(`工作表“${shown}”的条件格式超过 ${MAX_CONDITIONAL_FORMATS} 个`, `sheet ${shown} has more than ${MAX_CONDITIONAL_FORMATS} conditional formats`, name);
            cf = { sqref: excerpt(a.sqref ?? "", MAX_RULE_CHARS), formulas: [] };
            sheet.conditionalFormats.push(cf);
            return;
          case "formula":
            if (cf) cfText = "";
            return;
          case "customPr":
            if ((sheet.customPr ??= []).length < 100) sheet.customPr.push({ name: a.name ?? "", rid: a[Object.keys(a).find((k) => k.endsWith(":id")) ?? ""] ?? "" });
            return;
          case "dimension": {
            const d = parseArea(a.ref ?? "");
            if (d && !inGrid(d)) throw damaged(`声明的使用区域“${excerpt(a.ref ?? "", 24)}”超出 Excel 的表格范围`, `the declared used area "${excerpt(a.ref ?? "", 24)}" is beyond Excel's grid`, name);
            sheet.dimension = d;
            return;
          }
          default:
            return;
        }
      },
      text(t) {
        if (cfText !== null) {
          if (cfText.length < MAX_RULE_CHARS) cfText += t.slice(0, MAX_RULE_CHARS - cfText.length);
          return;
        }
        if (capture === null) return;
        if (raw.length + t.length <= RAW_TEXT) raw += t;
        else {
          raw += t.slice(0, Math.max(0, RAW_TEXT - raw.length));
          overflow = true;
        }
      },
      close(tag) {
        if (tag === "v" || tag === "t") capture = null;
        else if (tag === "formula" && cf && cfText !== null) {
          if (cf.formulas.length < 3) cf.formulas.push(cfText);
          cfText = null;
        } else if (tag === "conditionalFormatting") cf = null;
        else if (tag === "rPh") phonetic--;
        else if (tag === "is") inInline = false;
        else if (tag === "c" && inCell) {
          inCell = false;
          finishCell();
        }
      },
    },
    name,
  );
  sheet.rows = rows.slice(0, n);
  sheet.cols = cols.slice(0, n);
  sheet.styles = styleIds.slice(0, n);
  if (!sorted) sortCells(sheet);
  return sheet;
}

/** Row-major order (a writer may list cells out of order), the last of duplicates kept. */
function sortCells(s: SparseSheet): void {
  const order = Array.from(s.rows.keys()).sort((a, b) => s.rows[a] - s.rows[b] || s.cols[a] - s.cols[b] || a - b);
  const keep: number[] = [];
  for (const i of order) {
    const last = keep[keep.length - 1];
    if (last !== undefined && s.rows[last] === s.rows[i] && s.cols[last] === s.cols[i]) keep[keep.length - 1] = i;
    else keep.push(i);
  }
  s.rows = Int32Array.from(keep, (i) => s.rows[i]);
  s.cols = Int32Array.from(keep, (i) => s.cols[i]);
  s.styles = Int32Array.from(keep, (i) => s.styles[i]);
  s.values = keep.map((i) => s.values[i]);
}

