/**
 * What the custom functions need from their host, and nothing else: the display language, Excel's error
 * values in and out. Every access to the host is guarded, so the same code runs in Excel's JavaScript-only
 * custom-functions runtime, in jest and in the HyperFormula harness.
 */
import { type Lang, inLang, langOf } from "../core/lang";
import type { CellValue, Msg } from "../core/types";


/** The error codes a custom function may return (#NAME? and #REF! are input-only in Excel). */
const OUTPUT_CODES: ReadonlySet<string> = new Set(["#VALUE!", "#N/A", "#DIV/0!", "#NUM!", "#NULL!"]);

/** An error as a value: the code Excel shows and the message in both languages (one is chosen at the end). */
export interface Fail {
  readonly fail: true;
  /** An Excel error code: #VALUE! or #N/A for our own, or the code of an error value passed in. */
  readonly code: string;
  readonly msg: Msg;
}

export function fail(code: string, msg: Msg): Fail {
  return { fail: true, code, msg };
}

export function isFail(x: unknown): x is Fail {
  return typeof x === "object" && x !== null && (x as { fail?: unknown }).fail === true;
}

/** #VALUE!: the input is wrong. */
export const bad = (zh: string, en: string): Fail => fail("#VALUE!", { zh, en });
/** #N/A: there is no value (nothing to compute from, not found). */
export const none = (zh: string, en: string): Fail => fail("#N/A", { zh, en });

// ─── display language ───────────────────────────────────────────────────────────────────────

let forced: Lang | null = null;

/** Fixes the language (tests, the HyperFormula harness); null goes back to asking the host. */
export function setLanguage(lang: Lang | null): void {
  forced = lang;
}

// The host's globals, each looked up by name behind a typeof guard: the ES2016 JavaScript-only runtime has no
// globalThis (ES2020), and may have no Office, navigator or CustomFunctions at all. These module-scoped
// declarations give the names the little we read of them, whatever lib a tsconfig brings in.
declare const Office: { context?: { displayLanguage?: unknown } } | undefined;
declare const navigator: { language?: unknown } | undefined;
declare const CustomFunctions: { Error?: new (code: never, message?: string) => ExcelError } | undefined;

/** Reads a host global without ever throwing: undefined where the name does not exist or its getter fails. */
function host<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/**
 * The language for hover text (error messages) of a function called without a `lang` argument: Office's
 * display language where the runtime has Office.js (the JavaScript-only runtime does not), else the runtime's
 * navigator.language, else Chinese (the users are Zhejiang officials). Text RESULTS never use this: they take
 * the function's `lang` argument, Chinese when omitted, so a sheet reads the same on every computer.
 */
export function language(): Lang {
  if (forced) return forced;
  let tag = host(() => (typeof Office !== "undefined" && Office && Office.context ? Office.context.displayLanguage : undefined));
  if (typeof tag !== "string" || !tag) tag = host(() => (typeof navigator !== "undefined" && navigator ? navigator.language : undefined));
  return langOf(typeof tag === "string" ? tag : null);
}

export function say(msg: Msg, lang: Lang = language()): string {
  return inLang(msg, lang);
}

// ─── Excel error values ─────────────────────────────────────────────────────────────────────

/** The shape of CustomFunctions.Error (and of our fallback when the runtime is absent). */
export interface ExcelError {
  code: string;
  message?: string;
}

/** Excel.ErrorCellValue's errorType → the code a cell shows (@types/office-js, Excel.ErrorCellValueType). */
const ERROR_TYPES: Readonly<Record<string, string>> = {
  Blocked: "#BLOCKED!",
  Busy: "#BUSY!",
  Calc: "#CALC!",
  Connect: "#CONNECT!",
  Div0: "#DIV/0!",
  External: "#EXTERNAL!",
  Field: "#FIELD!",
  GettingData: "#GETTING_DATA",
  NotAvailable: "#N/A",
  Name: "#NAME?",
  Null: "#NULL!",
  Num: "#NUM!",
  Placeholder: "#VALUE!",
  Python: "#PYTHON!",
  Ref: "#REF!",
  Spill: "#SPILL!",
  Value: "#VALUE!",
};

/**
 * An Excel error value handed to a function, or undefined for any other value. The documented shape is a
 * CustomFunctions.Error whose `code` is an ErrorCode value ("#N/A"; custom-functions-errors.md: #NAME? and #REF!
 * are "supported as a custom function input error"); Excel.ErrorCellValue ({ type: "Error", errorType,
 * basicValue }) is how data types carry one (custom-functions-data-types-concepts.md), and { error: "#N/A" } is
 * the engine's own form.
 */
export function errorCodeOf(x: unknown): string | undefined {
  if (typeof x !== "object" || x === null) return undefined;
  const o = x as { code?: unknown; error?: unknown; type?: unknown; errorType?: unknown; basicValue?: unknown };
  if (typeof o.code === "string" && o.code.charAt(0) === "#") return o.code;
  if (typeof o.error === "string" && o.error.charAt(0) === "#") return o.error;
  if (o.type === "Error") {
    if (typeof o.basicValue === "string" && o.basicValue.charAt(0) === "#") return o.basicValue;
    return (typeof o.errorType === "string" && ERROR_TYPES[o.errorType]) || "#VALUE!";
  }
  return undefined;
}

/**
 * One value as Excel hands it over, in the engine's CellValue form: errors become { error: code }, "" and
 * null stay blank; a data-type value with a plain basicValue (a formatted number) is that value; anything else
 * (an entity, a date object) is kept as text so readCell reports it.
 */
export function toCell(x: unknown): CellValue {
  if (x === null || x === undefined) return null;
  if (typeof x === "number" || typeof x === "string" || typeof x === "boolean") return x;
  const code = errorCodeOf(x);
  if (code) return { error: code };
  const basic = (x as { basicValue?: unknown }).basicValue;
  if (typeof basic === "number" || typeof basic === "string" || typeof basic === "boolean") return basic;
  return String(x);
}

/**
 * A Fail as the value Excel shows: CustomFunctions.Error with the message in the user's language. Codes Excel
 * does not accept as output (#REF!, #NAME?, …: they only come in) become #VALUE! naming the original.
 */
export function toExcelError(f: Fail, lang: Lang = language()): ExcelError {
  let code: string = f.code;
  let text = say(f.msg, lang);
  if (!OUTPUT_CODES.has(code)) {
    text = lang === "zh" ? `${code}：${text}` : `${code}: ${text}`;
    code = "#VALUE!";
  }
  const Ctor = host(() => (typeof CustomFunctions !== "undefined" && CustomFunctions ? CustomFunctions.Error : undefined));
  // #N/A and #VALUE! carry a message in Excel; the others must not.
  const withMessage = code === "#VALUE!" || code === "#N/A";
  if (Ctor) return withMessage ? new Ctor(code as never, text) : new Ctor(code as never);
  return withMessage ? { code, message: text } : { code };
}
