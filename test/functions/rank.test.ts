/** ZG.RANKSCORE, ZG.RANKSCOREBY and ZG.STDSCORE as Excel calls them (rules.md §3, §5). */
import * as score from "../../src/core/score";
import * as fns from "../../src/functions/functions";
import { clearPreparedReferences } from "../../src/functions/rank";
import { asExcel, col, excelError, expectError, installCustomFunctions } from "./shim";

const rankScore = asExcel(fns.rankScore);
const rankScoreBy = asExcel(fns.rankScoreBy);
const stdScore = asExcel(fns.stdScore);

beforeAll(installCustomFunctions);

const flat = (m: unknown): unknown[] => (m as unknown[][]).map((r) => r[0]);

describe("ZG.RANKSCORE", () => {
  const ref = col(90, 80, 80, 70);

  it("gives 10, then 0.5 less per rank; ties share (competition ranking); omitted options arrive as null", () => {
    expect(rankScore(ref, ref, null, null, null, null)).toEqual([[10], [9.5], [9.5], [8.5]]);
    expect(rankScore([[70]], ref, null, null, null, null)).toEqual([[8.5]]);
  });

  it("ranks ascending for a nonzero order (lower is better)", () => {
    expect(flat(rankScore(ref, ref, 1, null, null, null))).toEqual([8.5, 9.5, 9.5, 10]);
    expect(flat(rankScore(ref, ref, "升序", null, null, null))).toEqual([8.5, 9.5, 9.5, 10]);
  });

  it("applies top, step and floor", () => {
    const r = col(5, 4, 3, 2, 1);
    expect(flat(rankScore(r, r, 0, 10, 3, 2))).toEqual([10, 7, 4, 2, 2]);
  });

  it("ignores text and blanks in ref, reads text numbers as written, and gives a blank number 0 points", () => {
    const messy = col(90, "待定", "", null, "1,350家", "80");
    expect(flat(rankScore(messy, messy, null, null, null, null))).toEqual([9.5, expect.anything(), 0, 0, 10, 9]);
    expectError((rankScore(messy, messy, null, null, null, null) as unknown[][])[1][0], "#VALUE!", "参数 number 第 2 个值", "待定");
  });

  it("ties exact decimals: 10% written as text and 0.1 as a number are the same measure", () => {
    const r = col("10%", 0.1, 0.05);
    expect(flat(rankScore(r, r, null, null, null, null))).toEqual([10, 10, 9]);
  });

  it("gives #N/A, as RANK.EQ does, for a number that is not in ref", () => {
    expectError((rankScore([[85]], ref, null, null, null, null) as unknown[][])[0][0], "#N/A", "85", "ref");
  });

  it("propagates an error value in ref to every result, as RANK.EQ does", () => {
    const out = rankScore(col(90, 80), col(90, excelError("#DIV/0!"), 80), null, null, null, null) as unknown[][];
    expectError(out[0][0], "#DIV/0!");
    expectError(out[1][0], "#DIV/0!");
  });

  it("keeps an error in number to its own cell", () => {
    const out = rankScore(col(90, excelError("#VALUE!"), 70), ref, null, null, null, null) as unknown[][];
    expect(out[0]).toEqual([10]);
    expectError(out[1][0], "#VALUE!", "参数 number 第 2 个值");
    expect(out[2]).toEqual([8.5]);
  });

  it("reads #N/A (no value, as ZG.COMPLETION gives it) as no measure: no rank, 0 points", () => {
    const measures = col(1.2, excelError("#N/A"), 0.9, 1.2);
    expect(flat(rankScore(measures, measures, null, null, null, null))).toEqual([10, 0, 9, 10]);
  });

  it("says which option is wrong", () => {
    expectError((rankScore(ref, ref, null, "很多", null, null) as unknown[][])[0][0], "#VALUE!", "参数 top");
    expectError((rankScore(ref, ref, null, 10, -1, null) as unknown[][])[0][0], "#VALUE!", "参数 step", "≥ 0");
    expectError((rankScore(ref, ref, null, 10, 0.5, 11) as unknown[][])[0][0], "#VALUE!", "floor");
    expectError((rankScore(ref, ref, "sideways", null, null, null) as unknown[][])[0][0], "#VALUE!", "参数 order");
  });

  it("keeps the shape of a 2-D number range", () => {
    expect(rankScore([[90, 80], [80, 70]], [[90, 80], [80, 70]], null, null, null, null)).toEqual([
      [10, 9.5],
      [9.5, 8.5],
    ]);
  });

  it("ranks a spilled range in one call: ref is ranked once (one sort), not once per cell", () => {
    const n = 5000;
    const values = Array.from({ length: n }, (_, i) => [(i * 7919) % n]);
    clearPreparedReferences();
    const spy = jest.spyOn(score, "rankLookup");
    const out = rankScore(values, values, null, 10, 0.001, 0) as number[][];
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0][0]).toHaveLength(n);
    spy.mockRestore();
    expect(out[values.findIndex((v) => v[0] === n - 1)][0]).toBe(10);
    expect(out[values.findIndex((v) => v[0] === 0)][0]).toBeCloseTo(10 - 0.001 * (n - 1), 9);
  });
});

describe("ZG.RANKSCOREBY", () => {
  const cities = col("杭州市", "杭州市", "宁波市", "宁波市", "宁波市");
  const values = col(80, 90, 70, 70, 60);

  it("ranks each value only among its own group, without sorting the sheet", () => {
    expect(flat(rankScoreBy(values, values, cities, cities, null, null, null, null))).toEqual([9.5, 10, 10, 10, 9]);
  });

  it("takes one group for one value", () => {
    expect(rankScoreBy([[60]], values, [["宁波市"]], cities, null, null, null, null)).toEqual([[9]]);
  });

  it("reports a group that does not occur, and groups that do not match ref", () => {
    expectError((rankScoreBy([[60]], values, [["温州市"]], cities, null, null, null, null) as unknown[][])[0][0], "#N/A", "温州市");
    expectError((rankScoreBy(values, values, cities, col("杭州市"), null, null, null, null) as unknown[][])[0][0], "#VALUE!", "groups");
  });

  it("keeps an error in ref to its own group", () => {
    const v = col(80, 90, excelError("#VALUE!"), 70, 60);
    const out = rankScoreBy(col(80, 90, 70, 60), v, col("杭州市", "杭州市", "宁波市", "宁波市"), cities, null, null, null, null) as unknown[][];
    expect(out[0]).toEqual([9.5]);
    expect(out[1]).toEqual([10]);
    expectError(out[2][0], "#VALUE!", "ref");
  });
});

describe("ZG.STDSCORE", () => {
  it("method full (default): points ÷ full × 60, with omitted arguments as null", () => {
    expect(stdScore([[45]], null, null, null, 50)).toEqual([[54]]);
    expect(stdScore([[8]], null, null, null, null)).toEqual([[48]]);
    expect(stdScore([[15]], null, 20, "full", 30)).toEqual([[10]]);
  });

  it("refuses points above the full mark (full was forgotten)", () => {
    expectError((stdScore([[45]], null, null, null, null) as unknown[][])[0][0], "#VALUE!", "full", "10 × 指标数");
  });

  it("method max: points ÷ group maximum × weight; ref defaults to points", () => {
    expect(stdScore(col(30, 15, ""), null, 60, "max", null)).toEqual([[60], [30], [expect.anything()]]);
    expect(stdScore([[15]], col(30, 15, 10), 20, "最高分法", null)).toEqual([[10]]);
  });

  it("methods z and minmax", () => {
    const pts = col(1, 2, 3);
    const z = flat(stdScore(pts, null, null, "z", null)) as number[];
    const sd = Math.sqrt(2 / 3);
    expect(z[0]).toBeCloseTo(-1 / sd, 12);
    expect(z[1]).toBe(0);
    expect(flat(stdScore(pts, null, 60, "minmax", null))).toEqual([0, 30, 60]);
    expectError((stdScore(col(2, 2), null, null, "z", null) as unknown[][])[0][0], "#VALUE!", "全部相同");
  });

  it("rejects an unknown method and names the choices", () => {
    expectError((stdScore([[1]], null, null, "median", null) as unknown[][])[0][0], "#VALUE!", "full", "max", "z", "minmax");
  });
});
