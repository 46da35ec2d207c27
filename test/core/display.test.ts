/** Figures in the unit the table wrote them in: 300亿元 stays 300亿元, exactly. */
import { checkAllocation } from "../../src/core/check";
import { inWrittenNumber, inWrittenUnit, writtenUnit } from "../../src/core/display";
import { fmtQuantity } from "../../src/taskpane/i18n";

test("the written magnitude is found and used exactly", () => {
  expect(writtenUnit("104.2亿元", "元")).toBe("亿元");
  expect(writtenUnit("20\n\n万吨", "吨")).toBe("万吨");
  expect(writtenUnit("全省腾出用能100万吨标准煤", "吨")).toBe("万吨标准煤");
  expect(writtenUnit("1300台", "台")).toBe("台");
  expect(writtenUnit("传统制造业新增工业机器人10000台", "台")).toBe("台");
  expect(writtenUnit("0.1", "台")).toBeNull();
  expect(inWrittenUnit(1_000_000, "吨", "万吨标准煤")).toBe("100万吨标准煤");
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

test("the unit as written decides: 5500家 is shown in 家 even where the label says 万家", () => {
  const r = checkAllocation({ indicator: "新增上云企业1.1万家", parent: "5500家", children: [{ name: "甲", cell: "3000家" }, { name: "乙", cell: "2500家" }] });
  expect(r.displayUnit).toBe("家");
  expect(fmtQuantity(r.parent, r.unit, r.displayUnit)).toBe("5,500家");
  // A bare parent takes the label's unit, as before.
  expect(checkAllocation({ indicator: "新增上云企业1.1万家", parent: 1.1, children: [{ name: "甲", cell: 0.6 }, { name: "乙", cell: 0.5 }] }).displayUnit).toBe("万家");
});

test("100万吨标准煤 keeps 标准煤; the children's total is in the unit the children were written in", () => {
  const coal = checkAllocation({ indicator: "全省腾出用能100万吨标准煤", children: [{ name: "杭州", cell: "60万吨标准煤" }, { name: "宁波", cell: "40万吨标准煤" }] });
  expect(fmtQuantity(coal.parent, coal.unit, coal.displayUnit)).toBe("100万吨标准煤");
  // 9号: the province's stock in 万家, the cities' yearly additions in 家.
  const cloud = checkAllocation({ indicator: "全省新增上云企业3.2万家", children: [{ name: "杭州", cell: "20000家" }, { name: "宁波", cell: "12000家" }] });
  expect(cloud.displayUnit).toBe("万家");
  expect(cloud.childrenUnit).toBe("家");
  expect(fmtQuantity(cloud.childrenTotal, cloud.unit, cloud.childrenUnit ?? cloud.displayUnit)).toBe("32,000家");
  expect(fmtQuantity(cloud.gap, cloud.unit, cloud.displayUnit)).toBe("0万家");
  // A 合计 that differs is told in the children's unit.
  const t = checkAllocation({ indicator: "全省新增上云企业3.2万家", children: [{ name: "杭州", cell: "20000家" }, { name: "宁波", cell: "12000家" }], totals: [{ name: "合计", cell: "31000家" }] });
  expect(t.issues.find((i) => i.code === "total-mismatch")?.zh).toContain("32000家");
});
