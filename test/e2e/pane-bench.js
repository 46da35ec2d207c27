#!/usr/bin/env node
/**
 * The task pane's speed in Chromium (issue 14), on the preview's 90-county sample, in memory: how long 评分 takes
 * from the click until the results are on screen, and how long 写入评分结果表 takes until the sheet is written.
 * Measured inside the page (performance.now around the click, then polling each animation frame), median of
 * several runs. Prints one JSON object on the last line: { scoreMs: [...], writeMs: [...] }.
 *
 *   node test/e2e/pane-bench.js [--profile out.cpuprofile]   (dist/ must hold a production build)
 */
"use strict";
/* global window, document, performance, requestAnimationFrame -- the page.evaluate callbacks run in the browser */
const fs = require("fs");
const os = require("os");
const path = require("path");
const { serve } = require("./serve");

const root = path.join(__dirname, "..", "..");
const dist = path.join(root, "dist");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

/** In the page: clicks the button named `name` and resolves with the ms until `done()` holds and no spinner shows. */
async function timeClick(page, name, doneExpr) {
  return page.evaluate(
    ({ name, doneExpr }) =>
      new Promise((resolve, reject) => {
        const pane = document.querySelector("aside.pane");
        const button = [...pane.querySelectorAll("button")].find((b) => b.textContent.trim() === name && b.getAttribute("role") !== "tab");
        if (!button) return reject(new Error(`no button ${name}`));
        const done = new Function(`return (${doneExpr})`);
        const t0 = performance.now();
        button.click();
        const started = Date.now();
        const poll = () => {
          const busy = pane.querySelector('[role="status"]');
          if (!busy && !button.disabled && done()) return resolve(performance.now() - t0);
          if (Date.now() - started > 60_000) return reject(new Error(`${name}: not done after 60 s`));
          requestAnimationFrame(poll);
        };
        requestAnimationFrame(poll);
      }),
    { name, doneExpr },
  );
}

async function main() {
  const args = process.argv.slice(2);
  const profileAt = args.indexOf("--profile");
  const profile = profileAt >= 0 ? args[profileAt + 1] : null;
  const runs = Number(process.env.ZG_PANE_RUNS || 5);
  if (!fs.existsSync(path.join(dist, "preview.html"))) throw new Error("dist/preview.html missing: npm run build first");
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
  const { chromium } = require("playwright-core");
  const server = await serve(dist);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "zg-bench-home-"));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zg-bench-profile-"));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    env: { ...process.env, HOME: home },
    viewport: { width: 1280, height: 820 },
    locale: "zh-CN",
  });
  try {
    const page = context.pages()[0] || (await context.newPage());
    page.setDefaultTimeout(60_000);
    await page.goto(`${server.url}/preview.html`);
    const pane = page.locator("aside.pane");
    await pane.getByRole("tab", { name: "评分" }).click();
    await pane.getByText(/完成情况表 · 列对应关系/).waitFor();
    let session = null;
    if (profile) {
      session = await context.newCDPSession(page);
      await session.send("Profiler.enable");
      await session.send("Profiler.setSamplingInterval", { interval: 200 });
      await session.send("Profiler.start");
    }
    const scoreMs = [];
    for (let i = 0; i < runs; i++) scoreMs.push(await timeClick(page, "评分", "document.querySelector('[data-testid=province-table]') && document.querySelector('[data-stale=\"false\"]')"));
    const writeMs = [];
    for (let i = 0; i < runs; i++) {
      // Each write is a first write: the previous results sheet is removed untimed, so no replace dialog is asked.
      await page.evaluate(() => {
        const b = window.zgBook;
        const k = b.sheets.findIndex((s) => s.name === "ZG评分结果");
        if (k >= 0) b.sheets.splice(k, 1);
      });
      writeMs.push(await timeClick(page, "写入评分结果表（实时公式）", "window.zgBook.sheets.some((s) => s.name === 'ZG评分结果')"));
    }
    if (session) {
      const { profile: p } = await session.send("Profiler.stop");
      fs.writeFileSync(profile, JSON.stringify(p));
    }
    process.stdout.write(`${JSON.stringify({ scoreMs, writeMs })}\n`);
  } finally {
    await context.close();
    await server.close();
    fs.rmSync(home, { recursive: true, force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`${(e && e.stack) || e}\n`);
  process.exitCode = 1;
});
