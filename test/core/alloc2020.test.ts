/**
 * The whole 2020 table of 浙转升办〔2020〕9号 附件, laid out as the document prints it (title rows, a merged
 * two-row header, every cell with its line breaks), found and checked end to end. The expected figures
 * were added up by hand from the document, not taken from the engine.
 */
import { checkSheet, findDecompositionTable } from "../../src/core/table";
import { ALLOCATION_2020, CITY_IDS, INDICATORS_2020 } from "../../src/core/reference";
import { DECOMPOSITION_LAYOUT_2020, decompositionTable2020 } from "../../src/core/templates";
import type { CellValue, CheckResult, SheetData } from "../../src/core/types";

const LEADS = [
  "省科技厅", "省经信厅", "省经信厅", "省经信厅", "省经信厅", "省经信厅", "省经信厅", "省市场监督\n\n管理局", "省市场监督\n\n管理局",
  "省地方金融\n\n监管局", "省经信厅", "省经信厅", "省科技厅", "省生态环境厅", "省经信厅", "省经信厅", "省发展改革委（省能源局）", "省自然资源厅",
];

function sheet2020(): SheetData {
  const width = 14; // 序号, 指标, 11 cities, 牵头单位
  const blank = (): CellValue[] => Array.from({ length: width }, () => null);
  const title1 = blank();
  title1[0] = "附件";
  const title2 = blank();
  title2[0] = "加快传统制造业改造提升行动计划";
  const title3 = blank();
  title3[0] = "2020年关键性量化指标责任分解方案";
  const head1 = blank();
  head1[0] = "序号";
  head1[1] = "关键性量化指标";
  head1[2] = "各设区市年度目标任务";
  head1[13] = "省级牵头\n\n单位";
  const head2 = blank();
  CITY_IDS.forEach((c, i) => (head2[2 + i] = c));
  const rows = INDICATORS_2020.map((ind, k) => [ind.no, ind.name, ...ALLOCATION_2020[k], LEADS[k]] as CellValue[]);
  return {
    name: "2020年分解方案",
    cells: [title1, title2, title3, head1, head2, ...rows],
    merges: [
      { top: 0, left: 0, bottom: 0, right: 13 },
      { top: 1, left: 0, bottom: 1, right: 13 },
      { top: 2, left: 0, bottom: 2, right: 13 },
      { top: 3, left: 0, bottom: 4, right: 0 },
      { top: 3, left: 1, bottom: 4, right: 1 },
      { top: 3, left: 2, bottom: 3, right: 12 },
      { top: 3, left: 13, bottom: 4, right: 13 },
    ],
  };
}

type Expect = [kind: CheckResult["kind"], unit: string, parent: number, childrenTotal: number | null, gap: number | null, status: CheckResult["status"]];

// By hand from 9号: e.g. robots 1300+1450+1000+1050+1330+1200+950+280+220+1000+220 = 10000 台.
const EXPECTED: Record<number, Expect> = {
  1: ["rate", "%", 0.1, null, null, "ok"],
  2: ["rate", "%", 0.1, null, null, "ok"],
  3: ["rate", "%", 0.07, null, null, "ok"],
  4: ["rate", "%", 0.6, null, null, "ok"],
  5: ["rate", "%", 0.45, null, null, "ok"],
  6: ["total", "台", 10000, 10000, 0, "ok"],
  7: ["cumulative", "家", 400000, 32000, null, "unchecked"],
  8: ["total", "个", 200, 200, 0, "ok"],
  9: ["total", "家", 150, 150, 0, "ok"],
  10: ["total", "元", 30000000000, 30000000000, 0, "ok"],
  11: ["total", "家", 1000, 1000, 0, "ok"],
  12: ["total", "个", 200, 200, 0, "ok"],
  13: ["total", "家", 300, 306, 6, "ok"],
  14: ["total", "个", 700, 700, 0, "ok"],
  15: ["total", "家", 1000, 1000, 0, "ok"],
  16: ["total", "家", 10000, 10000, 0, "ok"],
  17: ["total", "吨", 1000000, 1041400, 41400, "ok"],
  18: ["total", "亩", 100000, 100000, 0, "ok"],
};

/** The same table twice: as laid out here from the seed text, and as templates.ts writes it for officials. */
const LAYOUTS: [string, () => SheetData, { region: object; robotsRow: number }][] = [
  ["as printed in 9号 (three title rows)", sheet2020, { region: { top: 3, left: 0, bottom: 22, right: 13 }, robotsRow: 11 }],
  [
    "as templates.ts writes it (title, header, note)",
    () => {
      const t = decompositionTable2020();
      return { name: t.name, cells: t.cells, merges: t.merges, numberFormats: t.numberFormats };
    },
    { region: { top: 1, left: 0, bottom: DECOMPOSITION_LAYOUT_2020.noteRow - 1, right: 13 }, robotsRow: DECOMPOSITION_LAYOUT_2020.firstIndicatorRow + 6 },
  ],
];

describe.each(LAYOUTS)("9号 2020 decomposition table, end to end, %s", (_name, make, where) => {
  const sheet = make();
  const check = checkSheet(sheet);

  test("the table is found as printed: indicators as rows, the 11 cities as children", () => {
    const t = findDecompositionTable(sheet);
    expect(t).not.toBeNull();
    expect(t!.orientation).toBe("indicatorRows");
    expect(t!.childNames).toEqual(["杭州", "宁波", "温州", "湖州", "嘉兴", "绍兴", "金华", "衢州", "舟山", "台州", "丽水"]);
    expect(t!.indicators).toHaveLength(18);
    // From the header block to the last indicator, 序号 to 省级牵头单位; titles and notes outside.
    expect(t!.region).toEqual(where.region);
    // The robots row is the sixth indicator; 杭州 is column C, the label column B.
    expect(t!.indicators[5].children[0].at).toEqual({ sheet: sheet.name, cell: `C${where.robotsRow}` });
    expect(t!.indicators[5].at).toEqual({ sheet: sheet.name, cell: `B${where.robotsRow}` });
  });

  test("18 results in table order, labels with white space removed", () => {
    expect(check.results.map((r) => r.indicator)).toEqual(INDICATORS_2020.map((i) => i.name));
  });

  test.each(Object.entries(EXPECTED))("indicator %s: kind, unit, parent, children total, gap, status", (no, [kind, unit, parent, total, gap, status]) => {
    const r = check.results[Number(no) - 1];
    expect({ kind: r.kind, unit: r.unit, parent: r.parent, childrenTotal: r.childrenTotal, gap: r.gap, status: r.status }).toEqual({
      kind,
      unit,
      parent,
      childrenTotal: total,
      gap,
      status,
    });
  });

  test("并购重组: 104.2 + 52 + … + 0.5 亿元 is exactly 300 亿元 (no binary-rounding shortfall)", () => {
    const r = check.results[9];
    expect(r.childrenTotal).toBe(3e10);
    expect(r.gap).toBe(0);
    expect(r.children[0]).toMatchObject({ name: "杭州", value: 10420000000 });
  });

  test("腾出用能: 104.14 万吨 against 100 万吨标准煤 is 41400 吨 over", () => {
    const r = check.results[16];
    expect(r.children.find((c) => c.name === "舟山")!.value).toBe(9500);
    expect(r.gap).toBe(41400);
  });

  test("上云 is cumulative: unchecked, with a reason in both languages", () => {
    const r = check.results[6];
    expect(r.reason!.zh).toMatch(/累计/);
    expect(r.reason!.zh).toMatch(/基期/);
    expect(r.reason!.en).toMatch(/base year/);
  });

  test("上云 with the base-year stock given (in 家) is checked", () => {
    const label = INDICATORS_2020[6].name;
    const withBase = checkSheet(sheet, { base: { [label]: 368000 } });
    expect(withBase.results[6]).toMatchObject({ status: "ok", childrenTotal: 32000, gap: 0 });
    const tooLow = checkSheet(sheet, { base: { [label]: 367999 } });
    expect(tooLow.results[6]).toMatchObject({ status: "short", gap: -1 });
  });

  test("the rates list no child below the provincial rate, and 12% cities count as above 10%", () => {
    for (const r of check.results.slice(0, 5)) expect(r.short).toEqual([]);
    expect(check.results[1].children.find((c) => c.name === "温州")!.value).toBe(0.12);
  });

  test("a reader that repeats a merged cell's value over its whole area changes nothing", () => {
    const cells = sheet.cells.map((row) => [...row]);
    for (const m of sheet.merges ?? []) {
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) cells[r][c] = sheet.cells[m.top][m.left];
    }
    const again = checkSheet({ ...sheet, cells });
    expect(again.table!.childNames).toEqual(check.table!.childNames);
    expect(again.table!.region).toEqual(check.table!.region);
    expect(again.results).toEqual(check.results);
  });

  test("the document as printed raises no issue", () => {
    expect(check.issues).toEqual([]);
  });
});
