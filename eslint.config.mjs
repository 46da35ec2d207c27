// ESLint flat config: typescript-eslint's recommended rules without type information, so `npm run lint` stays fast
// (tsc --noEmit already does the type checking).
import js from "@eslint/js";
import importX, { createNodeResolver } from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";

const nodeGlobals = {
  require: "readonly",
  module: "writable",
  exports: "writable",
  __dirname: "readonly",
  __filename: "readonly",
  process: "readonly",
  console: "readonly",
  Buffer: "readonly",
  setTimeout: "readonly",
  clearTimeout: "readonly",
  setInterval: "readonly",
  clearInterval: "readonly",
  URL: "readonly",
};


// ─── layers (docs/architecture.md) ─────────────────────────────────────────────────────────────
// Each folder of src/ imports only downward: core ← functions; core ← excel (← excel/memory, which also runs the
// functions to evaluate our formulas); core, excel ← taskpane ← preview; core ← cli. src/xlsx, the workbook file
// reader and patcher, sits beside core (core ← xlsx ← cli, excel/memory and preview; excel shares its table locator).
// src/wps, the WPS adapter, sits beside excel (core, excel's interface, functions ← wps ← taskpane's entry). The rules below say so to the
// linter, one folder at a time.
const UI = ["react", "react-dom", "react-dom/*", "react/*", "@fluentui/*"];
const OFFICE = ["office-*", "@microsoft/office-js", "office-addin-*"];
const NODE = ["fs", "path", "os", "child_process", "crypto", "zlib", "node:*"];
const layer = (dir, { folders = [], packages = [], message }) => ({
  files: [`src/${dir}/**/*.{ts,tsx}`],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          ...folders.map((f) => ({ group: [`**/${f}`, `**/${f}/**`], message })),
          ...(packages.length ? [{ group: packages, message }] : []),
        ],
      },
    ],
  },
});

const OFFICE_ENTRIES = ["src/excel/office.ts", "src/taskpane/index.tsx", "src/functions/functions.ts", "src/functions/runtime.ts"];
const OFFICE_GLOBALS = ["Office", "Excel"].map((name) => ({ name, message: "Only src/excel/office.ts and the entry points use Office.js; receive ExcelOps instead." }));
const WPS_GLOBALS = ["wps", "Application"].map((name) => ({ name, message: "Only src/wps touches WPS's globals; receive ExcelOps instead." }));

const layerRules = [
  layer("core", {
    folders: ["functions", "excel", "taskpane", "preview", "cli", "xlsx", "wps"],
    packages: [...UI, ...OFFICE, ...NODE, "exceljs", "fflate", "saxes"],
    message: "src/core is the pure engine: it imports no other layer, no Office, React or Node module.",
  }),
  layer("functions", {
    folders: ["excel", "taskpane", "preview", "cli", "xlsx", "wps"],
    packages: [...UI, ...OFFICE, ...NODE, "exceljs", "fflate", "saxes"],
    message: "src/functions are thin adapters over the engine: they import src/core only.",
  }),
  {
    ...layer("excel", {
      folders: ["functions", "taskpane", "preview", "cli", "memory", "wps"],
      packages: [...UI, ...NODE, "exceljs"],
      message: "src/excel is the Office.js adapter: it imports src/core only (the in-memory twin lives apart in src/excel/memory).",
    }),
    ignores: ["src/excel/memory/**"],
  },
  layer("excel/memory", {
    folders: ["taskpane", "preview", "cli", "wps"],
    packages: [...UI, ...NODE, "exceljs"],
    message: "the in-memory twin imports the engine, the Excel layer's shared parts and the functions it evaluates, nothing above.",
  }),
  layer("taskpane", {
    folders: ["cli", "functions", "preview", "memory"],
    packages: [...NODE, "exceljs"],
    message: "the task pane never imports the command line or the functions; it receives the Excel operations as props.",
  }),
  layer("preview", {
    // The page reads and writes workbook files through the twin and src/xlsx; Office.js (office.ts) has no place in it.
    folders: ["cli", "functions", "office", "wps"],
    packages: [...NODE, ...OFFICE, "exceljs"],
    message: "the preview runs the pane over the in-memory twin and reads files with src/xlsx: no command line, no functions directly, no Office.js adapter.",
  }),
  layer("xlsx", {
    folders: ["functions", "excel", "taskpane", "preview", "cli", "wps"],
    packages: [...UI, ...OFFICE, ...NODE, "exceljs"],
    message: "src/xlsx is the pure workbook reader (bytes in, sheets out, for the command line and the browser page): it imports src/core only, no Node, Office or UI module.",
  }),
  layer("cli", {
    folders: ["taskpane", "excel", "preview", "functions", "wps"],
    packages: [...UI, ...OFFICE],
    message: "the command line imports the engine only (never the pane or the Excel adapter).",
  }),
  layer("wps", {
    // The WPS adapter implements ExcelOps over WPS's object model and registers the engine's functions with WPS.
    folders: ["taskpane", "preview", "cli", "memory", "office"],
    packages: [...UI, ...OFFICE, ...NODE, "exceljs"],
    message: "src/wps is the WPS adapter: it imports the engine, the ExcelOps interface and the functions' declarations, never the pane, the preview, the command line, the twin or Office.js.",
  }),
  // Globals: only the Office.js adapter and the entry points touch Office's; only src/wps touches WPS's (`wps`,
  // its `Application`); everything else gets ExcelOps. One rule list per group of files, since a later block's
  // list replaces an earlier one's.
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: [...OFFICE_ENTRIES, "src/wps/**"],
    rules: { "no-restricted-globals": ["error", ...OFFICE_GLOBALS, ...WPS_GLOBALS] },
  },
  { files: OFFICE_ENTRIES, rules: { "no-restricted-globals": ["error", ...WPS_GLOBALS] } },
  { files: ["src/wps/**/*.{ts,tsx}"], rules: { "no-restricted-globals": ["error", ...OFFICE_GLOBALS] } },
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/wps/**"],
    rules: {
      "no-restricted-properties": [
        "error",
        ...["window", "globalThis", "self"].flatMap((object) =>
          ["wps", "Application"].map((property) => ({ object, property, message: "Only src/wps touches WPS's globals; receive ExcelOps instead." })),
        ),
      ],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".json"] })],
      // The plugin parses each imported module itself to follow the cycle: tell it how to read TypeScript.
      "import-x/extensions": [".ts", ".tsx", ".js"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
    },
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },
];

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    rules: {
      // A leading underscore marks a parameter kept for its position (e.g. Excel's invocation argument).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Plain Node scripts and jest stubs are CommonJS.
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", globals: nodeGlobals },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Runs in Internet Explorer 11 and Edge Legacy webviews before the bundles: ES5 only, browser globals.
    files: ["src/taskpane/old-host.js"],
    languageOptions: { ecmaVersion: 5, sourceType: "script", globals: { window: "readonly", document: "readonly", Promise: "readonly" } },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module", globals: nodeGlobals },
  },
  ...layerRules,
);
