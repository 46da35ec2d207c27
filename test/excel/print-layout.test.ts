/**
 * Print-ready results: office.ts sets the page layout (landscape, one page wide, title rows repeated) where the
 * host has ExcelApi 1.9, the API set the Excel API reference gives Excel.PageLayout and its zoom and
 * setPrintTitleRows, and writes the sheet without it where the host says no.
 */
import { execFileSync } from "child_process";
import { existsSync } from "fs";
import { OfficeOps, PRINT_LAYOUT_API } from "../../src/excel/office";
import { FakeExcel, installExcelEnums } from "./fakeExcel";

beforeAll(installExcelEnums);

const content = { name: "ZG校核报告", kind: "report" as const, cells: [["标题"], ["a", "b"], [1, 2]], print: { titleRows: { first: 0, last: 1 }, landscape: true, fitToWidth: true } };

function make(supported: boolean) {
  const fake = new FakeExcel();
  const asked: string[] = [];
  const ops = new OfficeOps({ run: fake.run, isSetSupported: (set, v) => (asked.push(`${set} ${v}`), supported), officeContext: { displayLanguage: "zh-CN" } });
  return { fake, ops, asked };
}

test("with ExcelApi 1.9: landscape, one page wide and as many pages tall as needed (0, automatic), rows 1–2 repeated on every page", async () => {
  const { fake, ops, asked } = make(true);
  const w = await ops.writeSheet(content);
  expect(asked).toContain(`ExcelApi ${PRINT_LAYOUT_API}`);
  expect(fake.sheets.find((s) => s.name === w.sheet)!.page).toEqual({ orientation: "Landscape", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, titleRows: "$1:$2" });
});

test("without it the sheet is written all the same, with no page setup", async () => {
  const { fake, ops } = make(false);
  const w = await ops.writeSheet(content);
  const sheet = fake.sheets.find((s) => s.name === w.sheet)!;
  expect(sheet.page).toEqual({});
  expect(sheet.cells[0][0]).toBe("标题");
});

// The contract pinned against Microsoft's reference, where the docs mirror is on this machine.
const DOCS = "/work/.mirror/OfficeDev+office-js-docs-reference/repo";
const docsTest = existsSync(DOCS) ? test : test.skip;
docsTest("the Excel API reference puts PageLayout, its zoom and setPrintTitleRows in ExcelApi 1.9", () => {
  const yml = execFileSync("git", ["-C", DOCS, "show", "HEAD:docs/docs-ref-autogen/excel/excel/excel.pagelayout.yml"], { encoding: "utf8" });
  expect(yml).toMatch(/^summary: Represents layout and print settings[\s\S]*?\[API set: ExcelApi 1\.9\]/m);
  for (const member of ["zoom", "orientation", "setPrintTitleRows(printTitleRows)"]) {
    const at = yml.indexOf(`  - name: ${member}\n`);
    expect(at).toBeGreaterThan(0);
    expect(yml.slice(at, at + 600)).toContain(`[API set: ExcelApi ${PRINT_LAYOUT_API}]`);
  }
});
