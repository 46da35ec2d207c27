/** Small workbooks written by hand for the reader's tests (test/xlsx/screen.test.ts, libreoffice-screen.test.ts). */
import { zip, type Part } from "../hostile/corpus";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const t = (s: string) => Buffer.from(s, "utf8");
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;

/** A workbook of `sheets` sheets (all pointing at the one sheet part, as a hostile file may), each the given XML. */
export function workbook(worksheet: string, opts: { sheets?: number; strings?: string; extraParts?: Part[]; sheetRels?: string } = {}): Buffer {
  const n = opts.sheets ?? 1;
  const names = Array.from({ length: n }, (_, i) => `<sheet name="S${i ? i + 1 : ""}" sheetId="${i + 1}" r:id="rId${i + 10}"/>`).join("");
  const rels = Array.from({ length: n }, (_, i) => `<Relationship Id="rId${i + 10}" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`).join("");
  return zip([
    { name: "[Content_Types].xml", data: t(CONTENT_TYPES) },
    { name: "_rels/.rels", data: t(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
    { name: "xl/workbook.xml", data: t(`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${names}</sheets></workbook>`) },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: t(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}${opts.strings ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ""}</Relationships>`),
    },
    { name: "xl/worksheets/sheet1.xml", data: t(worksheet) },
    ...(opts.strings ? [{ name: "xl/sharedStrings.xml", data: t(`<sst xmlns="${MAIN}">${opts.strings}</sst>`) }] : []),
    ...(opts.sheetRels ? [{ name: "xl/worksheets/_rels/sheet1.xml.rels", data: t(opts.sheetRels) }] : []),
    ...(opts.extraParts ?? []),
  ]);
}
