/**
 * The metadata Excel reads is generated from src/functions/functions.ts by custom-functions-metadata (as the
 * build's plugin does); here it is generated the same way and checked against the functions' declarations,
 * and the zh-CN metadata is built from zh-CN.json by the build's localizeMetadata.
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as path from "path";
import * as fns from "../../src/functions/functions";
import { FUNCTIONS, isOptional } from "../../src/functions/registry";
import zhTable from "../../src/functions/zh-CN.json";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localizeMetadata, unusedEntries } = require("../../build/localize-functions.js") as {
  localizeMetadata: (m: unknown, t: unknown) => { metadata: Metadata; missing: string[] };
  unusedEntries: (m: unknown, t: unknown) => string[];
};

interface Param {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters: Param[];
  result: { type?: string; dimensionality?: string };
  options?: { requiresParameterAddresses?: boolean };
}
interface Metadata {
  functions: Fn[];
}

const SOURCE = path.join(__dirname, "../../src/functions/functions.ts");
const HAN = /[\u4e00-\u9fff]/;

let metadata: Metadata;
let associate: { functionName: string; id: string }[];

beforeAll(async () => {
  const r = await generateCustomFunctionsMetadata(SOURCE);
  expect(r.errors).toEqual([]);
  metadata = JSON.parse(r.metadataJson) as Metadata;
  associate = r.associate;
}, 60000);

describe("generated metadata (functions.json)", () => {
  it("has exactly the declared functions, ids stable and English, name = id", () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(FUNCTIONS.map((f) => f.spec.id).sort());
    for (const f of metadata.functions) {
      expect(f.id).toMatch(/^[A-Z]+$/);
      expect(f.name).toBe(f.id);
      expect(f.description ?? "").toMatch(/[a-z]{3}/);
    }
  });

  it.each(FUNCTIONS.map((f) => [f.spec.id, f] as const))("%s: parameters, dimensionality, optional flags and result match the declaration", (id, def) => {
    const m = metadata.functions.find((f) => f.id === id)!;
    expect(m.parameters.map((p) => p.name)).toEqual(def.spec.params.map((p) => p.name));
    def.spec.params.forEach((p, i) => {
      const mp = m.parameters[i];
      expect([p.name, mp.dimensionality ?? "scalar"]).toEqual([p.name, p.kind === "cells" ? "matrix" : "scalar"]);
      expect([p.name, mp.optional === true]).toEqual([p.name, isOptional(p)]);
      expect(mp.description ?? "").not.toBe("");
    });
    // Required parameters come first, as Excel requires.
    const firstOptional = def.spec.params.findIndex(isOptional);
    if (firstOptional >= 0) expect(def.spec.params.slice(firstOptional).every(isOptional)).toBe(true);
    expect(m.result.dimensionality).toBe("matrix");
    // Messages name the sheet and cell: Excel passes the arguments' addresses (the invocation is not a parameter).
    expect(m.options?.requiresParameterAddresses).toBe(true);
  });

  it("associates each id with the exported function that hands its arguments to the declaration of that id", () => {
    expect(associate.map((a) => a.id).sort()).toEqual(FUNCTIONS.map((f) => f.spec.id).sort());
    for (const a of associate) {
      const fn = (fns as Record<string, unknown>)[a.functionName] as (...args: unknown[]) => unknown;
      const def = FUNCTIONS.find((f) => f.spec.id === a.id)!;
      const spy = jest.spyOn(def, "invoke");
      const args = def.spec.params.map((_, i) => [[i]]);
      const invocation = { parameterAddresses: args.map((_, i) => `Sheet1!A${i + 1}`) };
      fn(...args, invocation);
      expect(spy).toHaveBeenCalledWith(args, invocation);
      spy.mockRestore();
    }
  });
});

describe("zh-CN metadata from the one translation table", () => {
  it("covers every function and parameter, with nothing stale", () => {
    const { missing } = localizeMetadata(metadata, zhTable);
    expect(missing).toEqual([]);
    expect(unusedEntries(metadata, zhTable)).toEqual([]);
  });

  it("describes every function and parameter in Chinese, keeping ids, names and shapes", () => {
    const { metadata: zh } = localizeMetadata(metadata, zhTable);
    zh.functions.forEach((f, i) => {
      const en = metadata.functions[i];
      expect(f.id).toBe(en.id);
      expect(f.description).toMatch(HAN);
      f.parameters.forEach((p, k) => {
        expect(p.description).toMatch(HAN);
        expect({ ...p, description: "" }).toEqual({ ...en.parameters[k], description: "" });
      });
    });
    const rank = zh.functions.find((f) => f.id === "RANKSCORE")!;
    expect(rank.description).toContain("排名得分");
    expect(rank.parameters.find((p) => p.name === "order")!.description).toContain("降序");
  });
});
