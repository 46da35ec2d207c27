/**
 * Issue 13's hostile workbooks, each through `zg` as a user would run it: a clear, bounded answer (exit status and
 * message, within a time limit), nothing raw reaching the terminal, and the input — and an existing --out target —
 * byte-identical afterwards. Then the --out races: a planted temp-name link, a file appearing while zg writes, Ctrl-C.
 * Time and peak memory of the full-size cases are in `npm run bench` (bench/hostile.ts).
 */
import { spawn, spawnSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildCli } from "../cli/helpers";
import { readWorkbookFile } from "../../src/cli/read-xlsx";
import { buildCorpus, DECOMPOSITION, edited, type HostileCase, ROOT, SAMPLES } from "./corpus";

jest.setTimeout(180_000);

const ZG = path.join(ROOT, "bin", "zg.js");
const SLOW_WRITE = path.join(__dirname, "slow-write.js");
/** Far above any case's cost here (the bench holds each to 5 s), far below a hang. */
const PER_CASE_MS = 30_000;

const hash = (f: string) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");

function run(args: string[], cwd = ROOT): { status: number | null; stdout: string; stderr: string; signal: NodeJS.Signals | null } {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [ZG, ...args], { cwd, env, encoding: "utf8", timeout: PER_CASE_MS, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

let dir: string;
let cases: HostileCase[];
beforeAll(() => {
  buildCli();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "zg-hostile-"));
  cases = buildCorpus(path.join(dir, "corpus"), "test");
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

// The names are known before the corpus is built (test.each needs them at collection time).
const NAMES = [
  "stray-xfd", "stray-az", "merge-huge", "validation-huge", "million-rows", "sst-bomb", "sst-ratio", "sst-lying", "sst-count",
  "exponent", "exponent-label", "escapes", "long-cell", "long-message", "dev-zero", "fifo", "out-folder",
  "empty", "truncated", "csv", "xls", "ods", "folder", "missing", "unreadable",
  "sheets-grid", "sheets-merges", "token", "many-counties", "extlst-hidden", "foreign-cell", "alternate-fallback", "cdata", "loose-number", "last-row", "parts-collide",
  "newline-sheet", "newline-file", "invisible-county", "counties-100k-score", "counties-100k-gap", "out-budget", "score-out-budget",
];

test("the corpus has every case this test names", () => {
  expect(cases.map((c) => c.name).sort()).toEqual([...NAMES].sort());
});

test.each(NAMES)("%s: a clear, bounded answer; the input untouched", (name) => {
  const c = cases.find((x) => x.name === name) as HostileCase;
  c.setup?.();
  const before = c.unchanged.map(hash);
  const r = run(c.args);
  expect(r.signal).toBeNull(); // not killed by the time limit
  expect({ status: r.status, stderr: r.stderr.slice(0, 2000) }).toEqual({ status: c.expect.status, stderr: expect.any(String) });
  for (const re of c.expect.stderr ?? []) expect(r.stderr).toMatch(re);
  for (const re of c.expect.stdout ?? []) expect(r.stdout).toMatch(re);
  if (c.expect.status === 2) {
    // Chinese first, then English; nothing on standard output; a message a screen can hold.
    expect(r.stderr).toMatch(/^zg 错误：.*\nzg error: /s);
    expect(r.stdout).toBe("");
    expect(r.stderr.length).toBeLessThan(4000);
  }
  if (c.expect.json) c.expect.json(JSON.parse(r.stdout));
  // Nothing the workbook holds reaches the terminal raw: no ESC, BEL or bidi override (JSON escapes C0 itself).
  const raw = (s: string) => ["\u001b", "\u0007", "\u202e"].some((ch) => s.includes(ch));
  expect(raw(r.stderr)).toBe(false);
  if (!c.args.includes("--json")) expect(raw(r.stdout)).toBe(false);
  expect(c.unchanged.map(hash)).toEqual(before);
  for (const f of c.absent ?? []) expect(fs.existsSync(f)).toBe(false);
});

test("escapes: --json stays exact (JSON's own escaping only)", () => {
  const c = cases.find((x) => x.name === "escapes") as HostileCase;
  const r = run([...c.args, "--json"]);
  expect(r.status).toBe(0);
  const label = (JSON.parse(r.stdout) as { results: { indicator: string }[] }).results.map((x) => x.indicator).find((i) => i.includes("pwned"));
  expect(label).toBe("\u001b]0;pwned\u0007\u001b[2J\u001b[31m机器人10000台\u202e反向");
});

test("a 200,000-character cell: --out holds at most Excel's 32,767 characters per cell", async () => {
  const c = cases.find((x) => x.name === "long-cell") as HostileCase;
  const out = path.join(dir, "long-out.xlsx");
  const r = run(["check", c.args[1], "--out", out]);
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/32767/);
  const sheets = await readWorkbookFile(out);
  const longest = Math.max(...sheets.flatMap((s) => s.cells.flat().map((v) => (typeof v === "string" ? v.length : 0))));
  expect(longest).toBeGreaterThan(30_000);
  expect(longest).toBeLessThanOrEqual(32_767);
  expect(sheets.flatMap((s) => s.notices)).toEqual([]);
});

test("--out writes only XML that reads back: a label holding U+FFFE, controls and a literal _xHHHH_ survives the round trip", async () => {
  const label = "传统制造业新增工业机器人\ufffe\u0001_x0041_\ud800台";
  const input = path.join(dir, "fffe.xlsx");
  fs.writeFileSync(input, edited(DECOMPOSITION, "xl/sharedStrings.xml", (x) => x.replace("传统制造业新增工业机器人10000台", "传统制造业新增工业机器人_xFFFE__x0001__x005F_x0041__xD800_10000台")));
  const out = path.join(dir, "fffe-out.xlsx");
  const r = run(["check", input, "--out", out]);
  expect(r.status).toBe(0);
  // Every sheet of the written workbook parses (the reader refuses what is not XML) and holds the label as read,
  // the half surrogate aside, which no cell can hold (U+FFFD in its place).
  const cells = (await readWorkbookFile(out)).flatMap((s) => s.cells.flat()).filter((v): v is string => typeof v === "string");
  expect(cells.some((v) => v.includes(label.replace("\ud800", "\ufffd").replace("台", "10000台")))).toBe(true);
});

describe("--out against races and planted files", () => {
  const input = path.join(SAMPLES, DECOMPOSITION);

  test("a planted .NAME.PID.tmp symbolic link is never followed: its target is untouched", () => {
    const work = fs.mkdtempSync(path.join(dir, "planted-"));
    const victim = path.join(work, "victim.txt");
    fs.writeFileSync(victim, "keep me");
    // The old temp name was .NAME.<pid>.tmp: plant it for every pid the next process can get.
    const lastPid = "/proc/sys/kernel/ns_last_pid";
    const last = fs.existsSync(lastPid) ? Number(fs.readFileSync(lastPid, "utf8")) : process.pid;
    for (let pid = last + 1; pid <= last + 400; pid++) fs.symlinkSync(victim, path.join(work, `.result.xlsx.${pid}.tmp`));
    const before = hash(input);
    const r = run(["check", input, "--out", path.join(work, "result.xlsx")]);
    expect(r.status).toBe(0);
    expect(fs.readFileSync(victim, "utf8")).toBe("keep me");
    expect(fs.lstatSync(path.join(work, "result.xlsx")).isFile()).toBe(true);
    expect(fs.readdirSync(work).filter((f) => f.endsWith(".tmp") && !fs.lstatSync(path.join(work, f)).isSymbolicLink())).toEqual([]);
    expect(hash(input)).toBe(before);
  });

  /** Starts zg with --out, waits until its temp file exists, then calls `meanwhile`; resolves with the exit. */
  function whileWriting(target: string, meanwhile: (child: ReturnType<typeof spawn>) => void): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; sawTemp: boolean }> {
    const folder = path.dirname(target);
    // The preload holds the write open for 3 s after the temp file appears, so `meanwhile` lands inside it even when
    // the machine is loaded (CI once saw the poll arrive after zg had published and was exiting).
    const child = spawn(process.execPath, ["-r", SLOW_WRITE, ZG, "score", path.join(SAMPLES, "sample-completion.xlsx"), "--out", target], {
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, ZG_TEST_WRITE_DELAY_MS: "3000" },
    });
    let stderr = "";
    child.stderr?.on("data", (d) => (stderr += d));
    let sawTemp = false;
    const poll = setInterval(() => {
      if (sawTemp) return;
      if (fs.readdirSync(folder).some((f) => f.startsWith(`.${path.basename(target)}.`) && f.endsWith(".tmp"))) {
        sawTemp = true;
        meanwhile(child);
      }
    }, 1);
    return new Promise((resolve) =>
      child.on("exit", (code, signal) => {
        clearInterval(poll);
        resolve({ code, signal, stderr, sawTemp });
      }),
    );
  }

  test("an output that appears while zg writes is kept, not replaced (atomic no-clobber publish)", async () => {
    const work = fs.mkdtempSync(path.join(dir, "race-"));
    const target = path.join(work, "result.xlsx");
    const r = await whileWriting(target, () => fs.writeFileSync(target, "the other process's file"));
    expect(r.sawTemp).toBe(true);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/输出文件在写入期间被创建，未覆盖/);
    expect(r.stderr).toMatch(/appeared while it was being written and was not replaced/);
    expect(fs.readFileSync(target, "utf8")).toBe("the other process's file");
    expect(fs.readdirSync(work)).toEqual(["result.xlsx"]);
  });

  test.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ] as const)("%s while writing (Ctrl-C, kill, a closed terminal): the temporary file is removed, nothing is published", async (signal, status) => {
    const work = fs.mkdtempSync(path.join(dir, `${signal}-`));
    const target = path.join(work, "result.xlsx");
    const r = await whileWriting(target, (child) => child.kill(signal));
    expect(r.sawTemp).toBe(true);
    expect(r).toMatchObject({ code: status, signal: null });
    expect(fs.readdirSync(work)).toEqual([]);
  });

  test("held but not interrupted, the same run publishes a complete workbook (the preload only delays)", async () => {
    const work = fs.mkdtempSync(path.join(dir, "held-"));
    const target = path.join(work, "result.xlsx");
    const r = await whileWriting(target, () => undefined);
    expect(r).toMatchObject({ code: 0, sawTemp: true });
    expect(fs.readdirSync(work)).toEqual(["result.xlsx"]);
    expect(fs.readFileSync(target).subarray(0, 2).toString()).toBe("PK");
  });

  test("an existing output is kept without --force; with --force it is replaced whole", () => {
    const work = fs.mkdtempSync(path.join(dir, "force-"));
    const target = path.join(work, "result.xlsx");
    fs.writeFileSync(target, "mine");
    const refused = run(["check", input, "--out", target]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/输出文件已存在，未覆盖/);
    expect(fs.readFileSync(target, "utf8")).toBe("mine");
    const forced = run(["check", input, "--out", target, "--force"]);
    expect(forced.status).toBe(0);
    expect(fs.readFileSync(target).subarray(0, 2).toString()).toBe("PK");
    expect(fs.readdirSync(work)).toEqual(["result.xlsx"]);
  });
});
