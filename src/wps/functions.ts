/**
 * The ZG functions as WPS 表格 calls them: the same declarations as Excel's (src/functions/registry.ts), each
 * wrapped so that it takes what WPS may hand over and returns what WPS can show, synchronously.
 *
 * WPS documents (its page on 加载项自定义函数) that custom functions exist from 12.1.0.20540, are registered with
 * wps.AddCustomFunction(namespace, name, fn) and are called synchronously only. It does not document how a range
 * argument arrives, how an empty or error cell inside it looks, how an omitted argument looks, or whether an
 * array result spills (docs/wps.md). So, defensively:
 *  - a range argument may be a 2-D array, a 1-D array (one row), a single value or a range-like object with
 *    Value2; empty is undefined, null or ""; an error cell an error object or a VBA CVErr number (values.ts);
 *  - an omitted argument is undefined or null, either taken as omitted (as Excel's null);
 *  - a 1 × 1 result is returned as that value, a larger one as the 2-D array; an error is returned as its
 *    code followed by the reason ("#VALUE! 参数 …"), text the cell shows, since no error value WPS accepts from
 *    JavaScript is documented.
 */
import type { Defined, ParamSpec } from "../functions/args";
import { FUNCTIONS } from "../functions/registry";
import { errorCodeOf } from "../functions/runtime";
import { cellOf, isRangeLike, rowsOf } from "./values";

/** The namespace of every ZG function: cells call =ZG.NAME(…), as in Excel. */
export const NAMESPACE = "ZG";

/** One argument value as Excel's runtime would pass it: null for empty, errors as { error }. */
function cellArg(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  const c = cellOf(v);
  return c === "" ? null : c;
}

/** What WPS passed → what the declared function expects (Excel's forms: a matrix for a range, null when omitted). */
function argument(p: ParamSpec, raw: unknown): unknown {
  if (raw === undefined || raw === null) return null;
  const many = p.kind === "cells";
  if (!many) {
    // A single value: a one-cell range (or 1 × 1 array) is its value; a larger one goes on as an array, which the
    // argument layer reports as it does in Excel.
    const rows = rowsOf(raw);
    if (rows.length === 1 && rows[0].length === 1) return cellArg(rows[0][0]);
    return rows.map((r) => r.map(cellArg));
  }
  return rowsOf(isRangeLike(raw) ? raw.Value2 : raw).map((r) => r.map(cellArg));
}

/** An Excel error value from the argument layer → the text WPS shows in the cell. */
function shown(v: unknown): unknown {
  const code = errorCodeOf(v);
  if (!code) return v;
  const message = (v as { message?: unknown }).message;
  return typeof message === "string" && message ? `${code} ${message}` : code;
}

/** A declared function as WPS calls it: positional arguments in, a value or 2-D array out, never a Promise. */
export function wpsFunction(def: Defined<readonly ParamSpec[]>): (...raw: unknown[]) => unknown {
  const params = def.spec.params;
  return (...raw: unknown[]) => {
    const out = def.invoke(params.map((p, i) => argument(p, raw[i])));
    const rows = Array.isArray(out) ? (out as unknown[][]) : [[out]];
    if (rows.length === 1 && Array.isArray(rows[0]) && rows[0].length === 1) return shown(rows[0][0]);
    return rows.map((r) => (Array.isArray(r) ? r.map(shown) : [shown(r)]));
  };
}

/** Every ZG function by its name in Excel's metadata (the declaration's id). */
export function wpsFunctions(): { name: string; fn: (...raw: unknown[]) => unknown }[] {
  return FUNCTIONS.map((def) => ({ name: def.spec.id, fn: wpsFunction(def) }));
}
