/**
 * Webpack 5 build of the ZG add-in (docs/build.md).
 *
 *   dist/taskpane.html + taskpane.js     task pane (React + Fluent UI), Office.js from the CDN
 *   dist/functions.html + functions.js   custom functions (dedicated JavaScript-only runtime)
 *   dist/functions.json                  metadata generated from src/functions/functions.ts
 *   dist/functions.zh-CN.json            the same in Chinese, from src/functions/zh-CN.json (build fails if incomplete)
 *   dist/preview.html + preview.js       the task pane in a plain browser (no Office.js)
 *   dist/assets/, dist/manifest.xml, dist/support.html, dist/bundle-sizes.json
 *
 * ZG_PUBLIC_URL=https://host/path (or --env publicUrl=…) replaces https://localhost:3000 in the copied manifest.
 */
"use strict";
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { LocalizeFunctionsPlugin, BundleBudgetPlugin } = require("./build/plugins");
const { contentSecurityPolicy } = require("./build/csp");
const { parsePublicUrl, rewriteManifestUrls } = require("./build/manifest-url");

const DEV_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
const DEV_ORIGIN = `https://localhost:${DEV_PORT}`;

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || process.env.NODE_ENV || "production";
  const dev = mode !== "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const prodUrl = parsePublicUrl(env.publicUrl || process.env.ZG_PUBLIC_URL);
  const cspOffice = contentSecurityPolicy({ office: true, devServer: serving ? DEV_ORIGIN : undefined });
  const cspPreview = contentSecurityPolicy({ office: false, devServer: serving ? DEV_ORIGIN : undefined });
  const functionsEntry = "./src/functions/functions.ts";

  const config = {
    mode: dev ? "development" : "production",
    context: __dirname,
    // Never an eval-based source map: the pages' CSP forbids eval, in development too.
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: functionsEntry,
      preview: "./src/preview/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Relative URLs: dist/ works at the site root and under any ZG_PUBLIC_URL path.
      publicPath: "",
      // The JavaScript-only custom-functions runtime has no window: use globalThis for the webpack runtime.
      globalObject: "globalThis",
      // Keep the command line and the benchmark, which tsc compiles into dist/ beside the web build.
      clean: { keep: /^(cli|bench)[\\/]/ },
    },
    target: ["web", "es2020"],
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: "tsconfig.json",
              // ES modules reach webpack untouched so it can tree-shake Fluent UI (tsconfig says commonjs for jest).
              compilerOptions: { module: "esnext", moduleResolution: "node", sourceMap: dev },
            },
          },
        },
      ],
    },
    performance: false, // replaced by BundleBudgetPlugin's gzip budgets
    optimization: {
      // One file per entry: the functions runtime loads exactly functions.js, nothing else.
      splitChunks: false,
      runtimeChunk: false,
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: functionsEntry }),
      new LocalizeFunctionsPlugin({ table: path.resolve(__dirname, "src/functions/zh-CN.json") }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        csp: cspOffice,
      }),
      new HtmlWebpackPlugin({
        filename: "functions.html",
        template: "./build/functions.html",
        chunks: ["functions"],
        csp: cspOffice,
      }),
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/preview/preview.html",
        chunks: ["preview"],
        csp: cspPreview,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "build/support.html", to: "support.html" },
          // Plain ES5, copied as written: it must run where the bundles cannot (src/taskpane/old-host.js).
          { from: "src/taskpane/old-host.js", to: "old-host.js" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (prodUrl && !dev ? rewriteManifestUrls(content.toString(), prodUrl) : content),
          },
        ],
      }),
      new BundleBudgetPlugin({ enforce: !dev }),
    ],
  };

  if (serving) {
    // Live reload for the two pages only: the custom-functions runtime has no DOM for the dev-server client,
    // so it is added to these entries by hand instead of being injected into every entry.
    const client =
      require.resolve("webpack-dev-server/client/index.js") +
      `?protocol=wss%3A&hostname=localhost&port=${DEV_PORT}&pathname=%2Fws&logging=warn&overlay=true&reconnect=10&hot=false&live-reload=true`;
    config.entry.taskpane = [client, config.entry.taskpane];
    config.entry.preview = [client, config.entry.preview];
    const { getHttpsOptions } = require("./scripts/certs");
    const { key, cert, ca } = await getHttpsOptions();
    config.devServer = {
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
  return config;
};
