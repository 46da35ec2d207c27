/** Figures in the unit the table wrote them in: 300亿元 stays 300亿元, exactly. */
import { checkAllocation } from "../../src/core/check";
import { inWrittenNumber, inWrittenUnit, writtenUnit } from "../../src/core/display";
import { fmtQuantity } from "../../src/taskpane/i18n";

test("the written magnitude is found and used exactly", () => {
  expect(writtenUnit("104.2亿元", "元")).toBe("亿元");
  expect(writtenUnit("20\n\n万吨", "吨")).toBe("万吨");
  expect(writtenUnit("全省腾出用能100万吨标准煤", "吨")).toBe("万吨");
  expect(writtenUnit("1300台", "台")).toBeNull();
  expect(inWrittenUnit(30_000_000_000, "元", "亿元")).toBe("300亿元");
  expect(inWrittenUnit(230_000_000, "元", "亿元")).toBe("2.3亿元");
  expect(inWrittenNumber(9500, "吨", "万吨")).toBe(0.95);
  expect(inWrittenUnit(0.1, "%", null)).toBe("10%");
});

test("a check result carries the table's unit; pane figures and messages use it", () => {
  const r = checkAllocation({ indicator: "传统制造业并购重组交易涉及金额300亿元以上", children: [{ name: "杭州", cell: "104.2亿元" }, { name: "宁波", cell: "52\n\n亿元" }] });
  expect(r.displayUnit).toBe("亿元");
  expect(fmtQuantity(r.parent, r.unit, r.displayUnit)).toBe("300亿元");
  expect(fmtQuantity(r.gap, r.unit, r.displayUnit)).toBe("-143.8亿元");
  const m = checkAllocation({ indicator: "传统制造业并购重组交易涉及金额300亿元以上", parent: "52亿元", children: [{ name: "甲", cell: "30亿元" }, { name: "乙", cell: "22亿元" }] });
  const w = m.issues.find((i) => i.code === "parent-label-mismatch")!;
  expect(w.zh).toContain("52亿元");
  expect(w.zh).toContain("300亿元");
  expect(w.zh).not.toMatch(/\d{9,}/);
});
