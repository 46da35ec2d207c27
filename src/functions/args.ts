/**
 * The argument layer, organised like HyperFormula's function plugins: each function declares its parameters
 * (name, kind, default, limits) once, and ONE wrapper turns what Excel hands over into what the pure body
 * expects — null → default (Excel passes omitted arguments as null, so TypeScript defaults never apply),
 * a range → a flat row-major list, text numbers read as written (readCell), Excel errors propagated — and
 * turns the body's result back into Excel values, errors included (inside a spilled result each error stays
 * in its own cell). Bodies never throw; a thrown error is still caught and shown as #VALUE! with a message.
 */
import { a1, referenceStart, type ReferenceStart } from "../core/address";
import { placeOf } from "../core/messages";
import { readCell } from "../core/parse";
import type { CellValue, Msg, Quantity, RankOrder } from "../core/types";
import { type Lang, parseLang } from "../core/lang";
import { bad, errorCodeOf, fail, isFail, language, say, toCell, toExcelError, type ExcelError, type Fail } from "./runtime";

// ─── values ─────────────────────────────────────────────────────────────────────────────────

/** Where a range starts in the workbook (0-based), when Excel tells (requiresParameterAddresses). */
export type Origin = ReferenceStart;

/** A range, row-major: cells[r * cols + c]. A single value is a 1 × 1 matrix. */
export interface Matrix {
  rows: number;
  cols: number;
  cells: CellValue[];
  origin?: Origin;
}

/**
 * What a body returns per cell: a value, a text in both languages (shown in the call's `lang`, Chinese by default), or an error
 * as a value. "" shows as an empty-looking cell.
 */
export type Value = number | string | boolean | Msg | Fail;
export type Out = Value | Value[][];

// ─── parameter declarations ─────────────────────────────────────────────────────────────────

interface Base {
  /** As in the function's signature in functions.ts (the metadata's parameter name). */
  name: string;
}
/** A range or a single value, read cell by cell by the body. */
export interface CellsParam extends Base {
  kind: "cells";
  optional?: boolean;
}
/** One value as written (a target text, a label). Blank arrives as null. */
export interface CellParam extends Base {
  kind: "cell";
  optional?: boolean;
}
/** A numeric option: read as written, limits checked. Without a default, omitted gives null. */
export interface NumberParam extends Base {
  kind: "number";
  default?: number;
  /** Smallest allowed value (inclusive). */
  min?: number;
  /** Smallest allowed value (exclusive). */
  above?: number;
  max?: number;
  integer?: boolean;
}
/** RANK.EQ's order: 0 or omitted = descending (higher is better), nonzero = ascending. */
export interface OrderParam extends Base {
  kind: "order";
}
/** One of a few words (with Chinese aliases), case-insensitive. */
export interface ChoiceParam extends Base {
  kind: "choice";
  /** alias (lower case) → canonical value */
  choices: Readonly<Record<string, string>>;
  default: string;
}
/**
 * The language of the function's text result and of its messages: zh / en (also 中文, 英文, zh-CN, en-US, any
 * case). Omitted (null): the text result is Chinese and messages follow the host ({@link language}). The
 * JavaScript-only runtime has no Office.context, and navigator.language is whichever machine recalculates, so
 * a text result must be told its language or it would change from one computer to the next.
 */
export interface LangParam extends Base {
  kind: "lang";
}

export type ParamSpec = CellsParam | CellParam | NumberParam | OrderParam | ChoiceParam | LangParam;

type Coerced<P> = P extends CellsParam
  ? P extends { optional: true }
    ? Matrix | null
    : Matrix
  : P extends CellParam
    ? CellValue
    : P extends NumberParam
      ? P extends { default: number }
        ? number
        : number | null
      : P extends OrderParam
        ? RankOrder
        : P extends ChoiceParam
          ? string
          : P extends LangParam
            ? Lang | null
            : never;

export type ArgsOf<T extends readonly ParamSpec[]> = { -readonly [I in keyof T]: Coerced<T[I]> };

/**
 * Result shape, for documentation and for hosts that must size a spill in advance (the HyperFormula harness):
 * 'cell' = one value, handed to Excel as a 1 × 1 matrix; { like } = the common shape of the named range
 * arguments (one result per cell, and an error that concerns the whole call fills every cell, as Excel's own
 * functions do); or a list of `cols` columns with at most as many rows as the longest argument has cells.
 * Every result is a matrix because every function asks for its parameters' addresses, and Excel allows
 * requiresParameterAddresses only with a matrix result (custom-functions-json.md, options table).
 */
export type ResultShape = "cell" | { like: readonly string[] } | { cols: number };

export interface FunctionSpec<T extends readonly ParamSpec[]> {
  id: string;
  params: T;
  result: ResultShape;
}

/** What the custom-functions runtime passes last: CustomFunctions.Invocation (only what we read of it). */
export interface InvocationLike {
  parameterAddresses?: ReadonlyArray<string | null | undefined>;
}

export interface Defined<T extends readonly ParamSpec[]> {
  spec: FunctionSpec<T>;
  /** The pure body on coerced arguments (tests call it directly too). */
  body: (args: ArgsOf<T>) => Out;
  /**
   * What functions.ts calls: raw arguments in, Excel values out. The invocation's parameter addresses, where
   * Excel gives them, let messages name the sheet and cell ("工作表“县表”C7 单元格") instead of a position.
   */
  invoke: (raw: readonly unknown[], invocation?: InvocationLike | null) => unknown;
  /** invoke without addresses: raw arguments as Excel passes them. */
  call: (...raw: unknown[]) => unknown;
}

// ─── coercion ───────────────────────────────────────────────────────────────────────────────

/** Where a range starts (Excel's parameter address), or undefined for a constant or no address. */
export function parseAddress(address: string | null | undefined): Origin | undefined {
  return referenceStart(address);
}

/** "参数 top" or, where Excel said where it is, "参数 top（工作表“Sheet1”C1 单元格）". */
function arg(name: string, origin?: Origin, offset?: { r: number; c: number }): Msg {
  if (!origin) return { zh: `参数 ${name}`, en: `argument ${name}` };
  const place = placeOf({ ...(origin.sheet ? { sheet: origin.sheet } : {}), cell: a1(origin.row + (offset?.r ?? 0), origin.col + (offset?.c ?? 0)) });
  return { zh: `参数 ${name}（${place.zh}）`, en: `argument ${name} (${place.en})` };
}

/** Where a value is: "参数 ref 第 3 个值" / "argument ref, value 3", "第 2 行第 3 列" for a 2-D range; with its cell where known. */
export function placeIn(name: string, m: Matrix, i: number): Msg {
  if (m.origin) return arg(name, m.origin, { r: Math.floor(i / m.cols), c: i % m.cols });
  const a = arg(name);
  if (m.cells.length <= 1) return a;
  if (m.rows === 1 || m.cols === 1) return { zh: `${a.zh} 第 ${i + 1} 个值`, en: `${a.en}, value ${i + 1}` };
  const r = Math.floor(i / m.cols) + 1;
  const c = (i % m.cols) + 1;
  return { zh: `${a.zh} 第 ${r} 行第 ${c} 列`, en: `${a.en}, row ${r} column ${c}` };
}

/** "<place>：<problem>" in both languages. */
export function at(place: Msg, problem: Msg): Msg {
  return { zh: `${place.zh}：${problem.zh}`, en: `${place.en}: ${problem.en}` };
}

/** An Excel error value passed in, as a Fail with the same code and a message saying where it came from. */
export function propagated(code: string, place: Msg): Fail {
  return fail(code, at(place, { zh: `是错误值 ${code}`, en: `is the error value ${code}` }));
}

/** A raw argument as a matrix: Excel passes a 2-D array for a matrix parameter, and a bare value otherwise. */
export function toMatrix(raw: unknown, origin?: Origin): Matrix {
  const m = toMatrixOnly(raw);
  return origin ? { ...m, origin } : m;
}

function toMatrixOnly(raw: unknown): Matrix {
  if (Array.isArray(raw)) {
    const rows = raw.length;
    const first: unknown = raw[0];
    const cols = Array.isArray(first) ? first.length : 1;
    const cells: CellValue[] = [];
    for (const row of raw as unknown[]) {
      if (Array.isArray(row)) {
        for (let c = 0; c < cols; c++) cells.push(toCell(row[c]));
      } else {
        cells.push(toCell(row));
      }
    }
    return { rows, cols, cells };
  }
  return { rows: 1, cols: 1, cells: [toCell(raw)] };
}

/** Whether a raw 2-D argument holds, cell for cell, what a matrix read earlier holds (errors compared by code). */
function sameAsRead(raw: readonly unknown[], m: Matrix): boolean {
  if (raw.length !== m.rows) return false;
  const cols = m.cols;
  const cells = m.cells;
  for (let r = 0; r < m.rows; r++) {
    const row = raw[r];
    if (!Array.isArray(row) || row.length !== cols) return false;
    for (let c = 0; c < cols; c++) {
      const x: unknown = row[c];
      const y = cells[r * cols + c];
      if (x === y || (x === undefined && y === null)) continue;
      if (typeof y === "object" && y !== null && errorCodeOf(x) === y.error) continue;
      return false;
    }
  }
  return true;
}

/**
 * Ranges read recently, by function, parameter and place. Filled down, a formula hands the same reference to
 * every call as a new array: when its cells are what they were, the matrix read before is used again — no copy
 * of the range, and whatever was prepared from it (prepared.ts) is found by identity. Bounded, least recently
 * used out first; only ranges with a known address and at least 16 cells are kept (small ones cost nothing to read).
 */
const READ = new Map<string, Matrix>();
const READ_MAX_ENTRIES = 128;
const READ_MAX_CELLS = 1000000;
let readCells = 0;

function readRange(key: string, raw: unknown[], origin: Origin): Matrix {
  const before = READ.get(key);
  if (before) {
    READ.delete(key);
    if (sameAsRead(raw, before)) {
      READ.set(key, before);
      return before;
    }
    readCells -= before.cells.length;
  }
  const m = toMatrix(raw, origin);
  if (m.cells.length <= READ_MAX_CELLS) {
    READ.set(key, m);
    readCells += m.cells.length;
    while (READ.size > READ_MAX_ENTRIES || readCells > READ_MAX_CELLS) {
      const oldest = READ.keys().next().value as string;
      readCells -= READ.get(oldest)!.cells.length;
      READ.delete(oldest);
    }
  }
  return m;
}

/** Forgets the ranges read (tests compare answers from fresh reads with reused ones). */
export function forgetReadRanges(): void {
  READ.clear();
  readCells = 0;
}

const isBlank = (c: CellValue): boolean => c === null || c === undefined || (typeof c === "string" && c.trim() === "");

/** One value where a single value is expected; a range of more than one cell is an error. */
function single(name: string, raw: unknown, origin?: Origin): CellValue | Fail {
  if (!Array.isArray(raw)) return toCell(raw);
  const m = toMatrix(raw);
  if (m.cells.length === 1) return m.cells[0];
  const a = arg(name, origin);
  return bad(`${a.zh} 应为单个值，而不是 ${m.rows} 行 ${m.cols} 列的区域`, `${a.en} must be one value, not a ${m.rows} × ${m.cols} range`);
}

function describe(x: number): string {
  return String(x);
}

function coerceNumber(p: NumberParam, cell: CellValue, origin?: Origin): number | null | Fail {
  const a = arg(p.name, origin);
  const code = errorCodeOf(cell);
  if (code) return propagated(code, a);
  if (isBlank(cell)) return p.default ?? null;
  let q: Quantity;
  if (typeof cell === "boolean") {
    // Excel itself reads TRUE as 1 in arithmetic; a boolean here is almost certainly a misplaced argument.
    return bad(`${a.zh} 应为数值，收到逻辑值 ${cell ? "TRUE" : "FALSE"}`, `${a.en} must be a number, got the logical value ${cell ? "TRUE" : "FALSE"}`);
  }
  const r = readCell(cell);
  if (r.status === "value") q = r.quantity;
  else if (r.status === "none") return p.default ?? null;
  else return bad(`${a.zh} 应为数值：${r.issue.zh}`, `${a.en} must be a number: ${r.issue.en}`);
  const v = q.value;
  const limits: string[] = [];
  const ok =
    (p.min === undefined || v >= p.min) &&
    (p.above === undefined || v > p.above) &&
    (p.max === undefined || v <= p.max) &&
    (!p.integer || Number.isInteger(v));
  if (ok) return v;
  if (p.integer) limits.push("integer");
  if (p.min !== undefined) limits.push(`≥ ${describe(p.min)}`);
  if (p.above !== undefined) limits.push(`> ${describe(p.above)}`);
  if (p.max !== undefined) limits.push(`≤ ${describe(p.max)}`);
  const zhLimits = limits.map((l) => (l === "integer" ? "整数" : l)).join("、");
  return bad(`${a.zh} 应为 ${zhLimits} 的数，收到 ${describe(v)}`, `${a.en} must be ${limits.join(", ")}; got ${describe(v)}`);
}

function coerceOrder(p: OrderParam, cell: CellValue, origin?: Origin): RankOrder | Fail {
  const a = arg(p.name, origin);
  const code = errorCodeOf(cell);
  if (code) return propagated(code, a);
  if (isBlank(cell)) return "desc";
  if (typeof cell === "boolean") return cell ? "asc" : "desc";
  if (typeof cell === "string") {
    const t = cell.trim().toLowerCase();
    if (["desc", "descending", "降序", "越高越好"].includes(t)) return "desc";
    if (["asc", "ascending", "升序", "越低越好"].includes(t)) return "asc";
  }
  const r = readCell(cell);
  if (r.status === "value") return r.quantity.value === 0 ? "desc" : "asc";
  return bad(
    `${a.zh} 应为 0（降序，越高越好）或非 0（升序，越低越好），收到 ${String(cell)}`,
    `${a.en} must be 0 (descending: higher is better) or nonzero (ascending: lower is better); got ${String(cell)}`,
  );
}

function coerceLang(p: LangParam, cell: CellValue, origin?: Origin): Lang | null | Fail {
  const a = arg(p.name, origin);
  const code = errorCodeOf(cell);
  if (code) return propagated(code, a);
  if (isBlank(cell)) return null;
  const l = parseLang(cell);
  if (l) return l;
  return bad(
    `${a.zh} 只能是 "zh"（中文）或 "en"（英文），也可写 中文、英文、zh-CN、en-US；收到“${String(cell)}”`,
    `${a.en} must be "zh" (Chinese) or "en" (English); 中文, 英文, zh-CN and en-US work too; got "${String(cell)}"`,
  );
}

function coerceChoice(p: ChoiceParam, cell: CellValue, origin?: Origin): string | Fail {
  const a = arg(p.name, origin);
  const code = errorCodeOf(cell);
  if (code) return propagated(code, a);
  if (isBlank(cell)) return p.default;
  const key = String(cell).trim().toLowerCase();
  const hit = p.choices[key];
  if (hit !== undefined) return hit;
  // Object.values is ES2017: the bundle must run on an ES2016 engine (tsconfig.functions.json checks).
  const canon = Array.from(new Set(Object.keys(p.choices).map((k) => p.choices[k]))).join(" / ");
  return bad(`${a.zh} 只能是 ${canon}，收到“${String(cell)}”`, `${a.en} must be one of ${canon}; got "${String(cell)}"`);
}

/**
 * Coerces one raw argument by its declaration; a Fail means the call cannot go on. `memo` names the function
 * and parameter, so a range at a known place can be recognised when it comes again unchanged.
 */
export function coerce(p: ParamSpec, raw: unknown, origin?: Origin, memo?: string): unknown {
  if (p.kind === "cells") {
    if ((raw === null || raw === undefined) && p.optional) return null;
    if (memo && origin && Array.isArray(raw) && raw.length * (Array.isArray(raw[0]) ? raw[0].length : 1) >= 16) {
      return readRange(`${memo}|${origin.sheet ?? ""}!${origin.row},${origin.col}`, raw, origin);
    }
    return toMatrix(raw, origin);
  }
  const cell = single(p.name, raw, origin);
  if (isFail(cell)) return cell;
  switch (p.kind) {
    case "cell": {
      // An error value passed as a single value propagates here, where its address is known.
      const code = errorCodeOf(cell);
      return code ? propagated(code, arg(p.name, origin)) : cell;
    }
    case "number":
      return coerceNumber(p, cell, origin);
    case "order":
      return coerceOrder(p, cell, origin);
    case "choice":
      return coerceChoice(p, cell, origin);
    case "lang":
      return coerceLang(p, cell, origin);
  }
}

// ─── results ────────────────────────────────────────────────────────────────────────────────

/** The languages of one call: of its text results (Chinese unless `lang` says) and of its messages. */
export interface Langs {
  text: Lang;
  messages: Lang;
}

function outValue(v: Value, lang: Langs): number | string | boolean | ExcelError {
  if (isFail(v)) return toExcelError(v, lang.messages);
  if (typeof v === "object") return say(v, lang.text);
  if (typeof v === "number" && !Number.isFinite(v)) {
    return toExcelError(bad("结果不是有限数值", "the result is not a finite number"), lang.messages);
  }
  return v;
}

/**
 * The body's result as Excel values: always a 2-D array. A single value becomes 1 × 1, except a whole-call
 * error of an element-wise function, which fills the shape (`fill`) so every cell shows it.
 */
export function finish(out: Out, shape: ResultShape, lang: Langs, fill?: { rows: number; cols: number }): unknown[][] {
  if (Array.isArray(out)) {
    if (shape === "cell") return [[outValue(out[0]?.[0] ?? "", lang)]];
    const rows = out.map((row) => row.map((v) => outValue(v, lang)));
    return rows.length > 0 ? rows : [[outValue(fail("#N/A", { zh: "没有结果", en: "no result" }), lang)]];
  }
  const v = outValue(out, lang);
  if (isFail(out) && fill) return Array.from({ length: fill.rows }, () => Array.from({ length: fill.cols }, () => v));
  return [[v]];
}

/** The shape an element-wise result takes from its raw arguments (largest rows and columns among them). */
export function likeShape(params: readonly ParamSpec[], shape: ResultShape, raw: readonly unknown[]): { rows: number; cols: number } | undefined {
  if (shape === "cell" || !("like" in shape)) return undefined;
  let rows = 1;
  let cols = 1;
  params.forEach((p, i) => {
    if (!shape.like.includes(p.name) || !Array.isArray(raw[i])) return;
    const m = toMatrix(raw[i]);
    rows = Math.max(rows, m.rows);
    cols = Math.max(cols, m.cols);
  });
  return { rows, cols };
}

/**
 * Declares a function: its parameters and the pure body. The returned `call` is what functions.ts hands to
 * Excel: it coerces every argument (stopping at the first Fail, as Excel's own functions report the first bad
 * argument), runs the body and converts the result.
 */
export function define<const T extends readonly ParamSpec[]>(spec: FunctionSpec<T>, body: (args: ArgsOf<T>) => Out): Defined<T> {
  const langAt = spec.params.findIndex((p) => p.kind === "lang");
  const invoke = (raw: readonly unknown[], invocation?: InvocationLike | null): unknown => {
    const lang: Langs = { text: "zh", messages: language() };
    const fill = (): { rows: number; cols: number } | undefined => likeShape(spec.params, spec.result, raw);
    try {
      const addresses = invocation?.parameterAddresses;
      // `lang` first: it decides the language of every other argument's messages too.
      let given: Lang | null = null;
      if (langAt >= 0) {
        const l = coerce(spec.params[langAt], raw[langAt], parseAddress(addresses?.[langAt]));
        if (isFail(l)) return finish(l, spec.result, lang, fill());
        given = l as Lang | null;
        if (given) lang.text = lang.messages = given;
      }
      const args: unknown[] = [];
      for (let i = 0; i < spec.params.length; i++) {
        if (i === langAt) {
          args.push(given);
          continue;
        }
        const v = coerce(spec.params[i], raw[i], parseAddress(addresses?.[i]), `${spec.id}.${i}`);
        if (isFail(v)) return finish(v, spec.result, lang, fill());
        args.push(v);
      }
      const out = body(args as ArgsOf<T>);
      return finish(out, spec.result, lang, isFail(out) ? fill() : undefined);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return finish(bad(`ZG.${spec.id} 内部错误：${why}`, `ZG.${spec.id} internal error: ${why}`), spec.result, lang, fill());
    }
  };
  return { spec, body, invoke, call: (...raw: unknown[]) => invoke(raw) };
}

// ─── helpers for bodies ─────────────────────────────────────────────────────────────────────

/**
 * The common shape of element-wise arguments: each is 1 × 1 (used for every cell) or the same shape as the
 * others. null arguments (omitted optional ones) are skipped.
 */
export function commonShape(named: ReadonlyArray<readonly [string, Matrix | null]>): { rows: number; cols: number } | Fail {
  let shape: { rows: number; cols: number; name: string } | null = null;
  for (const [name, m] of named) {
    if (!m || m.cells.length === 1) continue;
    if (!shape) shape = { rows: m.rows, cols: m.cols, name };
    else if (shape.rows !== m.rows || shape.cols !== m.cols) {
      return bad(
        `参数 ${name}（${m.rows} 行 ${m.cols} 列）与参数 ${shape.name}（${shape.rows} 行 ${shape.cols} 列）大小不同；应大小相同，或其中一个是单个值`,
        `argument ${name} (${m.rows} × ${m.cols}) and argument ${shape.name} (${shape.rows} × ${shape.cols}) differ in size; they must match, or one must be a single value`,
      );
    }
  }
  return shape ? { rows: shape.rows, cols: shape.cols } : { rows: 1, cols: 1 };
}

/** The i-th cell of an element-wise argument (a 1 × 1 argument serves every cell). */
export function cellAt(m: Matrix, i: number): CellValue {
  return m.cells.length === 1 ? m.cells[0] : m.cells[i];
}

/** Builds a rows × cols result from a per-cell function. */
export function grid(rows: number, cols: number, f: (i: number) => Value): Value[][] {
  const out: Value[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: Value[] = [];
    for (let c = 0; c < cols; c++) row.push(f(r * cols + c));
    out.push(row);
  }
  return out;
}

/**
 * Reads one cell of an argument as written (rules.md §1). Excel errors propagate with their own code;
 * unreadable text is #VALUE!; no value is reported as 'none' with a #N/A ready for callers that need one.
 */
export function readAt(
  name: string,
  m: Matrix,
  i: number,
): { status: "value"; q: Quantity } | { status: "none"; fail: Fail } | { status: "error"; fail: Fail } {
  const cell = cellAt(m, i);
  // The place is only spelled out for a message: ranking reads every cell of ref, most of them fine.
  const place = (): Msg => placeIn(name, m, m.cells.length === 1 ? 0 : i);
  const code = errorCodeOf(cell);
  if (code) return { status: "error", fail: propagated(code, place()) };
  const r = readCell(cell);
  if (r.status === "value") return { status: "value", q: r.quantity };
  const problem: Msg = { zh: r.issue.zh, en: r.issue.en };
  return { status: r.status, fail: fail(r.status === "none" ? "#N/A" : "#VALUE!", at(place(), problem)) };
}
