/**
 * Where the pages load Office.js and the custom-functions runtime from (docs/build.md, docs/deploy.md).
 *
 *   local      (default) our own origin, folder office-js/, copied from the @microsoft/office-js package: an
 *              intranet with no internet loads the add-in from its own server alone. Microsoft's "Referencing the
 *              Office JavaScript API library" allows local references for internal scenarios, and the package's
 *              README says to bundle the files for a secure cloud environment.
 *   microsoft  Microsoft's CDN, https://appsforoffice.microsoft.com/lib/1/hosted/
 *   21vianet   the CDN of Microsoft 365 operated by 21Vianet, https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/
 *   https://…/ any https folder that holds office.js and custom-functions-runtime.js (an organisation's mirror)
 *
 * Chosen with `--env officeJs=…` or ZG_OFFICE_JS; the pages' Content-Security-Policy allows exactly that origin.
 */
"use strict";
const path = require("path");

const CDNS = {
  microsoft: "https://appsforoffice.microsoft.com/lib/1/hosted/",
  "21vianet": "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/",
};

/** The folder of dist/ that holds the local copy. */
const LOCAL_DIR = "office-js";

/**
 * @param {string|undefined} choice "local", "microsoft", "21vianet" or an https URL of a folder.
 * @returns {{ kind: string, base: string, origin: string|null, officeJs: string, runtimeJs: string }}
 *   base: the folder URL the pages use (relative for local); origin: the other origin the CSP must allow (null: 'self').
 */
function officeJsSource(choice) {
  const raw = (choice || "local").trim();
  const key = raw.toLowerCase();
  let kind;
  let base;
  if (key === "local") {
    kind = "local";
    base = `${LOCAL_DIR}/`;
  } else if (Object.prototype.hasOwnProperty.call(CDNS, key)) {
    kind = key;
    base = CDNS[key];
  } else {
    let url;
    try {
      url = new URL(raw);
    } catch {
      throw new Error(`officeJs: "${raw}" is neither local, microsoft, 21vianet nor a URL / 不是 local、microsoft、21vianet，也不是网址`);
    }
    if (url.protocol !== "https:") throw new Error(`officeJs: ${raw} must be https (Office loads add-ins only over https) / 必须是 https 网址`);
    if (url.search || url.hash) throw new Error(`officeJs: ${raw} must be a folder URL, without ? or # / 应为文件夹网址`);
    kind = "url";
    base = url.href.endsWith("/") ? url.href : `${url.href}/`;
  }
  return {
    kind,
    base,
    origin: kind === "local" ? null : new URL(base).origin,
    officeJs: `${base}office.js`,
    runtimeJs: `${base}custom-functions-runtime.js`,
  };
}

/**
 * Copy patterns (copy-webpack-plugin) for the local choice: the loader and everything it fetches next to itself
 * for Excel (the host's excel-*.js, o15apptofilemappingtable.js, <language>/office_strings.js, telemetry/…), without
 * the debug copies, the type definitions and the other hosts' files (Word, Outlook, PowerPoint, …).
 */
function officeJsCopyPatterns() {
  const pkg = path.dirname(require.resolve("@microsoft/office-js/package.json"));
  const from = path.join(pkg, "dist");
  return [
    // Microsoft's licence allows distributing Office.js with the add-in it serves; its terms travel with the files.
    { from: "LICENSE.md", context: pkg, to: `${LOCAL_DIR}/LICENSE.md` },
    {
      from: "**/*",
      context: from,
      to: `${LOCAL_DIR}/[path][name][ext]`,
      globOptions: {
        ignore: [
          "**/*.debug.js",
          "**/*-vsdoc.js",
          "**/*.d.ts",
          "**/{access,onenote,outlook,outlookwebapp,powerpoint,powerpointios,project,word,wordios}-*.js",
          "**/outlook_strings.js",
        ],
      },
      info: { minimized: true }, // already minified by Microsoft: terser leaves them alone
    },
  ];
}

module.exports = { officeJsSource, officeJsCopyPatterns, OFFICE_JS_CDNS: CDNS, OFFICE_JS_LOCAL_DIR: LOCAL_DIR };
