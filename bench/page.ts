/**
 * The browser page as an official uses it (issue 15), in Chromium: open a workbook file through the file input, check
 * the decomposition table and write the report, score and write the results sheet, download the saved workbook — on
 * the 90-county sample (no decomposition table in it: open, score, download) and on generated workbooks of 90 and 445
 * county-level units with 9号's table (test/e2e/workbook.js). Wall time from each click to the page showing its
 * result (test/e2e/flow.js, the very flow the e2e run checks), one run each: the page is measured whole, as a person
 * waits for it. Needs the production build in dist/ (`npm run bench` builds it first) and Chromium.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT } from "../test/hostile/corpus";
import type { Measurement } from "./measure";

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

interface Flow {
  times: Record<string, number>;
}

/* eslint-disable @typescript-eslint/no-require-imports -- the e2e helpers are plain CommonJS, shared with test/e2e/run.js */
export async function measurePage(): Promise<Measurement[]> {
  if (!fs.existsSync(CHROMIUM) || !fs.existsSync(path.join(ROOT, "dist", "index.html"))) {
    process.stderr.write(`page: skipped (needs ${CHROMIUM} and a production build in dist/)\n`);
    return [];
  }
  const { serve } = require(path.join(ROOT, "test", "e2e", "serve.js"));
  const { pageFlow } = require(path.join(ROOT, "test", "e2e", "flow.js")) as { pageFlow: (page: unknown, file: string, to: string, o?: object) => Promise<Flow> };
  const { makeWorkbook } = require(path.join(ROOT, "test", "e2e", "workbook.js"));
  const { chromium } = require("playwright-core");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zg-bench-page-"));
  const server = await serve(path.join(ROOT, "dist"));
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu"] });
  const out: Measurement[] = [];
  try {
    const cases: { name: string; file: string; check: boolean; what: string }[] = [
      { name: "sample90", file: path.join(ROOT, "assets", "samples", "sample-completion.xlsx"), check: false, what: "90 县示例（无分解表）/ the 90-county sample (no decomposition table)" },
    ];
    for (const n of [90, 445]) {
      const file = path.join(dir, `gen${n}.xlsx`);
      await makeWorkbook(file, { seed: 445 + n, counties: n });
      cases.push({ name: `gen${n}`, file, check: true, what: `生成的 ${n} 县 × 17 指标 + 9号分解表 / generated, ${n} units × 17 indicators with 9号's table` });
    }
    for (const c of cases) {
      const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 820 }, locale: "zh-CN" });
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      await page.locator("aside.pane").getByRole("tab", { name: "分解校核" }).waitFor();
      const r = await pageFlow(page, c.file, path.join(dir, `${c.name}-saved.xlsx`), { check: c.check, timeout: 600_000 });
      await context.close();
      const total = Object.values(r.times).reduce((a, b) => a + b, 0);
      for (const [stage, ms] of Object.entries(r.times)) out.push({ name: `page.${c.name}.${stage}.ms`, value: ms, unit: "ms", budget: null, note: `${c.what}：${stage}` });
      out.push({ name: `page.${c.name}.total.ms`, value: total, unit: "ms", budget: null, note: `${c.what}：打开至下载合计 / open to download, all stages` });
    }
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
