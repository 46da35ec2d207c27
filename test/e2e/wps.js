#!/usr/bin/env node
/**
 * The WPS 加载项's functions in Chromium (part of npm run test:e2e): dist/wps/index.html is loaded as WPS loads it,
 * with a stand-in `wps` that records wps.AddCustomFunction(namespace, name, fn) as WPS's page on 加载项自定义函数
 * describes it. Excel's own functions (dist/functions.js, recorded through a stand-in CustomFunctions.associate) run in
 * the same page. Every recorded function, called with two-dimensional arrays, must answer synchronously (a value,
 * never a Promise) and give what the Excel function gives; dist/wps/functions.json must list every one of them.
 *
 *   ZG_E2E_SKIP_BUILD=1  reuse the current dist/ (it must hold a build)
 *   CHROMIUM=/path        another Chromium binary
 */
"use strict";
/* global window -- the page.evaluate callbacks run in the browser */
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { serve } = require("./serve");

const root = path.join(__dirname, "..", "..");
const dist = path.join(root, "dist");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

let failed = 0;
let passed = 0;
function check(name, ok, detail) {
  if (ok) passed++;
  else failed++;
  process.stdout.write(`  ${ok ? "✓" : "✗"} ${name}${ok ? "" : `\n      ${detail}`}\n`);
}

function build() {
  if (process.env.ZG_E2E_SKIP_BUILD && fs.existsSync(path.join(dist, "wps", "index.html"))) return;
  const r = spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], { cwd: root, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  if (r.status !== 0) throw new Error(`webpack build failed:\n${r.stdout.slice(-3000)}${r.stderr.slice(-3000)}`);
}

/** 90 counties' values with ties, blanks and text, as a filled-down =ZG.RANKSCORE(C2,C$2:C$91) reads them. */
const ref = Array.from({ length: 90 }, (_, i) => [i % 17 === 0 ? "" : i % 23 === 0 ? "未填" : Math.round(((i * 37) % 50) * 0.7 * 10) / 10]);
const cities = Array.from({ length: 90 }, (_, i) => [["杭州市", "宁波市", "温州市"][i % 3]]);
const counties = Array.from({ length: 12 }, (_, i) => [`县${i + 1}`]);
const countyCities = counties.map((_, i) => [["杭州市", "宁波市", "温州市", "湖州市"][i % 4]]);
const totals = counties.map((_, i) => [60 + ((i * 13) % 29)]);

/** [function, arguments] — each call as a cell would make it; arguments are 2-D arrays or single values. */
const CASES = [
  ["TARGET", [[["10%以上"]]]],
  ["TARGET", [[["10%以上"], ["300台"], ["不低于5%"], ["abc"]]]],
  ["UNIT", [[["300台"], ["10%以上"]]]],
  ...ref.map((r) => ["RANKSCORE", [[r], ref]]),
  ["RANKSCORE", [ref, ref, 1, 10, 0.5, 6]],
  ["RANKSCOREBY", [[[ref[3][0]]], ref, [["杭州市"]], cities]],
  ["STDSCORE", [[[9.5]], [[10], [9.5], [9]], 60, "full"]],
  ["STDSCORE", [[[9.5], [8]], [[10], [9.5], [9]], 20, "max"]],
  ["COMPLETION", [[["120台"], ["80台"]], [["100台"], ["100台"]]]],
  ["OVERTARGET", [[["12%"]], [["10%以上"]]]],
  ["ALLOCGAP", ["300台", [[100, 120, 70]]]],
  ["ALLOCCHECK", ["300台", [[100, 120, 70]]]],
  ["ALLOCCHECK", ["300台", [[100, 120, 90]], null, "en"]],
  ["POLICYSCORE", [[["是"]], [["是"]], [["否"]], [["是"]], [["是"]], [[2]]]],
  ["RECOMMEND", [counties, countyCities, totals]],
  ["SHORTLIST", [counties, totals]],
];

async function main() {
  build();
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`);
  const { chromium } = require("playwright-core");
  const server = await serve(dist);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "zg-e2e-wps-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = context.pages()[0] || (await context.newPage());
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    // The stand-ins, before any script of the page runs.
    await page.addInitScript(() => {
      window.__wps = [];
      window.wps = { AddCustomFunction: (namespace, name, fn) => window.__wps.push({ namespace, name, fn }) };
      window.__excel = {};
      window.CustomFunctions = { associate: (id, fn) => (window.__excel[id] = fn) };
    });
    await page.goto(`${server.url}/wps/index.html`);
    await page.waitForFunction(() => window.ZG_REGISTERED !== undefined);
    await page.addScriptTag({ url: `${server.url}/functions.js` });

    const metadata = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8")).functions;
    const wpsJson = JSON.parse(fs.readFileSync(path.join(dist, "wps", "functions.json"), "utf8")).functions;
    const registered = await page.evaluate(() => window.__wps.map((r) => `${r.namespace}.${r.name}`));
    const names = metadata.map((f) => f.name);
    check(
      "每个 Excel 函数都在 WPS 注册为 ZG.名称 / every Excel function is registered with WPS as ZG.NAME",
      JSON.stringify([...registered].sort()) === JSON.stringify(names.map((n) => `ZG.${n}`).sort()),
      `registered ${registered.join(", ")}; Excel's metadata ${names.join(", ")}`,
    );
    check("functions.json 列出同样的函数 / functions.json lists the same functions", JSON.stringify(wpsJson.map((f) => f.name).sort()) === JSON.stringify([...names].sort()), wpsJson.map((f) => f.name).join(", "));
    const arity = Object.fromEntries(metadata.map((f) => [f.name, f.parameters.length]));

    const results = await page.evaluate(
      ({ cases, arity }) => {
        const wpsFn = Object.fromEntries(window.__wps.map((r) => [r.name, r.fn]));
        // Excel's answer in the form a WPS cell shows it: 1 × 1 as the value, an error as its code and reason.
        const shown = (v) => (v && typeof v === "object" && typeof v.code === "string" ? (v.message ? `${v.code} ${v.message}` : v.code) : v);
        const asWps = (m) => (m.length === 1 && m[0].length === 1 ? shown(m[0][0]) : m.map((r) => r.map(shown)));
        return cases.map(([name, args]) => {
          const padded = [...args];
          while (padded.length < arity[name]) padded.push(null);
          const excel = asWps(window.__excel[name](...padded, {}));
          const got = wpsFn[name](...args);
          const sync = !(got && typeof got.then === "function");
          return { name, excel, got, sync };
        });
      },
      { cases: CASES, arity },
    );
    const differ = results.filter((r) => JSON.stringify(r.excel) !== JSON.stringify(r.got));
    check(
      `${results.length} 次调用与 Excel 函数结果相同 / ${results.length} calls answer as the Excel functions do`,
      differ.length === 0,
      differ.slice(0, 3).map((r) => `${r.name}: WPS ${JSON.stringify(r.got)} vs Excel ${JSON.stringify(r.excel)}`).join("; "),
    );
    check("同步返回值，从不返回 Promise / answered synchronously, never a Promise", results.every((r) => r.sync), results.filter((r) => !r.sync).map((r) => r.name).join(", "));
    check('=ZG.TARGET("10%以上") 得 0.1 / gives 0.1', results[0].got === 0.1, JSON.stringify(results[0].got));
    const byGroup = results.find((r) => r.name === "RANKSCOREBY");
    check("按组排名得分为数值 / RANKSCOREBY gives points", typeof byGroup.got === "number", JSON.stringify(byGroup.got));

    // What WPS does not document, handled as docs/wps.md says: a range object, an error cell, an omitted argument.
    const defensive = await page.evaluate(() => {
      const f = Object.fromEntries(window.__wps.map((r) => [r.name, r.fn]));
      return {
        rangeLike: f.RANKSCORE({ Value2: 9 }, { Value2: [[9], [8], [7]] }),
        oneRow: f.RANKSCORE(8, [9, 8, 7]),
        errorCell: f.RANKSCORE([[-2146826246]], [[9], [8]]),
        omitted: f.RANKSCORE(7, [[9], [8], [7]], undefined, undefined, undefined, undefined),
        text: f.TARGET({ Value2: "不是目标" }),
      };
    });
    check("区域对象（Value2）按值读取 / a range-like object is read through Value2", defensive.rangeLike === 10, JSON.stringify(defensive.rangeLike));
    check("一维数组按一行读取 / a 1-D array is one row", defensive.oneRow === 9.5, JSON.stringify(defensive.oneRow));
    check("错误单元格（CVErr #N/A）得 0 分，如 Excel / an error cell #N/A scores 0, as in Excel", defensive.errorCell === 0, JSON.stringify(defensive.errorCell));
    check("省略的参数取默认值 / omitted arguments take their defaults", defensive.omitted === 9, JSON.stringify(defensive.omitted));
    check("无法读取的值给出带原因的错误 / an unreadable value gives an error with its reason", typeof defensive.text === "string" && defensive.text.startsWith("#VALUE! "), JSON.stringify(defensive.text));
    // The ribbon: a button opens the pane on its tab through Application.CreateTaskPane (Kingsoft's 表格 template).
    const opened = await page.evaluate(() => {
      const panes = [];
      window.Application = { CreateTaskPane: (url) => (panes.push(url), { ID: 1, Visible: false }), PluginStorage: { getItem: () => undefined, setItem: () => undefined } };
      window.OnAction({ Id: "zgScore" });
      return panes;
    });
    check("功能区“评分”按钮打开任务窗格的评分页 / the ribbon's 评分 opens the pane on its Score tab", opened.length === 1 && opened[0] === `${server.url}/wps/taskpane.html#tab=score`, JSON.stringify(opened));

    // The pane itself in WPS: no Office.js, WPS's Application → the WPS adapter, on the tab asked for.
    const pane = await context.newPage();
    pane.on("pageerror", (e) => errors.push(e.message));
    await pane.addInitScript(() => {
      const sheet = { Name: "Sheet1", CustomProperties: { Count: 0 } };
      window.Application = { ActiveWorkbook: { Worksheets: { Count: 1, Item: () => sheet }, ActiveSheet: sheet }, Version: "12.1.0.19000" };
      window.wps = { AddCustomFunction: () => undefined };
    });
    await pane.goto(`${server.url}/wps/taskpane.html#tab=score`);
    const selected = await pane.getByRole("tab", { selected: true }).innerText({ timeout: 60_000 });
    check("WPS 中的任务窗格打开在评分页 / the pane runs in WPS on the Score tab", /^(评分|Score)$/.test(selected.trim()), selected);
    const notice = await pane.getByTestId("wps-functions-notice").innerText();
    check("旧版 WPS 被告知函数需要 12.1.0.20540 / an older WPS is told =ZG.… needs 12.1.0.20540", notice.includes("12.1.0.20540") && notice.includes("12.1.0.19000"), notice);
    // Neither WPS nor Office.js: the pane goes to the browser page beside it.
    const plain = await context.newPage();
    await plain.goto(`${server.url}/wps/taskpane.html`);
    await plain.waitForURL(/\/preview\.html$/, { timeout: 60_000 }).catch(() => undefined);
    check("既无 WPS 也无 Office.js 时转到浏览器页面 / neither host: the browser page", plain.url() === `${server.url}/preview.html`, plain.url());
    check("无页面错误 / no page error", errors.length === 0, errors.join("; "));
  } finally {
    await context.close();
    await server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

process.stdout.write("WPS 加载项函数 / WPS add-in functions (Chromium)\n");
main()
  .catch((e) => {
    failed++;
    process.stdout.write(`  ✗ setup: ${(e && e.stack) || e}\n`);
  })
  .finally(() => {
    process.stdout.write(`${passed} passed, ${failed} failed\n`);
    process.exitCode = failed ? 1 : 0;
  });
