/**
 * Formulas filled down (issue 10): =ZG.RANKSCORE(C2,C$2:C$91) in every row calls the function once per cell with
 * the same reference. The reference read and ranked for one call is reused by the next while its place and every
 * cell are unchanged (args.ts readRange, prepared.ts). Property: whatever the reference holds and however it is
 * edited between calls at the same address, a call answers exactly what a call with nothing remembered answers.
 */
import fc from "fast-check";
import { forgetReadRanges } from "../../src/functions/args";
import * as fns from "../../src/functions/functions";
import { clearPreparedReferences } from "../../src/functions/rank";
import { ShimError, asExcel, excelError, installCustomFunctions } from "./shim";

beforeAll(installCustomFunctions);

const rankScore = asExcel(fns.rankScore);
const rankScoreBy = asExcel(fns.rankScoreBy);
const stdScore = asExcel(fns.stdScore);

/** Results with errors as plain {code, message}, so answers compare by value. */
const plain = (x: unknown): unknown =>
  Array.isArray(x) ? x.map(plain) : x instanceof ShimError ? { code: x.code, message: x.message } : x;

/** What a call answers with nothing remembered from earlier calls. */
function fresh(call: () => unknown): unknown {
  forgetReadRanges();
  clearPreparedReferences();
  return plain(call());
}

/** A reference cell as a sheet holds it: numbers (many ties), text numbers, blanks, text, #N/A, now and then another error. */
const cell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 10, arbitrary: fc.integer({ min: 0, max: 12 }).map((n) => n / 4) },
  { weight: 2, arbitrary: fc.constantFrom("1.5", "0.75", "2.5万", "10%", "0.30000000000000000001", "0.3") },
  { weight: 2, arbitrary: fc.constantFrom(null, "", "待定") },
  { weight: 1, arbitrary: fc.constant("#N/A").map((c) => excelError(c)) },
  { weight: 1, arbitrary: fc.constantFrom(0.3, 0.1 + 0.2) },
  { weight: 1, arbitrary: fc.constant("#DIV/0!").map((c) => excelError(c)) },
);

/** One call in a filled-down column, or an edit of one reference cell between calls. */
type Step = { kind: "call"; row: number } | { kind: "edit"; row: number; value: unknown };

const steps = (n: number): fc.Arbitrary<Step[]> =>
  fc.array(
    fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 0, max: n - 1 }).map((row): Step => ({ kind: "call", row })) },
      { weight: 1, arbitrary: fc.record({ row: fc.integer({ min: 0, max: n - 1 }), value: cell }).map(({ row, value }): Step => ({ kind: "edit", row, value })) },
    ),
    { minLength: 1, maxLength: 40 },
  );

/** A fresh 2-D array each call, as Excel hands one over (errors as new objects too). */
const column = (values: readonly unknown[]): unknown[][] =>
  values.map((v) => [v instanceof ShimError ? new ShimError(v.code, v.message) : v]);

const RUNS = { numRuns: 120 };

describe("a filled-down column answers as a fresh call would, edits included", () => {
  test("ZG.RANKSCORE", () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 16, maxLength: 40 }), steps(40), fc.constantFrom(0, 1), (start, plan, order) => {
        forgetReadRanges();
        clearPreparedReferences();
        const ref = [...start];
        const n = ref.length;
        for (const s of plan) {
          const row = s.row % n;
          if (s.kind === "edit") {
            ref[row] = s.value;
            continue;
          }
          const call = () =>
            rankScore(column([ref[row]]), column(ref), order, null, null, null, { parameterAddresses: [`Sheet1!C${row + 2}`, `Sheet1!C2:C${n + 1}`, "", "", "", ""] });
          const remembered = plain(call());
          expect(remembered).toEqual(fresh(call));
        }
      }),
      RUNS,
    );
  });

  test("ZG.RANKSCOREBY (edits to values and to groups)", () => {
    const group = fc.constantFrom("杭州市", "宁波市", "温州市", " 杭州市");
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, group), { minLength: 16, maxLength: 40 }), steps(40), group, (start, plan, other) => {
        forgetReadRanges();
        clearPreparedReferences();
        const ref = start.map(([v]) => v);
        const groups = start.map(([, g]) => g);
        const n = ref.length;
        plan.forEach((s, k) => {
          const row = s.row % n;
          if (s.kind === "edit") {
            if (k % 2 === 0) ref[row] = s.value;
            else groups[row] = other;
            return;
          }
          const call = () =>
            rankScoreBy(column([ref[row]]), column(ref), column([groups[row]]), column(groups), null, null, null, null, {
              parameterAddresses: [`Sheet1!C${row + 2}`, `Sheet1!C2:C${n + 1}`, `Sheet1!A${row + 2}`, `Sheet1!A2:A${n + 1}`, "", "", "", ""],
            });
          expect(plain(call())).toEqual(fresh(call));
        });
      }),
      RUNS,
    );
  });

  test("ZG.STDSCORE (max, z, minmax)", () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 16, maxLength: 40 }), steps(40), fc.constantFrom("max", "z", "minmax"), (start, plan, method) => {
        forgetReadRanges();
        clearPreparedReferences();
        const ref = [...start];
        const n = ref.length;
        for (const s of plan) {
          const row = s.row % n;
          if (s.kind === "edit") {
            ref[row] = s.value;
            continue;
          }
          const call = () => stdScore(column([ref[row]]), column(ref), 20, method, null, { parameterAddresses: [`Sheet1!D${row + 2}`, `Sheet1!D2:D${n + 1}`, "", "", ""] });
          expect(plain(call())).toEqual(fresh(call));
        }
      }),
      RUNS,
    );
  });
});

describe("what is remembered is bounded and keyed by place", () => {
  test("two columns at different places with the same values, and one place with new values, each answer for themselves", () => {
    forgetReadRanges();
    clearPreparedReferences();
    const a = Array.from({ length: 20 }, (_, i) => i);
    const at = (col: string) => ({ parameterAddresses: [`Sheet1!${col}2`, `Sheet1!${col}2:${col}21`, "", "", "", ""] });
    expect(rankScore([[19]], column(a), null, null, null, null, at("C"))).toEqual([[10]]);
    expect(rankScore([[19]], column(a), 1, null, null, null, at("D"))).toEqual([[0.5]]);
    // Same place, one value changed: the answer follows the new contents, not the remembered ones.
    const b = [...a];
    b[0] = 100;
    expect(rankScore([[19]], column(b), null, null, null, null, at("C"))).toEqual([[9.5]]);
    expect(rankScore([[19]], column(a), null, null, null, null, at("C"))).toEqual([[10]]);
  });
});
