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
/* global window, document, atob, DataTransfer, File -- the page.evaluate callbacks run in the browser */
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { serve } = require("./serve");
const { makeWorkbook } = require("./workbook");
const { pageFlow } = require("./flow");
const { recalculatedSheets } = require("./libreoffice");
const { officePagesSteps } = require("./office-pages");

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

/** `zg` as a user runs it (dist/cli, built if missing): its JSON answer. */
function zg(args) {
  const main = path.join(dist, "cli", "cli", "main.js");
  if (!fs.existsSync(main)) {
    const b = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], { cwd: root, encoding: "utf8" });
    if (b.status !== 0) throw new Error(`build:cli failed: ${b.stdout}${b.stderr}`);
  }
  const r = spawnSync(process.execPath, [path.join(root, "bin", "zg.js"), ...args, "--json"], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`zg ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  const out = JSON.parse(r.stdout);
  delete out.file;
  return out;
}

/** Each zip entry's stored bytes (header fields that matter and packed data), by name. */
function storedParts(file) {
  const { readDirectory } = require(path.join(dist, "cli", "xlsx", "zip.js"));
  const bytes = fs.readFileSync(file);
  const out = new Map();
  for (const e of readDirectory(bytes).values()) {
    const start = e.local + 30 + bytes.readUInt16LE(e.local + 26) + bytes.readUInt16LE(e.local + 28);
    out.set(e.name, { method: e.method, size: e.size, data: bytes.subarray(start, start + e.packed) });
  }
  return out;
}

const near = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
/** A number as LibreOffice's raw CSV gives it: full precision, but a percentage keeps its "%". */
const loNumber = (field) => (/%$/.test(field) ? Number(field.slice(0, -1)) / 100 : Number(field));

/**
 * The generated workbook through the page and back: the page's answers are zg's on the same file; the downloaded
 * file keeps every part of the original byte for byte (but the sheet list, relationships, content types, styles and
 * the marked sheet), gives zg the same answers, and LibreOffice, recalculating every formula, shows the values the
 * page wrote.
 */
async function fileRoundTrip(page, url, work) {
  const file = path.join(work, "生成的工作簿.xlsx");
  const made = await makeWorkbook(file, { seed: 20201015, counties: 90 });
  const before = fs.readFileSync(file);
  const checked = zg(["check", file]);
  const scored = zg(["score", file]);
  await page.goto(`${url}/`);
  await page.locator("aside.pane").getByRole("tab", { name: "分解校核" }).waitFor();
  const saved = path.join(work, "下载.xlsx");
  const r = await pageFlow(page, file, saved);
  log(`      page: open ${r.times.open} ms, check ${r.times.check} ms, score ${r.times.score} ms, results sheet ${r.times.results} ms, download ${r.times.download} ms`);

  // The page's answers are zg's.
  const shortCount = checked.results.filter((x) => x.status === "short").length;
  const okCount = checked.results.filter((x) => x.status === "ok").length;
  assert(new RegExp(`未达标 ${shortCount}`).test(r.check) && new RegExp(`(^|[^未])达标 ${okCount}`).test(r.check), `page summary "${r.check}" vs zg: ${okCount} ok, ${shortCount} short`);
  const shortCells = checked.results.reduce((n, x) => n + x.short.length, 0);
  assert(shortCells >= 1, "the generated table has a shortfall");
  const marked = await page.evaluate(() => window.zgBook.marksOf("分解表").size);
  assert(marked === shortCells, `marked cells ${marked} vs zg's ${shortCells} short (${made.lowered.city})`);
  assert(r.province.length === scored.province.length, `province stage: page ${r.province.length} vs zg ${scored.province.length}`);
  r.province.forEach((p, i) => {
    const z = scored.province.find((x) => x.county === p.county);
    assert(z, `${p.county} is in zg's province stage`);
    assert(Math.abs(Number(p.total) - z.total) < 0.006, `${p.county}: page ${p.total} vs zg ${z.total} (row ${i + 1})`);
  });

  // The original file is untouched, and every part of it is in the download byte for byte, but the patched ones.
  assert(fs.readFileSync(file).equals(before), "the original file is unchanged");
  const a = storedParts(file);
  const b = storedParts(saved);
  const allowed = new Set(["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml"]);
  for (const [name, part] of a) {
    const got = b.get(name);
    assert(got, `the download keeps ${name}`);
    if (!allowed.has(name)) assert(got.method === part.method && got.size === part.size && Buffer.compare(got.data, part.data) === 0, `${name} is byte for byte the original's`);
  }

  // zg reads the download as it read the original (our own sheets are not taken for the user's).
  assert(JSON.stringify(zg(["check", saved])) === JSON.stringify(checked), "zg check gives the same answer on the download");
  assert(JSON.stringify(zg(["score", saved])) === JSON.stringify(scored), "zg score gives the same answer on the download");

  // LibreOffice recalculates every plain formula of our sheets: the values are the ones the page wrote.
  const { readWorkbookFile } = require(path.join(dist, "cli", "cli", "read-xlsx.js"));
  const sheets = await readWorkbookFile(saved);
  const lo = recalculatedSheets(saved);
  let compared = 0;
  for (const name of ["ZG校核报告", "ZG评分结果"]) {
    const ours = sheets.find((s) => s.name === name);
    const csv = lo.get(name);
    assert(ours && csv, `${name} is in the download and in LibreOffice's reading`);
    const o = ours.origin || { row: 0, col: 0 };
    ours.cells.forEach((row, r) =>
      row.forEach((v, c) => {
        const field = (csv[r + o.row] || [])[c + o.col] ?? "";
        if (v === null || v === undefined) {
          assert(field === "", `${name}!${r + o.row + 1}:${c + o.col + 1}: empty vs LibreOffice "${field}"`);
          return;
        }
        compared++;
        if (typeof v === "number") assert(near(v, loNumber(field)), `${name} row ${r + o.row + 1} col ${c + o.col + 1}: ${v} vs LibreOffice ${field}`);
        else if (typeof v === "boolean") assert(field === (v ? "TRUE" : "FALSE"), `${name} row ${r + o.row + 1}: ${v} vs ${field}`);
        else if (typeof v === "string") assert(field === v, `${name} row ${r + o.row + 1} col ${c + o.col + 1}: "${v}" vs LibreOffice "${field}"`);
      }),
    );
  }
  log(`      LibreOffice agreed on ${compared} cells of the report and results sheets`);

  // The download reopened in the page: ZG's sheets are known as ours, the marks as ours, and they clear; the
  // shortlist works on it too.
  await page.getByTestId("open-file").setInputFiles(saved);
  await page.getByTestId("page-status").filter({ hasText: "下载.xlsx" }).first().waitFor();
  const owned = await page.evaluate(() => window.zgBook.sheets.filter((s) => s.ours).map((s) => `${s.name}:${s.ours}`));
  assert(owned.join(",") === "ZG校核报告:report,ZG评分结果:score", `ZG's sheets are known after reopening: ${owned}`);
  const pane = page.locator("aside.pane");
  await pane.getByRole("tab", { name: "分解校核" }).click();
  await pane.getByRole("button", { name: "清除标记" }).click();
  await pane.getByText(/已清除 1 组标记/).waitFor();
  // Scoring the reopened file reads the user's tables, not ZG's own sheets: zg's answer again.
  await pane.getByRole("tab", { name: "评分" }).click();
  await pane.getByRole("button", { name: "评分", exact: true }).click();
  await pane.getByTestId("province-table").waitFor();
  const again = await pane.getByTestId("province-table").locator("tbody tr").count();
  assert(again === scored.province.length, `reopened: province stage ${again} vs zg ${scored.province.length}`);
  await pane.getByRole("tab", { name: "推荐与建议名单" }).click();
  const selected = await pane.getByTestId("shortlist").locator('li[data-selected="true"]').count();
  assert(selected === scored.province.filter((p) => p.selected).length, `reopened: ${selected} on the shortlist vs zg's`);
}

async function main() {
  build();
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`);
  fs.mkdirSync(shots, { recursive: true });
  const { chromium } = require("playwright-core");
  const server = await serve(dist);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "zg-e2e-home-"));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "zg-e2e-files-"));
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
  // Excel's pane is its own page at the pane's width: anything wider scrolls the whole pane sideways. Names the widest offenders.
  const noSidewaysScroll = async (where) => {
    const wide = await page.evaluate(() => {
      const aside = document.querySelector("aside.pane");
      const right = aside.getBoundingClientRect().left + aside.clientWidth;
      if (aside.scrollWidth <= aside.clientWidth) return [];
      return [...aside.querySelectorAll("*")]
        .map((e) => ({ e, over: Math.round(e.getBoundingClientRect().right - right) }))
        .filter((x) => x.over > 0)
        .sort((a, b) => b.over - a.over)
        .slice(0, 5)
        .map(({ e, over }) => `${e.tagName.toLowerCase()}${e.getAttribute("data-testid") ? `[${e.getAttribute("data-testid")}]` : ""} “${(e.textContent || "").slice(0, 30)}” +${over}px`);
    });
    assert(wide.length === 0, `${where}: the pane scrolls sideways: ${wide.join("; ")}`);
  };
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
      await noSidewaysScroll("check");
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
      // ZG.COMPLETION reads the target and actual columns beside it, which are live formulas over the user's cells.
      const detail = await page.evaluate(() => {
        const s = window.zgBook.sheet("ZG评分结果");
        const r = s.cells.findIndex((row) => typeof row[5] === "string" && row[5].includes("ZG.COMPLETION"));
        return r < 0 ? null : { completion: s.cells[r][5], actual: s.cells[r][4] };
      });
      assert(detail && /ZG\.COMPLETION\(\$E\$/.test(detail.completion), `completion formulas read the actual column: ${detail && detail.completion}`);
      assert(typeof detail.actual === "string" && detail.actual.includes("'完成情况'!"), `the actual column refers to the user's sheet: ${detail.actual}`);
      // The province stage in the grid shows the same totals as the pane.
      const shown = await page.evaluate((county) => {
        const s = window.zgBook.sheet("ZG评分结果");
        const r = s.cells.findIndex((row, i) => i > 90 && row[1] === county);
        return window.zgBook.value("ZG评分结果", r, 8);
      }, provinceTop.county);
      assert(Math.abs(shown - Number(provinceTop.total)) < 0.006, `grid total ${shown} vs pane ${provinceTop.total}`);
      await pane.getByTestId("province-table").scrollIntoViewIfNeeded();
      await noSidewaysScroll("score");
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

    await step("改数后再评分：窗格显示新总分 / score again after raising actuals: the pane shows the new total", async () => {
      await pane.getByRole("tab", { name: "评分" }).click();
      const county = await pane.getByTestId("province-table").locator("tbody tr").last().getAttribute("data-county");
      // The city-stage total (the province stage scores again among the recommended).
      const before = (await pane.getByTestId("city-table").locator(`tr[data-county="${county}"] td:last-child`).innerText()).trim();
      const edits = await page.evaluate((county) => {
        const b = window.zgBook;
        const src = b.sheet("完成情况");
        const out = [];
        src.cells.forEach((r, i) => {
          if (r[1] === county && typeof r[5] === "number") {
            out.push({ address: `F${i + 1}`, old: r[5] });
            b.setCell("完成情况", `F${i + 1}`, r[5] * 10);
          }
        });
        return out;
      }, county);
      assert(edits.length > 0, `no numeric actual of ${county} to raise`);
      await pane.getByRole("button", { name: "评分", exact: true }).click();
      const cityRow = pane.getByTestId("city-table").locator(`tr[data-county="${county}"]`);
      await page.waitForFunction(
        ({ county, before }) => {
          const r = document.querySelector(`[data-testid=city-table] tr[data-county="${county}"]`);
          return r && r.querySelector("td:last-child").innerText.trim() !== before;
        },
        { county, before },
      );
      const after = (await cityRow.locator("td").last().innerText()).trim();
      assert(after !== before, `${county}: the pane still shows ${before}`);
      // Out of date after an option changes, until the next run.
      const step = pane.getByRole("textbox", { name: "每名递减" });
      await step.fill("0.4");
      await pane.getByTestId("score-stale").waitFor();
      await step.fill("0.5");
      await pane.getByTestId("score-stale").waitFor({ state: "detached" });
      await page.evaluate((edits) => edits.forEach((e) => window.zgBook.setCell("完成情况", e.address, e.old)), edits);
      await pane.getByRole("button", { name: "评分", exact: true }).click();
      await page.waitForFunction(
        ({ county, before }) => document.querySelector(`[data-testid=city-table] tr[data-county="${county}"] td:last-child`)?.innerText.trim() === before,
        { county, before },
      );
    });

    await step("生成可分发副本：只有数值与普通公式 / the copy to send holds values and plain formulas only", async () => {
      await pane.getByRole("button", { name: "生成可分发副本" }).click();
      await pane.getByText(/可分发副本已写入工作表/).waitFor();
      await sheetTab("ZG评分结果（可分发）").waitFor();
      const check = await page.evaluate(() => {
        const b = window.zgBook;
        const s = b.sheet("ZG评分结果（可分发）");
        const formulas = s.cells.flat().filter((v) => typeof v === "string" && v.startsWith("="));
        const head = s.cells.findIndex((r) => r[0] === "设区市" && r[2] === "完成分合计S");
        return { formulas: formulas.length, zg: formulas.filter((f) => f.includes("ZG.")).length, total: b.value("ZG评分结果（可分发）", head + 1, 7), county: s.cells[head + 1][1] };
      });
      assert(check.formulas > 270 && check.zg === 0, `plain formulas only: ${JSON.stringify(check)}`);
      const paneTotal = await pane.getByTestId("city-table").locator(`tr[data-county="${check.county}"] td:last-child`).innerText();
      assert(Math.abs(Number(paneTotal) - check.total) < 0.006, `copy total ${check.total} vs pane ${paneTotal}`);
    });

    await step("删除 ZG 写入的表 / a sheet ZG wrote is removed after a confirmation", async () => {
      await pane.getByRole("tab", { name: "模板" }).click();
      await pane.getByRole("button", { name: "列出" }).click();
      await pane.getByTestId("our-sheets").waitFor();
      await pane.getByRole("button", { name: "删除工作表“ZG评分结果（可分发）”" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "删除" }).click();
      await pane.getByText("已删除工作表“ZG评分结果（可分发）”。").waitFor();
      assert((await sheetTab("ZG评分结果（可分发）").count()) === 0, "the copy's tab is gone");
      assert((await sheetTab("完成情况").count()) === 1, "the user's sheet stays");
      const help = await pane.getByTestId("help-link").getAttribute("href");
      assert(help === "help.html#templates", `help link of the templates tab: ${help}`);
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
      await noSidewaysScroll("shortlist");
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
      // At Excel's default pane width: the header on one line in English too.
      const header = await pane.locator("header").boundingBox();
      assert(header && header.height < 60, `the English header takes ${header && header.height}px`);
      const cut = await pane.locator("h1").evaluate((e) => e.scrollWidth > e.clientWidth);
      assert(!cut, "the English title is cut short");
      await page.evaluate(() => {
        const aside = document.querySelector("aside.pane");
        const at = document.querySelector("[data-testid=city-table]");
        aside.scrollTop += at.getBoundingClientRect().top - aside.getBoundingClientRect().top - 120;
      });
      await noSidewaysScroll("Score, English");
      await page.locator("aside.pane").screenshot({ path: path.join(shots, "pane-en.png") });
      await page.evaluate(() => (document.querySelector("aside.pane").scrollTop = 0));
      await pane.getByRole("tab", { name: "Check" }).click();
      await shoot("english.png");
      await pane.getByTestId("lang-switch").click();
      await pane.getByRole("tab", { name: "分解校核" }).waitFor();
    });

    await step("350 px，浅色与深色 / at 350 px, light and dark", async () => {
      await pane.getByRole("tab", { name: "评分" }).click();
      // 350 px and the preview's 1 px border between the pane and the grid.
      const width = await page.evaluate(() => document.querySelector("aside.pane").getBoundingClientRect().width);
      assert(Math.round(width) === 351, `the pane is ${width}px wide`);
      const title = await pane.locator("h1").boundingBox();
      assert(title && title.height < 30, `the title wraps (${title && title.height}px)`);
      assert(!(await pane.locator("h1").evaluate((e) => e.scrollWidth > e.clientWidth)), "the title is cut short");
      const toggle = await pane.getByTestId("theme-toggle").boundingBox();
      assert(toggle && toggle.height < 32, `深色 breaks onto two lines (${toggle && toggle.height}px)`);
      const detail = await pane.getByTestId("click-hint").evaluate((e) => parseFloat(window.getComputedStyle(e).fontSize));
      assert(detail >= 12, `hint text is ${detail}px`);
      // The results' top in view: the warnings summary, the hint and the start of the province table.
      await page.evaluate(() => {
        const aside = document.querySelector("aside.pane");
        const at = document.querySelector("[data-testid=score-summary]");
        aside.scrollTop += at.getBoundingClientRect().top - aside.getBoundingClientRect().top - 240;
      });
      await noSidewaysScroll("评分，中文");
      await page.locator("aside.pane").screenshot({ path: path.join(shots, "pane-zh.png") });
      await pane.getByTestId("theme-toggle").click();
      await page.locator("aside.pane").screenshot({ path: path.join(shots, "pane-dark.png") });
      await pane.getByTestId("theme-toggle").click();
    });

    await step("汇总与差距：在浏览器中读取各县自评表，写入新表并评分，差距分析 / the city round reads county files in the browser", async () => {
      // Three counties' returns (one county per file) and a file that is not a workbook, made here with ExcelJS.
      const ExcelJS = require("exceljs");
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zg-e2e-city-"));
      const counties = ["柯城区", "衢江区", "江山市"];
      const files = [];
      for (const [i, county] of counties.entries()) {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet("完成情况");
        ws.addRow(["设区市", "县（市、区）", "指标", "目标", "完成"]);
        ws.addRow(["衢州市", county, "传统制造业新增工业机器人10000台", "220台", `${230 + i * 15}台`]);
        ws.addRow(["衢州市", county, "传统制造业研发费用支出增长10%以上", "10%", `${12 - i}.5%`]);
        const file = path.join(dir, `${county}.xlsx`);
        await wb.xlsx.writeFile(file);
        files.push(file);
      }
      const broken = path.join(dir, "坏文件.xlsx");
      fs.writeFileSync(broken, "not a workbook");
      files.push(broken);
      try {
        await pane.getByRole("tab", { name: "汇总与差距" }).click();
        await pane.getByTestId("collect-input").setInputFiles(files);
        await pane.getByRole("button", { name: "汇总并写入" }).click();
        await sheetTab("ZG汇总完成情况").waitFor();
        await sheetTab("ZG汇总县").waitFor();
        const items = pane.getByTestId("collect-files").locator(":scope > li");
        assert((await items.count()) === 4, "four files listed");
        const statuses = await items.evaluateAll((els) => els.map((e) => e.getAttribute("data-status")));
        assert(JSON.stringify(statuses) === JSON.stringify(["ok", "ok", "ok", "rejected"]), `statuses: ${statuses}`);
        await pane.getByTestId("gap-county").selectOption("衢江区");
        const table = pane.getByTestId("gap-table");
        await table.waitFor();
        const robots = await table.locator('tr[data-indicator="传统制造业新增工业机器人10000台"]').innerText();
        // 衢江区 245台 is second behind 江山市 260台: 261台 passes it, 260台 draws level.
        assert(robots.includes("261台") && robots.includes("并列需 260台"), `robots row: ${robots}`);
        await noSidewaysScroll("汇总与差距");
        await table.scrollIntoViewIfNeeded();
        await shoot("city.png");
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    await step("本机工作簿：打开、校核、评分、下载，zg 与 LibreOffice 读回一致 / a local workbook opened, checked, scored, downloaded and read back alike by zg and LibreOffice", async () => {
      await fileRoundTrip(page, server.url, work);
    });

    await step("拖放打开；不是 xlsx 的文件给出与 zg 相同的提示 / drag-and-drop opens a file; a file that is not .xlsx gets zg's message", async () => {
      await page.goto(`${server.url}/`);
      await page.locator("aside.pane").getByRole("tab", { name: "分解校核" }).waitFor();
      const drop = async (name, bytes) => {
        const transfer = await page.evaluateHandle(
          ({ name, b64 }) => {
            const bin = atob(b64);
            const data = new Uint8Array(bin.length);
            for (let i = 0; i < bin.length; i++) data[i] = bin.charCodeAt(i);
            const dt = new DataTransfer();
            dt.items.add(new File([data], name));
            return dt;
          },
          { name, b64: Buffer.from(bytes).toString("base64") },
        );
        await page.dispatchEvent(".preview", "dragover", { dataTransfer: transfer });
        await page.dispatchEvent(".preview", "drop", { dataTransfer: transfer });
      };
      const file = path.join(work, "拖放.xlsx");
      await makeWorkbook(file, { seed: 7, counties: 12 });
      await drop("拖放.xlsx", fs.readFileSync(file));
      await page.getByTestId("page-status").filter({ hasText: "已打开“拖放.xlsx”（3 个工作表）" }).waitFor();
      for (const name of ["分解表", "完成情况", "县"]) await sheetTab(name).waitFor();
      // A CSV saved with the wrong extension: the reader's own message, with the file's name, as zg prints it.
      const csv = path.join(work, "台账.xlsx");
      fs.writeFileSync(csv, "县,目标\n上城区,10%\n");
      const r = spawnSync(process.execPath, [path.join(root, "bin", "zg.js"), "check", csv], { cwd: root, encoding: "utf8" });
      await drop("台账.xlsx", fs.readFileSync(csv));
      const shown = await page.getByRole("alert").filter({ hasText: "台账.xlsx" }).innerText();
      assert(shown.includes("文件“台账.xlsx”：不是 .xlsx 工作簿"), `the page says: ${shown}`);
      assert(`${r.stdout}${r.stderr}`.includes("不是 .xlsx 工作簿"), `zg says the same: ${r.stdout}${r.stderr}`);
      await sheetTab("分解表").waitFor();
    });

    await officePagesSteps(context, server.url, dist, step, assert);

    await step("只访问本机，无页面错误 / no request leaves localhost, no page error", async () => {
      const outside = requests.filter((u) => {
        // data:, blob: and file: (the page opened from a shared drive) are not network requests.
        if (u.startsWith("data:") || u.startsWith("blob:") || u.startsWith("file:")) return false;
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
    fs.rmSync(work, { recursive: true, force: true });
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
