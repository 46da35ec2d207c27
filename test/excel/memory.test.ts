/**
 * The in-memory workbook the preview and the component tests run on: its formulas (the subset we write),
 * spills, marks kept apart from the cells, and our-sheet naming rules, so it behaves as office.ts does.
 */
import { MemoryWorkbook } from "../../src/excel/memory";
import { freeSheetName } from "../../src/excel/ops";
import { zgFunctions } from "../../src/excel/zgFunctions";

function book() {
  const b = new MemoryWorkbook({ functions: zgFunctions() });
  b.addSheet({
    name: "完成 情况",
    cells: [
      ["市", "县", "目标", "完成"],
      ["杭州市", "甲", "100台", "120台"],
      ["杭州市", "乙", "100台", "90台"],
      ["宁波市", "丙", "10%", "12%"],
    ],
  });
  return b;
}

test("formulas: quoted sheet names, arithmetic, &, SUMIFS/COUNTIFS criteria, IF, IFERROR", async () => {
  const b = book();
  await b.writeSheet({
    name: "ZG评分结果",
    kind: "score",
    cells: [
      ["='完成 情况'!A2&\"|\"&'完成 情况'!B2", "=1+2*3-4/2", '=COUNTIFS(\'完成 情况\'!$A$2:$A$4,"杭州市")', '=SUMIFS(D2:D3,E2:E3,">1")', 5],
      ['=IF(B1>4,"大","小")', '=IFERROR(1/0,"除零")', '=COUNTIF(\'完成 情况\'!A2:A4,"<>杭州市")', 7, 2],
      ["=NOSUCH(1)", "=A1&", null, 9, 0.5],
    ],
  });
  expect(b.valueAt("ZG评分结果", "A1")).toBe("杭州市|甲");
  expect(b.valueAt("ZG评分结果", "B1")).toBe(5);
  expect(b.valueAt("ZG评分结果", "C1")).toBe(2);
  expect(b.valueAt("ZG评分结果", "D1")).toBe(7);
  expect(b.valueAt("ZG评分结果", "A2")).toBe("大");
  expect(b.valueAt("ZG评分结果", "B2")).toBe("除零");
  expect(b.valueAt("ZG评分结果", "C2")).toBe(1);
  expect(b.valueAt("ZG评分结果", "A3")).toEqual({ error: "#NAME?" });
  expect(b.valueAt("ZG评分结果", "B3")).toEqual({ error: "#NAME?" });
  // A formula over its own cell is circular, not a hang.
  b.setCell("ZG评分结果", "E3", "=SUM(E1:E3)");
  expect(b.valueAt("ZG评分结果", "E3")).toEqual({ error: "#CIRC!" });
});

test("ZG functions run element-wise and spill down; an edit recalculates", async () => {
  const b = book();
  await b.writeSheet({
    name: "结果",
    kind: "score",
    cells: [["=IFERROR(ZG.COMPLETION('完成 情况'!D2:D4,'完成 情况'!C2:C4),\"\")", "=ZG.RANKSCOREBY(A1:A3,A1:A3,C1:C3,C1:C3,0,10,0.5,0)", "杭州市"], [null, null, "杭州市"], [null, null, "宁波市"]],
  });
  expect(b.valueAt("结果", "A1")).toBeCloseTo(1.2, 12);
  expect(b.valueAt("结果", "A2")).toBeCloseTo(0.9, 12);
  expect(b.valueAt("结果", "A3")).toBeCloseTo(1.2, 12);
  expect([b.valueAt("结果", "B1"), b.valueAt("结果", "B2"), b.valueAt("结果", "B3")]).toEqual([10, 9.5, 10]);
  expect(b.valueAt("结果", "A4")).toBeNull();
  b.setCell("完成 情况", "D3", "130台");
  expect([b.valueAt("结果", "B1"), b.valueAt("结果", "B2")]).toEqual([9.5, 10]);
  // An unreadable actual: the function's own error, caught by IFERROR into no measure (0 points).
  b.setCell("完成 情况", "D2", "待定");
  expect(b.valueAt("结果", "A1")).toBe("");
  expect(b.valueAt("结果", "B1")).toBe(0);
});

test("selection: one cell reads the used region; marks never touch cells or fills", async () => {
  const b = book();
  b.addSheet({ name: "偏移", cells: [[null, null], [null, "x", 1]], fills: { B2: "#FFFF00" } });
  b.select("偏移", "B2");
  const s = await b.getSelectionSheet();
  expect(s.origin).toEqual({ row: 1, col: 1 });
  expect(s.cells).toEqual([["x", 1]]);
  await b.markCells([{ sheet: "偏移", addresses: ["B2:C2"], kind: "short" }]);
  expect(b.sheet("偏移")!.marks.size).toBe(2);
  expect(await b.clearMarks()).toBe(1);
  expect(b.sheet("偏移")!.fills.get("1,1")).toBe("#FFFF00");
  expect(b.sheet("偏移")!.cells[1]).toEqual([null, "x", 1]);
});

test("free sheet names: suffixes, case-insensitive, at most 31 characters, no forbidden characters", () => {
  expect(freeSheetName("ZG校核报告", ["zg校核报告"])).toBe("ZG校核报告 (2)");
  expect(freeSheetName("ZG校核报告", ["ZG校核报告", "ZG校核报告 (2)"])).toBe("ZG校核报告 (3)");
  expect(freeSheetName("a".repeat(40), ["a".repeat(31)])).toBe(`${"a".repeat(27)} (2)`);
  expect(freeSheetName("a/b:c", [])).toBe("a_b_c");
});
