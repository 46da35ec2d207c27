/**
 * The ZG custom functions as the in-memory workbook calls them: the very `call` wrappers Excel gets
 * (src/functions), keyed "ZG.<ID>". Used by the preview and the tests, never by the task pane bundle.
 */
import * as alloc from "../../functions/alloc";
import * as choose from "../../functions/choose";
import * as measure from "../../functions/measure";
import * as rank from "../../functions/rank";
import type { FunctionTable } from "./formula";

interface DefinedLike {
  spec: { id: string };
  call: (...raw: unknown[]) => unknown;
}

function isDefined(x: unknown): x is DefinedLike {
  const d = x as DefinedLike;
  return typeof d === "object" && d !== null && typeof d.call === "function" && typeof d.spec?.id === "string";
}

export function zgFunctions(): FunctionTable {
  const table: FunctionTable = {};
  for (const mod of [alloc, choose, measure, rank] as Record<string, unknown>[]) {
    for (const v of Object.values(mod)) if (isDefined(v)) table[`ZG.${v.spec.id.toUpperCase()}`] = (...args) => v.call(...args);
  }
  return table;
}
