/**
 * The workbook patcher (src/xlsx/write.ts) on files other writers make: SpreadsheetML under a prefix (x:), no styles
 * part at all, a user's own conditional format and data validation (ours goes between them, in the schema's order, and
 * the user's stays), text that only looks like a formula or an escape, and our marks replaced, not piled up.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readWorkbook } from "../../src/xlsx";
import { fflateInflater } from "../../src/xlsx/inflate";
import { patchXlsx, topLevel } from "../../src/xlsx/write";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A workbook as a writer that prefixes SpreadsheetML (x:) and has no styles part would make it. */
function prefixedBook(sheetBody: string): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    "_rels/.rels": strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    "xl/workbook.xml": strToU8(`<?xml version="1.0"?><x:workbook xmlns:x="${MAIN}" xmlns:rel="${REL}"><x:sheets><x:sheet name="表1" sheetId="3" rel:id="rIdA"/></x:sheets></x:workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdA" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    "xl/worksheets/sheet1.xml": strToU8(`<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN}">${sheetBody}</x:worksheet>`),
  });
}

const userCf = `<x:conditionalFormatting sqref="A1"><x:cfRule type="expression" priority="1"><x:formula>A1&gt;5</x:formula></x:cfRule></x:conditionalFormatting>`;
const validation = `<x:dataValidations count="1"><x:dataValidation type="list" sqref="B1"><x:formula1>"是,否"</x:formula1></x:dataValidation></x:dataValidations>`;
const body = `<x:sheetData><x:row r="1"><x:c r="A1"><x:v>7</x:v></x:c></x:row></x:sheetData>${userCf}${validation}<!-- </x:sheetData> in a comment -->`;
const isMark = (f: string) => f.startsWith('N("ZG.mark:');
const mark = (sqref: string) => ({ sqref, formula: 'N("ZG.mark:short")=0', fill: "#FDE7E9", font: "#A80000" });

test("a prefixed workbook with no styles part: our sheet and marks are added in its own prefix and order", () => {
  const original = prefixedBook(body);
  const saved = patchXlsx(original, {
    sheets: [{ name: "ZG校核报告", cells: [["=1+1", "_x0041_ 与 <&>", 3], [{ formula: "C1*2", value: 6 }, true, { error: "#N/A" }]], boldRows: [0], properties: { ZG: "report" } }],
    marks: new Map([["表1", [mark("A1")]]]),
    isMark,
  });
  const parts = unzipSync(saved);
  const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]);
  // Ours comes after the user's conditional format and before the data validation (CT_Worksheet's order), prefixed.
  const names = topLevel(sheet).children.map((c) => c.qname);
  expect(names).toEqual(["x:sheetData", "x:conditionalFormatting", "x:conditionalFormatting", "x:dataValidations"]);
  expect(sheet).toContain(userCf);
  expect(sheet).toContain('<x:cfRule type="expression" dxfId="0" priority="2"><x:formula>N(&quot;ZG.mark:short&quot;)=0</x:formula>');
  const book = strFromU8(parts["xl/workbook.xml"]);
  expect(book).toContain('<x:sheet name="ZG校核报告" sheetId="4" rel:id="rIdZG');
  expect(Object.keys(parts).some((p) => /styles\d*\.xml$/.test(p))).toBe(true);
  // Read back: text stays text, the escape-like text is itself, the formula a formula.
  const read = readWorkbook(saved, { inflate: fflateInflater, properties: ["ZG"] });
  expect(read.map((s) => s.name)).toEqual(["表1", "ZG校核报告"]);
  expect(read[1].cells).toEqual([
    ["=1+1", "_x0041_ 与 <&>", 3],
    [6, true, "#N/A"],
  ]);
  expect(read[1].properties).toEqual({ ZG: "report" });
  expect(read[0].conditionalFormats?.map((c) => c.formulas)).toEqual([["A1>5"], ['N("ZG.mark:short")=0']]);
  expect(strFromU8(parts[Object.keys(parts).find((p) => /worksheets\/sheet2\.xml$/.test(p))!])).toContain("<f>C1*2</f><v>6</v>");

  // Marking again replaces our mark (the user's stays); no marks removes ours and gives back the sheet as it was.
  const again = patchXlsx(saved, { sheets: [], marks: new Map([["表1", [mark("A1:A2")]]]), isMark });
  const twice = strFromU8(unzipSync(again)["xl/worksheets/sheet1.xml"]);
  expect(twice.match(/ZG\.mark/g)).toHaveLength(1);
  expect(twice).toContain('sqref="A1:A2"');
  expect(twice).toContain(userCf);
  const cleared = patchXlsx(again, { sheets: [], marks: new Map([["表1", []]]), isMark });
  expect(strFromU8(unzipSync(cleared)["xl/worksheets/sheet1.xml"])).toBe(strFromU8(unzipSync(original)["xl/worksheets/sheet1.xml"]));
});
