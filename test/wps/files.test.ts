/**
 * dist/wps's files, made by build/wps.js from the same declarations as Excel's metadata: functions.json lists every
 * function of Excel's metadata with types WPS accepts (wpsjs functionsScanner: string, number, bool, any, their 2-D
 * arrays, a trailing ? for optional), Chinese descriptions; the manifest, ribbon and publish.xml in the forms of
 * Kingsoft's 表格 template and build.js.
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as path from "path";
import zhTable from "../../src/functions/zh-CN.json";
import { BUTTON_PAGES as PAGES } from "../../src/wps/ribbon";

/* eslint-disable @typescript-eslint/no-require-imports */
const { finishMetadata, localizeMetadata } = require("../../build/localize-functions.js");
const wps = require("../../build/wps.js") as {
  wpsFunctionsJson: (m: unknown) => { functions: { name: string; description: string; parameters: { name: string; description: string; type: string }[]; result: { type: string } }[] };
  manifestXml: (d: string) => string;
  ribbonXml: () => string;
  publishXml: (v: string) => string;
  BUTTONS: { id: string; label: string }[];
};
/* eslint-enable @typescript-eslint/no-require-imports */


interface ExcelFn {
  name: string;
  parameters: { name: string; type?: string; dimensionality?: string; optional?: boolean }[];
}

const WPS_TYPE = /^(string|number|bool|any)(\[\]\[\])?\??$/;
const HAN = /[\u4e00-\u9fff]/;
let excel: ExcelFn[];
let json: ReturnType<typeof wps.wpsFunctionsJson>;

beforeAll(async () => {
  const r = await generateCustomFunctionsMetadata(path.join(__dirname, "../../src/functions/functions.ts"));
  expect(r.errors).toEqual([]);
  const finished = finishMetadata(JSON.parse(r.metadataJson));
  excel = finished.functions;
  json = wps.wpsFunctionsJson(localizeMetadata(finished, zhTable).metadata);
}, 120_000);

test("functions.json lists every function of Excel's metadata, parameter for parameter, with types WPS accepts", () => {
  expect(json.functions.map((f) => f.name)).toEqual(excel.map((f) => f.name));
  expect(excel.length).toBeGreaterThanOrEqual(12);
  for (const [i, f] of json.functions.entries()) {
    const e = excel[i];
    expect(f.parameters.map((p) => p.name)).toEqual(e.parameters.map((p) => p.name));
    for (const [j, p] of f.parameters.entries()) {
      expect([f.name, p.name, WPS_TYPE.test(p.type)]).toEqual([f.name, p.name, true]);
      expect(p.type.endsWith("?")).toBe(Boolean(e.parameters[j].optional));
      expect(p.type.includes("[][]")).toBe(e.parameters[j].dimensionality === "matrix");
      expect([f.name, p.name, HAN.test(p.description)]).toEqual([f.name, p.name, true]);
    }
    expect(WPS_TYPE.test(f.result.type)).toBe(true);
    expect([f.name, HAN.test(f.description)]).toEqual([f.name, true]);
  }
  // No 1-D array type: WPS refuses them.
  expect(JSON.stringify(json)).not.toMatch(/[a-z]\[\](?!\[\])/);
});

test("the manifest names functions.json and the ZG namespace, as WPS reads it", () => {
  const xml = wps.manifestXml("说明 & <描述>");
  expect(xml).toContain("<JsPlugin>");
  expect(xml).toContain("<Functions>\n    <Uri>/functions.json</Uri>\n    <Namespace>ZG</Namespace>\n  </Functions>");
  expect(xml).toContain("<Description>说明 &amp; &lt;描述&gt;</Description>");
});

test("the ribbon's ZG tab has a button per tab of the pane and 帮助, each answered by the add-in page", () => {
  const xml = wps.ribbonXml();
  expect(xml).toContain('<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui" onLoad="OnAddinLoad">');
  expect(wps.BUTTONS.map((b) => b.label)).toEqual(["校核", "评分", "推荐与建议名单", "汇总与差距", "模板", "帮助"]);
  for (const b of wps.BUTTONS) {
    expect(xml).toContain(`id="${b.id}" label="${b.label}" onAction="OnAction"`);
    expect([b.id, PAGES[b.id]]).toEqual([b.id, expect.stringMatching(/^(taskpane\.html#tab=[a-z]+|help\.html)$/)]);
  }
  expect(Object.keys(PAGES).sort()).toEqual(wps.BUTTONS.map((b) => b.id).sort());
});

test("publish.xml installs the folder NAME_VERSION offline, and shows the online entry", () => {
  const xml = wps.publishXml("0.1.0");
  expect(xml).toContain('<jsplugin name="ZG" type="et" url="ZG_0.1.0" version="0.1.0" enable="enable_dev" install="null" customDomain=""/>');
  expect(xml).toContain('<jspluginonline name="ZG" type="et" url="https://');
  expect(xml).toMatch(/<jsplugins>[\s\S]*<\/jsplugins>/);
});
