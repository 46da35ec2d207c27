/**
 * The browser page's files (src/excel/memory/file.ts over src/xlsx/write.ts): a workbook opened from its bytes, worked
 * on, saved by patching the original — every part the user made byte for byte, our sheets added with values, plain
 * formulas and text as text, our marks as conditional formats — and the saved file read back by the command line's
 * reader and by ExcelJS, reopened, its sheets known as ours and its marks cleared.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { exportWorkbookFile, openWorkbookFile } from "../../src/excel/memory/file";
import { zgFunctions } from "../../src/excel/memory/zgFunctions";
import { formula } from "../../src/excel/ops";
import { readWorkbook } from "../../src/xlsx";
import { fflateInflater } from "../../src/xlsx/inflate";
import { readDirectory } from "../../src/xlsx/zip";

jest.setTimeout(60_000);

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE = fs.readFileSync(path.join(ROOT, "assets", "samples", "2020-decomposition.xlsx"));

/** Each part's packed bytes as stored (local data), by name. */
function packedParts(bytes: Uint8Array): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of readDirectory(bytes).values()) {
    const start = e.local + 30 + (bytes[e.local + 26] | (bytes[e.local + 27] << 8)) + (bytes[e.local + 28] | (bytes[e.local + 29] << 8));
    out.set(e.name, Buffer.from(bytes.subarray(start, start + e.packed)));
  }
  return out;
}

function inflated(bytes: Uint8Array, name: string): string {
  const e = readDirectory(bytes).get(name.toLowerCase());
  if (!e) throw new Error(`no part ${name}`);
  const chunks: Uint8Array[] = [];
  const start = e.local + 30 + (bytes[e.local + 26] | (bytes[e.local + 27] << 8)) + (bytes[e.local + 28] | (bytes[e.local + 29] << 8));
  if (e.method === 0) return Buffer.from(bytes.subarray(start, start + e.packed)).toString("utf8");
  fflateInflater(bytes.subarray(start, start + e.packed), e.size, (c) => chunks.push(c.slice()));
  return Buffer.concat(chunks).toString("utf8");
}

describe("opening, saving and reopening a workbook in the page", () => {
  const original = new Uint8Array(SAMPLE);
  const copy = Buffer.from(original);
  const { book, origin } = openWorkbookFile(original, "2020-decomposition.xlsx", { functions: zgFunctions() });
  const userSheet = book.sheets[0].name;

  let saved: Uint8Array;
  beforeAll(async () => {
    await book.markCells([{ sheet: userSheet, addresses: ["C4", "D5:E5"], kind: "short" }]);
    await book.writeSheet({
      name: "ZG评分结果",
      kind: "score",
      cells: [
        ["标题", null, null],
        [1, 2, formula("=A2+B2")],
        // Text that looks like a formula is text; ours is a value.
        ["=HYPERLINK(\"http://x\")", "-临平区", formula('=ZG.TARGET("10%")')],
        [formula(`='${userSheet}'!A1:A2`), null, null],
      ],
      numberFormats: [[], [null, null, "0.00"]],
      boldRows: [0],
      merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
      columnWidths: [12, 10, 10],
      validations: [
        { type: "list", range: "A5:A9", values: ["是", "否"], title: { zh: "是否", en: "Yes/no" }, prompt: { zh: "选择", en: "Choose" }, error: { zh: "只能选是或否", en: "Yes or no only" } },
        { type: "whole", range: "B5:B9", min: 0, max: 99, title: { zh: "次数", en: "Count" }, prompt: { zh: "整数", en: "A whole number" }, error: { zh: "0–99", en: "0–99" } },
      ],
    });
    saved = exportWorkbookFile(book, origin);
  });

  test("the original bytes are not changed, and every part the user made is copied byte for byte", () => {
    expect(Buffer.from(original).equals(copy)).toBe(true);
    const before = packedParts(original);
    const after = packedParts(saved);
    const changed = [...before.keys()].filter((name) => !after.get(name)?.equals(before.get(name)!));
    // Only the sheet list, its relationships, the content types, the styles and the marked sheet.
    expect(changed.sort()).toEqual(["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"].sort());
    // The marked sheet differs only by the conditional format inserted.
    const oldSheet = inflated(original, "xl/worksheets/sheet1.xml");
    const newSheet = inflated(saved, "xl/worksheets/sheet1.xml");
    const cf = /<conditionalFormatting[^]*?<\/conditionalFormatting>/.exec(newSheet)![0];
    expect(newSheet.replace(cf, "")).toBe(oldSheet);
    expect(cf).toContain('sqref="C4 D5:E5"');
    expect(cf).toContain("N(&quot;ZG.mark:short&quot;)=0");
  });

  test("the saved file reads back: our values, plain formulas with their values, text as text", async () => {
    const sheets = readWorkbook(saved, { inflate: fflateInflater, properties: ["ZG"] });
    expect(sheets.map((s) => s.name)).toEqual([...book.sheets.map((s) => s.name)]);
    const ours = sheets.find((s) => s.name === "ZG评分结果")!;
    expect(ours.properties).toEqual({ ZG: "score" });
    expect(ours.cells[1]).toEqual([1, 2, 3]);
    expect(ours.cells[2]).toEqual(['=HYPERLINK("http://x")', "-临平区", 0.1]);
    const xml = inflated(saved, [...readDirectory(saved).values()].find((e) => /worksheets\/sheet2\.xml$/.test(e.name))!.name);
    expect(xml).toContain("<f>A2+B2</f><v>3</v>");
    expect(xml).not.toContain("ZG.TARGET");
    expect(xml).not.toContain("<f>HYPERLINK");
    // The spilled reference is written as its values.
    expect(ours.cells[3][0]).toEqual(book.value(userSheet, 0, 0));
    // ExcelJS opens it too, the formula a formula, the text a text.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(saved) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("ZG评分结果")!;
    expect(ws.getCell("C2").value).toEqual({ formula: "A2+B2", result: 3 });
    expect(ws.getCell("A3").value).toBe('=HYPERLINK("http://x")');
    expect(ws.getCell("C2").numFmt).toBe("0.00");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    // The drop-downs and bounds, with both languages in the messages (a line break kept).
    expect(ws.getCell("A6").dataValidation).toMatchObject({ type: "list", formulae: ['"是,否"'], prompt: "选择\nChoose", showErrorMessage: true });
    expect(ws.getCell("B9").dataValidation).toMatchObject({ type: "whole", operator: "between", formulae: [0, 99] });
  });

  test("reopened: our sheet is known as ours, the marks are ours and can be cleared; saving again removes them", async () => {
    const again = openWorkbookFile(saved, "again.xlsx", { functions: zgFunctions() });
    const list = await again.book.listSheets();
    expect(list.find((s) => s.name === "ZG评分结果")).toEqual({ name: "ZG评分结果", ours: true, kind: "score" });
    expect(list.find((s) => s.name === userSheet)?.ours).toBe(false);
    expect([...again.book.marksOf(userSheet).entries()].sort()).toEqual([["3,2", "short"], ["4,3", "short"], ["4,4", "short"]].sort());
    expect(await again.book.clearMarks()).toBe(1);
    const cleared = exportWorkbookFile(again.book, again.origin);
    expect(inflated(cleared, "xl/worksheets/sheet1.xml")).toBe(inflated(original, "xl/worksheets/sheet1.xml"));
    // Replacing our sheet keeps its place and part; the user's sheets are untouched.
    await again.book.writeSheet({ name: "ZG评分结果", kind: "score", cells: [["新"]] }, { confirmReplace: async () => true });
    const replaced = exportWorkbookFile(again.book, again.origin);
    const names = readWorkbook(replaced, { inflate: fflateInflater }).map((s) => s.name);
    expect(names).toEqual(readWorkbook(saved, { inflate: fflateInflater }).map((s) => s.name));
    expect(readWorkbook(replaced, { inflate: fflateInflater }).find((s) => s.name === "ZG评分结果")!.cells).toEqual([["新"]]);
  });

  test("saved with nothing written, the file is the original part for part", () => {
    const { book: b3, origin: o3 } = openWorkbookFile(original, "x.xlsx", { functions: zgFunctions() });
    const before = packedParts(original);
    const after = packedParts(exportWorkbookFile(b3, o3));
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, data] of before) expect([name, after.get(name)!.equals(data)]).toEqual([name, true]);
  });

  test("a workbook with no file behind it (the sample) is saved as a new file", async () => {
    const { book: b2 } = openWorkbookFile(original, "x.xlsx", { functions: zgFunctions() });
    const fresh = exportWorkbookFile(b2, null);
    const sheets = readWorkbook(fresh, { inflate: fflateInflater });
    expect(sheets.map((s) => s.name)).toEqual(b2.sheets.map((s) => s.name));
    const a = readWorkbook(original, { inflate: fflateInflater })[0];
    expect(sheets[0].cells).toEqual(a.cells);
  });
});
