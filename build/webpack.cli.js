/**
 * The `zg` command as one self-contained package (npm run pack:zg, build/pack-zg.js): src/cli bundled with what it
 * needs at run time (ExcelJS, fflate, saxes, big.js), so `npm install -g zg-<version>.tgz` needs no registry and
 * installs nothing else. Kept apart from webpack.config.js (the add-in's pages), which it shares nothing with.
 */
"use strict";
const path = require("path");
const webpack = require("webpack");

const root = path.join(__dirname, "..");

module.exports = (env = {}) => ({
  name: "zg",
  mode: "production",
  context: root,
  target: "node20",
  devtool: false,
  entry: { cli: "./src/cli/main.ts" },
  output: {
    path: path.resolve(env.outputPath || path.join(root, "dist", "zg-package")),
    filename: "[name].js",
    // The commands stay their own files, loaded on demand: `zg --version` and `zg --help` read only cli.js.
    chunkFilename: "[name].js",
    library: { type: "commonjs2" },
    clean: true,
  },
  resolve: { extensions: [".ts", ".js", ".json"] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: "ts-loader",
          options: { transpileOnly: true, configFile: "tsconfig.cli.json", compilerOptions: { module: "esnext", moduleResolution: "node", sourceMap: false } },
        },
      },
    ],
  },
  performance: false,
  // Shared pieces (ExcelJS above all) become one chunk the commands share, not a copy in each.
  optimization: { minimize: true, splitChunks: { chunks: "async", minSize: 10_000 }, chunkIds: "named" },
  plugins: [
    // main.ts reads the version from the repository's package.json, three folders up from dist/cli/cli/.
    new webpack.NormalModuleReplacementPlugin(/^\.\.\/\.\.\/\.\.\/package\.json$/, path.join(root, "package.json")),
  ],
  stats: "errors-warnings",
});
