/**
 * Figures in the unit the table wrote them in: a target printed as 300亿元 is shown as 300亿元, not as
 * 30,000,000,000元, and 5500家 as 5500家, not 0.55万家, wherever ZG shows it (pane, report sheet, warnings, function
 * messages). The engine keeps base units (rules §1); this module only says which unit the user wrote and writes a
 * base-unit value in it, exactly (a decimal shift, not a binary division).
 */
import type { Decimal } from "./types";
import { decimalFromNumber, decimalToString, shiftDecimal } from "./decimal";
import { normalizeText, UNITS } from "./parse";

/** The magnitude prefixes of rules §1 and their powers of ten, longest first so 万亿 is not read as 万. */
const PREFIXES: ReadonlyArray<readonly [string, number]> = [
  ["万亿", 12],
  ["千万", 7],
  ["百万", 6],
  ["亿", 8],
  ["万", 4],
];

/** Longest first, so 吨标准煤 is not read as 吨 and 平方米 not as 米. */
const UNIT_NAMES = Object.keys(UNITS).sort((a, b) => b.length - a.length);

/** A unit written right after a number: the digit keeps 机器人's 人 in a label from being read as a unit. */
const AFTER_NUMBER = new RegExp(`[0-9.](${PREFIXES.map(([p]) => p).join("|")})?(${UNIT_NAMES.join("|")})`, "g");

/**
 * The unit a cell or label wrote its figure in, as written, when it measures `base` ("104.2亿元" → "亿元",
 * "20\n\n万吨" → "万吨", "100万吨标准煤" → "万吨标准煤", "5500家" → "家"); null where no unit of `base` is written (a
 * bare number, 10%), so the caller may look elsewhere.
 */
export function writtenUnit(text: unknown, base: string | null): string | null {
  if (typeof text !== "string" || !base) return null;
  // exec in a loop, not matchAll: the custom-functions runtime of Office 2021 is ES2016.
  const t = normalizeText(text);
  AFTER_NUMBER.lastIndex = 0;
  for (let m = AFTER_NUMBER.exec(t); m; m = AFTER_NUMBER.exec(t)) {
    if (UNITS[m[2]] === base) return `${m[1] ?? ""}${m[2]}`;
  }
  return null;
}

/** The power of ten of a written unit over `base` (亿元 over 元: 8; 吨标准煤 over 吨: 0); null where it does not measure `base`. */
export function unitPower(display: string | null | undefined, base: string | null): number | null {
  if (!display || !base) return null;
  const prefix = PREFIXES.find(([p]) => display.startsWith(p) && UNITS[display.slice(p.length)] === base);
  if (prefix) return prefix[1];
  return UNITS[display] === base ? 0 : null;
}

/** A base-unit decimal written in `display` (亿元, 万吨标准煤, 家) when it measures `unit`, else in `unit`; rates as percentages. */
export function decimalInWrittenUnit(d: Decimal, unit: string | null, display?: string | null): string {
  if (unit === "%") return `${decimalToString(shiftDecimal(d, 2))}%`;
  const power = unitPower(display, unit);
  if (power !== null) return `${decimalToString(shiftDecimal(d, -power))}${display}`;
  return `${decimalToString(d)}${unit ?? ""}`;
}

/** A base-unit value written in `display` (亿元, 万吨) when given, else in the base unit; rates as percentages. */
export function inWrittenUnit(x: number | null | undefined, unit: string | null, display?: string | null): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  return decimalInWrittenUnit(decimalFromNumber(x), unit, display);
}

/** A base-unit value as a number in `display` (亿元 → value ÷ 10⁸, exactly); the value itself without a prefix. */
export function inWrittenNumber(x: number, unit: string | null, display?: string | null): number {
  const power = unitPower(display, unit);
  return power ? Number(decimalToString(shiftDecimal(decimalFromNumber(x), -power))) : x;
}
