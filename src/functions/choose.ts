/**
 * ZG.RECOMMEND and ZG.SHORTLIST (rules.md §6) on scores already in the sheet. The engine's runSelection
 * scores counties from their indicator rows; a formula has only the totals (and, where given, the scores
 * that break ties), so these functions order units with the engine's own tie-break chain (compareStanding:
 * total, then targetScore, overScore, policyScore; input order last) and apply §6's two rules to that order.
 */
import { readYesNo } from "../core/parse";
import { isAccelerated } from "../core/reference";
import { cityKey } from "../core/reference";
import { ART, STANDING_NAMES, TIE_CHAIN } from "../core/catalogue";
import { MAX_MARGIN } from "../core/score";
import { recommendInCity, selectShortlist, type Standing, type TieReport } from "../core/select";
import type { CellValue, Msg } from "../core/types";
import { at, define, placeIn, propagated, readAt, type Matrix, type Value } from "./args";
import { bad, errorCodeOf, fail, isFail, none, type Fail } from "./runtime";

const fmt = (x: number): string => String(Math.round(x * 100) / 100);

function textOf(c: CellValue): string {
  return c === null || c === undefined ? "" : String(c).trim();
}

/** All list arguments must have one cell per county. */
function sameLength(named: ReadonlyArray<readonly [string, Matrix | null]>): Fail | null {
  const [firstName, first] = named[0];
  const n = first!.cells.length;
  for (const [name, m] of named.slice(1)) {
    if (m && m.cells.length !== n) {
      return bad(
        `参数 ${name}（${m.cells.length} 个单元格）与参数 ${firstName}（${n} 个单元格）应一一对应`,
        `argument ${name} (${m.cells.length} cells) must match argument ${firstName} (${n} cells) cell for cell`,
      );
    }
  }
  return null;
}

/** A score column: blank counts as 0 only for the optional tie-break columns. */
function scoreAt(name: string, m: Matrix, i: number, blankAsZero: boolean): number | Fail {
  const r = readAt(name, m, i);
  if (r.status === "value") return r.q.value;
  if (r.status === "none" && blankAsZero) return 0;
  return r.fail;
}

function yesNoAt(name: string, m: Matrix, i: number): boolean | Fail {
  const cell = m.cells[i];
  const code = errorCodeOf(cell);
  if (code) return propagated(code, placeIn(name, m, i));
  const v = readYesNo(typeof cell === "string" ? cell.trim() : cell);
  if (v !== undefined) return v;
  return fail("#VALUE!", at(placeIn(name, m, i), { zh: `“${String(cell)}”不是是/否值`, en: `"${String(cell)}" is not a yes/no value` }));
}

interface Unit extends Standing {
  row: number;
  city: string;
}

/** The rows that name a county (a range longer than the list leaves blank rows), as scored units. */
function readUnits(
  counties: Matrix,
  totals: Matrix,
  extra: { target: Matrix | null; over: Matrix | null; policy: Matrix | null },
  city: (i: number) => string,
): Unit[] | Fail {
  const units: Unit[] = [];
  for (let i = 0; i < counties.cells.length; i++) {
    const cell = counties.cells[i];
    const code = errorCodeOf(cell);
    if (code) return propagated(code, placeIn("counties", counties, i));
    const county = textOf(cell);
    if (!county) continue;
    const total = scoreAt("totals", totals, i, false);
    if (isFail(total)) return total;
    const ts = extra.target ? scoreAt("targetScores", extra.target, i, true) : 0;
    if (isFail(ts)) return ts;
    const os = extra.over ? scoreAt("overScores", extra.over, i, true) : 0;
    if (isFail(os)) return os;
    const pol = extra.policy ? scoreAt("policyScores", extra.policy, i, true) : 0;
    if (isFail(pol)) return pol;
    units.push({ row: i, county, city: city(i), total, targetScore: ts, overScore: os, policyScore: pol });
  }
  return units;
}

/** Why the unit the engine put first stands above another with the same total: the deciding score, or list order. */
function tieNote(units: readonly Unit[], t: TieReport): Msg {
  const w = units[t.winner];
  const o = units[t.other];
  if (t.by) {
    const k = STANDING_NAMES[t.by];
    return {
      zh: `与${o.county}总分并列，按${TIE_CHAIN.zh}，${k.zh}更高（${fmt(w[t.by])} 对 ${fmt(o[t.by])}），请人工确认`,
      en: `ties with ${o.county} on total; by ${TIE_CHAIN.en}, higher ${k.en} (${fmt(w[t.by])} vs ${fmt(o[t.by])}); please confirm by hand`,
    };
  }
  return {
    zh: `与${o.county}总分并列且无法再区分，按${TIE_CHAIN.zh}，列表在前，请人工确认`,
    en: `ties with ${o.county} and nothing else separates them; by ${TIE_CHAIN.en}, listed first, so taken — please confirm by hand`,
  };
}

const join = (parts: Msg[]): Msg => ({ zh: parts.map((p) => p.zh).join("；"), en: parts.map((p) => p.en).join("; ") });

export const RECOMMEND = define(
  {
    id: "RECOMMEND",
    params: [
      { name: "counties", kind: "cells" },
      { name: "cities", kind: "cells" },
      { name: "totals", kind: "cells" },
      { name: "previous", kind: "cells", optional: true },
      { name: "targetScores", kind: "cells", optional: true },
      { name: "overScores", kind: "cells", optional: true },
      { name: "policyScores", kind: "cells", optional: true },
      { name: "lang", kind: "lang" },
    ] as const,
    result: { cols: 3 },
  },
  ([counties, cities, totals, previous, targetScores, overScores, policyScores]) => {
    const mismatch = sameLength([
      ["counties", counties],
      ["cities", cities],
      ["totals", totals],
      ["previous", previous],
      ["targetScores", targetScores],
      ["overScores", overScores],
      ["policyScores", policyScores],
    ]);
    if (mismatch) return mismatch;
    for (let i = 0; i < cities.cells.length; i++) {
      const code = errorCodeOf(cities.cells[i]);
      if (code) return propagated(code, placeIn("cities", cities, i));
    }
    const units = readUnits(counties, totals, { target: targetScores, over: overScores, policy: policyScores }, (i) => textOf(cities.cells[i]));
    if (isFail(units)) return units;
    if (units.length === 0) return none("参数 counties 中没有县（市、区）", "argument counties names no county");

    const prev = new Map<number, boolean>();
    if (previous) {
      for (const u of units) {
        const v = yesNoAt("previous", previous, u.row);
        if (isFail(v)) return v;
        prev.set(u.row, v);
      }
    }
    // Cities in order of first appearance; 杭州 and 杭州市 are one city.
    const groups = new Map<string, Unit[]>();
    for (const u of units) {
      const k = cityKey(u.city);
      const g = groups.get(k);
      if (g) g.push(u);
      else groups.set(k, [u]);
    }
    const out: Value[][] = [];
    for (const members of groups.values()) {
      // Counties without a city are ranked together, as the engine does, under a label that says so.
      const city: Value = members[0].city || { zh: "（未填设区市）", en: "(no city)" };
      const rec = recommendInCity(
        members,
        members.map((u) => prev.get(u.row) === true),
      );
      if (rec.winner === null) {
        out.push([city, "", { zh: "本市所有县（市、区）上年度均已获激励，无推荐", en: "every county of the city received the incentive last year: none recommended" }]);
        continue;
      }
      const w = members[rec.winner];
      const notes: Msg[] = [{ zh: `总分 ${fmt(w.total)}，市内可推荐县中最高`, en: `total ${fmt(w.total)}, the best the city may recommend` }];
      if (rec.passedOver.length) {
        const names = rec.passedOver.map((k) => members[k].county);
        notes.push({ zh: `排名更前的${names.join("、")}上年度已获激励，不再推荐`, en: `${names.join(", ")}, ranked higher, received the incentive last year` });
      }
      for (const t of rec.ties) notes.push(tieNote(members, t));
      out.push([city, w.county, join(notes)]);
    }
    return out;
  },
);

export const SHORTLIST = define(
  {
    id: "SHORTLIST",
    params: [
      { name: "counties", kind: "cells" },
      { name: "totals", kind: "cells" },
      { name: "accelerated", kind: "cells", optional: true },
      { name: "slots", kind: "number", default: 6, min: 1, integer: true },
      { name: "minAccelerated", kind: "number", default: 1, min: 0, integer: true },
      { name: "lang", kind: "lang" },
      // Added last, so sheets written before it keep their arguments in place.
      { name: "margin", kind: "number", default: 0.2, min: 0, max: MAX_MARGIN },
    ] as const,
    result: { cols: 2 },
  },
  ([counties, totals, accelerated, slots, minAccelerated, , margin]) => {
    if (minAccelerated > slots) {
      return bad(`参数 minAccelerated（${minAccelerated}）不能大于 slots（${slots}）`, `argument minAccelerated (${minAccelerated}) cannot exceed slots (${slots})`);
    }
    const mismatch = sameLength([
      ["counties", counties],
      ["totals", totals],
      ["accelerated", accelerated],
    ]);
    if (mismatch) return mismatch;
    const units = readUnits(counties, totals, { target: null, over: null, policy: null }, () => "");
    if (isFail(units)) return units;
    if (units.length === 0) return none("参数 counties 中没有县（市、区）", "argument counties names no county");
    // A 加快发展县 column overrides the built-in list of 26 (rules.md §6).
    const acc = new Map<number, boolean>();
    for (const u of units) {
      const v = accelerated ? yesNoAt("accelerated", accelerated, u.row) : isAccelerated(u.county);
      if (isFail(v)) return v;
      acc.set(u.row, v);
    }
    const sl = selectShortlist(
      units,
      units.map((u) => acc.get(u.row) === true),
      { slots, minAccelerated, margin },
    );
    const notes: Msg[][] = units.map(() => []);
    for (const t of sl.cutTies) notes[t.winner].push(tieNote(units, t));
    for (const { incoming, outgoing } of sl.replacements) {
      notes[incoming].push({
        zh: `名额外排名最高的加快发展县，按${ART.art3.zh}（原则上不少于${minAccelerated}个，本工具默认读作必须，minAccelerated 设为 0 可关闭）替补原列第 ${sl.ranks[outgoing]} 位的${units[outgoing].county}，列入建议激励名额`,
        en: `the best 加快发展县 outside the places; replaces ${units[outgoing].county} (ranked ${sl.ranks[outgoing]}) under ${ART.art3.en} (原则上, in principle: ZG's default reading; minAccelerated 0 switches it off)`,
      });
    }
    const shortOf: Msg | null =
      sl.shortOfAccelerated === null
        ? null
        : {
            zh: `${sl.shortOfAccelerated === 0 ? "无加快发展县可列入建议激励名额" : `只有 ${sl.shortOfAccelerated} 个加快发展县可列入建议激励名额`}，达不到至少 ${minAccelerated} 个的要求（${ART.art3.zh}）`,
            en: `${sl.shortOfAccelerated === 0 ? "no 加快发展县 can be" : `only ${sl.shortOfAccelerated} 加快发展县 can be`} within the places, short of the ${minAccelerated} required (${ART.art3.en})`,
          };
    // 第六条（三）: the proposed list, the suggested places first (in standing order), then the names the margin adds.
    const out: Value[][] = [];
    const inPlaces = sl.order.filter((k) => sl.selected[k]);
    const byMargin = sl.order.filter((k) => sl.proposed[k] && !sl.selected[k]);
    for (const k of [...inPlaces, ...byMargin]) {
      const u = units[k];
      const tag = acc.get(u.row) ? { zh: "（加快发展县）", en: " (加快发展县)" } : { zh: "", en: "" };
      const where = sl.selected[k]
        ? { zh: "建议激励名额内", en: "within the suggested places" }
        : { zh: `拟列入督查激励建议名单（差额，${ART.art63.zh}）`, en: `on the proposed list by the margin (${ART.art63.en})` };
      const head = { zh: `${where.zh}：总分 ${fmt(u.total)}，排名第 ${sl.ranks[k]}${tag.zh}`, en: `${where.en}: total ${fmt(u.total)}, ranked ${sl.ranks[k]}${tag.en}` };
      out.push([u.county, join([head, ...notes[k]])]);
    }
    if (shortOf) out.push(["", shortOf]);
    return out;
  },
);
