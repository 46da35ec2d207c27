/** Properties over random inputs: the functions never throw, and spilled results equal cell-by-cell calls. */
import fc from "fast-check";
import * as fns from "../../src/functions/functions";
import { asExcel, installCustomFunctions, ShimError } from "./shim";

const rankScore = asExcel(fns.rankScore);
const rankScoreBy = asExcel(fns.rankScoreBy);
const target = asExcel(fns.target);

beforeAll(installCustomFunctions);

const measure = fc.oneof(
  fc.integer({ min: -5, max: 5 }).map((n) => n / 4),
  fc.constantFrom<unknown>("", null, "待定", "1.25", "50%"),
);

describe("ZG.RANKSCORE", () => {
  it("a spilled range gives what each cell gives alone, within [floor, top], ties equal", () => {
    fc.assert(
      fc.property(fc.array(measure, { minLength: 1, maxLength: 30 }), fc.boolean(), (values, asc) => {
        const ref = values.map((v) => [v]);
        const spilled = rankScore(ref, ref, asc ? 1 : 0, 10, 0.5, 1) as unknown[][];
        values.forEach((v, i) => {
          const alone = rankScore([[v]], ref, asc ? 1 : 0, 10, 0.5, 1) as unknown[][];
          // Same value, or the same error (the message says "value i" only in the range).
          const code = (x: unknown): unknown => (x instanceof ShimError ? x.code : x);
          expect(code(spilled[i][0])).toEqual(code(alone[0][0]));
          const p = spilled[i][0];
          if (typeof p === "number") expect(p === 0 || (p >= 1 && p <= 10)).toBe(true);
        });
        // Equal numbers share points.
        for (let i = 0; i < values.length; i++)
          for (let j = 0; j < values.length; j++)
            if (typeof values[i] === "number" && values[i] === values[j]) expect(spilled[i][0]).toEqual(spilled[j][0]);
      }),
      { numRuns: 150 },
    );
  });

  it("with every unit in one group, RANKSCOREBY equals RANKSCORE", () => {
    fc.assert(
      fc.property(fc.array(measure, { minLength: 1, maxLength: 20 }), (values) => {
        const ref = values.map((v) => [v]);
        const groups = values.map(() => ["杭州市"]);
        expect(rankScoreBy(ref, ref, groups, groups, null, null, null, null)).toEqual(rankScore(ref, ref, null, null, null, null));
      }),
      { numRuns: 100 },
    );
  });
});

describe("ZG.TARGET", () => {
  it("never throws: any text gives a number or an error value with a message", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (s) => {
        const v = (target([[s]]) as unknown[][])[0][0];
        if (v instanceof ShimError) expect((v.message ?? "").length).toBeGreaterThan(0);
        else expect(typeof v).toBe("number");
      }),
      { numRuns: 300 },
    );
  });
});
