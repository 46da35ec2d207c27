/** rules.md §2: one indicator's allocation check, cell by cell. */
import fc from "fast-check";
import { checkAllocation } from "../../src/core/check";
import type { AllocationInput, CellValue, ChildCell } from "../../src/core/types";

const S = "分解表";
const kids = (cells: CellValue[], names = ["甲", "乙", "丙", "丁", "戊", "己"]): ChildCell[] =>
  cells.map((cell, i) => ({ name: names[i] ?? `单位${i + 1}`, cell, at: { sheet: S, cell: `${String.fromCharCode(67 + i)}5` } }));
const check = (indicator: string, cells: CellValue[], extra: Partial<AllocationInput> = {}) =>
  checkAllocation({ indicator, children: kids(cells), at: { sheet: S, cell: "B5" }, ...extra });

describe("total indicators", () => {
  test("children that cover the target are ok, with the surplus as gap", () => {
    const r = check("新认定高新技术企业300家", ["200家", "106家"]);
    expect(r).toMatchObject({ kind: "total", unit: "家", bound: "atLeast", parent: 300, childrenTotal: 306, gap: 6, status: "ok", reason: null, short: [] });
    expect(r.issues).toEqual([]);
  });

  test("children below the target are short, with a negative gap", () => {
    const r = check("新增工业机器人10000台", ["5000台", "4999台"]);
    expect(r).toMatchObject({ childrenTotal: 9999, gap: -1, status: "short" });
  });

  test("sums are exact: 0.1 + 0.2 亿元 is 0.3 亿元, and 万吨 adds to 万吨标准煤", () => {
    expect(check("金额0.3亿元", ["0.1亿元", "0.2亿元"])).toMatchObject({ childrenTotal: 30000000, gap: 0, status: "ok" });
    expect(check("腾出用能1万吨标准煤", ["0.7万吨", "0.3万吨"])).toMatchObject({ unit: "吨", childrenTotal: 10000, gap: 0, status: "ok" });
    // 0.1 + 0.2 as doubles is 0.30000000000000004: bare numbers must not carry that into the gap either.
    expect(check("用地0.3亩", [0.1, 0.2])).toMatchObject({ childrenTotal: 0.3, gap: 0, status: "ok" });
  });

  test("an at-most target is ok when the children stay within it, short when they exceed it", () => {
    const within = check("全省新增能耗控制在100万吨以内", ["60万吨", "40万吨"]);
    expect(within).toMatchObject({ bound: "atMost", parent: 1000000, childrenTotal: 1000000, gap: 0, status: "ok" });
    const over = check("全省新增能耗不超过100万吨", ["60万吨", "40.01万吨"]);
    expect(over).toMatchObject({ bound: "atMost", gap: 100, status: "short" });
  });

  test("a ceiling in the label holds for a parent cell written without 以内/不超过", () => {
    const r = check("全省新增能耗不超过100万吨", ["60万吨", "50万吨"], { parent: "100万吨" });
    expect(r).toMatchObject({ bound: "atMost", gap: 100000, status: "short" });
  });

  test("bare numbers take the parent's unit", () => {
    expect(check("新增工业机器人10000台", [6000, "4000"])).toMatchObject({ unit: "台", childrenTotal: 10000, status: "ok" });
  });

  test("a parent cell (全省目标) is used over the label, and a disagreement is a warning at the parent cell", () => {
    const r = check("新增工业机器人10000台", ["6000台", "4000台"], { parent: "12000台", parentAt: { sheet: S, cell: "N5" } });
    expect(r).toMatchObject({ parent: 12000, gap: -2000, status: "short" });
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: "parent-label-mismatch", severity: "warning", sheet: S, cell: "N5" });
    // A bare number in the parent cell is in the label's unit and agrees with it.
    expect(check("新增工业机器人10000台", ["6000台", "4000台"], { parent: 10000 }).issues).toEqual([]);
  });

  test("with no target in the label and no parent cell, the indicator is unchecked", () => {
    const r = check("新增工业机器人", ["6000台", "4000台"]);
    expect(r).toMatchObject({ status: "unchecked", parent: null, gap: null });
    expect(r.reason!.zh).toMatch(/没有上级目标/);
    expect(r.reason!.en).toMatch(/no parent target/);
  });

  test("a parent cell with no value falls back to the label's target", () => {
    expect(check("新增工业机器人10000台", ["6000台", "4000台"], { parent: "" })).toMatchObject({ parent: 10000, status: "ok" });
  });

  test("a unit in brackets at the end of the label applies to bare numbers; other brackets do not", () => {
    const r = check("并购重组交易金额（亿元）", [104.2, 195.8], { parent: 300 });
    expect(r).toMatchObject({ unit: "元", parent: 3e10, childrenTotal: 3e10, gap: 0, status: "ok" });
    expect(check("研发费用支出增长(%)", [12, 9], { parent: 10 })).toMatchObject({ kind: "rate", parent: 0.1, short: ["乙"] });
    expect(check("整治提升企业（作坊）", [60, 40], { parent: 100 })).toMatchObject({ unit: null, childrenTotal: 100, status: "ok" });
  });

  test("a 单位 column's factor that carries a number past a cell's range is an unreadable child, not a huge sum", () => {
    const r = check("投资3万亿元", [1e300, 1], { unit: "万亿元" });
    expect(r.status).toBe("unchecked");
    const bad = r.issues.find((i) => i.code === "out-of-range");
    expect(bad).toMatchObject({ severity: "error", cell: "C5" });
    expect(bad!.zh).toMatch(/超出 Excel 能存放的数值范围/);
  });

  test("a 单位 column's unit applies to bare numbers: 1.5 under 万元 is 15000 元", () => {
    const r = check("投资3万元", [1.5, 1.5], { unit: "万元" });
    expect(r).toMatchObject({ unit: "元", parent: 30000, childrenTotal: 30000, status: "ok" });
    expect(r.children[0].value).toBe(15000);
  });
});

describe("rate indicators", () => {
  test("every child at or above the parent rate is ok; childrenTotal and gap are null", () => {
    const r = check("研发费用支出增长10%以上", ["10%\n\n以上", "12%以上", "１０％"]);
    expect(r).toMatchObject({ kind: "rate", unit: "%", parent: 0.1, childrenTotal: null, gap: null, status: "ok", short: [] });
  });

  test("children below the parent rate are short and listed by name", () => {
    const r = check("劳动生产率增长7%以上", ["7%", "6.9%", "8%", "5%"]);
    expect(r.status).toBe("short");
    expect(r.short).toEqual(["乙", "丁"]);
  });

  test("an empty child of a rate is warned about, not listed as short", () => {
    const r = check("劳动生产率增长7%以上", ["7%", "—", "8%"]);
    expect(r).toMatchObject({ status: "ok", short: [] });
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([["child-no-value", "D5"]]);
  });

  test("for an at-most rate, the children above it are listed", () => {
    const r = check("能耗强度下降率≤5%", ["4%", "5%", "5.5%"]);
    expect(r).toMatchObject({ bound: "atMost", status: "short", short: ["丙"] });
  });

  test("a number in a percent number format is a rate", () => {
    const children = kids([0.12, 0.08]).map((c) => ({ ...c, format: "0%" }));
    const r = checkAllocation({ indicator: "新产品产值增长10%", children });
    expect(r).toMatchObject({ kind: "rate", short: ["乙"] });
  });

  test("a bare 10 in a rate row is read as a fraction (1000%) with a warning naming the cell", () => {
    const r = check("新产品产值增长10%", [10, "12%"]);
    expect(r.status).toBe("ok");
    const w = r.issues.find((i) => i.code === "rate-bare-number")!;
    expect(w).toMatchObject({ severity: "warning", sheet: S, cell: "C5" });
    expect(w.zh).toMatch(/10%/);
  });
});

describe("cumulative indicators (累计)", () => {
  const label = "全省累计上云企业40万家（下达任务数为当年新增数）";

  test("without the base year's stock: unchecked, saying why in both languages, with the additions summed", () => {
    const r = check(label, ["5500\n\n家", "9000\n\n家"]);
    expect(r).toMatchObject({ kind: "cumulative", unit: "家", parent: 400000, childrenTotal: 14500, gap: null, status: "unchecked" });
    expect(r.reason!.zh).toMatch(/存量/);
    expect(r.reason!.zh).toMatch(/新增/);
    expect(r.reason!.en).toMatch(/stock/);
    expect(r.reason!.en).toMatch(/base year/);
  });

  test("with the base: base + Σ children against the parent", () => {
    expect(check(label, ["5500家", "9000家"], { base: 385500 })).toMatchObject({ status: "ok", childrenTotal: 14500, gap: 0 });
    expect(check(label, ["5500家", "9000家"], { base: 380000 })).toMatchObject({ status: "short", gap: -5500 });
  });
});

describe("units that do not convert", () => {
  test("元 against 家: unchecked, the reason names both units and the child", () => {
    const r = check("并购重组金额300亿元", ["200亿元", "100家"]);
    expect(r.status).toBe("unchecked");
    expect(r.gap).toBeNull();
    expect(r.reason!.zh).toMatch(/元/);
    expect(r.reason!.zh).toMatch(/家/);
    expect(r.reason!.zh).toMatch(/乙/);
    expect(r.reason!.en).toMatch(/元.*家/);
  });

  test("every child in another unit is named, each with its unit and cell", () => {
    const r = check("并购重组金额300亿元", ["100家", "200亿元", "5台"]);
    expect(r.reason!.zh).toContain("甲（工作表“分解表”C5 单元格）为“家”");
    expect(r.reason!.zh).toContain("丙（工作表“分解表”E5 单元格）为“台”");
    expect(r.reason!.en).toContain("甲 (分解表!C5) in 家");
  });

  test("a rate child under a count target is a unit mismatch", () => {
    expect(check("新增工业机器人10000台", ["10%", "9000台"]).status).toBe("unchecked");
  });
});

describe("children with no value or unreadable cells", () => {
  test("empty, —, 无: warnings naming the cell; a total is summed over the rest", () => {
    const r = check("新增工业机器人10000台", ["6000台", "", "—", "无", "4000台"]);
    expect(r).toMatchObject({ childrenTotal: 10000, gap: 0, status: "ok" });
    const warned = r.issues.filter((i) => i.code === "child-no-value");
    expect(warned.map((i) => i.cell)).toEqual(["D5", "E5", "F5"]);
    expect(warned.every((i) => i.severity === "warning" && i.sheet === S)).toBe(true);
    expect(warned[0].zh).toContain("工作表“分解表”D5 单元格");
    expect(warned[0].en).toContain("分解表!D5");
    expect(r.children[1]).toMatchObject({ name: "乙", value: null });
  });

  test("a missing child does not hide a shortfall of the rest", () => {
    expect(check("新增工业机器人10000台", ["6000台", null]).status).toBe("short");
  });

  test("待定 and #N/A: errors naming sheet and cell, and the indicator is unchecked with the reason", () => {
    const r = check("新增工业机器人10000台", ["6000台", "待定", { error: "#N/A" }]);
    expect(r.status).toBe("unchecked");
    const errors = r.issues.filter((i) => i.severity === "error");
    expect(errors.map((i) => i.cell)).toEqual(["D5", "E5"]);
    expect(errors[0].zh).toContain("工作表“分解表”D5 单元格");
    expect(errors[1].en).toContain("分解表!E5");
    expect(errors[1].en).toMatch(/#N\/A/);
    expect(r.reason!.zh).toContain("乙");
    expect(r.reason!.en).toContain("分解表!D5");
  });

  test("an unreadable parent cell: error and unchecked", () => {
    const r = check("新增工业机器人10000台", ["6000台"], { parent: "待定", parentAt: { sheet: S, cell: "N5" } });
    expect(r.status).toBe("unchecked");
    expect(r.issues[0]).toMatchObject({ severity: "error", cell: "N5" });
    expect(r.reason!.en).toMatch(/parent/);
    // The place is named once in the reason, not repeated from the issue.
    expect(r.reason!.zh.split("N5").length - 1).toBe(1);
    expect(r.reason!.en.split("N5").length - 1).toBe(1);
  });
});

describe("合计/小计/总计 cells", () => {
  const totals = (cell: CellValue): ChildCell[] => [{ name: "合计", cell, at: { sheet: S, cell: "H5" } }];

  test("never summed as a child; equal to the sum: no warning", () => {
    const r = check("新增工业机器人10000台", ["6000台", "4000台"], { totals: totals("10000台") });
    expect(r).toMatchObject({ childrenTotal: 10000, status: "ok" });
    expect(r.issues).toEqual([]);
  });

  test("a 合计 that differs from the computed sum is a warning naming its cell", () => {
    const r = check("新增工业机器人10000台", ["6000台", "4000台"], { totals: totals(10500) });
    expect(r).toMatchObject({ childrenTotal: 10000, status: "ok" });
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: "total-mismatch", severity: "warning", sheet: S, cell: "H5" });
    expect(r.issues[0].zh).toMatch(/10500/);
  });
});

test("the indicator is the label with all white space removed", () => {
  expect(check(" 传统制造业新增\n工业机器人 10000台 ", ["10000台"]).indicator).toBe("传统制造业新增工业机器人10000台");
});

test("no child with a value: unchecked rather than a false shortfall", () => {
  const r = check("新增工业机器人10000台", ["", "—"]);
  expect(r.status).toBe("unchecked");
});

test("property: a total's verdict, sum and gap do not depend on the order of the children", () => {
  const amount = fc.tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 2 }), fc.constantFrom("", "万", "亿")).map(
    ([n, decimals, mag]) => `${(n / 10 ** decimals).toFixed(decimals)}${mag}元`,
  );
  fc.assert(
    fc.property(fc.array(amount, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 5000 }), fc.infiniteStream(fc.nat()), (cells, parent, noise) => {
      const shuffled = cells.map((c) => [noise.next().value, c] as const).sort((a, b) => a[0] - b[0]).map(([, c]) => c);
      const a = check(`金额${parent}万元`, cells);
      const b = check(`金额${parent}万元`, shuffled);
      expect(b.status).toBe(a.status);
      expect(b.childrenTotal).toBe(a.childrenTotal);
      expect(b.gap).toBe(a.gap);
      expect(a.status === "ok").toBe((a.gap as number) >= 0);
    }),
    { numRuns: 200 },
  );
});

test("a bare parent cell takes the children's unit: 0.1 against 10%/12% is a rate, 100 against 台 a count", () => {
  expect(check("新产品产值增长", ["10%", "9%"], { parent: 0.1 })).toMatchObject({ kind: "rate", unit: "%", parent: 0.1, short: ["乙"] });
  expect(check("新增工业机器人", ["60台", "50台"], { parent: 100 })).toMatchObject({ kind: "total", unit: "台", gap: 10, status: "ok" });
});

describe("county tables (rules §2 county rule: the parent is a city's figure)", () => {
  const cloud = "全省累计上云企业40万家（下达任务数为当年新增数）";
  test("the 累计 indicator is checked as a total against the city's 当年新增数", () => {
    const r = checkAllocation({ indicator: cloud, parent: "5500\n\n家", parentScope: "city", children: [{ name: "上城区", cell: "3000家" }, { name: "拱墅区", cell: 2000 }] });
    expect(r).toMatchObject({ kind: "total", status: "short", parent: 5500, childrenTotal: 5000, gap: -500, reason: null });
    // Under the province the same indicator stays unchecked without a base.
    expect(checkAllocation({ indicator: cloud, children: [{ name: "杭州", cell: "5500家" }, { name: "宁波", cell: "9000家" }] }).status).toBe("unchecked");
  });
  test("the figure in a 9号 label is the province's: no mismatch warning, never the parent", () => {
    const r = checkAllocation({ indicator: "传统制造业新增工业机器人10000台", parent: "1300台", parentScope: "city", children: [{ name: "上城区", cell: 700 }, { name: "拱墅区", cell: 600 }] });
    expect(r.issues.map((i) => i.code)).toEqual([]);
    expect(r).toMatchObject({ status: "ok", parent: 1300 });
    const noCity = checkAllocation({ indicator: "传统制造业新增工业机器人10000台", parentScope: "city", children: [{ name: "上城区", cell: 700 }, { name: "拱墅区", cell: 600 }] });
    expect(noCity.status).toBe("unchecked");
    expect(noCity.reason!.zh).toContain("全市目标");
  });
});
