/**
 * ZG.RANKSCORE, ZG.RANKSCOREBY (rules.md §3) and ZG.STDSCORE (§5). A reference is read once and ranked once by
 * the engine (rankLookup: one sort, n log n); each `number` is then looked up by value, so a range of n numbers
 * against a ref of n cells costs n log n, not n². Filled down instead — one formula per cell, each call handed
 * the same reference — the prepared reference is reused while its cells are unchanged (prepared.ts), so each
 * further call costs a comparison of the cells and one look-up.
 */
import { normalizeText } from "../core/parse";
import { checkRankOptions, pointsForRank, rankEntryOf, rankLookup, standardScore, type RankEntry, type RankLookup } from "../core/score";
import type { CellValue, RankOrder } from "../core/types";
import { at, cellAt, commonShape, define, grid, placeIn, propagated, readAt, type Matrix, type Value } from "./args";
import { PreparedCache, placeKey } from "./prepared";
import { bad, errorCodeOf, fail, isFail, none, type Fail } from "./runtime";
import { spread } from "./stats";

/**
 * #N/A is "no value" in these functions (ZG.COMPLETION gives it where there is no measure), so in a measure
 * column it means what a blank means — no measure: it takes no rank and scores 0 (rules.md §3). Every other
 * error value propagates, as in RANK.EQ.
 */
const isNoValue = (cell: CellValue): boolean => errorCodeOf(cell) === "#N/A";

/** The usable values of a range (numbers and text numbers; text, blanks and #N/A left out), or the error value that propagates. */
interface Pool {
  entries: RankEntry[];
  /** The first error value in the range other than #N/A (RANK.EQ propagates errors in ref). */
  fail: Fail | null;
  /** Ranks by order, made on first use. */
  lookups: { desc?: RankLookup; asc?: RankLookup };
}

/** Reads `ref` (or only the cells `only` lists). */
function readPool(name: string, m: Matrix, only?: readonly number[]): Pool {
  const pool: Pool = { entries: [], fail: null, lookups: {} };
  const n = only ? only.length : m.cells.length;
  for (let k = 0; k < n; k++) {
    const i = only ? only[k] : k;
    const cell = m.cells[i];
    // A number is its own double: no parsing, no decimal object (the common case by far).
    if (typeof cell === "number") {
      if (isFinite(cell)) pool.entries.push({ value: cell });
      continue;
    }
    // Whole-column references hand over a million mostly blank cells: skip them before any reading.
    if (cell === null || cell === undefined || cell === "") continue;
    const r = readAt(name, m, i);
    if (r.status === "value") pool.entries.push(rankEntryOf(r.q));
    else if (r.status === "error" && errorCodeOf(cell) && !isNoValue(cell)) {
      pool.fail = r.fail;
      return pool;
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

function lookupOf(pool: Pool, order: RankOrder): RankLookup {
  let l = pool.lookups[order];
  if (!l) {
    l = rankLookup(pool.entries, order);
    pool.lookups[order] = l;
  }
  return l;
}

/** Points of one `number` cell: no value (blank, #N/A) → 0 points (rules.md §3); not in ref → #N/A as RANK.EQ. */
function pointsOf(number: Matrix, i: number, lookup: RankLookup, o: RankOpts, refName: string): Value {
  const cell = cellAt(number, i);
  let rank: number | null;
  let shown: number;
  if (typeof cell === "number" && isFinite(cell)) {
    rank = lookup.rankOf(cell);
    shown = cell;
  } else {
    const r = readAt("number", number, i);
    if (r.status === "none" || isNoValue(cell)) return 0;
    if (r.status === "error") return r.fail;
    const e = rankEntryOf(r.q);
    rank = lookup.rankOf(e.value, e.exact);
    shown = r.q.value;
  }
  if (rank !== null) return pointsForRank(rank, o);
  return fail(
    "#N/A",
    at(placeIn("number", number, number.cells.length === 1 ? 0 : i), {
      zh: `${shown} 不在 ${refName} 的数值中（与 RANK.EQ 相同，排名的数必须出现在参照区域中）`,
      en: `${shown} is not among the values of ${refName} (as with RANK.EQ, the number ranked must be in the reference)`,
    }),
  );
}

/** The options' own consistency (floor ≤ top), which no single argument's limits can check. */
function optionsProblem(o: RankOpts): Fail | null {
  const e = checkRankOptions(o);
  return e ? bad(e.zh, e.en) : null;
}

const rankOptionParams = [
  { name: "order", kind: "order" },
  { name: "top", kind: "number", default: 10, above: 0 },
  { name: "step", kind: "number", default: 0.5, min: 0 },
  { name: "floor", kind: "number", default: 0, min: 0 },
] as const;

/** RANKSCORE's references, by place: the pool read once, its ranks made once per order. */
const RANKSCORE_REFS = new PreparedCache<Pool>();

export const RANKSCORE = define(
  {
    id: "RANKSCORE",
    params: [{ name: "number", kind: "cells" }, { name: "ref", kind: "cells" }, ...rankOptionParams] as const,
    result: { like: ["number"] },
  },
  ([number, ref, order, top, step, floor]) => {
    const o = { order, top, step, floor };
    const problem = optionsProblem(o);
    if (problem) return problem;
    const pool = RANKSCORE_REFS.get(placeKey(ref), [ref], () => readPool("ref", ref));
    if (pool.fail) return pool.fail;
    const lookup = lookupOf(pool, order);
    return grid(number.rows, number.cols, (i) => pointsOf(number, i, lookup, o, "ref"));
  },
);

/** Forgets every prepared reference (tests compare cached answers with fresh ones). */
export function clearPreparedReferences(): void {
  RANKSCORE_REFS.clear();
  RANKSCOREBY_REFS.clear();
  STDSCORE_REFS.clear();
}

/** A group label compared as written, white space and full-width forms aside; numbers as their text. */
function groupKey(cell: CellValue): string {
  if (cell === null || cell === undefined) return "";
  return normalizeText(String(cell));
}

/** RANKSCOREBY's ref and groups, read once: the members of each group, each group's pool on first use. */
interface Grouped {
  members: Map<string, number[]>;
  /** A groups cell that is an error could belong to any group: no group's ranking can be trusted. */
  groupError: Fail | null;
  pools: Map<string, Pool>;
}

const RANKSCOREBY_REFS = new PreparedCache<Grouped>();

function readGroups(groups: Matrix): Grouped {
  const members = new Map<string, number[]>();
  let groupError: Fail | null = null;
  for (let i = 0; i < groups.cells.length; i++) {
    const code = errorCodeOf(groups.cells[i]);
    if (code) {
      if (!groupError) groupError = propagated(code, placeIn("groups", groups, i));
      continue;
    }
    const k = groupKey(groups.cells[i]);
    const list = members.get(k);
    if (list) list.push(i);
    else members.set(k, [i]);
  }
  return { members, groupError, pools: new Map() };
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
    const o = { order, top, step, floor };
    const problem = optionsProblem(o);
    if (problem) return problem;
    const g = RANKSCOREBY_REFS.get(`${placeKey(ref)}|${placeKey(groups)}`, [ref, groups], () => readGroups(groups));
    const poolOf = (k: string): Pool => {
      let p = g.pools.get(k);
      if (!p) {
        p = readPool("ref", ref, g.members.get(k) ?? []);
        g.pools.set(k, p);
      }
      return p;
    };
    return grid(shape.rows, shape.cols, (i) => {
      const cell = cellAt(group, i);
      const code = errorCodeOf(cell);
      if (code) return propagated(code, placeIn("group", group, group.cells.length === 1 ? 0 : i));
      if (g.groupError) return g.groupError;
      const k = groupKey(cell);
      if (!g.members.has(k)) {
        return fail(
          "#N/A",
          at(placeIn("group", group, group.cells.length === 1 ? 0 : i), {
            zh: `分组“${String(cell ?? "")}”在参数 groups 中找不到`,
            en: `the group "${String(cell ?? "")}" does not occur in argument groups`,
          }),
        );
      }
      const pool = poolOf(k);
      if (pool.fail) return pool.fail;
      return pointsOf(number, number.cells.length === 1 ? 0 : i, lookupOf(pool, order), o, `ref（${String(cell)}）`);
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

interface Spread {
  fail: Fail | null;
  /** null where the reference holds no number. */
  stats: { max: number; min: number; mean: number; sd: number } | null;
}

/** STDSCORE's references for max, z and minmax, by place: read and summarised once. */
const STDSCORE_REFS = new PreparedCache<Spread>();

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
    let stats: Spread["stats"] = null;
    if (method !== "full") {
      const prepared = STDSCORE_REFS.get(`${refName}|${placeKey(ref)}`, [ref], () => {
        const pool = readPool(refName, ref);
        return { fail: pool.fail, stats: pool.fail || pool.entries.length === 0 ? null : spread(pool.entries.map((e) => e.value)) };
      });
      if (prepared.fail) return prepared.fail;
      if (!prepared.stats) return none(`参数 ${refName} 中没有数值`, `argument ${refName} holds no numbers`);
      stats = prepared.stats;
    }
    return grid(points.rows, points.cols, (i) => {
      const cell = cellAt(points, i);
      let x: number;
      if (typeof cell === "number" && isFinite(cell)) x = cell;
      else {
        const r = readAt("points", points, i);
        if (r.status !== "value") return r.fail;
        x = r.q.value;
      }
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
