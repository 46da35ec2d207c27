/**
 * Proof without Excel (issue 10): the built functions.js, loaded as Excel's JavaScript-only runtime loads it — a
 * bare JavaScript context without window, document, navigator, localStorage, Office or globalThis, and without
 * the built-ins added after ECMAScript 2016 (test/functions/bare.ts) — registers every function of the metadata
 * and answers each call exactly as the source does, called as Excel calls: 2-D arrays for ranges, null for
 * omitted arguments, CustomFunctions.Error objects inside ranges, and the invocation with parameterAddresses
 * (custom-functions-parameter-options.md, "Invocation parameter" and "Detect the address of a parameter").
 *
 * The functions entry is built alone into a temporary folder by the project's own webpack configuration (about
 * 5–10 s), not read from dist/: dist may be absent (a fresh clone) or older than the source, and this must prove
 * the current source. The build's gates (ES2016 parse, budgets, Chinese metadata) run as in `npm run build`.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack, { type Configuration, type Stats } from "webpack";
import * as fns from "../../src/functions/functions";
import { setLanguage } from "../../src/functions/runtime";
import { NEWER_THAN_ES2016, loadBare, type BareRuntime } from "./bare";
import { ShimError, installCustomFunctions } from "./shim";

jest.setTimeout(180_000);

const ROOT = path.join(__dirname, "../..");
let out: string;
let stats: Stats;
let rt: BareRuntime;
let metadata: { allowErrorForDataTypeAny?: boolean; functions: { id: string; parameters: unknown[] }[] };
let zhMetadata: typeof metadata;

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "zg-bare-"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(ROOT, "webpack.config.js")) as (env: object, argv: object) => Promise<Configuration[]>;
  const configs = await config({ only: "functions", outputPath: out }, { mode: "production" });
  stats = await new Promise<Stats>((resolve, reject) =>
    webpack(configs[0], (err, s) => (err || !s ? reject(err) : resolve(s))),
  );
  metadata = JSON.parse(fs.readFileSync(path.join(out, "functions.json"), "utf8"));
  zhMetadata = JSON.parse(fs.readFileSync(path.join(out, "functions.zh-CN.json"), "utf8"));
  rt = loadBare(fs.readFileSync(path.join(out, "functions.js"), "utf8"));
  installCustomFunctions();
  setLanguage("zh");
});
afterAll(() => {
  setLanguage(null);
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

describe("the build of the functions entry", () => {
  test("passes its gates and writes both metadata files with allowErrorForDataTypeAny", () => {
    expect(stats.toJson({ all: false, errors: true }).errors ?? []).toEqual([]);
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
    expect(zhMetadata.allowErrorForDataTypeAny).toBe(true);
  });
});

describe("the bare context", () => {
  test("has none of what a browser or Office adds, no globalThis, and none of the post-ES2016 built-ins", () => {
    for (const name of ["window", "document", "navigator", "localStorage", "Office", "globalThis", "self"]) {
      expect([name, rt.evaluate(`typeof ${name}`)]).toEqual([name, "undefined"]);
    }
    for (const p of ["Object.entries", "Object.values", "Object.fromEntries", "Array.prototype.flat", "String.prototype.padStart", "Promise.prototype.finally", "BigInt", "Array.prototype.findLast"]) {
      expect(NEWER_THAN_ES2016).toContain(p);
      expect([p, rt.evaluate(`typeof ${p}`)]).toEqual([p, "undefined"]);
    }
    expect(rt.evaluate("typeof Symbol.asyncIterator")).toBe("undefined");
    // ES2016 itself is all there.
    expect(rt.evaluate("[1, 2].includes(2) && 2 ** 3 === 8 && typeof Symbol.iterator")).toBe("symbol");
  });

  test("every id of the metadata is associated, and nothing else", () => {
    expect(Object.keys(rt.functions).sort()).toEqual(metadata.functions.map((f) => f.id).sort());
    for (const f of metadata.functions) expect([f.id, typeof rt.functions[f.id]]).toEqual([f.id, "function"]);
  });
});

/** A call as Excel makes it, built twice: with the bare context's error objects and with the source's. */
type Make = (err: (code: string) => unknown) => unknown[];

const col = (...xs: unknown[]): unknown[][] => xs.map((x) => [x]);
const at = (...a: string[]) => ({ parameterAddresses: a });

const CALLS: [string, keyof typeof fns, Make][] = [
  ["RANKSCORE", "rankScore", (e) => [col(90, e("#N/A"), 80, null, "待定", "1,350家"), col(90, e("#N/A"), 80, null, "待定", "1,350家"), null, null, null, null, at("Sheet1!B2:B7", "Sheet1!B2:B7", "", "", "", "")]],
  ["RANKSCORE", "rankScore", (e) => [[[85]], col(90, 80, e("#DIV/0!")), 1, 10, 2, 5, at("Sheet1!C1", "Sheet1!B1:B3", "", "", "", "")]],
  [
    "RANKSCOREBY",
    "rankScoreBy",
    (e) => [col(80, 90, 70, 70, 60), col(80, 90, 70, 70, 60), col("杭州市", "杭州市", "宁波市", "宁波", e("#REF!")), col("杭州市", "杭州市", "宁波市", "宁波", e("#REF!")), null, null, null, null, at("Sheet1!C1:C5", "Sheet1!C1:C5", "Sheet1!A1:A5", "Sheet1!A1:A5", "", "", "", "")],
  ],
  ["RANKSCOREBY", "rankScoreBy", () => [col(1.2, 1.1), col(1.2, 1.1), [["杭州市"]], col("杭州市", "杭州市"), null, null, null, null, at("Sheet1!C1:C2", "Sheet1!C1:C2", "Sheet1!A1", "Sheet1!A1:A2", "", "", "", "")]],
  ["STDSCORE", "stdScore", () => [col(45, 30, 15), null, 60, "full", 50, at("Sheet1!A1:A3", "", "", "", "")]],
  ["STDSCORE", "stdScore", (e) => [col(45, 30, e("#NUM!")), col(45, 30, e("#N/A")), 20, "max", null, at("Sheet1!A1:A3", "Sheet1!A1:A3", "", "", "")]],
  ["STDSCORE", "stdScore", () => [col(1, 2, 3), null, null, "z", null, at("Sheet1!A1:A3", "", "", "", "")]],
  ["TARGET", "target", (e) => [col("10%以上", "104.2亿元", "0.95万吨", "待定", e("#N/A"), "1e200000台", null), at("Sheet1!A1:A7")]],
  ["UNIT", "unit", (e) => [col("10%以上", "104.2亿元", "100万吨标准煤", 1300, e("#VALUE!")), at("Sheet1!A1:A5")]],
  ["COMPLETION", "completion", (e) => [col(1200, "4%", "12%", 0, e("#DIV/0!")), col("1000台", "5%以下", "10%以上", "5%以下", "1000台"), null, at("Sheet1!B1:B5", "Sheet1!A1:A5", "")]],
  ["COMPLETION", "completion", () => [col(0.3), col(0.1), "value", at("Sheet1!B1", "Sheet1!A1", "")]],
  ["OVERTARGET", "overTarget", () => [col(1200, "4%", 900), col("1000台", "5%以下", "1000台"), at("Sheet1!B1:B3", "Sheet1!A1:A3")]],
  ["ALLOCGAP", "allocGap", () => ["传统制造业新增工业机器人10000台", [[3000, 4000, 2500]], null, at("Sheet1!A1", "Sheet1!B1:D1", "")]],
  ["ALLOCGAP", "allocGap", () => ["全省累计上云企业40万家（下达任务数为当年新增数）", [["5万家", "3万家"]], 330000, at("Sheet1!A1", "Sheet1!B1:C1", "Sheet1!D1")]],
  ["ALLOCCHECK", "allocCheck", () => ["10%以上", [["12%", "9%", "10%"]], null, null, at("Sheet1!A1", "Sheet1!B1:D1", "", "")]],
  ["ALLOCCHECK", "allocCheck", (e) => ["传统制造业新增工业机器人10000台", [[3000, e("#N/A")]], null, "en", at("Sheet1!A1", "Sheet1!B1:C1", "", "")]],
  ["ALLOCCHECK", "allocCheck", () => ["传统制造业新增工业机器人10000台", [[3000, 4000, 2500]], null, "en", at("Sheet1!A1", "Sheet1!B1:D1", "", "")]],
  ["POLICYSCORE", "policyScore", (e) => [col("是", "是", e("#N/A")), col("是", "是", "是"), col("否", "是", "是"), col("✓", "是", "是"), col("无", "是", "是"), col(2, 6, null), at("Sheet1!A1:A3", "Sheet1!B1:B3", "Sheet1!C1:C3", "Sheet1!D1:D3", "Sheet1!E1:E3", "Sheet1!F1:F3")]],
  [
    "RECOMMEND",
    "recommend",
    () => [col("萧山区", "余杭区", "上城区", "鹿城区"), col("杭州市", "杭州市", "杭州市", "温州市"), col(91.5, 85, 85, 60), col("是", "否", "否", null), null, null, null, null, at("Sheet1!A1:A4", "Sheet1!B1:B4", "Sheet1!C1:C4", "Sheet1!D1:D4", "", "", "", "")],
  ],
  ["RECOMMEND", "recommend", (e) => [col("萧山区", "余杭区"), col("杭州市", "杭州市"), col(91.5, e("#DIV/0!")), null, null, null, null, "en", at("Sheet1!A1:A2", "Sheet1!B1:B2", "Sheet1!C1:C2", "", "", "", "", "")]],
  ["SHORTLIST", "shortlist", () => [col("萧山区", "江北区", "鹿城区", "淳安县", "义乌市"), col(95, 93, 91, 85, 84), null, 3, null, null, at("Sheet1!A1:A5", "Sheet1!B1:B5", "", "Sheet1!C1", "", "")]],
  ["SHORTLIST", "shortlist", () => [col("萧山区", "鹿城区"), col(95, 91), null, 1, 0, "en", at("Sheet1!A1:A2", "Sheet1!B1:B2", "", "", "", "")]],
];

/** Results with errors as plain {code, message}: the bundle's and the source's error classes differ. */
function plain(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(plain);
  if (typeof x === "object" && x !== null && typeof (x as { code?: unknown }).code === "string") {
    const e = x as { code: string; message?: string };
    return e.message === undefined ? { code: e.code } : { code: e.code, message: e.message };
  }
  return x;
}

describe("each function, called as Excel calls it", () => {
  test("every function of the metadata is exercised below", () => {
    expect([...new Set(CALLS.map(([id]) => id))].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  });

  test.each(CALLS.map(([id, name, make], i) => [`${id} #${i + 1}`, id, name, make] as const))("%s answers as the source does", (_label, id, name, make) => {
    const bare = rt.functions[id](...make((code) => rt.error(code)));
    const source = (fns[name] as (...a: unknown[]) => unknown)(...make((code) => new ShimError(code)));
    // Every result is a matrix (requiresParameterAddresses needs one), with at least one cell.
    expect(Array.isArray(bare) && Array.isArray((bare as unknown[][])[0])).toBe(true);
    expect(plain(bare)).toEqual(plain(source));
  });

  test("and gives the documented answers (docs/functions.md)", () => {
    const e = (c: string) => rt.error(c);
    expect(plain(rt.functions.RANKSCORE(col(1.2, 1.05, 1.05, 0.98, null, e("#N/A")), col(1.2, 1.05, 1.05, 0.98, null, e("#N/A")), null, null, null, null, at("S!B1:B6", "S!B1:B6", "", "", "", "")))).toEqual([[10], [9.5], [9.5], [8.5], [0], [0]]);
    expect(plain(rt.functions.TARGET(col("10%以上", "104.2亿元"), at("S!A1:A2")))).toEqual([[0.1], [10420000000]]);
    expect(plain(rt.functions.ALLOCGAP("传统制造业新增工业机器人10000台", [[3000, 4000, 2500]], null, at("S!A1", "S!B1:D1", "")))).toEqual([[-500]]);
    expect(plain(rt.functions.ALLOCCHECK("10%以上", [["12%", "9%", "10%"]], null, null, at("S!A1", "S!B1:D1", "", "")))).toEqual([["低于目标：C1"]]);
    expect(plain(rt.functions.COMPLETION(col(0.3), col(0.1), null, at("S!B1", "S!A1", "")))).toEqual([[3]]);
    const err = plain(rt.functions.TARGET(col("1e200000台"), at("S!A1"))) as { code: string; message: string }[][];
    expect(err[0][0].code).toBe("#VALUE!");
    expect(err[0][0].message).toContain("超出 Excel 能存放的数值范围");
  });

  test("a column filled down gives each cell what the spilled call gives it", () => {
    // A new array on every call, as Excel hands one over.
    const column = () => col(5, 3, rt.error("#N/A"), 3, 1, "待定", null, 4);
    const spilled = plain(rt.functions.RANKSCORE(column(), column(), null, null, null, null, at("S!C2:C9", "S!C2:C9", "", "", "", ""))) as unknown[][];
    column().forEach((_, r) => {
      const fresh = column();
      const one = plain(rt.functions.RANKSCORE([fresh[r]], fresh, null, null, null, null, at(`S!C${r + 2}`, "S!C2:C9", "", "", "", ""))) as unknown[][];
      expect([r, one[0][0]]).toEqual([r, spilled[r][0]]);
    });
  });
});
