/**
 * `zg collect` (issue 16): the counties' returned self-assessments → one city workbook that `zg score` reads as it
 * is. Proven by scoring: collect then score gives the same scores as a hand-made combined workbook. Every problem
 * names its file, sheet and cell, and collection goes on for the others; the inputs stay byte-identical.
 */
import * as fs from "fs";
import * as path from "path";
import { buildCli, json, sha256, tmpDir, workbook, put, zg } from "./helpers";
import { selfAssessmentTemplate, type TemplateSheet } from "../../src/core/templates";
import { INDICATORS_2020, countiesOf } from "../../src/core/reference";
import { templateWorkbook } from "../../src/cli/write-xlsx";
import type { CollectJson } from "../../src/cli/collect-command";

jest.setTimeout(120_000);
let dir: string;
beforeAll(() => {
  buildCli();
  dir = tmpDir("zg-collect-");
}, 180_000);

const CITY = "衢州市";
const QUZHOU = countiesOf(CITY).map((c) => c.name);

/** A county's figures: the allocated target as 9号's unit writes it, and an actual that differs per county. */
function figures(i: number, j: number): { target: string; actual: string } {
  const ind = INDICATORS_2020[j];
  const t = (j + 1) * 10;
  const a = t + ((i * 7 + j * 3) % 11) - 4;
  return { target: `${t}${ind.displayUnit}`, actual: `${a}${ind.displayUnit}` };
}

/** The self-assessment template of the city with the given counties' rows filled in (the others left empty). */
function filled(fill: { county: string; i: number; city?: string }[], tweak?: (sheets: TemplateSheet[]) => void): TemplateSheet[] {
  const cities = new Set(fill.map((f) => f.city ?? CITY));
  const counties = fill.length && cities.size === 1 && fill[0].city ? countiesOf(fill[0].city).map((c) => c.name) : QUZHOU;
  const { sheets } = selfAssessmentTemplate({ counties });
  const [completion, county] = sheets;
  for (const f of fill) {
    for (let r = 1; r < completion.cells.length; r++) {
      const row = completion.cells[r];
      if (row[1] !== f.county) continue;
      const j = INDICATORS_2020.findIndex((x) => x.name === row[2]);
      const { target, actual } = figures(f.i, j);
      row[4] = target;
      row[5] = actual;
    }
    const k = county.cells.findIndex((row) => row[0] === f.county);
    // Policy items differ per county, so the county sheet matters to the totals.
    county.cells[k][2] = f.i % 2 ? "是" : "否";
    county.cells[k][4] = "是";
    county.cells[k][7] = f.i % 3;
  }
  tweak?.(sheets);
  return sheets;
}

async function write(name: string, sheets: TemplateSheet[]): Promise<string> {
  const file = path.join(dir, name);
  const wb = templateWorkbook(sheets);
  // One last-saved time for every file: a resend here is decided by the order read (core tests cover the times).
  wb.modified = new Date("2020-03-10T08:00:00Z");
  await wb.xlsx.writeFile(file);
  return file;
}

interface ScoreJson {
  counties: { county: string; total: number; targetScore: number; overScore: number; policyScore: number; cityRank: number; recommended: boolean }[];
}

test("collect then score gives the same scores as the hand-made combined workbook; inputs untouched", async () => {
  const files = await Promise.all(QUZHOU.map((c, i) => write(`${c}.xlsx`, filled([{ county: c, i }]))));
  const combined = await write("combined.xlsx", filled(QUZHOU.map((c, i) => ({ county: c, i }))));
  const before = files.map(sha256);
  const out = path.join(dir, "衢州.xlsx");
  const r = zg(["collect", ...files, "--out", out, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  const j = json<CollectJson>(r);
  expect(Object.keys(j).sort()).toEqual(["files", "missing", "out", "returned", "warnings"]);
  expect(j.files.map((f) => [path.basename(f.file), f.county, f.rows, f.status, f.problems])).toEqual(QUZHOU.map((c) => [`${c}.xlsx`, c, 18, "ok", []]));
  expect(Object.keys(j.files[0]).sort()).toEqual(["county", "file", "problems", "rows", "status"]);
  expect(j.missing).toEqual([]);
  expect(j.out).toBe(out);
  expect(files.map(sha256)).toEqual(before);

  const a = zg(["score", out, "--json"]);
  const b = zg(["score", combined, "--json"]);
  expect(a.status).toBe(0);
  expect(b.status).toBe(0);
  const sa = json<ScoreJson>(a);
  const sb = json<ScoreJson>(b);
  expect(sa.counties).toEqual(sb.counties);
  expect(sa.counties).toHaveLength(6);
  // Not trivially equal: the counties' totals differ.
  expect(new Set(sa.counties.map((c) => c.total)).size).toBeGreaterThan(1);

  // --out as for score: never over an existing file without --force.
  const again = zg(["collect", ...files, "--out", out]);
  expect(again.status).toBe(2);
  expect(again.stderr).toMatch(/已存在|exists/);
  expect(zg(["collect", ...files, "--out", out, "--force"]).status).toBe(0);
});

test("each problem names its file, sheet and cell, and the others are still collected", async () => {
  const [ke, qu, js, cs] = QUZHOU;
  const good1 = await write("good1.xlsx", filled([{ county: ke, i: 0 }]));
  const good2 = await write("good2.xlsx", filled([{ county: qu, i: 1 }]));
  const twice = await write("twice.xlsx", filled([{ county: ke, i: 2 }]));
  const other = await write("other.xlsx", filled([{ county: "淳安县", i: 3, city: "杭州市" }]));
  const badValue = await write(
    "bad-value.xlsx",
    filled([{ county: js, i: 4 }], ([c]) => {
      const r = c.cells.findIndex((row) => row[1] === js);
      c.cells[r][5] = "待定";
    }),
  );
  const unreadable = path.join(dir, "unreadable.xlsx");
  fs.writeFileSync(unreadable, "not a zip at all");
  const two = await write("two.xlsx", filled([{ county: cs, i: 1 }, { county: QUZHOU[4], i: 2 }]));
  const plain = await workbook(path.join(dir, "plain.xlsx"), (wb) => put(wb.addWorksheet("Sheet1"), 1, 1, [["hello"]]));
  const inputs = [good1, twice, other, badValue, unreadable, good2, two, plain];
  const before = inputs.map(sha256);

  const out = path.join(dir, "problems.xlsx");
  const r = zg(["collect", ...inputs, "--out", out, "--city", "衢州", "--json"]);
  expect(r.status).toBe(0);
  const j = json<CollectJson>(r);
  const by = (f: string) => j.files.find((x) => x.file === f)!;
  expect(by(good1)).toMatchObject({ county: ke, status: "ok", rows: 18 });
  expect(by(good2)).toMatchObject({ county: qu, status: "ok", rows: 18 });
  // The county cell of the template's first row of 柯城区 (row 2, column B).
  expect(by(twice)).toMatchObject({ county: ke, status: "rejected", rows: 0, problems: [{ code: "collect-twice", file: twice, sheet: "完成情况", cell: "B2", severity: "error" }] });
  expect(by(twice).problems[0].zh).toContain("good1.xlsx");
  expect(by(other)).toMatchObject({ county: "淳安县", status: "rejected", problems: [{ code: "collect-other-city", sheet: "完成情况", cell: expect.stringMatching(/^B\d+$/) }] });
  const bad = by(badValue);
  expect(bad.status).toBe("rejected");
  expect(bad.problems[0]).toMatchObject({ code: "collect-bad-value", sheet: "完成情况", cell: expect.stringMatching(/^F\d+$/) });
  expect(bad.problems[0].zh).toContain("待定");
  expect(by(unreadable)).toMatchObject({ county: null, status: "rejected", problems: [{ code: "collect-unreadable", file: unreadable }] });
  expect(by(two)).toMatchObject({ status: "rejected", problems: [{ code: "collect-several-counties", cell: expect.stringMatching(/^B\d+$/) }] });
  expect(by(plain)).toMatchObject({ status: "rejected", problems: [{ code: "collect-no-table" }] });
  // A county whose file was refused is 退回 (returned), not 未报送 (missing).
  const refused = [by(badValue).county, by(two).county];
  expect([...j.returned].sort()).toEqual([...refused].sort());
  expect(j.missing).toEqual(QUZHOU.filter((c) => c !== ke && c !== qu && !refused.includes(c)));
  expect(j.warnings.map((w) => w.code)).toEqual([...j.returned.map(() => "collect-returned-county"), ...j.missing.map(() => "collect-missing-county")]);
  expect(inputs.map(sha256)).toEqual(before);

  // What was collected scores as it is.
  const s = zg(["score", out, "--json"]);
  expect(s.status).toBe(0);
  expect(json<ScoreJson>(s).counties.map((c) => c.county)).toEqual([ke, qu]);

  // The readable table: Chinese first, every problem with its file.
  const t = zg(["collect", ...inputs, "--out", path.join(dir, "problems2.xlsx"), "--city", "衢州"]);
  expect(t.status).toBe(0);
  expect(t.stdout).toContain("未汇总");
  expect(t.stdout).toContain("文件“");
  expect(t.stdout).toContain("未报送 / missing");
});

test("targets are compared with the city's decomposition where it is given", async () => {
  const [ke, qu] = QUZHOU;
  const robots = INDICATORS_2020.find((i) => i.no === 6)!;
  // The city's decomposition: 指标 | 全市目标 | one column per county (as `zg check` reads it).
  const dec = await workbook(path.join(dir, "decomposition.xlsx"), (wb) =>
    put(wb.addWorksheet("分解"), 1, 1, [
      ["指标", "全市目标", ke, qu],
      [robots.name, "280台", figures(0, 5).target, "999台"],
    ]),
  );
  const f1 = await write("k.xlsx", filled([{ county: ke, i: 0 }]));
  const f2 = await write("q.xlsx", filled([{ county: qu, i: 1 }]));
  const r = zg(["collect", f1, f2, "--decomposition", dec, "--out", path.join(dir, "dec.xlsx"), "--json"]);
  expect(r.status).toBe(0);
  const j = json<CollectJson>(r);
  expect(j.files[0]).toMatchObject({ county: ke, status: "ok" });
  expect(j.files[1]).toMatchObject({ county: qu, status: "rejected", problems: [{ code: "collect-changed-target", sheet: "完成情况", cell: expect.stringMatching(/^E\d+$/) }] });
  expect(j.files[1].problems[0].zh).toContain("999台");
});

test("nothing collectable: exit 2, nothing written; bad arguments: exit 2", async () => {
  const bad = path.join(dir, "nothing.xlsx");
  fs.writeFileSync(bad, "x");
  const out = path.join(dir, "none.xlsx");
  const r = zg(["collect", bad, "--out", out, "--json"]);
  expect(r.status).toBe(2);
  expect(json<CollectJson>(r).out).toBeNull();
  expect(fs.existsSync(out)).toBe(false);
  expect(zg(["collect", bad]).status).toBe(2);
  expect(zg(["collect", bad, "--out", out, "--city", "北京"]).status).toBe(2);
});
