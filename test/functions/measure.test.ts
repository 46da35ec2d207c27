/**
 * ZG.TARGET, ZG.UNIT, ZG.COMPLETION, ZG.OVERTARGET, ZG.POLICYSCORE called exactly as Excel calls them:
 * 2-D arrays for ranges, null for omitted arguments, error values and text inside ranges.
 */
import * as fns from "../../src/functions/functions";
import { setLanguage } from "../../src/functions/runtime";
import { asExcel, col, excelError, expectError, installCustomFunctions } from "./shim";

const completion = asExcel(fns.completion);
const overTarget = asExcel(fns.overTarget);
const policyScore = asExcel(fns.policyScore);
const target = asExcel(fns.target);
const unit = asExcel(fns.unit);

beforeAll(installCustomFunctions);
beforeEach(() => setLanguage(null));

describe("ZG.TARGET", () => {
  it("reads targets as officials write them", () => {
    expect(target([["10%以上"]])).toEqual([[0.1]]);
    expect(target([["104.2亿元"]])).toEqual([[10420000000]]);
    expect(target([["0.95万吨"]])).toEqual([[9500]]);
    expect(target([["2.3亿元"]])).toEqual([[230000000]]);
    expect(target([["１３３０台"]])).toEqual([[1330]]);
    expect(target([["10%\n\n以上"]])).toEqual([[0.1]]);
    expect(target([[1300]])).toEqual([[1300]]);
  });

  it("spills one result per cell of a range, each error in its own cell", () => {
    const out = target(col("1,350家", "待定", "", excelError("#DIV/0!"), "≥7%")) as unknown[][];
    expect(out).toHaveLength(5);
    expect(out[0]).toEqual([1350]);
    expectError(out[1][0], "#VALUE!", "参数 text 第 2 个值", "待定");
    expectError(out[2][0], "#N/A", "参数 text 第 3 个值", "无数值");
    expectError(out[3][0], "#DIV/0!");
    expect(out[4]).toEqual([0.07]);
  });

  it("accepts a bare value where Excel hands over a scalar", () => {
    expect(target("40万家" as unknown as unknown[][])).toEqual([[400000]]);
  });
});

describe("ZG.UNIT", () => {
  it("gives the base unit, % for rates and empty for bare numbers", () => {
    expect(unit([["104.2亿元"], ["10%以上"], ["100万吨标准煤"], [42]])).toEqual([["元"], ["%"], ["吨"], [""]]);
  });
  it("reports an unknown unit", () => {
    expectError((unit([["12斤"]]) as unknown[][])[0][0], "#VALUE!", "斤");
  });
});

describe("ZG.COMPLETION", () => {
  it("is actual ÷ target, with the target as written and basis omitted (null)", () => {
    expect(completion([[1200]], [["1000台"]], null)).toEqual([[1.2]]);
    expect(completion([[0.12]], [["10%以上"]], null)).toEqual([[1.2]]);
    // Exact: 0.3 ÷ 0.1 is 3, not 2.9999999999999996.
    expect(completion([[0.3]], [[0.1]], null)).toEqual([[3]]);
  });

  it("is target ÷ actual for an at-most target (以下)", () => {
    expect(completion([["4%"]], [["5%以下"]], null)).toEqual([[1.25]]);
  });

  it("basis value ranks the actual itself", () => {
    expect(completion([[1200]], [["1000台"]], "value")).toEqual([[1200]]);
    expect(completion([[1200]], [["1000台"]], "完成值")).toEqual([[1200]]);
    expectError((completion([[1]], [[1]], "percent") as unknown[][])[0][0], "#VALUE!", "参数 basis", "ratio");
  });

  it("spills over a column with one target for all, and keeps each problem in its cell", () => {
    const out = completion(col(110, "", "待定", excelError("#N/A"), "1,200台"), [["1000台"]], null) as unknown[][];
    expect(out[0]).toEqual([0.11]);
    expectError(out[1][0], "#N/A", "参数 actual 第 2 个值");
    expectError(out[2][0], "#VALUE!", "待定");
    expectError(out[3][0], "#N/A", "错误值 #N/A");
    expect(out[4]).toEqual([1.2]);
  });

  it("has no measure without a usable target", () => {
    expectError((completion([[5]], [[0]], null) as unknown[][])[0][0], "#N/A", "目标不大于 0");
    expectError((completion([[5]], [[""]], null) as unknown[][])[0][0], "#N/A", "没有目标");
    // A bare actual takes the target's unit.
    expect(completion([[5]], [["100家"]], null)).toEqual([[0.05]]);
  });

  it("refuses units that do not match and ranges of different sizes", () => {
    expectError((completion([["120台"]], [["100家"]], null) as unknown[][])[0][0], "#VALUE!", "台", "家");
    expectError((completion(col(1, 2, 3), col(1, 2), null) as unknown[][])[0][0], "#VALUE!", "大小不同");
  });
});

describe("ZG.OVERTARGET", () => {
  it("is (actual − target) ÷ target above the target, empty otherwise", () => {
    expect(overTarget(col(120, 100, 90), [["100台"]])).toEqual([[0.2], [""], [""]]);
  });
  it("reads 以下 as at most: lower is over the target", () => {
    expect(overTarget(col("4%", "6%"), [["5%以下"]])).toEqual([[0.2], [""]]);
  });
});

describe("ZG.POLICYSCORE", () => {
  it("adds 2+2+4+4+4 and 1 per endorsement up to 4; omitted endorsements count 0", () => {
    expect(policyScore([["是"]], [["有"]], [["Y"]], [[1]], [[true]], [[5]])).toEqual([[20]]);
    expect(policyScore([["是"]], [["否"]], [[""]], [["✓"]], [["✗"]], null)).toEqual([[6]]);
  });

  it("spills per row and reports a cell that is not yes/no in its own row", () => {
    const out = policyScore(col("是", "也许", "否"), col("是", "是", "否"), [["是"]], [["否"]], [["否"]], col(0, 1, "2次")) as unknown[][];
    expect(out[0]).toEqual([8]);
    expectError(out[1][0], "#VALUE!", "参数 plan 第 2 个值", "也许");
    expect(out[2]).toEqual([6]);
  });

  it("rejects a count that is not a whole number", () => {
    expectError((policyScore([["是"]], [["是"]], [["是"]], [["是"]], [["是"]], [[1.5]]) as unknown[][])[0][0], "#VALUE!", "endorsements");
  });
});

describe("messages in the user's language", () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });

  it("are Chinese by default", () => {
    expectError((target([["待定"]]) as unknown[][])[0][0], "#VALUE!", "不是数值");
  });

  it("follow Office.context.displayLanguage where the runtime has it", () => {
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: "en-US" } };
    expectError((target([["待定"]]) as unknown[][])[0][0], "#VALUE!", "is not a number");
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: "zh-CN" } };
    expectError((target([["待定"]]) as unknown[][])[0][0], "#VALUE!", "不是数值");
  });

  it("survive a host whose Office object throws", () => {
    (globalThis as { Office?: unknown }).Office = {
      get context(): never {
        throw new Error("not in this runtime");
      },
    };
    expectError((target([["待定"]]) as unknown[][])[0][0], "#VALUE!");
  });
});
