/** The one wrapper every ZG function goes through: coercion, defaults, validation, errors as values. */
import { define, parseAddress, toMatrix } from "../../src/functions/args";
import { setLanguage, toExcelError, fail } from "../../src/functions/runtime";
import { excelError, expectError, installCustomFunctions, ShimError } from "./shim";

beforeAll(installCustomFunctions);
afterEach(() => setLanguage(null));

const echo = define(
  {
    id: "ECHO",
    params: [
      { name: "values", kind: "cells" },
      { name: "top", kind: "number", default: 10, above: 0 },
      { name: "count", kind: "number", default: 6, min: 1, integer: true },
      { name: "order", kind: "order" },
      { name: "method", kind: "choice", default: "full", choices: { full: "full", 满分法: "full", max: "max" } },
      { name: "extra", kind: "cells", optional: true },
    ] as const,
    result: { like: ["values"] },
  },
  ([values, top, count, order, method, extra]) => [[JSON.stringify({ cells: values.cells, rows: values.rows, cols: values.cols, top, count, order, method, extra })]],
);

const run = (...args: unknown[]): Record<string, unknown> => JSON.parse((echo.call(...args) as string[][])[0][0]);

describe("coercion", () => {
  it("applies every default when Excel passes null for omitted arguments", () => {
    expect(run([[1]], null, null, null, null, null)).toMatchObject({ top: 10, count: 6, order: "desc", method: "full", extra: null });
    // Arguments beyond those Excel passed count as omitted too.
    expect(run([[1]])).toMatchObject({ top: 10, count: 6, order: "desc", method: "full" });
  });

  it("flattens a 2-D range row by row and turns blanks and error values into cells the engine reads", () => {
    const r = run(
      [
        [1, ""],
        [null, excelError("#N/A")],
      ],
      null,
    );
    expect(r).toMatchObject({ rows: 2, cols: 2, cells: [1, "", null, { error: "#N/A" }] });
    expect(toMatrix(5)).toEqual({ rows: 1, cols: 1, cells: [5] });
  });

  it("reads numbers written as text, and blank cells as omitted", () => {
    expect(run([[1]], "12", "３", "", " 满分法 ")).toMatchObject({ top: 12, count: 3, order: "desc", method: "full" });
    expect(run([[1]], [[""]], [[8]])).toMatchObject({ top: 10, count: 8 });
  });

  it("reads RANK.EQ's order: 0 descending, nonzero ascending, TRUE ascending", () => {
    expect(run([[1]], null, null, 0)).toMatchObject({ order: "desc" });
    expect(run([[1]], null, null, -1)).toMatchObject({ order: "asc" });
    expect(run([[1]], null, null, true)).toMatchObject({ order: "asc" });
  });
});

describe("validation gives #VALUE! naming the argument; errors propagate", () => {
  const first = (...args: unknown[]): unknown => (echo.call(...args) as unknown[][])[0][0];

  it("limits", () => {
    expectError(first([[1]], 0), "#VALUE!", "参数 top", "> 0", "0");
    expectError(first([[1]], null, 2.5), "#VALUE!", "参数 count", "整数");
    expectError(first([[1]], null, 0), "#VALUE!", "参数 count", "≥ 1");
    expectError(first([[1]], "很多"), "#VALUE!", "参数 top", "应为数值");
    expectError(first([[1]], true), "#VALUE!", "参数 top", "逻辑值 TRUE");
    expectError(first([[1]], null, null, null, "median"), "#VALUE!", "参数 method", "full / max");
  });

  it("a range where one value is expected", () => {
    expectError(first([[1]], [[1], [2]]), "#VALUE!", "参数 top", "2 行 1 列");
  });

  it("an error value passed in keeps its code", () => {
    expectError(first([[1]], excelError("#DIV/0!")), "#DIV/0!");
    expectError(first([[1]], excelError("#N/A")), "#N/A", "参数 top", "#N/A");
  });

  it("a whole-call error fills the element-wise shape", () => {
    const out = echo.call([[1], [2], [3]], 0) as unknown[][];
    expect(out).toHaveLength(3);
    for (const row of out) expectError(row[0], "#VALUE!", "参数 top");
  });

  it("in English when asked", () => {
    setLanguage("en");
    expectError(first([[1]], 0), "#VALUE!", "argument top must be > 0; got 0");
  });
});

describe("results", () => {
  it("a body that throws still gives #VALUE! with a message, never a crash", () => {
    const boom = define({ id: "BOOM", params: [] as const, result: "cell" }, () => {
      throw new Error("kaput");
    });
    expectError((boom.call() as unknown[][])[0][0], "#VALUE!", "ZG.BOOM", "kaput");
  });

  it("non-finite numbers become #VALUE!; texts in both languages are shown in the call's lang, Chinese when omitted", () => {
    const f = define({ id: "F", params: [{ name: "lang", kind: "lang" }] as const, result: { cols: 2 } }, () => [[Infinity, { zh: "达标", en: "OK" }]]);
    const out = f.call(null) as unknown[][];
    expectError(out[0][0], "#VALUE!", "结果不是有限数值");
    expect(out[0][1]).toBe("达标");
    expect((f.call("en") as unknown[][])[0][1]).toBe("OK");
    // The machine's language changes hover text, never a text result.
    setLanguage("en");
    const onEnglishMachine = f.call(null) as unknown[][];
    expect(onEnglishMachine[0][1]).toBe("达标");
    expectError(onEnglishMachine[0][0], "#VALUE!", "not a finite number");
  });

  it("Excel accepts only some error codes as results, and a message only with #VALUE! and #N/A", () => {
    const ref = toExcelError(fail("#REF!", { zh: "引用无效", en: "bad reference" }), "zh");
    expect(ref).toBeInstanceOf(ShimError);
    expect(ref).toMatchObject({ code: "#VALUE!", message: "#REF!：引用无效" });
    expect(toExcelError(fail("#DIV/0!", { zh: "x", en: "x" }), "zh")).toEqual(new ShimError("#DIV/0!"));
  });

  it("works without the runtime's CustomFunctions (plain error objects)", () => {
    const g = globalThis as { CustomFunctions?: unknown };
    const saved = g.CustomFunctions;
    delete g.CustomFunctions;
    try {
      expect(toExcelError(fail("#N/A", { zh: "无", en: "none" }), "en")).toEqual({ code: "#N/A", message: "none" });
    } finally {
      g.CustomFunctions = saved;
    }
  });
});

describe("messages name the sheet and cell where Excel passes the parameters' addresses", () => {
  it("reads Excel's addresses, quoted sheet names and absolute references included", () => {
    expect(parseAddress("Sheet1!B2:D5")).toEqual({ sheet: "Sheet1", row: 1, col: 1 });
    expect(parseAddress("'县 表''s'!$AA$10")).toEqual({ sheet: "县 表's", row: 9, col: 26 });
    expect(parseAddress("C3")).toEqual({ row: 2, col: 2 });
    expect(parseAddress("县表!C:D")).toEqual({ sheet: "县表", row: 0, col: 2 });
    expect(parseAddress("Sheet1!$4:$9")).toEqual({ sheet: "Sheet1", row: 3, col: 0 });
    expect(parseAddress("")).toBeUndefined();
    expect(parseAddress(undefined)).toBeUndefined();
    expect(parseAddress("#REF!")).toBeUndefined();
  });

  it("a single-value argument by its address", () => {
    const f = define({ id: "F", params: [{ name: "values", kind: "cells" }, { name: "top", kind: "number", default: 10 }] as const, result: { like: ["values"] } }, () => 1);
    const out = f.invoke([[[1]], "很多"], { parameterAddresses: ["'县表'!B2", "Sheet2!$F$1"] }) as unknown[][];
    expectError(out[0][0], "#VALUE!", "参数 top（工作表“Sheet2”F1 单元格）", "应为数值");
  });

  it("through a real function: the bad cell of a 2-D range is named by its own address", () => {
    const fns = jest.requireActual("../../src/functions/functions") as typeof import("../../src/functions/functions");
    const out = fns.target([[1, 2], [3, "待定"]], { parameterAddresses: ["'县表'!B2:C3"] } as CustomFunctions.Invocation) as unknown[][];
    expectError(out[1][1], "#VALUE!", "参数 text（工作表“县表”C3 单元格）", "待定");
    setLanguage("en");
    const en = fns.target([[1, 2], [3, "待定"]], { parameterAddresses: ["'县表'!B2:C3"] } as CustomFunctions.Invocation) as unknown[][];
    expectError(en[1][1], "#VALUE!", "argument text (县表!C3)");
    // Without addresses (older Excel), the position in the range is named instead.
    const plain = fns.target([[1, 2], [3, "待定"]]) as unknown[][];
    expectError(plain[1][1], "#VALUE!", "row 2 column 2");
  });
});
