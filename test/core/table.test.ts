/** rules.md §2 and cli.md: finding a decomposition table however it is laid out, and checking the sheet. */
import { checkSheet, findDecompositionTable, findFirstTable } from "../../src/core/table";
import { cityDecompositionTemplate, selfAssessmentTemplate } from "../../src/core/templates";
import type { CellValue, SheetData } from "../../src/core/types";

const _ = null;

/** Child units as rows, indicators as columns, a 全市目标 row and a 合计 row, a title above and a note below. */
function transposed(): SheetData {
  return {
    name: "县级分解",
    cells: [
      ["杭州市2020年传统制造业改造提升指标分解表", _, _, _],
      ["县（市、区）", "新增工业机器人", "研发费用支出增长", "并购重组交易金额"],
      ["全市目标", "1300台", "10%以上", "104.2亿元"],
      ["淳安县", "300台", "10%", "30亿元"],
      ["建德市", "500台", "9%", "40亿元"],
      ["桐庐县", "500台", "12%", "34.2亿元"],
      ["合计", "1300台", _, "100亿元"],
      ["注：增长率指标为同比增长。", _, _, _],
    ],
    merges: [{ top: 0, left: 0, bottom: 0, right: 3 }],
  };
}

describe("child units as rows, indicators as columns", () => {
  const sheet = transposed();
  const table = findDecompositionTable(sheet)!;
  const check = checkSheet(sheet);

  test("is found transposed, with the 全市目标 row as parent and the 合计 row as totals", () => {
    expect(table.orientation).toBe("indicatorColumns");
    expect(table.childNames).toEqual(["淳安县", "建德市", "桐庐县"]);
    expect(table.indicators.map((i) => i.indicator)).toEqual(["新增工业机器人", "研发费用支出增长", "并购重组交易金额"]);
    const robots = table.indicators[0];
    expect(robots.parentAt).toEqual({ sheet: "县级分解", cell: "B3" });
    expect(robots.children[1]).toMatchObject({ name: "建德市", cell: "500台", at: { sheet: "县级分解", cell: "B5" } });
    expect(robots.totals).toEqual([{ name: "合计", cell: "1300台", at: { sheet: "县级分解", cell: "B7" }, format: null }]);
    expect(table.region).toEqual({ top: 1, left: 0, bottom: 6, right: 3 });
  });

  test("verdicts: robots add up, the rate lists 建德市, the amount adds up but its 合计 is wrong", () => {
    expect(check.results.map((r) => [r.kind, r.parent, r.childrenTotal, r.gap, r.status])).toEqual([
      ["total", 1300, 1300, 0, "ok"],
      ["rate", 0.1, null, null, "short"],
      ["total", 10420000000, 10420000000, 0, "ok"],
    ]);
    expect(check.results[1].short).toEqual(["建德市"]);
    const warning = check.issues.find((i) => i.code === "total-mismatch")!;
    expect(warning).toMatchObject({ severity: "warning", sheet: "县级分解", cell: "D7" });
    expect(check.issues).toHaveLength(1);
  });

  test("the same layout with names the reference does not know is still read transposed", () => {
    const renamed: SheetData = {
      ...sheet,
      cells: sheet.cells.map((row, r) => (r >= 3 && r <= 5 ? [["甲片区", "乙片区", "丙片区"][r - 3], ...row.slice(1)] : row)),
    };
    const t = findDecompositionTable(renamed)!;
    expect(t.orientation).toBe("indicatorColumns");
    expect(t.childNames).toEqual(["甲片区", "乙片区", "丙片区"]);
  });

  test("the orientation can be forced; read the wrong way the county lines have no parent target, so no table", () => {
    expect(findDecompositionTable(sheet, { orientation: "indicatorRows" })).toBeNull();
    expect(findDecompositionTable(sheet, { orientation: "indicatorColumns" })).toEqual(table);
  });
});

/**
 * Indicators as rows under a merged two-row header with 序号, 单位, 全市目标, 合计 and 牵头单位 columns, unknown
 * county names, percent number formats, a section row, empty rows and notes; the used range starts at B3.
 */
function cityTable(): SheetData {
  const cells: CellValue[][] = [
    ["某市2020年关键性量化指标分解表", _, _, _, _, _, _, _, _],
    [_, _, _, _, _, _, _, _, _],
    ["序号", "关键性量化指标", "单位", "全市目标", "各县（市、区）年度目标任务", _, _, "合计", "牵头单位"],
    [_, _, _, _, "东城区", "西城区", "南湖新区", _, _],
    [1, "新增工业机器人", "台", 1000, 400, 350, 250, 1000, "市经信局"],
    [2, "研发费用支出增长", "%", "10%以上", 0.1, 0.12, 0.08, _, "市科技局"],
    [_, _, _, _, _, _, _, _, _],
    [_, "二、绿色发展", _, _, _, _, _, _, _],
    [3, "腾出用能", "万吨标准煤", 5, 2, 2, 0.5, 5, "市发改委"],
    [4, "建设提升小微企业园", "个", 10, 5, "待定", 5, 10, "市经信局"],
    ["注：1. 增长率指标为同比增长。", _, _, _, _, _, _, _, _],
    ["注：2. 腾出用能以万吨标准煤计。", _, _, _, _, _, _, _, _],
  ];
  const numberFormats = cells.map((row, r) => row.map((_c, c) => (r === 5 && c >= 4 && c <= 6 ? "0.0%" : "General")));
  return {
    name: "市级分解",
    cells,
    origin: { row: 2, col: 1 },
    numberFormats,
    merges: [
      { top: 0, left: 0, bottom: 0, right: 8 },
      { top: 2, left: 0, bottom: 3, right: 0 },
      { top: 2, left: 1, bottom: 3, right: 1 },
      { top: 2, left: 2, bottom: 3, right: 2 },
      { top: 2, left: 3, bottom: 3, right: 3 },
      { top: 2, left: 4, bottom: 2, right: 6 },
      { top: 2, left: 7, bottom: 3, right: 7 },
      { top: 2, left: 8, bottom: 3, right: 8 },
    ],
  };
}

describe("indicators as rows with every kind of extra line and column", () => {
  const sheet = cityTable();
  const table = findDecompositionTable(sheet)!;
  const check = checkSheet(sheet);

  test("children come from the second header row; 序号, 单位, 全市目标, 合计 and 牵头单位 are not children", () => {
    expect(table.orientation).toBe("indicatorRows");
    expect(table.childNames).toEqual(["东城区", "西城区", "南湖新区"]);
    // The title, the empty row, the section row 二、绿色发展 and the notes are not indicators.
    expect(table.indicators.map((i) => i.indicator)).toEqual(["新增工业机器人", "研发费用支出增长", "腾出用能", "建设提升小微企业园"]);
    // On the sheet (origin B3 added), as the cell references are: B5:J12.
    expect(table.region).toEqual({ top: 4, left: 1, bottom: 11, right: 9 });
  });

  test("cell references count from the used range's origin (B3)", () => {
    const robots = table.indicators[0];
    expect(robots.at).toEqual({ sheet: "市级分解", cell: "C7" });
    expect(robots.parentAt).toEqual({ sheet: "市级分解", cell: "E7" });
    expect(robots.children.map((c) => c.at!.cell)).toEqual(["F7", "G7", "H7"]);
    expect(robots.totals![0].at).toEqual({ sheet: "市级分解", cell: "I7" });
    expect(robots.unit).toBe("台");
  });

  test("verdicts: the 单位 column gives bare numbers their unit, percent formats make rates", () => {
    expect(check.results.map((r) => [r.kind, r.unit, r.parent, r.childrenTotal, r.gap, r.status])).toEqual([
      ["total", "台", 1000, 1000, 0, "ok"],
      ["rate", "%", 0.1, null, null, "short"],
      ["total", "吨", 50000, 45000, -5000, "short"],
      ["total", "个", 10, null, null, "unchecked"],
    ]);
    expect(check.results[1].short).toEqual(["南湖新区"]);
  });

  test("a wrong 合计 is a warning at its cell; an unreadable child is an error at its cell, shifted by the origin", () => {
    const mismatch = check.issues.find((i) => i.code === "total-mismatch")!;
    expect(mismatch).toMatchObject({ severity: "warning", sheet: "市级分解", cell: "I11" });
    const unreadable = check.issues.find((i) => i.severity === "error")!;
    expect(unreadable).toMatchObject({ sheet: "市级分解", cell: "G12" });
    expect(unreadable.zh).toContain("工作表“市级分解”G12 单元格");
    expect(unreadable.en).toContain("市级分解!G12");
    expect(check.results[3].reason!.zh).toContain("西城区");
  });

  test("a child column holding only unreadable cells still counts as a child", () => {
    const cells = sheet.cells.map((row) => [...row]);
    for (const r of [4, 5, 8, 9]) cells[r][5] = "待定";
    const t = findDecompositionTable({ ...sheet, cells })!;
    expect(t.childNames).toEqual(["东城区", "西城区", "南湖新区"]);
    expect(checkSheet({ ...sheet, cells }).results.every((r) => r.status === "unchecked")).toBe(true);
  });
});

describe("plain tables", () => {
  test("a one-row header without merges, a child column without a name is called by its column", () => {
    const sheet: SheetData = {
      name: "Sheet1",
      cells: [
        ["指标", "甲", "乙", _],
        ["新增工业机器人100台", "50台", "30台", "20台"],
        ["培育企业10家", "5家", "3家", "1家"],
      ],
    };
    const check = checkSheet(sheet);
    expect(check.table!.childNames).toEqual(["甲", "乙", "D"]);
    expect(check.issues.find((i) => i.code === "child-unnamed")).toMatchObject({ sheet: "Sheet1", cell: "D1" });
    expect(check.results.map((r) => [r.childrenTotal, r.gap, r.status])).toEqual([
      [100, 0, "ok"],
      [9, -1, "short"],
    ]);
  });

  test("an unnamed child row of a transposed table with an origin is called by its sheet row", () => {
    const sheet: SheetData = {
      name: "Sheet2",
      origin: { row: 9, col: 3 },
      cells: [
        ["单位", "新增工业机器人100台", "培育企业10家"],
        ["甲", "50台", "5家"],
        [_, "50台", "5家"],
      ],
    };
    const c = checkSheet(sheet);
    expect(c.table!.orientation).toBe("indicatorColumns");
    expect(c.table!.childNames).toEqual(["甲", "12"]);
    expect(c.issues.find((i) => i.code === "child-unnamed")).toMatchObject({ cell: "D12" });
    expect(c.results.map((r) => r.status)).toEqual(["ok", "ok"]);
  });

  test("a row whose child cells are all empty is not an indicator", () => {
    const sheet: SheetData = {
      name: "Sheet1",
      cells: [
        ["指标", "甲", "乙"],
        ["新增工业机器人100台", "50台", "50台"],
        ["待分解指标200个", _, _],
      ],
    };
    expect(findDecompositionTable(sheet)!.indicators).toHaveLength(1);
  });
});

describe("sheets without a table", () => {
  const notes: SheetData = { name: "说明", cells: [["填表说明"], ["注：请按县（市、区）填写。"], [_]] };
  const empty: SheetData = { name: "空表", cells: [] };

  test("no table: null, and checkSheet says so naming the sheet in both languages", () => {
    expect(findDecompositionTable(notes)).toBeNull();
    expect(findDecompositionTable(empty)).toBeNull();
    const c = checkSheet(notes);
    expect(c.table).toBeNull();
    expect(c.results).toEqual([]);
    expect(c.issues).toHaveLength(1);
    expect(c.issues[0]).toMatchObject({ code: "no-table", sheet: "说明" });
    expect(c.issues[0].zh).toContain("工作表“说明”");
    expect(c.issues[0].zh).toContain("没有找到指标分解表");
    expect(c.issues[0].en).toMatch(/no decomposition table/);
  });

  test("a city's decomposition template not yet filled in: no table, and the issue says which cells to fill", () => {
    const t = cityDecompositionTemplate("衢州")!;
    const blank: SheetData = { name: t.name, cells: t.cells, merges: t.merges, numberFormats: t.numberFormats };
    const c = checkSheet(blank);
    expect(c.table).toBeNull();
    const unfilled = c.issues.find((i) => i.code === "children-empty");
    expect(unfilled).toMatchObject({ severity: "error", sheet: t.name, cell: "E3" });
    // 衢州's six counties, from the first indicator to the last (row 20), nothing beyond the county columns.
    expect(unfilled!.zh).toContain("柯城区、衢江区、常山县 等 6 个");
    expect(unfilled!.zh).toContain("E3:J20");
    expect(unfilled!.en).toContain("fill in E3:J20");
    // Two counties' figures filled in and the table is found: the note is only for a table with no child value at all.
    const cells = t.cells.map((row) => [...row]);
    cells[2][4] = "10%";
    cells[2][5] = "11%";
    expect(checkSheet({ ...blank, cells }).table).not.toBeNull();
    expect(checkSheet({ ...blank, cells }).issues.some((i) => i.code === "children-empty")).toBe(false);
  });

  test("a sheet of prose or a list is no template: no children-empty note", () => {
    expect(checkSheet(notes).issues.map((i) => i.code)).toEqual(["no-table"]);
  });

  test("findFirstTable skips sheets without one, and gives null when none has one", () => {
    const found = findFirstTable([empty, notes, transposed(), cityTable()]);
    expect(found!.sheet).toBe("县级分解");
    expect(found!.results).toHaveLength(3);
    expect(findFirstTable([empty, notes])).toBeNull();
  });
});

describe("sheets that hold numbers but are not allocations", () => {
  test("a completion list (one 目标 and one 完成 per line) is not a decomposition table", () => {
    const sheet: SheetData = {
      name: "完成情况",
      cells: [
        ["设区市", "县（市、区）", "指标", "目标", "完成"],
        ["杭州市", "淳安县", "新增工业机器人", "120台", "130台"],
        ["杭州市", "淳安县", "研发费用支出增长", "10%", "12%"],
        ["杭州市", "建德市", "新增工业机器人", "100台", "90台"],
      ],
    };
    expect(findDecompositionTable(sheet)).toBeNull();
  });

  test("a county list with yes/no and count columns has no parent target, so no table", () => {
    const sheet: SheetData = {
      name: "县",
      cells: [
        ["县（市、区）", "设区市", "实施方案", "配套政策", "批示或典型发言"],
        ["淳安县", "杭州市", 1, 0, 2],
        ["建德市", "杭州市", 1, 1, 0],
        ["永嘉县", "温州市", 0, 1, 1],
      ],
    };
    expect(findDecompositionTable(sheet)).toBeNull();
  });

  test("the self-assessment template holds no decomposition table", () => {
    const sheets = selfAssessmentTemplate().sheets.map((s) => ({ name: s.name, cells: s.cells, merges: s.merges, numberFormats: s.numberFormats }));
    expect(findFirstTable(sheets)).toBeNull();
  });
});

test("a large sheet is found and checked quickly (2000 indicators × 30 units)", () => {
  const names = Array.from({ length: 30 }, (_v, j) => `单位${j + 1}`);
  const cells: CellValue[][] = [["指标", ...names]];
  for (let i = 0; i < 2000; i++) cells.push([`指标${i + 1}目标300台`, ...names.map((_n, j) => `${10 + (j % 3)}台`)]);
  const t0 = Date.now();
  const c = checkSheet({ name: "大表", cells });
  const ms = Date.now() - t0;
  expect(c.results).toHaveLength(2000);
  // Σ = 10 × (10 + 11 + 12) = 330 台 per indicator.
  expect(c.results[1999]).toMatchObject({ childrenTotal: 330, gap: 30, status: "ok" });
  expect(ms).toBeLessThan(15000);
});

test.each([
  ["全省目标", "全省合计", "备注"],
  ["全市目标", "小计", "牵头单位"],
  ["目标任务", "总计", "责任单位"],
  ["2020年目标", "合计", "省级牵头\n\n单位"],
  ["年度目标", "合计", "序号"],
  ["全省", "全市合计", "说明"],
])("a parent line headed %s, a totals line headed %s and a %s line are recognised", (parentHead, totalHead, otherHead) => {
  const sheet: SheetData = {
    name: "表",
    cells: [
      ["指标", parentHead, "甲市", "乙市", totalHead, otherHead],
      ["新增工业机器人", "100台", "60台", "30台", "90台", 7],
    ],
  };
  const c = checkSheet(sheet);
  expect(c.table!.childNames).toEqual(["甲市", "乙市"]);
  expect(c.results[0]).toMatchObject({ parent: 100, childrenTotal: 90, gap: -10, status: "short" });
  expect(c.issues).toEqual([]);
});

test("a second table below (its own header repeated) is not read with the first table's children", () => {
  const sheet: SheetData = {
    name: "两张表",
    cells: [
      ["指标", "甲市", "乙市"],
      ["新增工业机器人100台", "60台", "40台"],
      [_, _, _],
      ["指标", "丙市", "丁市"],
      ["培育企业10家", "5家", "5家"],
    ],
  };
  const t = findDecompositionTable(sheet)!;
  expect(t.childNames).toEqual(["甲市", "乙市"]);
  expect(t.indicators.map((i) => i.indicator)).toEqual(["新增工业机器人100台"]);
  expect(t.region).toEqual({ top: 0, left: 0, bottom: 1, right: 2 });
});

test("a base-year stock column is used for 累计 indicators only, and last year's figures are never children", () => {
  const sheet: SheetData = {
    name: "累计",
    cells: [
      ["指标", "2019年底累计", "2019年完成", "甲市", "乙市"],
      ["全省累计上云企业40万家（下达任务数为当年新增数）", "36万家", "3万家", "2万家", "2万家"],
      ["全省盘活存量建设用地10万亩", "8万亩", "9万亩", "6万亩", "4万亩"],
    ],
  };
  const c = checkSheet(sheet);
  expect(c.table!.childNames).toEqual(["甲市", "乙市"]);
  expect(c.table!.indicators[0].base).toBe(360000);
  expect(c.table!.indicators[1].base).toBeUndefined();
  expect(c.results.map((r) => [r.kind, r.childrenTotal, r.gap, r.status])).toEqual([
    ["cumulative", 40000, 0, "ok"],
    ["total", 100000, 0, "ok"],
  ]);
  // The caller's base wins over the sheet's.
  const given = checkSheet(sheet, { base: { "全省累计上云企业40万家(下达任务数为当年新增数)": 350000 } });
  expect(given.results[0]).toMatchObject({ gap: -10000, status: "short" });
});

test("a 序号 column written as text （一）、（二） is not taken for the labels", () => {
  const sheet: SheetData = {
    name: "序号",
    cells: [
      ["序号", "指标", "甲市", "乙市"],
      ["（一）", "新增工业机器人100台", "60台", "40台"],
      ["（二）", "培育企业10家", "5家", "5家"],
    ],
  };
  const t = findDecompositionTable(sheet)!;
  expect(t.indicators.map((i) => i.indicator)).toEqual(["新增工业机器人100台", "培育企业10家"]);
  expect(t.childNames).toEqual(["甲市", "乙市"]);
});

test("a parent cell shown in a percent number format makes the line a rate, its bare children fractions", () => {
  const sheet: SheetData = {
    name: "格式",
    cells: [
      ["指标", "全市目标", "甲县", "乙县"],
      ["研发费用支出增长", 0.1, 0.12, 0.09],
    ],
    numberFormats: [
      [null, null, null, null],
      [null, "0%", null, null],
    ],
  };
  expect(checkSheet(sheet).results[0]).toMatchObject({ kind: "rate", parent: 0.1, status: "short", short: ["乙县"] });
});

describe("an unreadable value is reported in the first and the last child as in any other", () => {
  const sheet = (row: number, value: string): SheetData => {
    const cells: CellValue[][] = [
      ["县（市、区）", "研发费用支出增长"],
      ["全市目标", "10%以上"],
      ["淳安县", "10%"],
      ["建德市", "12%"],
      ["桐庐县", "11%"],
    ];
    cells[row][1] = value;
    return { name: "县级分解", cells, merges: [] };
  };
  test.each([
    [2, "待定"],
    [3, "待定"],
    [4, "待定"],
    [4, "未完成"],
    [2, "abc"],
    [4, "abc"],
  ])("row %i holding %s: an error naming its cell, never a verdict without it", (row, value) => {
    const check = checkSheet(sheet(row, value));
    expect(check.issues.map((i) => [i.severity, i.cell])).toEqual([["error", `B${row + 1}`]]);
  });
});
