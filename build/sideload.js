/**
 * The one package `npm start` / `npm stop` fetch at run time: office-addin-debugging, which sideloads the add-in into
 * desktop Excel. It is not a dependency (it does not install on the CI machines, see docs/build.md), so npx fetches it
 * where Excel is installed — always this exact version, never whatever "latest" is that day.
 */
"use strict";
const { spawnSync } = require("child_process");

const SIDELOAD_PACKAGE = "office-addin-debugging@7.0.0";

/** Runs `npx --yes office-addin-debugging@<pinned> …args` in `cwd`; returns spawnSync's result. */
function runSideloadTool(args, { cwd, quiet = false } = {}) {
  const cmd = process.platform === "win32" ? "npx.cmd" : "npx";
  return spawnSync(cmd, ["--yes", SIDELOAD_PACKAGE, ...args], {
    cwd,
    stdio: quiet ? "ignore" : "inherit",
    shell: process.platform === "win32",
  });
}

module.exports = { SIDELOAD_PACKAGE, runSideloadTool };
