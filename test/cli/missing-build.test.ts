/**
 * `zg` in a repository whose dist/cli is gone (a web build cleaned dist/) says which command rebuilds it.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ROOT, tmpDir } from "./helpers";

test("no compiled command line: a message naming npm run build:cli, status 2, no stack", () => {
  const clone = tmpDir("zg-no-build-");
  fs.mkdirSync(path.join(clone, "bin"));
  fs.copyFileSync(path.join(ROOT, "bin", "zg.js"), path.join(clone, "bin", "zg.js"));
  const r = spawnSync(process.execPath, [path.join(clone, "bin", "zg.js"), "--version"], { encoding: "utf8" });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain("npm run build:cli");
  expect(r.stderr).not.toMatch(/at |MODULE_NOT_FOUND/);
});
