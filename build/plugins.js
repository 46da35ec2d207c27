/** Webpack plugins of the ZG build: zh-CN custom-functions metadata and bundle budgets. */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { Compilation, WebpackError, sources } = require("webpack");
const { localizeMetadata, unusedEntries } = require("./localize-functions");
const { budgets: defaultBudgets } = require("./budgets");

/**
 * Emits functions.zh-CN.json from the functions.json that custom-functions-metadata-plugin produced and the
 * translation table. Any function or parameter without a Chinese description is a build error: Chinese users
 * would otherwise see English tooltips in the formula bar without anyone noticing.
 */
class LocalizeFunctionsPlugin {
  /** @param {{ table: string, input?: string, output?: string }} options */
  constructor(options) {
    this.table = path.resolve(options.table);
    this.input = options.input || "functions.json";
    this.output = options.output || "functions.zh-CN.json";
  }

  apply(compiler) {
    const name = "LocalizeFunctionsPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.fileDependencies.add(this.table);
      compilation.hooks.processAssets.tap({ name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset(this.input);
        // No functions.json: the metadata plugin has already reported why.
        if (!asset) return;
        const fail = (zh, en) => compilation.errors.push(new WebpackError(`${zh} / ${en}`));
        let metadata;
        let table;
        try {
          metadata = JSON.parse(asset.source.source().toString());
        } catch (e) {
          return fail(`${this.input} 不是有效的 JSON：${e.message}`, `${this.input} is not valid JSON: ${e.message}`);
        }
        try {
          table = JSON.parse(fs.readFileSync(this.table, "utf8"));
        } catch (e) {
          const rel = path.relative(compiler.context, this.table);
          return fail(`无法读取函数中文说明表 ${rel}：${e.message}`, `cannot read the Chinese function table ${rel}: ${e.message}`);
        }
        const { metadata: zh, missing } = localizeMetadata(metadata, table);
        if (missing.length > 0) {
          fail(
            `以下自定义函数或参数缺少中文说明（请补充 src/functions/zh-CN.json）：${missing.join("、")}`,
            `missing Chinese descriptions for these custom functions or parameters (add them to src/functions/zh-CN.json): ${missing.join(", ")}`,
          );
        }
        const unused = unusedEntries(metadata, table);
        if (unused.length > 0) {
          compilation.warnings.push(
            new WebpackError(
              `中文说明表中有未使用的条目：${unused.join("、")} / unused entries in the Chinese function table: ${unused.join(", ")}`,
            ),
          );
        }
        // Emitted even when incomplete, so the dev server keeps working while the error is shown.
        compilation.emitAsset(this.output, new sources.RawSource(JSON.stringify(zh, null, 2) + "\n"));
      });
    });
  }
}

/** Gzip size the way a web server would send it. */
function gzipSize(buffer) {
  return zlib.gzipSync(buffer, { level: 9 }).length;
}

/**
 * Measures the final (minified) bundles and fails a production build that exceeds a budget. Development builds are
 * unminified, so there the sizes are only reported. Writes bundle-sizes.json for the benchmark.
 */
class BundleBudgetPlugin {
  /** @param {{ budgets?: object, enforce?: boolean, report?: string | false, log?: boolean }} [options] */
  constructor(options = {}) {
    this.budgets = options.budgets || defaultBudgets;
    this.enforce = options.enforce !== false;
    this.report = options.report === undefined ? "bundle-sizes.json" : options.report;
    this.log = options.log !== false;
  }

  apply(compiler) {
    const name = "BundleBudgetPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap({ name, stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const rows = [];
        for (const [file, budget] of Object.entries(this.budgets)) {
          const asset = compilation.getAsset(file);
          if (!asset) continue;
          const buf = Buffer.from(asset.source.buffer());
          const gzip = gzipSize(buf);
          const over = gzip > budget.maxGzipBytes;
          rows.push({ file, bytes: buf.length, gzipBytes: gzip, maxGzipBytes: budget.maxGzipBytes, enforced: budget.enforce, over });
          if (over && budget.enforce && this.enforce) {
            compilation.errors.push(
              new WebpackError(
                `${file} 超出体积预算：gzip 后 ${kb(gzip)}，上限 ${kb(budget.maxGzipBytes)} / ` +
                  `${file} is over its budget: ${kb(gzip)} gzipped, limit ${kb(budget.maxGzipBytes)}`,
              ),
            );
          }
        }
        if (this.log) {
          const logger = compilation.getLogger(name);
          for (const r of rows) {
            logger.info(
              `${r.file}: ${kb(r.bytes)} (gzip ${kb(r.gzipBytes)} / ${kb(r.maxGzipBytes)}${r.enforced ? "" : ", report only"})`,
            );
          }
        }
        if (this.report) {
          const report = { mode: compiler.options.mode, enforced: this.enforce, bundles: rows };
          compilation.emitAsset(this.report, new sources.RawSource(JSON.stringify(report, null, 2) + "\n"));
        }
      });
    });
  }
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

module.exports = { LocalizeFunctionsPlugin, BundleBudgetPlugin, gzipSize };
