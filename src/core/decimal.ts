import Big from "big.js";
import type { Decimal, Ratio } from "./types";

/**
 * Exact decimal arithmetic on big.js. Targets are written in decimal (104.2亿元, 0.95万吨), and the rules ask
 * that scaling and sums be exact: binary floats would turn 2.3亿 into 229999999.99999997 and report a false
 * shortfall on a table that adds up. big.js is ES5 (no BigInt), so the custom-functions bundle still parses in
 * the ECMAScript 2016 runtime of Office 2021 (docs/rules.md §1, "为什么用 big.js / why big.js").
 *
 * Only + − × and comparison are used exactly; a quotient is kept as an exact ratio (num/den) and compared by
 * cross-multiplying, never by a rounded division.
 */

/** Our own constructor, so no other user of big.js can change its settings under us (and we change none of theirs). */
const D = Big();
D.strict = false;

export const ZERO: Decimal = Object.freeze(new D(0)) as Decimal;
export const ONE: Decimal = Object.freeze(new D(1)) as Decimal;

/**
 * The decimal exponents a value may have (the power of ten of its leading digit): the range of numbers an
 * Excel cell holds (about 2.2E-308 to 1.8E+308). Anything outside is not a usable number, and refusing it
 * before any arithmetic keeps `1e200000台` from costing time or memory anywhere later.
 */
export const MAX_EXPONENT = 308;
export const MIN_EXPONENT = -308;

const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Reads a plain ASCII decimal ("104.2", "-0.5", "+3", "1.2e4"); null for anything else. Linear in the text's length. */
export function decimalFromString(s: string): Decimal | null {
  if (!PLAIN.test(s)) return null;
  return new D(s.charAt(0) === "+" ? s.slice(1) : s);
}

/**
 * The decimal a number stands for as Excel shows it: its shortest round-trip form, so the double 0.3 is
 * read as 3×10⁻¹ and not as 0.299999999999999988897769753748…. Precondition: x is finite.
 */
export function decimalFromNumber(x: number): Decimal {
  if (!isFinite(x)) throw new RangeError(`decimalFromNumber: ${x} is not finite`);
  // big.js reads a number through String(x): the shortest round-trip digits. −0 is 0.
  return new D(x === 0 ? 0 : x);
}

/** −1, 0 or 1. */
export function decimalSign(d: Decimal): -1 | 0 | 1 {
  return d.c[0] === 0 ? 0 : d.s < 0 ? -1 : 1;
}

/** Whether a decimal lies in the range of numbers a cell holds (zero included): a constant-time test of its exponent, then its double. */
export function decimalInRange(d: Decimal): boolean {
  if (decimalSign(d) === 0) return true;
  if (d.e > MAX_EXPONENT || d.e < MIN_EXPONENT) return false;
  return isFinite(decimalToNumber(d));
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * The decimal as a whole-number coefficient and a power of ten (d = coef × 10^exp), when the coefficient has at
 * most 15 digits and so is exact in a double; null otherwise. Lets callers do the common case in doubles.
 */
export function wholeParts(d: Decimal): { coef: number; exp: number } | null {
  const c = d.c;
  const n = c.length;
  if (n > 15) return null;
  let coef = 0;
  for (let i = 0; i < n; i++) coef = coef * 10 + c[i];
  return { coef: d.s < 0 ? -coef : coef, exp: d.e - (n - 1) };
}

/**
 * A finite double's shortest decimal (the one Excel shows, decimalFromNumber's) as coef × 10^exp with
 * |coef| < 10^15, computed in doubles without a decimal object; null when it needs more digits. The smallest k for
 * which a whole y with y / 10^k === x exists gives the fewest digits, and decimals of at most 15 significant digits
 * are distinct as doubles, so this is that decimal (a property test compares it with big.js for random doubles).
 */
export function doubleParts(x: number): { coef: number; exp: number } | null {
  if (x === 0) return { coef: 0, exp: 0 };
  if (x % 1 === 0) return Math.abs(x) < 1e15 ? { coef: x, exp: 0 } : null;
  for (let k = 1; k <= 15; k++) {
    const p = POW10[k];
    const y = Math.round(x * p);
    if (Math.abs(y) >= 1e15) return null;
    if (y / p === x) return { coef: y, exp: -k };
  }
  return null;
}

/** The nearest double. One correctly rounded operation where both operands are exact doubles, else the parser's rounding. */
export function decimalToNumber(d: Decimal): number {
  const w = wholeParts(d);
  if (w) {
    if (w.exp === 0) return w.coef;
    if (w.exp > 0 && w.exp <= 22) return w.coef * POW10[w.exp];
    if (w.exp < 0 && w.exp >= -22) return w.coef / POW10[-w.exp];
  }
  const digits = d.c.join("");
  return Number(`${d.s < 0 ? "-" : ""}${digits.charAt(0)}.${digits.slice(1)}e${d.e}`);
}

/** Multiplies by 10^n exactly: how 万 (n = 4), 亿 (n = 8) and % (n = −2) are applied. Arithmetic on the exponent, no digits. */
export function shiftDecimal(d: Decimal, n: number): Decimal {
  if (decimalSign(d) === 0) return ZERO;
  const out = new D(d);
  out.e += n;
  return out;
}

export function addDecimal(a: Decimal, b: Decimal): Decimal {
  return a.plus(b);
}

export function subDecimal(a: Decimal, b: Decimal): Decimal {
  return a.minus(b);
}

export function mulDecimal(a: Decimal, b: Decimal): Decimal {
  return a.times(b);
}

export function sumDecimals(ds: Iterable<Decimal>): Decimal {
  let acc = ZERO;
  for (const d of ds) acc = acc.plus(d);
  return acc;
}

export function compareDecimal(a: Decimal, b: Decimal): -1 | 0 | 1 {
  return a.cmp(b);
}

/** Plain decimal text without exponent ("300", "0.0125"), for messages and reports. */
export function decimalToString(d: Decimal): string {
  if (decimalSign(d) === 0) return "0";
  const digits = d.c.join("");
  const e = d.e;
  let out: string;
  if (e < 0) out = `0.${"0".repeat(-e - 1)}${digits}`;
  else if (e + 1 >= digits.length) out = digits + "0".repeat(e + 1 - digits.length);
  else out = `${digits.slice(0, e + 1)}.${digits.slice(e + 1)}`;
  return d.s < 0 ? `-${out}` : out;
}

/**
 * num/den as a double (den ≠ 0). Whole numbers that fit in 53 bits: one correctly rounded division (the usual
 * case). Otherwise the quotient to 21 significant digits, then the parser's rounding.
 */
function quotientValue(num: Decimal, den: Decimal): number {
  const n = wholeParts(num);
  const d = wholeParts(den);
  if (n && d) {
    let x = n.coef;
    let y = d.coef;
    const shift = n.exp - d.exp;
    if (shift > 0 && shift <= 15) x *= POW10[shift];
    else if (shift < 0 && shift >= -15) y *= POW10[-shift];
    if (shift >= -15 && shift <= 15 && Math.abs(x) <= Number.MAX_SAFE_INTEGER && Math.abs(y) <= Number.MAX_SAFE_INTEGER) return x / y;
  }
  D.DP = Math.max(0, 21 - (num.e - den.e));
  return decimalToNumber(new D(num).div(den));
}

/** The exact ratio num/den (den ≠ 0), with a denominator ≥ 0. */
export function ratio(num: Decimal, den: Decimal): Ratio {
  if (decimalSign(den) === 0) throw new RangeError("ratio: zero denominator");
  const flip = den.s < 0;
  const n = flip ? num.neg() : num;
  const d = flip ? den.neg() : den;
  return { value: quotientValue(n, d), num: n, den: d };
}

/** A number as an exact ratio, read the way Excel shows it (see decimalFromNumber). */
export function ratioFromNumber(x: number): Ratio {
  return ratio(decimalFromNumber(x), ONE);
}

/**
 * A ratio of two safe whole numbers (den > 0): the common measure (1200台 / 1000台). Its decimal form is made
 * only when it is compared exactly with another kind of ratio; two of these compare exactly in doubles.
 */
export class SmallRatio implements Ratio {
  readonly value: number;
  constructor(
    readonly n: number,
    readonly d: number,
  ) {
    this.value = n / d;
  }
  get num(): Decimal {
    return decimalFromNumber(this.n);
  }
  get den(): Decimal {
    return decimalFromNumber(this.d);
  }
}

/** The whole quotient and remainder of safe whole numbers n ≥ 0, d > 0: `%` on doubles is exact. */
function divide(n: number, d: number): [number, number] {
  const r = n % d;
  return [(n - r) / d, r];
}

/**
 * Exact sign of n1/d1 − n2/d2 for safe whole numbers with d1, d2 > 0, by comparing continued fractions: whole
 * parts first, then the reciprocals of the remainders (which reverses the order). No product is formed, so
 * nothing can round.
 */
export function compareFractions(n1: number, d1: number, n2: number, d2: number): -1 | 0 | 1 {
  if (n1 < 0 || n2 < 0) {
    if (n1 >= 0) return 1;
    if (n2 >= 0) return -1;
    return compareFractions(-n2, d2, -n1, d1);
  }
  let flip = false;
  for (;;) {
    const [q1, r1] = divide(n1, d1);
    const [q2, r2] = divide(n2, d2);
    let c: -1 | 0 | 1 = q1 < q2 ? -1 : q1 > q2 ? 1 : 0;
    if (c === 0) {
      if (r1 !== 0 && r2 !== 0) {
        // r1/d1 against r2/d2 is d1/r1 against d2/r2, the order reversed.
        [n1, d1, n2, d2] = [d1, r1, d2, r2];
        flip = !flip;
        continue;
      }
      c = r1 === r2 ? 0 : r1 === 0 ? -1 : 1;
    }
    return flip && c !== 0 ? (-c as -1 | 1) : c;
  }
}

/** Exact comparison of two ratios (denominators ≥ 0; x/0 with x > 0 is +∞). */
export function compareRatio(a: Ratio, b: Ratio): -1 | 0 | 1 {
  // Fast path: doubles that differ by more than rounding can decide alone.
  const diff = a.value - b.value;
  const scale = Math.max(Math.abs(a.value), Math.abs(b.value));
  if (Math.abs(diff) > scale * 1e-12) return diff < 0 ? -1 : 1;
  if (a instanceof SmallRatio && b instanceof SmallRatio) return compareFractions(a.n, a.d, b.n, b.d);
  return a.num.times(b.den).cmp(b.num.times(a.den));
}
