/**
 * A real spreadsheet program opens what zg writes and agrees with it: LibreOffice Calc (headless)
 * converts the --out workbooks and the templates to CSV, recalculating every formula on load
 * (a fresh profile with OOXMLRecalcMode = 0, "always"), and the figures must match zg's JSON.
 * Skips with a loud message when soffice is absent locally; in CI (CI=true) a missing soffice fails.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { buildCli, json, openXlsx, SAMPLES, tmpDir, workbook, zg } from "./helpers";
import { CITY_DECOMPOSITION_LAYOUT, decompositionTable2020 } from "../../src/core/templates";
import { ALLOCATION_2020, CITY_IDS, COUNTIES_2020, INDICATORS_2020 } from "../../src/core/reference";

const soffice = ["soffice", "libreoffice"].find((cmd) => spawnSync(cmd, ["--version"], { encoding: "utf8" }).status === 0);
const inCi = process.env.CI === "true";
if (!soffice && !inCi) {
  console.warn(
    "\n\n*** SKIPPED: LibreOffice (soffice) is not installed, so the CLI's workbooks were NOT opened in a real spreadsheet program.\n" +
      "*** Install it with: apt-get install -y libreoffice-calc   (CI installs it and fails without it)\n",
  );
}
const maybe = soffice || inCi ? test : test.skip;

jest.setTimeout(300_000);

// One CSV reader for every LibreOffice check (test/e2e/libreoffice.js), so they read LibreOffice's output alike.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseCsv } = require("../e2e/libreoffice") as { parseCsv: (text: string) => string[][] };

let dir: string;
let csvDir: string;
const files: Record<string, string> = {};

/** Every sheet of every file to <file>-<sheet>.csv in one soffice run, values unformatted (full precision). */
function convertAll(paths: string[]): void {
  const profile = path.join(dir, "profile");
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  // Recalculate on load, always, without asking: otherwise Calc shows the cached results we wrote.
  fs.writeFileSync(
    path.join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  // 44 = comma, 34 = quote, 76 = UTF-8, 1 = first line, "false" for "as shown" keeps full precision, -1 = every sheet.
  const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
  const r = spawnSync(
    soffice as string,
    [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", filter, "--outdir", csvDir, ...paths],
    { encoding: "utf8", timeout: 240_000, env: { ...process.env, HOME: dir } },
  );
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
}

function sheetCsv(file: string, sheet: string): string[][] {
  const p = path.join(csvDir, `${path.basename(file, ".xlsx")}-${sheet}.csv`);
  if (!fs.existsSync(p)) throw new Error(`LibreOffice wrote no ${p}; it wrote: ${fs.readdirSync(csvDir).join(", ")}`);
  return parseCsv(fs.readFileSync(p, "utf8"));
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

beforeAll(async () => {
  if (!soffice) {
    if (inCi) throw new Error("CI=true but LibreOffice (soffice) is not installed: the workbook test cannot run");
    return;
  }
  buildCli();
  dir = tmpDir("zg-lo-");
  csvDir = path.join(dir, "csv");
  fs.mkdirSync(csvDir);
  // A formula whose cached result is wrong on purpose: Calc must show 2, proving it recalculated.
  files.sentinel = await workbook(path.join(dir, "sentinel.xlsx"), (wb) => {
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = { formula: "1+1", result: 5 } as never;
  });
  files.score = path.join(dir, "score.xlsx");
  files.check = path.join(dir, "check.xlsx");
  files.decomposition = path.join(dir, "decomposition.xlsx");
  files.self = path.join(dir, "self.xlsx");
  for (const args of [
    ["score", path.join(SAMPLES, "sample-completion.xlsx"), "--out", files.score],
    ["check", path.join(SAMPLES, "sample-county-decomposition.xlsx"), "--out", files.check],
    ["template", "decomposition", files.decomposition],
    ["template", "self-assessment", files.self],
  ]) {
    const r = zg(args);
    if (r.status !== 0) throw new Error(`zg ${args.join(" ")}: ${r.stderr}`);
  }
  files.city = await filledCityTemplate();
  convertAll(Object.values(files));
});

/**
 * 杭州's decomposition template from `zg template decomposition --city 杭州`, filled as an official would: numbers,
 * text with units (120台, 5.2亿元, 12%), rows met and rows short, the 累计 indicator, and one row left empty.
 */
async function filledCityTemplate(): Promise<string> {
  const blank = path.join(dir, "city-blank.xlsx");
  const r = zg(["template", "decomposition", blank, "--city", "杭州"]);
  if (r.status !== 0) throw new Error(`zg template decomposition --city: ${r.stderr}`);
  const wb = await openXlsx(blank);
  const ws = wb.worksheets[0];
  const L = CITY_DECOMPOSITION_LAYOUT;
  const n = COUNTIES_2020.filter((c) => c.city === "杭州").length;
  const hz = CITY_IDS.indexOf("杭州");
  INDICATORS_2020.forEach((ind, k) => {
    if (k === INDICATORS_2020.length - 1) return; // left empty: 待填写, and no result from zg check
    const row = ws.getRow(L.firstIndicatorRow + k + 1);
    const printed = Number(/^[\d.]+/.exec(ALLOCATION_2020[k][hz].replace(/\s+/g, ""))![0]);
    for (let j = 0; j < n; j++) {
      const cell = row.getCell(L.firstCountyColumn + j + 1);
      if (ind.kind === "rate") {
        const p = printed / 100;
        cell.value = k % 2 === 1 && j === 0 ? "5%" : j === 1 ? `${Math.round((p + 0.02) * 100)}%` : p + 0.01;
      } else {
        const each = Math.ceil(printed / n) + 1;
        const x = k % 3 === 1 && j === 0 ? 0 : each;
        cell.value = k % 3 === 2 || j === 2 ? `${x}${ind.displayUnit}` : x;
      }
    }
  });
  const out = path.join(dir, "city-filled.xlsx");
  await wb.xlsx.writeFile(out);
  return out;
}

maybe("the city's decomposition template: its plain-Excel check formulas agree with zg check, row by row", () => {
  const out = json<{ results: { indicator: string; status: string; kind: string }[]; warnings: { code: string }[] }>(zg(["check", files.city, "--json"]));
  const n = COUNTIES_2020.filter((c) => c.city === "杭州").length;
  const L = CITY_DECOMPOSITION_LAYOUT;
  const csv = sheetCsv(files.city, "杭州分解到县");
  const verdicts = INDICATORS_2020.map((ind, k) => ({ ind, formula: csv[L.firstIndicatorRow + k][L.firstCountyColumn + n] }));
  expect(out.results).toHaveLength(INDICATORS_2020.length - 1);
  expect(out.warnings.filter((w) => w.code === "parent-label-mismatch")).toEqual([]);
  for (const v of verdicts.slice(0, -1)) {
    const r = out.results.find((x) => x.indicator === v.ind.name.replace(/\s+/g, ""))!;
    expect([v.ind.name, v.formula.startsWith("达标") ? "ok" : v.formula.startsWith("未达标") ? "short" : v.formula]).toEqual([v.ind.name, r.status]);
  }
  expect(verdicts[verdicts.length - 1].formula).toBe("待填写");
  // Both kinds of verdict occur, so agreement is not agreement on one answer.
  expect(new Set(out.results.map((r) => r.status))).toEqual(new Set(["ok", "short"]));
  // 累计 under the city's figure is a total (9号: 当年新增数).
  expect(out.results[6].kind).toBe("total");
});

maybe("Calc recalculates on load (the sentinel's stale cached result is replaced)", () => {
  expect(sheetCsv(files.sentinel, "S")[0][0]).toBe("2");
});

maybe("score --out: Calc's totals and ranks from our formulas equal zg's JSON", () => {
  const out = json<{
    counties: { county: string; total: number; cityRank: number }[];
    province: { county: string; total: number; rank: number }[];
  }>(zg(["score", path.join(SAMPLES, "sample-completion.xlsx"), "--json"]));

  const city = sheetCsv(files.score, "设区市推荐环节").filter((r) => r.length >= 9 && /[县市区]$/.test(r[1]));
  expect(city).toHaveLength(90);
  city.forEach((row, i) => {
    expect(row[1]).toBe(out.counties[i].county);
    expect(close(Number(row[7]), out.counties[i].total)).toBe(true);
    expect(Number(row[8])).toBe(out.counties[i].cityRank);
  });

  const province = sheetCsv(files.score, "省级部门评送环节").filter((r) => r.length >= 9 && /^\d+$/.test(r[0]));
  expect(province).toHaveLength(11);
  province.forEach((row, i) => {
    expect(row[2]).toBe(out.province[i].county);
    expect(Number(row[0])).toBe(out.province[i].rank);
    expect(close(Number(row[8]), out.province[i].total)).toBe(true);
  });
  expect(sheetCsv(files.score, "选项与规则").some((r) => r[0] === "--slots" && r[1] === "6")).toBe(true);
});

maybe("check --out: Calc's gap formulas equal zg's gaps", () => {
  const out = json<{ results: { indicator: string; gap: number | null }[] }>(
    zg(["check", path.join(SAMPLES, "sample-county-decomposition.xlsx"), "--json"]),
  );
  const rows = sheetCsv(files.check, "校核结果").filter((r) => /^\d+$/.test(r[0]));
  expect(rows).toHaveLength(out.results.length);
  rows.forEach((row, i) => {
    expect(row[1]).toBe(out.results[i].indicator);
    const gap = out.results[i].gap;
    if (gap === null) expect(row[6]).toBe("");
    else expect(close(Number(row[6]), gap)).toBe(true);
  });
});

maybe("the templates open with every printed cell intact", () => {
  const t = decompositionTable2020();
  const csv = sheetCsv(files.decomposition, t.name);
  t.cells.forEach((row, r) =>
    row.forEach((v, c) => {
      expect(csv[r]?.[c] ?? "").toBe(v === null || v === undefined ? "" : String(v));
    }),
  );
  const completion = sheetCsv(files.self, "完成情况");
  expect(completion[0].slice(0, 6)).toEqual(["设区市", "县（市、区）", "指标", "单位", "目标", "完成"]);
  expect(completion.filter((r) => r[1]).length).toBe(1 + 90 * 18);
  expect(sheetCsv(files.self, "县").filter((r) => r[0]).length).toBe(1 + 90);
});
