/**
 * ZG.* evaluated by a spreadsheet engine over real cell references: ranges with blanks, text and error cells,
 * spilled results, and recalculation after an edit.
 */
import { scoreGroup } from "../../src/core/score";
import { DEFAULT_OPTIONS, type CountyInput } from "../../src/core/types";
import { DetailedCellError, engine, valueAt } from "./hf";

const errorOf = (v: unknown): { value: string; message: string } => {
  expect(v).toBeInstanceOf(DetailedCellError);
  return v as DetailedCellError;
};

describe("ZG.RANKSCORE over a sheet", () => {
  const sheet = [
    ["上城区", 90, "=ZG.RANKSCORE(B1:B6, B$1:B$6)", "=ZG.RANKSCORE(B1, B$1:B$6, 1)"],
    ["萧山区", 80, null, "=ZG.RANKSCORE(B2, B$1:B$6, 1)"],
    ["余杭区", null],
    ["海曙区", "待定"],
    ["江北区", 80],
    ["鹿城区", 70],
  ];

  it("spills one result per cell; blanks score 0, text is an error in its own cell, ties share", () => {
    const hf = engine(sheet);
    expect([1, 2, 3, 5, 6].map((r) => valueAt(hf, `C${r}`))).toEqual([10, 9.5, 0, 9.5, 8.5]);
    expect(errorOf(valueAt(hf, "C4")).value).toBe("#VALUE!");
    expect(errorOf(valueAt(hf, "C4")).message).toContain("待定");
    // Excel passes the parameters' addresses, so the message names the sheet and cell.
    expect(errorOf(valueAt(hf, "C4")).message).toContain("工作表“Sheet1”B4 单元格");
    expect(valueAt(hf, "D1")).toBe(8.5);
    expect(valueAt(hf, "D2")).toBe(9.5);
    hf.destroy();
  });

  it("recalculates after an edit, and an error cell in ref propagates like RANK.EQ", () => {
    const hf = engine(sheet);
    hf.setCellContents({ sheet: 0, row: 5, col: 1 }, 95);
    expect(valueAt(hf, "C6")).toBe(10);
    expect(valueAt(hf, "C1")).toBe(9.5);
    hf.setCellContents({ sheet: 0, row: 2, col: 1 }, "=1/0");
    expect(errorOf(valueAt(hf, "C1")).value).toBe("#DIV/0!");
    expect(errorOf(valueAt(hf, "D2")).value).toBe("#DIV/0!");
    hf.setCellContents({ sheet: 0, row: 2, col: 1 }, null);
    expect(valueAt(hf, "C1")).toBe(9.5);
    hf.destroy();
  });
});

describe("ZG.RANKSCOREBY, ZG.STDSCORE and ZG.POLICYSCORE on a county table", () => {
  it("ranks within each city, scales to 60, and scores policy per row", () => {
    const hf = engine([
      ["杭州市", "上城区", 80, "是", "是", "否", 1, "=ZG.RANKSCOREBY(C1:C5, C$1:C$5, A1:A5, A$1:A$5)", "=ZG.STDSCORE(H1:H5, , 60, \"max\")", "=ZG.POLICYSCORE(D1:D5, E1:E5, F1:F5, F1:F5, F1:F5, G1:G5)"],
      ["杭州市", "萧山区", 90, "是", "否", "是", null],
      ["宁波市", "海曙区", 70, "否", "否", "否", "3次"],
      ["宁波市", "江北区", 70, "", "是", "是", 9],
      ["宁波市", "北仑区", 60, "Y", "Y", "也许", 0],
    ]);
    expect([1, 2, 3, 4, 5].map((r) => valueAt(hf, `H${r}`))).toEqual([9.5, 10, 10, 10, 9]);
    expect([1, 2, 3, 4, 5].map((r) => valueAt(hf, `I${r}`))).toEqual([57, 60, 60, 60, 54]);
    expect([1, 2, 3, 4].map((r) => valueAt(hf, `J${r}`))).toEqual([5, 14, 3, 18]);
    expect(errorOf(valueAt(hf, "J5")).message).toContain("也许");
    expect(errorOf(valueAt(hf, "J5")).message).toContain("参数 policy（工作表“Sheet1”F5 单元格）");
    hf.destroy();
  });
});

describe("targets, measures and checks with text as written", () => {
  it("reads targets, measures completion, and checks an allocation row", () => {
    const hf = engine([
      ["10%以上", 0.12, "=ZG.TARGET(A1:A3)", "=ZG.COMPLETION(B1, A1)", "=ZG.OVERTARGET(B1, A1)"],
      ["104.2亿元", null, null, "=ZG.UNIT(A2)"],
      ["=NA()"],
      ["传统制造业新增工业机器人10000台", 3000, 4000, 2500, "=ZG.ALLOCCHECK(A4, B4:D4)", "=ZG.ALLOCGAP(A4, B4:D4)"],
    ]);
    expect(valueAt(hf, "C1")).toBe(0.1);
    expect(valueAt(hf, "C2")).toBe(10420000000);
    expect(errorOf(valueAt(hf, "C3")).value).toBe("#N/A");
    expect(valueAt(hf, "D1")).toBeCloseTo(1.2, 12);
    expect(valueAt(hf, "E1")).toBeCloseTo(0.2, 12);
    expect(valueAt(hf, "D2")).toBe("元");
    expect(valueAt(hf, "E4")).toBe("缺口 500台");
    expect(valueAt(hf, "F4")).toBe(-500);
    hf.setCellContents({ sheet: 0, row: 3, col: 3 }, 3000);
    expect(valueAt(hf, "E4")).toBe("达标");
    expect(valueAt(hf, "F4")).toBe(0);
    hf.destroy();
  });
});

describe("spilled lists", () => {
  it("RECOMMEND and SHORTLIST spill rows with a reason column", () => {
    const hf = engine([
      ["萧山区", "杭州市", 91.5, null, "=ZG.RECOMMEND(A1:A4, B1:B4, C1:C4, D1:D4)", null, null, "=ZG.SHORTLIST(A1:A4, C1:C4, , 2, 1)"],
      ["余杭区", "杭州市", 85],
      ["鹿城区", "温州市", 60],
      ["淳安县", "杭州市", 70, "否"],
    ]);
    expect([valueAt(hf, "E1"), valueAt(hf, "F1")]).toEqual(["杭州市", "萧山区"]);
    expect([valueAt(hf, "E2"), valueAt(hf, "F2")]).toEqual(["温州市", "鹿城区"]);
    expect(String(valueAt(hf, "G1"))).toContain("总分 91.5");
    // 淳安县 (one of the 26 加快发展县) replaces the second of the best two.
    expect([valueAt(hf, "H1"), valueAt(hf, "H2")]).toEqual(["萧山区", "淳安县"]);
    expect(String(valueAt(hf, "I2"))).toContain("余杭区");
    hf.setCellContents({ sheet: 0, row: 3, col: 2 }, 99);
    expect([valueAt(hf, "H1"), valueAt(hf, "H2")]).toEqual(["淳安县", "萧山区"]);
    hf.destroy();
  });
});

describe("a whole city stage in formulas agrees with the engine", () => {
  // Two indicators: robots (at least) and energy use (5%以下, at most); one county has no actual for robots.
  const rows: [string, string, number | null, string, string][] = [
    ["上城区", "100台", 120, "5%以下", "4%"],
    ["萧山区", "200台", 150, "5%以下", "6%"],
    ["余杭区", "50台", null, "5%以下", "5%"],
    ["富阳区", "80台", 80, "5%以下", "3%"],
  ];

  it("ZG.COMPLETION/OVERTARGET → ZG.RANKSCORE → ZG.STDSCORE give scoreGroup's target and over-target scores", () => {
    const sheet = rows.map((r, i) => {
      const n = i + 1;
      return [
        ...r,
        i === 0 ? "=ZG.COMPLETION(C1:C4, B1:B4)" : null,
        i === 0 ? "=ZG.COMPLETION(E1:E4, D1:D4)" : null,
        i === 0 ? "=ZG.OVERTARGET(C1:C4, B1:B4)" : null,
        i === 0 ? "=ZG.OVERTARGET(E1:E4, D1:D4)" : null,
        i === 0 ? "=ZG.RANKSCORE(F1:F4, F1:F4)" : null,
        i === 0 ? "=ZG.RANKSCORE(G1:G4, G1:G4)" : null,
        i === 0 ? "=ZG.RANKSCORE(H1:H4, H1:H4)" : null,
        i === 0 ? "=ZG.RANKSCORE(I1:I4, I1:I4)" : null,
        `=J${n}+K${n}`,
        `=L${n}+M${n}`,
        i === 0 ? '=ZG.STDSCORE(N1:N4, , 60, "full", 10*2)' : null,
        i === 0 ? '=ZG.STDSCORE(O1:O4, , 20, "full", 10*2)' : null,
      ];
    });
    const hf = engine(sheet);
    const units: CountyInput[] = rows.map(([county, t1, a1, t2, a2]) => ({
      county,
      city: "杭州市",
      policy: {},
      entries: [
        { indicator: "新增工业机器人", target: t1, actual: a1 },
        { indicator: "单位能耗下降", target: t2, actual: a2 },
      ],
    }));
    const g = scoreGroup(units, DEFAULT_OPTIONS);
    expect(g.indicatorCount).toBe(2);
    g.scores.forEach((s, i) => {
      expect([s.county, valueAt(hf, `P${i + 1}`)]).toEqual([s.county, expect.closeTo(s.targetScore, 9)]);
      expect([s.county, valueAt(hf, `Q${i + 1}`)]).toEqual([s.county, expect.closeTo(s.overScore, 9)]);
    });
    // 余杭区 has no robots actual: #N/A there is no measure, not an error that spoils the column.
    expect(errorOf(valueAt(hf, "F3")).value).toBe("#N/A");
    expect(valueAt(hf, "J3")).toBe(0);
    hf.destroy();
  });
});
