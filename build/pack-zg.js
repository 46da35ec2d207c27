#!/usr/bin/env node
/**
 * npm run pack:zg [-- --out DIR]: the `zg` command as its own npm package, dist/zg-<version>.tgz.
 *
 * The package holds the CLI bundled by webpack (build/webpack.cli.js) with everything it needs at run time and has no
 * dependencies, so `npm install -g zg-<version>.tgz` works with the registry unreachable and an empty cache and
 * puts `zg` on PATH (npm writes zg.cmd and zg.ps1 on Windows). The add-in's own dependencies (React, Fluent UI,
 * Office.js) are not in it.
 */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");

/** Builds the package folder and packs it; returns the tarball's path. */
function packZg({ outDir = path.join(root, "dist"), quiet = false } = {}) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  const stage = path.join(outDir, "zg-package");
  const webpackCli = require.resolve("webpack-cli/bin/cli.js");
  const built = spawnSync(process.execPath, [webpackCli, "--config", path.join(__dirname, "webpack.cli.js"), "--env", `outputPath=${stage}`], {
    cwd: root,
    encoding: "utf8",
  });
  if (built.status !== 0) throw new Error(`building zg failed:\n${built.stdout}\n${built.stderr}`);

  fs.writeFileSync(
    path.join(stage, "zg.js"),
    [
      "#!/usr/bin/env node",
      "// The `zg` command (ZG's command line, bundled: it needs nothing else at run time).",
      'require("./cli.js").main(process.argv.slice(2)).then((code) => { process.exitCode = code; });',
      "",
    ].join("\n"),
    { mode: 0o755 },
  );
  const manifest = {
    name: "zg",
    version: pkg.version,
    description: pkg.description,
    license: pkg.license,
    engines: pkg.engines,
    bin: { zg: "zg.js" },
    // Everything is bundled: no dependencies, so installing asks no registry.
    dependencies: {},
  };
  fs.writeFileSync(path.join(stage, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
  fs.copyFileSync(path.join(root, "docs", "cli.md"), path.join(stage, "README.md"));

  fs.mkdirSync(outDir, { recursive: true });
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const packed = spawnSync(npm, ["pack", "--json", "--ignore-scripts", "--pack-destination", outDir], {
    cwd: stage,
    encoding: "utf8",
    shell: process.platform === "win32",
  });
  if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.stdout}\n${packed.stderr}`);
  const [info] = JSON.parse(packed.stdout);
  const tarball = path.join(outDir, info.filename);
  if (!quiet) process.stdout.write(`${tarball} (${(info.size / 1024).toFixed(0)} KB, ${info.entryCount} files)\n`);
  return tarball;
}

if (require.main === module) {
  const i = process.argv.indexOf("--out");
  try {
    packZg(i > 0 ? { outDir: path.resolve(process.argv[i + 1]) } : {});
  } catch (e) {
    process.stderr.write(`${e.message}\n`);
    process.exitCode = 1;
  }
}

module.exports = { packZg };
