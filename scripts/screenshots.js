#!/usr/bin/env node
/**
 * npm run screenshots — refreshes the README's pictures: runs the end-to-end test (which writes its screenshots to the
 * ignored test-results/screenshots/) and copies the ones the README shows into docs/screenshots/. The only command that
 * rewrites those tracked files; the test run itself never does.
 */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const from = path.join(root, "test-results", "screenshots");
const to = path.join(root, "docs", "screenshots");

const run = spawnSync(process.execPath, [path.join(root, "test", "e2e", "run.js")], { cwd: root, stdio: "inherit", env: { ...process.env, ZG_SCREENSHOTS_DIR: from } });
if (run.status !== 0) {
  console.error("端到端测试未通过，未更新截图 / the end-to-end run failed; screenshots left as they were");
  process.exit(run.status || 1);
}
const shown = fs.readdirSync(to).filter((f) => f.endsWith(".png"));
const fresh = new Set(fs.readdirSync(from));
for (const f of fs.readdirSync(from).filter((x) => x.endsWith(".png"))) fs.copyFileSync(path.join(from, f), path.join(to, f));
const stale = shown.filter((f) => !fresh.has(f));
console.log(`已更新 / updated: ${[...fresh].filter((f) => f.endsWith(".png")).join(", ")}`);
if (stale.length) console.log(`不再生成、请检查 / no longer produced, check: ${stale.join(", ")}`);
