/**
 * office.ts, operation by operation, on the office-addin-mock fake (fakeExcel.ts, which models the Excel
 * contracts office.ts relies on): what is written where and how Excel stores it, that the user's cells,
 * formats and conditional formats stay as they were, what a read does with an odd sheet, and how many
 * context.sync() calls each operation makes (the same on a small table and on one 50 times larger).
 */
import { a1 } from "../../src/core/address";
import { markFormula } from "../../src/excel/cells";
import { LIMITS } from "../../src/core/limits";
import { MAX_CELLS_PER_BATCH, mergePieces, OfficeOps, OWNER_KEY, rowBlocks } from "../../src/excel/office";
import { formula as f, MARK_COLORS, OpError, type SheetContent } from "../../src/excel/ops";
import { type FakeExcel as Fake, FakeExcel, installExcelEnums } from "./fakeExcel";
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

/** Nothing was written to the user's sheet, and no fill of it changed. */
function expectUntouched(fake: Fake, name: string) {
  const s = fake.sheets.find((x) => x.name === name)!;
  expect(fake.applied.filter((w) => w.sheet === name)).toEqual([]);
  for (const r of s.ranges) {
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
    expect(sheet.notices).toBeUndefined();
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

  // Excel API reference, Workbook.getSelectedRange: "Gets the currently selected single range from the
  // workbook. If there are multiple ranges selected, this method will throw an error."
  test("several selected ranges: the fake's getSelectedRange throws as Excel's does; the pane reads the area of the active cell and says so", async () => {
    const { fake, ops, sync } = setup();
    fake.selection = "B2:C3,E5:F6";
    fake.activeCell = "E5";
    const raw = fake.run(async (context) => {
      const r = context.workbook.getSelectedRange();
      r.load("address");
      await context.sync();
      return r.address;
    });
    await expect(raw).rejects.toMatchObject({ code: "InvalidSelection" });
    sync.mockClear();
    const sheet = await ops.getSelectionSheet();
    expect(sheet.origin).toEqual({ row: 4, col: 4 });
    expect(sheet.cells).toEqual([
      [300, 400],
      [300, 400],
    ]);
    expect(sheet.notices).toEqual([expect.objectContaining({ code: "several-ranges", sheet: "分解表", cell: "E5:F6" })]);
    expect(sheet.notices![0].zh).toContain("选中了 2 个区域");
    expect(sheet.notices![0].en).toContain("2 ranges are selected");
    expect(sync).toHaveBeenCalledTimes(2);
  });

  // "A range is limited to 5,000,000 cells for read operations" (Resource limits and performance
  // optimization for Office Add-ins); Range.cellCount "will return -1 if the cell count exceeds 2^31-1".
  test("a stray cell at XFD1048576: no read of the 17-billion-cell used range; the table is read and the far cell named", async () => {
    const { fake, user, ops, sync } = setup(30);
    user.cells[1048575] = [];
    user.cells[1048575][16383] = "备注";
    fake.selection = "C5";
    const raw = fake.run(async (context) => {
      const used = context.workbook.worksheets.getItem("分解表").getUsedRange(true);
      used.load("values,cellCount");
      await context.sync();
    });
    await expect(raw).rejects.toMatchObject({ code: "RangeExceedsLimit" });
    sync.mockClear();
    const started = Date.now();
    const sheet = await ops.getSelectionSheet();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(sheet.origin).toEqual({ row: 1, col: 1 });
    expect(sheet.cells).toHaveLength(31);
    expect(sheet.cells[0]).toEqual(["指标", "全省目标", "杭州", "宁波", "温州"]);
    expect(sheet.notices).toEqual([expect.objectContaining({ code: "far-cells", sheet: "分解表", cell: "XFD1048576" })]);
    expect(sheet.notices![0].zh).toContain("XFD1048576");
    // Used range, then its rectangles of values and formulas (two), then the table: four syncs, not millions of cells.
    expect(sync).toHaveBeenCalledTimes(4);
    const read = await ops.readSheet("分解表");
    expect(read.cells).toHaveLength(31);
    expect(read.notices?.[0].cell).toBe("XFD1048576");
  });

  test("values scattered over an enormous used range: a clear message naming the sheet and the far cell", async () => {
    const { fake, user, ops } = setup();
    // More scattered blocks than a read examines, spread down the sheet.
    for (let i = 0; i <= LIMITS.maxAreasRead; i++) (user.cells[100 + i * 2] ??= [])[i % 2 ? 0 : 2] = i;
    user.cells[1048575] = [];
    user.cells[1048575][16383] = "x";
    fake.selection = "A1";
    const e = (await ops.readSheet("分解表").catch((x: unknown) => x)) as OpError;
    expect(e).toBeInstanceOf(OpError);
    expect(e.code).toBe("too-scattered");
    expect(e.sheet).toBe("分解表");
    expect(e.cell).toBe("XFD1048576");
    expect(e.msg.zh).toContain("分解表");
    expect(e.msg.en).toContain("XFD1048576");
    expect(e.msg.zh).not.toContain("Excel 操作失败");
  }, 30_000); // the mock walks a large grid: about 3 s alone, over jest's 5 s default on a loaded machine

  // Range.getMergedAreasOrNullObject: "Note that if the merged areas count in this range is more than 512,
  // then this method will fail to return the result."
  test("more than 512 merged areas: the fake fails the whole-range request as Excel does; the pane reads them in pieces", async () => {
    const { fake, user, ops } = setup(700);
    for (let r = 2; r < 702; r++) user.merges.push({ top: r, left: 5, bottom: r, right: 6 });
    const raw = fake.run(async (context) => {
      const m = context.workbook.worksheets.getItem("分解表").getRange("A1:G702").getMergedAreasOrNullObject();
      m.load("address");
      await context.sync();
    });
    await expect(raw).rejects.toMatchObject({ code: "GeneralException" });
    const sheet = await ops.readSheet("分解表");
    expect(sheet.merges).toHaveLength(700);
    // F:G, clipped to the table read (B:F): what lies outside it is never part of what the engine sees (bounds.ts).
    expect(sheet.merges?.[0]).toEqual({ top: 1, left: 4, bottom: 1, right: 4 });
    expect(sheet.cells).toHaveLength(701);
    expect(mergePieces({ top: 0, left: 0, bottom: 999, right: 6 }).every((p) => (p.bottom - p.top + 1) * (p.right - p.left + 1) <= 512)).toBe(true);
  });
});

describe("writeSheet", () => {
  const content: SheetContent = {
    name: "ZG校核报告",
    kind: "report",
    cells: [
      ["标题"],
      ["指标", "差额", "公式"],
      ["机器人", -100, f("=B3*2")],
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
    // The Text format goes on every text cell before the values, then one array through range.formulas.
    expect(fake.applied.map((w) => [w.address, w.prop])).toEqual([
      ["A1:C3", "numberFormat"],
      ["A1:C3", "formulas"],
    ]);
    expect(fake.applied[0].value).toEqual([
      ["@", "General", "General"],
      ["@", "@", "@"],
      ["@", "#,##0", "General"],
    ]);
    expect(fake.stored(s, "C3")).toEqual({ value: "=B3*2", formula: "=B3*2" });
    expect(fake.stored(s, "A3")).toEqual({ value: "机器人", formula: null });
    expect(fake.stored(s, "B3")).toEqual({ value: -100, formula: null });
    expect(s.tables.map((t) => [t.name, t.address])).toEqual([["ZG_Check", "A2:C3"]]);
    expect(fake.suspended).toEqual({ calc: 1, screen: 1 });
    expect(sync).toHaveBeenCalledTimes(2);
    expectUntouched(fake, "分解表");
  });

  // Excel API reference, Range.values: "If the returned value starts with a plus ("+"), minus ("-"), or equal
  // sign ("="), Excel interprets this value as a formula." NumberFormatCategory (text): "Text format cells are
  // treated as text even when a number is in the cell. The cell is displayed exactly as entered."
  const hostile = ["-临平区", "+1", "@x", '=HYPERLINK("http://x"&B5)', "=1+1", "Sheet1!A1", "=分解!C3", "001", "10%"];

  test("the fake takes a written string as Excel does: without the Text format these become formulas or numbers, or fail the write", async () => {
    const fake = new FakeExcel();
    const s = fake.addSheet("草稿", []);
    const write = (v: string, format?: string) =>
      fake.run(async (context) => {
        const r = context.workbook.worksheets.getItem("草稿").getRange("A1");
        if (format) r.numberFormat = [[format]];
        r.values = [[v]];
        await context.sync();
      });
    await expect(write("-临平区")).rejects.toMatchObject({ code: "InvalidArgument" });
    await write('=HYPERLINK("http://x"&B5)');
    expect(fake.stored(s, "A1").formula).toBe('=HYPERLINK("http://x"&B5)');
    await write("+1");
    expect(fake.stored(s, "A1")).toEqual({ value: 1, formula: null });
    await write("=1+1");
    expect(fake.stored(s, "A1").formula).toBe("=1+1");
    for (const v of hostile) {
      await write(v, "@");
      expect([v, fake.stored(s, "A1")]).toEqual([v, { value: v, formula: null }]);
    }
  });

  test("user text lands as the same text, formulas only where our code built them", async () => {
    const { fake, ops } = setup();
    await ops.writeSheet({ name: "ZG评分结果", kind: "score", cells: [hostile, hostile.map(() => f("=1+1"))] });
    const s = fake.find("ZG评分结果", true)!;
    hostile.forEach((v, c) => {
      expect([v, fake.stored(s, a1(0, c))]).toEqual([v, { value: v, formula: null }]);
      expect(fake.stored(s, a1(1, c)).formula).toBe("=1+1");
    });
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

  test("one of ours is replaced only when the user confirms: written whole under a temporary name, then swapped in", async () => {
    const { fake, ops, sync } = setup();
    await ops.writeSheet(content);
    sync.mockClear();
    const no = await ops.writeSheet(content, { confirmReplace: async () => false });
    expect(no).toEqual({ sheet: "ZG校核报告 (2)", replaced: false });
    expect(sync).toHaveBeenCalledTimes(3);
    const firstOurs = fake.sheets.find((s) => s.name === "ZG校核报告")!;
    expect(firstOurs.deleted).toBe(false);
    const asked: string[] = [];
    sync.mockClear();
    const yes = await ops.writeSheet(content, { confirmReplace: async (n) => (asked.push(n), true) });
    expect(asked).toEqual(["ZG校核报告"]);
    expect(yes).toEqual({ sheet: "ZG校核报告", replaced: true });
    // Names, ownership, the write under a temporary name, the swap.
    expect(sync).toHaveBeenCalledTimes(4);
    expect(firstOurs.deleted).toBe(true);
    expect(fake.live().filter((s) => s.name === "ZG校核报告")).toHaveLength(1);
    expect(fake.live().some((s) => s.name.includes("~"))).toBe(false);
    const fresh = fake.find("ZG校核报告", true)!;
    expect(fresh.activated).toBe(true);
    // The new sheet's table takes back the name the old one held; table names stay unique.
    expect(fresh.tables.map((t) => t.name)).toEqual(["ZG_Check"]);
    const names = fake.live().flatMap((s) => s.tables.map((t) => t.name));
    expect(new Set(names).size).toBe(names.length);
  });

  test("a replacement that fails part-way keeps the old sheet and leaves no half-written one", async () => {
    const { fake, ops } = setup();
    const big: SheetContent = { name: "ZG评分结果", kind: "score", cells: Array.from({ length: Math.ceil((MAX_CELLS_PER_BATCH * 2.5) / 4) }, (_, r) => [r, r, r, `县${r}`]) };
    await ops.writeSheet(big);
    const old = fake.find("ZG评分结果", true)!;
    const before = JSON.stringify(old.cells);
    fake.failWriteAfter(1);
    const e = (await ops.writeSheet(big, { confirmReplace: async () => true }).catch((x: unknown) => x)) as OpError;
    expect(e).toBeInstanceOf(OpError);
    expect(e.sheet).toBe("ZG评分结果");
    expect(e.msg.zh).toContain("原来的“ZG评分结果”保持不变");
    expect(e.msg.en).toContain("unchanged");
    expect(old.deleted).toBe(false);
    expect(JSON.stringify(old.cells)).toBe(before);
    expect(fake.live().map((s) => s.name)).toEqual(["分解表", "ZG评分结果"]);
  });

  test("a first write that fails part-way leaves no partial sheet", async () => {
    const { fake, ops } = setup();
    fake.failWriteAfter(0);
    await expect(ops.writeSheet(content)).rejects.toMatchObject({ sheet: "ZG校核报告" });
    expect(fake.live().map((s) => s.name)).toEqual(["分解表"]);
    fake.failWriteAfter(0);
    await expect(ops.insertTemplates([content, { ...content, name: "模板2" }])).rejects.toBeInstanceOf(OpError);
    expect(fake.live().map((s) => s.name)).toEqual(["分解表"]);
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
    const cells = Array.from({ length: rows }, (_, r) => [r, r * 2, r * 3, f(`=A${r + 1}+B${r + 1}`)]);
    await ops.writeSheet({
      name: "ZG评分结果",
      kind: "score",
      cells,
      charts: [{ title: "总分", categories: { top: 1, left: 0, bottom: 5, right: 0 }, values: { top: 1, left: 3, bottom: 5, right: 3 }, at: { row: 0, col: 6 } }],
    });
    expect(sync).toHaveBeenCalledTimes(3);
    const s = fake.find("ZG评分结果", true)!;
    const written = fake.applied.filter((w) => w.prop === "formulas").map((w) => w.value as unknown[][]);
    const per = Math.floor(MAX_CELLS_PER_BATCH / 4);
    expect(written.map((w) => w.length)).toEqual([per, rows - per]);
    expect(written[1][0]).toEqual([per, per * 2, per * 3, `=A${per + 1}+B${per + 1}`]);
    expect(fake.stored(s, a1(per, 3)).formula).toBe(`=A${per + 1}+B${per + 1}`);
    expect(s.charts).toBe(1);
    // Calculation is suspended again for every block.
    expect(fake.suspended.calc).toBe(2);
  });
});

describe("marks", () => {
  // Excel API reference, ConditionalFormat.id: "The priority of the conditional format in the current
  // ConditionalFormatCollection." ConditionalFormatCollection.add: "Adds a new conditional format to the
  // collection at the first/top priority."
  test("the fake models ids as priorities: an id kept from before names another format once the user adds one", async () => {
    const { fake, user } = setup();
    const keptId = await fake.run(async (context) => {
      const cf = context.workbook.worksheets.getItem("分解表").getRanges("C3").conditionalFormats.add(Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = "=TRUE";
      await context.sync();
      const all = context.workbook.worksheets.getItem("分解表").getRange().conditionalFormats;
      all.load("items/id");
      await context.sync();
      return all.items[0].id;
    });
    expect(keptId).toBe("0");
    fake.addUserCF(user, { type: "CellValue", address: "D3", fill: "#00FF00" });
    // What the old clearMarks did: delete whatever now has the kept id — the user's format.
    await fake.run(async (context) => {
      const all = context.workbook.worksheets.getItem("分解表").getRange().conditionalFormats;
      all.load("items/id");
      await context.sync();
      all.items.find((cf) => cf.id === keptId)!.delete();
      await context.sync();
    });
    expect(user.cfs.map((c) => c.type)).toEqual(["Custom"]);
  });

  test("marks carry our signature; clearMarks removes exactly ours, on every sheet, whatever the user added before and after", async () => {
    const { fake, user, ops, sync } = setup();
    const other = fake.addSheet("另一表", [["a", 1]]);
    // The user's own formats before marking: a custom one merely mentioning our signature, a colour scale.
    fake.addUserCF(user, { type: "Custom", address: "D3", formula: '=ISNUMBER(SEARCH("ZG.mark",D3))', fill: "#00FF00" });
    fake.addUserCF(user, { type: "ColorScale", address: "C3:C8" });
    const n = await ops.markCells([
      { sheet: "分解表", addresses: ["C3", "D3", "E3", "C5"], kind: "short" },
      { sheet: "分解表", addresses: ["F4"], kind: "error" },
    ]);
    expect(n).toBe(5);
    expect(sync).toHaveBeenCalledTimes(2);
    await ops.markCells([{ sheet: "另一表", addresses: ["B1"], kind: "warning" }]);
    const ours = user.cfs.filter((c) => c.formula.includes('"ZG.mark:'));
    expect(ours.map((c) => [c.address, c.fill, c.formula])).toEqual([
      ["F4", MARK_COLORS.error.fill, markFormula("error")],
      ["C3:E3,C5", MARK_COLORS.short.fill, markFormula("short")],
    ]);
    // ...and after marking: a cell-value rule, and a custom rule spelled like ours but not ours.
    fake.addUserCF(user, { type: "CellValue", address: "E4", fill: "#0000FF" });
    fake.addUserCF(user, { type: "Custom", address: "E5", formula: '=N("ZG.mark:short")=1' });
    fake.addUserCF(other, { type: "Custom", address: "A1", formula: '=A1="ZG.mark:short"' });
    const theirs = [...user.cfs, ...other.cfs].filter((c) => !ours.includes(c) && !c.formula.startsWith('=N("ZG.mark:warning")'));
    expectUntouched(fake, "分解表");

    sync.mockClear();
    const removed = await ops.clearMarks();
    expect(removed).toBe(3);
    // The sheets; the formats' types; the custom rules; the deletes.
    expect(sync).toHaveBeenCalledTimes(4);
    expect([...user.cfs, ...other.cfs]).toEqual(theirs);
    expect(user.cfs.map((c) => c.type)).toEqual(["Custom", "CellValue", "ColorScale", "Custom"]);
    expect(user.fills).toEqual({ C3: "#FFFF00" });
    await expect(ops.clearMarks()).resolves.toBe(0);
  });

  test("Excel may give our rule back in its own spelling; it is still ours", async () => {
    const { user, ops } = setup();
    await ops.markCells([{ sheet: "分解表", addresses: ["C3"], kind: "short" }]);
    user.cfs[0] = { ...user.cfs[0], formula: '= n( "ZG.mark:short" ) = 0' };
    await expect(ops.clearMarks()).resolves.toBe(1);
    expect(user.cfs).toEqual([]);
  });

  test("clearMarks copes with a mark the user already deleted", async () => {
    const { user, ops } = setup();
    await ops.markCells([{ sheet: "分解表", addresses: ["C3"], kind: "short" }]);
    user.cfs.splice(0, user.cfs.length);
    await expect(ops.clearMarks()).resolves.toBe(0);
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
  test.each(["getSelectionSheet", "readSheet", "writeSheet", "replaceSheet", "markCells", "clearMarks", "insertTemplates"] as const)("%s: same count on 6 and 300 rows, at most 4", async (op) => {
    const small = await countSyncs(op, 6);
    const large = await countSyncs(op, 300);
    expect(small).toBeGreaterThan(0);
    expect(small).toBeLessThanOrEqual(4);
    expect(large).toBe(small);
  });

  test("the report the benchmark prints covers every operation", async () => {
    const report = await syncReport(4, 200);
    for (const [op, { small, large }] of Object.entries(report)) {
      expect([op, large]).toEqual([op, small]);
      expect(small).toBeLessThanOrEqual(4);
    }
    expect(report.writeSheet.small).toBe(2);
    expect(report.markCells.small).toBe(2);
    expect(report.clearMarks.small).toBe(4);
    expect(report.replaceSheet.small).toBe(4);
  });
});
