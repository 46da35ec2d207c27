/**
 * Figures in the unit the table wrote them in: a target printed as 300亿元 is shown as 300亿元, not as
 * 30,000,000,000元, wherever ZG shows it (pane, report sheet, warnings, function messages). The engine keeps base
 * units (rules §1); this module only says which magnitude the user wrote and writes a base-unit value in it, exactly
 * (a decimal shift, not a binary division).
 */
import { decimalFromNumber, decimalToString, shiftDecimal } from "./decimal";
import { normalizeText } from "./parse";

/** The magnitude prefixes of rules §1 and their powers of ten. */
const PREFIX_POWER: Record<string, number> = { 万亿: 12, 亿: 8, 万: 4 };

/**
 * The written unit of a cell or label ("104.2亿元" → "亿元", "20\n\n万吨" → "万吨", "0.95万吨标准煤" → "万吨"), when a
 * magnitude prefix stands before the base unit; null otherwise (1300台, 10%).
 */
export function writtenUnit(text: unknown, base: string | null): string | null {
  if (typeof text !== "string" || !base) return null;
  const t = normalizeText(text);
  const m = /(万亿|亿|万)(元|吨|家|个|台|亩|项|人|户|千瓦时|平方米)/.exec(t);
  if (!m || m[2] !== base) return null;
  return `${m[1]}${m[2]}`;
}

/** A base-unit value written in `display` (亿元, 万吨) when given, else in the base unit; rates as percentages. */
export function inWrittenUnit(x: number | null | undefined, unit: string | null, display?: string | null): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  if (unit === "%") return `${decimalToString(shiftDecimal(decimalFromNumber(x), 2))}%`;
  const prefix = display ? /^(万亿|亿|万)/.exec(display)?.[1] : undefined;
  if (prefix && display && unit && display.endsWith(unit)) return `${decimalToString(shiftDecimal(decimalFromNumber(x), -PREFIX_POWER[prefix]))}${display}`;
  return `${decimalToString(decimalFromNumber(x))}${unit ?? ""}`;
}

/** A base-unit value as a number in `display` (亿元 → value ÷ 10⁸, exactly); the value itself without a prefix. */
export function inWrittenNumber(x: number, unit: string | null, display?: string | null): number {
  const prefix = display && unit && display.endsWith(unit) ? /^(万亿|亿|万)/.exec(display)?.[1] : undefined;
  return prefix ? Number(decimalToString(shiftDecimal(decimalFromNumber(x), -PREFIX_POWER[prefix]))) : x;
}
