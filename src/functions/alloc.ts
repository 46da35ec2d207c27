/**
 * ZG.ALLOCGAP and ZG.ALLOCCHECK (rules.md §2): one indicator's allocation checked by the engine's
 * checkAllocation. The kind is read from the parent: a label such as 传统制造业新增工业机器人10000台 (the target
 * inside it; 累计 makes it cumulative) or a target cell such as 10%以上 (a rate) or 1300台 (a total).
 */
import { checkAllocation } from "../core/check";
import { decimalFromNumber, decimalToString } from "../core/decimal";
import { a1 } from "../core/address";
import { readCell } from "../core/parse";
import type { AllocationInput, CellValue, CheckResult, Msg } from "../core/types";
import { define, placeIn, propagated, type Matrix, type Value } from "./args";
import { errorCodeOf, fail, isFail, none, type Fail } from "./runtime";
import { inWrittenUnit } from "../core/display";

const params = [
  { name: "parent", kind: "cell" },
  { name: "children", kind: "cells" },
  { name: "base", kind: "number" },
] as const;

/** ALLOCCHECK answers in words, so it takes the language of its verdict (Chinese when omitted). */
const checkParams = [...params, { name: "lang", kind: "lang" }] as const;

/**
 * A child is named by its cell ("C7") where Excel gave the range's address, else by its position in the range
 * ("#3"): a formula argument carries no unit names.
 */
function childName(m: Matrix, i: number): string {
  if (!m.origin) return `#${i + 1}`;
  return a1(m.origin.row + Math.floor(i / m.cols), m.origin.col + (i % m.cols));
}

/** Runs the check, or the Excel error value passed in (errors propagate, as in Excel's own functions). */
function run(parent: CellValue, children: Matrix, base: number | null): CheckResult | Fail {
  const code = errorCodeOf(parent);
  if (code) return propagated(code, { zh: "参数 parent", en: "argument parent" });
  if (parent === null || parent === undefined || (typeof parent === "string" && parent.trim() === "")) {
    return none("参数 parent 为空：请给出上级目标（如“10%以上”）或含目标的指标名称", "argument parent is empty: give the parent target (e.g. 10%以上) or an indicator label that states it");
  }
  for (let i = 0; i < children.cells.length; i++) {
    const c = errorCodeOf(children.cells[i]);
    if (c) return propagated(c, placeIn("children", children, i));
  }
  // A cell that reads as a target is the parent itself; any other text is a label holding it (or not).
  const asTarget = readCell(parent).status === "value";
  const input: AllocationInput = {
    indicator: typeof parent === "string" ? parent : "",
    ...(asTarget ? { parent } : {}),
    children: children.cells.map((cell, i) => ({ name: childName(children, i), cell })),
    base,
  };
  return checkAllocation(input);
}

/** A gap or total as written: exact digits (no 0.30000000000000004), the unit after it. */
/** A gap in the unit the table wrote (缺口 52亿元, not 5200000000元). */
function amount(x: number, unit: string | null, display?: string | null): string {
  if (display && unit && unit !== "%") return inWrittenUnit(x, unit, display);
  return `${decimalToString(decimalFromNumber(x))}${unit && unit !== "%" ? unit : ""}`;
}

/*
 * Both give one value, yet are declared with a matrix result handed over as 1 × 1 ("cell"): they need their
 * parameters' addresses to name each child by its cell ("低于目标：C1、E1"), and Excel accepts
 * requiresParameterAddresses only with a matrix result (custom-functions-json.md, options table). A 1 × 1 array
 * shows as an ordinary value in its cell and works inside IFERROR, IF and arithmetic like one.
 */
export const ALLOCGAP = define({ id: "ALLOCGAP", params, result: "cell" }, ([parent, children, base]): Value => {
  const r = run(parent, children, base);
  if (isFail(r)) return r;
  if (r.status === "unchecked" && r.reason) {
    // Unreadable children are an input error (#VALUE!); every other reason means there is no gap to give.
    const code = r.issues.some((i) => i.severity === "error") ? "#VALUE!" : "#N/A";
    return fail(code, { zh: `无法校核：${r.reason.zh}`, en: `cannot be checked: ${r.reason.en}` });
  }
  if (r.kind === "rate") {
    return none(
      "比率类指标不求和，没有缺口；各地应不低于上级目标，请用 ZG.ALLOCCHECK 查看哪些低于目标",
      "a rate indicator is not summed, so it has no gap; each child must reach the parent rate: use ZG.ALLOCCHECK to see which do not",
    );
  }
  return r.gap ?? none("没有缺口可计算", "no gap to compute");
});

function verdict(r: CheckResult): Msg {
  if (r.status === "unchecked") {
    const why = r.reason ?? { zh: "无法校核", en: "cannot be checked" };
    return { zh: `无法校核：${why.zh}`, en: `Cannot be checked: ${why.en}` };
  }
  if (r.status === "ok") return { zh: "达标", en: "OK" };
  if (r.kind === "rate") {
    const names = r.short.join("、");
    const namesEn = r.short.join(", ");
    return r.bound === "atMost"
      ? { zh: `高于上限：${names}`, en: `Above the cap: ${namesEn}` }
      : { zh: `低于目标：${names}`, en: `Below target: ${namesEn}` };
  }
  const gap = Math.abs(r.gap ?? 0);
  return r.bound === "atMost"
    ? { zh: `超出上限 ${amount(gap, r.unit, r.displayUnit)}`, en: `Over the cap by ${amount(gap, r.unit, r.displayUnit)}` }
    : { zh: `缺口 ${amount(gap, r.unit, r.displayUnit)}`, en: `Short by ${amount(gap, r.unit, r.displayUnit)}` };
}

export const ALLOCCHECK = define({ id: "ALLOCCHECK", params: checkParams, result: "cell" }, ([parent, children, base]): Value => {
  const r = run(parent, children, base);
  return isFail(r) ? r : verdict(r);
});
