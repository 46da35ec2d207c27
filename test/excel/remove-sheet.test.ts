/**
 * removeOurSheet, the undo for what ZG wrote: a sheet carrying our marker goes; a user's sheet (even one named
 * like ours) is refused with a message naming it; a missing name is false. In memory and through office.ts on the
 * office-addin-mock fake.
 */
import { MemoryWorkbook } from "../../src/excel/memory/memory";
import { OfficeOps } from "../../src/excel/office";
import { OpError, type ExcelOps } from "../../src/excel/ops";
import { FakeExcel, installExcelEnums } from "./fakeExcel";

beforeAll(installExcelEnums);

function memory(): { ops: ExcelOps; names: () => string[] } {
  const book = new MemoryWorkbook();
  book.addSheet({ name: "数据", cells: [["a", 1]] });
  book.addSheet({ name: "ZG评分结果", cells: [["mine"]] });
  return { ops: book, names: () => book.sheets.map((s) => s.name) };
}

function office(): { ops: ExcelOps; names: () => string[] } {
  const fake = new FakeExcel();
  fake.addSheet("数据", [["a", 1]]);
  fake.addSheet("ZG评分结果", [["mine"]]);
  const ops = new OfficeOps({ run: fake.run, officeContext: { displayLanguage: "zh-CN", officeTheme: { bodyBackgroundColor: "#FFFFFF" } } });
  return { ops, names: () => fake.sheets.filter((s) => !s.deleted).map((s) => s.name) };
}

describe.each([
  ["memory", memory],
  ["office", office],
])("%s", (_, make) => {
  test("a sheet we wrote is removed; a user's sheet named like ours is refused", async () => {
    const { ops, names } = make();
    const w = await ops.writeSheet({ name: "ZG校核报告", kind: "report", cells: [["报告"]] });
    expect(names()).toContain(w.sheet);
    expect(await ops.removeOurSheet(w.sheet)).toBe(true);
    expect(names()).not.toContain(w.sheet);
    const e = await ops.removeOurSheet("ZG评分结果").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(OpError);
    expect((e as OpError).code).toBe("not-ours");
    expect((e as OpError).msg.zh).toContain("ZG评分结果");
    expect(names()).toEqual(expect.arrayContaining(["数据", "ZG评分结果"]));
    await expect(ops.removeOurSheet("没有这张表")).resolves.toBe(false);
  });
});
