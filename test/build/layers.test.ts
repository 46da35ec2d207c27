/**
 * The layers of src/ (docs/architecture.md) are enforced by the linter (eslint.config.mjs): this test proves each
 * rule fires on code that breaks it and stays quiet on code that keeps it, so a rule cannot silently stop working.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

jest.setTimeout(120_000);

const root = path.join(__dirname, "..", "..");
type Found = { rule: string | null; message: string };

/** Lints in a child process (ESLint loads its config by dynamic import, which jest cannot). */
function lint(input: { cwd?: string; cases?: { file: string; code: string }[]; files?: string[] }): { cases: Found[][]; files: { file: string; messages: Found[] }[] } {
  const r = spawnSync(process.execPath, [path.join(__dirname, "lint-cases.mjs")], { input: JSON.stringify(input), encoding: "utf8", cwd: root });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

const LAYER_RULES = ["no-restricted-imports", "no-restricted-globals", "no-restricted-properties", "import-x/no-cycle"];

const refused: [string, string, string][] = [
  ["src/core/x.ts", 'import { main } from "../cli/main";', "src/core is the pure engine"],
  ["src/core/x.ts", 'import { readFileSync } from "fs";', "src/core is the pure engine"],
  ["src/core/x.ts", 'import { Button } from "@fluentui/react-components";', "src/core is the pure engine"],
  ["src/core/x.ts", 'import { OfficeOps } from "../excel/office";', "src/core is the pure engine"],
  ["src/core/x.ts", 'import { readWorkbook } from "../xlsx";', "src/core is the pure engine"],
  ["src/core/x.ts", 'import { unzipSync } from "fflate";', "src/core is the pure engine"],
  ["src/functions/x.ts", 'import { readWorkbook } from "../xlsx";', "src/functions are thin adapters"],
  ["src/functions/x.ts", 'import { OfficeOps } from "../excel/office";', "src/functions are thin adapters"],
  ["src/functions/x.ts", 'import { App } from "../taskpane/App";', "src/functions are thin adapters"],
  ["src/excel/x.ts", 'import { RANKSCORE } from "../functions/rank";', "src/excel is the Office.js adapter"],
  ["src/excel/x.ts", 'import { MemoryWorkbook } from "./memory/memory";', "src/excel is the Office.js adapter"],
  ["src/taskpane/x.ts", 'import { readScoreInput } from "../cli/score-input";', "the task pane never imports"],
  ["src/taskpane/x.ts", 'import { RANKSCORE } from "../functions/rank";', "the task pane never imports"],
  ["src/taskpane/x.ts", 'import { MemoryWorkbook } from "../excel/memory/memory";', "the task pane never imports"],
  ["src/cli/x.ts", 'import { App } from "../taskpane/App";', "the command line imports the engine only"],
  ["src/cli/x.ts", 'import { OfficeOps } from "../excel/office";', "the command line imports the engine only"],
  ["src/preview/x.ts", 'import { main } from "../cli/main";', "the preview runs the pane"],
  ["src/preview/x.ts", 'import { RANKSCORE } from "../functions/rank";', "the preview runs the pane"],
  ["src/preview/x.ts", 'import { OfficeOps } from "../excel/office";', "the preview runs the pane"],
  ["src/preview/x.ts", 'import ExcelJS from "exceljs";', "the preview runs the pane"],
  ["src/xlsx/x.ts", 'import { readFileSync } from "fs";', "src/xlsx is the pure workbook reader"],
  ["src/xlsx/x.ts", 'import { inflateRawSync } from "zlib";', "src/xlsx is the pure workbook reader"],
  ["src/xlsx/x.ts", 'import ExcelJS from "exceljs";', "src/xlsx is the pure workbook reader"],
  ["src/xlsx/x.ts", 'import { main } from "../cli/main";', "src/xlsx is the pure workbook reader"],
  ["src/xlsx/x.ts", 'import { OfficeOps } from "../excel/office";', "src/xlsx is the pure workbook reader"],
  ["src/xlsx/x.ts", "export const x = Excel.run;", "Only src/excel/office.ts"],
  ["src/taskpane/CheckTab.tsx", "export const x = Office.context;", "Only src/excel/office.ts"],
  ["src/core/x.ts", "export const x = Excel.run;", "Only src/excel/office.ts"],
  ["src/wps/x.ts", 'import { App } from "../taskpane/App";', "src/wps is the WPS adapter"],
  ["src/wps/x.ts", 'import { OfficeOps } from "../excel/office";', "src/wps is the WPS adapter"],
  ["src/wps/x.ts", 'import { MemoryWorkbook } from "../excel/memory/memory";', "src/wps is the WPS adapter"],
  ["src/wps/x.ts", "export const x = Office.context;", "Only src/excel/office.ts"],
  ["src/core/x.ts", 'import { WpsOps } from "../wps/ops";', "src/core is the pure engine"],
  ["src/functions/x.ts", 'import { wpsFunctions } from "../wps/functions";', "src/functions are thin adapters"],
  ["src/excel/x.ts", 'import { WpsOps } from "../wps/ops";', "src/excel is the Office.js adapter"],
  ["src/preview/x.ts", 'import { WpsOps } from "../wps/ops";', "the preview runs the pane"],
  ["src/taskpane/CheckTab.tsx", "export const x = wps.EtApplication();", "Only src/wps touches WPS's globals"],
  ["src/taskpane/CheckTab.tsx", "export const x = window.Application;", "Only src/wps touches WPS's globals"],
  ["src/taskpane/index.tsx", "export const x = Application.ActiveWorkbook;", "Only src/wps touches WPS's globals"],
  ["src/excel/office.ts", "export const x = globalThis.wps;", "Only src/wps touches WPS's globals"],
];
const allowed: [string, string][] = [
  ["src/functions/x.ts", 'import { readCell } from "../core/parse";'],
  ["src/excel/memory/x.ts", 'import { RANKSCORE } from "../../functions/rank";'],
  ["src/excel/memory/x.ts", 'import { LIMITS } from "../../core/limits";'],
  ["src/taskpane/x.ts", 'import type { ExcelOps } from "../excel/ops";'],
  ["src/preview/x.ts", 'import { MemoryWorkbook } from "../excel/memory/memory";'],
  ["src/preview/x.ts", 'import { fileMessage, XlsxError } from "../xlsx";'],
  ["src/preview/x.ts", 'import { MARK_COLORS } from "../excel/ops";'],
  ["src/excel/memory/x.ts", 'import { patchXlsx } from "../../xlsx/write";'],
  ["src/cli/x.ts", 'import { readFileSync } from "fs";'],
  ["src/cli/x.ts", 'import { readWorkbook } from "../xlsx";'],
  ["src/xlsx/x.ts", 'import { LIMITS } from "../core/limits";'],
  ["src/xlsx/x.ts", 'import { Inflate } from "fflate";'],
  ["src/xlsx/x.ts", 'import { SaxesParser } from "saxes";'],
  ["src/excel/x.ts", 'import { locateTable } from "../xlsx/region";'],
  ["src/excel/office.ts", "export const x = Excel.run;"],
  ["src/taskpane/index.tsx", "Office.onReady(() => undefined);"],
  ["src/wps/x.ts", "export const x = window.Application;"],
  ["src/wps/x.ts", "export const x = wps.EtApplication();"],
  ["src/wps/x.ts", 'import { FUNCTIONS } from "../functions/registry";'],
  ["src/wps/x.ts", 'import { encodeCells } from "../excel/cells";'],
  ["src/taskpane/x.ts", 'import { WpsOps } from "../wps/ops";'],
];

describe("the layer rules", () => {
  let refusedFound: Found[][] = [];
  let allowedFound: Found[][] = [];
  beforeAll(() => {
    const r = lint({ cases: [...refused, ...allowed].map(([file, code]) => ({ file, code: `${code}\n` })) });
    refusedFound = r.cases.slice(0, refused.length);
    allowedFound = r.cases.slice(refused.length);
  });

  test.each(refused.map((c, i) => [...c, i] as const))("%s: %s is refused", (_file, _code, why, i) => {
    const found = refusedFound[i].filter((m) => LAYER_RULES.includes(m.rule ?? ""));
    expect(found.length).toBeGreaterThan(0);
    expect(found[0].message).toContain(why);
  });

  test.each(allowed.map((c, i) => [...c, i] as const))("%s: %s is allowed", (_file, _code, i) => {
    expect(allowedFound[i].filter((m) => LAYER_RULES.includes(m.rule ?? ""))).toEqual([]);
  });
});

test("an import cycle is refused", () => {
  // The cycle rule follows imports on disk: two modules that import each other, in a scratch tree shaped like src/.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zg-layers-"));
  try {
    fs.mkdirSync(path.join(dir, "src", "core"), { recursive: true });
    fs.writeFileSync(path.join(dir, "src", "core", "a.ts"), 'import { b } from "./b";\nexport const a = (): unknown => b;\n');
    fs.writeFileSync(path.join(dir, "src", "core", "b.ts"), 'import { a } from "./a";\nexport const b = (): unknown => a;\n');
    const r = lint({ cwd: dir, files: ["src/core/a.ts"] });
    expect(r.files[0].messages.map((m) => m.rule)).toContain("import-x/no-cycle");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the source tree keeps every layer rule", () => {
  const r = lint({ files: ["src"] });
  const broken = r.files.flatMap((f) => f.messages.filter((m) => LAYER_RULES.includes(m.rule ?? "")).map((m) => `${f.file}: ${m.message}`));
  expect(broken).toEqual([]);
});
