/** The workbook's own last-saved time (docProps/core.xml dcterms:modified), which orders a county's resent files. */
import ExcelJS from "exceljs";
import { workbookModified } from "../../src/xlsx/modified";
import { fflateInflater } from "../../src/xlsx/inflate";

test("dcterms:modified as the workbook wrote it; null for bytes that are not a workbook", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("完成情况").getCell("A1").value = "县（市、区）";
  wb.modified = new Date("2020-03-12T09:30:00Z");
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  expect(Date.parse(workbookModified(bytes, fflateInflater) as string)).toBe(Date.parse("2020-03-12T09:30:00Z"));
  expect(workbookModified(new Uint8Array([1, 2, 3]), fflateInflater)).toBeNull();
});
