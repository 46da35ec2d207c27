#!/usr/bin/env node
/**
 * End-to-end tests of the browser preview (npm run test:e2e): build for production, serve dist/ on a local
 * port, drive Debian's Chromium with playwright-core through the real task pane over the sample workbooks,
 * check what the pane and the grid show, save screenshots to test-results/screenshots/ (ignored by git; tests never
 * rewrite tracked files — `npm run screenshots` copies them to docs/screenshots/ for the README), and check that no request
 * leaves localhost. Prints "N passed, N failed" and exits non-zero on any failure.
 *
 *   ZG_E2E_SKIP_BUILD=1  reuse the current dist/ (it must hold a build)
 *   CHROMIUM=/path        another Chromium binary
 */
"use strict";
/* global window, document -- the page.evaluate callbacks run in the browser */
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { serve } = require("./serve");

const root = path.join(__dirname, "..", "..");
const dist = path.join(root, "dist");
const shots = process.env.ZG_SCREENSHOTS_DIR || path.join(root, "test-results", "screenshots");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

const results = [];
function log(line) {
  process.stdout.write(`${line}\n`);
}

async function step(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    log(`  ✓ ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    results.push({ name, ok: false, error: e });
    log(`  ✗ ${name}\n      ${String((e && e.stack) || e).split("\n").slice(0, 4).join("\n      ")}`);
  }
}

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

function build() {
  if (process.env.ZG_E2E_SKIP_BUILD && fs.existsSync(path.join(dist, "preview.html"))) return;
  log("构建（production）/ building (production)…");
  const r = spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], { cwd: root, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  if (r.status !== 0) {
    process.stdout.write(r.stdout.slice(-4000));
    process.stderr.write(r.stderr.slice(-4000));
    throw new Error("webpack build failed");
  }
}

async function main() {
  build();
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`);
  fs.mkdirSync(shots, { recursive: true });
  const { chromium } = require("playwright-core");
  const server = await serve(dist);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "zg-e2e-home-"));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "zg-e2e-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    env: { ...process.env, HOME: home },
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 820 },
    locale: "zh-CN",
  });
  const requests = [];
  const pageErrors = [];
  context.on("request", (r) => requests.push(r.url()));
  const page = context.pages()[0] || (await context.newPage());
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.setDefaultTimeout(60_000);

  const grid = page.getByTestId("grid");
  const pane = page.locator("aside.pane");
  const sheetTab = (name) => page.getByTestId("sheet-tabs").locator(`[data-sheet-tab="${name}"]`);
  const cell = (address) => grid.locator(`td[data-cell="${address}"]`);
  const shoot = (file) => page.screenshot({ path: path.join(shots, file) });

  log(`预览 / preview: ${server.url}/preview.html`);
  try {
    await step("预览打开：任务窗格与示例工作簿 / preview opens with the pane and the sample workbook", async () => {
      await page.goto(`${server.url}/preview.html?fixture=short`);
      await pane.getByRole("tab", { name: "分解校核" }).waitFor();
      for (const name of ["2020分解方案", "完成情况", "县"]) await sheetTab(name).waitFor();
      assert((await cell("C4").innerText()).trim() === "8%", "the fixture's short cell C4 should show 8%");
    });

    await step("分解校核：找到分解表，标出未达标 / check finds the table and marks the shortfall", async () => {
      await pane.getByRole("button", { name: "校核", exact: true }).click();
      const summary = pane.getByTestId("check-summary");
      await summary.waitFor();
      const text = await summary.innerText();
      assert(/未达标 1/.test(text), `summary should count one short indicator: ${text}`);
      assert(/达标 16/.test(text), `16 indicators should pass: ${text}`);
      const found = await pane.getByTestId("table-found").innerText();
      assert(found.includes("18 项指标") && found.includes("11 个下级地区"), found);
      const row = pane.locator('tr[data-indicator="传统制造业研发费用支出增长10%以上"]');
      assert((await row.innerText()).includes("杭州"), "the short row names 杭州");
      await page.waitForFunction(() => document.querySelector('td[data-cell="C4"]')?.getAttribute("data-mark") === "short");
      const marked = await grid.locator("td[data-mark]").count();
      assert(marked === 1, `exactly one marked cell expected, found ${marked}`);
      await shoot("check.png");
    });

    await step("写入校核报告表 / the report goes to a sheet of ours", async () => {
      await pane.getByRole("button", { name: "写入校核报告表" }).click();
      await sheetTab("ZG校核报告").waitFor();
      await pane.getByText("校核报告已写入工作表“ZG校核报告”").waitFor();
      await grid.locator('table.grid[data-sheet="ZG校核报告"]').waitFor();
      assert((await cell("H3").innerText()).trim() === "未达标", "the report's first verdict is 未达标");
      assert((await cell("I3").innerText()).includes("杭州"), "the report names 杭州");
    });

    await step("清除标记：原表恢复 / clear marks removes every mark", async () => {
      await pane.getByRole("button", { name: "清除标记" }).click();
      await pane.getByText(/已清除 1 组标记/).waitFor();
      await sheetTab("2020分解方案").click();
      await grid.locator('table.grid[data-sheet="2020分解方案"]').waitFor();
      assert((await grid.locator("td[data-mark]").count()) === 0, "no mark left");
      assert((await cell("C4").innerText()).trim() === "8%", "the user's cell is unchanged");
    });

    let provinceTop = null;
    await step("评分：识别列、评分、省级名单 / scoring recognises the columns and ranks the counties", async () => {
      await pane.getByRole("tab", { name: "评分" }).click();
      await pane.getByText(/完成情况表 · 列对应关系（第 2 行为表头）/).waitFor();
      await pane.getByRole("button", { name: "评分", exact: true }).click();
      const table = pane.getByTestId("province-table");
      await table.waitFor();
      const rows = table.locator("tbody tr");
      assert((await rows.count()) === 11, `11 recommended counties expected, got ${await rows.count()}`);
      assert((await table.getByText("建议激励名额内").count()) === 6, "six within the places");
      assert((await table.getByText("差额").count()) === 2, "two more on the proposed list by the margin");
      assert((await pane.getByTestId("score-summary").innerText()).includes("90 个县"), "90 counties read");
      provinceTop = { county: await rows.first().getAttribute("data-county"), total: (await rows.first().locator("td").last().innerText()).trim() };
    });

    await step("每个数都能解释 / every number explains itself", async () => {
      const first = pane.getByTestId("province-table").locator("tbody tr").first();
      await first.locator("td").last().getByRole("button").click();
      const pop = page.getByRole("dialog", { name: "这个数是怎么来的" }).or(page.locator(".fui-PopoverSurface"));
      await pop.first().waitFor();
      const text = await pop.first().innerText();
      assert(text.includes("依据") && text.includes("第五条"), `the explanation cites the article: ${text}`);
      await page.keyboard.press("Escape");
    });

    await step("评分结果表：实时公式，改数即重算 / the results sheet holds live formulas that recalculate", async () => {
      await pane.getByRole("button", { name: "写入评分结果表（实时公式）" }).click();
      await pane.getByText(/评分结果已写入工作表/).waitFor({ timeout: 120_000 });
      await sheetTab("ZG评分结果").waitFor();
      await grid.locator('table.grid[data-sheet="ZG评分结果"]').waitFor();
      // The first row of the city stage: its total is a formula over the user's data.
      const f = await page.evaluate(() => window.zgBook.formula("ZG评分结果", "C7"));
      assert(typeof f === "string" && f.startsWith("=SUMIFS("), `C7 should be a live formula: ${f}`);
      const detail = await page.evaluate(() => {
        const s = window.zgBook.sheet("ZG评分结果");
        return s.cells.map((r) => r[5]).find((v) => typeof v === "string" && v.includes("ZG.COMPLETION"));
      });
      assert(detail && detail.includes("'完成情况'!"), `completion formulas refer to the user's sheet: ${detail}`);
      // The province stage in the grid shows the same totals as the pane.
      const shown = await page.evaluate((county) => {
        const s = window.zgBook.sheet("ZG评分结果");
        const r = s.cells.findIndex((row, i) => i > 90 && row[1] === county);
        return window.zgBook.value("ZG评分结果", r, 8);
      }, provinceTop.county);
      assert(Math.abs(shown - Number(provinceTop.total)) < 0.006, `grid total ${shown} vs pane ${provinceTop.total}`);
      await pane.getByTestId("province-table").scrollIntoViewIfNeeded();
      await shoot("score.png");
      // Raise one actual of that county: its row recalculates.
      const before = await page.evaluate(() => window.zgBook.value("ZG评分结果", 6, 8));
      const edit = await page.evaluate(() => {
        const b = window.zgBook;
        const src = b.sheet("完成情况");
        const county = b.value("ZG评分结果", 6, 1);
        const r = src.cells.findIndex((row) => row[1] === county && typeof row[5] === "number");
        const old = src.cells[r][5];
        b.setCell("完成情况", `F${r + 1}`, old * 10);
        return { address: `F${r + 1}`, old };
      });
      const after = await page.evaluate(() => window.zgBook.value("ZG评分结果", 6, 8));
      assert(after !== before, `the total should change after editing an actual (${before} → ${after})`);
      // Put the figure back: the sheet shows the original totals again.
      const restored = await page.evaluate(({ address, old }) => {
        window.zgBook.setCell("完成情况", address, old);
        return window.zgBook.value("ZG评分结果", 6, 8);
      }, edit);
      assert(restored === before, `restoring the actual restores the total (${before} vs ${restored})`);
    });

    await step("推荐与建议名单：理由齐全 / the proposed list gives each county's reasons", async () => {
      await pane.getByRole("tab", { name: "推荐与建议名单" }).click();
      const list = pane.getByTestId("shortlist");
      await list.waitFor();
      assert((await list.locator('li[data-selected="true"]').count()) === 6, "six within the places");
      assert((await list.locator("> li").count()) === 8, "eight names on the proposed list");
      const rest = pane.getByTestId("not-proposed");
      assert((await list.locator("[data-reason]").count()) + (await rest.locator("[data-reason]").count()) >= 11, "every county has a reason");
      assert((await rest.locator("> li").count()) === 3, "the other three recommended counties, under their own heading");
      const recs = pane.getByTestId("recommendations").locator("li[data-city]");
      assert((await recs.count()) === 11, "eleven cities");
      await shoot("shortlist.png");
    });

    await step("模板：在新工作表插入 / templates go onto new sheets", async () => {
      await pane.getByRole("tab", { name: "模板" }).click();
      await pane.getByRole("button", { name: "插入2020年分解方案（浙转升办〔2020〕9号）" }).click();
      await sheetTab("2020分解方案 (2)").waitFor();
      assert((await cell("C4").innerText()).includes("10%"), "the inserted table is 9号's, not the fixture");
      await pane.getByRole("button", { name: "插入县（市、区）自评模板" }).click();
      await sheetTab("完成情况 (2)").waitFor();
      await sheetTab("指标").waitFor();
    });

    await step("切换语言 / switching the language", async () => {
      await pane.getByTestId("lang-switch").click();
      await pane.getByRole("tab", { name: "Check" }).waitFor();
      await pane.getByRole("tab", { name: "Score" }).click();
      await pane.getByText("Province stage").waitFor();
      await pane.getByRole("tab", { name: "Check" }).click();
      await shoot("english.png");
      await pane.getByTestId("lang-switch").click();
      await pane.getByRole("tab", { name: "分解校核" }).waitFor();
    });

    await step("只访问本机，无页面错误 / no request leaves localhost, no page error", async () => {
      const outside = requests.filter((u) => {
        if (u.startsWith("data:") || u.startsWith("blob:")) return false;
        const host = new URL(u).hostname;
        return host !== "localhost" && host !== "127.0.0.1";
      });
      assert(requests.length > 0, "requests were recorded");
      assert(outside.length === 0, `requests outside localhost: ${outside.join(", ")}`);
      assert(pageErrors.length === 0, `page errors: ${pageErrors.join("; ")}`);
    });
  } finally {
    await context.close();
    await server.close();
    fs.rmSync(home, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main()
  .catch((e) => {
    results.push({ name: "setup", ok: false, error: e });
    log(`  ✗ setup: ${(e && e.stack) || e}`);
  })
  .finally(() => {
    const passed = results.filter((r) => r.ok).length;
    const failed = results.length - passed;
    log(`${passed} passed, ${failed} failed`);
    process.exitCode = failed ? 1 : 0;
  });
