/**
 * One term per concept, in the documents' own words: no user-facing string of src/ (string literals, template
 * literal text, JSX text, the functions' Chinese metadata; comments excluded) and no sheet we generate says what the
 * documents do not. The proposed list of 2号 第六条（三） is 拟列入督查激励建议名单 and its places 建议激励名额内 — never
 * 入选/入围, as if the tool decided; citations name the document and article, never our own rules file.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ts from "typescript";
import { runSelection } from "../../src/core/select";
import { cityDecompositionTemplate, decompositionTable2020, selfAssessmentTemplate } from "../../src/core/templates";
import { CITIES } from "../../src/core/reference";
import { scoreSheet } from "../../src/taskpane/scoreSheet";
import type { CountyInput, SheetData } from "../../src/core/types";

const BANNED = ["入选", "入围", "rules.md", "规则第", "下级单位", "规则 §"];
const SRC = path.join(__dirname, "..", "..", "src");

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? files(p) : /\.(ts|tsx)$/.test(d.name) ? [p] : [];
  });
}

/** Every piece of text a source file can show: literals, template text, JSX text. */
function userStrings(file: string): string[] {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) out.push(n.text);
    else if (ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) out.push(n.text);
    else if (ts.isJsxText(n)) out.push(n.text);
    // Import paths and JSDoc are not shown to users; the functions' JSDoc is checked below as the metadata.
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) return;
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** The custom functions' descriptions come from functions.ts's JSDoc: the first paragraph and the @param lines. */
function functionDocs(): string[] {
  const text = fs.readFileSync(path.join(SRC, "functions", "functions.ts"), "utf8");
  return (text.match(/\/\*\*[\s\S]*?\*\//g) ?? []).filter((c) => c.includes("@customfunction"));
}

function hits(texts: string[]): string[] {
  return texts.flatMap((t) => BANNED.filter((w) => t.includes(w)).map((w) => `${w} in “${t.slice(0, 80)}”`));
}

test("no user-facing string in src/ uses a banned word", () => {
  const found: string[] = [];
  const all = files(SRC);
  expect(all.length).toBeGreaterThan(50);
  for (const f of all) for (const h of hits(userStrings(f))) found.push(`${path.relative(SRC, f)}: ${h}`);
  for (const h of hits(functionDocs())) found.push(`functions.ts JSDoc: ${h}`);
  const meta = fs.readFileSync(path.join(SRC, "functions", "zh-CN.json"), "utf8");
  for (const h of hits([meta])) found.push(`zh-CN.json: ${h}`);
  expect(found).toEqual([]);
});

test("the scanner finds a banned word where one is (it can fail)", () => {
  const tmp = path.join(os.tmpdir(), `zg-words-${process.pid}.tsx`);
  fs.writeFileSync(tmp, `// 入选 in a comment is fine\nconst a = "六县入选";\nconst b = <p>入围名单</p>;\nconst c = \`见 rules.md §6 \${a}\`;\n`);
  try {
    expect(hits(userStrings(tmp))).toHaveLength(3);
  } finally {
    fs.unlinkSync(tmp);
  }
});

test("no sheet we generate uses a banned word: templates and the results sheet, both languages", () => {
  const sheets = [decompositionTable2020(), ...selfAssessmentTemplate().sheets, ...CITIES.map((c) => cityDecompositionTemplate(c.name)!)];
  const texts = sheets.flatMap((s) => s.cells.flat().filter((v): v is string => typeof v === "string"));
  // A small scored input: the results sheet's words, reasons included.
  const counties: CountyInput[] = ["上城区", "拱墅区", "鹿城区", "龙湾区", "淳安县"].map((county, i) => ({
    county,
    city: i < 2 || i === 4 ? "杭州市" : "温州市",
    entries: [{ indicator: "新增工业机器人", target: "100台", actual: `${100 + i * 10}台`, targetAt: { sheet: "完成情况", cell: `E${i + 2}` } }],
    policy: {},
  }));
  const result = runSelection(counties, { slots: 1 });
  const sheet: SheetData = { name: "完成情况", cells: [["设区市", "县（市、区）", "指标", "目标", "完成"], ...counties.map((c) => [c.city, c.county, "新增工业机器人", "100台", "110台"])] };
  const mapping = { row: 0, columns: ["city", "county", "indicator", "target", "actual"] } as never;
  for (const lang of ["zh", "en"] as const) {
    const content = scoreSheet({ completion: { sheet, mapping }, county: null, counties, result, lang });
    texts.push(...content.cells.flat().filter((v): v is string => typeof v === "string"));
  }
  texts.push(...result.counties.flatMap((c) => c.reasons.flatMap((r) => [r.zh, r.en])), ...result.province.flatMap((p) => p.reasons.flatMap((r) => [r.zh, r.en])));
  texts.push(...result.warnings.flatMap((w) => [w.zh, w.en]));
  expect(texts.length).toBeGreaterThan(100);
  expect(hits(texts)).toEqual([]);
});
