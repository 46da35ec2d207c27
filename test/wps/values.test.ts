/**
 * Values as WPS may hand them over (src/wps/values.ts): Value2 of a cell or a block, range-like objects, 1-D arrays,
 * VBA's error numbers; and colours as VBA's Color properties take them (red + green × 256 + blue × 65536).
 */
import { cellOf, gridOf, rowsOf, vbaColor } from "../../src/wps/values";

test("a cell, a block, a 1-D array, a range-like object and ragged rows all become rows", () => {
  expect(rowsOf(5)).toEqual([[5]]);
  expect(rowsOf([[1, 2], [3]])).toEqual([[1, 2], [3, undefined]]);
  expect(rowsOf([1, 2, 3])).toEqual([[1, 2, 3]]);
  expect(rowsOf({ Value2: [[1], [2]] })).toEqual([[1], [2]]);
  expect(gridOf(7, 2, 2)).toEqual([[7, ""], ["", ""]]);
});

test("empty is empty text, VBA's error numbers and error objects are errors, other numbers stay numbers", () => {
  expect(cellOf(undefined)).toBe("");
  expect(cellOf(null)).toBe("");
  expect(cellOf(-2146826246)).toEqual({ error: "#N/A" });
  expect(cellOf(-2146826281)).toEqual({ error: "#DIV/0!" });
  expect(cellOf(-2146826247)).toBe(-2146826247);
  expect(cellOf({ code: "#REF!" })).toEqual({ error: "#REF!" });
  expect(cellOf({ error: "#VALUE!" })).toEqual({ error: "#VALUE!" });
  expect(cellOf("#N/A")).toBe("#N/A");
  expect(cellOf(true)).toBe(true);
});

test("colours in VBA's order: blue is the high byte", () => {
  expect(vbaColor("#FF0000")).toBe(255);
  expect(vbaColor("#0000FF")).toBe(16711680);
  expect(vbaColor("#FDE7E9")).toBe(0xfd + 0xe7 * 256 + 0xe9 * 65536);
});
