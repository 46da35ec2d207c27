/**
 * docs/functions.md cannot drift: every function and parameter of the generated metadata is documented, and
 * every worked example is evaluated in HyperFormula and must give the documented result.
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as fs from "fs";
import * as path from "path";
import { setLanguage } from "../../src/functions/runtime";
import { DetailedCellError, engine } from "./hf";

const DOC = fs.readFileSync(path.join(__dirname, "../../docs/functions.md"), "utf8");
const HAN = /[\u4e00-\u9fff]/;

interface Example {
  section: string;
  source: string;
  cells: Map<string, string>;
  formulaAt: string;
  rows: string[][];
}

/** Sections by "### ZG.ID" heading. */
function sections(): Map<string, string> {
  const out = new Map<string, string>();
  const parts = DOC.split(/^### /m).slice(1);
  for (const p of parts) {
    const id = /^ZG\.([A-Z]+)/.exec(p)?.[1];
    if (id) out.set(id, p.split(/^## /m)[0]);
  }
  return out;
}

function examples(): Example[] {
  const list: Example[] = [];
  for (const [section, text] of sections()) {
    for (const m of text.matchAll(/```zg-example\n([\s\S]*?)```/g)) {
      const cells = new Map<string, string>();
      const rows: string[][] = [];
      let formulaAt = "";
      for (const line of m[1].split("\n")) {
        if (!line.trim()) continue;
        const cell = /^([A-Z]+\d+): ?(.*)$/.exec(line);
        const result = /^→ ?(.*)$/.exec(line);
        if (cell) {
          cells.set(cell[1], cell[2]);
          if (cell[2].startsWith("=") && cell[2].includes("ZG.")) formulaAt = cell[1];
        } else if (result) rows.push(result[1].split(" | "));
        else throw new Error(`unreadable example line in ZG.${section}: ${line}`);
      }
      list.push({ section, source: m[1], cells, formulaAt, rows });
    }
  }
  return list;
}

function address(a1: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]) - 1, col };
}

function expectCell(actual: unknown, token: string, where: string): void {
  if (token === '""') {
    expect([where, actual]).toEqual([where, ""]);
  } else if (/^#[A-Z/0!?]+$/.test(token)) {
    expect(actual).toBeInstanceOf(DetailedCellError);
    expect([where, (actual as DetailedCellError).value]).toEqual([where, token]);
  } else if (/^-?\d+(\.\d+)?$/.test(token)) {
    expect(typeof actual).toBe("number");
    const want = Number(token);
    const tol = 1e-9 * Math.max(1, Math.abs(want));
    if (Math.abs((actual as number) - want) > tol) expect([where, actual]).toEqual([where, want]);
  } else {
    expect([where, actual]).toEqual([where, token]);
  }
}

let metadata: { functions: { id: string; parameters: { name: string }[] }[] };

beforeAll(async () => {
  const r = await generateCustomFunctionsMetadata(path.join(__dirname, "../../src/functions/functions.ts"));
  metadata = JSON.parse(r.metadataJson);
  setLanguage("zh");
}, 60000);

afterAll(() => setLanguage(null));

describe("docs/functions.md", () => {
  it("documents every function and every parameter of the metadata, each with a worked example, in both languages", () => {
    const secs = sections();
    const ex = examples();
    for (const f of metadata.functions) {
      const text = secs.get(f.id);
      expect([f.id, text !== undefined]).toEqual([f.id, true]);
      const names = f.parameters.map((p) => p.name);
      expect(text).toContain(`ZG.${f.id}(`);
      for (const n of names) expect([f.id, n, text!.includes(`\`${n}\``)]).toEqual([f.id, n, true]);
      expect([f.id, ex.some((e) => e.section === f.id)]).toEqual([f.id, true]);
      expect(text).toMatch(HAN);
      expect(text).toMatch(/[A-Za-z]{4,} [a-z]{3,}/);
    }
    expect([...secs.keys()].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  });

  const all = examples();
  it.each(all.map((e, i) => [`${e.section} #${i + 1}`, e] as const))("example %s gives the documented result", (_name, e) => {
    expect(e.formulaAt).not.toBe("");
    expect(e.rows.length).toBeGreaterThan(0);
    let rows = 0;
    let cols = 0;
    for (const a of e.cells.keys()) {
      const { row, col } = address(a);
      rows = Math.max(rows, row + 1);
      cols = Math.max(cols, col + 1);
    }
    const sheet: (string | null)[][] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => null));
    for (const [a, v] of e.cells) {
      const { row, col } = address(a);
      sheet[row][col] = v;
    }
    const hf = engine(sheet);
    const at = address(e.formulaAt);
    e.rows.forEach((r, dr) =>
      r.forEach((token, dc) => {
        const v = hf.getCellValue({ sheet: 0, row: at.row + dr, col: at.col + dc });
        expectCell(v, token, `${e.section} row ${dr + 1} col ${dc + 1}`);
      }),
    );
    hf.destroy();
  });
});
