/**
 * Webpack 5 build of the ZG add-in (docs/build.md).
 *
 *   dist/taskpane.html + taskpane.js     task pane (React + Fluent UI)
 *   dist/office-js/                      Office.js and the custom-functions runtime, from @microsoft/office-js
 *   dist/functions.html + functions.js   custom functions (dedicated JavaScript-only runtime)
 *   dist/functions.json                  metadata generated from src/functions/functions.ts
 *   dist/functions.zh-CN.json            the same in Chinese, from src/functions/zh-CN.json (build fails if incomplete)
 *   dist/preview.html + preview.js       the browser page: the task pane in a plain browser (no Office.js)
 *   dist/index.html                      the same page, as the folder's index (a static site for any web server)
 *   dist/assets/, dist/manifest.xml, dist/support.html, dist/bundle-sizes.json
 *   dist/wps/                            the WPS 加载项 for WPS 表格 (build/wps.js, docs/wps.md)
 *
 * ZG_PUBLIC_URL=https://host/path (or --env publicUrl=…) replaces https://localhost:3000 in the copied manifest.
 * ZG_OFFICE_JS=local|microsoft|21vianet|https://…/ (or --env officeJs=…) chooses where the pages load Office.js from
 * (build/office-js.js; our own origin by default), and so the pages' Content-Security-Policy.
 *
 * Two configurations. The custom functions run in Excel's JavaScript-only runtime, which parses ECMAScript 2016
 * only on Windows builds before 2403 and on perpetual Office through 2021 (Microsoft's "Runtimes in Office
 * Add-ins", docs/testing/runtimes.md until November 2025): that entry is compiled for ES2016 and the build fails
 * when functions.js does not parse as ES2016 (Es2016Gate). The pages (task pane, preview) run in a browser
 * runtime and stay ES2020. `--env only=functions --env outputPath=…` builds the functions alone (the bare-runtime test).
 */
"use strict";
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { LocalizeFunctionsPlugin, BundleBudgetPlugin, Es2016Gate } = require("./build/plugins");
const { contentSecurityPolicy } = require("./build/csp");
const { helpPage } = require("./build/help");
const { parsePublicUrl, rewriteManifestUrls } = require("./build/manifest-url");
const { officeJsSource, officeJsCopyPatterns } = require("./build/office-js");

/**
 * Office.js for the add-in's pages: where the <script> tags point, what the CSP allows, and (local choice) the
 * copy of @microsoft/office-js that dist/ serves itself.
 */
function officeJsBuild(env) {
  const source = officeJsSource(env.officeJs || process.env.ZG_OFFICE_JS);
  return { source, copyPatterns: source.kind === "local" ? officeJsCopyPatterns() : [] };
}
// The WPS 加载项 (dist/wps/) is a configuration of its own, kept in build/wps.js.
const { wpsConfig } = require("./build/wps");

const DEV_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
const DEV_ORIGIN = `https://localhost:${DEV_PORT}`;

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || process.env.NODE_ENV || "production";
  const dev = mode !== "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const prodUrl = parsePublicUrl(env.publicUrl || process.env.ZG_PUBLIC_URL);
  const officeJs = officeJsBuild(env);
  const cspOffice = contentSecurityPolicy({ officeOrigin: officeJs.source.origin, devServer: serving ? DEV_ORIGIN : undefined });
  const cspPreview = contentSecurityPolicy({ devServer: serving ? DEV_ORIGIN : undefined });
  const functionsEntry = "./src/functions/functions.ts";
  const outputPath = env.outputPath ? path.resolve(env.outputPath) : path.resolve(__dirname, "dist");

  /** ts-loader for one language level; ES modules reach webpack untouched so it can tree-shake (tsconfig says commonjs for jest). */
  const typescript = (target) => ({
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: "ts-loader",
      options: {
        transpileOnly: true,
        configFile: "tsconfig.json",
        compilerOptions: { module: "esnext", moduleResolution: "node", sourceMap: dev, target },
      },
    },
  });

  const common = {
    mode: dev ? "development" : "production",
    context: __dirname,
    // Never an eval-based source map: the pages' CSP forbids eval, in development too.
    devtool: dev ? "source-map" : false,
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    performance: false, // replaced by BundleBudgetPlugin's gzip budgets
    optimization: {
      // One file per entry: the functions runtime loads exactly functions.js, nothing else.
      splitChunks: false,
      runtimeChunk: false,
    },
  };

  const functions = {
    ...common,
    name: "functions",
    entry: { functions: functionsEntry },
    output: {
      path: outputPath,
      filename: "[name].js",
      // Relative URLs: dist/ works at the site root and under any ZG_PUBLIC_URL path.
      publicPath: "",
      // Not globalThis (ES2020): the ES2016 runtime lacks it, and it has no window either.
      globalObject: "(typeof self !== 'undefined' ? self : this)",
      // This configuration runs first (the pages depend on it), so it cleans; the command line and the
      // benchmark, which tsc compiles into dist/ beside the web build, are kept.
      clean: { keep: /^(cli|bench)[\\/]/ },
    },
    // ES2016 for webpack's own runtime code and for terser's output, as for our TypeScript.
    target: ["web", "es2016"],
    optimization: {
      ...common.optimization,
      // terser's reduce_funcs pastes single-use functions into their callers as function expressions (the range
      // comparison into the argument reader, say); V8 optimises that code worse: filled-down calls measured
      // about 3× slower (bench/percell.ts). passes: 2 is webpack's own default.
      minimizeOptions: { javascript: { compress: { passes: 2, reduce_funcs: false } } },
    },
    module: { rules: [typescript("ES2016")] },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: functionsEntry }),
      new LocalizeFunctionsPlugin({ table: path.resolve(__dirname, "src/functions/zh-CN.json") }),
      new HtmlWebpackPlugin({
        filename: "functions.html",
        template: "./build/functions.html",
        chunks: ["functions"],
        csp: cspOffice,
        officeJs: officeJs.source,
      }),
      new Es2016Gate({ files: ["functions.js"] }),
      new BundleBudgetPlugin({ enforce: !dev }),
    ],
  };
  // The runtime and Office.js beside the pages (local choice): copied once, by the configuration that cleans.
  // (Not for `--env only=functions`: the bare-runtime test loads functions.js alone.)
  if (officeJs.copyPatterns.length && env.only !== "functions") functions.plugins.push(new CopyWebpackPlugin({ patterns: officeJs.copyPatterns }));
  if (env.only === "functions") return [functions];

  const pages = {
    ...common,
    name: "pages",
    // After the functions: one report of bundle sizes, and no clean racing the other configuration's output.
    dependencies: ["functions"],
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      preview: "./src/preview/index.tsx",
    },
    output: {
      path: outputPath,
      filename: "[name].js",
      publicPath: "",
      globalObject: "self",
      clean: false,
    },
    target: ["web", "es2020"],
    module: { rules: [typescript("ES2020")] },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        csp: cspOffice,
        officeJs: officeJs.source,
      }),
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/preview/preview.html",
        chunks: ["preview"],
        csp: cspPreview,
      }),
      // The same page as the folder's index: dist/ served by any intranet web server opens it (docs/build.md).
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/preview/preview.html",
        chunks: ["preview"],
        csp: cspPreview,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "build/support.html", to: "support.html" },
          // The user guide the pane's 帮助 link opens (build/help.js), with the screenshots it shows.
          { from: "docs/taskpane.md", to: "help.html", transform: (content) => helpPage(content.toString()) },
          { from: "docs/screenshots/*.png", to: "screenshots/[name][ext]" },
          // Plain ES5, copied as written: it must run where the bundles cannot (src/taskpane/old-host.js).
          { from: "src/taskpane/old-host.js", to: "old-host.js" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (prodUrl && !dev ? rewriteManifestUrls(content.toString(), prodUrl) : content),
          },
        ],
      }),
      // old-host.js as shipped, after terser (which targets ES2020 here), must still parse as ES5.
      new Es2016Gate({ files: ["old-host.js"], ecmaVersion: 5, who: { zh: "Internet Explorer 11 与旧版 Edge 网页控件", en: "Internet Explorer 11 and Edge Legacy webviews" } }),
      // Adds its rows to the functions configuration's bundle-sizes.json.
      new BundleBudgetPlugin({ enforce: !dev, merge: true }),
    ],
  };

  if (serving) {
    // Live reload for the two pages only: the custom-functions runtime has no DOM for the dev-server client,
    // so it is added to these entries by hand instead of being injected into every entry.
    const client =
      require.resolve("webpack-dev-server/client/index.js") +
      `?protocol=wss%3A&hostname=localhost&port=${DEV_PORT}&pathname=%2Fws&logging=warn&overlay=true&reconnect=10&hot=false&live-reload=true`;
    pages.entry.taskpane = [client, pages.entry.taskpane];
    pages.entry.preview = [client, pages.entry.preview];
    const { getHttpsOptions } = require("./scripts/certs");
    const { key, cert, ca } = await getHttpsOptions();
    // webpack-dev-server reads its options from the first configuration and serves both.
    functions.devServer = {
      port: DEV_PORT,
      host: "localhost",
      server: { type: "https", options: { key, cert, ...(ca ? { ca } : {}) } },
      headers: {
        // Office on the web fetches the metadata and pages cross-origin.
        "Access-Control-Allow-Origin": "*",
        "Content-Security-Policy": cspOffice,
      },
      static: false,
      hot: false,
      liveReload: true,
      client: false,
      devMiddleware: { writeToDisk: false },
    };
  }
  // ── WPS 加载项 (build/wps.js): not served by the dev server, built by `npm run build` ──
  if (serving) return [functions, pages];
  return [functions, pages, wpsConfig({ common, typescript, outputPath, root: __dirname })];
};
