/** @jest-environment jsdom */
/**
 * Offline validation of manifest.xml (the online validator cannot be reached from here, toolchain.md): what Office
 * would reject or silently mis-show — malformed XML, dangling resids, http URLs, wrong icon sizes, missing Chinese.
 */
import * as fs from "fs";
import * as path from "path";
import { parsePublicUrl, rewriteManifestUrls } from "../../build/manifest-url";

const ROOT = path.join(__dirname, "..", "..");
const XML = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";

function parse(xml: string): Document {
  return new DOMParser().parseFromString(xml, "application/xml");
}
function parseErrors(doc: Document): number {
  return doc.getElementsByTagName("parsererror").length;
}
const doc = parse(XML);
const all = (): Element[] => Array.from(doc.getElementsByTagName("*"));
const byLocal = (name: string, root: Element | Document = doc): Element[] =>
  Array.from(root.getElementsByTagName("*")).filter((e) => e.localName === name);
const one = (name: string): Element => {
  const found = byLocal(name);
  if (found.length === 0) throw new Error(`no <${name}>`);
  return found[0];
};
const xsiType = (e: Element): string | null => e.getAttributeNS(XSI, "type");

/** Resources by section: id → the resource element. */
function resources(section: "Images" | "Urls" | "ShortStrings" | "LongStrings"): Map<string, Element> {
  const container = byLocal(section).find((e) => e.namespaceURI === BT);
  const out = new Map<string, Element>();
  if (!container) return out;
  for (const child of Array.from(container.children)) out.set(child.getAttribute("id") ?? "", child);
  return out;
}
function overrides(e: Element): Map<string, string> {
  return new Map(
    Array.from(e.children)
      .filter((c) => c.localName === "Override")
      .map((c) => [c.getAttribute("Locale") ?? "", c.getAttribute("Value") ?? ""]),
  );
}
/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!buf.subarray(0, 8).equals(signature) || buf.toString("ascii", 12, 16) !== "IHDR") {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}
/** The file in this repository that a localhost URL serves (dist mirrors assets/ and the built pages). */
function localFile(url: string): string {
  return path.join(ROOT, new URL(url).pathname);
}
const CJK = /[\u4e00-\u9fff]/;

describe("manifest.xml is well-formed", () => {
  test("parses as XML with the add-in's root element", () => {
    expect(parseErrors(doc)).toBe(0);
    expect(doc.documentElement.localName).toBe("OfficeApp");
    expect(xsiType(doc.documentElement)).toBe("TaskPaneApp");
  });

  test("the parse check does catch a broken manifest", () => {
    expect(parseErrors(parse(XML.replace("</Permissions>", "</Permission>")))).toBeGreaterThan(0);
    expect(parseErrors(parse(XML.replace("Score &amp; Check", "Score & Check")))).toBeGreaterThan(0);
  });
});

describe("identity", () => {
  test("Id is a GUID and Version has four numeric parts", () => {
    expect(one("Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(one("Version").textContent).toMatch(/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/);
    expect(one("ProviderName").textContent?.trim()).not.toBe("");
  });

  test("Excel workbook host only, with exactly ReadWriteDocument permission", () => {
    const hosts = Array.from(doc.documentElement.children).find((e) => e.localName === "Hosts");
    expect(Array.from(hosts?.children ?? []).map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
    expect(byLocal("Permissions").map((e) => e.textContent?.trim())).toEqual(["ReadWriteDocument"]);
  });

  test("display name and description are Chinese first, with English beside them, within the schema's limits", () => {
    for (const [name, max] of [
      ["DisplayName", 125],
      ["Description", 250],
    ] as const) {
      const e = one(name);
      const def = e.getAttribute("DefaultValue") ?? "";
      expect(def).toMatch(CJK);
      expect(def).toMatch(/[A-Za-z]{4,}/);
      const o = overrides(e);
      expect(o.get("zh-CN")).toMatch(CJK);
      expect(o.get("en-US")).toMatch(/^[A-Z]/);
      for (const v of [def, ...o.values()]) expect(v.length).toBeLessThanOrEqual(max);
    }
    expect(one("DefaultLocale").textContent).toBe("zh-CN");
  });
});

describe("resources", () => {
  const sections = {
    Images: resources("Images"),
    Urls: resources("Urls"),
    ShortStrings: resources("ShortStrings"),
    LongStrings: resources("LongStrings"),
  };
  /** Which resource section a referencing element must point into. */
  function expectedSection(e: Element): keyof typeof sections {
    if (e.localName === "Image") return "Images";
    if (e.localName === "SourceLocation" || e.localName === "LearnMoreUrl") return "Urls";
    if (e.localName === "Description") return "LongStrings";
    return "ShortStrings"; // Label, Title, Namespace
  }
  const refs = all().filter((e) => e.hasAttribute("resid"));

  test("every resid is defined, in the section its element needs", () => {
    expect(refs.length).toBeGreaterThan(10);
    const dangling = refs
      .filter((e) => !sections[expectedSection(e)].has(e.getAttribute("resid") ?? ""))
      .map((e) => `${e.localName}:${e.getAttribute("resid")}`);
    expect(dangling).toEqual([]);
  });

  test("every resource is used and resource ids are unique and at most 32 characters", () => {
    const used = new Set(refs.map((e) => e.getAttribute("resid")));
    const ids = Object.values(sections).flatMap((m) => Array.from(m.keys()));
    expect(ids.filter((id) => !used.has(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(32);
  });

  test("every string has a Chinese (zh-CN) and an English (en-US) version within the length limits", () => {
    for (const [section, max] of [
      ["ShortStrings", 125],
      ["LongStrings", 250],
    ] as const) {
      for (const [id, e] of sections[section]) {
        const o = overrides(e);
        expect([id, o.has("zh-CN"), o.has("en-US")]).toEqual([id, true, true]);
        if (id !== "Functions.Namespace") {
          expect(o.get("zh-CN")).toMatch(CJK);
          expect(e.getAttribute("DefaultValue")).toMatch(CJK);
          expect(o.get("en-US")).not.toMatch(CJK);
        }
        for (const v of [e.getAttribute("DefaultValue") ?? "", ...o.values()]) expect(v.length).toBeLessThanOrEqual(max);
      }
    }
  });
});

describe("URLs", () => {
  const urls = all().flatMap((e) => [
    ...Array.from(e.attributes)
      .map((a) => a.value)
      .filter((v) => /^[a-z][a-z0-9+.-]*:\/\//i.test(v) && !v.startsWith("http://schemas.microsoft.com/") && !v.startsWith("http://www.w3.org/")),
    ...(e.children.length === 0 && /^[a-z]+:\/\//i.test(e.textContent ?? "") ? [e.textContent ?? ""] : []),
  ]);

  test("every URL is https", () => {
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.filter((u) => !u.startsWith("https://"))).toEqual([]);
  });

  test("app domains are minimal: only the add-in's own origin", () => {
    const domains = byLocal("AppDomain").map((e) => e.textContent);
    expect(domains).toEqual([new URL(one("SourceLocation").getAttribute("DefaultValue") ?? "").origin]);
  });
});

describe("icons", () => {
  test("IconUrl is 32 px and HighResolutionIconUrl 64 px, both files present", () => {
    expect(pngSize(localFile(one("IconUrl").getAttribute("DefaultValue") ?? ""))).toEqual({ width: 32, height: 32 });
    expect(pngSize(localFile(one("HighResolutionIconUrl").getAttribute("DefaultValue") ?? ""))).toEqual({
      width: 64,
      height: 64,
    });
  });

  test("every ribbon image has the pixel size it is used at", () => {
    const images = resources("Images");
    const uses = byLocal("Image").filter((e) => e.hasAttribute("resid"));
    expect(uses.length).toBeGreaterThanOrEqual(6);
    for (const use of uses) {
      const size = Number(use.getAttribute("size"));
      const url = images.get(use.getAttribute("resid") ?? "")?.getAttribute("DefaultValue") ?? "";
      expect([url, pngSize(localFile(url))]).toEqual([url, { width: size, height: size }]);
    }
  });

  test("all five committed icons are square PNGs of their named size", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(path.join(ROOT, "assets", `icon-${size}.png`))).toEqual({ width: size, height: size });
    }
  });
});

describe("custom functions and ribbon", () => {
  const urls = resources("Urls");
  const urlOf = (resid: string | null): string => urls.get(resid ?? "")?.getAttribute("DefaultValue") ?? "";

  test("functions use the ZG namespace in every language", () => {
    const ns = resources("ShortStrings").get(one("Namespace").getAttribute("resid") ?? "");
    expect(ns?.getAttribute("DefaultValue")).toBe("ZG");
    expect(Array.from(overrides(ns as Element).values())).toEqual(["ZG", "ZG"]);
  });

  test("script, page and metadata point at the built files; zh-CN gets the Chinese metadata", () => {
    const point = byLocal("ExtensionPoint").find((e) => xsiType(e) === "CustomFunctions") as Element;
    const loc = (name: string) => byLocal(name, point)[0].getElementsByTagName("*")[0].getAttribute("resid");
    expect(new URL(urlOf(loc("Script"))).pathname).toBe("/functions.js");
    expect(new URL(urlOf(loc("Page"))).pathname).toBe("/functions.html");
    const metadata = urls.get(loc("Metadata") ?? "") as Element;
    expect(new URL(metadata.getAttribute("DefaultValue") ?? "").pathname).toBe("/functions.json");
    expect(new URL(overrides(metadata).get("zh-CN") ?? "").pathname).toBe("/functions.zh-CN.json");
  });

  test("dedicated JavaScript-only runtime: no shared runtime anywhere", () => {
    expect(byLocal("Runtimes")).toEqual([]);
    expect(byLocal("Set").filter((s) => s.getAttribute("Name") === "SharedRuntime")).toEqual([]);
  });

  test("a Home-tab button opens the task pane", () => {
    const tab = byLocal("OfficeTab")[0];
    expect(tab.getAttribute("id")).toBe("TabHome");
    const action = byLocal("Action", tab).find((a) => xsiType(a) === "ShowTaskpane") as Element;
    const resid = byLocal("SourceLocation", action)[0].getAttribute("resid");
    expect(new URL(urlOf(resid)).pathname).toBe("/taskpane.html");
    expect(new URL(one("SourceLocation").getAttribute("DefaultValue") ?? "").pathname).toBe("/taskpane.html");
  });
});

describe("production URL rewrite", () => {
  test("replaces every localhost URL and keeps the manifest valid", () => {
    const out = rewriteManifestUrls(XML, parsePublicUrl("https://zg.example.gov.cn/addin/"));
    expect(out).not.toContain("localhost");
    expect(out).toContain('DefaultValue="https://zg.example.gov.cn/addin/functions.json"');
    expect(out).toContain("<AppDomain>https://zg.example.gov.cn</AppDomain>");
    expect(parseErrors(parse(out))).toBe(0);
  });

  test("no production URL leaves the manifest untouched; http is refused", () => {
    expect(rewriteManifestUrls(XML, parsePublicUrl(""))).toBe(XML);
    expect(() => parsePublicUrl("http://zg.example.gov.cn")).toThrow(/https/);
  });
});
