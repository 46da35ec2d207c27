/**
 * ZG.COMPLETION for an "at most" target met with an actual of 0 (rules.md §4: T/A = +∞, the best measure).
 * Excel has no infinity, so the cell gets Excel's largest number, which ZG.RANKSCORE ranks first and ties.
 */
import { SHEET_INFINITY } from "../../src/core/score";
import * as fns from "../../src/functions/functions";
import { asExcel, col, expectError, installCustomFunctions } from "./shim";

const completion = asExcel(fns.completion);
const rankScore = asExcel(fns.rankScore);

beforeAll(installCustomFunctions);

describe("ZG.COMPLETION with an at-most actual of 0", () => {
  it("gives 9.99999999999999E+307 (Excel's largest number) in place of +∞", () => {
    expect(completion([[0]], [["5%以下"]], null)).toEqual([[9.99999999999999e307]]);
    expect(completion([["0%"]], [["不超过5%"]], null)).toEqual([[SHEET_INFINITY]]);
  });

  it("chains into ZG.RANKSCORE: the zeros share rank 1, as the engine ranks them", () => {
    // 0, 4%, 0 against 5%以下 → ∞, 1.25, ∞ → points 10, 9, 10 (competition ranking: the next rank is 3).
    const measures = completion(col(0, "4%", 0), [["5%以下"]], null) as unknown[][];
    expect(measures).toEqual([[SHEET_INFINITY], [1.25], [SHEET_INFINITY]]);
    expect(rankScore(measures, measures, null, null, null, null)).toEqual([[10], [9], [10]]);
  });

  it("a negative actual still has no measure (#N/A, says why)", () => {
    expectError((completion([["-1%"]], [["5%以下"]], null) as unknown[][])[0][0], "#N/A", "负数");
  });
});
