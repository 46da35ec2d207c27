/**
 * The reader reads what Excel and LibreOffice show, and no more: only SpreadsheetML's main namespace (never a cell
 * inside extLst or a foreign element), the branch of mc:AlternateContent Excel takes, CDATA as text, a numeric cell
 * only when it holds a plain number; a zip whose part names collide is refused. And it is bounded across the whole
 * workbook: one token, the grids of all sheets together, a relationships part shared by many sheets read once.
 */
import { readWorkbook, XlsxError, type ReadSheet } from "../../src/xlsx";
import { fflateInflater } from "../../src/xlsx/inflate";
import type { Inflater } from "../../src/xlsx/zip";
import { propertyBytes, propertyText } from "../../src/xlsx/property";
import { FILE_LIMITS } from "../../src/core/limits";
import { zip, type Part } from "../hostile/corpus";
import { workbook } from "./crafted";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const t = (s: string) => Buffer.from(s, "utf8");
const sheet = (data: string, extra = "", ns = "") => `<worksheet xmlns="${MAIN}"${ns}><sheetData>${data}</sheetData>${extra}</worksheet>`;
const read = (bytes: Uint8Array, inflate: Inflater = fflateInflater): ReadSheet[] => readWorkbook(bytes, { inflate });

function failure(fn: () => unknown): XlsxError {
  try {
    fn();
  } catch (e) {
    if (e instanceof XlsxError) return e;
    throw e;
  }
  throw new Error("no error");
}

describe("only what the screen shows", () => {
  test("a cell inside extLst, or in a foreign namespace, is not a cell (Excel and LibreOffice show A1 only)", () => {
    const hidden = sheet(
      '<row r="1"><c r="A1"><v>1</v></c><y:c r="B1"><y:v>7</y:v></y:c></row>',
      `<extLst><ext uri="{zg}"><y:sheetData><y:row r="2"><y:c r="A2"><y:v>9</y:v></y:c></y:row></y:sheetData><sheetData><row r="3"><c r="A3"><v>9</v></c></row></sheetData></ext></extLst>`,
      ' xmlns:y="urn:not-spreadsheetml"',
    );
    const [s] = read(workbook(hidden));
    expect(s.cells).toEqual([[1]]);
  });

  test("a prefix bound to the main namespace is read; the same local names in another namespace are not", () => {
    const ws = `<x:worksheet xmlns:x="${MAIN}" xmlns:o="urn:other"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><o:c r="B1"><o:v>2</o:v></o:c></x:row><o:row r="2"><x:c r="A2"><x:v>3</x:v></x:c></o:row></x:sheetData></x:worksheet>`;
    expect(read(workbook(ws))[0].cells).toEqual([[1]]);
  });

  test("mc:AlternateContent: the Choice Excel understands, else the Fallback — never both", () => {
    const alt = (requires: string) =>
      sheet(
        `<row r="1"><c r="A1"><v>1</v></c></row><mc:AlternateContent><mc:Choice Requires="${requires}"><row r="2"><c r="A2"><v>2</v></c></row></mc:Choice><mc:Fallback><row r="2"><c r="A2"><v>3</v></c></row></mc:Fallback></mc:AlternateContent>`,
        "",
        ` xmlns:mc="${MC}" xmlns:x14="${X14}" xmlns:zz="urn:unknown"`,
      );
    expect(read(workbook(alt("x14")))[0].cells).toEqual([[1], [2]]);
    expect(read(workbook(alt("zz")))[0].cells).toEqual([[1], [3]]);
    expect(read(workbook(alt("x14 zz")))[0].cells).toEqual([[1], [3]]);
  });

  test("CDATA is text, in inline and shared strings", () => {
    const [s] = read(
      workbook(sheet('<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[30台]]></t></is></c><c r="B1" t="s"><v>0</v></c></row>'), { strings: "<si><t><![CDATA[1<2]]>台</t></si>" }),
    );
    expect(s.cells).toEqual([["30台", "1<2台"]]);
  });

  test.each(["1,000", "12abc", "0x10", "Infinity", "1e999", "NaN"])("a numeric cell holding %s is an error naming the cell", (v) => {
    const e = failure(() => read(workbook(sheet(`<row r="4"><c r="C4"><v>${v}</v></c></row>`))));
    expect(e.cell).toBe("C4");
    expect(e.msg.zh).toMatch(/工作表“S”C4 单元格：.*数值单元格的内容“.*”不是数字/);
    expect(e.msg.en).toMatch(/S!C4|C4/);
    expect(e.msg.en).toMatch(/is not a number/);
  });

  test("plain numbers as Excel writes them still read", () => {
    const [s] = read(workbook(sheet('<row r="1"><c r="A1"><v>1300</v></c><c r="B1"><v>-1.5E-3</v></c><c r="C1"><v> .5 </v></c><c r="D1"><v></v></c><c r="E1"><v>7</v></c></row>')));
    expect(s.cells).toEqual([[1300, -0.0015, 0.5, null, 7]]);
  });

  test("two parts whose names differ only in case, or not at all, are refused", () => {
    const parts = (second: string): Part[] => [
      { name: "_rels/.rels", data: t(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
      { name: "xl/workbook.xml", data: t(`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
      { name: "xl/_rels/workbook.xml.rels", data: t(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`) },
      { name: "xl/worksheets/sheet1.xml", data: t(sheet('<row r="1"><c r="A1"><v>1</v></c></row>')) },
      { name: second, data: t(sheet('<row r="1"><c r="A1"><v>2</v></c></row>')) },
    ];
    for (const name of ["XL/Worksheets/Sheet1.xml", "xl/worksheets/sheet1.xml"]) {
      const e = failure(() => read(zip(parts(name))));
      expect(e.code).toBe("damaged");
      expect(e.msg.zh).toMatch(/两个同名的部件/);
      expect(e.msg.en).toMatch(/two parts named .* \(ignoring case\)/);
    }
  });
});

describe("bounded across the workbook", () => {
  test("one token of more than a few MB fails as it grows, before it is held whole", () => {
    // Pseudo-random characters, so the part packs like real data (far within the packing-ratio cap).
    let seed = 7;
    const noise = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[(seed = (seed * 1103515245 + 12345) % 2147483648) % alphabet.length]).join("");
    const e = failure(() => read(workbook(sheet(`<row r="1"><c r="A1"><v>${noise("0123456789", 5 * 1024 * 1024)}</v></c></row>`))));
    expect(e.code).toBe("damaged");
    expect(e.msg.zh).toMatch(/工作表“S”的数据有一段文字或名称超过 4 M 个字符/);
    const name = failure(() => read(workbook(sheet(`<row r="1"><c${noise("abcdefghijklmnopqrstuvwxyz", 5 * 1024 * 1024)} r="A1"/></row>`))));
    expect(name.msg.en).toMatch(/longer than 4 M characters/);
  });

  test("many sheets sharing one part, each with two far-apart cells: the grids of all sheets together are capped", () => {
    const far = sheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="1000"><c r="SF1000"><v>2</v></c></row>');
    const e = failure(() => read(workbook(far, { sheets: 50 })));
    expect(e.code).toBe("too-big");
    expect(e.msg.zh).toMatch(new RegExp(`表格区域共超过 ${FILE_LIMITS.maxCellsLaidOut} 个单元格（到工作表“S\\d+”的 A1:SF1000 为止）`));
    expect(e.msg.en).toMatch(/cover more than 2000000 cells together/);
  });

  test("a merge away from every value widens nothing: the grid is the values' own", () => {
    const [s] = read(workbook(sheet('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>', '<mergeCells><mergeCell ref="SF99:SG100"/><mergeCell ref="A2:C2"/></mergeCells>')));
    expect(s.cells).toEqual([[1, 2]]);
    // A merge that overlaps the values (a title wider than them) still widens the area.
    const [t2] = read(workbook(sheet('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>', '<mergeCells><mergeCell ref="A1:D1"/></mergeCells>')));
    expect(t2.cells).toEqual([[1, null, null, null]]);
  });

  test("a relationships part shared by many sheets is read once", () => {
    const ws = sheet('<row r="1"><c r="A1"><v>1</v></c></row>', '<customProperties><customPr name="owner" r:id="rId1"/></customProperties>', ` xmlns:r="${REL}"`);
    const bytes = workbook(ws, {
      sheets: 200,
      sheetRels: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/customProperty" Target="../customProperty1.bin"/></Relationships>`,
      extraParts: [{ name: "xl/customProperty1.bin", data: Buffer.from(propertyBytes("ZG")) }],
    });
    const inflated: number[] = [];
    const counting: Inflater = (p, l, on) => {
      inflated.push(l);
      fflateInflater(p, l, on);
    };
    const sheets = readWorkbook(bytes, { inflate: counting, properties: ["owner"] });
    expect(sheets.map((s) => s.properties?.owner)).toEqual(Array(200).fill("ZG"));
    // _rels/.rels, the workbook, its rels, 200 × the sheet, the sheet's rels once, the property once.
    expect(inflated.length).toBe(3 + 200 + 1 + 1);
  });
});

describe("a custom property's text", () => {
  test.each(["ZG", "优", "优秀", "乙乙", "浙转升办", "ZG 标记·余杭区"])("UTF-16LE as Excel writes it: %s", (value) => {
    expect(propertyText(propertyBytes(value))).toBe(value);
  });
  test("with a byte-order mark, an XML declaration, or in UTF-8", () => {
    expect(propertyText(Uint8Array.from([0xff, 0xfe, ...propertyBytes("优秀")]))).toBe("优秀");
    expect(propertyText(Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from("优秀")]))).toBe("优秀");
    expect(propertyText(Buffer.from('<?xml version="1.0" encoding="UTF-8"?>优'))).toBe('<?xml version="1.0" encoding="UTF-8"?>优');
    expect(propertyText(Buffer.from("优秀的"))).toBe("优秀的");
    expect(propertyText(Buffer.from("owner"))).toBe("owner");
  });
});
