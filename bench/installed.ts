/**
 * `zg` as it is installed (the packed zg-<version>.tgz installed into an empty prefix, registry unreachable), run as
 * a user runs it: `zg --version` within 150 ms, and `zg score` on 445 counties against the same scoring written as
 * plain formulas and recalculated by LibreOffice, side by side on the same figures in one run (at least 50× faster).
 * Both are whole processes: Node's start-up is in zg's time, LibreOffice's start-up in LibreOffice's.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runSelection } from "../src/core/select";
import { policyScore } from "../src/core/score";
import { ROOT } from "../test/hostile/corpus";
import { make445 } from "./cli";
import { makeUnits } from "./data";
import { formulaSheet } from "./formulas";
import { median, type Measurement } from "./measure";

const SOFFICE = process.env.SOFFICE || "/usr/bin/soffice";
// Recalculate every formula on load (OOXMLRecalcMode 0 = always), so LibreOffice cannot show cached values back.
const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

function wall(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Packs zg and installs it as docs/cli.md says, with no registry: the installed command's path. */
function install(dir: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { packZg } = require(path.join(ROOT, "build", "pack-zg.js")) as { packZg(o: { outDir: string; quiet: boolean }): string };
  const tarball = packZg({ outDir: path.join(dir, "pack"), quiet: true });
  const prefix = path.join(dir, "prefix");
  const env = { ...process.env, npm_config_registry: "http://127.0.0.1:9/", npm_config_cache: path.join(dir, "cache"), npm_config_prefix: prefix, npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" };
  const r = spawnSync("npm", ["install", "-g", tarball], { env, encoding: "utf8", timeout: 120_000 });
  if (r.status !== 0) throw new Error(`npm install -g ${tarball} failed: ${r.stderr}`);
  return path.join(prefix, "bin", "zg");
}

/** The formula version of the same 445 counties as an .xlsx: values and formulas, no cached results. */
async function writeFormulaBook(file: string): Promise<string[]> {
  const { counties, rows } = makeUnits(445);
  const policy = new Map(counties.map((c) => [c.county, policyScore(c.policy)]));
  const { sheet, counties: order, totalColumn } = formulaSheet(rows, policy, "rank");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("完成情况");
  sheet.forEach((line, r) =>
    line.forEach((v, c) => {
      ws.getCell(r + 1, c + 1).value = typeof v === "string" && v.startsWith("=") ? { formula: v.slice(1) } : v;
    }),
  );
  await wb.xlsx.writeFile(file);
  return [String(totalColumn), ...order];
}

/** One LibreOffice recalculation of `file` to CSV, whole process, with a profile already set up: wall ms and the CSV. */
function libreOffice(file: string, profile: string, out: string): { ms: number; csv: string } {
  fs.rmSync(out, { recursive: true, force: true });
  let status: number | null = null;
  let stderr = "";
  const ms = wall(() => {
    const r = spawnSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", out, file], { encoding: "utf8", timeout: 600_000 });
    status = r.status;
    stderr = r.stderr;
  });
  if (status !== 0) throw new Error(`soffice failed (${status}): ${stderr}`);
  const csvFile = fs.readdirSync(out).find((f) => f.endsWith(".csv"));
  return { ms, csv: fs.readFileSync(path.join(out, csvFile as string), "utf8") };
}

export async function measureInstalled(): Promise<Measurement[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zg-bench-installed-"));
  const out: Measurement[] = [];
  try {
    const zg = install(dir);
    const run = (args: string[]) => {
      let status: number | null = null;
      const ms = wall(() => {
        status = spawnSync(zg, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }).status;
      });
      if (status !== 0) throw new Error(`installed zg ${args.join(" ")} exited ${status}`);
      return ms;
    };
    run(["--version"]);
    out.push({ name: "installed.version.ms", value: median(Array.from({ length: 9 }, () => run(["--version"]))), unit: "ms", budget: 150, note: "安装后的 zg --version，整个进程 / the installed command, whole process, median of 9" });

    const book445 = path.join(dir, "445.xlsx");
    await make445(book445);
    run(["score", book445, "--json"]);
    const zgMs = median(Array.from({ length: 5 }, () => run(["score", book445, "--json"])));
    out.push({ name: "installed.score.445.ms", value: zgMs, unit: "ms", budget: null, note: "安装后的 zg score，445 县 × 18 指标 / the installed command, median of 5" });

    if (!fs.existsSync(SOFFICE)) throw new Error(`${SOFFICE} is missing: bash scripts/system-deps.sh installs LibreOffice`);
    const formulas = path.join(dir, "445-formulas.xlsx");
    const [totalColumn, ...order] = await writeFormulaBook(formulas);
    const profile = path.join(dir, "lo-profile");
    fs.mkdirSync(path.join(profile, "user"), { recursive: true });
    fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), PROFILE);
    const first = libreOffice(formulas, profile, path.join(dir, "lo-out")); // sets the profile up; not timed
    // The same scoring, or the comparison means nothing: LibreOffice's totals are ZG's city-stage totals.
    const { counties } = makeUnits(445);
    const engine = new Map(runSelection(counties).counties.map((c) => [c.county, c.total]));
    const lines = first.csv.split(/\r?\n/).slice(1);
    order.forEach((county, i) => {
      const lo = Number(lines[i].split(",")[Number(totalColumn) - 1]);
      const want = engine.get(county);
      if (want === undefined || Math.abs(lo - want) > 1e-6) throw new Error(`LibreOffice's formula total for ${county} is ${lo}, ZG's ${want}`);
    });
    const loMs = median(Array.from({ length: 3 }, () => libreOffice(formulas, profile, path.join(dir, "lo-out")).ms));
    out.push({ name: "libreoffice.formulas.445.ms", value: loMs, unit: "ms", budget: null, note: "同一评分写成普通公式，LibreOffice 打开即全部重算 / the same scoring as plain formulas, recalculated by LibreOffice, whole process, median of 3" });
    out.push({ name: "libreoffice-vs-installed-zg.x", value: loMs / zgMs, unit: "x", budget: 50, kind: "min", note: "LibreOffice 耗时 ÷ 安装后的 zg score 耗时，同一次运行 / LibreOffice's time over the installed zg's, side by side" });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
