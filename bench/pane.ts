/**
 * The task pane's speed in Chromium (issue 14): 评分 and 写入评分结果表 on the preview's 90-county sample, in memory,
 * measured by test/e2e/pane-bench.js inside the page from the click until the result is on screen (the sheet
 * written). Budgets: median of 5 runs; the first run (cold JIT, first mount of the tables) is reported beside it.
 * Skipped, with a line saying so, where Chromium is not installed.
 */
import { spawnSync } from "child_process";
import { existsSync } from "fs";
import { join } from "path";
import { median, type Measurement } from "./measure";

const root = join(__dirname, "../../..");

export function measurePane(): Measurement[] {
  const chromium = process.env.CHROMIUM || "/usr/bin/chromium";
  if (!existsSync(chromium)) {
    process.stderr.write(`跳过任务窗格计时：没有 Chromium（${chromium}）/ pane timings skipped: no Chromium at ${chromium}\n`);
    return [];
  }
  const r = spawnSync(process.execPath, [join(root, "test/e2e/pane-bench.js")], { cwd: root, encoding: "utf8", env: { ...process.env, ZG_PANE_RUNS: "5" } });
  if (r.status !== 0) throw new Error(`pane-bench failed: ${r.stderr.slice(-2000)}`);
  const { scoreMs, writeMs } = JSON.parse(r.stdout.trim().split("\n").pop()!) as { scoreMs: number[]; writeMs: number[] };
  const note = (what: string) => `Chromium 预览，90 县，${what} / preview in Chromium, 90 counties`;
  return [
    { name: "pane.score.ms", value: median(scoreMs), unit: "ms", budget: 500, note: note("评分，5 次中位数 / score, median of 5") },
    { name: "pane.score.first.ms", value: scoreMs[0], unit: "ms", budget: null, note: note("首次评分（首次挂载表格）/ first score, tables mounted") },
    { name: "pane.writeResults.ms", value: median(writeMs), unit: "ms", budget: 1000, note: note("写入评分结果表，5 次中位数 / write results sheet, median of 5") },
    { name: "pane.writeResults.first.ms", value: writeMs[0], unit: "ms", budget: null, note: note("首次写入 / first write") },
  ];
}
