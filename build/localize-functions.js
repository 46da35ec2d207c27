/**
 * Builds the zh-CN custom-functions metadata (functions.zh-CN.json) from the English metadata that
 * custom-functions-metadata generates and one translation table (src/functions/zh-CN.json), because the metadata
 * tooling has no localisation of its own (toolchain.md).
 *
 * Table format: { "<FUNCTION ID>": { "description": "…", "result"?: "…", "parameters": { "<param name>": "…" } } }
 * The metadata's `result` object has no description field, so a "result" text is appended to the function's
 * description ("…；返回：…") where Excel's formula tooltip shows it.
 */
"use strict";

/**
 * @param {{ functions: Array<{ id: string, name: string, description?: string,
 *   parameters?: Array<{ name: string, description?: string }> }> }} metadata
 * @param {Record<string, { description?: string, result?: string, parameters?: Record<string, string> }>} table
 * @returns {{ metadata: object, missing: string[] }} a new metadata object (the input is not changed) and every
 *   function or parameter that has no Chinese description, as "ID" or "ID.param".
 */
function localizeMetadata(metadata, table) {
  const missing = [];
  const source = metadata && Array.isArray(metadata.functions) ? metadata.functions : [];
  const lookup = table && typeof table === "object" ? table : {};
  const functions = source.map((fn) => {
    const entry = Object.prototype.hasOwnProperty.call(lookup, fn.id) ? lookup[fn.id] : undefined;
    const out = { ...fn };
    const zh = entry && typeof entry.description === "string" ? entry.description.trim() : "";
    if (zh) {
      const result = typeof entry.result === "string" ? entry.result.trim() : "";
      out.description = result ? `${zh}；返回：${result}` : zh;
    } else {
      missing.push(fn.id);
    }
    if (Array.isArray(fn.parameters)) {
      const params = entry && entry.parameters && typeof entry.parameters === "object" ? entry.parameters : {};
      out.parameters = fn.parameters.map((p) => {
        const text = Object.prototype.hasOwnProperty.call(params, p.name) ? params[p.name] : undefined;
        if (typeof text === "string" && text.trim()) return { ...p, description: text.trim() };
        missing.push(`${fn.id}.${p.name}`);
        return { ...p };
      });
    }
    return out;
  });
  return { metadata: { ...metadata, functions }, missing };
}

/**
 * The metadata Excel reads, finished with what custom-functions-metadata cannot express from JSDoc tags
 * (custom-functions-errors.md: "The allowErrorForDataTypeAny property can only be used with manually created
 * JSON metadata"). Applied to functions.json, and so to functions.zh-CN.json made from it.
 *
 * - allowErrorForDataTypeAny: true. Without it Excel never calls a function whose arguments hold an error value
 *   ("To process inputs that contain errors, a custom function must have the JSON metadata property
 *   allowErrorForDataTypeAny set to true"; it applies to every parameter of type any / any[][], which all of
 *   ours are), so a #N/A anywhere in a RANKSCORE range would make the cell #N/A instead of "no value".
 * - allowCustomDataForDataTypeAny: false. The generator always writes true, which lets Excel pass data types
 *   (entities, formatted number objects) to `any` parameters (custom-functions-json.md, custom-functions-data-
 *   types-concepts.md). ZG reads plain numbers, text, booleans and errors only, and that is what its tests model;
 *   false is the documented default.
 *
 * @param {object} metadata functions.json as generated
 * @returns {object} a new object, the flags first (as in Microsoft's example), everything else unchanged
 */
function finishMetadata(metadata) {
  const rest = { ...metadata };
  delete rest.allowErrorForDataTypeAny;
  delete rest.allowCustomDataForDataTypeAny;
  return { allowCustomDataForDataTypeAny: false, allowErrorForDataTypeAny: true, ...rest };
}

/** Table entries that match no function or parameter: usually a renamed function whose translation went stale. */
function unusedEntries(metadata, table) {
  const known = new Map((metadata.functions || []).map((f) => [f.id, new Set((f.parameters || []).map((p) => p.name))]));
  const unused = [];
  for (const [id, entry] of Object.entries(table || {})) {
    if (!known.has(id)) {
      unused.push(id);
      continue;
    }
    for (const name of Object.keys((entry && entry.parameters) || {})) {
      if (!known.get(id).has(name)) unused.push(`${id}.${name}`);
    }
  }
  return unused;
}

module.exports = { finishMetadata, localizeMetadata, unusedEntries };
