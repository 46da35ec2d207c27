/**
 * The two build gates, run through webpack itself on a tiny project: a bundle over its gzip budget fails the
 * production build, and so does a custom function without a Chinese description.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack, { type Compiler, type Configuration, type Stats } from "webpack";
import { budgets, KB } from "../../build/budgets";
import { BundleBudgetPlugin, LocalizeFunctionsPlugin, gzipSize } from "../../build/plugins";

jest.setTimeout(120_000);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "zg-budget-"));
  // Random text does not compress, so its gzip size is predictable.
  const blob = Array.from({ length: 6000 }, (_, i) => ((i * 2654435761) >>> 0).toString(36)).join("");
  fs.writeFileSync(path.join(dir, "big.js"), `globalThis.blob = ${JSON.stringify(blob)};\n`);
  fs.writeFileSync(path.join(dir, "small.js"), "globalThis.answer = 42;\n");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(config: Configuration): Promise<{ stats: Stats; out: string }> {
  const out = fs.mkdtempSync(path.join(dir, "out-"));
  return new Promise((resolve, reject) => {
    webpack({ context: dir, mode: "production", devtool: false, output: { path: out, filename: "[name].js" }, ...config }, (err, stats) =>
      err || !stats ? reject(err) : resolve({ stats, out }),
    );
  });
}
const messages = (stats: Stats) => stats.toJson({ all: false, errors: true }).errors?.map((e) => e.message) ?? [];

describe("budgets module", () => {
  test("holds the agreed limits", () => {
    expect(budgets["functions.js"]).toEqual({ maxGzipBytes: 40 * KB, enforce: true });
    expect(budgets["taskpane.js"]).toEqual({ maxGzipBytes: 350 * KB, enforce: true });
    expect(budgets["preview.js"].enforce).toBe(false);
  });
});

describe("BundleBudgetPlugin", () => {
  test("fails a production build whose bundle is over budget, naming file and sizes", async () => {
    const plugin = new BundleBudgetPlugin({ budgets: { "functions.js": { maxGzipBytes: 4 * KB, enforce: true } }, log: false });
    const { stats, out } = await run({ entry: { functions: "./big.js" }, plugins: [plugin] });
    expect(stats.hasErrors()).toBe(true);
    expect(messages(stats).join("\n")).toMatch(/functions\.js 超出体积预算.*over its budget.*limit 4\.0 KB/s);
    expect(fs.existsSync(path.join(out, "functions.js"))).toBe(false); // nothing shipped from a failed build
  });

  test("passes within budget and writes the measured sizes for the benchmark", async () => {
    const plugin = new BundleBudgetPlugin({
      budgets: { "functions.js": { maxGzipBytes: 1 * KB, enforce: true }, "preview.js": { maxGzipBytes: 10, enforce: false } },
      log: false,
    });
    const { stats, out } = await run({ entry: { functions: "./small.js", preview: "./big.js" }, plugins: [plugin] });
    expect(messages(stats)).toEqual([]);
    const report = JSON.parse(fs.readFileSync(path.join(out, "bundle-sizes.json"), "utf8"));
    const fn = report.bundles.find((b: { file: string }) => b.file === "functions.js");
    expect(fn.gzipBytes).toBe(gzipSize(fs.readFileSync(path.join(out, "functions.js"))));
    // preview.js is far over its limit but only reported.
    expect(report.bundles.find((b: { file: string }) => b.file === "preview.js")).toMatchObject({ over: true, enforced: false });
  });

  test("with merge, a second configuration adds its rows to the first one's report (one bundle-sizes.json)", async () => {
    const first = await run({ entry: { functions: "./small.js" }, plugins: [new BundleBudgetPlugin({ log: false })] });
    const out = first.out;
    const second = await new Promise<Stats>((resolve, reject) =>
      webpack(
        { context: dir, mode: "production", devtool: false, output: { path: out, filename: "[name].js" }, entry: { taskpane: "./small.js" }, plugins: [new BundleBudgetPlugin({ log: false, merge: true })] },
        (err, stats) => (err || !stats ? reject(err) : resolve(stats)),
      ),
    );
    expect(messages(second)).toEqual([]);
    const report = JSON.parse(fs.readFileSync(path.join(out, "bundle-sizes.json"), "utf8"));
    expect(report.bundles.map((b: { file: string }) => b.file)).toEqual(["functions.js", "taskpane.js"]);
  });

  test("development builds report without failing", async () => {
    const plugin = new BundleBudgetPlugin({ budgets: { "functions.js": { maxGzipBytes: 10, enforce: true } }, enforce: false, log: false });
    const { stats } = await run({ mode: "development", entry: { functions: "./big.js" }, plugins: [plugin] });
    expect(stats.hasErrors()).toBe(false);
  });
});

/** Stands in for custom-functions-metadata-plugin: emits a fixed functions.json. */
class FakeMetadata {
  constructor(private readonly json: object) {}
  apply(compiler: Compiler) {
    compiler.hooks.thisCompilation.tap("FakeMetadata", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "FakeMetadata", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.emitAsset("functions.json", new webpack.sources.RawSource(JSON.stringify(this.json)));
      });
    });
  }
}

describe("LocalizeFunctionsPlugin", () => {
  const md = {
    functions: [{ id: "SUMCHECK", name: "SUMCHECK", description: "Sum check.", parameters: [{ name: "parts", type: "number" }] }],
  };

  test("emits functions.zh-CN.json from the table", async () => {
    const table = path.join(dir, "zh-ok.json");
    fs.writeFileSync(table, JSON.stringify({ SUMCHECK: { description: "合计校核", parameters: { parts: "分项数值" } } }));
    const { stats, out } = await run({ entry: { functions: "./small.js" }, plugins: [new FakeMetadata(md), new LocalizeFunctionsPlugin({ table })] });
    expect(messages(stats)).toEqual([]);
    const zh = JSON.parse(fs.readFileSync(path.join(out, "functions.zh-CN.json"), "utf8"));
    expect(zh.functions[0]).toMatchObject({ id: "SUMCHECK", description: "合计校核", parameters: [{ name: "parts", description: "分项数值" }] });
  });

  test("fails the build and names what is missing", async () => {
    const table = path.join(dir, "zh-partial.json");
    fs.writeFileSync(table, JSON.stringify({ SUMCHECK: { description: "合计校核", parameters: {} } }));
    const { stats } = await run({ entry: { functions: "./small.js" }, plugins: [new FakeMetadata(md), new LocalizeFunctionsPlugin({ table })] });
    expect(stats.hasErrors()).toBe(true);
    expect(messages(stats).join("\n")).toMatch(/缺少中文说明.*SUMCHECK\.parts/);
  });

  test("fails the build when the table is absent", async () => {
    const table = path.join(dir, "nope.json");
    const { stats } = await run({ entry: { functions: "./small.js" }, plugins: [new FakeMetadata(md), new LocalizeFunctionsPlugin({ table })] });
    expect(messages(stats).join("\n")).toMatch(/无法读取函数中文说明表.*cannot read the Chinese function table/s);
  });
});
