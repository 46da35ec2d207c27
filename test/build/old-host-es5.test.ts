/**
 * dist/old-host.js is checked as ES5 after minification, not only its source: terser runs over it with the pages'
 * ES2020 target, where it may use ES2015 forms (shorthand properties, say) that Internet Explorer 11 cannot parse.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack, { type Configuration, type Stats } from "webpack";
import CopyWebpackPlugin from "copy-webpack-plugin";
import { Es2016Gate } from "../../build/plugins";

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, "..", "..");

/** The pages' production set-up in small: an ES2020 target, a file copied as written, the gate on the output. */
function build(source: string): Promise<Stats> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zg-old-host-"));
  fs.writeFileSync(path.join(dir, "entry.js"), "module.exports = 1;\n");
  fs.writeFileSync(path.join(dir, "old-host.js"), source);
  const config: Configuration = {
    context: dir,
    mode: "production",
    devtool: false,
    target: ["web", "es2020"],
    entry: { page: "./entry.js" },
    output: { path: path.join(dir, "out") },
    plugins: [new CopyWebpackPlugin({ patterns: [{ from: "old-host.js", to: "old-host.js" }] }), new Es2016Gate({ files: ["old-host.js"], ecmaVersion: 5 })],
  };
  return new Promise((resolve, reject) => webpack(config, (err, stats) => (err || !stats ? reject(err) : resolve(stats))));
}

test("an ES5 file that the minifier keeps ES5 passes", async () => {
  const stats = await build('(function () { var a = 1; window.x = { b: a + 1 }; })();\n');
  expect(stats.compilation.errors).toEqual([]);
});

test("the check reads the minified output: what the minifier turns into ES2015 fails the build", async () => {
  // Valid ES5 as written; terser (ecma 2020) writes { a } for { a: a }.
  const stats = await build("(function () { var a = Math.random(); window.x = { a: a }; })();\n");
  const minified = String(stats.compilation.getAsset("old-host.js")?.source.source());
  expect(minified).toMatch(/\{a\}/);
  expect(stats.compilation.errors.map((e) => e.message).join("\n")).toMatch(/old-host\.js .*ECMAScript 5/);
});

test("webpack.config.js puts that check on the shipped old-host.js", () => {
  const text = fs.readFileSync(path.join(ROOT, "webpack.config.js"), "utf8");
  expect(text).toMatch(/new Es2016Gate\(\{ files: \["old-host\.js"\], ecmaVersion: 5/);
});
