/**
 * src/taskpane/old-host.js: the ES5 check that tells users of Internet Explorer 11 / Edge Legacy webviews (Office 2016
 * and 2019 perpetual) why the pane cannot run there, instead of a blank pane.
 */
import * as fs from "fs";
import * as path from "path";
import { JSDOM, ResourceLoader } from "jsdom";

const file = path.join(__dirname, "..", "..", "src", "taskpane", "old-host.js");
const source = fs.readFileSync(file, "utf8");

const IE11 = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko";
const EDGE_LEGACY =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041";
const WEBVIEW2 =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0";

/** The page as the webview builds it: old-host.js runs in <head>, before the document has finished loading. */
async function load(userAgent: string, prepare?: (w: JSDOM["window"]) => void): Promise<JSDOM> {
  const dom = new JSDOM(`<!doctype html><html><body><div id="root">…</div></body></html>`, {
    runScripts: "outside-only",
    resources: new ResourceLoader({ userAgent }),
  });
  prepare?.(dom.window);
  dom.window.eval(source);
  if (dom.window.document.readyState === "loading") {
    await new Promise((resolve) => dom.window.document.addEventListener("DOMContentLoaded", resolve));
  }
  return dom;
}

const message = (dom: JSDOM) => dom.window.document.querySelector("[data-testid=old-host]");

test("is plain ES5, so the oldest webview can run it", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const acorn = require("acorn") as { parse: (s: string, o: object) => unknown };
  expect(() => acorn.parse(source, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
});

test.each([
  ["Internet Explorer 11 (Trident)", IE11],
  ["Microsoft Edge Legacy (EdgeHTML)", EDGE_LEGACY],
])("%s: says why, in Chinese and English, and what to use instead", async (_, ua) => {
  const dom = await load(ua);
  const box = message(dom);
  expect(box).not.toBeNull();
  const text = box!.textContent ?? "";
  expect(text).toContain("Internet Explorer 11");
  expect(text).toContain("Microsoft 365");
  expect(text).toContain("Office 2021");
  expect(text).toContain("Excel 网页版");
  expect(text).toContain("Excel on the web");
  expect(text).toContain("zg 命令行");
  expect(text).toContain("=ZG.");
  expect((dom.window as unknown as { ZG_OLD_HOST?: boolean }).ZG_OLD_HOST).toBe(true);
});

test("WebView2 (Chromium Edge) with ES2020's library: the pane is left alone", async () => {
  const dom = await load(WEBVIEW2, (w) => {
    // jsdom's window lacks some of Node's globals: give it what a Chromium webview has.
    (w as unknown as { globalThis: unknown }).globalThis = w;
  });
  expect(message(dom)).toBeNull();
  expect(dom.window.document.getElementById("root")!.textContent).toBe("…");
});

test("an engine that cannot parse the bundle gets the message too", async () => {
  const dom = await load(WEBVIEW2, (w) => {
    (w as unknown as { globalThis: unknown }).globalThis = w;
  });
  const event = new dom.window.ErrorEvent("error", { filename: "https://localhost:3000/taskpane.js", error: new dom.window.SyntaxError("Unexpected token '.'") });
  dom.window.dispatchEvent(event);
  expect(message(dom)).not.toBeNull();
});
