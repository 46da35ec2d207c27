/**
 * The WPS 加载项 (dist/wps/): ZG for WPS 表格, built beside the Excel add-in (docs/wps.md).
 *
 *   index.html + addin.js        the add-in's page WPS loads: registers =ZG.… (wps.AddCustomFunction), answers the ribbon
 *   taskpane.html + taskpane.js  the same task pane as Excel's (it chooses its host at start)
 *   ribbon.xml                   the ZG tab (CustomUI), one button per tab of the pane and 帮助
 *   functions.json, manifest.xml the functions' metadata in WPS's form, from the same declarations as Excel's
 *   publish.xml                  an example for offline installation (jsaddons) and, commented, the online entry
 *   help.html, assets/, screenshots/
 *
 * The forms follow Kingsoft's own tooling (the `wpsjs` package: its 表格 template, build.js and the functionsScanner of
 * vite_plugins.js) and WPS's page on 加载项自定义函数; docs/wps.md says what is documented and what is assumed.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { Compilation, WebpackError, sources } = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
const { finishMetadata, localizeMetadata } = require("./localize-functions");
const { helpPage } = require("./help");

/** The add-in's name in WPS (publish.xml, manifest.xml) and the functions' namespace (=ZG.…). */
const NAME = "ZG";

/** The ribbon's buttons: id (answered by src/wps/addin.ts), label, the pane's tab. */
const BUTTONS = [
  { id: "zgCheck", label: "校核" },
  { id: "zgScore", label: "评分" },
  { id: "zgSelect", label: "推荐与建议名单" },
  { id: "zgCity", label: "汇总与差距" },
  { id: "zgTemplates", label: "模板" },
  { id: "zgHelp", label: "帮助" },
];

const escapeXml = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * A parameter's type as WPS's functions.json writes it (wpsjs functionsScanner: string, number, bool, any, a 2-D
 * array of them such as any[][], a trailing ? for an optional parameter; 1-D arrays are refused).
 */
function wpsType(p) {
  const base = { number: "number", string: "string", boolean: "bool", any: "any" }[p.type || "any"] || "any";
  return `${base}${p.dimensionality === "matrix" ? "[][]" : ""}${p.optional ? "?" : ""}`;
}

/**
 * Excel's (Chinese) metadata → WPS's functions.json. Every result is `any`: a 1 × 1 result is returned as a single
 * value and a larger one as a 2-D array (src/wps/functions.ts), and `any` is the type that takes both.
 */
function wpsFunctionsJson(metadata) {
  return {
    functions: metadata.functions.map((f) => ({
      name: f.name,
      description: f.description || "",
      parameters: f.parameters.map((p) => ({ name: p.name, description: p.description || "", type: wpsType(p) })),
      result: { type: "any" },
    })),
  };
}

function manifestXml(description) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<JsPlugin>
  <ApiVersion>1.0.0</ApiVersion>
  <Name>${NAME}</Name>
  <Description>${escapeXml(description)}</Description>
  <Functions>
    <Uri>/functions.json</Uri>
    <Namespace>${NAME}</Namespace>
  </Functions>
</JsPlugin>
`;
}

function ribbonXml() {
  const buttons = BUTTONS.map((b) => `          <button id="${b.id}" label="${escapeXml(b.label)}" onAction="OnAction" getEnabled="OnGetEnabled" size="large"/>`).join("\n");
  return `<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui" onLoad="OnAddinLoad">
  <ribbon startFromScratch="false">
    <tabs>
      <tab id="zgTab" label="ZG">
        <group id="zgGroup" label="评分与校核">
${buttons}
        </group>
      </tab>
    </tabs>
  </ribbon>
</customUI>
`;
}

/** publish.xml for the user's jsaddons folder: the offline entry, and the online one to use instead, as a comment. */
function publishXml(version) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!--
  ZG 加载项的安装清单。离线安装：把文件夹 ${NAME}_${version} 与本文件一起复制到用户的 jsaddons 文件夹
  （Windows：%APPDATA%\\kingsoft\\wps\\jsaddons），然后重启 WPS。
  在线安装：删除 jsplugin 一行，改用下面注释中的 jspluginonline 一行，url 填写内网服务器上 wps 文件夹的地址。
  Offline: copy the folder ${NAME}_${version} and this file into the user's jsaddons folder, then restart WPS.
  Online: replace the jsplugin line with the jspluginonline line below, its url the intranet server's wps folder.
  <jspluginonline name="${NAME}" type="et" url="https://intranet.example/zg/wps/" debug="" enable="enable_dev" install="null" customDomain=""/>
-->
<jsplugins>
  <jsplugin name="${NAME}" type="et" url="${NAME}_${version}" version="${version}" enable="enable_dev" install="null" customDomain=""/>
</jsplugins>
`;
}

/** Emits functions.json, manifest.xml, ribbon.xml and publish.xml into the WPS build. */
class WpsFilesPlugin {
  /** @param {{ input: string, table: string, version: string, description: string }} options */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const name = "WpsFilesPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.fileDependencies.add(path.resolve(this.options.input));
      compilation.fileDependencies.add(path.resolve(this.options.table));
      compilation.hooks.processAssets.tapPromise({ name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, async () => {
        const emit = (file, text) => compilation.emitAsset(file, new sources.RawSource(text));
        try {
          const generated = await generateCustomFunctionsMetadata(path.resolve(this.options.input));
          if (generated.errors.length) throw new Error(generated.errors.join("; "));
          const table = JSON.parse(fs.readFileSync(this.options.table, "utf8"));
          const { metadata } = localizeMetadata(finishMetadata(JSON.parse(generated.metadataJson)), table);
          emit("functions.json", JSON.stringify(wpsFunctionsJson(metadata), null, 2) + "\n");
        } catch (e) {
          compilation.errors.push(new WebpackError(`WPS 的 functions.json 无法生成：${e.message} / cannot make WPS's functions.json: ${e.message}`));
        }
        emit("manifest.xml", manifestXml(this.options.description));
        emit("ribbon.xml", ribbonXml());
        emit("publish.xml", publishXml(this.options.version));
      });
    });
  }
}

/**
 * The webpack configuration of dist/wps/ (its own output folder, so the folder can be copied as it is).
 * @param {{ common: object, typescript: (target: string) => object, outputPath: string, root: string }} o
 */
function wpsConfig({ common, typescript, outputPath, root }) {
  const pkg = require(path.join(root, "package.json"));
  return {
    ...common,
    name: "wps",
    dependencies: ["pages"],
    entry: { addin: "./src/wps/addin.ts", taskpane: "./src/taskpane/index.tsx" },
    output: { path: path.join(outputPath, "wps"), filename: "[name].js", publicPath: "", globalObject: "self", clean: false },
    target: ["web", "es2020"],
    module: { rules: [typescript("ES2020")] },
    plugins: [
      new HtmlWebpackPlugin({ filename: "index.html", template: "./build/wps/index.html", chunks: ["addin"] }),
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./build/wps/taskpane.html", chunks: ["taskpane"] }),
      new WpsFilesPlugin({
        input: path.join(root, "src/functions/functions.ts"),
        table: path.join(root, "src/functions/zh-CN.json"),
        version: pkg.version,
        description: "ZG：浙江省传统制造业改造提升督查激励评分与指标分解校核",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "docs/taskpane.md", to: "help.html", transform: (content) => helpPage(content.toString()) },
          { from: "docs/screenshots/*.png", to: "screenshots/[name][ext]" },
        ],
      }),
    ],
  };
}

module.exports = { wpsConfig, wpsFunctionsJson, wpsType, manifestXml, ribbonXml, publishXml, BUTTONS, NAME };
