/**
 * office.ts, operation by operation, on office-addin-mock objects: what is written where, that the
 * user's cells and formatting stay as they were, and how many context.sync() calls each operation makes
 * (the same on a small table and on one 50 times larger).
 */
import { MARKS_KEY, MAX_CELLS_PER_BATCH, OfficeOps, OWNER_KEY, rowBlocks } from "../../src/excel/office";
import { MARK_COLORS, OpError, type SheetContent } from "../../src/excel/ops";
import { assigned, FakeExcel, installExcelEnums } from "./fakeExcel";
import { allocationTable, countSyncs, syncReport } from "./sync-count";

beforeAll(installExcelEnums);

function setup(rows = 6) {
  const fake = new FakeExcel();
  const table = allocationTable(rows);
  const user = fake.addSheet("分解表", table.cells, table.formats, { C3: "#FFFF00" });
  const ops = new OfficeOps({ run: fake.run, officeContext: { displayLanguage: "zh-CN", officeTheme: { bodyBackgroundColor: "#1F1F1F" } } });
  const sync = jest.spyOn(fake.context, "sync");
  return { fake, user, ops, sync, table };
}

/** No range object of the user's sheet got values, formulas or number formats assigned, nor a new fill. */
function expectUntouched(fake: FakeExcel, name: string) {
  const s = fake.sheets.find((x) => x.name === name)!;
  for (const r of s.ranges) {
    expect(assigned(r.mock, "values", r.original.values)).toBeUndefined();
    expect(assigned(r.mock, "formulas", r.original.values)).toBeUndefined();
    expect(assigned(r.mock, "numberFormat", r.original.formats)).toBeUndefined();
    const fill = (r.mock as unknown as { format: { fill: { color: unknown } } }).format.fill.color;
    expect(typeof fill === "string" && fill.startsWith("#") && fill !== (s.fills[r.address] ?? "#FFFFFF")).toBe(false);
  }
}

describe("getSelectionSheet", () => {
  test("one selected cell reads the used region around it: values and number formats, with its origin", async () => {
    const { fake, ops, sync, table } = setup();
    fake.selection = "B4";
    const sheet = await ops.getSelectionSheet();
    expect(sheet.name).toBe("分解表");
    expect(sheet.origin).toEqual({ row: 1, col: 1 });
    expect(sheet.cells[0][0]).toBe(table.cells[1][1]);
    expect(sheet.cells).toHaveLength(table.cells.length - 1);
    expect(sheet.numberFormats?.[2][2]).toBe("0%");
    expect(sync).toHaveBeenCalledTimes(2);
    expectUntouched(fake, "分解表");
  });

  test("a selection of whole columns is clipped to the used region", async () => {
    const { fake, ops, sync, table } = setup(40);
    fake.selection = "C1:D1048576";
    const sheet = await ops.getSelectionSheet();
    expect(sheet.origin).toEqual({ row: 1, col: 2 });
    expect(sheet.cells).toHaveLength(table.cells.length - 1);
    expect(sheet.cells[0]).toEqual(["全省目标", "杭州"]);
    expect(sync).toHaveBeenCalledTimes(2);
  });

  test("a typed range is read as given; a bad address or sheet is a bilingual error naming it", async () => {
    const { ops } = setup();
    const sheet = await ops.getSelectionSheet({ address: "分解表!B2:D4" });
    expect(sheet.origin).toEqual({ row: 1, col: 1 });
    expect(sheet.cells).toHaveLength(3);
    await expect(ops.getSelectionSheet({ address: "分解表!B2:" })).rejects.toMatchObject({ code: "bad-address" });
    const e = await ops.getSelectionSheet({ address: "没有这张表!A1:B2" }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(OpError);
    expect((e as OpError).msg.zh).toContain("没有这张表");
    expect((e as OpError).sheet).toBe("没有这张表");
  });
});

describe("writeSheet", () => {
  const content: SheetContent = {
    name: "ZG校核报告",
    kind: "report",
    cells: [
      ["标题"],
      ["指标", "差额", "公式"],
      ["机器人", -100, "=B3*2"],
    ],
    numberFormats: [[], [], [null, "#,##0", null]],
    boldRows: [1],
    tables: [{ name: "ZG_Check", range: { top: 1, left: 0, bottom: 2, right: 2 } }],
  };

  test("writes a new sheet of ours in one 2-D array, tagged as ours, calculation and screen updating suspended", async () => {
    const { fake, ops, sync } = setup();
    const w = await ops.writeSheet(content);
    expect(w).toEqual({ sheet: "ZG校核报告", replaced: false });
    const s = fake.find("ZG校核报告", true)!;
    expect(s.props.get(OWNER_KEY)).toBe("report");
    const block = s.ranges.find((r) => r.address === "A1:C3")!;
    expect(assigned(block.mock, "formulas", block.original.values)).toEqual([
      ["标题", "", ""],
      ["指标", "差额", "公式"],
      ["机器人", -100, "=B3*2"],
    ]);
    expect(assigned(block.mock, "numberFormat", block.original.formats)).toEqual([
      ["General", "General", "General"],
      ["General", "General", "General"],
      ["General", "#,##0", "General"],
    ]);
    expect(s.tables.map((t) => [t.name, t.address])).toEqual([["ZG_Check", "A2:C3"]]);
    expect(fake.suspended).toEqual({ calc: 1, screen: 1 });
    expect(sync).toHaveBeenCalledTimes(2);
    expectUntouched(fake, "分解表");
  });

  test("a user's sheet with our name is never touched: another name is picked, without asking", async () => {
    const { fake, ops } = setup();
    const mine = fake.addSheet("ZG校核报告", [["我的数据"]]);
    const confirm = jest.fn(async () => true);
    const w = await ops.writeSheet(content, { confirmReplace: confirm });
    expect(w.sheet).toBe("ZG校核报告 (2)");
    expect(confirm).not.toHaveBeenCalled();
    expect(mine.deleted).toBe(false);
    expect(mine.cells).toEqual([["我的数据"]]);
    expectUntouched(fake, "ZG校核报告");
  });

  test("one of our sheets is replaced only when the user confirms, in at most 3 syncs", async () => {
    const { fake, ops, sync } = setup();
    await ops.writeSheet(content);
    sync.mockClear();
    const no = await ops.writeSheet(content, { confirmReplace: async () => false });
    expect(no).toEqual({ sheet: "ZG校核报告 (2)", replaced: false });
    expect(sync).toHaveBeenCalledTimes(3);
    const firstOurs = fake.sheets.find((s) => s.name === "ZG校核报告")!;
    expect(firstOurs.deleted).toBe(false);
    const asked: string[] = [];
    const yes = await ops.writeSheet(content, { confirmReplace: async (n) => (asked.push(n), true) });
    expect(asked).toEqual(["ZG校核报告"]);
    expect(yes).toEqual({ sheet: "ZG校核报告", replaced: true });
    expect(firstOurs.deleted).toBe(true);
    expect(fake.live().filter((s) => s.name === "ZG校核报告")).toHaveLength(1);
    // Table names stay unique in the workbook.
    const names = fake.live().flatMap((s) => s.tables.map((t) => t.name));
    expect(new Set(names).size).toBe(names.length);
  });

  test("template sheets get their drop-downs: a long list through its source range", async () => {
    const { fake, ops } = setup();
    const names = await ops.insertTemplates([
      {
        name: "分解表",
        kind: "template",
        cells: [["指标"], [null]],
        validations: [
          { range: "A2:A20", type: "list", values: ["甲", "乙"], source: "'指标'!$B$2:$B$19", title: { zh: "指标", en: "Indicator" }, prompt: { zh: "选择", en: "Choose" }, error: { zh: "不对", en: "No" } },
          { range: "B2:B20", type: "whole", min: 0, max: 20, title: { zh: "次数", en: "Count" }, prompt: { zh: "整数", en: "Whole" }, error: { zh: "不对", en: "No" } },
        ],
      },
    ]);
    expect(names).toEqual(["分解表 (2)"]);
    const s = fake.find("分解表 (2)", true)!;
    const a = s.ranges.find((r) => r.address === "A2:A20")!.mock as unknown as { dataValidation: { rule: unknown } };
    expect(a.dataValidation.rule).toEqual({ list: { inCellDropDown: true, source: "='指标'!$B$2:$B$19" } });
    const b = s.ranges.find((r) => r.address === "B2:B20")!.mock as unknown as { dataValidation: { rule: unknown } };
    expect(b.dataValidation.rule).toEqual({ wholeNumber: { formula1: 0, formula2: 20, operator: "Between" } });
    expect(s.props.get(OWNER_KEY)).toBe("template");
    expectUntouched(fake, "分解表");
  });
});

describe("large content", () => {
  test("row blocks stay under the request limit and cover every row once", () => {
    const blocks = rowBlocks(100_001, 7);
    expect(blocks.every((b) => b.count * 7 <= MAX_CELLS_PER_BATCH)).toBe(true);
    expect(blocks.reduce((n, b) => n + b.count, 0)).toBe(100_001);
    expect(blocks[1].start).toBe(blocks[0].count);
    expect(rowBlocks(10, 5)).toEqual([{ start: 0, count: 10 }]);
  });

  test("content past the limit is written block by block, each block one sync, with a chart", async () => {
    const { fake, ops, sync } = setup();
    const rows = Math.ceil((MAX_CELLS_PER_BATCH * 1.5) / 4);
    const cells = Array.from({ length: rows }, (_, r) => [r, r * 2, r * 3, `=A${r + 1}+B${r + 1}`]);
    await ops.writeSheet({
      name: "ZG评分结果",
      kind: "score",
      cells,
      charts: [{ title: "总分", categories: { top: 1, left: 0, bottom: 5, right: 0 }, values: { top: 1, left: 3, bottom: 5, right: 3 }, at: { row: 0, col: 6 } }],
    });
    expect(sync).toHaveBeenCalledTimes(3);
    const s = fake.find("ZG评分结果", true)!;
    const written = s.ranges.map((r) => assigned(r.mock, "formulas", r.original.values)).filter((v): v is unknown[][] => Array.isArray(v));
    expect(written.map((w) => w.length)).toEqual([Math.floor(MAX_CELLS_PER_BATCH / 4), rows - Math.floor(MAX_CELLS_PER_BATCH / 4)]);
    expect(written[1][0]).toEqual([Math.floor(MAX_CELLS_PER_BATCH / 4), Math.floor(MAX_CELLS_PER_BATCH / 4) * 2, Math.floor(MAX_CELLS_PER_BATCH / 4) * 3, `=A${Math.floor(MAX_CELLS_PER_BATCH / 4) + 1}+B${Math.floor(MAX_CELLS_PER_BATCH / 4) + 1}`]);
    expect(s.charts).toBe(1);
    // Calculation is suspended again for every block.
    expect(fake.suspended.calc).toBe(2);
  });
});

describe("marks", () => {
  test("marks are conditional formats we track; the user's fill stays; clearMarks removes exactly ours", async () => {
    const { fake, user, ops, sync } = setup();
    // The user's own conditional format must survive clearMarks.
    user.cfs.push({ id: "{users-own}", address: "D3", fill: "#00FF00", font: "", formula: "=D3>0" });
    const n = await ops.markCells([
      { sheet: "分解表", addresses: ["C3", "D3", "E3", "C5"], kind: "short" },
      { sheet: "分解表", addresses: ["F4"], kind: "error" },
    ]);
    expect(n).toBe(5);
    expect(sync).toHaveBeenCalledTimes(3);
    const ours = user.cfs.filter((c) => c.id !== "{users-own}");
    expect(ours.map((c) => [c.address, c.fill, c.formula])).toEqual([
      ["C3:E3,C5", MARK_COLORS.short.fill, "=TRUE"],
      ["F4", MARK_COLORS.error.fill, "=TRUE"],
    ]);
    expect(JSON.parse(user.props.get(MARKS_KEY)!).ids).toEqual(ours.map((c) => c.id));
    expectUntouched(fake, "分解表");

    sync.mockClear();
    const removed = await ops.clearMarks();
    expect(removed).toBe(2);
    expect(sync).toHaveBeenCalledTimes(3);
    expect(user.cfs.map((c) => c.id)).toEqual(["{users-own}"]);
    expect(user.props.has(MARKS_KEY)).toBe(false);
    expect(user.fills).toEqual({ C3: "#FFFF00" });
  });

  test("clearMarks copes with a mark the user already deleted", async () => {
    const { user, ops } = setup();
    await ops.markCells([{ sheet: "分解表", addresses: ["C3"], kind: "short" }]);
    user.cfs.splice(0, user.cfs.length);
    await expect(ops.clearMarks()).resolves.toBe(0);
    expect(user.props.has(MARKS_KEY)).toBe(false);
  });

  test("marking a sheet that does not exist is an error naming it", async () => {
    const { ops } = setup();
    await expect(ops.markCells([{ sheet: "无此表", addresses: ["A1"], kind: "short" }])).rejects.toMatchObject({ code: "no-sheet", sheet: "无此表" });
  });
});

describe("the rest", () => {
  test("listSheets says which sheets are ours", async () => {
    const { ops } = setup();
    await ops.writeSheet({ name: "ZG评分结果", kind: "score", cells: [["x"]] });
    await expect(ops.listSheets()).resolves.toEqual([
      { name: "分解表", ours: false },
      { name: "ZG评分结果", ours: true, kind: "score" },
    ]);
  });

  test("readSheet reads the used range; goTo activates and selects", async () => {
    const { fake, ops, table } = setup();
    const s = await ops.readSheet("分解表");
    expect(s.cells[0][0]).toBe(table.cells[1][1]);
    await ops.goTo("分解表", "C5");
    expect(fake.selection).toBe("C5");
    expect(fake.sheets[0].activated).toBe(true);
    await expect(ops.readSheet("缺")).rejects.toMatchObject({ code: "no-sheet" });
  });

  test("language and theme come from Office", () => {
    const { ops } = setup();
    expect(ops.getDisplayLanguage()).toBe("zh-CN");
    expect(ops.getTheme()).toBe("dark");
    expect(new OfficeOps({ run: new FakeExcel().run, officeContext: { officeTheme: { bodyBackgroundColor: "#FFFFFF" } } }).getTheme()).toBe("light");
  });
});

describe("sync() calls do not grow with the table", () => {
  test.each(["getSelectionSheet", "readSheet", "writeSheet", "markCells", "clearMarks"] as const)("%s: same count on 6 and 300 rows, at most 3", async (op) => {
    const small = await countSyncs(op, 6);
    const large = await countSyncs(op, 300);
    expect(small).toBeGreaterThan(0);
    expect(small).toBeLessThanOrEqual(3);
    expect(large).toBe(small);
  });

  test("the report the benchmark prints covers every operation", async () => {
    const report = await syncReport(4, 200);
    for (const [op, { small, large }] of Object.entries(report)) {
      expect([op, large]).toEqual([op, small]);
      expect(small).toBeLessThanOrEqual(3);
    }
    expect(report.writeSheet.small).toBe(2);
  });
});
