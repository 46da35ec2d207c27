/**
 * The metadata Excel reads (functions.json and functions.zh-CN.json), made exactly as the build makes it —
 * custom-functions-metadata from src/functions/functions.ts, then the build's finishMetadata and
 * localizeMetadata — checked against every rule Microsoft documents for it. Each rule cites its page in
 * OfficeDev/office-js-docs-pr (docs/excel/…), read at commit 096a3ee (August 2026). A rule that is ours and
 * not Microsoft's says so.
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { HyperFormula } from "hyperformula";
import * as path from "path";
import * as fns from "../../src/functions/functions";
import zhTable from "../../src/functions/zh-CN.json";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { finishMetadata, localizeMetadata } = require("../../build/localize-functions.js") as {
  finishMetadata: (m: unknown) => Metadata;
  localizeMetadata: (m: unknown, t: unknown) => { metadata: Metadata; missing: string[] };
};

interface Param {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
  [k: string]: unknown;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: Param[];
  result: { type?: string; dimensionality?: string; [k: string]: unknown };
  options?: Record<string, unknown>;
  [k: string]: unknown;
}
interface Metadata {
  allowErrorForDataTypeAny?: unknown;
  allowCustomDataForDataTypeAny?: unknown;
  functions: Fn[];
  [k: string]: unknown;
}

const files: Record<string, Metadata> = {};
let associated: { functionName: string; id: string }[] = [];

beforeAll(async () => {
  const r = await generateCustomFunctionsMetadata(path.join(__dirname, "../../src/functions/functions.ts"));
  expect(r.errors).toEqual([]);
  const en = finishMetadata(JSON.parse(r.metadataJson));
  files["functions.json"] = en;
  files["functions.zh-CN.json"] = localizeMetadata(en, zhTable).metadata;
  associated = r.associate;
}, 60000);

const each = (): [string][] => [["functions.json"], ["functions.zh-CN.json"]];

/** A1 to XFD1048576 (columns A…XFD, rows 1…1048576). */
function isA1(s: string): boolean {
  const m = /^([A-Z]{1,3})(\d+)$/i.exec(s);
  if (!m) return false;
  const col = [...m[1].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = Number(m[2]);
  return col >= 1 && col <= 16384 && row >= 1 && row <= 1048576;
}
/** R1C1 to R1048576C16384. */
function isR1C1(s: string): boolean {
  const m = /^R(\d+)C(\d+)$/i.exec(s);
  return m !== null && Number(m[1]) >= 1 && Number(m[1]) <= 1048576 && Number(m[2]) >= 1 && Number(m[2]) <= 16384;
}

describe.each(each())("%s", (file) => {
  const md = (): Metadata => files[file];

  // custom-functions-errors.md, "Errors as custom function inputs": "To process inputs that contain errors, a
  // custom function must have the JSON metadata property allowErrorForDataTypeAny set to true", and it "can only
  // be used with manually created JSON metadata" — so the build writes it. custom-functions-json.md,
  // "allowErrorForDataTypeAny": a top-level Boolean; "All parameters with the type any or any[][] can accept
  // errors as input values".
  test("allowErrorForDataTypeAny is true at the top level, and every parameter is of type any (so errors reach it)", () => {
    expect(md().allowErrorForDataTypeAny).toBe(true);
    for (const f of md().functions) for (const p of f.parameters) expect([f.id, p.name, p.type ?? "any"]).toEqual([f.id, p.name, "any"]);
  });

  // custom-functions-json.md, "allowCustomDataForDataTypeAny": a top-level Boolean. Ours is false on purpose
  // (build/localize-functions.js): the functions read primitives and errors only.
  test("allowCustomDataForDataTypeAny is the Boolean false", () => {
    expect(md().allowCustomDataForDataTypeAny).toBe(false);
  });

  // custom-functions-json.md, "functions": id, name, parameters and result are required; description and helpUrl
  // are strings.
  test("every function has its required properties", () => {
    expect(md().functions.length).toBe(12);
    for (const f of md().functions) {
      expect(typeof f.id).toBe("string");
      expect(typeof f.name).toBe("string");
      expect(Array.isArray(f.parameters)).toBe(true);
      expect(typeof f.result).toBe("object");
      expect(typeof (f.description ?? "")).toBe("string");
      expect(f.helpUrl === undefined || typeof f.helpUrl === "string").toBe(true);
    }
  });

  // custom-functions-json.md: the id "can only contain alphanumeric characters and periods" and is "unique
  // within the scope of the file". custom-functions-naming.md: an id uses only A–Z, 0–9, underscore and period,
  // starts with a letter and has at least three characters.
  test("ids: alphanumeric and periods only, A–Z first, at least 3 characters, unique", () => {
    const ids = md().functions.map((f) => f.id);
    for (const id of ids) {
      expect([id, /^[A-Za-z0-9.]+$/.test(id)]).toEqual([id, true]);
      expect([id, /^[A-Z][A-Z0-9_.]{2,}$/.test(id)]).toEqual([id, true]);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  // custom-functions-naming.md: a name uses Unicode letters, underscore and period, starts with a letter, has at
  // least three characters, must not look like a cell reference (A1 to XFD1048576, R1C1 to R1048576C16384) nor be
  // an Excel 4.0 macro function (such as RUN, ECHO), and should not match a built-in Excel function "in any
  // language" (checked here against the 400-odd built-ins HyperFormula implements; the page's full macro list is
  // a PDF, of which only its examples are checked).
  test("names: letters, _ and . only, a letter first, at least 3, no cell reference, no macro or built-in name, unique", () => {
    const builtIns = new Set(HyperFormula.getRegisteredFunctionNames("enGB").map((n) => n.toUpperCase()));
    for (const { name } of md().functions) {
      expect([name, /^\p{L}[\p{L}_.]{2,}$/u.test(name)]).toEqual([name, true]);
      expect([name, isA1(name) || isR1C1(name)]).toEqual([name, false]);
      expect([name, ["RUN", "ECHO"].includes(name.toUpperCase())]).toEqual([name, false]);
      expect([name, builtIns.has(name.toUpperCase())]).toEqual([name, false]);
    }
    const names = md().functions.map((f) => f.name.toUpperCase());
    expect(new Set(names).size).toBe(names.length);
  });

  // custom-functions-json.md, "parameters": name is required; dimensionality "must be either scalar … or matrix";
  // type can be boolean, number, string or any; optional and repeating are Booleans.
  // custom-functions-parameter-options.md: "a repeating parameter must be the last input parameter … a function
  // can only have one repeating parameter".
  test("parameters: a name each, documented dimensionality and type values, Boolean flags, repeating only last", () => {
    for (const f of md().functions) {
      const names = f.parameters.map((p) => p.name);
      expect(new Set(names).size).toBe(names.length);
      f.parameters.forEach((p, i) => {
        expect(typeof p.name).toBe("string");
        expect(p.name.length).toBeGreaterThan(0);
        if (p.dimensionality !== undefined) expect(["scalar", "matrix"]).toContain(p.dimensionality);
        if (p.type !== undefined) expect(["boolean", "number", "string", "any"]).toContain(p.type);
        if (p.optional !== undefined) expect(typeof p.optional).toBe("boolean");
        if (p.repeating !== undefined) {
          expect(typeof p.repeating).toBe("boolean");
          if (p.repeating) expect(i).toBe(f.parameters.length - 1);
        }
      });
    }
  });

  // Ours, not a documented rule: optional parameters come after the required ones, as in Excel's own functions
  // and in every example of custom-functions-parameter-options.md ("=CONTOSO.ADD(first, second, [third])").
  test("optional parameters follow the required ones (our convention)", () => {
    for (const f of md().functions) {
      const first = f.parameters.findIndex((p) => p.optional === true || p.repeating === true);
      if (first >= 0) expect([f.id, f.parameters.slice(first).every((p) => p.optional === true || p.repeating === true)]).toEqual([f.id, true]);
    }
  });

  // custom-functions-json.md, "result": dimensionality "must be either scalar … or matrix"; type boolean, number,
  // string or any.
  test("results: documented dimensionality and type values", () => {
    for (const f of md().functions) {
      if (f.result.dimensionality !== undefined) expect(["scalar", "matrix"]).toContain(f.result.dimensionality);
      if (f.result.type !== undefined) expect(["boolean", "number", "string", "any"]).toContain(f.result.type);
    }
  });

  // custom-functions-json.md, "options": requiresParameterAddresses "must be used in combination with the
  // dimensionality property of the result object, and dimensionality must be set to matrix" (the same in
  // custom-functions-parameter-options.md, "Detect the address of a parameter"). Every ZG function asks for its
  // parameters' addresses (messages and ALLOCCHECK's verdict name cells), so every result is a matrix.
  test("requiresParameterAddresses only with a matrix result", () => {
    for (const f of md().functions) {
      expect([f.id, f.options?.requiresParameterAddresses]).toEqual([f.id, true]);
      if (f.options?.requiresParameterAddresses === true) expect([f.id, f.result.dimensionality]).toEqual([f.id, "matrix"]);
    }
  });

  // custom-functions-json.md, "options": every property is an optional Boolean from a documented list; "A function
  // can't use both the stream and cancelable properties"; "can't use both the stream and requiresAddress"; "A
  // volatile function can't use the stream property"; requiresStreamAddress and requiresStreamParameterAddresses
  // need stream; "can't have both excludeFromAutoComplete and linkedEntityLoadService".
  test("options: documented Boolean properties only, and none of the excluded combinations", () => {
    const known = [
      "cancelable",
      "capturesCallingObject",
      "excludeFromAutoComplete",
      "linkedEntityLoadService",
      "requiresAddress",
      "requiresParameterAddresses",
      "requiresStreamAddress",
      "requiresStreamParameterAddresses",
      "stream",
      "supportSync",
      "volatile",
    ];
    for (const f of md().functions) {
      const o = f.options ?? {};
      for (const [k, v] of Object.entries(o)) {
        expect([f.id, k, known.includes(k)]).toEqual([f.id, k, true]);
        expect([f.id, k, typeof v]).toEqual([f.id, k, "boolean"]);
      }
      const on = (k: string): boolean => o[k] === true;
      expect([f.id, on("stream") && on("cancelable")]).toEqual([f.id, false]);
      expect([f.id, on("stream") && on("requiresAddress")]).toEqual([f.id, false]);
      expect([f.id, on("stream") && on("volatile")]).toEqual([f.id, false]);
      expect([f.id, (on("requiresStreamAddress") || on("requiresStreamParameterAddresses")) && !on("stream")]).toEqual([f.id, false]);
      expect([f.id, on("excludeFromAutoComplete") && on("linkedEntityLoadService")]).toEqual([f.id, false]);
    }
  });
});

describe("the two files and the code agree", () => {
  // custom-functions-naming.md, "Localize function names": one metadata file per language; "Excel only localizes
  // the name and description properties. The id is not localized".
  test("the Chinese file differs from the English one only in descriptions (ids, names, shapes, options equal)", () => {
    const strip = (m: Metadata) =>
      JSON.parse(JSON.stringify(m, (k, v) => (k === "description" ? undefined : v))) as Metadata;
    expect(strip(files["functions.zh-CN.json"])).toEqual(strip(files["functions.json"]));
  });

  // custom-functions-json.md, "Associate function names with JSON metadata": without an association "the
  // function won't be registered". custom-functions-json-autogeneration.md, @requiresParameterAddresses: "The
  // last function parameter must be of type CustomFunctions.Invocation" — so each exported function takes one
  // argument more than its metadata lists.
  test("every id is associated with an exported function that takes the invocation last", () => {
    const ids = files["functions.json"].functions.map((f) => f.id);
    expect(associated.map((a) => a.id).sort()).toEqual([...ids].sort());
    for (const a of associated) {
      const fn = (fns as Record<string, unknown>)[a.functionName] as (...args: unknown[]) => unknown;
      const meta = files["functions.json"].functions.find((f) => f.id === a.id)!;
      expect([a.id, typeof fn, fn.length]).toEqual([a.id, "function", meta.parameters.length + 1]);
    }
  });
});
