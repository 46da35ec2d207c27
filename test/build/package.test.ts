/**
 * npm run package: one zip for IT. The site inside is built for the given URL (every manifest URL under it, the files
 * they name present), the manifest validates against the XSDs when they are at hand, the zg package is in it, and an
 * http URL is refused.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { unzipSync } from "fflate";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { makePackage } = require("../../scripts/package") as {
  makePackage(o: { url: string; out: string; schemas?: string }): { zip: string; manifest: string; validation: string };
};

jest.setTimeout(600_000);

const URL_BASE = "https://zg.example.gov.cn/zg/";

test("an http URL is refused before anything is built", () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "zg-release-"));
  expect(() => makePackage({ url: "http://zg.example.gov.cn/zg/", out })).toThrow(/https/);
  expect(fs.readdirSync(out)).toEqual([]);
});

test("the zip holds the site built for the URL, a valid manifest pointing only there, zg and the guide", () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "zg-release-"));
  const r = makePackage({ url: URL_BASE, out });
  const files = unzipSync(fs.readFileSync(r.zip));
  const text = (name: string) => Buffer.from(files[name]).toString("utf8");

  const manifest = text("manifest.xml");
  expect(text("site/manifest.xml")).toBe(manifest);
  // Every URL of the manifest but the XML namespaces is under the given one (AppDomain: its origin).
  const urls = (manifest.replace(/<!--[\s\S]*?-->/g, "").match(/https?:\/\/[^"<\s]+/g) ?? []).filter((u) => !u.startsWith("http://schemas.microsoft.com/") && !u.startsWith("http://www.w3.org/"));
  expect(urls.length).toBeGreaterThan(10);
  expect(urls.filter((u) => u !== "https://zg.example.gov.cn" && !u.startsWith(URL_BASE))).toEqual([]);
  expect(manifest).not.toContain("localhost");
  // …and each file a URL names is in the site.
  for (const u of urls.filter((x) => x.startsWith(URL_BASE))) expect(Object.keys(files)).toContain(`site/${u.slice(URL_BASE.length)}`);
  expect(manifest).toMatch(/<Version>\d+\.\d+\.\d+\.\d+<\/Version>/);
  // Valid against the XSDs when they are at hand (scripts/validate-manifest.sh's folder); otherwise said so.
  expect(r.validation === "valid" || r.validation.startsWith("skipped")).toBe(true);

  // Office.js from the site itself, the browser page, the zg package and the guide.
  expect(text("site/taskpane.html")).toContain("office-js/office.js");
  for (const f of ["site/office-js/office.js", "site/office-js/custom-functions-runtime.js", "site/index.html", "site/functions.json", "deploy.md"]) expect(files[f]).toBeDefined();
  expect(Object.keys(files).some((f) => /^zg-\d+\.\d+\.\d+\.tgz$/.test(f))).toBe(true);
});
