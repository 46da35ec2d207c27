/**
 * Loads a built functions.js the way Excel's JavaScript-only custom-functions runtime does, as far as Node can
 * model it: a fresh JavaScript context with no window, document, navigator, localStorage or Office
 * ("Runtimes in Office Add-ins", docs/testing/runtimes.md: a JavaScript engine without a rendering engine,
 * cookies or local storage), without globalThis and without the built-ins added after ECMAScript 2016 (that
 * runtime "directly supports the ECMAScript 2016 standard" on Windows before 2403 and Office through 2021), and
 * with a minimal CustomFunctions global whose associate() records what the bundle registers. Syntax after ES2016
 * is the build's Es2016Gate's job (V8 would parse it here).
 *
 * Used by the bare-runtime test and by `npm run bench` for the per-cell budgets, so both measure the bundle users get.
 */
import * as vm from "vm";

/** Built-ins newer than ES2016, removed before the bundle runs: "Owner.name" ("" owner = the global object). */
export const NEWER_THAN_ES2016: readonly string[] = [
  // ES2017
  "Object.entries",
  "Object.values",
  "Object.getOwnPropertyDescriptors",
  "String.prototype.padStart",
  "String.prototype.padEnd",
  "Atomics",
  "SharedArrayBuffer",
  // ES2018
  "Promise.prototype.finally",
  // ES2019
  "Object.fromEntries",
  "Array.prototype.flat",
  "Array.prototype.flatMap",
  "String.prototype.trimStart",
  "String.prototype.trimEnd",
  // ES2020
  "globalThis",
  "BigInt",
  "BigInt64Array",
  "BigUint64Array",
  "Promise.allSettled",
  "String.prototype.matchAll",
  // ES2021
  "String.prototype.replaceAll",
  "Promise.any",
  "AggregateError",
  "WeakRef",
  "FinalizationRegistry",
  // ES2022
  "Array.prototype.at",
  "String.prototype.at",
  "Object.hasOwn",
  // ES2023 and later
  "Array.prototype.findLast",
  "Array.prototype.findLastIndex",
  "Array.prototype.toSorted",
  "Array.prototype.toReversed",
  "Array.prototype.toSpliced",
  "Array.prototype.with",
  "Object.groupBy",
  "Map.groupBy",
  "String.prototype.isWellFormed",
  "String.prototype.toWellFormed",
  "Array.fromAsync",
];

/** The well-known symbols of ES2016; Symbol.asyncIterator (ES2018) and Symbol.matchAll (ES2020) are not among them. */
const ES2016_SYMBOLS = ["iterator", "hasInstance", "isConcatSpreadable", "match", "replace", "search", "species", "split", "toPrimitive", "toStringTag", "unscopables"];

/** Runs in the new context before the bundle: removes what ES2016 lacks and reports what it removed. */
const PRELUDE = `(function (root, paths, symbols) {
  var removed = [];
  for (var i = 0; i < paths.length; i++) {
    var parts = paths[i].split(".");
    var owner = root;
    for (var k = 0; k < parts.length - 1 && owner; k++) owner = owner[parts[k]];
    var name = parts[parts.length - 1];
    if (!owner || !(name in owner)) continue;
    delete owner[name];
    if (name in owner) throw new Error("cannot remove " + paths[i]);
    removed.push(paths[i]);
  }
  // Well-known symbols are not configurable: Symbol itself is replaced by one that has only ES2016's.
  var S = root.Symbol;
  var ES2016Symbol = function Symbol(description) { return S(description); };
  for (var j = 0; j < symbols.length; j++) ES2016Symbol[symbols[j]] = S[symbols[j]];
  ES2016Symbol["for"] = S["for"];
  ES2016Symbol.keyFor = S.keyFor;
  ES2016Symbol.prototype = S.prototype;
  root.Symbol = ES2016Symbol;
  removed.push("Symbol.asyncIterator", "Symbol.matchAll");
  return removed;
})`;

/** CustomFunctions.Error as the runtime defines it: a code from ErrorCode and an optional message. */
const CUSTOM_FUNCTIONS = `(function (root) {
  function CFError(code, message) { this.code = code; if (message !== undefined) this.message = message; }
  var registered = {};
  root.CustomFunctions = {
    Error: CFError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
    associate: function (id, fn) {
      if (typeof id === "object") { for (var k in id) registered[k] = id[k]; return; }
      registered[id] = fn;
    },
  };
  return registered;
})`;

export interface BareRuntime {
  /** Each id the bundle associated, with its function. */
  functions: Record<string, (...args: unknown[]) => unknown>;
  /** An error value as Excel hands one in, made by the context's own CustomFunctions.Error. */
  error: (code: string, message?: string) => { code: string; message?: string };
  /** What the prelude removed (every entry of NEWER_THAN_ES2016 the engine had, and the two symbols). */
  removed: string[];
  /** What the context's global object holds after the bundle ran (to show there is no window, Office, …). */
  globals: string[];
  /** Evaluates an expression inside the context (for checks such as typeof navigator). */
  evaluate: (expression: string) => unknown;
}

/** Loads the bundle's code into a new bare context and returns what it associated. */
export function loadBare(code: string, filename = "functions.js"): BareRuntime {
  // An ordinary global object, as an engine embedded in Excel has: Node's default "contextified" global routes
  // every global lookup (Array, Map, isFinite …) through interceptors and would make any timing meaningless.
  const plain: unknown = (vm.constants as unknown as { DONT_CONTEXTIFY?: unknown } | undefined)?.DONT_CONTEXTIFY;
  const context = vm.createContext((plain ?? {}) as vm.Context);
  const root = vm.runInContext("this", context) as Record<string, unknown>;
  const removed = (vm.runInContext(PRELUDE, context) as (r: unknown, p: readonly string[], s: readonly string[]) => string[])(root, NEWER_THAN_ES2016, ES2016_SYMBOLS);
  const functions = (vm.runInContext(CUSTOM_FUNCTIONS, context) as (r: unknown) => Record<string, (...args: unknown[]) => unknown>)(root);
  vm.runInContext(code, context, { filename });
  const CFError = (root.CustomFunctions as { Error: new (code: string, message?: string) => { code: string; message?: string } }).Error;
  return {
    functions,
    error: (c, message) => new CFError(c, message),
    removed,
    globals: Object.getOwnPropertyNames(root),
    evaluate: (expression) => vm.runInContext(expression, context),
  };
}
