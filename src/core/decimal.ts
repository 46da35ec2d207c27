import type { Decimal, Ratio } from "./types";

/**
 * Exact decimal arithmetic on bigint coefficients. Targets are written in decimal (104.2亿元, 0.95万吨), and
 * the rules ask that scaling and sums be exact: binary floats would turn 2.3亿 into 229999999.99999997 and
 * report a false shortfall on a table that adds up.
 */

const POW10_CACHE: bigint[] = [];
function pow10(n: number): bigint {
  if (n < 64) {
    let p = POW10_CACHE[n];
    if (p === undefined) {
      p = 10n ** BigInt(n);
      POW10_CACHE[n] = p;
    }
    return p;
  }
  return 10n ** BigInt(n);
}

export const ZERO: Decimal = Object.freeze({ coef: 0n, exp: 0 });
export const ONE: Decimal = Object.freeze({ coef: 1n, exp: 0 });

/** Strips trailing zeros so equal values have one representation. */
export function normalizeDecimal(d: Decimal): Decimal {
  if (d.coef === 0n) return ZERO;
  let { coef, exp } = d;
  while (coef % 10n === 0n) {
    coef /= 10n;
    exp += 1;
  }
  return { coef, exp };
}

const DECIMAL_RE = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Reads a plain ASCII decimal ("104.2", "-0.5", "1.2e4"); null for anything else. */
export function decimalFromString(s: string): Decimal | null {
  const m = DECIMAL_RE.exec(s);
  if (!m) return null;
  const int = m[2] ?? "";
  const frac = m[3] ?? "";
  if (int === "" && frac === "") return null;
  let coef = BigInt(int + frac || "0");
  if (m[1] === "-") coef = -coef;
  const exp = (m[4] ? parseInt(m[4], 10) : 0) - frac.length;
  return normalizeDecimal({ coef, exp });
}

/**
 * The decimal a number stands for as Excel shows it: its shortest round-trip form, so the double 0.3 is
 * read as 3×10⁻¹ and not as 0.299999999999999988897769753748…. Precondition: x is finite.
 */
export function decimalFromNumber(x: number): Decimal {
  if (!Number.isFinite(x)) throw new RangeError(`decimalFromNumber: ${x} is not finite`);
  if (Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER) return normalizeDecimal({ coef: BigInt(x), exp: 0 });
  return decimalFromString(String(x)) as Decimal;
}

/** The nearest double (JavaScript's parser rounds correctly). */
export function decimalToNumber(d: Decimal): number {
  if (d.exp === 0) return Number(d.coef);
  return Number(`${d.coef}e${d.exp}`);
}

/** Multiplies by 10^n exactly: how 万 (n = 4), 亿 (n = 8) and % (n = −2) are applied. */
export function shiftDecimal(d: Decimal, n: number): Decimal {
  return d.coef === 0n ? ZERO : { coef: d.coef, exp: d.exp + n };
}

function aligned(a: Decimal, b: Decimal): [bigint, bigint, number] {
  if (a.exp === b.exp) return [a.coef, b.coef, a.exp];
  if (a.exp < b.exp) return [a.coef, b.coef * pow10(b.exp - a.exp), a.exp];
  return [a.coef * pow10(a.exp - b.exp), b.coef, b.exp];
}

export function addDecimal(a: Decimal, b: Decimal): Decimal {
  const [x, y, exp] = aligned(a, b);
  return normalizeDecimal({ coef: x + y, exp });
}

export function subDecimal(a: Decimal, b: Decimal): Decimal {
  const [x, y, exp] = aligned(a, b);
  return normalizeDecimal({ coef: x - y, exp });
}

export function sumDecimals(ds: Iterable<Decimal>): Decimal {
  let acc = ZERO;
  for (const d of ds) acc = addDecimal(acc, d);
  return acc;
}

export function compareDecimal(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const [x, y] = aligned(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function decimalSign(d: Decimal): -1 | 0 | 1 {
  return d.coef < 0n ? -1 : d.coef > 0n ? 1 : 0;
}

/** Plain decimal text without exponent ("300", "0.0125"), for messages and reports. */
export function decimalToString(d: Decimal): string {
  const neg = d.coef < 0n;
  const digits = (neg ? -d.coef : d.coef).toString();
  let out: string;
  if (d.exp >= 0) out = digits + "0".repeat(d.exp);
  else {
    const point = digits.length + d.exp;
    out = point > 0 ? `${digits.slice(0, point)}.${digits.slice(point)}` : `0.${"0".repeat(-point)}${digits}`;
  }
  return neg ? `-${out}` : out;
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

/** num/den as a double, correctly rounded whenever both fit in 53 bits (the usual case). */
function quotientValue(num: bigint, den: bigint): number {
  if (abs(num) <= SAFE && den <= SAFE) return Number(num) / Number(den);
  // Large operands: scale to 20 significant digits, then let the parser round.
  const scale = Math.max(0, 20 - (abs(num).toString().length - den.toString().length));
  const q = (num * pow10(scale)) / den;
  return Number(`${q}e-${scale}`);
}

/** The exact ratio num/den (den ≠ 0). */
export function ratio(num: Decimal, den: Decimal): Ratio {
  if (den.coef === 0n) throw new RangeError("ratio: zero denominator");
  let n = num.coef;
  let d = den.coef;
  const e = num.exp - den.exp;
  if (e >= 0) n *= pow10(e);
  else d *= pow10(-e);
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  return { value: quotientValue(n, d), num: n, den: d };
}

/** A number as an exact ratio, read the way Excel shows it (see decimalFromNumber). */
export function ratioFromNumber(x: number): Ratio {
  return ratio(decimalFromNumber(x), ONE);
}

/** Exact comparison of two ratios. */
export function compareRatio(a: Ratio, b: Ratio): -1 | 0 | 1 {
  // Fast path: doubles that differ by more than rounding can decide alone.
  const diff = a.value - b.value;
  const scale = Math.max(Math.abs(a.value), Math.abs(b.value));
  if (Math.abs(diff) > scale * 1e-12) return diff < 0 ? -1 : 1;
  const x = a.num * b.den;
  const y = b.num * a.den;
  return x < y ? -1 : x > y ? 1 : 0;
}
