/**
 * Shared helpers of the CLI tests: build the command fresh, run it as a subprocess, make fixture
 * workbooks in a temporary folder and hash files to prove the input is never modified.
 */
import { execFileSync, spawnSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";

export const ROOT = path.resolve(__dirname, "..", "..");
export const ZG = path.join(ROOT, "bin", "zg.js");
export const SAMPLES = path.join(ROOT, "assets", "samples");
const BUILT = path.join(ROOT, "dist", "cli", "cli", "main.js");

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Compiles src/core + src/cli into dist/cli (npm run build:cli) once per jest run (test files of one run
 * share the jest process that started them), and again whenever a source file is newer than the build,
 * so the subprocess always runs the code under test. Type errors in src/cli fail the tests; errors in
 * other people's half-written engine files do not stop tsc from emitting.
 */
export function buildCli(): void {
  const marker = path.join(os.tmpdir(), `zg-cli-built-by-${process.ppid}`);
  const sources = Math.max(
    newestSource(path.join(ROOT, "src", "core")),
    newestSource(path.join(ROOT, "src", "cli")),
    fs.statSync(path.join(ROOT, "tsconfig.cli.json")).mtimeMs,
    fs.statSync(path.join(ROOT, "tsconfig.json")).mtimeMs,
  );
  if (fs.existsSync(marker) && fs.existsSync(BUILT) && fs.statSync(BUILT).mtimeMs > sources) return;
  const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
  try {
    execFileSync(process.execPath, [tsc, "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "pipe" });
  } catch (e) {
    const out = String((e as { stdout?: Buffer }).stdout ?? "");
    const ours = out.split("\n").filter((l) => l.startsWith("src/cli/"));
    if (ours.length > 0 || !fs.existsSync(BUILT)) throw new Error(`build:cli failed:\n${out}`);
  }
  // tsc leaves an unchanged output untouched; mark the build so the next check sees it as fresh.
  const now = new Date();
  fs.utimesSync(BUILT, now, now);
  fs.writeFileSync(marker, now.toISOString());
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/zg.js …` as a user would, in `cwd`, without colour unless asked. */
export function zg(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  // A web build (webpack's output.clean) may have emptied dist/ since beforeAll: build again rather than fail.
  if (!fs.existsSync(BUILT)) buildCli();
  const env = { ...process.env, ...options.env };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [ZG, ...args], { cwd: options.cwd ?? ROOT, env, encoding: "utf8", timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Parses stdout as exactly one JSON object (cli.md). */
export function json<T = unknown>(r: Run): T {
  return JSON.parse(r.stdout) as T;
}

export function tmpDir(prefix = "zg-cli-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function sha256(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Writes a workbook made by `fill` and returns its path. */
export async function workbook(file: string, fill: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  await wb.xlsx.writeFile(file);
  return file;
}

/** Puts rows of values on a sheet from a top-left cell (1-based). */
export function put(ws: ExcelJS.Worksheet, top: number, left: number, rows: ExcelJS.CellValue[][]): void {
  rows.forEach((row, r) => row.forEach((v, c) => {
    if (v !== null && v !== undefined) ws.getCell(top + r, left + c).value = v;
  }));
}

export async function openXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}
