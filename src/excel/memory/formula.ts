/**
 * A small formula evaluator for the in-memory workbook: enough of Excel's syntax for the formulas WE
 * write (=ZG.…(refs, numbers, strings), SUM, IF, arithmetic, comparisons, &), so the preview and the
 * component tests show live values computed by the very custom-function implementations Excel calls.
 * It is not a general spreadsheet engine and never ships in the task pane bundle.
 */
import type { CellValue } from "../../core/types";
import { columnIndex } from "../../core/address";

export type Value = string | number | boolean | null | { error: string; message?: string };
export type Arg = Value | Value[][];

/** Functions available to formulas, by upper-case name ("ZG.COMPLETION", "SUM"). */
export type FunctionTable = Record<string, (...args: Arg[]) => unknown>;

/** How the evaluator reaches cells: value of a cell (evaluating its formula when it has one). */
export interface CellSource {
  value(sheet: string, row: number, col: number): Value;
  /** A block's values at once (the workbook caches them: many formulas share one range). */
  range?(sheet: string, top: number, left: number, bottom: number, right: number): Value[][];
}

type Node =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "bool"; v: boolean }
  | { t: "ref"; sheet?: string; row: number; col: number }
  | { t: "range"; sheet?: string; top: number; left: number; bottom: number; right: number }
  | { t: "call"; name: string; args: (Node | null)[] }
  | { t: "bin"; op: string; a: Node; b: Node }
  | { t: "neg"; a: Node };

const ERR = (e: string): Value => ({ error: e });
const isErr = (v: unknown): v is { error: string } => typeof v === "object" && v !== null && "error" in v;

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): Node {
    const n = this.cmp();
    this.ws();
    if (this.i < this.s.length) throw new Error(`unexpected '${this.s.slice(this.i)}'`);
    return n;
  }
  private ws() {
    while (this.s[this.i] === " ") this.i++;
  }
  private peek(str: string) {
    this.ws();
    return this.s.startsWith(str, this.i);
  }
  private eat(str: string) {
    if (!this.peek(str)) throw new Error(`expected ${str}`);
    this.i += str.length;
  }
  private cmp(): Node {
    let a = this.concat();
    for (;;) {
      const op = ["<>", "<=", ">=", "=", "<", ">"].find((o) => this.peek(o));
      if (!op) return a;
      this.i += op.length;
      a = { t: "bin", op, a, b: this.concat() };
    }
  }
  private concat(): Node {
    let a = this.add();
    while (this.peek("&")) {
      this.i++;
      a = { t: "bin", op: "&", a, b: this.add() };
    }
    return a;
  }
  private add(): Node {
    let a = this.mul();
    for (;;) {
      if (this.peek("+") || this.peek("-")) {
        const op = this.s[this.i++];
        a = { t: "bin", op, a, b: this.mul() };
      } else return a;
    }
  }
  private mul(): Node {
    let a = this.unary();
    for (;;) {
      if (this.peek("*") || this.peek("/")) {
        const op = this.s[this.i++];
        a = { t: "bin", op, a, b: this.unary() };
      } else return a;
    }
  }
  private unary(): Node {
    if (this.peek("-")) {
      this.i++;
      return { t: "neg", a: this.unary() };
    }
    if (this.peek("+")) {
      this.i++;
      return this.unary();
    }
    return this.atom();
  }
  private atom(): Node {
    this.ws();
    const rest = this.s.slice(this.i);
    if (rest.startsWith("(")) {
      this.i++;
      const n = this.cmp();
      this.eat(")");
      return n;
    }
    if (rest.startsWith('"')) {
      let j = this.i + 1;
      let out = "";
      for (;;) {
        if (j >= this.s.length) throw new Error("unterminated string");
        if (this.s[j] === '"') {
          if (this.s[j + 1] === '"') {
            out += '"';
            j += 2;
            continue;
          }
          break;
        }
        out += this.s[j++];
      }
      this.i = j + 1;
      return { t: "str", v: out };
    }
    const num = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(rest);
    if (num) {
      this.i += num[0].length;
      return { t: "num", v: Number(num[0]) };
    }
    // A sheet-qualified reference: 'My sheet'!A1 or Sheet1!A1:B2.
    let sheet: string | undefined;
    const quoted = /^'((?:[^']|'')+)'!/.exec(rest);
    const plain = /^([A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*)!/.exec(rest);
    if (quoted) {
      sheet = quoted[1].replace(/''/g, "'");
      this.i += quoted[0].length;
    } else if (plain) {
      sheet = plain[1];
      this.i += plain[0].length;
    }
    const cellRe = /^\$?([A-Za-z]{1,3})\$?(\d+)(?![\w.(])/;
    const c1 = cellRe.exec(this.s.slice(this.i));
    if (c1) {
      this.i += c1[0].length;
      const row = Number(c1[2]) - 1;
      const col = columnIndex(c1[1]);
      if (this.peek(":")) {
        this.i++;
        this.ws();
        const c2 = cellRe.exec(this.s.slice(this.i));
        if (!c2) throw new Error("bad range");
        this.i += c2[0].length;
        const r2 = Number(c2[2]) - 1;
        const k2 = columnIndex(c2[1]);
        return { t: "range", sheet, top: Math.min(row, r2), left: Math.min(col, k2), bottom: Math.max(row, r2), right: Math.max(col, k2) };
      }
      return { t: "ref", sheet, row, col };
    }
    if (sheet !== undefined) throw new Error("bad reference");
    const name = /^([A-Za-z_][\w.]*)/.exec(rest);
    if (name) {
      this.i += name[0].length;
      const upper = name[1].toUpperCase();
      if (this.peek("(")) {
        this.i++;
        const args: (Node | null)[] = [];
        if (this.peek(")")) {
          this.i++;
          return { t: "call", name: upper, args };
        }
        for (;;) {
          if (this.peek(",") || this.peek(")")) args.push(null);
          else args.push(this.cmp());
          if (this.peek(",")) {
            this.i++;
            continue;
          }
          this.eat(")");
          return { t: "call", name: upper, args };
        }
      }
      if (upper === "TRUE" || upper === "FALSE") return { t: "bool", v: upper === "TRUE" };
    }
    throw new Error(`cannot read '${rest}'`);
  }
}

const cache = new Map<string, Node | Error>();

/** Parses a formula (with or without its leading "="); throws on syntax it does not know. */
export function parseFormula(formula: string): Node {
  const key = formula.startsWith("=") ? formula.slice(1) : formula;
  let n = cache.get(key);
  if (!n) {
    try {
      n = new Parser(key).parse();
    } catch (e) {
      n = e as Error;
    }
    cache.set(key, n);
  }
  if (n instanceof Error) throw n;
  return n;
}

function toNumber(v: Value): number | { error: string } {
  if (isErr(v)) return v;
  if (v === null || v === "") return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return v;
  const n = Number(v);
  return Number.isFinite(n) ? n : { error: "#VALUE!" };
}

/**
 * A COUNTIFS criterion ("县", 5, ">"&x, "<>") compiled once into a test of one cell, given the cell and its text
 * case-folded (Excel matches text without regard to case).
 */
function criterion(crit: Value): (v: Value, folded: string) => boolean {
  if (typeof crit === "string") {
    const m = /^(<>|>=|<=|=|>|<)(.*)$/.exec(crit);
    if (m) {
      const [, op, rhs] = m;
      const n = Number(rhs);
      const numeric = rhs !== "" && Number.isFinite(n);
      const b = rhs.toLowerCase();
      return (v, folded) => {
        if (isErr(v)) return false;
        if (numeric && typeof v === "number") return { "<>": v !== n, ">=": v >= n, "<=": v <= n, "=": v === n, ">": v > n, "<": v < n }[op] ?? false;
        return op === "<>" ? folded !== b : op === "=" ? folded === b : false;
      };
    }
    const lower = crit.toLowerCase();
    return (v, folded) => typeof v === "string" && folded === lower;
  }
  return (v) => v === crit;
}

const foldedCache = new WeakMap<Value[], string[]>();

/** A range's cells as case-folded text, once per range: the results sheet matches 445 names against 8 000 rows. */
function foldedOf(cells: Value[]): string[] {
  let f = foldedCache.get(cells);
  if (!f) {
    f = cells.map((v) => (isErr(v) ? "" : String(v ?? "").toLowerCase()));
    foldedCache.set(cells, f);
  }
  return f;
}

/** Indices (row-major) meeting every (range, criterion) pair. */
function matches(args: Arg[]): number[] | { error: string } {
  let hits: number[] | null = null;
  for (let k = 0; k + 1 < args.length; k += 2) {
    const cells = flat(args[k]);
    const crit = Array.isArray(args[k + 1]) ? (args[k + 1] as Value[][])[0][0] : (args[k + 1] as Value);
    if (isErr(crit)) return crit;
    const test = criterion(crit);
    const folded = foldedOf(cells);
    const now: number[] = [];
    if (hits === null) {
      for (let i = 0; i < cells.length; i++) if (test(cells[i], folded[i])) now.push(i);
    } else for (const i of hits) if (test(cells[i], folded[i])) now.push(i);
    hits = now;
  }
  return hits ?? [];
}

function countIfs(args: Arg[]): number | { error: string } {
  const hits = matches(args);
  return isErr(hits) ? hits : hits.length;
}

const flatCache = new WeakMap<Value[][], Value[]>();

/** A range's values in row-major order; the workbook hands out one array per range, so this is cached. */
function flat(a: Arg): Value[] {
  if (!Array.isArray(a)) return [a];
  let f = flatCache.get(a);
  if (!f) {
    f = a.flat();
    flatCache.set(a, f);
  }
  return f;
}

const BUILTINS: FunctionTable = {
  SUM: (...args) => {
    let s = 0;
    for (const v of args.flatMap(flat)) {
      if (isErr(v)) return v;
      if (typeof v === "number") s += v;
    }
    return s;
  },
  IF: (c, a = true, b = false) => {
    const cond = Array.isArray(c) ? c[0][0] : c;
    if (isErr(cond)) return cond;
    return toNumber(cond as Value) !== 0 ? a : b;
  },
  // Element-wise over a spilled array, as Excel's dynamic arrays do.
  IFERROR: (a, b) => (Array.isArray(a) ? a.map((row) => row.map((v) => (isErr(v) ? scalar(b ?? "") : v))) : isErr(a) ? b : a),
  ISNUMBER: (a) => typeof (Array.isArray(a) ? a[0]?.[0] : a) === "number",
  ISBLANK: (a) => {
    const v = Array.isArray(a) ? a[0]?.[0] : a;
    return v === null || v === undefined;
  },
  COUNTIF: (range, crit) => countIfs([range, crit]),
  COUNTIFS: (...args) => countIfs(args),
  SUMIFS: (sum, ...args) => {
    const hits = matches(args);
    if (isErr(hits)) return hits;
    const values = flat(sum);
    let total = 0;
    for (const i of hits) {
      const v = values[i];
      if (isErr(v)) return v;
      if (typeof v === "number") total += v;
    }
    return total;
  },
  ABS: (a) => {
    const x = toNumber(scalar(a));
    return isErr(x) ? x : Math.abs(x);
  },
  MAX: (...args) => {
    let m = -Infinity;
    for (const v of args.flatMap(flat)) {
      if (isErr(v)) return v;
      if (typeof v === "number" && v > m) m = v;
    }
    return m === -Infinity ? 0 : m;
  },
  ROUND: (a, d) => {
    const x = toNumber(a as Value);
    const n = toNumber((d ?? 0) as Value);
    if (isErr(x)) return x;
    if (isErr(n)) return n;
    const f = 10 ** n;
    return Math.round(x * f) / f;
  },
};

/**
 * Evaluates a formula against the cells of a workbook; errors come back as {error: "#…"} values. A formula
 * whose result is an array (a dynamic-array spill) gives the array.
 */
export function evaluate(formula: string, home: string, source: CellSource, functions: FunctionTable): Arg {
  let node: Node;
  try {
    node = parseFormula(formula);
  } catch {
    return ERR("#NAME?");
  }
  const table: FunctionTable = { ...BUILTINS, ...functions };

  const ev = (n: Node): Arg => {
    switch (n.t) {
      case "num":
      case "str":
      case "bool":
        return n.v;
      case "ref":
        return source.value(n.sheet ?? home, n.row, n.col);
      case "range": {
        if (source.range) return source.range(n.sheet ?? home, n.top, n.left, n.bottom, n.right);
        const out: Value[][] = [];
        for (let r = n.top; r <= n.bottom; r++) {
          const row: Value[] = [];
          for (let c = n.left; c <= n.right; c++) row.push(source.value(n.sheet ?? home, r, c));
          out.push(row);
        }
        return out;
      }
      case "neg": {
        const x = toNumber(scalar(ev(n.a)));
        return isErr(x) ? x : -x;
      }
      case "bin": {
        const a = ev(n.a);
        const b = ev(n.b);
        // An array operand makes the operation element-wise (a spilled result), scalars broadcast.
        if (Array.isArray(a) || Array.isArray(b)) {
          const rows = Math.max(Array.isArray(a) ? a.length : 1, Array.isArray(b) ? b.length : 1);
          const cols = Math.max(Array.isArray(a) ? (a[0]?.length ?? 1) : 1, Array.isArray(b) ? (b[0]?.length ?? 1) : 1);
          const at = (x: Arg, r: number, c: number): Value => (Array.isArray(x) ? (x[x.length === 1 ? 0 : r]?.[x[0]?.length === 1 ? 0 : c] ?? null) : x);
          return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => binary(n.op, at(a, r, c), at(b, r, c))));
        }
        return binary(n.op, a, b);
      }
      case "call": {
        const fn = table[n.name];
        if (!fn) return ERR("#NAME?");
        // Excel hands omitted optional arguments to custom functions as null (toolchain.md).
        const args = n.args.map((a) => (a === null ? null : ev(a)));
        try {
          return normalise(fn(...args));
        } catch (e) {
          return ERR(errorCode(e));
        }
      }
    }
  };

  return ev(node);
}

function binary(op: string, a: Value, b: Value): Value {
  if (isErr(a)) return a;
  if (isErr(b)) return b;
  if (op === "&") return `${a ?? ""}${b ?? ""}`;
  if (["+", "-", "*", "/"].includes(op)) {
    const x = toNumber(a);
    const y = toNumber(b);
    if (isErr(x)) return x;
    if (isErr(y)) return y;
    if (op === "+") return x + y;
    if (op === "-") return x - y;
    if (op === "*") return x * y;
    return y === 0 ? ERR("#DIV/0!") : x / y;
  }
  const cmp = typeof a === "number" && typeof b === "number" ? a - b : String(a ?? "").localeCompare(String(b ?? ""));
  return { "=": cmp === 0, "<>": cmp !== 0, "<": cmp < 0, ">": cmp > 0, "<=": cmp <= 0, ">=": cmp >= 0 }[op] ?? ERR("#VALUE!");
}

export function scalar(a: Arg): Value {
  return Array.isArray(a) ? (a[0]?.[0] ?? null) : a;
}

function errorCode(e: unknown): string {
  const code = (e as { code?: string })?.code;
  if (typeof code === "string") {
    const map: Record<string, string> = { "#VALUE!": "#VALUE!", InvalidValue: "#VALUE!", NotAvailable: "#N/A", DivisionByZero: "#DIV/0!", InvalidNumber: "#NUM!", InvalidName: "#NAME?", NullReference: "#NULL!" };
    return map[code] ?? (code.startsWith("#") ? code : "#VALUE!");
  }
  return "#VALUE!";
}

function normalise(x: unknown): Arg {
  if (x === undefined) return null;
  if (x instanceof Error) return ERR(errorCode(x));
  if (Array.isArray(x)) return x.map((row: unknown[]) => row.map((v) => normalise(v) as Value));
  if (typeof x === "object" && x !== null && !isErr(x)) {
    // A custom function's error value: CustomFunctions.Error or its { code, message } stand-in.
    const o = x as { code?: unknown; message?: unknown };
    if (typeof o.code === "string" && o.code.startsWith("#")) return typeof o.message === "string" ? { error: o.code, message: o.message } : ERR(o.code);
    return ERR("#VALUE!");
  }
  return x as Value;
}

/** A stored cell value as the evaluator sees it (formula cells are evaluated separately). */
export function plainValue(c: CellValue): Value {
  if (c === undefined) return null;
  return c as Value;
}

/** What Excel stores in a cell for an input written through range.values / range.formulas. */
export type Entered = { formula: string } | { value: string | number | boolean | null };

/**
 * Models how Excel takes a written input, for the in-memory workbook and the tests' fake Excel:
 *  - a cell in the Text format ("@") keeps the input as text ("Text format cells are treated as text even
 *    when a number is in the cell. The cell is displayed exactly as entered.", Excel API reference,
 *    Excel.NumberFormatCategory);
 *  - otherwise a string that starts with "=", "+" or "-" is a formula ("If the returned value starts with a
 *    plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula.", Excel API
 *    reference, Excel.Range.values), and so is one starting with "@" (implicit intersection); a number
 *    written as text ("-5", "10%") becomes that number;
 *  - a formula Excel cannot read is refused: the write fails (throws), as "-临平区" does.
 */
export function enterInput(input: unknown, format: string | null | undefined): Entered {
  if (input === null || input === undefined || input === "") return { value: null };
  if (typeof input === "number" || typeof input === "boolean") return { value: input };
  const s = String(input);
  if (format === "@") return { value: s };
  const num = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?(%?)$/.exec(s.trim());
  if (num) return { value: Number(s.trim().replace(/%$/, "")) / (num[4] ? 100 : 1) };
  if (s.startsWith("=") || s.startsWith("+") || s.startsWith("-") || s.startsWith("@")) {
    const f = s.startsWith("=") ? s : `=${s}`;
    parseFormula(f);
    return { formula: f };
  }
  return { value: s };
}
