/**
 * `zg` installed like a program: the package npm run pack:zg makes installs into an empty prefix with the registry
 * unreachable and an empty npm cache, and the installed command scores a workbook exactly as the repository's does.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { helpText } from "../../src/cli/help";
import { buildCli, json, SAMPLES, tmpDir, zg } from "./helpers";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { packZg } = require("../../build/pack-zg") as { packZg(o: { outDir: string; quiet: boolean }): string };

jest.setTimeout(300_000);

test("the packed zg installs with no registry and no cache, and the installed command scores a workbook", () => {
  const out = tmpDir("zg-pack-");
  const tarball = packZg({ outDir: out, quiet: true });
  expect(path.basename(tarball)).toMatch(/^zg-\d+\.\d+\.\d+\.tgz$/);
  // Small: the add-in's dependencies (React, Fluent UI, Office.js) are not in it.
  expect(fs.statSync(tarball).size).toBeLessThan(1024 * 1024);

  const prefix = tmpDir("zg-prefix-");
  const env = {
    ...process.env,
    npm_config_registry: "http://127.0.0.1:9/",
    npm_config_cache: tmpDir("zg-empty-cache-"),
    npm_config_prefix: prefix,
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_update_notifier: "false",
    npm_config_fetch_retries: "0",
  };
  const started = Date.now();
  const install = spawnSync("npm", ["install", "-g", tarball], { env, encoding: "utf8", timeout: 120_000 });
  expect({ status: install.status, stderr: install.status === 0 ? "" : install.stderr }).toEqual({ status: 0, stderr: "" });
  // Nothing waited on the unreachable registry.
  expect(Date.now() - started).toBeLessThan(60_000);

  const installed = path.join(prefix, "bin", "zg");
  expect(fs.existsSync(installed)).toBe(true);
  const version = spawnSync(installed, ["--version"], { encoding: "utf8" });
  expect(version.stdout.trim()).toMatch(/^zg \d+\.\d+\.\d+$/);

  const sample = path.join(SAMPLES, "sample-completion.xlsx");
  const scored = spawnSync(installed, ["score", sample, "--json"], { encoding: "utf8", cwd: out, env: { ...process.env, PATH: `${path.join(prefix, "bin")}:${process.env.PATH}` } });
  expect({ status: scored.status, stderr: scored.stderr }).toEqual({ status: 0, stderr: "" });
  buildCli();
  expect(JSON.parse(scored.stdout)).toEqual(json(zg(["score", sample, "--json"])));
});

test("every --help shows the installed command, zg …, never npx zg …", () => {
  for (const command of [null, "check", "score", "template", "collect", "gap"] as const) {
    const text = helpText(command);
    expect(text).toMatch(/^ {2}zg /m);
    expect(text).not.toMatch(/npx/);
  }
});
