/** The one address module: A1 references read and written the way Excel does. */
import { a1, blockAddress, columnIndex, columnLetters, compactAddresses, parseBlock, quoteSheet, rangeRef, ref, referenceStart, splitAddress } from "../../src/core/address";

test("columns and cells both ways", () => {
  expect([0, 25, 26, 701, 702, 16383].map(columnLetters)).toEqual(["A", "Z", "AA", "ZZ", "AAA", "XFD"]);
  expect(["A", "z", "AA", "XFD"].map(columnIndex)).toEqual([0, 25, 26, 16383]);
  expect(a1(1048575, 16383)).toBe("XFD1048576");
  expect(parseBlock("$E$9:C5")).toEqual({ top: 4, left: 2, bottom: 8, right: 4 });
  expect(parseBlock("C5")).toEqual({ top: 4, left: 2, bottom: 4, right: 2 });
  expect(parseBlock("Sheet1!C5")).toBeNull();
  expect(blockAddress({ top: 0, left: 0, bottom: 0, right: 0 })).toBe("A1");
});

test("a sheet name that could read as a cell, an R1C1 reference or a value is quoted", () => {
  for (const name of ["FY2020", "Q1", "AB12", "xfd1048576", "R1C1", "R", "C", "rc", "R2", "C12", "TRUE", "false"]) {
    expect(quoteSheet(name)).toBe(`'${name}'`);
  }
  expect(quoteSheet("Sheet1")).toBe("Sheet1");
  expect(quoteSheet("ABCD1")).toBe("ABCD1");
  expect(quoteSheet("完成情况")).toBe("'完成情况'");
  expect(quoteSheet("县 表")).toBe("'县 表'");
  expect(quoteSheet("O'Brien")).toBe("'O''Brien'");
  expect(ref("FY2020", 1, 5)).toBe("'FY2020'!F2");
  expect(rangeRef("Q1", { top: 1, left: 5, bottom: 89, right: 5 })).toBe("'Q1'!$F$2:$F$90");
});

test("sheet-qualified references split and start where Excel says", () => {
  expect(splitAddress("'O''Brien'!A1:B2")).toEqual({ sheet: "O'Brien", local: "A1:B2" });
  expect(referenceStart("'县 表'!$B$2")).toEqual({ sheet: "县 表", row: 1, col: 1 });
  expect(referenceStart("Sheet1!C:C")).toEqual({ sheet: "Sheet1", row: 0, col: 2 });
  expect(referenceStart("2:2")).toEqual({ row: 1, col: 0 });
  expect(referenceStart("")).toBeUndefined();
  expect(referenceStart(null)).toBeUndefined();
  expect(referenceStart("not an address!")).toBeUndefined();
});

test("cells compact into runs along each row", () => {
  expect(compactAddresses(["C5", "D5", "E5", "C6", "E6", "D5:E5"])).toEqual(["C5:E5", "C6", "E6"]);
});
