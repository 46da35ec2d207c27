/**
 * The page's whole flow on a workbook file, as an official does it: open the file (the file input), check the
 * decomposition table, write the report, score, write the results sheet, download. Each stage is timed (wall clock,
 * from the click until the page shows its result). Shared by the e2e run (which then checks every answer) and the
 * benchmark (bench/page.ts, which reports the times).
 */
"use strict";
const fs = require("fs");

/**
 * Runs the flow on `file` in `page` (already at the page's URL). Returns the timings (ms), what the pane showed and
 * the downloaded file's path (saved to `downloadTo`).
 */
async function pageFlow(page, file, downloadTo, { timeout = 300_000, check: withCheck = true } = {}) {
  const pane = page.locator("aside.pane");
  const times = {};
  const clock = async (name, fn) => {
    const t0 = Date.now();
    const r = await fn();
    times[name] = Date.now() - t0;
    return r;
  };
  const name = require("path").basename(file);

  await clock("open", async () => {
    await page.getByTestId("open-file").setInputFiles(file);
    await page.getByTestId("page-status").filter({ hasText: name }).first().waitFor({ timeout });
  });
  const opened = await page.getByTestId("page-status").first().innerText();

  // A workbook without a decomposition table (the sample completion workbook) goes straight to scoring.
  const check = !withCheck ? null : await clock("check", async () => {
    await pane.getByRole("tab", { name: "分解校核" }).click();
    await pane.getByRole("button", { name: "校核", exact: true }).click();
    const summary = pane.getByTestId("check-summary");
    await summary.waitFor({ timeout });
    return summary.innerText();
  });

  if (withCheck)
    await clock("report", async () => {
      await pane.getByRole("button", { name: "写入校核报告表" }).click();
      await pane.getByText(/校核报告已写入工作表/).waitFor({ timeout });
    });

  const province = await clock("score", async () => {
    await pane.getByRole("tab", { name: "评分" }).click();
    await pane.getByRole("button", { name: "评分", exact: true }).click();
    const table = pane.getByTestId("province-table");
    await table.waitFor({ timeout });
    const rows = table.locator("tbody tr");
    const n = await rows.count();
    const out = [];
    for (let i = 0; i < n; i++) out.push({ county: await rows.nth(i).getAttribute("data-county"), total: (await rows.nth(i).locator("td").last().innerText()).trim() });
    return out;
  });

  await clock("results", async () => {
    await pane.getByRole("button", { name: "写入评分结果表（实时公式）" }).click();
    await pane.getByText(/评分结果已写入工作表/).waitFor({ timeout });
  });

  await clock("download", async () => {
    const [download] = await Promise.all([page.waitForEvent("download", { timeout }), page.getByTestId("download").click()]);
    await download.saveAs(downloadTo);
  });
  if (!fs.existsSync(downloadTo)) throw new Error("the download was not saved");
  return { times, opened, check, province };
}

module.exports = { pageFlow };
