/**
 * A typed range names the table where the user sees it: 2020分解方案!A2:N21 is read as a grid starting at
 * sheet row 2, and the region the pane reports (and the report sheet's title) is on the sheet, not in the
 * grid. Through the in-memory workbook and through office.ts on the office-addin-mock fake.
 */
import { blockAddress } from "../../src/core/address";
import { checkSheet } from "../../src/core/table";
import { OfficeOps } from "../../src/excel/office";
import type { ExcelOps } from "../../src/excel/ops";
import { sampleWorkbook } from "../../src/preview/samples";
import { reportSheet } from "../../src/taskpane/report";
import { FakeExcel, installExcelEnums } from "../excel/fakeExcel";

beforeAll(installExcelEnums);

const SHEET = "2020分解方案";

function officeOps(): ExcelOps {
  const book = sampleWorkbook();
  const src = book.sheets.find((s) => s.name === SHEET)!;
  const fake = new FakeExcel();
  fake.addSheet(SHEET, src.cells.map((r) => [...(r ?? [])]));
  return new OfficeOps({ run: fake.run, officeContext: { displayLanguage: "zh-CN", officeTheme: { bodyBackgroundColor: "#FFFFFF" } } });
}

const adapters: [string, () => ExcelOps][] = [
  ["memory", () => sampleWorkbook()],
  ["office", officeOps],
];

describe.each(adapters)("%s: the region of a typed range is on the sheet", (_, make) => {
  test("A2:N21, the table's own block, is reported as A2:N21 and the report's title says so", async () => {
    const ops = make();
    const whole = checkSheet(await ops.readSheet(SHEET));
    expect(blockAddress(whole.table!.region)).toBe("A2:N21");
    const sheet = await ops.getSelectionSheet({ address: `${SHEET}!A2:N21` });
    expect(sheet.origin).toEqual({ row: 1, col: 0 });
    const check = checkSheet(sheet);
    expect(blockAddress(check.table!.region)).toBe("A2:N21");
    expect(check.results).toEqual(whole.results);
    const report = reportSheet(check, "zh");
    expect(String(report.cells[0][0])).toContain(`${SHEET}” A2:N21`);
    expect(String(reportSheet(check, "en").cells[0][0])).toContain("A2:N21");
  });

  test("A3:N21 (header row left out) reports a block inside what was typed, never above or left of it", async () => {
    const ops = make();
    const check = checkSheet(await ops.getSelectionSheet({ address: `${SHEET}!A3:N21` }));
    const r = check.table!.region;
    expect(r.top).toBeGreaterThanOrEqual(2);
    expect(r.bottom).toBeLessThanOrEqual(20);
    expect(r.right).toBeLessThanOrEqual(13);
    expect(blockAddress(r)).toBe("B3:M21");
  });
});
