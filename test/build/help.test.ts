/**
 * dist/help.html, the guide the pane's 帮助 link opens: built from docs/taskpane.md by build/help.js, with an anchor
 * for each tab of the pane, no script, the screenshots it shows shipped beside it, and no reference to our own
 * spec files in what users read.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import type { TabId } from "../../src/taskpane/App";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { helpPage } = require("../../build/help") as { helpPage: (md: string) => string };

const root = join(__dirname, "../..");
const page = helpPage(readFileSync(join(root, "docs/taskpane.md"), "utf8"));

test("every tab of the pane has its section", () => {
  const tabs: TabId[] = ["check", "score", "select", "templates"];
  for (const id of tabs) expect(page).toContain(`<h2 id="${id}">`);
});

test("no script, a strict CSP, and only the user sections", () => {
  expect(page).not.toMatch(/<script/i);
  expect(page).toContain("default-src 'self'");
  expect(page).not.toContain("rules.md");
  expect(page).not.toContain("开发者说明");
});

test("Markdown is converted, text is escaped, and the images it shows exist", () => {
  expect(helpPage("a <b>x</b> **y** `=ZG.<X>`")).toContain("<p>a &lt;b&gt;x&lt;/b&gt; <b>y</b> <code>=ZG.&lt;X&gt;</code></p>");
  expect(helpPage("1. one\n   more\n2. two")).toContain("<ol><li>one more</li><li>two</li></ol>");
  const images = [...page.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]);
  expect(images.length).toBeGreaterThan(0);
  for (const src of images) expect(existsSync(join(root, "docs", src))).toBe(true);
});
