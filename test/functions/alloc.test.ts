/** ZG.ALLOCGAP and ZG.ALLOCCHECK (rules.md §2) as Excel calls them. */
import * as fns from "../../src/functions/functions";
import { setLanguage } from "../../src/functions/runtime";
import { asExcel, col, excelError, expectError, installCustomFunctions } from "./shim";

const rawGap = asExcel(fns.allocGap);
const rawCheck = asExcel(fns.allocCheck);

/** The one value of a 1 × 1 result: both return a matrix so that Excel passes their parameters' addresses. */
function one(x: unknown): unknown {
  expect(Array.isArray(x) && x.length === 1 && Array.isArray(x[0]) && x[0].length === 1).toBe(true);
  return (x as unknown[][])[0][0];
}
const allocGap = (...args: unknown[]): unknown => one(rawGap(...args));
const allocCheck = (...args: unknown[]): unknown => one(rawCheck(...args));

beforeAll(installCustomFunctions);
afterEach(() => setLanguage(null));

const robots = "传统制造业新增工业机器人10000台";

describe("total indicators: the parent read from a label or a target cell", () => {
  it("gives the gap and 缺口 when the children fall short", () => {
    const children = [[3000, 4000, 2500]];
    expect(allocGap(robots, children, null)).toBe(-500);
    expect(allocCheck(robots, children, null)).toBe("缺口 500台");
  });

  it("gives 达标 and a non-negative gap when they cover it", () => {
    expect(allocGap("10000台", col(5000, "5,000台", ""), null)).toBe(0);
    expect(allocCheck("10000台", col(5000, "5,000台"), null)).toBe("达标");
    expect(allocGap(10000, col(6000, 5000), null)).toBe(1000);
  });

  it("adds exactly: 104.2 + 95.8 亿元 is 200 亿元, not 199.99999999999997", () => {
    expect(allocGap("200亿元", [["104.2亿元", "95.8亿元"]], null)).toBe(0);
    expect(allocCheck("200亿元", [["104.2亿元", 9580000000]], null)).toBe("达标");
  });

  it("reads 以下 on the parent as at most: over the cap is the problem", () => {
    expect(allocCheck("100万吨标准煤以下", col("60万吨", "50万吨"), null)).toBe("超出上限 10万吨标准煤") // in the unit the table wrote;
    expect(allocCheck("100万吨标准煤以下", col("60万吨", "40万吨"), null)).toBe("达标");
  });

  it("answers in the language its lang argument names, Chinese when omitted, whatever the machine's language", () => {
    expect(allocCheck(robots, [[3000, 4000, 2500]], null, "en")).toBe("Short by 500台");
    expect(allocCheck(robots, [[5000, 5000]], null, "EN-us")).toBe("OK");
    expect(allocCheck(robots, [[5000, 5000]], null, "英文")).toBe("OK");
    expect(allocCheck(robots, [[5000, 5000]], null, "zh-CN")).toBe("达标");
    // An English machine recalculating a Chinese sheet: the verdict stays Chinese, only hover text follows the machine.
    setLanguage("en");
    expect(allocCheck(robots, [[3000, 4000, 2500]], null, null)).toBe("缺口 500台");
    expectError(allocCheck("", col(1), null, null), "#N/A", "argument parent");
    expectError(allocCheck("", col(1), null, "zh"), "#N/A", "参数 parent");
  });

  it("refuses a lang it does not know, saying which it accepts", () => {
    expectError(allocCheck(robots, [[5000, 5000]], null, "fr"), "#VALUE!", "参数 lang", "zh", "en", "fr");
  });
});

describe("rate indicators", () => {
  it("lists the children below the parent rate, by position; there is no gap", () => {
    const children = col("12%", "9%", 0.1, "9.5%");
    expect(allocCheck("10%以上", children, null)).toBe("低于目标：#2、#4");
    expectError(allocGap("10%以上", children, null), "#N/A", "比率类指标", "ZG.ALLOCCHECK");
    expect(allocCheck("传统制造业研发费用支出增长10%以上", col("10%", "11%"), null)).toBe("达标");
  });
});

describe("children named by their cells where Excel gives the addresses", () => {
  it("lists the cells below the rate, and names the cell whose unit does not convert", () => {
    const inv = { parameterAddresses: ["Sheet1!A3", "Sheet1!B3:E3", ""] };
    expect(allocCheck("10%以上", [["12%", "9%", "10%", "9.5%"]], null, null, inv)).toBe("低于目标：C3、E3");
    expect(allocCheck("10000台", [[5000, "3000家"]], null, null, { parameterAddresses: ["", "'县表'!C7:D7", "", ""] })).toMatch(/^无法校核：单位不一致.*D7/);
  });
});

describe("not comparable", () => {
  const cloud = "全省累计上云企业40万家（下达任务数为当年新增数）";

  it("a cumulative (累计) label needs the base year's stock", () => {
    const verdict = allocCheck(cloud, col("5万家", "3万家"), null) as string;
    expect(verdict.startsWith("无法校核：")).toBe(true);
    expect(verdict).toContain("基期");
    expectError(allocGap(cloud, col("5万家", "3万家"), null), "#N/A", "无法校核", "基期");
    expect(allocGap(cloud, col("5万家", "3万家"), 330000)).toBe(10000);
    expect(allocCheck(cloud, col("5万家", "3万家"), 330000)).toBe("达标");
  });

  it("units that do not convert", () => {
    const verdict = allocCheck("10000台", col("5000台", "3000家"), null) as string;
    expect(verdict).toMatch(/^无法校核：单位不一致/);
    expectError(allocGap("10000台", col("5000台", "3000家"), null), "#N/A", "单位");
  });

  it("a label with no target in it", () => {
    expect(allocCheck("传统制造业新增工业机器人", col(1, 2), null)).toMatch(/^无法校核：没有上级目标/);
  });

  it("unreadable children are an input error for the gap", () => {
    expectError(allocGap("10000台", col(5000, "待定"), null), "#VALUE!", "#2");
  });
});

describe("errors", () => {
  it("an Excel error among the children propagates with its own code", () => {
    expectError(allocGap("10000台", col(5000, excelError("#DIV/0!")), null), "#DIV/0!");
    // Excel does not accept #REF! as a function's result: it becomes #VALUE! naming the original.
    expectError(allocGap("10000台", col(5000, excelError("#REF!")), null), "#VALUE!", "#REF!", "参数 children 第 2 个值");
    expectError(allocCheck("10000台", col(excelError("#N/A")), null), "#N/A", "参数 children");
  });

  it("an empty parent is #N/A with what to give", () => {
    expectError(allocCheck("", col(1), null), "#N/A", "参数 parent");
    expectError(allocCheck(null, col(1), null), "#N/A", "参数 parent");
  });

  it("a parent given as a range of several cells is refused", () => {
    expectError(allocGap([["a"], ["b"]], col(1), null), "#VALUE!", "单个值");
  });
});
