/**
 * ZG.RANKSCORE over a spilled range of 100k values (one call: the reference is sorted once), against the
 * naive way — the same function filled down 100k cells, each call reading and ranking the whole reference
 * (nothing remembered between calls: the caches are cleared before each, as before prepared references
 * existed; bench/percell.ts measures the filled-down calls as they run now). Each naive call costs about as much
 * as the whole spilled one, so the naive total is measured on a few cells and scaled to 100k, said so in the
 * note: running all 100k naive calls would take minutes and tell nothing more.
 */
import { forgetReadRanges } from "../src/functions/args";
import { rankScore } from "../src/functions/functions";
import { clearPreparedReferences } from "../src/functions/rank";
import { seeded } from "./data";
import { median, timeMedian, type Measurement } from "./measure";

const N = 100_000;
const NAIVE_SAMPLE = 5;

export function measureRankScore(): Measurement[] {
  const rnd = seeded(7);
  // A column as Excel passes it: n rows × 1 column, with a few blanks and text that must be ignored.
  const column: unknown[][] = Array.from({ length: N }, (_, i) => [i % 997 === 0 ? null : i % 1009 === 0 ? "待定" : Math.round(rnd() * 1e6) / 100]);
  const spilled = timeMedian(() => rankScore(column as never, column as never, null, null, null, null), 5, 1);

  const perCell: number[] = [];
  for (let rep = 0; rep < 1; rep++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < NAIVE_SAMPLE; i++) {
      clearPreparedReferences();
      forgetReadRanges();
      rankScore([column[i]] as never, column as never, null, null, null, null);
    }
    perCell.push(Number(process.hrtime.bigint() - t0) / 1e6 / NAIVE_SAMPLE);
  }
  const naive = median(perCell) * N;
  return [
    { name: "rankscore.100k.ms", value: spilled, unit: "ms", budget: null, note: "一次调用溢出 10 万个结果 / one spilled call, median of 5" },
    { name: "rankscore.naive.100k.ms", value: naive, unit: "ms", budget: null, note: `逐格调用，按 ${NAIVE_SAMPLE} 格推算 / per-cell calls, scaled from ${NAIVE_SAMPLE} cells` },
    { name: "rankscore.speedup.x", value: naive / spilled, unit: "x", budget: null, note: "逐格 ÷ 溢出 / naive over spilled" },
  ];
}
