/**
 * The add-in's own pages on an intranet with no internet: the production build served from one origin, every request
 * to another origin refused. taskpane.html and functions.html load Office.js and the custom-functions runtime from
 * that origin with no page error; the pane is never blank (outside Office it points to the browser page; with
 * Office.js unreachable it says so); Office.js's loader, told it runs in Excel on Windows, fetches its host and
 * language files from the same folder.
 */
"use strict";
/* global document, CustomFunctions -- the page.evaluate callbacks run in the browser */

/**
 * @param {import("playwright-core").BrowserContext} context
 * @param {string} origin the server's origin (http://localhost:port)
 * @param {string} dist the folder served (its index.html is also opened from file://)
 * @param {(name: string, fn: () => Promise<void>) => Promise<void>} step
 * @param {(cond: unknown, message: string) => void} assert
 */
async function officePagesSteps(context, origin, dist, step, assert) {
  const page = await context.newPage();
  const refused = [];
  const failed = [];
  const errors = [];
  const fetched = [];
  let blockOfficeJs = false;
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    if (new URL(url).origin !== origin || (blockOfficeJs && /\/office\.js$/.test(url))) {
      refused.push(url);
      return route.abort("blockedbyclient");
    }
    return route.continue();
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("requestfinished", async (r) => {
    const res = await r.response();
    fetched.push({ url: r.url(), status: res ? res.status() : 0 });
  });
  page.on("requestfailed", (r) => failed.push(r.url()));
  const reset = () => {
    refused.length = 0;
    failed.length = 0;
    errors.length = 0;
    fetched.length = 0;
  };
  const until = async (cond, what, ms = 30_000) => {
    for (const end = Date.now() + ms; !cond(); ) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(fetched)}`);
      await page.waitForTimeout(100);
    }
  };
  const ok = (suffix) => fetched.some((f) => f.url.startsWith(origin) && f.url.endsWith(suffix) && f.status === 200);

  try {
    await step("任务窗格页：Office.js 来自本站，拒绝其他来源仍无页面错误，窗格不空白 / taskpane.html: Office.js from our own origin, every other origin refused, no page error, the pane not blank", async () => {
      reset();
      await page.goto(`${origin}/taskpane.html`);
      const notice = page.getByTestId("start-outside-office");
      await notice.waitFor({ timeout: 30_000 });
      const text = await notice.textContent();
      assert(/Excel/.test(text) && /index\.html/.test(text), `the notice points to the browser page: ${text}`);
      assert(ok("/office-js/office.js"), "office.js came from our own origin");
      assert(refused.length === 0, `no request to another origin: ${refused.join(", ")}`);
      assert(errors.length === 0, `page errors: ${errors.join("; ")}`);
      const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').getAttribute("content"));
      assert(!/https?:/.test(csp), `the CSP names no other origin: ${csp}`);
    });

    await step("Office.js 的加载器从同一文件夹取宿主与语言文件 / Office.js's loader fetches its host and language files from its own folder", async () => {
      reset();
      // What Excel on Windows tells office.js (host, platform, version, language) in the page's address.
      await page.goto(`${origin}/taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0`);
      await until(() => ok("/office-js/excel-win32-16.01.js") && ok("/office-js/zh-cn/office_strings.js"), "the host and language files");
      assert(ok("/office-js/excel-win32-16.01.js"), `excel-win32-16.01.js from our origin: ${JSON.stringify(fetched)}`);
      assert(ok("/office-js/zh-cn/office_strings.js"), `zh-cn/office_strings.js from our origin: ${JSON.stringify(fetched)}`);
      assert(refused.length === 0 && failed.length === 0, `nothing refused or failed: ${[...refused, ...failed].join(", ")}`);
      assert(errors.length === 0, `page errors: ${errors.join("; ")}`);
      await page.getByTestId("start-starting").waitFor({ timeout: 10_000 });
    });

    await step("函数页：运行时来自本站，functions.js 注册函数，无页面错误 / functions.html: the runtime from our own origin, functions.js registers, no page error", async () => {
      reset();
      await page.goto(`${origin}/functions.html`);
      await until(() => ok("/functions.js"), "functions.js");
      assert(ok("/office-js/custom-functions-runtime.js"), `custom-functions-runtime.js from our origin: ${JSON.stringify(fetched)}`);
      assert(ok("/functions.js"), "functions.js loaded");
      assert(await page.evaluate(() => typeof CustomFunctions === "object" && typeof CustomFunctions.associate === "function"), "CustomFunctions is defined");
      assert(refused.length === 0, `no request to another origin: ${refused.join(", ")}`);
      assert(errors.length === 0, `page errors: ${errors.join("; ")}`);
    });

    await step("Office.js 无法加载：窗格用中英文说明 / Office.js unreachable: the pane says so in Chinese and English", async () => {
      reset();
      blockOfficeJs = true;
      await page.goto(`${origin}/taskpane.html`);
      const notice = page.getByTestId("start-no-office-js");
      await notice.waitFor({ timeout: 30_000 });
      const text = await notice.textContent();
      assert(/Office\.js 未能加载/.test(text) && /Office\.js did not load/.test(text), `the notice: ${text}`);
      assert(errors.length === 0, `page errors: ${errors.join("; ")}`);
    });
    await step("浏览器页面从共享盘（file://）打开，无需服务器 / the browser page opened from a shared drive (file://) works with no server", async () => {
      const local = await context.newPage();
      const localErrors = [];
      local.on("pageerror", (e) => localErrors.push(e.message));
      try {
        await local.goto(`file://${dist}/index.html`);
        await local.locator("aside.pane").getByRole("tab", { name: "分解校核" }).waitFor({ timeout: 30_000 });
        await local.getByTestId("grid").waitFor({ timeout: 30_000 });
        assert(localErrors.length === 0, `page errors: ${localErrors.join("; ")}`);
      } finally {
        await local.close();
      }
    });
  } finally {
    blockOfficeJs = false;
    await page.close();
  }
}

module.exports = { officePagesSteps };
