/**
 * The browser page's workbook files: a local .xlsx opened into the in-memory workbook with the command line's own
 * reader (src/xlsx: the same rules, caps and messages as `zg`), and the workbook saved again by patching the
 * original file (src/xlsx/write.ts): every part the user made stays byte for byte, our sheets are added (or replace
 * ours in place), and our marks become conditional formats.
 *
 * What a saved file holds, for a computer where the add-in may be absent:
 *  - =ZG.… formulas as their values (nothing else could compute them), and so is any formula whose result spills
 *    (a file without dynamic-array metadata would show one cell of it);
 *  - plain Excel formulas (SUMIFS, COUNTIFS, IF, +) as formulas, with the value the page computed cached;
 *  - text as text, whatever it starts with; our sheets carry the custom sheet property OWNER_KEY (their kind),
 *    as office.ts sets it in Excel, so a reopened file — here or in Excel with the add-in — knows they are ours,
 *    and our marks carry their signature (cells.ts), so they can be cleared after reopening.
 */
import { blockAddress, parseBlock } from "../../core/address";
import type { ZgIssue } from "../../core/types";
import { fflateInflater } from "../../xlsx/inflate";
import { readWorkbook } from "../../xlsx";
import { emptyXlsx, type OutCell, type OutMark, type OutSheet, type OutValue, patchXlsx } from "../../xlsx/write";
import { markFormula, markKindOf } from "../cells";
import { MARK_COLORS, type MarkKind, OWNED_KINDS, OWNER_KEY, type OwnedKind } from "../ops";
import { MemoryWorkbook, type MemoryOptions, type MemorySheet } from "./memory";

/** The file a workbook was opened from: its bytes, and which sheets of the book came from it, with their marks then. */
export interface FileOrigin {
  name: string;
  bytes: Uint8Array;
  sheets: Map<MemorySheet, { name: string; marks: string }>;
}

export interface OpenedFile {
  book: MemoryWorkbook;
  origin: FileOrigin;
  /** The reader's warnings (far cells left out, text cut), each naming sheet and cell. */
  notices: ZgIssue[];
}

/** Our marks of a sheet as a comparable text (kind and areas, in priority order). */
function marksKey(s: MemorySheet): string {
  return s.conditionalFormats
    .filter((cf) => cf.type === "Custom" && markKindOf(cf.formula) !== null)
    .map((cf) => `${markKindOf(cf.formula)}:${cf.areas.map(blockAddress).join(" ")}`)
    .join("|");
}

/** Opens an .xlsx's bytes as an in-memory workbook. Throws XlsxError (the reader's messages) for a bad file. */
export function openWorkbookFile(bytes: Uint8Array, name: string, options: MemoryOptions = {}): OpenedFile {
  const sheets = readWorkbook(bytes, { inflate: fflateInflater, properties: [OWNER_KEY] });
  const book = new MemoryWorkbook(options);
  const origin: FileOrigin = { name, bytes, sheets: new Map() };
  const notices: ZgIssue[] = [];
  for (const data of sheets) {
    const s = book.addSheet(data);
    const kind = data.properties?.[OWNER_KEY];
    if (kind && (OWNED_KINDS as readonly string[]).includes(kind)) s.ours = kind as OwnedKind;
    for (const cf of data.conditionalFormats ?? []) {
      const mark = cf.formulas.length === 1 ? markKindOf(`=${cf.formulas[0]}`) : null;
      if (!mark) continue;
      const areas = cf.sqref.split(/\s+/).map((a) => parseBlock(a)).filter((b): b is NonNullable<typeof b> => b !== null);
      // In file order (the first listed is the highest priority we wrote).
      s.conditionalFormats.push({ type: "Custom", formula: markFormula(mark), fill: MARK_COLORS[mark].fill, font: MARK_COLORS[mark].font, areas });
    }
    origin.sheets.set(s, { name: s.name, marks: marksKey(s) });
    notices.push(...data.notices);
  }
  // Start where an official would: the top-left cell of the first sheet's table.
  const first = sheets.find((s) => s.cells.length) ?? sheets[0];
  if (first) {
    const o = first.origin ?? { row: 0, col: 0 };
    book.select(first.name, blockAddress({ top: o.row, left: o.col, bottom: o.row, right: o.col }));
  }
  return { book, origin, notices };
}

const hasZgCall = (formula: string) => /(^|[^A-Za-z0-9_.])ZG\.[A-Za-z]/i.test(formula.replace(/"(?:[^"]|"")*"/g, '""'));

function outValue(v: unknown): OutValue {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "object" && "error" in (v as object)) return { error: String((v as { error: unknown }).error) };
  return null;
}

/** A sheet of the in-memory workbook as the writer takes it: values, plain formulas, formats and layout. */
function outSheet(book: MemoryWorkbook, s: MemorySheet): OutSheet {
  let rows = s.cells.length;
  let cols = 0;
  s.cells.forEach((row) => (cols = Math.max(cols, row?.length ?? 0)));
  // Spilled results reach past the cells that hold the formulas.
  const spills: { r: number; c: number; rows: number; cols: number }[] = [];
  s.cells.forEach((row, r) =>
    row?.forEach((_, c) => {
      const size = book.spillSize(s.name, r, c);
      if (!size) return;
      spills.push({ r, c, ...size });
      rows = Math.max(rows, r + size.rows);
      cols = Math.max(cols, c + size.cols);
    }),
  );
  const spilled = new Set<string>();
  for (const sp of spills) for (let r = sp.r; r < sp.r + sp.rows; r++) for (let c = sp.c; c < sp.c + sp.cols; c++) spilled.add(`${r},${c}`);
  const cells: OutCell[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: OutCell[] = [];
    for (let c = 0; c < cols; c++) {
      const stored = s.cells[r]?.[c];
      // As memory.ts stores them: a formula is a string starting with "=" that is not the user's (or our) text.
      const formula = typeof stored === "string" && stored.startsWith("=") && !s.texts.has(`${r},${c}`) ? stored : null;
      const raw = formula !== null || stored === null || stored === undefined ? book.value(s.name, r, c) : stored;
      const value = outValue(raw);
      const plain = formula !== null && !hasZgCall(formula) && !spilled.has(`${r},${c}`);
      // Ours (=ZG.…) and spilling formulas as values; a plain formula stays a formula, its value cached. A formula's ""
      // (no measure) is kept as the formula ="": a blank cell would be 0 to a formula that refers to it, and an empty
      // text constant is taken for blank by LibreOffice.
      if (raw === "" && (formula !== null || spilled.has(`${r},${c}`))) row.push(plain ? { formula, value: "" } : { formula: '=""', value: "" });
      else row.push(plain ? { formula, value } : value);
    }
    cells.push(row);
  }
  return {
    name: s.name,
    cells,
    numberFormats: s.numberFormats.map((row) => (row ? [...row] : [])),
    merges: s.merges,
    columnWidths: s.columnWidths,
    rowHeights: s.rowHeights,
    boldRows: s.boldRows,
    titleRows: s.titleRows,
    wrapText: s.wrapText,
    freezeRows: s.freezeRows,
    properties: s.ours ? { [OWNER_KEY]: s.ours } : undefined,
    marks: marksOf(s),
    // As office.ts gives them to Excel: the Chinese title (Excel's 32 characters), both languages in the messages.
    validations: s.validations.map((v) => ({
      sqref: v.range,
      type: v.type,
      formula1: v.type === "whole" ? String(v.min) : (v.source ?? `"${v.values.join(",")}"`),
      formula2: v.type === "whole" ? String(v.max) : undefined,
      title: v.title.zh.slice(0, 32),
      prompt: `${v.prompt.zh}\n${v.prompt.en}`.slice(0, 255),
      error: `${v.error.zh}\n${v.error.en}`.slice(0, 255),
    })),
  };
}

function marksOf(s: MemorySheet): OutMark[] {
  return s.conditionalFormats.flatMap((cf) => {
    const kind: MarkKind | null = cf.type === "Custom" ? markKindOf(cf.formula) : null;
    return kind ? [{ sqref: cf.areas.map(blockAddress).join(" "), formula: markFormula(kind).slice(1), fill: MARK_COLORS[kind].fill, font: MARK_COLORS[kind].font }] : [];
  });
}

/**
 * The workbook as an .xlsx: the original file patched (or, for a workbook with no file behind it, a new one). The
 * original bytes are not changed (a new array is returned).
 */
export function exportWorkbookFile(book: MemoryWorkbook, origin: FileOrigin | null): Uint8Array {
  const fromFile = origin?.sheets ?? new Map<MemorySheet, { name: string; marks: string }>();
  const present = new Set(book.sheets);
  const fileNames = [...fromFile.entries()].map(([s, o]) => ({ s, name: o.name }));
  const sheets: OutSheet[] = [];
  const replace: string[] = [];
  const marks = new Map<string, OutMark[]>();
  for (const s of book.sheets) {
    const o = fromFile.get(s);
    if (o) {
      // A sheet of the file: unchanged, but for our marks on it.
      if (marksKey(s) !== o.marks) marks.set(o.name, marksOf(s));
      continue;
    }
    // A sheet written here; where it replaced a sheet of ours from the file, it takes that sheet's place.
    const old = fileNames.find((f) => !present.has(f.s) && f.s.ours !== undefined && f.name.toLowerCase() === s.name.toLowerCase());
    if (old) replace.push(old.name);
    sheets.push(outSheet(book, s));
  }
  return patchXlsx(origin?.bytes ?? emptyXlsx(), { sheets, replace, marks, isMark: (f) => markKindOf(`=${f}`) !== null });
}
