/**
 * The engine (src/core) stays pure: no Office.js, React, Fluent UI or DOM. Then it runs unchanged in the custom
 * functions runtime, the task pane, the CLI and the tests.
 */
import * as fs from "fs";
import * as path from "path";

const CORE = path.join(__dirname, "..", "..", "src", "core");
const FORBIDDEN_MODULE = /^(office-[\w-]+|@microsoft\/office-js|react|react-dom|@fluentui\/.*|react\/.*|react-dom\/.*)$/;
const FORBIDDEN_GLOBAL = /\b(?:Office|Excel)\s*\.|\b(?:window|document)\b/;

/** Source text with comments removed and string contents blanked, so prose about "Excel." is not a hit. */
function codeOnly(src: string): { code: string; specifiers: string[] } {
  let code = "";
  const specifiers: string[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    const next = src[i + 1];
    if (c === "/" && next === "/") {
      while (i < src.length && src[i] !== "\n") i++;
    } else if (c === "/" && next === "*") {
      const end = src.indexOf("*/", i + 2);
      i = end < 0 ? src.length : end + 2;
    } else if (c === '"' || c === "'" || c === "`") {
      let j = i + 1;
      let text = "";
      while (j < src.length && src[j] !== c) {
        if (src[j] === "\\") {
          text += src[j + 1] ?? "";
          j += 2;
        } else text += src[j++];
      }
      // Record what a module specifier would be; the blanked literal keeps positions of the code around it.
      const before = code.slice(-40);
      if (/(?:\bfrom|\bimport|\brequire\s*\(|\bimport\s*\()\s*$/.test(before)) specifiers.push(text);
      code += `${c}${c}`;
      i = j + 1;
    } else {
      code += c;
      i++;
    }
  }
  return { code, specifiers };
}

function violations(src: string): string[] {
  const { code, specifiers } = codeOnly(src);
  const out = specifiers.filter((s) => FORBIDDEN_MODULE.test(s)).map((s) => `imports ${s}`);
  const m = FORBIDDEN_GLOBAL.exec(code);
  if (m) out.push(`refers to ${m[0].replace(/\s+/g, "")}`);
  return out;
}

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(d.name) ? [p] : [];
  });
}

describe("src/core is pure", () => {
  const files = sourceFiles(CORE);

  test("there are engine sources to check", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  test.each(files.map((f) => [path.relative(CORE, f), f]))("%s imports no Office/React/Fluent and touches no DOM", (_name, file) => {
    expect(violations(fs.readFileSync(file, "utf8"))).toEqual([]);
  });
});

describe("the purity scanner", () => {
  test("flags forbidden imports and globals in code", () => {
    expect(violations('import { Button } from "@fluentui/react-components";')).toEqual(["imports @fluentui/react-components"]);
    expect(violations("import * as React from 'react';\n")).toEqual(["imports react"]);
    expect(violations('const x = require("office-addin-mock");')).toEqual(["imports office-addin-mock"]);
    expect(violations('export type T = import("@microsoft/office-js").X;')).toEqual(["imports @microsoft/office-js"]);
    expect(violations("await Excel.run(async (ctx) => ctx.sync());")).toEqual(["refers to Excel."]);
    expect(violations("Office . onReady();")).toEqual(["refers to Office."]);
    expect(violations("const w = window.innerWidth;")).toEqual(["refers to window"]);
    expect(violations("document.title = 'x';")).toEqual(["refers to document"]);
  });

  test("ignores the same words in comments and strings, and look-alike identifiers", () => {
    expect(violations('// Excel.run is not used here\n/* window, document */\nconst a = "Open Excel. Then the document.";')).toEqual([]);
    expect(violations("const msg = `在 Excel. 中 ${n} document`; const documents = 1; const sourceDocument = 2;")).toEqual([]);
    expect(violations('import { readCell } from "./parse"; const reactive = 1;')).toEqual([]);
  });
});
