import fc from "fast-check";
import {
  addDecimal,
  compareDecimal,
  compareRatio,
  decimalFromNumber,
  decimalFromString,
  decimalToNumber,
  decimalToString,
  compareFractions,
  doubleParts,
  mulDecimal,
  wholeParts,
  ratio,
  ratioFromNumber,
  sumDecimals,
} from "../../src/core/decimal";
import { normalizeText, readCell, readCount, readLabelTarget, readYesNo } from "../../src/core/parse";
import type { CellValue, Reading } from "../../src/core/types";

const AT = { sheet: "分解表", cell: "C5" };

function value(r: Reading) {
  if (r.status !== "value") throw new Error(`expected a value, got ${r.status}: ${"issue" in r ? r.issue.en : ""}`);
  return r.quantity;
}

/** [cell as written, value in base units, unit, bound, isRate] — each line is a case an official could type. */
const READABLE: Array<[CellValue, number, string | null, "atLeast" | "atMost", boolean]> = [
  ["1300台", 1300, "台", "atLeast", false],
  ["1300\n\n台", 1300, "台", "atLeast", false],
  ["10%\n\n以上", 0.1, "%", "atLeast", true],
  ["10%以上", 0.1, "%", "atLeast", true],
  ["104.2亿元", 10420000000, "元", "atLeast", false],
  ["2.3亿元", 230000000, "元", "atLeast", false],
  ["0.95万吨", 9500, "吨", "atLeast", false],
  ["100万吨标准煤", 1000000, "吨", "atLeast", false],
  ["5万吨标煤", 50000, "吨", "atLeast", false],
  ["1,350家", 1350, "家", "atLeast", false],
  ["１３３０台", 1330, "台", "atLeast", false],
  ["12.5％", 0.125, "%", "atLeast", true],
  ["１２．５％", 0.125, "%", "atLeast", true],
  ["40万家", 400000, "家", "atLeast", false],
  ["≥10%", 0.1, "%", "atLeast", true],
  [">=10%", 0.1, "%", "atLeast", true],
  ["不低于7%", 0.07, "%", "atLeast", true],
  ["至少50家", 50, "家", "atLeast", false],
  ["5%以下", 0.05, "%", "atMost", true],
  ["100吨以内", 100, "吨", "atMost", false],
  ["≤3%", 0.03, "%", "atMost", true],
  ["不超过20万吨", 200000, "吨", "atMost", false],
  ["1.51\n万亩", 15100, "亩", "atLeast", false],
  ["  22 个 ", 22, "个", "atLeast", false],
  ["1\u3000000家", 1000, "家", "atLeast", false],
  ["-3.5%", -0.035, "%", "atLeast", true],
  ["\u22122%", -0.02, "%", "atLeast", true],
  ["1,234,567元", 1234567, "元", "atLeast", false],
  ["0.5亿元", 50000000, "元", "atLeast", false],
  ["3百万元", 3000000, "元", "atLeast", false],
  ["2个百分点", 0.02, "%", "atLeast", true],
  ["1.2e4", 12000, null, "atLeast", false],
  ["12.", 12, null, "atLeast", false],
  [".5", 0.5, null, "atLeast", false],
  [1300, 1300, null, "atLeast", false],
  [0.125, 0.125, null, "atLeast", false],
];

/** [cell as written, error code] — never a silent 0, never a crash. */
const UNREADABLE: Array<[CellValue, string]> = [
  ["待定", "not-a-number"],
  ["约十二", "approximate"],
  ["约12家", "approximate"],
  ["十二", "chinese-numeral"],
  ["10台左右", "approximate"],
  ["1,35", "bad-separator"],
  ["12,5%", "bad-separator"],
  ["10-12%", "range"],
  ["10~12家", "range"],
  ["#N/A", "excel-error"],
  ["#div/0!", "excel-error"],
  [{ error: "#REF!" }, "excel-error"],
  [true, "not-a-number"],
  [Number.NaN, "not-a-number"],
  [Number.POSITIVE_INFINITY, "not-a-number"],
  ["12斤", "bad-unit"],
  ["12台套件", "bad-unit"],
  ["不超过10%以上", "conflicting-bound"],
  ["万元", "not-a-number"],
  ["%", "not-a-number"],
  ["1.2.3", "not-a-number"],
  ["abc", "not-a-number"],
];

const NO_VALUE: CellValue[] = [null, undefined, "", "   ", "\n", "—", "——", "-", "/", "无", "－"];

describe("readCell (rules.md §1)", () => {
  test.each(READABLE)("%j reads as %p %p", (cell, expected, unit, bound, isRate) => {
    const q = value(readCell(cell, AT));
    expect(q.value).toBe(expected);
    expect(q.unit).toBe(unit);
    expect(q.bound).toBe(bound);
    expect(q.isRate).toBe(isRate);
    expect(decimalToNumber(q.exact)).toBe(expected);
  });

  test.each(UNREADABLE)("%j is an error %p that names the sheet and cell", (cell, code) => {
    const r = readCell(cell, AT);
    expect(r.status).toBe("error");
    if (r.status !== "error") return;
    expect(r.issue.code).toBe(code);
    expect(r.issue.severity).toBe("error");
    expect(r.issue.sheet).toBe("分解表");
    expect(r.issue.cell).toBe("C5");
    expect(r.issue.zh).toContain("C5");
    expect(r.issue.zh).toContain("分解表");
    expect(r.issue.en).toContain("分解表!C5");
  });

  test.each(NO_VALUE.map((c) => [c]))("%j means no value, with a warning naming the cell", (cell) => {
    const r = readCell(cell, AT);
    expect(r.status).toBe("none");
    if (r.status === "none") {
      expect(r.issue.severity).toBe("warning");
      expect(r.issue.cell).toBe("C5");
    }
  });

  test("the catalogue holds at least 30 malformed or unusual cells", () => {
    expect(READABLE.length + UNREADABLE.length + NO_VALUE.length).toBeGreaterThanOrEqual(60);
    expect(UNREADABLE.length + NO_VALUE.length).toBeGreaterThanOrEqual(30);
  });

  test("the message quotes what was written, so the official can find it", () => {
    const r = readCell("待 定", AT);
    expect(r.status === "error" && r.issue.zh).toContain("“待定”不是数值");
    const u = readCell("12斤", AT);
    expect(u.status === "error" && u.issue.zh).toContain("单位“斤”");
  });

  test("a number in a percent format is a rate (a cell shown as 12.5% holds 0.125)", () => {
    const q = value(readCell(0.125, AT, { percentFormat: true }));
    expect(q).toMatchObject({ value: 0.125, unit: "%", isRate: true });
  });

  test("scaling is exact: 2.3亿 is 230000000, not 229999999.99999997", () => {
    expect(2.3 * 1e8).not.toBe(230000000);
    expect(value(readCell("2.3亿元")).value).toBe(230000000);
    expect(value(readCell("0.7万吨")).value).toBe(7000);
  });
});

describe("readLabelTarget (the parent written inside an indicator label)", () => {
  test.each([
    ["传统制造业研发费用支出增长10%以上", 0.1, "%", true],
    ["传统制造业新产品产值增长10%", 0.1, "%", true],
    ["重点工业企业装备数控化率60%以上", 0.6, "%", true],
    ["传统制造业新增工业机器人10000台", 10000, "台", false],
    ["全省累计上云企业40万家（下达任务数为当年新增数）", 400000, "家", false],
    ["传统制造业制订“浙江制造”标准200个", 200, "个", false],
    ["传统制造业并购重组交易涉及金额300亿元以上", 30000000000, "元", false],
    ["全省腾出用能100万吨标准煤", 1000000, "吨", false],
    ["全省盘活存量建设用地10万亩", 100000, "亩", false],
    ["2020年新增小微企业园200个", 200, "个", false],
    ["PM2.5浓度控制在35%以内", 0.35, "%", true],
  ])("%s → %p %p", (label, v, unit, isRate) => {
    const q = readLabelTarget(label);
    expect(q).not.toBeNull();
    expect(q!.value).toBe(v);
    expect(q!.unit).toBe(unit);
    expect(q!.isRate).toBe(isRate);
  });

  test("an at-most target in a label", () => {
    expect(readLabelTarget("单位工业增加值能耗下降不超过3%")!.bound).toBe("atMost");
    expect(readLabelTarget("安全事故控制在5起以内")).toBeNull(); // 起 is not a unit we know: no guess
  });

  test("labels without a target give null", () => {
    expect(readLabelTarget("新增工业机器人使用量")).toBeNull();
    expect(readLabelTarget("5G基站建设")).toBeNull();
    expect(readLabelTarget("")).toBeNull();
  });
});

describe("yes/no and counts", () => {
  test.each([["是", true], ["否", false], ["有", true], ["无", false], ["Y", true], ["n", false], [1, true], [0, false], ["TRUE", true], [false, false], ["✓", true], ["✗", false], [null, false], ["", false]] as Array<[CellValue, boolean]>)(
    "%j → %p",
    (cell, expected) => expect(readYesNo(cell)).toBe(expected),
  );
  test("anything else is not a yes/no value", () => {
    expect(readYesNo("也许")).toBeUndefined();
    expect(readYesNo(2)).toBeUndefined();
  });
  test("counts", () => {
    expect(readCount(3)).toBe(3);
    expect(readCount("2次")).toBe(2);
    expect(readCount(null)).toBe(0);
    expect(readCount("—")).toBe(0);
    expect(readCount(1.5)).toBeUndefined();
    expect(readCount(-1)).toBeUndefined();
    expect(readCount("很多")).toBeUndefined();
  });
});

describe("exact decimals", () => {
  test("sums of the 2020 并购重组 allocations are exactly 300 亿元", () => {
    const cells = ["104.2", "52", "14", "17", "15", "40", "19", "2.8", "0.5", "35", "0.5"];
    const exact = sumDecimals(cells.map((c) => decimalFromString(c)!));
    expect(decimalToString(exact)).toBe("300");
  });

  test("sums that binary floats get wrong are exact: 0.1万 + 0.2万 = 0.3万", () => {
    expect(0.1 + 0.2).not.toBe(0.3); // the trap a float sum falls into
    const parts = ["0.1万吨", "0.2万吨"].map((c) => value(readCell(c)).exact);
    expect(compareDecimal(sumDecimals(parts), value(readCell("0.3万吨")).exact)).toBe(0);
  });

  test("ratios equal as exact fractions compare equal: 0.3/0.1 = 3/1", () => {
    expect(0.3 / 0.1).not.toBe(3);
    const a = ratio(decimalFromNumber(0.3), decimalFromNumber(0.1));
    const b = ratio(decimalFromNumber(3), decimalFromNumber(1));
    expect(compareRatio(a, b)).toBe(0);
    expect(a.value).toBe(3);
  });

  test("decimalFromNumber reads a double as Excel shows it", () => {
    expect(decimalToString(decimalFromNumber(0.1 + 0.2))).toBe("0.30000000000000004");
    expect(decimalToString(decimalFromNumber(1e21))).toBe("1000000000000000000000");
    expect(decimalToString(decimalFromNumber(1.5e-7))).toBe("0.00000015");
  });

  test("property: decimal comparison agrees with the numbers it came from", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), (x, y) => {
        const c = compareDecimal(decimalFromNumber(x), decimalFromNumber(y));
        expect(c).toBe(x < y ? -1 : x > y ? 1 : 0);
        expect(decimalToNumber(addDecimal(decimalFromNumber(x), decimalFromNumber(0)))).toBe(x === 0 ? 0 : x);
      }),
    );
  });

  test("property: ratio comparison is exact and agrees with cross-multiplication", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 1000 }), (n, d, k) => {
        const a = ratio(decimalFromNumber(n), decimalFromNumber(d));
        const b = ratio(decimalFromNumber(n * k), decimalFromNumber(d * k));
        expect(compareRatio(a, b)).toBe(0);
        expect(compareRatio(a, ratioFromNumber(a.value + Math.abs(a.value) + 1))).toBe(-1);
      }),
    );
  });
});

describe("exactness kept on big.js (rules.md §1)", () => {
  test("2.3亿 is 230000000, where the float product is not", () => {
    expect(2.3 * 1e8).not.toBe(230000000);
    expect(value(readCell("2.3亿元")).value).toBe(230000000);
    expect(decimalToString(value(readCell("2.3亿元")).exact)).toBe("230000000");
  });

  test("10 × 5.2亿 = 52亿 exactly (a 单位 column's factor times a count)", () => {
    const product = mulDecimal(decimalFromNumber(10), value(readCell("5.2亿")).exact);
    expect(compareDecimal(product, value(readCell("52亿")).exact)).toBe(0);
    expect(decimalToString(product)).toBe("5200000000");
  });

  test("0.3/0.1 ties 3/1 as exact ratios, however the doubles round", () => {
    const a = ratio(value(readCell("0.3")).exact, value(readCell("0.1")).exact);
    expect(compareRatio(a, ratio(decimalFromNumber(3), decimalFromNumber(1)))).toBe(0);
    // Near-equal but different ratios are told apart exactly, past the double's precision.
    const b = ratio(decimalFromString("1.0000000000000000000001")!, decimalFromNumber(1));
    expect(b.value).toBe(1);
    expect(compareRatio(b, ratio(decimalFromNumber(1), decimalFromNumber(1)))).toBe(1);
  });
});

describe("decimals of doubles without decimal objects (the scoring fast path)", () => {
  test("property: doubleParts is the shortest decimal big.js reads from String(x), or null", () => {
    const x = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -1e9, max: 1e9 }).chain((n) => fc.integer({ min: 0, max: 15 }).map((k) => n / 10 ** k)),
      fc.constantFrom(0.3, 0.1 + 0.2, 1e-7, 123456789012345, 0.123456789012345, 1e15, 999999999999999, -0, 5e-324),
    );
    fc.assert(
      fc.property(x, (v) => {
        const p = doubleParts(v);
        const w = wholeParts(decimalFromNumber(v));
        // Null only where the decimal needs more than doubles can carry: 15 digits, 15 decimal places.
        const fits = w !== null && (w.exp >= 0 ? Math.abs(v) < 1e15 : w.exp >= -15 && Math.abs(w.coef) < 1e15);
        expect([v, p !== null]).toEqual([v, fits]);
        if (p === null) return true;
        // Same value: coef × 10^exp read exactly by big.js equals the double's decimal.
        expect(compareDecimal(decimalFromString(`${p.coef}e${p.exp}`)!, decimalFromNumber(v))).toBe(0);
        return true;
      }),
      { numRuns: 3000 },
    );
  });

  test("property: compareFractions is the exact sign of n1/d1 − n2/d2, past where doubles round", () => {
    const safe = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
    const pos = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER });
    // Near-equal fractions too: n/d against (n·k + e)/(d·k).
    const near = fc.tuple(fc.integer({ min: -1e7, max: 1e7 }), fc.integer({ min: 1, max: 1e7 }), fc.integer({ min: 1, max: 1e8 }), fc.integer({ min: -1, max: 1 })).map(
      ([n, d, k, e]) => [n, d, n * k + e, d * k] as const,
    );
    fc.assert(
      fc.property(fc.oneof(fc.tuple(safe, pos, safe, pos), near), ([n1, d1, n2, d2]) => {
        const x = BigInt(n1) * BigInt(d2);
        const y = BigInt(n2) * BigInt(d1);
        expect(compareFractions(n1, d1, n2, d2)).toBe(x < y ? -1 : x > y ? 1 : 0);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("magnitudes no cell can hold (rules.md §1: not a number)", () => {
  test.each([
    ["1e200000台", "1e200000台"],
    ["1e309", "1e309"],
    ["2e308元", "2e308元"],
    ["1e-400", "1e-400"],
    ["0.5e-310", "0.5e-310"],
    ["1 and 400 zeros 台", "1" + "0".repeat(400) + "台"],
    ["1e+99999999999999999999999万", "1e+99999999999999999999999万"],
  ])("%s is out of range, said in both languages", (_label, t) => {
    const r = readCell(t, AT);
    expect(r.status).toBe("error");
    if (r.status !== "error") return;
    expect(r.issue.code).toBe("out-of-range");
    expect(r.issue.zh).toMatch(/超出 Excel 能存放的数值范围/);
    expect(r.issue.en).toMatch(/beyond the range of numbers Excel holds/);
    expect(r.issue.cell).toBe("C5");
  });

  test("the edges of Excel's range still read", () => {
    expect(value(readCell("9.99999999999999E+307")).value).toBe(9.99999999999999e307);
    expect(value(readCell("1.7e308")).value).toBe(1.7e308);
    expect(value(readCell("2.3e-308")).value).toBe(2.3e-308);
    expect(value(readCell("0e999999")).value).toBe(0);
  });

  test("a huge exponent costs no time, and nothing downstream expands it", () => {
    const t0 = performance.now();
    for (let i = 0; i < 1000; i++) readCell(`1e${200000 + i}台`);
    expect(performance.now() - t0).toBeLessThan(500);
  });

  test(".e5 has a digit but no mantissa: not a number, never a crash", () => {
    const r = readCell(".e5");
    expect(r.status).toBe("error");
  });
});

describe("properties of readCell", () => {
  test("reading any cell never throws: it returns a value, no value, or the engine's own error", () => {
    const cell = fc.oneof(
      fc.string(),
      fc.string({ unit: fc.constantFrom(..."0123456789,.%万亿元台家吨亩以上下≥≤不低超过－—/ \n１２３％，．约十") }),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.record({ error: fc.string() }),
    );
    fc.assert(
      fc.property(cell, (c) => {
        const r = readCell(c as CellValue, AT);
        expect(["value", "none", "error"]).toContain(r.status);
        if (r.status === "value") expect(Number.isNaN(r.quantity.value)).toBe(false);
        else expect(r.issue.zh.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  test("reading random number-like text never throws and costs at most linear time in its length", () => {
    // Number-like pieces: digits, points, signs, exponents with long digit runs, 万/亿, units, separators.
    const piece = fc.oneof(
      fc.constantFrom("0", "1", "9", ".", ",", "+", "-", "e", "E", "e+", "e-", "%", "‰", "万", "亿", "万亿", "台", "元", "以上", "以下", "≥", "≤", " ", "\n", "１", "．"),
      fc.integer({ min: 0, max: 400 }).map((n) => "0".repeat(n)),
      fc.integer({ min: 1, max: 12 }).map((n) => "9".repeat(n)),
      fc.bigInt({ min: 0n, max: 10n ** 30n }).map((n) => `e${n}`),
    );
    const text = fc.array(piece, { maxLength: 60 }).map((ps) => ps.join(""));
    // Warm up the parser's regular expressions and the JIT first, so the timings below are of the work itself.
    for (let i = 0; i < 200; i++) readCell(`${i}.5e${i}万台`);
    // The fastest of three readings must stay under 20 ms plus 10 µs per character: far below any per-digit or
    // per-exponent expansion (1e200000 used to take 10 s building 200000-digit numbers) or a quadratic scan, and
    // the minimum of three keeps a busy shared machine (a context switch, a GC pause) from failing the test.
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 30 }), (t, k) => {
        const cell = t.repeat(k);
        let ms = Infinity;
        const r = readCell(cell, AT);
        for (let i = 1; i <= 3; i++) {
          // Another text each time (trailing spaces are ignored when reading), so the reader's cache of texts
          // it has already read cannot answer instead of the reader.
          const fresh = `${cell}${" ".repeat(i)}`;
          const t0 = performance.now();
          readCell(fresh, AT);
          ms = Math.min(ms, performance.now() - t0);
        }
        expect(["value", "none", "error"]).toContain(r.status);
        if (r.status === "value") expect(Number.isFinite(r.quantity.value)).toBe(true);
        expect(ms).toBeLessThan(20 + 0.01 * cell.length);
      }),
      { numRuns: 1500 },
    );
  });

  test("full-width and white space never change what a cell means", () => {
    const digits = fc.stringMatching(/^[1-9]\d{0,5}(\.\d{1,3})?$/);
    fc.assert(
      fc.property(digits, fc.constantFrom("台", "%", "万吨", "亿元", "家以上"), (d, u) => {
        const plain = readCell(d + u);
        const wide = readCell(
          (d + u).replace(/[0-9.%]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).split("").join("\n"),
        );
        expect(wide).toEqual(plain);
      }),
    );
  });

  test("normalizeText folds full-width forms and removes every space", () => {
    expect(normalizeText("１，３５０ 家\n")).toBe("1,350家");
  });
});
