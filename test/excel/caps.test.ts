/**
 * The hostile-workbook caps in the task pane, through the in-memory workbook and the office-addin-mock fake: the
 * same rules as the workbook file reader (src/xlsx/bounds.ts, region.ts), so a workbook gives the same answers in
 * the pane, the browser page and `zg`: a merge down to XFD1048576 is clipped to the table, text longer than a cell
 * holds is cut with a warning naming the cell, too many merged areas is a message naming the sheet, and a stray far
 * cell leaves the same table and names the same cell as the file reader does.
 */
import * as fs from "fs";
import * as path from "path";
import { parseBlock } from "../../src/core/address";
import { LIMITS } from "../../src/core/limits";
import { checkSheet } from "../../src/core/table";
import { findScoreSheets, readScoreSheets } from "../../src/core/scoreInput";
import type { CellValue } from "../../src/core/types";
import { MemoryWorkbook } from "../../src/excel/memory/memory";
import { OfficeOps } from "../../src/excel/office";
import { OpError } from "../../src/excel/ops";
import { readWorkbook } from "../../src/xlsx";
import { fflateInflater } from "../../src/xlsx/inflate";
import { COMPLETION, COMPLETION_SHEET, edited, SAMPLES } from "../hostile/corpus";
import { FakeExcel, installExcelEnums } from "./fakeExcel";
import { allocationTable } from "./sync-count";

jest.setTimeout(60_000);
beforeAll(installExcelEnums);

const fileSheets = (bytes: Uint8Array) => readWorkbook(bytes, { inflate: fflateInflater });

/** A memory workbook holding a file's sheets as the browser page will open them. */
function memoryOf(bytes: Uint8Array): MemoryWorkbook {
  const b = new MemoryWorkbook();
  for (const s of fileSheets(bytes)) b.addSheet(s);
  return b;
}

/** The pane gives "" and "General" where the file reader gives null: the same cells either way. */
const norm = (cells: CellValue[][]) => cells.map((r) => r.map((v) => (v === "" || v === undefined ? null : v)));

describe("in-memory workbook", () => {
  test("a merge down to XFD1048576 over the 90-county table is clipped to it; scoring reads at once", () => {
    const b = memoryOf(fs.readFileSync(path.join(SAMPLES, COMPLETION)));
    b.sheet("完成情况")!.merges.push({ top: 19, left: 6, bottom: 1048575, right: 16383 });
    const started = Date.now();
    return b.readSheet("完成情况").then((s) => {
      expect(s.merges).toContainEqual({ top: 19, left: 6, bottom: s.cells.length - 1, right: 6 });
      const { completion, county } = findScoreSheets([s]);
      expect(completion).toBeTruthy();
      expect(readScoreSheets(completion!, county).ok).toBe(true);
      expect(Date.now() - started).toBeLessThan(5_000);
    });
  });

  test("a stray cell at XFD1048576: the pane reads the same table and names the same far cell as the file reader", async () => {
    const bytes = edited(COMPLETION, COMPLETION_SHEET, (x) => x.replace("</sheetData>", '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>stray</t></is></c></row></sheetData>'));
    const fromFile = fileSheets(bytes).find((s) => s.name === "完成情况")!;
    // The pane's workbook has the cell where Excel would: the file reader left it out, so put it back.
    const b = memoryOf(bytes);
    b.setCell("完成情况", "XFD1048576", "stray");
    const inPane = await b.readSheet("完成情况");
    expect(inPane.origin).toEqual(fromFile.origin);
    expect(norm(inPane.cells)).toEqual(norm(fromFile.cells));
    expect(inPane.notices?.map((n) => [n.code, n.cell])).toEqual(fromFile.notices.map((n) => [n.code, n.cell]));
    expect(fromFile.notices[0].cell).toBe("XFD1048576");
  });

  test("text longer than Excel's 32,767 characters is cut, with a warning naming the cell", async () => {
    const b = new MemoryWorkbook();
    b.addSheet({ name: "长", cells: [["指标", "杭州"], [`新增工业机器人${"长".repeat(200_000)}`, 5]] });
    const s = await b.readSheet("长");
    expect((s.cells[1][0] as string).length).toBe(LIMITS.maxCellText);
    expect(s.notices).toEqual([expect.objectContaining({ code: "text-cut", sheet: "长", cell: "A2" })]);
  });

  test("more merged areas than LIMITS.maxMerges: a message naming the sheet", async () => {
    const b = new MemoryWorkbook();
    const cells = Array.from({ length: LIMITS.maxMerges + 2 }, (_, r) => [`行${r}`, null]);
    b.addSheet({ name: "合并", cells, merges: Array.from({ length: LIMITS.maxMerges + 1 }, (_, i) => ({ top: i, left: 0, bottom: i, right: 1 })) });
    const e = (await b.readSheet("合并").catch((x: unknown) => x)) as OpError;
    expect(e).toBeInstanceOf(OpError);
    expect(e.code).toBe("too-big");
    expect(e.sheet).toBe("合并");
    expect(e.msg.zh).toBe("工作表“合并”的合并区域超过 10000 个");
  });
});

describe("Excel (office-addin-mock)", () => {
  function setup() {
    const fake = new FakeExcel();
    const table = allocationTable(30);
    const user = fake.addSheet("分解表", table.cells, table.formats);
    const ops = new OfficeOps({ run: fake.run, officeContext: { displayLanguage: "zh-CN" } });
    return { fake, user, ops };
  }

  test("Excel gives a merge down to XFD1048576 whole; the pane clips it to the table, and the check runs", async () => {
    const { user, ops } = setup();
    user.merges.push(parseBlock("F10:XFD1048576")!);
    const started = Date.now();
    const s = await ops.readSheet("分解表");
    expect(s.merges).toEqual([{ top: 8, left: 4, bottom: 30, right: 4 }]);
    expect(checkSheet(s).table).toBeTruthy();
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test("text longer than a cell holds (a host that allows it) is cut, with a warning naming the cell", async () => {
    const { user, ops } = setup();
    user.cells[5][1] = `指标${"长".repeat(100_000)}`;
    const s = await ops.readSheet("分解表");
    expect((s.cells[4][0] as string).length).toBe(LIMITS.maxCellText);
    expect(s.notices).toEqual([expect.objectContaining({ code: "text-cut", sheet: "分解表", cell: "B6" })]);
  });
});
