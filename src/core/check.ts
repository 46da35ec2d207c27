/**
 * rules.md §2: one indicator's allocation check — do the child units' targets cover the parent target?
 *
 * Everything is compared as exact decimals (decimal.ts), so a table that adds up on paper adds up here:
 * 104.2 + 52 + 14 + … + 0.5 亿元 is exactly 300 亿元, never 299.99999999999994.
 */
import type {
  AllocationInput,
  Bound,
  CellRef,
  CellValue,
  CheckResult,
  ChildValue,
  Decimal,
  IndicatorKind,
  Msg,
  Quantity,
  ZgIssue,
} from "./types";
import { ONE, addDecimal, compareDecimal, decimalFromNumber, decimalInRange, decimalToNumber, decimalToString, mulDecimal, subDecimal, sumDecimals } from "./decimal";
import { normalizeText, outOfRange, readCell, readLabelTarget, stripSpace, withFields } from "./parse";
import { ISSUES, UNCHECKED } from "./catalogue";
import { issue, placeOf } from "./messages";
import { decimalInWrittenUnit, writtenUnit } from "./display";

/** A number format that shows a percentage ('0%', '0.0%'); text in quotes does not count. */
export function isPercentFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  return /%/.test(format.replace(/"[^"]*"/g, "").replace(/\\./g, ""));
}

/** 合计/小计/总计 and their variants: a totals line, never a child. */
export function isTotalsLabel(text: string): boolean {
  return /^(全省|全市|全县|全区|本市|本县)?(合计|小计|总计|总数|汇总)$/.test(normalizeText(text));
}

/** The label as written, white space removed (full-width forms kept, so it matches the document). */
export function indicatorName(label: string): string {
  return stripSpace(String(label ?? ""));
}

/** Whether the label marks a stock (累计): the children are then the year's additions to it. */
export function isCumulativeLabel(label: string): boolean {
  return normalizeText(String(label ?? "")).includes("累计");
}

interface Read {
  q: Quantity | null;
  status: "value" | "none" | "error";
  issue?: ZgIssue;
}

/** The unit of a 单位 column: its base unit and the factor it carries ('万元' → 元 × 10⁴, '%' → a rate × 10⁻²). */
interface UnitSpec {
  unit: string | null;
  isRate: boolean;
  factor: Decimal | null;
}

function unitSpec(unitText: string | null | undefined): UnitSpec | null {
  if (!unitText) return null;
  const u = readCell(`1${unitText}`);
  if (u.status === "value" && (u.quantity.unit !== null || u.quantity.isRate)) {
    return { unit: u.quantity.unit, isRate: u.quantity.isRate, factor: u.quantity.exact };
  }
  const plain = normalizeText(unitText);
  return plain ? { unit: plain, isRate: false, factor: null } : null;
}

/** A unit stated at the end of the label in brackets, as tables often do: 并购重组交易金额（亿元） → 元 × 10⁸. */
function labelUnitSpec(label: string): UnitSpec | null {
  const m = /[(（]([^()（）]{1,6})[)）]$/.exec(normalizeText(label));
  if (!m) return null;
  const u = readCell(`1${m[1]}`);
  if (u.status !== "value" || (u.quantity.unit === null && !u.quantity.isRate)) return null;
  return { unit: u.quantity.unit, isRate: u.quantity.isRate, factor: u.quantity.exact };
}

/**
 * Reads a cell; a bare number takes the unit of the table's 单位 column when there is one (so 1.5 under
 * 万元 is 15000 元), and a number shown in a percent format is a rate.
 */
function readWithUnit(cell: CellValue, at: CellRef | undefined, format: string | null | undefined, spec: UnitSpec | null): Read {
  const r = readCell(cell, at, { percentFormat: isPercentFormat(format) });
  if (r.status !== "value") return { q: null, status: r.status, issue: r.issue };
  const q = r.quantity;
  if (q.unit === null && !q.isRate && spec) {
    const exact = spec.factor ? mulDecimal(q.exact, spec.factor) : q.exact;
    // A 单位 column such as 万亿元 can carry a number past what a cell holds: refused like such text (rules.md §1).
    if (!decimalInRange(exact)) {
      const p = outOfRange(`${String(cell)} × ${decimalToNumber(spec.factor ?? ONE)}`);
      return { q: null, status: "error", issue: issue(p.code, "error", p, at) };
    }
    return { q: { ...q, exact, value: decimalToNumber(exact), unit: spec.unit, isRate: spec.isRate }, status: "value" };
  }
  return { q, status: "value" };
}

function unitOf(q: Quantity): string | null {
  return q.isRate ? "%" : q.unit;
}

function unitName(u: string | null): Msg {
  return u === null ? { zh: "无单位", en: "no unit" } : { zh: u, en: u };
}

function named(name: string, at?: CellRef): Msg {
  const p = placeOf(at);
  return { zh: p.zh ? `${name}（${p.zh}）` : name, en: p.en ? `${name} (${p.en})` : name };
}

/** A figure for a message, in the unit the table wrote (亿元 rather than 元) when `display` says which. */
function fmt(d: Decimal, unit: string | null, isRate: boolean, display?: string | null): string {
  return decimalInWrittenUnit(d, isRate ? "%" : unit, display);
}

/**
 * Checks one indicator (rules.md §2). Never throws: every problem is an issue in the result, and an
 * indicator that cannot be judged is `unchecked` with the reason in both languages.
 */
export function checkAllocation(input: AllocationInput): CheckResult {
  const label = typeof input.indicator === "string" ? input.indicator : String(input.indicator ?? "");
  const indicator = indicatorName(label);
  const issues: ZgIssue[] = [];
  const at = input.at;
  const labelAt = at ?? input.parentAt;
  const spec = unitSpec(input.unit) ?? labelUnitSpec(label);

  // ── the parent target ──
  const cityParent = input.parentScope === "city";
  // Under a city's figure the label's figure is the province's: it gives the unit, never the parent.
  const labelQ = readLabelTarget(label);
  let parentQ: Quantity | null = null;
  let parentError: Msg | null = null;
  let parentFromCell = false;
  if (input.parent !== undefined) {
    const r = readWithUnit(input.parent, input.parentAt, input.parentFormat, spec);
    if (r.status === "value" && r.q) {
      parentQ = r.q;
      parentFromCell = true;
    } else if (r.status === "error" && r.issue) {
      issues.push(r.issue);
      const place = placeOf(input.parentAt);
      // The issue's text starts with the place already; the reason names it once.
      const zh = place.zh && r.issue.zh.startsWith(`${place.zh}：`) ? r.issue.zh.slice(place.zh.length + 1) : r.issue.zh;
      const en = place.en && r.issue.en.startsWith(`${place.en}: `) ? r.issue.en.slice(place.en.length + 2) : r.issue.en;
      parentError = UNCHECKED.parentUnreadable(place, { zh, en });
    }
  }
  if (parentQ && labelQ && parentQ.unit === null && !parentQ.isRate) {
    // A bare number in a 全省目标 column is in the unit the label states.
    parentQ = withFields(parentQ, { unit: labelQ.unit, isRate: labelQ.isRate });
  }
  if (!parentQ && !parentError && labelQ && !cityParent) parentQ = labelQ;
  if (!cityParent && parentFromCell && parentQ && labelQ && (compareDecimal(parentQ.exact, labelQ.exact) !== 0 || unitOf(parentQ) !== unitOf(labelQ))) {
    issues.push(
      issue(
        "parent-label-mismatch",
        "warning",
        ISSUES["parent-label-mismatch"](
          fmt(parentQ.exact, parentQ.unit, parentQ.isRate, writtenUnit(input.parent, parentQ.unit)),
          fmt(labelQ.exact, labelQ.unit, labelQ.isRate, writtenUnit(label, labelQ.unit)),
        ),
        input.parentAt ?? labelAt,
      ),
    );
  }

  // Read the children first: a bare parent (0.1 in a 全省目标 cell, no unit in the label) takes their unit.
  const raw = (input.children ?? []).map((child) => ({ child, r: readWithUnit(child.cell, child.at, child.format, spec) }));
  if (parentQ && parentQ.unit === null && !parentQ.isRate) {
    const first = raw.find((x) => x.r.q && (x.r.q.unit !== null || x.r.q.isRate))?.r.q;
    if (first) parentQ = withFields(parentQ, { unit: first.unit, isRate: first.isRate });
  }

  // 9号: the cities' figures for the 累计 indicator are 当年新增数, so under a city parent it is a total.
  const cumulative = isCumulativeLabel(label) && !cityParent;
  const kind: IndicatorKind = cumulative ? "cumulative" : parentQ?.isRate ? "rate" : "total";
  // "At most" wherever it is written: a 全省目标 cell of 100万吨 under a label saying 不超过100万吨 is a ceiling.
  const bound: Bound = parentQ?.bound === "atMost" || (parentQ && labelQ?.bound === "atMost") ? "atMost" : "atLeast";
  const parentUnit = parentQ ? unitOf(parentQ) : null;

  // ── the children ──
  const children: ChildValue[] = [];
  const readings: { name: string; at?: CellRef; q: Quantity }[] = [];
  const unreadable: Msg[] = [];
  const mismatched: { name: string; at?: CellRef; unit: string | null }[] = [];
  let childUnit: string | null = parentUnit;
  for (const { child, r } of raw) {
    if (r.status === "error") {
      if (r.issue) issues.push(r.issue);
      unreadable.push(named(child.name, child.at));
      children.push({ name: child.name, value: null, at: child.at });
      continue;
    }
    if (r.status === "none" || !r.q) {
      issues.push(
        issue("child-no-value", "warning", ISSUES["child-no-value"](child.name, kind === "total"), child.at),
      );
      children.push({ name: child.name, value: null, at: child.at });
      continue;
    }
    let q = r.q;
    // A bare number takes the parent's unit (a rate row's bare 0.1 is 10%).
    if (q.unit === null && !q.isRate) {
      if (parentQ) {
        q = withFields(q, { unit: parentQ.unit, isRate: parentQ.isRate });
        if (parentQ.isRate && compareDecimal(q.exact, ONE) >= 0) {
          issues.push(
            issue("rate-bare-number", "warning", ISSUES["rate-bare-number"](child.name, decimalToString(r.q.exact), fmt(q.exact, null, true)), child.at),
          );
        }
      } else if (childUnit !== null) q = withFields(q, { unit: childUnit });
    }
    const u = unitOf(q);
    if (childUnit === null && u !== null) childUnit = u;
    if (u !== childUnit) mismatched.push({ name: child.name, at: child.at, unit: u });
    readings.push({ name: child.name, at: child.at, q });
    children.push({ name: child.name, value: q.value, at: child.at });
  }
  const unit = parentUnit ?? childUnit;

  // The unit the table wrote (亿元, 万吨标准煤, 家): its 单位 column, else the parent cell, the label or a child. The
  // first that writes a unit decides: a parent cell of 5500家 is in 家 even if the label says 1.1万家.
  const childUnits = (input.children ?? []).map((c) => writtenUnit(c.cell, unit));
  const display =
    writtenUnit(input.unit ? `1${input.unit}` : null, unit) ??
    writtenUnit(input.parent, unit) ??
    writtenUnit(label, unit) ??
    childUnits.find((u) => u !== null) ??
    null;
  // The children's total in the unit the children were written in (9号's cities in 家 under a province target in 万家).
  const childrenDisplay = writtenUnit(input.unit ? `1${input.unit}` : null, unit) ?? childUnits.find((u) => u !== null) ?? display;
  const base = {
    indicator,
    kind,
    unit,
    ...(display ? { displayUnit: display } : {}),
    ...(childrenDisplay && childrenDisplay !== display ? { childrenUnit: childrenDisplay } : {}),
    bound,
    parent: parentQ ? parentQ.value : null,
    short: [] as string[],
    children,
    issues,
    ...(at ? { at } : {}),
  };
  const unchecked = (reason: Msg, childrenTotal: number | null = null): CheckResult => ({
    ...base,
    childrenTotal,
    gap: null,
    status: "unchecked",
    reason,
  });

  if (parentError) return unchecked(parentError);
  if (unreadable.length > 0) {
    return unchecked(UNCHECKED.childrenUnreadable(unreadable));
  }
  if (!parentQ) {
    return unchecked(cityParent ? UNCHECKED.noCityParent() : UNCHECKED.noParent());
  }
  if (mismatched.length > 0) {
    return unchecked(UNCHECKED.unitsDiffer(unitName(unit), mismatched.map((m) => ({ child: named(m.name, m.at), unit: unitName(m.unit) }))));
  }
  if (readings.length === 0) {
    return unchecked(UNCHECKED.noChildValue());
  }

  const sum = sumDecimals(readings.map((r) => r.q.exact));
  const sumValue = decimalToNumber(sum);
  compareTotals(input, kind, sum, unit, parentQ, issues, spec, childrenDisplay);

  if (kind === "rate") {
    const below = readings.filter((r) => {
      const c = compareDecimal(r.q.exact, parentQ!.exact);
      return bound === "atMost" ? c > 0 : c < 0;
    });
    return {
      ...base,
      childrenTotal: null,
      gap: null,
      status: below.length === 0 ? "ok" : "short",
      short: below.map((r) => r.name),
      reason: null,
    };
  }

  let covered = sum;
  if (kind === "cumulative") {
    if (input.base === undefined || input.base === null || !Number.isFinite(input.base)) {
      return unchecked(UNCHECKED.cumulative(), sumValue);
    }
    covered = addDecimal(decimalFromNumber(input.base), sum);
  }
  const c = compareDecimal(covered, parentQ.exact);
  const ok = bound === "atMost" ? c <= 0 : c >= 0;
  return {
    ...base,
    childrenTotal: sumValue,
    gap: decimalToNumber(subDecimal(covered, parentQ.exact)),
    status: ok ? "ok" : "short",
    reason: null,
  };
}

/** 合计/小计/总计 cells: read for comparison only; one that differs from the computed sum is a warning. */
function compareTotals(
  input: AllocationInput,
  kind: IndicatorKind,
  sum: Decimal,
  unit: string | null,
  parentQ: Quantity,
  issues: ZgIssue[],
  spec: UnitSpec | null,
  display: string | null,
): void {
  if (kind === "rate") return;
  for (const t of input.totals ?? []) {
    const r = readWithUnit(t.cell, t.at, t.format, spec);
    if (r.status === "none") continue;
    if (r.status === "error" || !r.q) {
      if (r.issue) issues.push({ ...r.issue, severity: "warning" });
      continue;
    }
    const q = r.q.unit === null && !r.q.isRate ? withFields(r.q, { unit: parentQ.unit, isRate: parentQ.isRate }) : r.q;
    if (unitOf(q) !== unit) {
      issues.push(
        issue("total-unit-mismatch", "warning", ISSUES["total-unit-mismatch"](t.name, unitName(unitOf(q)), unitName(unit)), t.at),
      );
      continue;
    }
    if (compareDecimal(q.exact, sum) !== 0) {
      issues.push(
        issue("total-mismatch", "warning", ISSUES["total-mismatch"](t.name, fmt(q.exact, unit, false, display), fmt(sum, unit, false, display), fmt(subDecimal(q.exact, sum), unit, false, display)), t.at),
      );
    }
  }
}
