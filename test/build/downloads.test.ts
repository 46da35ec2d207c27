/**
 * `npm start` and `npm stop` may fetch exactly one package at run time (the sideloading tool, where Excel is
 * installed), and always the same version: an unpinned `npx --yes pkg` would run whatever the registry serves
 * that day. These tests fail if an unpinned download comes back.
 */
import * as fs from "fs";
import * as path from "path";

const root = path.join(__dirname, "..", "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SIDELOAD_PACKAGE } = require("../../build/sideload") as { SIDELOAD_PACKAGE: string };
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const installed = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]);

function jsFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir))
    .filter((f) => /\.(c?js|ts)$/.test(f))
    .map((f) => path.join(dir, f));
}

test("the sideloading tool is pinned to one exact version", () => {
  expect(SIDELOAD_PACKAGE).toMatch(/^office-addin-debugging@\d+\.\d+\.\d+$/);
});

test("npx is spawned in one place only, and never names the tool unpinned", () => {
  for (const file of [...jsFiles("scripts"), ...jsFiles("build")]) {
    const src = fs.readFileSync(path.join(root, file), "utf8");
    if (file === path.join("build", "sideload.js")) continue;
    // Comments may mention the tool; code may not spawn npx or name the package itself.
    const code = src.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
    expect({ file, npx: /["'`]npx(\.cmd)?["'`]/.test(code) }).toEqual({ file, npx: false });
    expect({ file, tool: /["'`]office-addin-debugging/.test(code) }).toEqual({ file, tool: false });
  }
});

test("package.json scripts run only installed packages through npx", () => {
  for (const [name, command] of Object.entries(pkg.scripts)) {
    for (const m of command.matchAll(/\bnpx\s+(?:--?\S+\s+)*([@\w./-]+)/g)) {
      const spec = m[1];
      const bare = spec.replace(/(?<=.)@[^/]*$/, "");
      expect({ script: name, spec, local: installed.has(bare) || /@\d+\.\d+\.\d+$/.test(spec) }).toEqual({ script: name, spec, local: true });
    }
  }
});
