/**
 * The custom functions must load in Excel's JavaScript-only runtime, which "directly supports the ECMAScript 2016
 * standard" on Office for Windows before version 2403 and on perpetual Office through Office 2021 (Microsoft,
 * "Runtimes in Office Add-ins", OfficeDev/office-js-docs-pr docs/testing/runtimes.md, sentence added in commit
 * e270188 of April 2024 and removed in 7f459a0 of November 2025 with the end of support for Office 2016/2019 —
 * Office 2021 is still what many offices run). Three gates keep the bundle there, each shown here to trip:
 *   1. the production build fails when functions.js does not parse as ES2016 (Es2016Gate, acorn);
 *   2. `npm run lint` type-checks the functions' source tree against lib ES2016 (tsconfig.functions.json), so an
 *      ES2017+ library call (Object.entries, padStart, flatMap, …) is a compile error;
 *   3. globalThis (ES2020), which TypeScript declares whatever the lib, is not used in that tree at all.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack, { type Configuration, type Stats } from "webpack";
import { Es2016Gate, syntaxProblem } from "../../build/plugins";

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, "../..");
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "zg-es2016-"));
  fs.writeFileSync(path.join(dir, "bigint.js"), "module.exports = function (n) { return 10n ** BigInt(n); };\n");
  fs.writeFileSync(path.join(dir, "chain.js"), "module.exports = function (o) { return o?.a ?? 1; };\n");
  fs.writeFileSync(path.join(dir, "async.js"), "module.exports = async function (p) { return await p; };\n");
  fs.writeFileSync(path.join(dir, "es2016.js"), "module.exports = function (xs, n) { return xs.includes(n) ? n ** 2 : [...xs].map((x) => x * 2); };\n");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function build(entry: string, mode: "production" | "development" = "production"): Promise<Stats> {
  const out = fs.mkdtempSync(path.join(dir, "out-"));
  const config: Configuration = {
    context: dir,
    mode,
    devtool: false,
    // As webpack.config.js builds the functions entry: ES2016 webpack runtime, never globalThis.
    target: ["web", "es2016"],
    entry: { functions: `./${entry}` },
    output: { path: out, filename: "[name].js", globalObject: "(typeof self !== 'undefined' ? self : this)" },
    plugins: [new Es2016Gate({ files: ["functions.js"] })],
  };
  return new Promise((resolve, reject) => webpack(config, (err, stats) => (err || !stats ? reject(err) : resolve(stats))));
}
const errors = (stats: Stats) => stats.toJson({ all: false, errors: true }).errors?.map((e) => e.message).join("\n") ?? "";

describe("Es2016Gate (the build fails on a bundle the ES2016 runtime cannot parse)", () => {
  test.each([
    ["a BigInt literal (ES2020)", "bigint.js"],
    ["?. and ?? (ES2020)", "chain.js"],
    ["an async function (ES2017)", "async.js"],
  ])("%s fails the build, naming the file, the place and the runtime", async (_what, entry) => {
    const stats = await build(entry);
    expect(stats.hasErrors()).toBe(true);
    expect(errors(stats)).toMatch(/functions\.js 不能按 ECMAScript 2016 解析（第 \d+ 行第 \d+ 列.*does not parse as ECMAScript 2016 \(line \d+, column \d+.*Office 2021/s);
  });

  test("ES2016 code (includes, **, spread, arrows) passes, minified or not", async () => {
    expect(errors(await build("es2016.js"))).toBe("");
    expect(errors(await build("es2016.js", "development"))).toBe("");
  });

  test("syntaxProblem says where, and null for good code", () => {
    expect(syntaxProblem("var a = 1;\nvar b = a?.c;", 2016)).toMatchObject({ line: 2, column: 11 });
    expect(syntaxProblem("var a = 2 ** 3;", 2016)).toBeNull();
  });
});

describe("tsconfig.functions.json (npm run lint): ES2017+ library calls are compile errors", () => {
  test("Object.entries, padStart and flatMap fail the type-check; ES2016 calls pass", () => {
    const src = path.join(dir, "calls.ts");
    fs.writeFileSync(
      src,
      [
        "export const a = Object.entries({ x: 1 });",
        'export const b = "7".padStart(3, "0");',
        "export const c = [[1], [2]].flatMap((x) => x);",
        "export const ok = [1, 2].includes(2) && Object.keys({}).length === 0;",
        "",
      ].join("\n"),
    );
    const cfg = path.join(dir, "tsconfig.check.json");
    // Outside the project, so its types are found through typeRoots.
    const typeRoots = [path.join(ROOT, "node_modules/@types")];
    fs.writeFileSync(cfg, JSON.stringify({ extends: path.join(ROOT, "tsconfig.functions.json"), compilerOptions: { typeRoots }, files: [src], include: [] }));
    let out = "";
    try {
      execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "--noEmit", "-p", cfg], { encoding: "utf8" });
    } catch (e) {
      out = String((e as { stdout?: string }).stdout ?? "");
    }
    const lines = out.split("\n").filter((l) => l.includes("calls.ts("));
    expect(lines.some((l) => l.includes("calls.ts(1,") && /'entries'/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes("calls.ts(2,") && /'padStart'/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes("calls.ts(3,") && /'flatMap'/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes("calls.ts(4,"))).toBe(false);
  });

  test("the functions' own source tree passes it", () => {
    expect(() => execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "--noEmit", "-p", path.join(ROOT, "tsconfig.functions.json")], { encoding: "utf8" })).not.toThrow();
  });
});

describe("globalThis (ES2020) is not used by the functions' source tree", () => {
  test("no file reachable from src/functions/functions.ts names it", () => {
    // TypeScript declares globalThis under every lib, so the type-check above cannot catch it.
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = fs.readFileSync(file, "utf8");
      for (const m of text.matchAll(/from\s+"(\.{1,2}\/[^"]+)"/g)) {
        const base = path.resolve(path.dirname(file), m[1]);
        const next = [`${base}.ts`, path.join(base, "index.ts")].find((f) => fs.existsSync(f));
        if (next) visit(next);
      }
    };
    visit(path.join(ROOT, "src/functions/functions.ts"));
    const reached = [...seen];
    expect(reached.length).toBeGreaterThan(10);
    const offenders = reached.filter((f) => /\bglobalThis\b/.test(fs.readFileSync(f, "utf8").replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "")));
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
  });
});
