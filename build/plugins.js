/** Webpack plugins of the ZG build: the custom-functions metadata (finished, and in Chinese), bundle budgets, the ES2016 gate. */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { Compilation, WebpackError, sources } = require("webpack");
const { finishMetadata, localizeMetadata, unusedEntries } = require("./localize-functions");
const { budgets: defaultBudgets } = require("./budgets");

/**
 * Finishes the functions.json that custom-functions-metadata-plugin produced (finishMetadata: the top-level
 * properties the JSDoc tags cannot express, such as allowErrorForDataTypeAny) and emits functions.zh-CN.json
 * from it and the translation table. Any function or parameter without a Chinese description is a build error:
 * Chinese users would otherwise see English tooltips in the formula bar without anyone noticing.
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
        metadata = finishMetadata(metadata);
        compilation.updateAsset(this.input, new sources.RawSource(JSON.stringify(metadata, null, 4)));
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
  /**
   * @param {{ budgets?: object, enforce?: boolean, report?: string | false, log?: boolean, merge?: boolean }} [options]
   *   merge: keep the rows an earlier configuration wrote to the same report (same mode) for bundles this one
   *   does not build, so two configurations still give one bundle-sizes.json.
   */
  constructor(options = {}) {
    this.budgets = options.budgets || defaultBudgets;
    this.enforce = options.enforce !== false;
    this.report = options.report === undefined ? "bundle-sizes.json" : options.report;
    this.log = options.log !== false;
    this.merge = options.merge === true;
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
          const mine = new Set(rows.map((r) => r.file));
          const earlier = this.merge ? readReport(compilation.outputOptions.path, this.report) : null;
          if (earlier && earlier.mode === compiler.options.mode) {
            for (const r of earlier.bundles) if (!mine.has(r.file)) rows.push(r);
            rows.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
          }
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

/** An earlier bundle-sizes.json in the output folder, or null (absent, unreadable, or not a report). */
function readReport(dir, file) {
  try {
    const r = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
    return r && Array.isArray(r.bundles) ? r : null;
  } catch {
    return null;
  }
}

/**
 * Fails the build when a bundle does not parse as ECMAScript 2016. Excel's JavaScript-only custom-functions
 * runtime parses ES2016 only on Windows builds before 2403 and on perpetual Office through 2021 (Microsoft's
 * "Runtimes in Office Add-ins", docs/testing/runtimes.md until November 2025); there a BigInt literal, `?.` or
 * `??` stops functions.js from loading, and every =ZG.… cell shows #NAME?. Runs on the final (minified) asset,
 * after every other transformation, with acorn (the parser webpack and terser use).
 */
class Es2016Gate {
  /**
   * @param {{ files: string[], ecmaVersion?: number, who?: { zh: string, en: string } }} options who: what cannot load
   *   the file otherwise (default: the custom-functions runtime of Office 2021 and earlier).
   */
  constructor(options) {
    this.files = options.files;
    this.ecmaVersion = options.ecmaVersion || 2016;
    this.who = options.who || { zh: "Office 2021 及更早版本的自定义函数运行时", en: "the custom-functions runtime of Office 2021 and earlier" };
  }

  apply(compiler) {
    const name = "Es2016Gate";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap({ name, stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        for (const file of this.files) {
          const asset = compilation.getAsset(file);
          if (!asset) continue;
          const problem = syntaxProblem(asset.source.source().toString(), this.ecmaVersion);
          if (!problem) compilation.getLogger(name).info(`${file}: 可按 ECMAScript ${this.ecmaVersion} 解析 / parses as ECMAScript ${this.ecmaVersion}`);
          if (problem) {
            compilation.errors.push(
              new WebpackError(
                `${file} 不能按 ECMAScript ${this.ecmaVersion} 解析（第 ${problem.line} 行第 ${problem.column} 列：${problem.message}；附近：${problem.near}），` +
                  `${this.who.zh}无法加载它 / ` +
                  `${file} does not parse as ECMAScript ${this.ecmaVersion} (line ${problem.line}, column ${problem.column}: ${problem.message}; near: ${problem.near}), ` +
                  `so ${this.who.en} cannot load it`,
              ),
            );
          }
        }
      });
    });
  }
}

/** Why `code` does not parse at `ecmaVersion` as a classic script (where and what is around it), or null when it does. */
function syntaxProblem(code, ecmaVersion) {
  const acorn = require("acorn");
  try {
    acorn.parse(code, { ecmaVersion, sourceType: "script", locations: true });
    return null;
  } catch (e) {
    const pos = typeof e.pos === "number" ? e.pos : 0;
    const loc = e.loc || { line: 0, column: 0 };
    return { line: loc.line, column: loc.column + 1, message: String(e.message).replace(/\s*\(\d+:\d+\)$/, ""), near: code.slice(Math.max(0, pos - 30), pos + 30) };
  }
}

module.exports = { LocalizeFunctionsPlugin, BundleBudgetPlugin, Es2016Gate, syntaxProblem, gzipSize };
