/**
 * ZG.TARGET, ZG.UNIT (rules.md §1), ZG.COMPLETION, ZG.OVERTARGET (§4) and ZG.POLICYSCORE (§5 第五条(二)):
 * element-wise functions — each argument is one value or a range, and a range gives one result per cell.
 */
import { quantitySign, readCount, readYesNo } from "../core/parse";
import { completionMeasure, overMeasure, policyScore, sheetNumber } from "../core/score";
import type { CellValue, PolicyInput, Quantity } from "../core/types";
import { at, cellAt, commonShape, define, grid, placeIn, propagated, readAt, type Matrix, type Value } from "./args";
import { errorCodeOf, fail, isFail, none, type Fail } from "./runtime";

const targetParams = [{ name: "text", kind: "cells" }] as const;

/** Reads every cell of `text` and maps its quantity; no value → #N/A, unreadable → #VALUE!. */
function eachQuantity(m: Matrix, f: (q: Quantity) => Value): Value[][] {
  return grid(m.rows, m.cols, (i) => {
    const r = readAt("text", m, i);
    return r.status === "value" ? f(r.q) : r.fail;
  });
}

export const TARGET = define({ id: "TARGET", params: targetParams, result: { like: ["text"] } }, ([text]) =>
  eachQuantity(text, (q) => q.value),
);

/** The base unit: "%" for a rate, "" for a bare number (万/亿 are multiplied out, 万吨标准煤 → 吨). */
export const UNIT = define({ id: "UNIT", params: targetParams, result: { like: ["text"] } }, ([text]) =>
  eachQuantity(text, (q) => (q.isRate ? "%" : (q.unit ?? ""))),
);

// ─── §4 measures ────────────────────────────────────────────────────────────────────────────

/** A target and an actual read for one cell of the result, or why there is no measure. */
function readPair(actual: Matrix, target: Matrix, i: number): { t: Quantity; a: Quantity } | Fail {
  const t = readAt("target", target, i);
  if (t.status !== "value") {
    return t.status === "none" ? none(`${t.fail.msg.zh}；没有目标就没有完成度`, `${t.fail.msg.en}; no target, no measure`) : t.fail;
  }
  const a = readAt("actual", actual, i);
  if (a.status !== "value") return a.fail;
  const tq = t.q;
  const aq = a.q;
  if (tq.unit !== null && aq.unit !== null && tq.unit !== aq.unit) {
    const place = placeIn("actual", actual, actual.cells.length === 1 ? 0 : i);
    return fail("#VALUE!", at(place, { zh: `单位“${aq.unit}”与目标的单位“${tq.unit}”不一致`, en: `its unit "${aq.unit}" differs from the target's "${tq.unit}"` }));
  }
  if (quantitySign(tq) <= 0) {
    const place = placeIn("target", target, target.cells.length === 1 ? 0 : i);
    return fail("#N/A", at(place, { zh: "目标不大于 0，无法计算完成度", en: "the target is not above 0, so there is no measure" }));
  }
  return { t: tq, a: aq };
}

const measureParams = [
  { name: "actual", kind: "cells" },
  { name: "target", kind: "cells" },
] as const;

export const COMPLETION = define(
  {
    id: "COMPLETION",
    params: [
      ...measureParams,
      { name: "basis", kind: "choice", default: "ratio", choices: { ratio: "ratio", 比值: "ratio", 完成率: "ratio", value: "value", 数值: "value", 完成值: "value" } },
    ] as const,
    result: { like: ["actual", "target"] },
  },
  ([actual, target, basis]) => {
    const shape = commonShape([
      ["actual", actual],
      ["target", target],
    ]);
    if (isFail(shape)) return shape;
    return grid(shape.rows, shape.cols, (i) => {
      const p = readPair(actual, target, i);
      if (isFail(p)) return p;
      const m = completionMeasure(p.t, p.a, basis === "value" ? "value" : "ratio");
      // An at-most actual of 0 is the best measure, +∞: Excel has no infinity, so its largest number.
      if (m) return sheetNumber(m);
      return none("“以下”目标的完成值为负数，无法计算完成度（目标÷完成值）", 'an "at most" target with a negative actual has no completion measure (target ÷ actual)');
    });
  },
);

/** (A − T)/T when the target was exceeded; "" (no measure, 0 rank points) when it was not. */
export const OVERTARGET = define({ id: "OVERTARGET", params: measureParams, result: { like: ["actual", "target"] } }, ([actual, target]) => {
  const shape = commonShape([
    ["actual", actual],
    ["target", target],
  ]);
  if (isFail(shape)) return shape;
  return grid(shape.rows, shape.cols, (i) => {
    const p = readPair(actual, target, i);
    if (isFail(p)) return p;
    const m = overMeasure(p.t, p.a);
    return m ? m.value : "";
  });
});

// ─── §5 policy points ───────────────────────────────────────────────────────────────────────

const YES_NO = ["plan", "workPlan", "policy", "mechanism", "pilot"] as const;

function yesNoAt(name: string, m: Matrix, i: number): boolean | Fail {
  const cell: CellValue = cellAt(m, i);
  const place = placeIn(name, m, m.cells.length === 1 ? 0 : i);
  const code = errorCodeOf(cell);
  if (code) return propagated(code, place);
  const v = readYesNo(typeof cell === "string" ? cell.trim() : cell);
  if (v !== undefined) return v;
  return fail(
    "#VALUE!",
    at(place, { zh: `“${String(cell)}”不是是/否值（是/否、有/无、Y/N、1/0、TRUE/FALSE、✓/✗，空白为否）`, en: `"${String(cell)}" is not a yes/no value (是/否, 有/无, Y/N, 1/0, TRUE/FALSE, ✓/✗; blank is no)` }),
  );
}

export const POLICYSCORE = define(
  {
    id: "POLICYSCORE",
    params: [
      { name: "plan", kind: "cells" },
      { name: "workPlan", kind: "cells" },
      { name: "policy", kind: "cells" },
      { name: "mechanism", kind: "cells" },
      { name: "pilot", kind: "cells" },
      { name: "endorsements", kind: "cells", optional: true },
    ] as const,
    result: { like: ["plan", "workPlan", "policy", "mechanism", "pilot", "endorsements"] },
  },
  ([plan, workPlan, policy, mechanism, pilot, endorsements]) => {
    const ms = [plan, workPlan, policy, mechanism, pilot];
    const shape = commonShape([...YES_NO.map((n, k) => [n, ms[k]] as const), ["endorsements", endorsements] as const]);
    if (isFail(shape)) return shape;
    return grid(shape.rows, shape.cols, (i) => {
      const flags: boolean[] = [];
      for (let k = 0; k < YES_NO.length; k++) {
        const v = yesNoAt(YES_NO[k], ms[k], i);
        if (isFail(v)) return v;
        flags.push(v);
      }
      let count = 0;
      if (endorsements) {
        const cell = cellAt(endorsements, i);
        const place = placeIn("endorsements", endorsements, endorsements.cells.length === 1 ? 0 : i);
        const code = errorCodeOf(cell);
        if (code) return propagated(code, place);
        const n = readCount(cell);
        if (n === undefined) {
          return fail("#VALUE!", at(place, { zh: `“${String(cell)}”不是次数（不小于 0 的整数）`, en: `"${String(cell)}" is not a count (a whole number ≥ 0)` }));
        }
        count = n;
      }
      const input: PolicyInput = { plan: flags[0], workPlan: flags[1], policy: flags[2], mechanism: flags[3], pilot: flags[4], endorsements: count };
      return policyScore(input);
    });
  },
);
