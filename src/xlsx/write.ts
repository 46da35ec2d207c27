/**
 * The workbook file writer (docs/xlsx.md): patches an .xlsx the user opened, so what ZG wrote can be saved WITHOUT
 * touching the rest. Every part of the original zip is copied byte for byte (its packed data and its directory
 * record, only the offset changes) except the few a patch must change: the workbook's sheet list and relationships,
 * [Content_Types].xml, styles.xml (new formats are appended, so the user's style indexes keep their meaning) and the
 * user's sheets whose marks (conditional formats) changed. Sheets of ours are added as new parts, or replace the
 * part of a sheet of ours in place (same position, same sheetId, so defined names and the tab order keep pointing
 * where they did).
 *
 * Pure (bytes in, bytes out; fflate deflates), for the browser page; it knows nothing of ZG's own meanings: the
 * caller says which sheets, which conditional formats, which custom sheet properties.
 *
 * Cells are written as the file format stores them, never as something to be parsed: a text is an inline string
 * (t="inlineStr"), whatever it starts with, so user text never becomes a formula; a formula is only an OutCell of
 * the `formula` kind, written with its cached value.
 */
import { deflateSync } from "fflate";
import { a1, blockAddress } from "../core/address";
import type { SheetLayout } from "../core/types";
import { damaged } from "./errors";
import { readDirectory, resolvePart, type ZipEntry } from "./zip";
import { fflateInflater } from "./inflate";
import { inflatePart } from "./zip";
import { xmlStream } from "./xml";
import { propertyBytes } from "./property";

export type OutValue = null | number | string | boolean | { error: string };
/** A cell we write: a value (a string is TEXT), or a formula (without "=") with its cached value. */
export type OutCell = OutValue | { formula: string; value: OutValue };

export interface OutSheet extends SheetLayout {
  name: string;
  /** Rows × columns from A1. */
  cells: OutCell[][];
  /** Custom sheet properties (Excel's Worksheet.customProperties), name → text. */
  properties?: Record<string, string>;
  /** Conditional formats to carry (a new sheet's marks). */
  marks?: OutMark[];
  /** Data validation (drop-down lists, whole numbers between two bounds). */
  validations?: OutValidation[];
}

/** A data-validation rule: a list (formula1 a range or a quoted list) or a whole number between formula1 and formula2. */
export interface OutValidation {
  sqref: string;
  type: "list" | "whole";
  formula1: string;
  formula2?: string;
  title: string;
  prompt: string;
  error: string;
}

/** A conditional format always true over `sqref`, recognised later by its formula. */
export interface OutMark {
  sqref: string;
  /** The rule, without "=". */
  formula: string;
  fill: string;
  font: string;
}

export interface WorkbookPatch {
  /** Sheets to write: each replaces the file's sheet of the same name when `replace` lists it, else is added at the end. */
  sheets: OutSheet[];
  replace?: string[];
  /** The marks each listed sheet of the file must carry afterwards (marks it has now are removed first). */
  marks?: Map<string, OutMark[]>;
  /** Recognises a mark already in the file, by its rule's formula (without "="). */
  isMark?: (formula: string) => boolean;
}

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_SHEET = `${NS_REL}/worksheet`;
const REL_STYLES = `${NS_REL}/styles`;
const REL_PROPERTY = `${NS_REL}/customProperty`;
const CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const CT_PROPERTY = "application/vnd.openxmlformats-officedocument.spreadsheetml.customProperty";

const utf8 = new TextEncoder();
const decoder = new TextDecoder("utf-8");

// ─── zip ─────────────────────────────────────────────────────────────────────────────────────────

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;

class ZipOut {
  private chunks: Uint8Array[] = [];
  private size = 0;
  private central: Uint8Array[] = [];
  private count = 0;

  private push(b: Uint8Array) {
    this.chunks.push(b);
    this.size += b.length;
  }

  /** An original entry, its local header and data copied as they are; its directory record too, with the new offset. */
  copy(bytes: Uint8Array, entry: ZipEntry, record: Uint8Array, end: number) {
    const offset = this.size;
    this.push(bytes.subarray(entry.local, end));
    const rec = record.slice();
    if (u32(rec, 42) === 0xffffffff) throw damaged("zip64 偏移量不支持改写", "a zip64 offset cannot be rewritten");
    new DataView(rec.buffer, rec.byteOffset).setUint32(42, offset, true);
    this.central.push(rec);
    this.count++;
  }

  /** A new part, deflated. */
  add(name: string, data: Uint8Array) {
    // Level 1: a results sheet of 445 counties packs in a fraction of the time of level 6, for a slightly larger file.
    const packed = deflateSync(data, { level: 1 });
    const nameBytes = utf8.encode(name);
    const crc = crc32(data);
    const offset = this.size;
    const head = new Uint8Array(30 + nameBytes.length);
    const h = new DataView(head.buffer);
    h.setUint32(0, 0x04034b50, true);
    h.setUint16(4, 20, true);
    h.setUint16(6, 0x0800, true);
    h.setUint16(8, 8, true);
    h.setUint32(14, crc, true);
    h.setUint32(18, packed.length, true);
    h.setUint32(22, data.length, true);
    h.setUint16(26, nameBytes.length, true);
    head.set(nameBytes, 30);
    this.push(head);
    this.push(packed);
    const rec = new Uint8Array(46 + nameBytes.length);
    const r = new DataView(rec.buffer);
    r.setUint32(0, 0x02014b50, true);
    r.setUint16(4, 20, true);
    r.setUint16(6, 20, true);
    r.setUint16(8, 0x0800, true);
    r.setUint16(10, 8, true);
    r.setUint32(16, crc, true);
    r.setUint32(20, packed.length, true);
    r.setUint32(24, data.length, true);
    r.setUint16(28, nameBytes.length, true);
    r.setUint32(42, offset, true);
    rec.set(nameBytes, 46);
    this.central.push(rec);
    this.count++;
  }

  finish(): Uint8Array {
    const start = this.size;
    for (const c of this.central) this.push(c);
    const end = new Uint8Array(22);
    const e = new DataView(end.buffer);
    e.setUint32(0, 0x06054b50, true);
    e.setUint16(8, this.count, true);
    e.setUint16(10, this.count, true);
    e.setUint32(12, this.size - start, true);
    e.setUint32(16, start, true);
    this.push(end);
    const out = new Uint8Array(this.size);
    let o = 0;
    for (const c of this.chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }
}

/** Each entry's central directory record (raw) and where its local data ends, in directory order. */
function directoryRecords(bytes: Uint8Array): { entry: ZipEntry; record: Uint8Array; end: number }[] {
  const dir = readDirectory(bytes);
  const entries = [...dir.values()];
  // The records themselves, walked again in order (readDirectory checked them).
  let eocd = -1;
  for (let i = bytes.length - 22; i >= 0; i--)
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  let o = u32(bytes, eocd + 16);
  const records = new Map<string, Uint8Array>();
  for (let i = 0; i < entries.length && o + 46 <= bytes.length && u32(bytes, o) === 0x02014b50; i++) {
    const len = 46 + u16(bytes, o + 28) + u16(bytes, o + 30) + u16(bytes, o + 32);
    const name = decoder.decode(bytes.subarray(o + 46, o + 46 + u16(bytes, o + 28)));
    records.set(name, bytes.subarray(o, o + len));
    o += len;
  }
  const centralStart = u32(bytes, eocd + 16);
  const byOffset = [...entries].sort((a, b) => a.local - b.local);
  return entries.map((entry) => {
    const next = byOffset.find((x) => x.local > entry.local);
    const end = next ? next.local : centralStart;
    const dataStart = entry.local + 30 + u16(bytes, entry.local + 26) + u16(bytes, entry.local + 28);
    if (end < dataStart + entry.packed) throw damaged(`部件 ${entry.name} 与其他部件重叠`, `the part ${entry.name} overlaps another`);
    const record = records.get(entry.name);
    if (!record) throw damaged("zip 目录不完整", "the zip directory is incomplete");
    return { entry, record, end };
  });
}

// ─── XML helpers ─────────────────────────────────────────────────────────────────────────────────

/** Text for XML content or an attribute: escaped, with characters XML cannot carry as _xHHHH_ (and "_x" itself guarded). */
export function xmlText(s: string): string {
  return s
    .replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_")
    .replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"))
    // Characters XML 1.0 cannot carry at all: written as Excel escapes them (ST_Xstring), read back by the reader.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

/** Plain XML escaping (formulas, part names, format codes: no _xHHHH_ layer). */
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
/** An attribute's text: also line breaks as character references (a parser turns a literal one into a space). */
const attr = (s: string) => esc(s).replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");

interface TopElement {
  name: string;
  /** Qualified name as written. */
  qname: string;
  start: number;
  end: number;
}

/**
 * The root element and its direct children of an XML text, with their positions: a small scanner that knows
 * comments, CDATA, processing instructions and quoted attributes (enough for the parts Excel and WPS write).
 */
export function topLevel(xml: string): { root: TopElement & { openEnd: number; closeStart: number }; children: TopElement[] } {
  const children: TopElement[] = [];
  let depth = 0;
  let root: (TopElement & { openEnd: number; closeStart: number }) | null = null;
  let current: { qname: string; start: number } | null = null;
  let i = 0;
  const n = xml.length;
  const local = (q: string) => q.slice(q.indexOf(":") + 1);
  while (i < n) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) break;
    if (xml.startsWith("<!--", lt)) {
      const e = xml.indexOf("-->", lt + 4);
      i = e < 0 ? n : e + 3;
      continue;
    }
    if (xml.startsWith("<![CDATA[", lt)) {
      const e = xml.indexOf("]]>", lt + 9);
      i = e < 0 ? n : e + 3;
      continue;
    }
    if (xml.startsWith("<?", lt) || xml.startsWith("<!", lt)) {
      const e = xml.indexOf(">", lt + 2);
      i = e < 0 ? n : e + 1;
      continue;
    }
    // A tag: to its ">", outside quotes.
    let j = lt + 1;
    let quote = "";
    for (; j < n; j++) {
      const ch = xml[j];
      if (quote) {
        if (ch === quote) quote = "";
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === ">") break;
    }
    if (j >= n) throw damaged("XML 不完整", "the XML is incomplete");
    const closing = xml[lt + 1] === "/";
    const selfClosing = !closing && xml[j - 1] === "/";
    const qname = /^<\/?([^\s/>]+)/.exec(xml.slice(lt, Math.min(j + 1, lt + 300)))?.[1] ?? "";
    if (closing) {
      depth--;
      if (depth === 1 && current) {
        children.push({ name: local(current.qname), qname: current.qname, start: current.start, end: j + 1 });
        current = null;
      } else if (depth === 0 && root) {
        root.closeStart = lt;
        root.end = j + 1;
      }
    } else {
      if (depth === 0 && !root) root = { name: local(qname), qname, start: lt, end: n, openEnd: j + 1, closeStart: n };
      else if (depth === 1) {
        if (selfClosing) children.push({ name: local(qname), qname, start: lt, end: j + 1 });
        else current = { qname, start: lt };
      }
      if (!selfClosing) depth++;
    }
    i = j + 1;
  }
  if (!root) throw damaged("XML 没有根元素", "the XML has no root element");
  return { root, children };
}

/** The prefix (with ":") the root element uses, so inserted elements match it. */
const prefixOf = (qname: string) => (qname.includes(":") ? qname.slice(0, qname.indexOf(":") + 1) : "");

/** The prefix the root binds to a namespace ("r:"), or null. */
function boundPrefix(openTag: string, ns: string): string | null {
  const m = new RegExp(`xmlns:([A-Za-z_][\\w.-]*)\\s*=\\s*["']${ns.replace(/[.]/g, "\\.")}["']`).exec(openTag);
  return m ? `${m[1]}:` : null;
}

/** Attributes of the elements named `name` (prefix ignored), decoded, in order. */
function elementsOf(xml: string, name: string, label: { zh: string; en: string }): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const x = xmlStream({ open: (n, a) => (n === name ? void out.push(a) : undefined) }, label);
  x.write(utf8.encode(xml));
  x.end();
  return out;
}

/** Replaces the text of a single element's opening tag attribute `count="…"`, or adds it. */
function setCount(openTag: string, count: number): string {
  return /\scount\s*=\s*["'][^"']*["']/.test(openTag) ? openTag.replace(/(\scount\s*=\s*)["'][^"']*["']/, `$1"${count}"`) : openTag.replace(/^(<[^\s/>]+)/, `$1 count="${count}"`);
}

/** Items written with the part's own prefix for the main namespace, when it uses one. */
const prefixed = (items: string[], p: string) => (p ? items.map((it) => it.replace(/<(\/?)([a-zA-Z])/g, `<$1${p}$2`)) : items);

/**
 * Appends `items` (XML) to the collection element `name` of a styles part, creating it before the first of
 * `before` when absent; returns the new text and the index of the first appended item.
 */
function appendToCollection(xml: string, name: string, items: string[], before: string[], itemName: string): { xml: string; first: number } {
  const { root, children } = topLevel(xml);
  const p = prefixOf(root.qname);
  const el = children.find((c) => c.name === name);
  if (!el) {
    if (!items.length) return { xml, first: 0 };
    const at = children.find((c) => before.includes(c.name))?.start ?? root.closeStart;
    const inserted = `<${p}${name} count="${items.length}">${prefixed(items, p).join("")}</${p}${name}>`;
    return { xml: xml.slice(0, at) + inserted + xml.slice(at), first: 0 };
  }
  const text = xml.slice(el.start, el.end);
  const existing = elementsOf(text, itemName, { zh: "样式部件", en: "the styles part" }).length;
  if (!items.length) return { xml, first: existing };
  const selfClosing = /\/>$/.test(text) && !text.includes(`</`);
  const openEnd = text.indexOf(">") + 1;
  const openTag = selfClosing ? text.replace(/\s*\/>$/, ">") : text.slice(0, openEnd);
  const body = selfClosing ? "" : text.slice(openEnd, text.lastIndexOf("</"));
  const close = `</${el.qname}>`;
  const replaced = setCount(openTag, existing + items.length) + body + prefixed(items, p).join("") + close;
  return { xml: xml.slice(0, el.start) + replaced + xml.slice(el.end), first: existing };
}

// ─── styles ──────────────────────────────────────────────────────────────────────────────────────

/** Excel's built-in number formats we may ask for, by code. */
const BUILT_IN_IDS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };

interface StyleKey {
  format: string;
  bold: boolean;
  title: boolean;
  wrap: boolean;
  header: boolean;
}

/** The cell formats our sheets need, appended to the workbook's styles part. */
class Styles {
  private keys = new Map<string, number>();
  private list: StyleKey[] = [];
  private marks: { fill: string; font: string }[] = [];

  /** The index (into the list to be appended) of a cell format. */
  use(k: StyleKey): number {
    const key = `${k.format}\u0000${k.bold}${k.title}${k.wrap}${k.header}`;
    let i = this.keys.get(key);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(k);
      this.keys.set(key, i);
    }
    return i;
  }

  /** Nothing to append: the styles part stays as it is. */
  get empty(): boolean {
    return this.list.length === 0 && this.marks.length === 0;
  }

  mark(fill: string, font: string): number {
    let i = this.marks.findIndex((m) => m.fill === fill && m.font === font);
    if (i < 0) i = this.marks.push({ fill, font }) - 1;
    return i;
  }

  /** The styles part with our formats appended; the offsets at which our cell formats and dxfs start. */
  apply(xml: string): { xml: string; xf: number; dxf: number } {
    const argb = (c: string) => `FF${c.replace(/^#/, "").toUpperCase()}`;
    // Custom number formats get ids past every id the part uses.
    const used = elementsOf(xml, "numFmt", { zh: "样式部件", en: "the styles part" }).map((a) => Number(a.numFmtId) || 0);
    let nextId = Math.max(163, ...used) + 1;
    const custom = new Map<string, number>();
    const numFmtItems: string[] = [];
    const idOf = (code: string) => {
      if (code in BUILT_IN_IDS) return BUILT_IN_IDS[code];
      let id = custom.get(code);
      if (id === undefined) {
        id = nextId++;
        custom.set(code, id);
        numFmtItems.push(`<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`);
      }
      return id;
    };
    const ids = this.list.map((k) => idOf(k.format));
    let out = appendToCollection(xml, "numFmts", numFmtItems, ["fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"], "numFmt").xml;
    const fonts = appendToCollection(out, "fonts", ['<font><b/><sz val="11"/></font>', '<font><b/><sz val="14"/></font>'], ["fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"], "font");
    out = fonts.xml;
    const fills = appendToCollection(out, "fills", ['<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill>'], ["borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"], "fill");
    out = fills.xml;
    const xfs = this.list.map((k, i) => {
      const font = k.title ? fonts.first + 1 : k.bold || k.header ? fonts.first : 0;
      const fill = k.header ? fills.first : 0;
      const align = k.wrap ? '<alignment vertical="top" wrapText="1"/>' : "";
      return `<xf numFmtId="${ids[i]}" fontId="${font}" fillId="${fill}" borderId="0" xfId="0" applyNumberFormat="1"${font ? ' applyFont="1"' : ""}${fill ? ' applyFill="1"' : ""}${align ? ' applyAlignment="1">' + align + "</xf>" : "/>"}`;
    });
    const cellXfs = appendToCollection(out, "cellXfs", xfs, ["cellStyles", "dxfs", "tableStyles", "colors", "extLst"], "xf");
    out = cellXfs.xml;
    const dxfs = appendToCollection(
      out,
      "dxfs",
      this.marks.map((m) => `<dxf><font><color rgb="${argb(m.font)}"/></font><fill><patternFill patternType="solid"><bgColor rgb="${argb(m.fill)}"/></patternFill></fill></dxf>`),
      ["tableStyles", "colors", "extLst"],
      "dxf",
    );
    return { xml: dxfs.xml, xf: cellXfs.first, dxf: dxfs.first };
  }
}

/** A styles part for a workbook that has none: the collections Excel requires, each with its default. */
const EMPTY_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${NS_MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

// ─── sheets ──────────────────────────────────────────────────────────────────────────────────────

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

function valueXml(ref: string, s: number, v: OutValue, formula?: string): string {
  const f = formula !== undefined ? `<f>${esc(formula)}</f>` : "";
  const st = s ? ` s="${s}"` : "";
  if (v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v))) {
    if (formula === undefined) return s ? `<c r="${ref}"${st}/>` : "";
    return `<c r="${ref}"${st} t="str">${f}<v></v></c>`;
  }
  if (typeof v === "number") return `<c r="${ref}"${st}>${f}<v>${v}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${st} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
  if (typeof v === "object") {
    // An error the formula gives stays an error; an error value written as a plain cell is its text.
    if (formula !== undefined) return `<c r="${ref}"${st} t="e">${f}<v>${esc(v.error)}</v></c>`;
    return `<c r="${ref}"${st} t="inlineStr"><is><t xml:space="preserve">${xmlText(v.error)}</t></is></c>`;
  }
  if (formula !== undefined) return `<c r="${ref}"${st} t="str">${f}<v>${xmlText(v)}</v></c>`;
  return `<c r="${ref}"${st} t="inlineStr"><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`;
}

function sheetXml(sheet: OutSheet, styles: Styles, bases: () => { xf: number; dxf: number }, propertyIds: string[]): string {
  const bold = new Set(sheet.boldRows ?? []);
  const title = new Set(sheet.titleRows ?? []);
  const rows: string[] = [];
  const height = Math.max(sheet.cells.length, sheet.rowHeights?.length ?? 0);
  for (let r = 0; r < height; r++) {
    const row = sheet.cells[r] ?? [];
    const cells: string[] = [];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      const format = sheet.numberFormats?.[r]?.[c] ?? "General";
      const isF = typeof cell === "object" && cell !== null && "formula" in cell;
      const value: OutValue = isF ? (cell as { value: OutValue }).value : (cell as OutValue);
      // Text is stored as text; the Text format keeps Excel from reading it again when the cell is edited.
      const fmt = !isF && typeof value === "string" ? "@" : format === "@" && isF ? "General" : format;
      const key: StyleKey = { format: fmt, bold: bold.has(r), title: title.has(r), wrap: !!sheet.wrapText, header: bold.has(r) && !title.has(r) };
      const plain = fmt === "General" && !key.bold && !key.title && !key.wrap;
      const s = plain ? 0 : -1 - styles.use(key);
      cells.push(valueXml(a1(r, c), s, value, isF ? (cell as { formula: string }).formula.replace(/^=/, "") : undefined));
    }
    const ht = sheet.rowHeights?.[r];
    const attrs = isNumber(ht) ? ` ht="${ht}" customHeight="1"` : "";
    const body = cells.join("");
    if (body || attrs) rows.push(`<row r="${r + 1}"${attrs}>${body}</row>`);
  }
  // Style indexes are relative to what we append; the offset is known once the styles part is patched.
  const base = bases();
  const data = rows.join("").replace(/ s="-(\d+)"/g, (_m, k: string) => ` s="${base.xf + Number(k) - 1}"`);
  const cf = (sheet.marks ?? [])
    .map(
      (m, i) =>
        `<conditionalFormatting sqref="${esc(m.sqref)}"><cfRule type="expression" dxfId="${base.dxf + styles.mark(m.fill, m.font)}" priority="${i + 1}"><formula>${esc(m.formula)}</formula></cfRule></conditionalFormatting>`,
    )
    .join("");
  const freeze = sheet.freezeRows
    ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${sheet.freezeRows}" topLeftCell="${a1(sheet.freezeRows, 0)}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
    : "";
  const cols = sheet.columnWidths?.length
    ? `<cols>${sheet.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`
    : "";
  const merges = sheet.merges?.length ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${blockAddress(m)}"/>`).join("")}</mergeCells>` : "";
  const dv = sheet.validations?.length
    ? `<dataValidations count="${sheet.validations.length}">${sheet.validations
        .map(
          (v) =>
            `<dataValidation type="${v.type}"${v.type === "whole" ? ' operator="between"' : ""} allowBlank="1" showInputMessage="1" showErrorMessage="1" errorStyle="stop" errorTitle="${attr(v.title)}" error="${attr(v.error)}" promptTitle="${attr(v.title)}" prompt="${attr(v.prompt)}" sqref="${esc(v.sqref)}"><formula1>${esc(v.formula1)}</formula1>${v.formula2 !== undefined ? `<formula2>${esc(v.formula2)}</formula2>` : ""}</dataValidation>`,
        )
        .join("")}</dataValidations>`
    : "";
  const props = Object.keys(sheet.properties ?? {});
  const custom = props.length ? `<customProperties>${props.map((p, i) => `<customPr name="${esc(p)}" r:id="${propertyIds[i]}"/>`).join("")}</customProperties>` : "";
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">${freeze}<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${data}</sheetData>${merges}${cf}${dv}${custom}</worksheet>`;
}

/** Top-level worksheet elements that come after conditionalFormatting (ECMA-376 Part 1, 18.3.1.99 CT_Worksheet). */
const AFTER_CF = [
  "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties",
  "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls",
  "webPublishItems", "tableParts", "extLst",
];

/** A user's sheet with its marks replaced: our old conditional formats removed, the new ones added; nothing else changes. */
function remark(xml: string, marks: OutMark[], isMark: (formula: string) => boolean, dxfOf: (m: OutMark) => number): string {
  const { root, children } = topLevel(xml);
  const p = prefixOf(root.qname);
  const cfs = children.filter((c) => c.name === "conditionalFormatting");
  let priority = 0;
  const drop: TopElement[] = [];
  for (const cf of cfs) {
    const text = xml.slice(cf.start, cf.end);
    const formulas: string[] = [];
    let inFormula = false;
    let buf = "";
    const x = xmlStream(
      {
        open: (n, a) => {
          if (n === "cfRule") priority = Math.max(priority, Number(a.priority) || 0);
          if (n === "formula") {
            inFormula = true;
            buf = "";
          }
        },
        close: (n) => {
          if (n === "formula") {
            inFormula = false;
            formulas.push(buf);
          }
        },
        text: (t) => {
          if (inFormula) buf += t;
        },
      },
      { zh: "条件格式", en: "a conditional format" },
    );
    x.write(utf8.encode(text));
    x.end();
    if (formulas.length && formulas.every((f) => isMark(f))) drop.push(cf);
  }
  const added = marks
    .map(
      (m, i) =>
        `<${p}conditionalFormatting sqref="${esc(m.sqref)}"><${p}cfRule type="expression" dxfId="${dxfOf(m)}" priority="${priority + i + 1}"><${p}formula>${esc(m.formula)}</${p}formula></${p}cfRule></${p}conditionalFormatting>`,
    )
    .join("");
  const kept = children.filter((c) => !drop.includes(c));
  const at = kept.find((c) => AFTER_CF.includes(c.name))?.start ?? root.closeStart;
  // Rebuild: drop ours (from the end, so positions stay valid), then insert at the right place.
  let out = xml;
  const edits = [...drop.map((d) => ({ start: d.start, end: d.end, text: "" })), { start: at, end: at, text: added }].sort((a, b) => b.start - a.start || b.end - a.end);
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

// ─── the patch ───────────────────────────────────────────────────────────────────────────────────

/** A relationship target from the part `from` to `to`, relative as Excel writes it (some readers take no absolute one). */
function relTarget(from: string, to: string): string {
  const a = from.split("/").slice(0, -1);
  const b = to.split("/");
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => ".."), ...b.slice(i)].join("/");
}

const relsOf = (part: string) => {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
};

/** A workbook with no sheet yet, to add sheets to (the page's sample workbook has no file behind it). */
export function emptyXlsx(): Uint8Array {
  const z = new ZipOut();
  z.add(
    "[Content_Types].xml",
    utf8.encode(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="${CT_STYLES}"/></Types>`,
    ),
  );
  z.add("_rels/.rels", utf8.encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`));
  z.add("xl/workbook.xml", utf8.encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView/></bookViews><sheets/></workbook>`));
  z.add("xl/_rels/workbook.xml.rels", utf8.encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_STYLES}" Target="styles.xml"/></Relationships>`));
  z.add("xl/styles.xml", utf8.encode(EMPTY_STYLES));
  return z.finish();
}

/**
 * The original workbook with the patch applied. Throws XlsxError when the original cannot be patched (it was read
 * already, so this means a part the reader does not need is damaged).
 */
export function patchXlsx(original: Uint8Array, patch: WorkbookPatch): Uint8Array {
  const records = directoryRecords(original);
  const byName = new Map(records.map((r) => [r.entry.name.replace(/^\//, "").toLowerCase(), r]));
  const read = (part: string): string | null => {
    const r = byName.get(part.toLowerCase());
    if (!r) return null;
    const chunks: Uint8Array[] = [];
    inflatePart(original, r.entry, fflateInflater, (c) => chunks.push(c.slice()));
    const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let o = 0;
    for (const c of chunks) {
      all.set(c, o);
      o += c.length;
    }
    return decoder.decode(all);
  };
  const label = (part: string) => ({ zh: `部件 ${part}`, en: `the part ${part}` });
  const changed = new Map<string, string | Uint8Array>();
  const taken = new Set(records.map((r) => r.entry.name.replace(/^\//, "").toLowerCase()));
  const freePart = (stem: string, ext: string) => {
    for (let i = 1; ; i++) {
      const name = `${stem}${i}.${ext}`;
      if (!taken.has(name.toLowerCase())) {
        taken.add(name.toLowerCase());
        return name;
      }
    }
  };

  // Where the workbook is and what it holds.
  let bookPart = "xl/workbook.xml";
  const rootRels = read("_rels/.rels");
  if (rootRels) for (const r of elementsOf(rootRels, "Relationship", label("_rels/.rels"))) if ((r.Type ?? "").endsWith("/officeDocument")) bookPart = resolvePart("", r.Target ?? "");
  const book = read(bookPart);
  if (book === null) throw damaged("找不到工作簿部件", "the workbook part is missing");
  const bookRelsPart = relsOf(bookPart);
  let bookRels = read(bookRelsPart) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const rels = elementsOf(bookRels, "Relationship", label(bookRelsPart));
  const relIds = new Set(rels.map((r) => r.Id));
  const freeRel = () => {
    for (let i = 1; ; i++) if (!relIds.has(`rIdZG${i}`)) return relIds.add(`rIdZG${i}`), `rIdZG${i}`;
  };
  const sheetsDeclared = elementsOf(book, "sheet", label(bookPart)).map((a) => ({ name: a.name ?? "", sheetId: Number(a.sheetId) || 0, rid: a[Object.keys(a).find((k) => k.endsWith(":id")) ?? ""] ?? "" }));
  const partOfSheet = (name: string) => {
    const s = sheetsDeclared.find((x) => x.name.toLowerCase() === name.toLowerCase());
    const r = s && rels.find((x) => x.Id === s.rid);
    return r ? resolvePart(bookPart, r.Target ?? "") : null;
  };
  let contentTypes = read("[Content_Types].xml");
  if (contentTypes === null) throw damaged("找不到 [Content_Types].xml", "[Content_Types].xml is missing");
  const overrides: string[] = [];

  // Styles: the workbook's own, or a new part.
  const stylesRel = rels.find((r) => (r.Type ?? "").endsWith("/styles"));
  let stylesPart = stylesRel ? resolvePart(bookPart, stylesRel.Target ?? "") : null;
  let stylesXml = stylesPart ? read(stylesPart) : null;
  if (!stylesPart || stylesXml === null) {
    stylesPart = freePart("xl/zg-styles", "xml");
    stylesXml = EMPTY_STYLES;
    bookRels = bookRels.replace(/<\/([\w]+:)?Relationships>\s*$/, `<Relationship Id="${freeRel()}" Type="${REL_STYLES}" Target="${esc(relTarget(bookPart, stylesPart))}"/>$&`);
    overrides.push(`<Override PartName="/${esc(stylesPart)}" ContentType="${CT_STYLES}"/>`);
  }
  const styles = new Styles();
  let bases = { xf: 0, dxf: 0 };

  // Our sheets: each written after the styles are known (their style indexes).
  const replace = new Set((patch.replace ?? []).map((n) => n.toLowerCase()));
  const newSheetEntries: string[] = [];
  let nextSheetId = Math.max(0, ...sheetsDeclared.map((s) => s.sheetId)) + 1;
  const pending: { part: string; sheet: OutSheet; propertyIds: string[] }[] = [];
  for (const sheet of patch.sheets) {
    const inPlace = replace.has(sheet.name.toLowerCase()) ? partOfSheet(sheet.name) : null;
    const part = inPlace ?? freePart("xl/worksheets/sheet", "xml");
    if (!inPlace) {
      const rid = freeRel();
      bookRels = bookRels.replace(/<\/([\w]+:)?Relationships>\s*$/, `<Relationship Id="${rid}" Type="${REL_SHEET}" Target="${esc(relTarget(bookPart, part))}"/>$&`);
      overrides.push(`<Override PartName="/${esc(part)}" ContentType="${CT_SHEET}"/>`);
      newSheetEntries.push(`<sheet name="${esc(sheet.name)}" sheetId="${nextSheetId++}" r:id="${rid}"/>`);
    }
    // The sheet's relationships: its custom properties only (a replaced sheet of ours loses what it had).
    const props = Object.entries(sheet.properties ?? {});
    const propertyIds = props.map((_, i) => `rId${i + 1}`);
    const relItems = props.map(([, value], i) => {
      const bin = freePart("xl/zg-customProperty", "bin");
      changed.set(bin, propertyBytes(value));
      overrides.push(`<Override PartName="/${bin}" ContentType="${CT_PROPERTY}"/>`);
      return `<Relationship Id="${propertyIds[i]}" Type="${REL_PROPERTY}" Target="${relTarget(part, bin)}"/>`;
    });
    if (relItems.length || byName.has(relsOf(part).toLowerCase()))
      changed.set(relsOf(part), `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relItems.join("")}</Relationships>`);
    pending.push({ part, sheet, propertyIds });
  }
  // Sheet XML first (it registers the cell formats), styles after, indexes filled in last.
  const texts = pending.map((p) => ({ part: p.part, xml: () => sheetXml(p.sheet, styles, () => bases, p.propertyIds) }));

  // Marks on the user's sheets.
  const remarked: { part: string; marks: OutMark[] }[] = [];
  for (const [name, marks] of patch.marks ?? new Map<string, OutMark[]>()) {
    const part = partOfSheet(name);
    if (!part) continue;
    for (const m of marks) styles.mark(m.fill, m.font);
    remarked.push({ part, marks });
  }

  // The cell formats are registered by building the sheets once; the styles part then gives their offset, and the
  // sheets are built again with it (the same formats, the same order).
  for (const t of texts) t.xml();
  const applied = styles.empty ? { xml: stylesXml, xf: 0, dxf: 0 } : styles.apply(stylesXml);
  bases = { xf: applied.xf, dxf: applied.dxf };
  for (const t of texts) changed.set(t.part, t.xml());
  if (applied.xml !== stylesXml || !stylesRel) changed.set(stylesPart, applied.xml);
  for (const r of remarked) {
    const xml = read(r.part);
    if (xml === null) continue;
    changed.set(r.part, remark(xml, r.marks, patch.isMark ?? (() => false), (m) => applied.dxf + styles.mark(m.fill, m.font)));
  }

  // The workbook's sheet list, relationships and content types.
  if (newSheetEntries.length) {
    const { root, children } = topLevel(book);
    const p = prefixOf(root.qname);
    const sheets = children.find((c) => c.name === "sheets");
    if (!sheets) throw damaged("工作簿部件没有工作表列表", "the workbook part has no sheet list");
    const openTag = book.slice(root.start, root.openEnd);
    const r = boundPrefix(openTag, NS_REL);
    const entries = newSheetEntries.map((e) => (p ? e.replace(/^<sheet/, `<${p}sheet`) : e)).map((e) => (r ? e.replace(" r:id=", ` ${r}id=`) : e.replace(" r:id=", ` xmlns:r="${NS_REL}" r:id=`)));
    const text = book.slice(sheets.start, sheets.end);
    const replaced = /\/>$/.test(text) && !text.includes("</") ? text.replace(/\s*\/>$/, ">") + entries.join("") + `</${sheets.qname}>` : text.replace(/<\/[^>]+>$/, (close) => entries.join("") + close);
    changed.set(bookPart, book.slice(0, sheets.start) + replaced + book.slice(sheets.end));
  }
  if (bookRels !== read(bookRelsPart)) changed.set(bookRelsPart, bookRels);
  if (overrides.length) {
    contentTypes = contentTypes.replace(/<\/([\w]+:)?Types>\s*$/, `${overrides.join("")}$&`);
    changed.set("[Content_Types].xml", contentTypes);
  }

  // The new zip: originals copied in their order, changed ones re-packed in place, new ones at the end.
  const z = new ZipOut();
  const done = new Set<string>();
  for (const r of records) {
    const key = r.entry.name.replace(/^\//, "");
    const hit = [...changed.keys()].find((k) => k.toLowerCase() === key.toLowerCase());
    if (hit !== undefined) {
      const v = changed.get(hit)!;
      z.add(r.entry.name, typeof v === "string" ? utf8.encode(v) : v);
      done.add(hit);
    } else z.copy(original, r.entry, r.record, r.end);
  }
  for (const [name, v] of changed) if (!done.has(name)) z.add(name, typeof v === "string" ? utf8.encode(v) : v);
  return z.finish();
}
