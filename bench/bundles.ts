/** Sizes of the built bundles, raw and gzip, against the budgets the build itself enforces. */
import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";
import type { Measurement } from "./measure";

// build/budgets.js is the one place the budgets live; the webpack build fails on them too.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { budgets } = require("../../../build/budgets.js") as { budgets: Record<string, { maxGzipBytes: number; enforce: boolean }> };

export function measureBundles(dist = join(__dirname, "../../../dist")): Measurement[] {
  if (!existsSync(dist)) throw new Error(`${dist} is missing: npm run build first`);
  const out: Measurement[] = [];
  for (const file of readdirSync(dist).filter((f) => f.endsWith(".js")).sort()) {
    const name = file.replace(/\.js$/, "");
    const raw = readFileSync(join(dist, file));
    const gz = gzipSync(raw, { level: 9 }).length;
    const budget = budgetFor(name);
    out.push({ name: `bundle.${name}.raw.bytes`, value: raw.length, unit: "bytes", budget: null });
    out.push({ name: `bundle.${name}.gzip.bytes`, value: gz, unit: "bytes", budget, note: "Office.js 不计入 / Office.js excluded" });
  }
  return out;
}

/** The enforced gzip budget of a bundle; null for bundles that are only reported (the preview). */
function budgetFor(name: string): number | null {
  const b = budgets[`${name}.js`];
  return b && b.enforce ? b.maxGzipBytes : null;
}
