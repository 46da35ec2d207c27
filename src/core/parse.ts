import { decimalFromNumber, decimalFromString, decimalInRange, decimalSign, decimalToNumber, doubleParts, shiftDecimal, wholeParts } from "./decimal";
import { ISSUES } from "./catalogue";
import { issue } from "./messages";
import type { Bound, CellRef, CellValue, Decimal, EngineIssueCode, Msg, Quantity, Reading } from "./types";

/**
 * rules.md §1: reading a target or value cell as officials write it — `1300台`, `10%\n\n以上`, `104.2亿元`,
 * `0.95万吨`, `１３３０台`, `≥10%`, `不低于7%` — into an exact quantity in base units, or an error that says
 * what is wrong and where. Nothing here throws.
 */

/** Marks that mean "no value" (rules.md §1). */
const NO_VALUE = new Set(["", "—", "——", "-", "--", "–", "/", "无", "空"]);

const EXCEL_ERRORS = new Set([
  "#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA", "#BUSY!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#UNKNOWN!",
]);

/** Magnitude prefixes, as powers of ten. Longest first so 万亿 is not read as 万 + 亿. */
const MAGNITUDES: ReadonlyArray<readonly [string, number]> = [
  ["万亿", 12],
  ["千万", 7],
  ["百万", 6],
  ["亿", 8],
  ["万", 4],
];

/**
 * Units we recognise, mapped to their base unit. 吨标准煤 is a tonne (of standard coal) so that
 * `100万吨标准煤` and `20万吨` add up; anything not listed is reported rather than guessed.
 */
export const UNITS: Readonly<Record<string, string>> = Object.freeze({
  台: "台", 套: "套", 家: "家", 个: "个", 项: "项", 件: "件", 户: "户", 座: "座", 条: "条", 人: "人", 人次: "人次", 次: "次", 所: "所", 批: "批", 辆: "辆", 只: "只", 款: "款",
  元: "元", 美元: "美元",
  吨: "吨", 吨标准煤: "吨", 吨标煤: "吨", 标准煤: "吨", 标煤: "吨",
  亩: "亩", 公顷: "公顷", 平方米: "平方米", 平米: "平方米", 平方公里: "平方公里", 公里: "公里", 米: "米",
  千瓦: "千瓦", 千瓦时: "千瓦时", 度: "千瓦时",
});

const UNIT_NAMES = Object.keys(UNITS).sort((a, b) => b.length - a.length);

const AT_LEAST_PREFIX = ["大于等于", "不低于", "不少于", "不小于", "至少", "超过", "高于", "≥", ">=", ">"];
const AT_MOST_PREFIX = ["小于等于", "不超过", "不高于", "不多于", "不大于", "至多", "控制在", "低于", "少于", "≤", "<=", "<"];
const APPROXIMATE_PREFIX = ["大约", "约为", "约", "近", "将近", "接近"];
const AT_LEAST_SUFFIX = ["及以上", "以上"];
const AT_MOST_SUFFIX = ["及以下", "以下", "以内"];

const PLAIN_ASCII = /^[\x21-\x7e]*$/;

/**
 * Full-width forms to ASCII (NFKC: １３３０ → 1330, ％ → %, ， → ,, ． → .), minus signs to '-', and every
 * white space and line break removed (rules.md §1: they are ignored anywhere in the text).
 */
export function normalizeText(s: string): string {
  if (PLAIN_ASCII.test(s)) return s;
  return s
    .normalize("NFKC")
    .replace(/[\u2212\uFE63\uFF0D]/g, "-")
    .replace(/[\s\u00A0\u3000\u200B\uFEFF]+/g, "");
}

/**
 * Invisible format characters: soft hyphen, zero-width space/joiners, word joiner and invisible operators, bidi
 * marks and controls, fillers, variation selectors, the BOM and the tag characters. A name holding one looks, on
 * screen and in print, exactly like the name without it, yet is another name.
 */
// eslint-disable-next-line no-misleading-character-class -- each is looked for alone, joiners and selectors included
export const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]|\udb40[\udc00-\udcff]/g;

/** The label as written with white space removed (no other change): how indicators are named in results. */
export function stripSpace(s: string): string {
  return s.replace(/[\s\u00A0\u3000\u200B\uFEFF]+/g, "");
}

function startsWithAny(s: string, words: readonly string[]): string | undefined {
  return words.find((w) => s.startsWith(w));
}

function endsWithAny(s: string, words: readonly string[]): string | undefined {
  return words.find((w) => s.endsWith(w));
}

/** A number with optional well-formed thousands separators, and optional exponent. */
const NUMBER_RE = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d*)?(?:[eE][+-]?\d+)?/;

interface ParsedText {
  exact: Decimal;
  unit: string | null;
  bound: Bound;
  isRate: boolean;
}

type TextProblem = { code: EngineIssueCode; zh: string; en: string };

const problem = (code: EngineIssueCode, msg: Msg): TextProblem => ({ code, zh: msg.zh, en: msg.en });

/** A magnitude no cell can hold (beyond about 1.8E+308, or a nonzero value below about 2.2E-308). */
export function outOfRange(shown: string): TextProblem {
  return problem("out-of-range", ISSUES["out-of-range"](shown.length > 40 ? `${shown.slice(0, 37)}…` : shown));
}

/** The body of readCell for text. `shown` is the original text, for messages. */
function parseText(t: string, shown: string): ParsedText | TextProblem {
  let rest = t;
  let bound: Bound = "atLeast";
  let boundWord: string | undefined;

  const pre = startsWithAny(rest, AT_MOST_PREFIX) ?? startsWithAny(rest, AT_LEAST_PREFIX);
  if (pre) {
    bound = AT_MOST_PREFIX.includes(pre) ? "atMost" : "atLeast";
    boundWord = pre;
    rest = rest.slice(pre.length);
  }
  const suf = endsWithAny(rest, AT_MOST_SUFFIX) ?? endsWithAny(rest, AT_LEAST_SUFFIX);
  if (suf) {
    const sufBound: Bound = AT_MOST_SUFFIX.includes(suf) ? "atMost" : "atLeast";
    if (boundWord && sufBound !== bound) {
      return problem("conflicting-bound", ISSUES["conflicting-bound"](shown, boundWord, suf));
    }
    bound = sufBound;
    rest = rest.slice(0, rest.length - suf.length);
  }

  if (startsWithAny(rest, APPROXIMATE_PREFIX)) {
    return problem("approximate", ISSUES.approximate(shown));
  }
  const m = NUMBER_RE.exec(rest);
  const numText = m ? m[0] : "";
  if (!/\d/.test(numText)) {
    if (/[零〇一二三四五六七八九十百千两壹贰叁肆伍陆柒捌玖拾]/.test(rest)) {
      return problem("chinese-numeral", ISSUES["chinese-numeral"](shown));
    }
    if (/^\d{1,3}(,\d+)+/.test(rest) || /^,/.test(rest)) {
      return problem("bad-separator", ISSUES["bad-separator"](shown));
    }
    return problem("not-a-number", ISSUES["not-a-number"].text(shown));
  }
  let after = rest.slice(numText.length);
  if (/^[,\d]/.test(after)) {
    return problem("bad-separator", ISSUES["bad-separator"](shown));
  }
  if (/^(?:-|~|至|到)\d/.test(after)) {
    return problem("range", ISSUES.range(shown));
  }
  if (/^\./.test(after)) {
    return problem("not-a-number", ISSUES["not-a-number"].invalid(shown));
  }
  const read = decimalFromString(numText.replace(/,/g, ""));
  // ".e5" has a digit but no mantissa.
  if (!read) return problem("not-a-number", ISSUES["not-a-number"].invalid(shown));
  let exact: Decimal = read;

  let isRate = false;
  let unit: string | null = null;
  if (after === "%" || after === "个百分点" || after === "百分点") {
    isRate = true;
    unit = "%";
    exact = shiftDecimal(exact, -2);
    after = "";
  } else if (after === "‰") {
    isRate = true;
    unit = "%";
    exact = shiftDecimal(exact, -3);
    after = "";
  } else if (after !== "") {
    const mag = MAGNITUDES.find(([p]) => after.startsWith(p));
    if (mag) {
      exact = shiftDecimal(exact, mag[1]);
      after = after.slice(mag[0].length);
    }
    if (after !== "") {
      const name = UNIT_NAMES.find((u) => u === after);
      if (!name) {
        if (/(左右|多|余|上下)$/.test(after)) {
          return problem("approximate", ISSUES.approximate(shown));
        }
        return problem("bad-unit", ISSUES["bad-unit"](shown, after));
      }
      unit = UNITS[name] ?? null;
    }
  }
  // Decided on the exponent alone (constant time), before anything expands digits: 1e200000台 costs nothing.
  if (!decimalInRange(exact)) return outOfRange(shown);
  return { exact, unit, bound, isRate };
}

/** Text that an Excel error value becomes when a workbook is saved as text or typed by hand. */
function excelErrorText(t: string): string | undefined {
  const upper = t.toUpperCase();
  return EXCEL_ERRORS.has(upper) ? upper : undefined;
}

function quantity(exact: Decimal, unit: string | null, bound: Bound, isRate: boolean): Quantity {
  return { value: decimalToNumber(exact), exact, unit, bound, isRate };
}

/**
 * A number a cell holds, read as a quantity. Its exact decimal is the double's shortest form (decimalFromNumber),
 * made only when something asks for it: scoring a province reads thousands of numbers and needs only their
 * doubles or their whole-number parts ({@link quantityParts}), so no decimal object is made for them.
 */
export class NumberQuantity implements Quantity {
  constructor(
    readonly value: number,
    readonly unit: string | null,
    readonly bound: Bound,
    readonly isRate: boolean,
  ) {}
  get exact(): Decimal {
    return decimalFromNumber(this.value);
  }
}

/**
 * The quantity as coef × 10^exp with a whole coefficient below 10^15 (exact in doubles), or null when it needs
 * more digits: from the double itself for a number (no decimal object), else from its decimal.
 */
export function quantityParts(q: Quantity): { coef: number; exp: number } | null {
  return q instanceof NumberQuantity ? doubleParts(q.value) : wholeParts(q.exact);
}

/** −1, 0 or 1: the sign of the exact value (a double's sign is its shortest decimal's; −0 is 0). */
export function quantitySign(q: Quantity): -1 | 0 | 1 {
  if (q instanceof NumberQuantity) return q.value > 0 ? 1 : q.value < 0 ? -1 : 0;
  return decimalSign(q.exact);
}

/** A copy with some fields changed (a NumberQuantity keeps its exact value lazy; an object spread would drop it). */
export function withFields(q: Quantity, changes: { unit?: string | null; bound?: Bound; isRate?: boolean }): Quantity {
  const unit = changes.unit !== undefined ? changes.unit : q.unit;
  const bound = changes.bound ?? q.bound;
  const isRate = changes.isRate ?? q.isRate;
  if (q instanceof NumberQuantity) return new NumberQuantity(q.value, unit, bound, isRate);
  return { value: q.value, exact: q.exact, unit, bound, isRate };
}

/**
 * Reads one cell (rules.md §1). A number is taken as it is (a cell formatted as a percentage holds the
 * fraction: pass hints.percentFormat so it is known to be a rate); text is read as written.
 */
export function readCell(cell: CellValue, at?: CellRef, hints?: { percentFormat?: boolean }): Reading {
  if (cell === null || cell === undefined) return noValue(at);
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) {
      return { status: "error", issue: issue("not-a-number", "error", ISSUES["not-a-number"].notFinite(), at) };
    }
    const pct = hints?.percentFormat === true;
    return { status: "value", quantity: new NumberQuantity(cell, pct ? "%" : null, "atLeast", pct) };
  }
  if (typeof cell === "boolean") {
    const shown = cell ? "TRUE" : "FALSE";
    return { status: "error", issue: issue("not-a-number", "error", ISSUES["not-a-number"].logical(shown), at) };
  }
  if (typeof cell === "object") {
    const code = typeof cell.error === "string" ? cell.error : "#VALUE!";
    return { status: "error", issue: issue("excel-error", "error", ISSUES["excel-error"](code), at) };
  }
  if (typeof cell !== "string") {
    return { status: "error", issue: issue("not-a-number", "error", ISSUES["not-a-number"].unrecognised(), at) };
  }
  const outcome = textOutcome(cell);
  if ("none" in outcome) return noValue(at);
  if ("code" in outcome) return { status: "error", issue: issue(outcome.code, "error", outcome, at) };
  return { status: "value", quantity: outcome };
}

const NONE = Object.freeze({ none: true as const });
type TextOutcome = Quantity | TextProblem | typeof NONE;

/**
 * Officials' tables repeat the same few target texts ('10%以上', '1300台') hundreds of times, so the
 * outcome of reading a text is remembered; the place is added per cell. Outcomes are frozen, shared.
 */
const TEXT_CACHE = new Map<string, TextOutcome>();
const TEXT_CACHE_LIMIT = 50_000;

function textOutcome(raw: string): TextOutcome {
  const hit = TEXT_CACHE.get(raw);
  if (hit !== undefined) return hit;
  const out = Object.freeze(readText(raw)) as TextOutcome;
  if (TEXT_CACHE.size >= TEXT_CACHE_LIMIT) TEXT_CACHE.clear();
  TEXT_CACHE.set(raw, out);
  return out;
}

function readText(raw: string): TextOutcome {
  const t = normalizeText(raw);
  if (NO_VALUE.has(t)) return NONE;
  const err = excelErrorText(t);
  if (err) return problem("excel-error", ISSUES["excel-error"](err));
  const parsed = parseText(t, stripSpace(raw));
  if ("code" in parsed) return parsed;
  return quantity(parsed.exact, parsed.unit, parsed.bound, parsed.isRate);
}

function noValue(at?: CellRef): Reading {
  return {
    status: "none",
    issue: issue("no-value", "warning", ISSUES["no-value"](), at),
  };
}

/** A reading's quantity, or undefined where there is none (for callers that only need the value). */
export function quantityOf(r: Reading): Quantity | undefined {
  return r.status === "value" ? r.quantity : undefined;
}

/** Label text inside （…）/(…) or “…”/"…" is a note or a name, never the target. */
function withoutNotes(t: string): string {
  let out = t;
  let prev: string;
  do {
    prev = out;
    out = out.replace(/\([^()]*\)/g, "").replace(/“[^“”]*”/g, "").replace(/"[^"]*"/g, "").replace(/【[^【】]*】/g, "");
  } while (out !== prev);
  return out;
}

/** Units (and %) that can follow a number in a label, longest first. */
const LABEL_UNIT_RE = new RegExp(`^(?:%|‰|个百分点)|^(?:万亿|千万|百万|亿|万)?(?:${UNIT_NAMES.join("|")})`);

/**
 * The target written inside an indicator label (rules.md §2): the last number followed by a unit or %,
 * with 以上/以下 after it or 不低于/不超过 before it. `全省累计上云企业40万家（下达任务数为当年新增数）` → 400000 家.
 * Notes in brackets and names in quotes are skipped. null when the label holds no target.
 */
export function readLabelTarget(label: string): Quantity | null {
  // Labels repeat for every group that is scored: read each once.
  let hit = LABEL_CACHE.get(label);
  if (hit === undefined) {
    hit = readLabelTargetUncached(label);
    if (hit) Object.freeze(hit);
    if (LABEL_CACHE.size >= TEXT_CACHE_LIMIT) LABEL_CACHE.clear();
    LABEL_CACHE.set(label, hit);
  }
  return hit;
}

const LABEL_CACHE = new Map<string, Quantity | null>();

function readLabelTargetUncached(label: string): Quantity | null {
  const t = withoutNotes(normalizeText(label));
  const numberRe = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;
  let found: Quantity | null = null;
  for (let m = numberRe.exec(t); m; m = numberRe.exec(t)) {
    const end = m.index + m[0].length;
    const tail = t.slice(end);
    const unitMatch = LABEL_UNIT_RE.exec(tail);
    const atEnd = tail === "" || AT_LEAST_SUFFIX.includes(tail) || AT_MOST_SUFFIX.includes(tail);
    if (!unitMatch && !atEnd) continue;
    // A digit run glued to letters before it is part of a name (PM2.5, 5G), not a target.
    if (m.index > 0 && /[A-Za-z.]/.test(t[m.index - 1] ?? "")) continue;
    let text = m[0] + (unitMatch ? unitMatch[0] : "");
    const after = tail.slice(unitMatch ? unitMatch[0].length : 0);
    const suffix = startsWithAny(after, [...AT_LEAST_SUFFIX, ...AT_MOST_SUFFIX]);
    if (suffix) text += suffix;
    const before = t.slice(0, m.index);
    const prefix = [...AT_MOST_PREFIX, ...AT_LEAST_PREFIX].find((w) => before.endsWith(w));
    if (prefix) text = prefix + text;
    const parsed = parseText(text, text);
    if (!("code" in parsed)) found = quantity(parsed.exact, parsed.unit, parsed.bound, parsed.isRate);
  }
  return found;
}

const YES = new Set(["是", "有", "Y", "YES", "1", "TRUE", "✓", "✔", "√", "☑", "已", "已出台", "已建立", "已列入", "已获"]);
const NO = new Set(["否", "无", "N", "NO", "0", "FALSE", "✗", "✘", "×", "X", "☐", "未", "", "—", "-", "/"]);

/**
 * A yes/no cell (cli.md): 是/否, 有/无, Y/N, 1/0, TRUE/FALSE, ✓/✗; empty means no.
 * undefined when the cell is not a yes/no value (the caller names the cell in its message).
 */
export function readYesNo(cell: CellValue): boolean | undefined {
  if (cell === null || cell === undefined) return false;
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "number") return cell === 1 ? true : cell === 0 ? false : undefined;
  if (typeof cell !== "string") return undefined;
  const t = normalizeText(cell).toUpperCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return undefined;
}

/** A non-negative whole count (批示或典型发言): empty means 0; undefined when not such a count. */
export function readCount(cell: CellValue): number | undefined {
  if (cell === null || cell === undefined) return 0;
  if (typeof cell === "string" && NO_VALUE.has(normalizeText(cell))) return 0;
  const r = typeof cell === "string" ? readCell(cell.replace(/次$/, "")) : readCell(cell);
  if (r.status !== "value" || r.quantity.isRate) return undefined;
  const v = r.quantity.value;
  return Number.isInteger(v) && v >= 0 ? v : undefined;
}

