#!/usr/bin/env node
/**
 * `npm run preview`: the task pane in a plain browser, beside a grid of the sample workbooks (docs/taskpane.md).
 * Builds dist/ when it is missing or older than the sources, then serves it on https://localhost:3000
 * (the dev certificate of scripts/certs.js) and prints the address. Ctrl+C stops it.
 *
 *   --port N      another port (default: package.json config.dev_server_port, 3000)
 *   --http        plain http (no certificate needed)
 *   --no-build    serve dist/ as it is
 */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { serve } = require("../test/e2e/serve");

const root = path.join(__dirname, "..");
const dist = path.join(root, "dist");
const args = process.argv.slice(2);
const portArg = args.indexOf("--port");
const port = portArg >= 0 ? Number(args[portArg + 1]) : Number(process.env.npm_package_config_dev_server_port || 3000);

/** Newest modification time under a folder (the sources the bundle is built from). */
function newest(dir) {
  let t = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

function needsBuild() {
  const built = path.join(dist, "preview.js");
  if (!fs.existsSync(built)) return true;
  return newest(path.join(root, "src")) > fs.statSync(built).mtimeMs;
}

async function main() {
  if (!args.includes("--no-build") && needsBuild()) {
    console.log("正在构建 / building…");
    const r = spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], { cwd: root, stdio: "inherit" });
    if (r.status !== 0) process.exit(r.status || 1);
  }
  let tls = null;
  if (!args.includes("--http")) {
    const { getHttpsOptions } = require("./certs");
    const { key, cert } = await getHttpsOptions();
    tls = { key, cert };
  }
  const server = await serve(dist, { port, tls });
  const url = `${server.url}/preview.html`;
  console.log(`预览已启动 / preview running: ${url}`);
  console.log("演示“不足”标记 / with a shortfall to mark: " + `${url}?fixture=short`);
  console.log("按 Ctrl+C 停止 / Ctrl+C to stop");
  const stop = () => server.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e) => {
  console.error(`预览启动失败 / preview failed: ${(e && e.message) || e}`);
  process.exit(1);
});
