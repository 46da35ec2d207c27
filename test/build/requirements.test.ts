/**
 * The custom functions rely on CustomFunctions.Error (CustomFunctionsRuntime 1.2) and Invocation.parameterAddresses
 * (1.3): the manifest declares 1.3 for them (in <VersionOverrides>, so the task pane still opens and explains on an
 * older Excel), and the pane's notice and docs/build.md give the same versions.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), "utf8");
const manifest = read("manifest.xml").replace(/<!--[\s\S]*?-->/g, "");

test("the functions use what CustomFunctionsRuntime 1.2 and 1.3 add", () => {
  expect(read("src/functions/runtime.ts")).toContain("CustomFunctions.Error");
  expect(read("src/functions/args.ts")).toContain("parameterAddresses");
});

test("the manifest declares CustomFunctionsRuntime 1.3 inside VersionOverrides, and no requirement in the base manifest", () => {
  const overrides = manifest.slice(manifest.indexOf("<VersionOverrides"));
  const base = manifest.slice(0, manifest.indexOf("<VersionOverrides"));
  expect(overrides).toMatch(/<Requirements>\s*<bt:Sets[^>]*>\s*<bt:Set Name="CustomFunctionsRuntime" MinVersion="1\.3"\/>/);
  expect(base).not.toContain("<Requirements>");
});

test("the pane's notice and the support matrix give CustomFunctionsRuntime 1.3's versions, not 1.1's", () => {
  const notice = read("src/taskpane/index.tsx");
  expect(notice).toContain("2008");
  expect(notice).not.toContain("1903");
  const build = read("docs/build.md");
  expect(build).toContain("2008 版（内部版本 13127.20296）");
  expect(build).toContain("from Version 2008 (Build 13127.20296)");
  expect(build).not.toMatch(/CustomFunctionsRuntime 1\.1 (行|row)/);
});
