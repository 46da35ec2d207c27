#!/usr/bin/env node
/**
 * npm start — build (development), serve over https on localhost:3000, and sideload into Excel where Excel is
 * installed (Windows/macOS). Elsewhere it keeps serving and prints the browser preview's address.
 *
 *   npm start                      serve in the foreground; Ctrl+C stops the server (and the sideload)
 *   npm start -- --background      return once the server answers; `npm stop` ends it
 *   npm start -- --no-sideload     never sideload, even where Excel is installed (ZG_SIDELOAD=0 does the same)
 *   npm start -- --port 3001       another port, when 3000 is taken (the browser preview only: the manifest Excel
 *                                  sideloads names port 3000, so another port is never sideloaded)
 *
 * Sideloading uses `npx --yes office-addin-debugging@<pinned version>` (build/sideload.js), never a dependency: it does
 * not install on machines without Excel's native prerequisites, and CI must not depend on it.
 */
"use strict";
const { spawn } = require("child_process");
const fs = require("fs");
const https = require("https");
const net = require("net");
const path = require("path");
const { LOG_FILE, STATE_DIR, readState, writeState, clearState, alive } = require("../build/dev-state");
const { findExcel } = require("../build/find-excel");
const { SIDELOAD_PACKAGE, runSideloadTool } = require("../build/sideload");

const ROOT = path.join(__dirname, "..");
/** The manifest's port (package.json config.dev_server_port): the only one Excel can be sideloaded from. */
const MANIFEST_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
let PORT = MANIFEST_PORT;
let ORIGIN = `https://localhost:${PORT}`;
let PREVIEW = `${ORIGIN}/preview.html`;
const READY_TIMEOUT_MS = 10 * 60 * 1000; // a cold development build of Fluent UI is slow on a busy 2-core machine

/** Resolves when GET url answers 200 (self-signed certificates accepted), rejects after `timeoutMs`. */
function waitForServer(url, timeoutMs, isDead) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (isDead && isDead()) return reject(new Error("开发服务器已退出 / the dev server exited"));
      const req = https.get(url, { rejectUnauthorized: false, timeout: 5000 }, (res) => {
        res.resume();
        if (res.statusCode === 200) resolve();
        else retry();
      });
      req.on("error", retry);
      req.on("timeout", () => req.destroy());
    };
    const retry = () => {
      if (Date.now() > deadline) reject(new Error(`等待 ${url} 超时 / timed out waiting for ${url}`));
      else setTimeout(attempt, 1000);
    };
    attempt();
  });
}

function printUrls(sideloaded) {
  console.log("");
  console.log(`ZG 开发服务器已启动 / ZG dev server is running: ${ORIGIN}`);
  if (sideloaded) {
    console.log("已加载到 Excel：在“开始”选项卡点击“评分与校核”。/ Sideloaded into Excel: Home tab → Score & Check.");
  } else {
    console.log("未检测到桌面版 Excel，未进行旁加载。/ No desktop Excel found here, so nothing was sideloaded.");
  }
  console.log(`在浏览器中预览任务窗格 / Preview the task pane in a browser: ${PREVIEW}`);
  console.log("（本地证书可能需要在浏览器中确认信任 / you may have to accept the local certificate in the browser)");
  console.log("停止：npm stop 或 Ctrl+C / Stop: npm stop or Ctrl+C");
}

/** Resolves to true when something already listens on localhost:port. */
function portTaken(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", (e) => resolve(e.code === "EADDRINUSE" || e.code === "EACCES"));
    probe.once("listening", () => probe.close(() => resolve(false)));
    probe.listen(port, "localhost");
  });
}

async function main() {
  const args = process.argv.slice(2);
  const background = args.includes("--background");
  const portArg = args.indexOf("--port");
  if (portArg >= 0) {
    const wanted = Number(args[portArg + 1]);
    if (!Number.isInteger(wanted) || wanted < 1 || wanted > 65535) {
      console.error(`--port 需要 1–65535 之间的端口号 / --port needs a port number from 1 to 65535: ${args[portArg + 1] ?? ""}`);
      process.exit(2);
    }
    PORT = wanted;
    ORIGIN = `https://localhost:${PORT}`;
    PREVIEW = `${ORIGIN}/preview.html`;
  }
  let sideloadWanted = !args.includes("--no-sideload") && process.env.ZG_SIDELOAD !== "0";
  if (sideloadWanted && PORT !== MANIFEST_PORT) {
    console.log(`端口 ${PORT} 不是清单中的 ${MANIFEST_PORT}，不旁加载到 Excel / port ${PORT} is not the manifest's ${MANIFEST_PORT}: not sideloading into Excel.`);
    sideloadWanted = false;
  }

  const previous = readState();
  if (previous && alive(previous.pid)) {
    console.log(`ZG 开发服务器已在运行（进程 ${previous.pid}）/ already running (pid ${previous.pid})`);
    printUrls(previous.sideloaded);
    return;
  }
  clearState();

  if (await portTaken(PORT)) {
    const next = PORT + 1;
    console.error(`端口 ${PORT} 已被占用（另一个程序或开发服务器正在使用）。可换一个端口：npm start -- --port ${next}（只用于浏览器预览），或先关闭占用该端口的程序。`);
    console.error(`Port ${PORT} is already in use (another program or dev server). Use another one: npm start -- --port ${next} (browser preview only), or close the program using it.`);
    process.exit(1);
  }

  fs.mkdirSync(STATE_DIR, { recursive: true });
  const webpackCli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const out = background ? fs.openSync(LOG_FILE, "w") : "inherit";
  // Its own process group on POSIX, so stop.js can end webpack and everything it started in one signal.
  const server = spawn(process.execPath, [webpackCli, "serve", "--mode", "development"], {
    cwd: ROOT,
    // webpack.config.js takes the dev server's port from here (npm sets it from package.json config).
    env: { ...process.env, npm_package_config_dev_server_port: String(PORT) },
    detached: process.platform !== "win32",
    stdio: ["ignore", out, out],
    windowsHide: true,
  });
  let exited = false;
  server.on("exit", () => (exited = true));
  writeState({ pid: server.pid, group: process.platform !== "win32", sideloaded: false, started: new Date().toISOString() });
  console.log(`正在构建并启动开发服务器…… / building and starting the dev server… (pid ${server.pid})`);

  const stopAll = () => {
    require("./stop").stop({ quiet: false });
    process.exit(0);
  };
  if (!background) {
    process.on("SIGINT", stopAll);
    process.on("SIGTERM", stopAll);
  }

  try {
    await waitForServer(PREVIEW, READY_TIMEOUT_MS, () => exited);
  } catch (e) {
    console.error(`启动失败 / failed to start: ${e.message}`);
    if (background) console.error(`日志 / log: ${LOG_FILE}`);
    require("./stop").stop({ quiet: true });
    process.exit(1);
  }

  let sideloaded = false;
  const excel = sideloadWanted ? findExcel() : null;
  if (excel) {
    console.log(`检测到 Excel / found Excel: ${excel}`);
    console.log(`旁加载工具 / sideloading with ${SIDELOAD_PACKAGE}`);
    const r = runSideloadTool(["start", "manifest.xml", "desktop", "--app", "excel", "--dev-server-port", String(PORT), "--no-debug"], { cwd: ROOT });
    sideloaded = r.status === 0;
    if (!sideloaded) console.error("旁加载失败，服务器继续运行 / sideloading failed; the server keeps running.");
    writeState({ ...readState(), sideloaded });
  }
  printUrls(sideloaded);

  if (background) {
    server.unref();
    process.exit(0);
  }
  server.on("exit", (code) => {
    clearState();
    process.exit(code || 0);
  });
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

module.exports = { waitForServer };
