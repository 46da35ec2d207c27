/**
 * `npx zg …` from the repository root, as cli.md and the README promise. npm links the project into its
 * npx cache and runs its `prepare` script (npm run build:cli) on the way, so this also fails when the
 * engine or the CLI does not compile. A fresh npm cache keeps a failed earlier attempt from masking the result.
 */
import { spawnSync } from "child_process";
import * as path from "path";
import { ROOT, SAMPLES, tmpDir } from "./helpers";

jest.setTimeout(300_000);

function compileErrors(): string[] {
  const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
  const r = spawnSync(process.execPath, [tsc, "-p", "tsconfig.cli.json", "--noEmit"], { cwd: ROOT, encoding: "utf8" });
  return r.stdout.split("\n").filter((l) => l.includes("error TS"));
}

test("npx zg runs the command line: help, and a check with its JSON", () => {
  const cache = tmpDir("zg-npm-cache-");
  const env = { ...process.env, npm_config_cache: cache, npm_config_yes: "true", npm_config_update_notifier: "false" };
  const help = spawnSync("npx", ["zg", "--help"], { cwd: ROOT, env, encoding: "utf8", timeout: 240_000 });
  // On failure, show what npm said (a type error anywhere in src/core or src/cli fails the prepare step).
  // npx hides the output of the prepare step: on failure, show what the compiler says.
  const errors =
    help.status === 0
      ? []
      : [
          ...`${help.stdout}\n${help.stderr}`.split("\n").filter((l) => /npm error/.test(l)),
          ...compileErrors(),
        ];
  expect({ status: help.status, errors }).toEqual({ status: 0, errors: [] });
  expect(help.stdout).toContain("zg check");

  const check = spawnSync("npx", ["zg", "check", path.join(SAMPLES, "2020-decomposition.xlsx"), "--json"], {
    cwd: ROOT,
    env,
    encoding: "utf8",
    timeout: 240_000,
  });
  expect(check.status).toBe(0);
  expect(JSON.parse(check.stdout).results).toHaveLength(18);
});
