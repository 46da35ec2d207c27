/**
 * Where the pages load Office.js from (build/office-js.js) and the CSP that follows from the choice (build/csp.js).
 */
import * as fs from "fs";
import * as path from "path";
import { contentSecurityPolicy } from "../../build/csp";
import { officeJsCopyPatterns, officeJsSource } from "../../build/office-js";

const scriptSrc = (csp: string) => (/script-src ([^;]*)/.exec(csp) ?? ["", ""])[1];

test("by default Office.js comes from our own origin and the CSP allows no other", () => {
  const s = officeJsSource(undefined);
  expect(s).toMatchObject({ kind: "local", origin: null, officeJs: "office-js/office.js", runtimeJs: "office-js/custom-functions-runtime.js" });
  const csp = contentSecurityPolicy({ officeOrigin: s.origin });
  expect(scriptSrc(csp)).toBe("'self'");
  expect(csp).not.toMatch(/https?:/);
});

test.each([
  ["microsoft", "https://appsforoffice.microsoft.com", "https://appsforoffice.microsoft.com/lib/1/hosted/office.js"],
  ["21vianet", "https://appsforoffice.cdn.partner.office365.cn", "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js"],
  ["https://mirror.example.gov.cn/officejs", "https://mirror.example.gov.cn", "https://mirror.example.gov.cn/officejs/office.js"],
])("%s: the scripts come from %s, and the CSP allows exactly that origin", (choice, origin, officeJs) => {
  const s = officeJsSource(choice);
  expect(s.origin).toBe(origin);
  expect(s.officeJs).toBe(officeJs);
  expect(s.runtimeJs).toBe(officeJs.replace(/office\.js$/, "custom-functions-runtime.js"));
  const csp = contentSecurityPolicy({ officeOrigin: s.origin });
  expect(scriptSrc(csp)).toBe(`'self' ${origin}`);
  expect(csp.match(/https:\/\/[^ ;]+/g)?.every((o) => o === origin)).toBe(true);
});

test("a choice that is not https, or not a URL, stops the build", () => {
  expect(() => officeJsSource("http://mirror.example.gov.cn/officejs/")).toThrow(/https/);
  expect(() => officeJsSource("cdn")).toThrow(/local/);
  expect(() => officeJsSource("https://mirror.example.gov.cn/office.js?v=1")).toThrow(/folder/);
});

test("the local copy takes what office.js loads for Excel from the package, and leaves out debug copies and other hosts", () => {
  const patterns = officeJsCopyPatterns() as { from: string; context: string; to: string; globOptions?: { ignore: string[] } }[];
  expect(patterns.some((x) => x.to.endsWith("/LICENSE.md"))).toBe(true);
  const p = patterns.find((x) => x.from === "**/*") as { from: string; context: string; to: string; globOptions: { ignore: string[] } };
  const dir = p.context;
  for (const f of ["office.js", "custom-functions-runtime.js", "o15apptofilemappingtable.js", "excel-win32-16.01.js", "excel-web-16.00.js", "excel-mac-16.00.js", "zh-cn/office_strings.js", "en-us/office_strings.js"]) {
    expect(fs.existsSync(path.join(dir, f))).toBe(true);
  }
  const ignored = p.globOptions.ignore.join(" ");
  expect(ignored).toContain("*.debug.js");
  expect(ignored).toMatch(/word/);
  expect(p.to.startsWith("office-js/")).toBe(true);
});
