/**
 * Error values as arguments, for all 12 functions, handed over as Excel hands them once the metadata says
 * allowErrorForDataTypeAny (issue 10 item 2):
 *
 *  - custom-functions-errors.md, "Errors as custom function inputs": with allowErrorForDataTypeAny, "a custom
 *    function can take the range A2:A7 as an input, even if A6:A7 contains an error" — the function is called
 *    with the error inside the range;
 *  - the same page's CustomFunctions.Error table: #NAME? and #REF! are "supported as a custom function input
 *    error, but not as a custom function output error" — an input error is a CustomFunctions.Error, an object
 *    whose `code` is the ErrorCode value ("#N/A", "#DIV/0!", …; @types/custom-functions-runtime), as the shim's
 *    ShimError is. Only #VALUE! and #N/A may carry a message out ("You can only return a custom error message
 *    with the #VALUE! and #N/A errors").
 *  - custom-functions-parameter-options.md: omitted arguments arrive as null, ranges as 2-D arrays, and with
 *    requiresParameterAddresses the invocation's parameterAddresses hold "SheetName!RelativeCellAddress".
 *
 * Our rules (docs/functions.md): #N/A inside a RANKSCORE / RANKSCOREBY / STDSCORE reference counts as no value;
 * any other error propagates, in its own cell where the result has one per cell, with a message naming the
 * argument and the cell.
 */
import * as fns from "../../src/functions/functions";
import { setLanguage } from "../../src/functions/runtime";
import { DetailedCellError, engine, valueAt } from "./hf";
import { asExcel, col, excelError, expectError, installCustomFunctions } from "./shim";

beforeAll(installCustomFunctions);
beforeEach(() => setLanguage("zh"));
afterAll(() => setLanguage(null));

const NA = () => excelError("#N/A");
const DIV0 = () => excelError("#DIV/0!");
const REF = () => excelError("#REF!");
const NUM = () => excelError("#NUM!");
/** The invocation Excel passes: one address per declared parameter ("" for a constant or an omitted one). */
const inv = (...addresses: string[]) => ({ parameterAddresses: addresses });
const cells = (m: unknown): unknown[] => (m as unknown[][]).map((r) => r[0]);

const f = {
  rankScore: asExcel(fns.rankScore),
  rankScoreBy: asExcel(fns.rankScoreBy),
  stdScore: asExcel(fns.stdScore),
  target: asExcel(fns.target),
  unit: asExcel(fns.unit),
  completion: asExcel(fns.completion),
  overTarget: asExcel(fns.overTarget),
  allocGap: asExcel(fns.allocGap),
  allocCheck: asExcel(fns.allocCheck),
  policyScore: asExcel(fns.policyScore),
  recommend: asExcel(fns.recommend),
  shortlist: asExcel(fns.shortlist),
};

describe("ZG.RANKSCORE", () => {
  const ref = () => col(90, NA(), 80, 70);
  const where = inv("Sheet1!B2:B5", "Sheet1!B2:B5", "", "", "", "");

  it("#N/A in ref is no value: no rank, and as number 0 points", () => {
    expect(f.rankScore(ref(), ref(), null, null, null, null, where)).toEqual([[10], [0], [9.5], [9]]);
  });

  it("another error in ref propagates to every cell, naming ref and its cell (#REF! becomes #VALUE!, as Excel requires)", () => {
    const out = cells(f.rankScore(col(90, 80), col(90, REF(), 80), null, null, null, null, inv("Sheet1!C2:C3", "Sheet1!B2:B4", "", "", "", "")));
    for (const v of out) expectError(v, "#VALUE!", "#REF!", "参数 ref（工作表“Sheet1”B3 单元格）");
  });

  it("an error in number stays in its own cell, named", () => {
    const out = cells(f.rankScore(col(90, REF(), 70), col(90, 80, 70), null, null, null, null, inv("Sheet1!B2:B4", "Sheet1!B2:B4", "", "", "", "")));
    expect(out[0]).toBe(10);
    expectError(out[1], "#VALUE!", "#REF!", "参数 number（工作表“Sheet1”B3 单元格）");
    expect(out[2]).toBe(9);
  });

  it("an error as a scalar option fills the result with it, named", () => {
    const out = cells(f.rankScore(col(90, 80), col(90, 80), null, excelError("#VALUE!"), null, null, inv("Sheet1!B2:B3", "Sheet1!B2:B3", "", "Sheet1!E1", "", "")));
    expect(out).toHaveLength(2);
    for (const v of out) expectError(v, "#VALUE!", "参数 top（工作表“Sheet1”E1 单元格）");
  });
});

describe("ZG.RANKSCOREBY", () => {
  it("#N/A in ref is no value; another error affects only its own group", () => {
    const ref = col(90, NA(), 80, DIV0(), 60);
    const groups = col("杭州", "杭州", "杭州", "宁波", "宁波");
    const out = cells(f.rankScoreBy(ref, ref, groups, groups, null, null, null, null, inv("Sheet1!C1:C5", "Sheet1!C1:C5", "Sheet1!A1:A5", "Sheet1!A1:A5", "", "", "", "")));
    expect(out.slice(0, 3)).toEqual([10, 0, 9.5]);
    expectError(out[3], "#DIV/0!");
    expectError(out[4], "#DIV/0!");
  });

  it("an error among the groups makes every group untrustworthy; an error as group stays in its cell", () => {
    const ref = col(90, 80);
    const out = cells(f.rankScoreBy(ref, ref, col("杭州", NUM()), col("杭州", REF()), null, null, null, null, inv("Sheet1!C1:C2", "Sheet1!C1:C2", "Sheet1!A1:A2", "Sheet1!B1:B2", "", "", "", "")));
    expectError(out[0], "#VALUE!", "#REF!", "参数 groups（工作表“Sheet1”B2 单元格）");
    expectError(out[1], "#NUM!");
  });
});

describe("ZG.STDSCORE", () => {
  it("#N/A in ref is no value for max; an error in points stays in its cell", () => {
    const out = cells(f.stdScore(col(30, DIV0(), 15), col(30, NA(), 15), 60, "max", null, inv("Sheet1!A1:A3", "Sheet1!B1:B3", "", "", "")));
    expect(out[0]).toBe(60);
    expectError(out[1], "#DIV/0!");
    expect(out[2]).toBe(30);
  });

  it("another error in ref propagates; an error as weight fills the result", () => {
    expectError(cells(f.stdScore(col(30), col(30, REF()), 60, "max", null, inv("Sheet1!A1", "Sheet1!B1:B2", "", "", "")))[0], "#VALUE!", "#REF!", "参数 ref（工作表“Sheet1”B2 单元格）");
    const out = cells(f.stdScore(col(30, 15), null, NA(), null, 50, inv("Sheet1!A1:A2", "", "Sheet1!C1", "", "")));
    for (const v of out) expectError(v, "#N/A", "参数 weight（工作表“Sheet1”C1 单元格）");
  });
});

describe("ZG.TARGET and ZG.UNIT", () => {
  it("an error in the range stays in its own cell, named; the others read", () => {
    const text = col("10%以上", DIV0(), NA(), "1300台");
    const where = inv("'县 表'!D2:D5");
    const t = cells(f.target(text, where));
    expect(t[0]).toBe(0.1);
    expectError(t[1], "#DIV/0!");
    expectError(t[2], "#N/A", "参数 text（工作表“县 表”D4 单元格）");
    expect(t[3]).toBe(1300);
    const u = cells(f.unit(col("104.2亿元", REF()), inv("Sheet1!A1:A2")));
    expect(u[0]).toBe("元");
    expectError(u[1], "#VALUE!", "#REF!", "参数 text（工作表“Sheet1”A2 单元格）");
  });

  it("an error as the single argument is that error", () => {
    expectError(cells(f.target(NA(), inv("Sheet1!A1")))[0], "#N/A", "参数 text");
  });
});

describe("ZG.COMPLETION and ZG.OVERTARGET", () => {
  it("an error in actual or target stays in its own row, named", () => {
    const actual = col(1200, DIV0(), 900);
    const target = col("1000台", "1000台", REF());
    const where = inv("Sheet1!B1:B3", "Sheet1!A1:A3", "");
    const c = cells(f.completion(actual, target, null, where));
    expect(c[0]).toBe(1.2);
    expectError(c[1], "#DIV/0!");
    expectError(c[2], "#VALUE!", "#REF!", "参数 target（工作表“Sheet1”A3 单元格）");
    const o = cells(f.overTarget(actual, target, inv("Sheet1!B1:B3", "Sheet1!A1:A3")));
    expect(o[0]).toBeCloseTo(0.2, 12);
    expectError(o[1], "#DIV/0!");
    expectError(o[2], "#VALUE!", "#REF!");
  });

  it("an error as basis fills the result", () => {
    for (const v of cells(f.completion(col(1, 2), col(1, 1), NA(), inv("Sheet1!B1:B2", "Sheet1!A1:A2", "Sheet1!C9")))) expectError(v, "#N/A", "参数 basis（工作表“Sheet1”C9 单元格）");
  });
});

describe("ZG.ALLOCGAP and ZG.ALLOCCHECK", () => {
  const one = (x: unknown) => (x as unknown[][])[0][0];
  it("an error among the children is the result, naming the child's cell", () => {
    const children = [[3000, NA(), 2500]];
    expectError(one(f.allocGap("10000台", children, null, inv("Sheet1!A1", "Sheet1!B1:D1", ""))), "#N/A", "参数 children（工作表“Sheet1”C1 单元格）");
    expectError(one(f.allocCheck("10000台", [[3000, DIV0()]], null, null, inv("Sheet1!A1", "Sheet1!B1:C1", "", ""))), "#DIV/0!");
  });

  it("an error as parent, base or lang is that error, named", () => {
    expectError(one(f.allocGap(REF(), col(1), null, inv("Sheet1!A1", "Sheet1!B1", ""))), "#VALUE!", "#REF!", "参数 parent（工作表“Sheet1”A1 单元格）");
    expectError(one(f.allocGap("全省累计上云企业40万家", col("5万家"), NA(), inv("Sheet1!A1", "Sheet1!B1", "Sheet1!C1"))), "#N/A", "参数 base（工作表“Sheet1”C1 单元格）");
    expectError(one(f.allocCheck("10000台", col(1), null, NA(), inv("Sheet1!A1", "Sheet1!B1", "", "Sheet1!Z1"))), "#N/A", "参数 lang（工作表“Sheet1”Z1 单元格）");
  });
});

describe("ZG.POLICYSCORE", () => {
  it("an error in a yes/no column or the count stays in its own row, named", () => {
    const yes = () => col("是", "是", "是");
    const out = cells(f.policyScore(col("是", DIV0(), "否"), yes(), yes(), yes(), yes(), col(1, 2, REF()), inv("Sheet1!A1:A3", "Sheet1!B1:B3", "Sheet1!C1:C3", "Sheet1!D1:D3", "Sheet1!E1:E3", "Sheet1!F1:F3")));
    expect(out[0]).toBe(17);
    expectError(out[1], "#DIV/0!");
    expectError(out[2], "#VALUE!", "#REF!", "参数 endorsements（工作表“Sheet1”F3 单元格）");
  });
});

describe("ZG.RECOMMEND and ZG.SHORTLIST", () => {
  it("an error in a list argument is the result, naming the argument and its cell", () => {
    const out = f.recommend(col("上城区", "萧山区"), col("杭州市", "杭州市"), col(80, NA()), null, null, null, null, null, inv("Sheet1!A1:A2", "Sheet1!B1:B2", "Sheet1!C1:C2", "", "", "", "", "")) as unknown[][];
    expectError(out[0][0], "#N/A", "参数 totals（工作表“Sheet1”C2 单元格）");
    const s = f.shortlist(col("上城区", REF()), col(80, 70), null, null, null, null, null, inv("Sheet1!A1:A2", "Sheet1!B1:B2", "", "", "", "", "")) as unknown[][];
    expectError(s[0][0], "#VALUE!", "#REF!", "参数 counties（工作表“Sheet1”A2 单元格）");
  });

  it("an error as a scalar option is the result, named", () => {
    const s = f.shortlist(col("上城区"), col(80), null, NUM(), null, null, null, inv("Sheet1!A1", "Sheet1!B1", "", "Sheet1!D1", "", "", "")) as unknown[][];
    expectError(s[0][0], "#NUM!");
    const r = f.recommend(col("上城区"), col("杭州市"), col(80), col(DIV0()), null, null, null, null, inv("Sheet1!A1", "Sheet1!B1", "Sheet1!C1", "Sheet1!D1", "", "", "", "")) as unknown[][];
    expectError(r[0][0], "#DIV/0!");
  });
});

describe("the other shape Microsoft documents for an error: Excel.ErrorCellValue (data types)", () => {
  // custom-functions-data-types-concepts.md: "A custom function can accept a data types error object". We turn
  // data types off (allowCustomDataForDataTypeAny false), but an error arriving in that shape is still read by code.
  it("{ type: 'Error', errorType, basicValue } reads as the error it names", () => {
    const cellValueError = { type: "Error", basicType: "Error", basicValue: "#DIV/0!", errorType: "Div0" };
    expectError(cells(f.target(col(cellValueError)))[0], "#DIV/0!");
    const noBasic = { type: "Error", errorType: "NotAvailable" };
    expect(cells(f.rankScore(col(90, noBasic), col(90, noBasic), null, null, null, null))).toEqual([10, 0]);
    const formatted = { type: "Double", basicValue: 0.125, numberFormat: "0.0%" };
    expect(cells(f.target(col(formatted)))[0]).toBe(0.125);
  });
});

describe("a completion column behind IFERROR(…, \"\") or bare, feeding the ranking (the results sheet's chain)", () => {
  it("IFERROR blanks and bare #N/A both take no rank and score 0; the others rank as if they were absent", () => {
    // Excel lifts IFERROR over a spilled argument by itself; HyperFormula needs ARRAYFORMULA to do the same.
    const hf = engine([
      ["1000台", 1200, '=ARRAYFORMULA(IFERROR(ZG.COMPLETION(B1:B4,A1:A4),""))', "=ZG.COMPLETION(B1:B4,A1:A4)", "=ZG.RANKSCORE(C1:C4,C1:C4)", "=ZG.RANKSCORE(D1:D4,D1:D4)"],
      ["", 900],
      ["1000台", 900],
      ["1000台", "待定"],
    ]);
    // IFERROR's "" (HyperFormula shows an empty text inside a spill as an empty cell).
    for (const a of ["C2", "C4"]) expect(["", null]).toContain(valueAt(hf, a));
    expect((valueAt(hf, "D2") as DetailedCellError).value).toBe("#N/A");
    expect((valueAt(hf, "D4") as DetailedCellError).value).toBe("#VALUE!");
    expect(["E1", "E2", "E3", "E4"].map((a) => valueAt(hf, a))).toEqual([10, 0, 9.5, 0]);
    // The bare column: #N/A is no value; the unreadable #VALUE! propagates as in RANK.EQ.
    expect((valueAt(hf, "F1") as DetailedCellError).value).toBe("#VALUE!");
    hf.setCellContents({ sheet: 0, row: 3, col: 1 }, 800);
    expect(["F1", "F2", "F3", "F4"].map((a) => valueAt(hf, a))).toEqual([10, 0, 9.5, 9]);
    hf.destroy();
  });
});
