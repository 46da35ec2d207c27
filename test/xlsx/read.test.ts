/**
 * The workbook file reader (src/xlsx): the same cells as the ExcelJS reader it replaced, with either inflater; the
 * parts of SpreadsheetML real writers use; the table located by the pane's rule; every cap a clear XlsxError.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { readWorkbook, XlsxError, type ReadSheet } from "../../src/xlsx";
import { fflateInflater } from "../../src/xlsx/inflate";
import { readDirectory, type Inflater, type ZipEntry } from "../../src/xlsx/zip";
import { zlibInflater } from "../../src/cli/read-xlsx";
import { FILE_LIMITS, LIMITS } from "../../src/core/limits";
import { oneSheet, SAMPLES, zip } from "../hostile/corpus";
import { readWithExcelJS } from "./exceljs-reference";

jest.setTimeout(60_000);

const INFLATERS: [string, Inflater][] = [
  ["fflate (browser)", fflateInflater],
  ["zlib (command line)", zlibInflater],
];
const read = (bytes: Uint8Array, inflate: Inflater = fflateInflater): ReadSheet[] => readWorkbook(bytes, { inflate });
const strip = (s: ReadSheet[]) => s.map(({ notices: _n, ...rest }) => rest);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "zg-xlsx-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function viaExcelJS(fill: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const file = path.join(dir, `wb-${Math.random().toString(36).slice(2)}.xlsx`);
  const wb = new ExcelJS.Workbook();
  fill(wb);
  await wb.xlsx.writeFile(file);
  return file;
}

describe("the same cells as the ExcelJS reader it replaced", () => {
  const samples = fs.readdirSync(SAMPLES).filter((f) => f.endsWith(".xlsx"));
  test.each(INFLATERS)("every committed sample, %s", async (_name, inflate) => {
    for (const f of samples) {
      const file = path.join(SAMPLES, f);
      expect([f, strip(read(fs.readFileSync(file), inflate))]).toEqual([f, await readWithExcelJS(file)]);
    }
  });

  test("formulas' cached results, errors, rich text, line breaks, shared strings, booleans, dates, hyperlinks, formats", async () => {
    const file = await viaExcelJS((wb) => {
      const ws = wb.addWorksheet("S");
      ws.getCell("B2").value = { formula: "C2*2", result: 2600 } as never;
      ws.getCell("C2").value = 1300;
      ws.getCell("B3").value = { error: "#N/A" } as never;
      ws.getCell("C3").value = { formula: "1/0", result: { error: "#DIV/0!" } } as never;
      ws.getCell("B4").value = { richText: [{ text: "1300", font: { bold: true } }, { text: "台" }] };
      ws.getCell("C4").value = "10%\n\n以上";
      ws.getCell("B5").value = "杭州";
      ws.getCell("C5").value = "杭州";
      ws.getCell("B6").value = true;
      ws.getCell("C6").value = new Date(Date.UTC(2020, 4, 14));
      ws.getCell("D6").value = new Date(Date.UTC(2020, 4, 14, 8, 30));
      ws.getCell("B7").value = { formula: "B2+1" } as never;
      ws.getCell("C7").value = { text: "链接 12台", hyperlink: "https://example.org" } as never;
      ws.getCell("B8").value = 0.125;
      ws.getCell("B8").numFmt = "0.0%";
      ws.getCell("C8").value = 0.5;
      ws.getCell("C8").numFmt = "0%";
      ws.getCell("D8").value = 1234.5;
      ws.getCell("D8").numFmt = "#,##0.00";
      ws.getCell("B9").value = { formula: 'A1&"x"', result: "text result" } as never;
      ws.getCell("C9").value = { formula: "TRUE()", result: false } as never;
      ws.getCell("D9").value = "";
      ws.mergeCells("B10:D11");
      ws.getCell("B10").value = "合并";
    });
    const mine = strip(read(fs.readFileSync(file)));
    // One difference, deliberate: ExcelJS drops a formula's cached FALSE (a "0" it reads as no result); it is false.
    expect(mine[0].cells[7][1]).toBe(false);
    mine[0].cells[7][1] = null;
    expect(mine).toEqual(await readWithExcelJS(file));
    expect(mine[0].cells[4]).toEqual([true, "2020-05-14", "2020-05-14T08:30:00Z"]);
  });

  test("sheets in tab order (hidden ones too); an empty sheet is an empty grid", async () => {
    const file = await viaExcelJS((wb) => {
      wb.addWorksheet("空");
      wb.addWorksheet("数据").getCell("C2").value = "x";
      wb.addWorksheet("隐藏", { state: "hidden" }).getCell("A1").value = 1;
    });
    const mine = strip(read(fs.readFileSync(file)));
    expect(mine.map((s) => s.name)).toEqual(["空", "数据", "隐藏"]);
    expect(mine).toEqual(await readWithExcelJS(file));
  });
});

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** A workbook whose one sheet is the given SpreadsheetML, with shared strings and styles where given. */
function crafted(sheetData: string, opts: { extra?: string; strings?: string; styles?: string; book?: string } = {}): Buffer {
  const t = (s: string) => Buffer.from(s, "utf8");
  const rels = [
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/Sheet1.xml"/>',
    opts.strings ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' : "",
    opts.styles ? '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' : "",
  ].join("");
  return zip([
    { name: "_rels/.rels", data: t('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>') },
    { name: "xl/workbook.xml", data: t(opts.book ?? '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>') },
    { name: "xl/_rels/workbook.xml.rels", data: t(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`) },
    { name: "xl/worksheets/sheet1.xml", data: t(`<worksheet xmlns="${MAIN}" xmlns:x="${MAIN}"><sheetData>${sheetData}</sheetData>${opts.extra ?? ""}</worksheet>`) },
    ...(opts.strings ? [{ name: "xl/sharedStrings.xml", data: t(`<sst>${opts.strings}</sst>`) }] : []),
    ...(opts.styles ? [{ name: "xl/styles.xml", data: t(`<styleSheet>${opts.styles}</styleSheet>`) }] : []),
  ]);
}

describe("SpreadsheetML as real writers write it", () => {
  test("prefixed elements, absolute and case-differing part names, cells without addresses, cells out of order", () => {
    const bytes = crafted('<x:row r="2"><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c r="C3"><x:v>4</x:v></x:c><x:c r="B3"><x:v>3</x:v></x:c></x:row>');
    const [s] = read(bytes);
    expect(s.origin).toEqual({ row: 1, col: 0 });
    expect(s.cells).toEqual([
      [1, 2, null],
      [null, 3, 4],
    ]);
  });

  test("shared strings: rich-text runs joined, phonetic runs left out, _xHHHH_ escapes decoded, inline strings", () => {
    const [s] = read(
      crafted('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><r><t>行</t></r><r><t>内</t></r></is></c></row>', {
        strings: '<si><r><t>13</t></r><r><rPr><b/></rPr><t>00台</t></r><rPh sb="0" eb="1"><t>ダイ</t></rPh></si><si><t>a_x001B_b_x005F_x0007_</t></si>',
      }),
    );
    expect(s.cells[0]).toEqual(["1300台", "a\u001bb_x0007_", "行内"]);
  });

  test("number formats: built-in ids 9 and 10 are percentages, custom codes win, General is none; dates in a 1904 workbook", () => {
    const [s] = read(
      crafted('<row r="1"><c r="A1" s="1"><v>0.1</v></c><c r="B1" s="2"><v>0.125</v></c><c r="C1" s="3"><v>5</v></c><c r="D1" s="4"><v>0</v></c><c r="E1" s="0"><v>7</v></c></row>', {
        styles: '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0&quot;吨&quot;"/></numFmts><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="10"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs>',
        book: '<workbook xmlns:r="r"><workbookPr date1904="1"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
      }),
    );
    expect(s.cells[0]).toEqual([0.1, 0.125, 5, "1904-01-01", 7]);
    expect(s.numberFormats?.[0]).toEqual(["0%", "0.00%", '0.0"吨"', "mm-dd-yy", null]);
  });

  test("merged areas: only the top-left cell keeps a value, whatever a writer left in the others", () => {
    const [s] = read(crafted('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>9</v></c></row><row r="2"><c r="A2"><v>9</v></c><c r="C2"><v>3</v></c></row>', { extra: '<mergeCells><mergeCell ref="A1:B2"/></mergeCells>' }));
    expect(s.cells).toEqual([
      [1, null, null],
      [null, null, 3],
    ]);
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 1 }]);
  });
});

describe("the table located by the pane's rule; cost follows the cells", () => {
  const table = Array.from({ length: 30 }, (_, r) => `<row r="${r + 1}">${Array.from({ length: 8 }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}"><v>${r * 8 + c}</v></c>`).join("")}</row>`).join("");

  test("a stray cell at XFD1048576: the table is read, the far cell named in a warning", () => {
    const [s] = read(crafted(`${table}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`, { extra: '<mergeCells><mergeCell ref="T20:XFD1048576"/></mergeCells>' }));
    expect(s.cells).toHaveLength(30);
    expect(s.cells[0]).toHaveLength(8);
    expect(s.merges).toEqual([]);
    expect(s.notices).toEqual([expect.objectContaining({ code: "far-cells", severity: "warning", sheet: "S", cell: "XFD1048576" })]);
    expect(s.notices[0].zh).toContain("XFD1048576");
  });

  test("a merge reaching XFD1048576 over a table within the cap is clipped to it", () => {
    const [s] = read(crafted(table, { extra: '<mergeCells><mergeCell ref="H30:XFD1048576"/></mergeCells>' }));
    expect(s.merges).toEqual([{ top: 29, left: 7, bottom: 29, right: 7 }]);
  });

  test("scattered content over an enormous area: a message naming the sheet and the far cell", () => {
    const rows = Array.from({ length: LIMITS.maxAreasRead + 1 }, (_, i) => `<row r="${i * 40 + 1}"><c r="A${i * 40 + 1}"><v>1</v></c></row>`).join("");
    const bytes = crafted(rows);
    expect(() => read(bytes)).toThrow(XlsxError);
    try {
      read(bytes);
    } catch (e) {
      expect((e as XlsxError).msg.zh).toMatch(/工作表“S”的内容一直延伸到 A\d+/);
      expect((e as XlsxError).sheet).toBe("S");
    }
  });

  test("text longer than Excel's 32,767 characters is cut, with a warning naming the cell", () => {
    const [s] = read(crafted('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>' + "短".repeat(40_000) + "</t></is></c></row>", { strings: `<si><t>${"长".repeat(100_000)}</t></si>` }));
    expect((s.cells[0][0] as string).length).toBe(LIMITS.maxCellText);
    expect((s.cells[0][1] as string).length).toBe(LIMITS.maxCellText);
    expect(s.notices).toEqual([expect.objectContaining({ code: "text-cut", cell: "A1" })]);
    expect(s.notices[0].en).toContain("and 1 more");
  });
});

describe("caps and damage: an XlsxError naming what, never anything else", () => {
  const fails = (bytes: Uint8Array, code: string, text: RegExp) => {
    let caught: unknown;
    try {
      read(bytes);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(XlsxError);
    expect((caught as XlsxError).code).toBe(code);
    expect(`${(caught as XlsxError).msg.zh}\n${(caught as XlsxError).msg.en}`).toMatch(text);
  };

  test("not a zip, or a zip without a workbook", () => {
    fails(Buffer.from("a,b\n1,2\n"), "not-xlsx", /不是 \.xlsx 工作簿/);
    fails(Buffer.alloc(0), "not-xlsx", /is not an \.xlsx workbook/);
    fails(zip([{ name: "mimetype", data: Buffer.from("application/vnd.oasis.opendocument.spreadsheet"), method: 0 }]), "not-xlsx", /\.xlsx/);
  });

  test("a cell beyond Excel's grid, a bad address, a dangling shared string, a missing sheet part, a DOCTYPE, deep nesting, endless attributes", () => {
    fails(crafted('<row r="1"><c r="XFE1"><v>1</v></c></row>'), "damaged", /“XFE1”无效或超出 Excel 的表格范围/);
    fails(crafted('<row r="1048577"><c><v>1</v></c></row>'), "damaged", /beyond Excel's 1048576 rows/);
    fails(crafted('<row r="1"><c r="A1" t="s"><v>7</v></c></row>', { strings: "<si><t>x</t></si>" }), "damaged", /工作表“S”A1 单元格：.*共享文本 7/);
    fails(crafted("", { book: '<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId9"/></sheets></workbook>' }), "damaged", /找不到工作表“S”的数据/);
    fails(crafted('<row r="1"><c r="A1"><v>1</v></c></row>', { extra: '<mergeCells><mergeCell ref="A1:B"/></mergeCells>' }), "damaged", /合并区域“A1:B”无效/);
    const doctype = zip([
      { name: "xl/workbook.xml", data: Buffer.from('<!DOCTYPE x [<!ENTITY a "aaaa">]><workbook><sheets/></workbook>') },
    ]);
    fails(doctype, "damaged", /文档类型声明/);
    fails(crafted(`<row r="1"><c r="A1"><v>1</v></c></row>${"<x>".repeat(300)}${"</x>".repeat(300)}`), "damaged", /工作表“S”的数据的元素嵌套超过 256 层/);
    fails(crafted("", { styles: `<numFmts><numFmt numFmtId="164" formatCode="${"[".repeat(300)}"/></numFmts>` }), "damaged", /数字格式超过 255 个字符/);
    fails(crafted("", { book: `<workbook xmlns:r="r"><sheets><sheet name="${"名".repeat(300)}" sheetId="1" r:id="rId1"/></sheets></workbook>` }), "damaged", /工作表名称“名{39}…”超过 255 个字符/);
    // Inline strings, each within a cell's limit, more than the text cap together (stored, not packed: no ratio).
    const cell = `<c t="inlineStr"><is><t>${"a".repeat(LIMITS.maxCellText)}</t></is></c>`;
    const inline = zip([
      { name: "_rels/.rels", data: Buffer.from('<Relationships><Relationship Id="rId1" Type="x/officeDocument" Target="xl/workbook.xml"/></Relationships>') },
      { name: "xl/workbook.xml", data: Buffer.from('<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>') },
      { name: "xl/_rels/workbook.xml.rels", data: Buffer.from('<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>') },
      { name: "xl/worksheets/sheet1.xml", data: Buffer.from(`<worksheet><sheetData>${Array.from({ length: 20 }, (_, r) => `<row r="${r + 1}">${cell.repeat(55)}</row>`).join("")}</sheetData></worksheet>`), method: 0 },
    ]);
    fails(inline, "too-big", /工作表“S”等处的文字共超过 33554432 个字符（已读到 /);
    fails(crafted(`<row r="1"><c r="A1" ${Array.from({ length: 1001 }, (_, i) => `a${i}="1"`).join(" ")}><v>1</v></c></row>`), "damaged", /有一个元素的属性超过 1000 个/);
  });

  test("too many merged areas or validations on a sheet", () => {
    const merges = Array.from({ length: LIMITS.maxMerges + 1 }, (_, i) => `<mergeCell ref="A${i * 2 + 1}:B${i * 2 + 1}"/>`).join("");
    fails(crafted('<row r="1"><c r="A1"><v>1</v></c></row>', { extra: `<mergeCells>${merges}</mergeCells>` }), "too-big", /工作表“S”的合并区域超过 10000 个/);
    const dv = '<dataValidation type="whole" sqref="A1:XFD1048576"/>'.repeat(FILE_LIMITS.maxValidations + 1);
    fails(crafted('<row r="1"><c r="A1"><v>1</v></c></row>', { extra: `<dataValidations>${dv}</dataValidations>` }), "too-big", /data-validation rules/);
  });

  test("a part's unpacked size and packing ratio are checked from the directory, before inflating", () => {
    const inflateNever: Inflater = () => {
      throw new Error("inflated");
    };
    const declared = oneSheet("S", "", "", 6, { name: "xl/sharedStrings.xml", data: Buffer.from("<sst/>"), declared: FILE_LIMITS.maxEntryBytes + 1 });
    let caught: unknown;
    try {
      readWorkbook(declared, { inflate: (p, l, on) => (l > 100_000 ? inflateNever(p, l, on) : fflateInflater(p, l, on)) });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(XlsxError);
    expect((caught as XlsxError).msg.en).toMatch(/unpacks to 64 MB, more than the limit of 64 MB/);
  });

  test.each(INFLATERS)("a part that inflates past its declared size stops there (%s)", (_n, inflate) => {
    const lying = oneSheet("S", '<row r="1"><c r="A1"><v>1</v></c></row>', "", 6, { name: "xl/sharedStrings.xml", data: Buffer.from(`<sst>${"<si><t>x</t></si>".repeat(100_000)}</sst>`), declared: 4096 });
    let caught: unknown;
    try {
      read(lying, inflate);
    } catch (e) {
      caught = e;
    }
    expect((caught as XlsxError).msg.en).toMatch(/larger than the 4096 bytes the directory records/);
  });

  test.each(INFLATERS)("a damaged deflate stream is a damaged workbook (%s)", (_n, inflate) => {
    const bad = Buffer.from(fs.readFileSync(path.join(SAMPLES, "2020-decomposition.xlsx")));
    // The worksheet's packed bytes overwritten in place: the directory still says where everything is.
    const sheet = readDirectory(bad).get("xl/worksheets/sheet1.xml") as ZipEntry;
    const start = sheet.local + 30 + bad.readUInt16LE(sheet.local + 26) + bad.readUInt16LE(sheet.local + 28);
    bad.fill(0xff, start, start + 64);
    let caught: unknown;
    try {
      read(bad, inflate);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(XlsxError);
    expect((caught as XlsxError).msg.zh).toMatch(/工作表“2020分解方案”：工作簿已损坏或无法读取/);
  });
});
