/** The workbook reader: what real .xlsx cells become for the engine (in process; the CLI tests run it as a subprocess). */
import * as fs from "fs";
import * as path from "path";
import { readWorkbookBuffer, readWorkbookFile } from "../../src/cli/read-xlsx";
import { CliError } from "../../src/cli/errors";
import { put, tmpDir, workbook } from "./helpers";

jest.setTimeout(120_000);
let dir: string;
beforeAll(() => {
  dir = tmpDir();
});

test("a table that starts at B3 keeps its place: origin, merges in grid coordinates, values of merged areas in their top-left cell", async () => {
  const file = await workbook(path.join(dir, "offset.xlsx"), (wb) => {
    const ws = wb.addWorksheet("表一");
    put(ws, 3, 2, [
      ["序号", "指标", "各设区市", null],
      [null, null, "杭州", "宁波"],
      [1, "新增工业机器人100台", "60台", "40台"],
    ]);
    ws.mergeCells("B3:B4");
    ws.mergeCells("D3:E3");
  });
  const [sheet] = await readWorkbookFile(file);
  expect(sheet.name).toBe("表一");
  expect(sheet.origin).toEqual({ row: 2, col: 1 });
  expect(sheet.cells).toEqual([
    ["序号", "指标", "各设区市", null],
    [null, null, "杭州", "宁波"],
    [1, "新增工业机器人100台", "60台", "40台"],
  ]);
  expect(sheet.merges).toEqual(
    expect.arrayContaining([
      { top: 0, left: 0, bottom: 1, right: 0 },
      { top: 0, left: 2, bottom: 0, right: 3 },
    ]),
  );
  expect(sheet.merges).toHaveLength(2);
});

test("cached formula results, errors, rich text, line breaks, shared strings, booleans and dates", async () => {
  const file = await workbook(path.join(dir, "kinds.xlsx"), (wb) => {
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = { formula: "B1*2", result: 2600 } as never;
    ws.getCell("B1").value = 1300;
    ws.getCell("A2").value = { error: "#N/A" } as never;
    ws.getCell("B2").value = { formula: "1/0", result: { error: "#DIV/0!" } } as never;
    ws.getCell("A3").value = { richText: [{ text: "1300", font: { bold: true } }, { text: "台" }] };
    ws.getCell("B3").value = "10%\n\n以上";
    ws.getCell("A4").value = "杭州";
    ws.getCell("B4").value = "杭州"; // the same text twice: written once as a shared string
    ws.getCell("A5").value = true;
    ws.getCell("B5").value = new Date(Date.UTC(2020, 4, 14));
    ws.getCell("A6").value = { formula: "A1+1" } as never; // never calculated: no cached result
    ws.getCell("B6").value = { text: "链接 12台", hyperlink: "https://example.org" } as never;
  });
  const [s] = await readWorkbookFile(file);
  expect(s.cells).toEqual([
    [2600, 1300],
    [{ error: "#N/A" }, { error: "#DIV/0!" }],
    ["1300台", "10%\n\n以上"],
    ["杭州", "杭州"],
    [true, "2020-05-14"],
    [null, "链接 12台"],
  ]);
});

test("number formats are passed along: a cell shown as 12.5% holds 0.125 and carries its format", async () => {
  const file = await workbook(path.join(dir, "fmt.xlsx"), (wb) => {
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = 0.125;
    ws.getCell("A1").numFmt = "0.0%";
    ws.getCell("B1").value = 1300;
    ws.getCell("C1").value = 1234.5;
    ws.getCell("C1").numFmt = "#,##0.00";
  });
  const [s] = await readWorkbookFile(file);
  expect(s.cells[0]).toEqual([0.125, 1300, 1234.5]);
  expect(s.numberFormats?.[0]).toEqual(["0.0%", null, "#,##0.00"]);
});

test("every sheet in tab order; an empty sheet is an empty grid", async () => {
  const file = await workbook(path.join(dir, "two.xlsx"), (wb) => {
    wb.addWorksheet("空");
    wb.addWorksheet("数据").getCell("C2").value = "x";
  });
  const sheets = await readWorkbookFile(file);
  expect(sheets.map((s) => s.name)).toEqual(["空", "数据"]);
  expect(sheets[0].cells).toEqual([]);
  expect(sheets[1]).toMatchObject({ cells: [["x"]], origin: { row: 1, col: 2 } });
});

test("unusable files are CliErrors naming the file", async () => {
  const text = path.join(dir, "notes.xlsx");
  fs.writeFileSync(text, "序号,指标\n1,机器人\n");
  await expect(readWorkbookFile(text)).rejects.toThrow(CliError);
  await expect(readWorkbookFile(text)).rejects.toMatchObject({ place: { file: "notes.xlsx" } });
  await expect(readWorkbookFile(path.join(dir, "missing.xlsx"))).rejects.toMatchObject({
    text: { zh: expect.stringContaining("找不到该文件"), en: expect.stringContaining("missing.xlsx") },
  });
  // A zip that is not a workbook.
  const zipHeader = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
  await expect(readWorkbookBuffer(zipHeader, "broken.xlsx")).rejects.toMatchObject({ place: { file: "broken.xlsx" } });
});
