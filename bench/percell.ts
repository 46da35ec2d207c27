/**
 * Formulas filled down, as officials write them: =ZG.RANKSCORE(C2,C$2:C$91) in every row (issue 10). Measured on
 * the built dist/functions.js loaded in a bare JavaScript context (test/functions/bare.ts: no window, Office,
 * globalThis or post-ES2016 built-ins), each call handed fresh arrays made inside that context, as the
 * custom-functions runtime hands them over, with the parameter addresses Excel passes. After a warm-up pass over
 * the column (the first call reads and ranks the reference), the per-cell time is the median over rounds of the
 * mean time of one call; the arrays of a round are made and the garbage collector run before its timer starts.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { loadBare, type BareRuntime } from "../test/functions/bare";
import { seeded } from "./data";
import { median, type Measurement } from "./measure";

type Call = { fn: string; args: unknown[] };

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** A column as a sheet has it: numbers, with now and then a blank or a text that is not a number. */
function columnValues(n: number, seed: number): unknown[] {
  const rnd = seeded(seed);
  return Array.from({ length: n }, (_, i) => (i % 97 === 5 ? null : i % 101 === 7 ? "待定" : Math.round(rnd() * 1e5) / 100));
}

const CITIES = ["杭州市", "宁波市", "温州市", "嘉兴市", "湖州市", "绍兴市", "金华市", "衢州市", "舟山市", "台州市", "丽水市"];

export function measurePerCell(dist = join(__dirname, "../../../dist")): Measurement[] {
  const rt: BareRuntime = loadBare(readFileSync(join(dist, "functions.js"), "utf8"));
  // Made inside the context, so the arrays (and copied strings) are the runtime's own, new on every call.
  const make = rt.evaluate(
    "(function (values) { var out = new Array(values.length); for (var i = 0; i < values.length; i++) { var v = values[i]; out[i] = [typeof v === 'string' ? (' ' + v).slice(1) : v]; } return out; })",
  ) as (values: readonly unknown[]) => unknown[][];
  const out: Measurement[] = [];
  for (const [n, label, sample, rounds] of [
    [90, "90", 90, 21],
    [10_000, "10k", 50, 9],
  ] as const) {
    const values = columnValues(n, n);
    const groups = values.map((_, i) => CITIES[i % CITIES.length]);
    const last = n + 1;
    // The sample rows, spread over the column; at 90 every row.
    const rows = Array.from({ length: sample }, (_, k) => Math.floor((k * n) / sample));
    const calls: Record<string, (row: number) => Call> = {
      rankscore: (r) => ({
        fn: "RANKSCORE",
        args: [make([values[r]]), make(values), null, null, null, null, { parameterAddresses: [`Sheet1!C${r + 2}`, `Sheet1!C2:C${last}`, "", "", "", ""] }],
      }),
      rankscoreby: (r) => ({
        fn: "RANKSCOREBY",
        args: [
          make([values[r]]),
          make(values),
          make([groups[r]]),
          make(groups),
          null,
          null,
          null,
          null,
          { parameterAddresses: [`Sheet1!C${r + 2}`, `Sheet1!C2:C${last}`, `Sheet1!A${r + 2}`, `Sheet1!A2:A${last}`, "", "", "", ""] },
        ],
      }),
      stdscore: (r) => ({
        fn: "STDSCORE",
        args: [make([typeof values[r] === "number" ? values[r] : 0]), make(values), 60, "max", null, { parameterAddresses: [`Sheet1!D${r + 2}`, `Sheet1!C2:C${last}`, "", "", ""] }],
      }),
    };
    for (const [name, callAt] of Object.entries(calls)) {
      const run = (batch: Call[]): void => {
        for (const c of batch) rt.functions[c.fn](...c.args);
      };
      run(rows.map(callAt)); // warm-up: reads and ranks the reference once, lets the JIT settle
      const perCell: number[] = [];
      for (let k = 0; k < rounds; k++) {
        const batch = rows.map(callAt);
        gc();
        const t0 = process.hrtime.bigint();
        run(batch);
        perCell.push(Number(process.hrtime.bigint() - t0) / 1e6 / batch.length);
      }
      out.push({
        name: `${name}.percell.${label}.ms`,
        value: median(perCell),
        unit: "ms",
        budget: n === 90 ? 0.05 : 1,
        note: `=ZG.${calls[name](0).fn} 逐格填充，每格一次调用，构建后的 functions.js、裸运行时 / filled down, one call per cell, built bundle, bare runtime (${sample} cells × ${rounds} rounds)`,
      });
    }
  }
  return out;
}
