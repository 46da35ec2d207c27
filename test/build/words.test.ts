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
import { STRINGS, tr, type StringKey } from "../../src/taskpane/i18n";
import type { CountyInput, SheetData } from "../../src/core/types";

const BANNED = [
  "入选", "入围", "rules.md", "规则第", "下级单位", "规则 §",
  // The province decides nothing: the tool scores and proposes (评分与推荐建议), it does not 评选 or 选出.
  "评选", "选出激励名单",
  // 单位 is the measurement-unit column; the areas a target is split among are 下级地区.
  "未达标单位", "各单位分解数", "分解单位",
  // A place on the list is 列第N位 / 列入建议激励名额 / 调出建议激励名额, never a 位置 taken or a county 替换ed.
  "个位置", "占第", "替换第", "替换，", "名内，建议激励名额内",
  // Colloquial or repeated: 未予汇总, one "no points", 操作未能完成, no inner single quotes.
  "这一份未汇总", "不计入；", "出错了", "‘", "’",
];

/**
 * Classes of wording error a fixed string cannot catch: a count of none said as "只有0个", English counts without
 * their plural ("1 counties", "2 name"), a sentence with 再 and no 先 before it, a message that starts its clause with
 * 与 and so names no subject ("杭州市推荐：与余杭区总分…").
 */
const BANNED_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/只有\s*0\s*个/, "只有0个 (say 无…)"],
  [/\b1 (counties|names|places|cities)\b/, "a plural after 1"],
  [/(^|[^\d.])([02-9]|\d{2,}) (county|name|place|city)(?![-\w])/, "a singular after a count other than 1"],
  [/^(?:(?!先)[\s\S])*环节，再/, "再 without 先 before it"],
  [/[：:]\s*与\S*(总分|并列)/, "a clause without a subject (与… after a colon)"],
];
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
  return texts.flatMap((t) => [
    ...BANNED.filter((w) => t.includes(w)).map((w) => `${w} in “${t.slice(0, 80)}”`),
    ...BANNED_PATTERNS.filter(([re]) => re.test(t)).map(([, why]) => `${why} in “${t.slice(0, 80)}”`),
  ]);
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
    expect(hits(["只有0个加快发展县", "Only 1 counties were recommended", "proposed list (2 name)", "设区市推荐环节，再省级部门评送环节", "杭州市推荐：与余杭区总分均相同"])).toHaveLength(5);
    expect(hits(["先填写，再校核", "Zhejiang's 90 county-level units"])).toEqual([]);
    expect(hits(["推荐县中无加快发展县", "Only 1 county was recommended", "先设区市推荐环节，再省级部门评送环节", "杭州市推荐：上城区与余杭区总分均相同"])).toEqual([]);
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

/** Groups whose results say every kind of sentence: a tie no score separates, no 加快发展县, fewer recommended than places, a swap. */
function resultTexts(): string[] {
  const county = (name: string, city: string, actual: number, accelerated = false): CountyInput => ({
    county: name,
    city,
    entries: [{ indicator: "新增工业机器人", target: "100台", actual: `${actual}台`, targetAt: { sheet: "完成情况", cell: "D2" } }],
    policy: {},
    accelerated,
  });
  const texts: string[] = [];
  const runs = [
    // Two identical counties in one city; one city only, so one recommended for six places; no 加快发展县.
    runSelection([county("上城区", "杭州市", 120), county("余杭区", "杭州市", 120)], { slots: 6 }),
    // Two places, a 加快发展县 third: it is swapped in for the second.
    runSelection([county("上城区", "杭州市", 150), county("鹿城区", "温州市", 140), county("淳安县", "丽水市", 110, true)], { slots: 2, margin: 0 }),
    // Province tie at the last place between identical counties.
    runSelection([county("上城区", "杭州市", 150), county("鹿城区", "温州市", 140), county("海曙区", "宁波市", 140)], { slots: 2, minAccelerated: 0 }),
  ];
  for (const result of runs) {
    texts.push(...result.counties.flatMap((c) => c.reasons.flatMap((r) => [r.zh, r.en])), ...result.province.flatMap((p) => p.reasons.flatMap((r) => [r.zh, r.en])));
    texts.push(...result.warnings.flatMap((w) => [w.zh, w.en]));
  }
  return texts;
}

test("the results' sentences, ties and swaps included, are clean of every class of wording error", () => {
  const texts = resultTexts();
  expect(texts.length).toBeGreaterThan(20);
  // The sentences the classes are about are among them.
  const all = texts.join("\n");
  for (const said of ["替补", "调出建议激励名额", "推荐县中无加快发展县", "1 county was recommended", "列第2位", "上城区与余杭区"]) expect(all).toContain(said);
  expect(hits(texts)).toEqual([]);
});

test("the help's Chinese lines say 达标/未达标/无法校核, not ok/short/unchecked", () => {
  const help = fs.readFileSync(path.join(SRC, "cli", "help.ts"), "utf8");
  // Chinese-only lines (no " / " pairing the two languages, no English words of their own) of the help text.
  const chinese = help.split("\n").filter((l) => /[\u4e00-\u9fff]/.test(l) && !l.includes(" / ") && !/[A-Za-z]{3,}\s+[A-Za-z]{3,}/.test(l));
  expect(chinese.length).toBeGreaterThan(10);
  expect(chinese.filter((l) => /\b(ok|short|unchecked)\b/.test(l))).toEqual([]);
});

test("the sheets sent up the line read as a 公文: Chinese headings, 9号's own title, a numbered 说明 without commands", () => {
  const hangzhou = cityDecompositionTemplate("杭州市")!;
  expect(hangzhou.cells[0][0]).toBe("杭州市加快传统制造业改造提升行动计划2020年关键性量化指标分解到县（市、区）责任目标方案");
  const self = selfAssessmentTemplate();
  const sent = [hangzhou, ...self.sheets];
  // No English sentence in a cell: a run of three English words.
  const english = sent.flatMap((sh) => sh.cells.flat().filter((v): v is string => typeof v === "string" && /[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/.test(v)));
  expect(english).toEqual([]);
  const guide = self.sheets.find((sh) => sh.name === "说明")!.cells.map((r) => String(r[0]));
  expect(guide.join("\n")).not.toMatch(/npx|zg /);
  // The title and the "when and what" paragraph, then the steps.
  const steps = guide.slice(2).map((l) => /^(\d+)\. /.exec(l)?.[1]);
  expect(steps).toEqual(steps.map((_, i) => String(i + 1)));
});

test("the pane's words with every count at 1 say it in the singular", () => {
  // Every placeholder filled with 1: "Proposed list (1 name, …)", never "(1 names".
  const ones = new Proxy({}, { has: () => true, get: () => 1 }) as Record<string, number>;
  const texts = (Object.keys(STRINGS) as StringKey[]).flatMap((k) => [tr("zh", k, ones), tr("en", k, ones)]);
  expect(texts.some((t) => t.includes("Proposed list (1 name,"))).toBe(true);
  expect(hits(texts)).toEqual([]);
});
