#!/usr/bin/env node
/**
 * npm stop — ends the dev server that `npm start` started (by the process id it recorded, never by name) and,
 * if the add-in was sideloaded, removes it from Excel with `npx --yes office-addin-debugging@<pinned> stop` (build/sideload.js).
 */
"use strict";
const { spawnSync } = require("child_process");
const path = require("path");
const { readState, clearState, alive } = require("../build/dev-state");
const { runSideloadTool } = require("../build/sideload");

const ROOT = path.join(__dirname, "..");

function kill(state) {
  if (process.platform === "win32") {
    spawnSync("taskkill", ["/pid", String(state.pid), "/T", "/F"], { stdio: "ignore", windowsHide: true });
    return;
  }
  try {
    // The server runs in its own process group: signal the group so webpack's workers end too.
    process.kill(state.group ? -state.pid : state.pid, "SIGTERM");
  } catch {
    // Already gone.
  }
}

function stop({ quiet = false } = {}) {
  const state = readState();
  if (!state) {
    if (!quiet) console.log("没有正在运行的 ZG 开发服务器 / no ZG dev server is running");
    return false;
  }
  if (state.sideloaded) {
    runSideloadTool(["stop", "manifest.xml"], { cwd: ROOT, quiet });
  }
  if (alive(state.pid)) kill(state);
  clearState();
  if (!quiet) console.log(`已停止 ZG 开发服务器（进程 ${state.pid}）/ stopped the ZG dev server (pid ${state.pid})`);
  return true;
}

if (require.main === module) stop();

module.exports = { stop };
