/**
 * `zg` as a user runs it, whole process (node start-up, reading the workbook, the engine, printing), median of 5
 * child processes: the 90-county sample, 9号's table and a generated 445-county × 18-indicator workbook (issue 15).
 * Then issue 13's hostile corpus (test/hostile/corpus.ts, full size): each case's time and peak memory (GNU time's
 * maximum resident set size, the whole process), within 5 s and 300 MB.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { TemplateSheet } from "../src/core/templates";
import { saveWorkbook, templateWorkbook } from "../src/cli/write-xlsx";
import { buildCorpus, ROOT } from "../test/hostile/corpus";
import { makeUnits } from "./data";
import { median, type Measurement } from "./measure";

const ZG = path.join(ROOT, "bin", "zg.js");
const TIME = "/usr/bin/time";

/** dist/cli, built afresh: the web build that `npm run bench` runs first empties dist/. */
function buildCli(): void {
  const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`build:cli failed:\n${r.stdout}${r.stderr}`);
}

/** One run of zg, whole process: wall time (ms) and, through GNU time, peak resident memory (MB). */
export function runOnce(args: string[]): { ms: number; mb: number; status: number | null } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(TIME, ["-f", "%M", process.execPath, ZG, ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const kb = Number(/(\d+)\s*$/.exec(r.stderr ?? "")?.[1] ?? NaN);
  // GNU time reports the child's own exit status after its figures; a killed child has none.
  return { ms, mb: kb / 1024, status: r.status };
}

export function timed(args: string[], runs: number): { ms: number; mb: number; status: number | null } {
  runOnce(args); // the first run warms the file cache, not the process
  const all = Array.from({ length: runs }, () => runOnce(args));
  return { ms: median(all.map((x) => x.ms)), mb: Math.max(...all.map((x) => x.mb)), status: all[0].status };
}

/** 445 county-level units × 18 indicators as an official's completion workbook (bench/data.ts's seeded figures). */
export async function make445(file: string): Promise<void> {
  const { counties } = makeUnits(445);
  const header = ["设区市", "县（市、区）", "指标", "目标", "完成"];
  const rows: (string | number | null)[][] = counties.flatMap((c) => c.entries.map((e) => [c.city, c.county, e.indicator, e.target as string, e.actual as number]));
  const countyHeader = ["县（市、区）", "设区市", "实施方案", "年度工作要点", "配套政策", "工作机制", "省级试点", "批示或典型发言", "上年度已获激励"];
  const yes = (b: boolean | undefined) => (b ? "是" : "否");
  const countyRows = counties.map((c) => [c.county, c.city, yes(c.policy.plan), yes(c.policy.workPlan), yes(c.policy.policy), yes(c.policy.mechanism), yes(c.policy.pilot), c.policy.endorsements ?? 0, yes(c.previousWinner)]);
  const sheet = (name: string, cells: (string | number | null)[][]): TemplateSheet => ({ name, cells, merges: [], columnWidths: cells[0].map(() => 12), validations: [] });
  await saveWorkbook(templateWorkbook([sheet("完成情况", [header, ...rows]), sheet("县", [countyHeader, ...countyRows])]), file, { force: true });
}

export async function measureCli(): Promise<Measurement[]> {
  if (!fs.existsSync(TIME)) throw new Error(`${TIME} is missing: bash scripts/system-deps.sh installs it (Debian package "time")`);
  buildCli();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zg-bench-cli-"));
  const out: Measurement[] = [];
  try {
    const file445 = path.join(dir, "445.xlsx");
    await make445(file445);
    const speed: [string, string[], number, string][] = [
      ["cli.score.90.ms", ["score", "assets/samples/sample-completion.xlsx", "--json"], 500, "zg score，90 县示例，整个进程 / whole process, median of 5"],
      ["cli.check.9hao.ms", ["check", "assets/samples/2020-decomposition.xlsx", "--json"], 400, "zg check，9号分解表，整个进程 / whole process, median of 5"],
      ["cli.score.445.ms", ["score", file445, "--json"], 900, "zg score，445 县 × 18 指标（生成）/ generated, whole process, median of 5"],
    ];
    for (const [name, args, budget, note] of speed) {
      const r = timed(args, 5);
      if (r.status !== 0) throw new Error(`zg ${args.join(" ")} exited ${r.status}`);
      out.push({ name, value: r.ms, unit: "ms", budget, note });
      out.push({ name: name.replace(/\.ms$/, ".mb"), value: r.mb, unit: "MB", budget: null, note: "峰值内存 / peak memory (GNU time)" });
    }
    for (const c of buildCorpus(path.join(dir, "corpus"), "full")) {
      c.setup?.();
      const r = timed(c.args, 3);
      if (r.status !== c.expect.status) throw new Error(`hostile case ${c.name}: zg exited ${r.status}, expected ${c.expect.status}`);
      out.push({ name: `hostile.${c.name}.ms`, value: r.ms, unit: "ms", budget: 5000, note: `${c.what}（退出 / exit ${c.expect.status}）` });
      out.push({ name: `hostile.${c.name}.mb`, value: r.mb, unit: "MB", budget: 300, note: "峰值内存 / peak memory, whole process" });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
