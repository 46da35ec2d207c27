#!/usr/bin/env node
/**
 * npm run package -- --url https://zg.example.gov.cn/zg/ : one zip for the organisation's IT (docs/deploy.md).
 *
 *   site/                    dist/ built for that URL: the add-in's pages, Office.js beside them, the browser page
 *                            (index.html); copy it to the web server so that the URL serves it
 *   manifest.xml             the add-in's manifest, every URL under the given one, <Version> the package's version
 *   zg-<version>.tgz         the zg command (npm install -g zg-<version>.tgz, no registry needed)
 *   deploy.md                the deployment guide
 *
 * Options: --url (required, https only), --office-js local|microsoft|21vianet|https://… (default local, see
 * build/office-js.js), --out DIR (default release/), --schemas DIR (the manifest XSDs; default ../shared/schemas
 * beside the clone: validated with xmllint when they and xmllint are at hand, skipped with a notice otherwise).
 */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { zipSync } = require("fflate");
const { parsePublicUrl } = require("../build/manifest-url");
const { officeJsSource } = require("../build/office-js");
const { packZg } = require("../build/pack-zg");

const root = path.join(__dirname, "..");

function option(args, name) {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith("--")) throw new Error(`${name} 需要一个值 / ${name} needs a value`);
  return value;
}

/** x.y.z → x.y.z.0: the four-part <Version> the manifest schema requires. */
function manifestVersion(version) {
  const parts = String(version).split("-")[0].split(".");
  while (parts.length < 4) parts.push("0");
  return parts.slice(0, 4).join(".");
}

/** Validates a manifest against the XSDs; "skipped: …" when they or xmllint are not at hand. Throws when invalid. */
function validateManifest(file, schemas) {
  if (!fs.existsSync(path.join(schemas, "OfficeAppManifestV1_1.xsd"))) return `skipped: no schemas at ${schemas}`;
  const which = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  if (which.error) return "skipped: xmllint is not installed (Debian: apt-get install libxml2-utils)";
  // xmllint resolves the XSDs' imports relative to the schema files: run from their folder.
  const r = spawnSync("xmllint", ["--noout", "--schema", "OfficeAppManifestV1_1.xsd", path.resolve(file)], { cwd: schemas, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`清单不符合 XSD / the manifest fails the XSDs:\n${r.stderr}`);
  return "valid";
}

function filesUnder(dir, prefix, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) filesUnder(p, name, out);
    else out[name] = fs.readFileSync(p);
  }
  return out;
}

/**
 * Builds the package; returns { zip, manifest, validation }. `log` receives progress lines.
 * @param {{ url: string, officeJs?: string, out?: string, schemas?: string, log?: (line: string) => void }} o
 */
function makePackage(o) {
  const log = o.log || (() => undefined);
  if (!o.url) throw new Error("需要 --url https://… / --url https://… is required");
  if (!/^https:\/\//i.test(String(o.url).trim())) {
    throw new Error(`--url 必须是 https 网址：Office 只从 https 加载加载项 / --url must be https: Office loads add-ins only over https (${o.url})`);
  }
  const url = parsePublicUrl(o.url);
  officeJsSource(o.officeJs); // refuses a bad choice before the long build
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  const out = path.resolve(o.out || path.join(root, "release"));
  const schemas = path.resolve(o.schemas || path.join(root, "..", "shared", "schemas"));
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), "zg-package-"));
  try {
    const site = path.join(stage, "site");
    log(`构建 / building for ${url}/ …`);
    const env = ["--env", `publicUrl=${url}`, "--env", `outputPath=${site}`];
    if (o.officeJs) env.push("--env", `officeJs=${o.officeJs}`);
    const built = spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", ...env], { cwd: root, encoding: "utf8" });
    if (built.status !== 0) throw new Error(`构建失败 / the build failed:\n${built.stdout.slice(-4000)}\n${built.stderr.slice(-4000)}`);
    fs.rmSync(path.join(site, "bundle-sizes.json"), { force: true });

    // The manifest IT deploys: versioned, so Office sees an update (Microsoft: raise <Version> when the manifest changes).
    const manifestFile = path.join(site, "manifest.xml");
    const manifest = fs.readFileSync(manifestFile, "utf8").replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(pkg.version)}</Version>`);
    fs.writeFileSync(manifestFile, manifest);
    const validation = validateManifest(manifestFile, schemas);
    log(`清单校验 / manifest validation: ${validation}`);

    log("打包 zg / packing zg …");
    const tarball = packZg({ outDir: path.join(stage, "zg"), quiet: true });

    const files = { ...filesUnder(site, "site", {}) };
    files["manifest.xml"] = Buffer.from(manifest);
    files[path.basename(tarball)] = fs.readFileSync(tarball);
    files["deploy.md"] = fs.readFileSync(path.join(root, "docs", "deploy.md"));
    const zipped = zipSync(
      Object.fromEntries(Object.entries(files).map(([name, data]) => [name, [new Uint8Array(data), { level: /\.(png|tgz)$/.test(name) ? 0 : 6 }]])),
    );
    fs.mkdirSync(out, { recursive: true });
    const zip = path.join(out, `zg-${pkg.version}-${new URL(url).hostname}.zip`);
    fs.writeFileSync(zip, zipped);
    log(`已写入 / written: ${zip} (${(zipped.length / 1024 / 1024).toFixed(1)} MB)`);
    return { zip, manifest, validation };
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const args = process.argv.slice(2);
  try {
    if (args.includes("--help") || args.includes("-h")) {
      process.stdout.write(
        "用法 / Usage: npm run package -- --url https://zg.example.gov.cn/zg/ [--office-js local|microsoft|21vianet|https://…/] [--out DIR] [--schemas DIR]\n",
      );
    } else {
      makePackage({
        url: option(args, "--url"),
        officeJs: option(args, "--office-js"),
        out: option(args, "--out"),
        schemas: option(args, "--schemas"),
        log: (line) => process.stdout.write(`${line}\n`),
      });
    }
  } catch (e) {
    process.stderr.write(`${e.message}\n`);
    process.exitCode = 2;
  }
}

module.exports = { makePackage, manifestVersion, validateManifest };
