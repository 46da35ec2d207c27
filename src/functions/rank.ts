/**
 * ZG.RANKSCORE, ZG.RANKSCOREBY (rules.md §3) and ZG.STDSCORE (§5). `ref` is read once and ranked once by the
 * engine (rankPoints: one sort, n log n); each `number` is then looked up by its exact value, so a range
 * of n numbers against a ref of n cells costs n log n, not n².
 */
import { ONE, decimalSign, ratio } from "../core/decimal";
import { normalizeText } from "../core/parse";
import { rankPoints, standardScore } from "../core/score";
import type { CellValue, Decimal, Quantity, RankOrder, Ratio } from "../core/types";
import { at, cellAt, commonShape, define, grid, placeIn, propagated, readAt, type Matrix, type Value } from "./args";
import { bad, errorCodeOf, fail, isFail, none, type Fail } from "./runtime";
import { spread } from "./stats";

/** One key per exact value (big.js keeps no trailing zeros, so equal values have equal digits). */
const key = (d: Decimal): string => (decimalSign(d) === 0 ? "0" : `${d.s < 0 ? "-" : ""}${d.c.join("")}e${d.e}`);

/**
 * #N/A is "no value" in these functions (ZG.COMPLETION gives it where there is no measure), so in a measure
 * column it means what a blank means — no measure: it takes no rank and scores 0 (rules.md §3). Every other
 * error value propagates, as in RANK.EQ.
 */
const isNoValue = (cell: CellValue): boolean => errorCodeOf(cell) === "#N/A";

/** The usable values of a range: numbers and text numbers; text, blanks and #N/A are left out. */
interface Pool {
  indices: number[];
  quantities: Quantity[];
}

/** Reads `ref` (or only the cells `only` lists); the first error value in it is returned instead (RANK.EQ propagates errors in ref). */
function readPool(name: string, m: Matrix, only?: readonly number[]): Pool | Fail {
  const pool: Pool = { indices: [], quantities: [] };
  const n = only ? only.length : m.cells.length;
  for (let k = 0; k < n; k++) {
    const i = only ? only[k] : k;
    // Whole-column references hand over a million mostly blank cells: skip them before any reading.
    const cell = m.cells[i];
    if (cell === null || cell === undefined || cell === "") continue;
    const r = readAt(name, m, i);
    if (r.status === "value") {
      pool.indices.push(i);
      pool.quantities.push(r.q);
    } else if (r.status === "error" && errorCodeOf(m.cells[i]) && !isNoValue(m.cells[i])) {
      return r.fail;
    }
  }
  return pool;
}

interface RankOpts {
  order: RankOrder;
  top: number;
  step: number;
  floor: number;
}

/** Rank points of every distinct value in the pool, by exact value. */
function pointsTable(pool: Pool, o: RankOpts): Map<string, number> | Fail {
  const measures: Ratio[] = pool.quantities.map((q) => ratio(q.exact, ONE));
  const r = rankPoints(measures, o);
  if (!r.ok) return bad(r.error.zh, r.error.en);
  const table = new Map<string, number>();
  pool.quantities.forEach((q, k) => table.set(key(q.exact), r.points[k]));
  return table;
}

/** Points of one `number` cell: no value (blank, #N/A) → 0 points (rules.md §3); not in ref → #N/A as RANK.EQ. */
function pointsOf(number: Matrix, i: number, table: Map<string, number>, refName: string): Value {
  const r = readAt("number", number, i);
  if (r.status === "none" || isNoValue(cellAt(number, i))) return 0;
  if (r.status === "error") return r.fail;
  const p = table.get(key(r.q.exact));
  if (p !== undefined) return p;
  return fail(
    "#N/A",
    at(placeIn("number", number, number.cells.length === 1 ? 0 : i), {
      zh: `${r.q.value} 不在 ${refName} 的数值中（与 RANK.EQ 相同，排名的数必须出现在参照区域中）`,
      en: `${r.q.value} is not among the values of ${refName} (as with RANK.EQ, the number ranked must be in the reference)`,
    }),
  );
}

const rankOptionParams = [
  { name: "order", kind: "order" },
  { name: "top", kind: "number", default: 10, above: 0 },
  { name: "step", kind: "number", default: 0.5, min: 0 },
  { name: "floor", kind: "number", default: 0, min: 0 },
] as const;

export const RANKSCORE = define(
  {
    id: "RANKSCORE",
    params: [{ name: "number", kind: "cells" }, { name: "ref", kind: "cells" }, ...rankOptionParams] as const,
    result: { like: ["number"] },
  },
  ([number, ref, order, top, step, floor]) => {
    const pool = readPool("ref", ref);
    if (isFail(pool)) return pool;
    const table = pointsTable(pool, { order, top, step, floor });
    if (isFail(table)) return table;
    return grid(number.rows, number.cols, (i) => pointsOf(number, i, table, "ref"));
  },
);

/** A group label compared as written, white space and full-width forms aside; numbers as their text. */
function groupKey(cell: CellValue): string {
  if (cell === null || cell === undefined) return "";
  return normalizeText(String(cell));
}

export const RANKSCOREBY = define(
  {
    id: "RANKSCOREBY",
    params: [
      { name: "number", kind: "cells" },
      { name: "ref", kind: "cells" },
      { name: "group", kind: "cells" },
      { name: "groups", kind: "cells" },
      ...rankOptionParams,
    ] as const,
    result: { like: ["number", "group"] },
  },
  ([number, ref, group, groups, order, top, step, floor]) => {
    if (ref.cells.length !== groups.cells.length) {
      return bad(
        `参数 ref（${ref.cells.length} 个单元格）与参数 groups（${groups.cells.length} 个单元格）应一一对应，大小相同`,
        `argument ref (${ref.cells.length} cells) and argument groups (${groups.cells.length} cells) must match cell for cell`,
      );
    }
    const shape = commonShape([
      ["number", number],
      ["group", group],
    ]);
    if (isFail(shape)) return shape;
    // Bucket ref by group once; each group is ranked once, on first use.
    const members = new Map<string, number[]>();
    const groupErrors = new Map<number, Fail>();
    for (let i = 0; i < groups.cells.length; i++) {
      const code = errorCodeOf(groups.cells[i]);
      if (code) {
        groupErrors.set(i, propagated(code, placeIn("groups", groups, i)));
        continue;
      }
      const k = groupKey(groups.cells[i]);
      const list = members.get(k);
      if (list) list.push(i);
      else members.set(k, [i]);
    }
    const firstGroupError = groupErrors.values().next().value;
    const tables = new Map<string, Map<string, number> | Fail>();
    const tableOf = (k: string): Map<string, number> | Fail => {
      let t = tables.get(k);
      if (t === undefined) {
        const pool = readPool("ref", ref, members.get(k) ?? []);
        t = isFail(pool) ? pool : pointsTable(pool, { order, top, step, floor });
        tables.set(k, t);
      }
      return t;
    };
    return grid(shape.rows, shape.cols, (i) => {
      const g = cellAt(group, i);
      const code = errorCodeOf(g);
      if (code) return propagated(code, placeIn("group", group, group.cells.length === 1 ? 0 : i));
      // A groups cell that is an error could belong to any group: no group's ranking can be trusted.
      if (firstGroupError) return firstGroupError;
      const k = groupKey(g);
      if (!members.has(k)) {
        return fail(
          "#N/A",
          at(placeIn("group", group, group.cells.length === 1 ? 0 : i), {
            zh: `分组“${String(g ?? "")}”在参数 groups 中找不到`,
            en: `the group "${String(g ?? "")}" does not occur in argument groups`,
          }),
        );
      }
      const t = tableOf(k);
      if (isFail(t)) return t;
      return pointsOf(number, number.cells.length === 1 ? 0 : i, t, `ref（${String(g)}）`);
    });
  },
);

// ─── §5 standard score ──────────────────────────────────────────────────────────────────────

const METHODS = {
  full: "full",
  满分: "full",
  满分法: "full",
  max: "max",
  最高分: "max",
  最高分法: "max",
  z: "z",
  "z-score": "z",
  zscore: "z",
  标准化: "z",
  minmax: "minmax",
  "min-max": "minmax",
  极差: "minmax",
  极差法: "minmax",
} as const;

export const STDSCORE = define(
  {
    id: "STDSCORE",
    params: [
      { name: "points", kind: "cells" },
      { name: "ref", kind: "cells", optional: true },
      { name: "weight", kind: "number", min: 0 },
      { name: "method", kind: "choice", default: "full", choices: METHODS },
      { name: "full", kind: "number", default: 10, above: 0 },
    ] as const,
    result: { like: ["points"] },
  },
  ([points, refArg, weightArg, method, full]) => {
    // z-scores are usually wanted plain; every other method scales to the weight (60 for 目标分).
    const weight = weightArg ?? (method === "z" ? 1 : 60);
    const ref = refArg ?? points;
    const refName = refArg ? "ref" : "points";
    let stats: { max: number; min: number; mean: number; sd: number } | null = null;
    if (method !== "full") {
      const pool = readPool(refName, ref);
      if (isFail(pool)) return pool;
      if (pool.quantities.length === 0) return none(`参数 ${refName} 中没有数值`, `argument ${refName} holds no numbers`);
      stats = spread(pool.quantities.map((q) => q.value));
    }
    return grid(points.rows, points.cols, (i) => {
      const r = readAt("points", points, i);
      if (r.status !== "value") return r.fail;
      const x = r.q.value;
      if (method === "full") {
        if (x > full) {
          return fail(
            "#VALUE!",
            at(placeIn("points", points, points.cells.length === 1 ? 0 : i), {
              zh: `${x} 超过满分 full = ${full}；请把 full 设为 10 × 指标数`,
              en: `${x} exceeds the full mark full = ${full}; set full to 10 × the number of indicators`,
            }),
          );
        }
        return standardScore(x, { method: "full", weight, indicators: 1, top: full });
      }
      const s = stats!;
      if (method === "max") return standardScore(x, { method: "max", weight, groupMax: s.max });
      if (method === "z") {
        if (s.sd === 0) return bad(`参数 ${refName} 的数值全部相同，标准差为 0，无法计算 z 分数`, `the values of argument ${refName} are all equal (standard deviation 0): no z-score`);
        return ((x - s.mean) / s.sd) * weight;
      }
      if (s.max === s.min) return bad(`参数 ${refName} 的数值全部相同，最高分等于最低分，无法做极差标准化`, `the values of argument ${refName} are all equal (max = min): no min–max score`);
      return ((x - s.min) / (s.max - s.min)) * weight;
    });
  },
);
