/**
 * Properties of the workbook reader on untrusted bytes: random bytes, random zip entries, random sheet XML and
 * damaged copies of a real workbook either read or fail with the reader's own XlsxError — never anything else
 * (a TypeError, a RangeError, a stack overflow would be a crash of zg) — and cost at most linear time in their size.
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { readWorkbook, XlsxError } from "../../src/xlsx";
import { fflateInflater } from "../../src/xlsx/inflate";
import { zlibInflater } from "../../src/cli/read-xlsx";
import { SAMPLES, zip, type Part } from "../hostile/corpus";

jest.setTimeout(180_000);

/** Reads, and returns what was thrown if anything; the property is that it is an XlsxError or nothing. */
function attempt(bytes: Uint8Array): unknown {
  for (const inflate of [fflateInflater, zlibInflater]) {
    try {
      readWorkbook(bytes, { inflate });
    } catch (e) {
      if (!(e instanceof XlsxError)) return e;
    }
  }
  return null;
}
const onlyOurs = (bytes: Uint8Array) => {
  const thrown = attempt(bytes);
  if (thrown !== null) throw new Error(`not an XlsxError: ${(thrown as Error)?.stack ?? String(thrown)}`);
};

const t = (s: string) => Buffer.from(s, "utf8");
const RELS = t('<Relationships><Relationship Id="rId1" Type="x/officeDocument" Target="xl/workbook.xml"/></Relationships>');
const BOOK = t('<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>');
const BOOK_RELS = t('<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="x/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="x/styles" Target="styles.xml"/></Relationships>');
const workbookWith = (sheet: string, strings = "<sst><si><t>a</t></si></sst>", styles = '<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="9"/></cellXfs></styleSheet>') =>
  zip([
    { name: "_rels/.rels", data: RELS },
    { name: "xl/workbook.xml", data: BOOK },
    { name: "xl/_rels/workbook.xml.rels", data: BOOK_RELS },
    { name: "xl/worksheets/sheet1.xml", data: t(sheet) },
    { name: "xl/sharedStrings.xml", data: t(strings) },
    { name: "xl/styles.xml", data: t(styles) },
  ]);

test("random bytes, with or without a zip signature in front", () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 3000 }), fc.boolean(), (bytes, pk) => onlyOurs(pk ? Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), bytes]) : bytes)),
    { numRuns: 300 },
  );
});

test("a real workbook with random bytes overwritten, cut or grown", () => {
  const sample = fs.readFileSync(path.join(SAMPLES, "2020-decomposition.xlsx"));
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.nat({ max: sample.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }),
      fc.nat({ max: sample.length }),
      fc.uint8Array({ maxLength: 64 }),
      (flips, cut, tail) => {
        const bad = Buffer.from(sample);
        for (const [at, v] of flips) bad[at] = v;
        onlyOurs(Buffer.concat([bad.subarray(0, Math.max(cut, sample.length - 2000)), tail]));
      },
    ),
    { numRuns: 300 },
  );
});

const PART_NAMES = ["_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml", "[Content_Types].xml", "xl/x.bin"];
const xmlish = fc
  .array(
    fc.oneof(
      fc.constantFrom("<", ">", "/>", "</", '"', "=", " ", "&amp;", "&#x1F;", "&bogus;", "<![CDATA[x]]>", "<!-- c -->", "<?pi x?>", "_x001B_", "\u0000", "\uD800"),
      fc.constantFrom("workbook", "sheets", "sheet", "Relationships", "Relationship", "sst", "si", "t", "r", "rPh", "row", "c", "v", "f", "is", "mergeCell", "dimension", "dataValidation", "cellXfs", "xf", "numFmt"),
      fc.constantFrom(' r="A1"', ' r="XFD1048576"', ' r="ZZZZ1"', ' r="0"', ' t="s"', ' t="b"', ' t="e"', ' t="str"', ' t="inlineStr"', ' t="d"', ' s="1"', ' s="99999"', ' ref="A1:XFD1048576"', ' r:id="rId1"', ' Type="x/worksheet"', ' Target="worksheets/sheet1.xml"', ' numFmtId="9"', ' date1904="1"'),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 80 },
  )
  .map((xs) => xs.join(""));

test("random zip entries: the workbook's part names holding random XML-like text", () => {
  fc.assert(
    fc.property(fc.array(fc.record({ name: fc.constantFrom(...PART_NAMES), text: xmlish, stored: fc.boolean() }), { maxLength: 8 }), (entries) => {
      const parts: Part[] = entries.map((e) => ({ name: e.name, data: t(e.text), method: e.stored ? 0 : 8 }));
      onlyOurs(zip(parts));
    }),
    { numRuns: 400 },
  );
});

const cellXml = fc
  .record({
    row: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constantFrom(1048576, 1048577, 0, -1)),
    col: fc.oneof(fc.constantFrom("A", "B", "C", "XFD", "XFE", "AZ"), fc.string({ maxLength: 3 })),
    type: fc.constantFrom("", ' t="s"', ' t="b"', ' t="e"', ' t="str"', ' t="inlineStr"', ' t="d"', ' t="n"'),
    style: fc.constantFrom("", ' s="1"', ' s="7"', ' s="x"'),
    value: fc.oneof(fc.constantFrom("0", "1", "1e200000", "-0", "NaN", "#N/A", "", "99999999999", "45000.5"), fc.string({ maxLength: 10 })),
    inline: fc.boolean(),
    formula: fc.boolean(),
  })
  .map(({ row, col, type, style, value, inline, formula }) => {
    const esc = value.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    const body = `${formula ? "<f>A1</f>" : ""}${inline ? `<is><t>${esc}</t></is>` : `<v>${esc}</v>`}`;
    return `<row r="${row}"><c r="${col}${row}"${type}${style}>${body}</c></row>`;
  });

test("random sheet XML in a valid workbook: cells of every type, odd addresses, merges, dimensions", () => {
  fc.assert(
    fc.property(
      fc.array(cellXml, { maxLength: 30 }),
      fc.array(fc.constantFrom("A1:B2", "T20:XFD1048576", "B1:A1", "A0:B1", "ZZZZ1:A1", "A1"), { maxLength: 4 }),
      fc.constantFrom("", '<dimension ref="A1:XFD1048576"/>', '<dimension ref="A1:XFE1"/>', '<dimension ref="nonsense"/>'),
      (cells, merges, dimension) => {
        const m = merges.length ? `<mergeCells>${merges.map((r) => `<mergeCell ref="${r}"/>`).join("")}</mergeCells>` : "";
        onlyOurs(workbookWith(`<worksheet>${dimension}<sheetData>${cells.join("")}</sheetData>${m}</worksheet>`));
      },
    ),
    { numRuns: 400 },
  );
});

const colName = (c: number): string => (c < 26 ? String.fromCharCode(65 + c) : colName(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26)));

/** Fastest of `runs` readings, in ms: the least disturbed by a busy shared machine. */
function fastest(bytes: Uint8Array, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    attempt(bytes);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return best;
}

/**
 * Shapes a hostile sheet can take at size n. Each must cost at most linear time: eight times the size may cost at
 * most 8 × 4 times the time (a quadratic cost would be 64 times).
 */
const SHAPES: [string, (n: number) => Uint8Array][] = [
  ["cells in one column", (n) => workbookWith(`<worksheet><sheetData>${Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join("")}</sheetData></worksheet>`)],
  ["scattered far cells", (n) => workbookWith(`<worksheet><sheetData>${Array.from({ length: n }, (_, i) => `<row r="${i * 37 + 1}"><c r="${["A", "Z", "XFD"][i % 3]}${i * 37 + 1}"><v>1</v></c></row>`).join("")}</sheetData></worksheet>`)],
  ["separate cells side by side in bands", (n) => workbookWith(`<worksheet><sheetData>${Array.from({ length: Math.min(n, 20000) }, (_, i) => `<row r="${Math.floor(i / 300) * 22 + 1}"><c r="${colName((i % 300) * 7)}${Math.floor(i / 300) * 22 + 1}"><v>1</v></c></row>`).join("")}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>`)],
  ["overlapping merges over a table", (n) => workbookWith(`<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="H30"><v>2</v></c></row></sheetData><mergeCells>${Array.from({ length: Math.min(n, 9000) }, (_, i) => `<mergeCell ref="A${(i % 30) + 1}:XFD1048576"/>`).join("")}</mergeCells></worksheet>`)],
  ["one long text", (n) => workbookWith('<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>', `<sst><si><t>${"长_x001B_".repeat(n)}</t></si></sst>`)],
  ["many shared strings", (n) => workbookWith('<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>', `<sst>${"<si><r><t>a</t></r><rPh><t>b</t></rPh></si>".repeat(n)}</sst>`)],
  ["deep nesting", (n) => workbookWith(`<worksheet><sheetData>${"<x>".repeat(n)}${"</x>".repeat(n)}</sheetData></worksheet>`)],
];

test.each(SHAPES)("%s: at most linear time in the size", (_name, make) => {
  const small = make(3000);
  const large = make(24000);
  fastest(small, 2); // warm up the JIT on both paths first
  const a = fastest(small);
  const b = fastest(large);
  expect(b / Math.max(a, 1)).toBeLessThan(8 * 4);
});
