/**
 * Scores carry no binary noise: the standard scores and the total are the doubles nearest their exact values
 * (rules.md §5 is exact arithmetic), so `--json` prints 57.6, not 57.599999999999994, and 53/6 as 8.833333333333334.
 */
import fc from "fast-check";
import { scoreGroup, standardScore } from "../../src/core/score";
import type { CountyInput } from "../../src/core/types";
import { DEFAULT_OPTIONS } from "../../src/core/types";

test("a standard score is the double nearest S × weight ÷ (top × J)", () => {
  expect(standardScore(79.5, { method: "full", weight: 20, indicators: 18, top: 10 })).toBe(53 / 6);
  expect(standardScore(48, { method: "full", weight: 60, indicators: 5, top: 10 })).toBe(57.6);
  // For points on the 0.5 grid, 2S × weight and 2 × top × J are whole: one division of integers is correctly rounded.
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 600 }), fc.constantFrom(20, 60), (j, twiceS, weight) => {
      const s = twiceS / 2;
      expect(standardScore(s, { method: "full", weight, indicators: j, top: 10 })).toBe((twiceS * weight) / (20 * j));
      expect(standardScore(s, { method: "max", weight, groupMax: 10 * j })).toBe((twiceS * weight) / (20 * j));
    }),
  );
});

test("a county's total is its exact decimal: 48 ÷ 50 × 60 = 57.6", () => {
  // Five indicators, two counties, neither over target (no over-target points): B is second on four (S = 10 + 4 × 9.5 = 48).
  const rows = (actuals: number[]): CountyInput["entries"] => actuals.map((a, i) => ({ indicator: `指标${i + 1}`, target: "100台", actual: `${a}台` }));
  const g = scoreGroup(
    [
      { county: "上城区", city: "杭州市", entries: rows([90, 90, 90, 90, 80]), policy: {} },
      { county: "下城区", city: "杭州市", entries: rows([80, 80, 80, 80, 90]), policy: {} },
    ],
    { ...DEFAULT_OPTIONS },
  );
  const b = g.scores[1];
  expect([b.completionPoints, b.overPoints]).toEqual([48, 0]);
  expect(b.targetScore).toBe(57.6);
  expect(b.total).toBe(57.6);
  expect(JSON.stringify(b.total)).toBe("57.6");
});
