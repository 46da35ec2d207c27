/** `zg score` run as a subprocess: a hand-computed fixture, the 90-county sample, options, --out, bad input (cli.md). */
import * as path from "path";
import type ExcelJS from "exceljs";
import { buildCli, json, openXlsx, put, SAMPLES, sha256, tmpDir, workbook, zg } from "./helpers";

interface County {
  county: string;
  city: string;
  completionPoints: number;
  overPoints: number;
  targetScore: number;
  overScore: number;
  policyScore: number;
  total: number;
  cityRank: number;
  recommended: boolean;
}
interface Province extends Omit<County, "cityRank" | "recommended"> {
  rank: number;
  selected: boolean;
  accelerated: boolean;
}
interface ScoreOut {
  counties: County[];
  province: Province[];
  warnings: { code: string; zh: string; en: string; sheet?: string; cell?: string }[];
}

const UNIT_KEYS = ["city", "completionPoints", "county", "overPoints", "overScore", "policyScore", "targetScore", "total"];
const SAMPLE = path.join(SAMPLES, "sample-completion.xlsx");
jest.setTimeout(120_000);
let dir: string;

/** Three counties of two cities, one indicator: every score below is worked out by hand from rules.md §3–6. */
function fixture(wb: ExcelJS.Workbook, o: { previous?: string; actual?: ExcelJS.CellValue; yesNo?: ExcelJS.CellValue } = {}): void {
  const c = wb.addWorksheet("完成情况");
  put(c, 1, 1, [
    ["2020年目标完成情况（测试）"],
    ["设区市", "县（市、区）", "指标", "目标", "完成"],
    ["杭州市", "上城区", "新增工业机器人", "100台", o.actual ?? "120台"],
    ["杭州市", "下城区", "新增工业机器人", "100台", "90台"],
    ["宁波市", "海曙区", "新增工业机器人", "50台", "60台"],
  ]);
  const k = wb.addWorksheet("县");
  put(k, 1, 1, [
    ["县（市、区）", "设区市", "实施方案", "配套政策", "批示或典型发言", "上年度已获激励"],
    ["上城区", "杭州市", o.yesNo ?? "是", "✓", 5, o.previous === "上城区" ? "是" : "否"],
    ["下城区", "杭州市", "否", null, 0, null],
    ["海曙区", "宁波市", 1, 0, 1, "N"],
  ]);
}

beforeAll(() => {
  buildCli();
  dir = tmpDir();
}, 180_000);

describe("a fixture scored by hand", () => {
  let file: string;
  let out: ScoreOut;
  beforeAll(async () => {
    file = await workbook(path.join(dir, "three counties.xlsx"), (wb) => fixture(wb));
    const r = zg(["score", file, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    out = json<ScoreOut>(r);
  });

  test("exactly cli.md's fields", () => {
    expect(Object.keys(out).sort()).toEqual(["counties", "province", "warnings"]);
    for (const c of out.counties) expect(Object.keys(c).sort()).toEqual([...UNIT_KEYS, "cityRank", "recommended"].sort());
    for (const p of out.province) expect(Object.keys(p).sort()).toEqual([...UNIT_KEYS, "accelerated", "proposed", "rank", "selected"].sort());
  });

  test("city stage: rank points, standard scores, policy points, totals, cityRank, recommendation", () => {
    expect(out.counties).toEqual([
      // 120/100 ranks first (10 points), 90/100 second (9.5); J = 1: 10/10×60 = 60, 9.5/10×60 = 57.
      // Over target only 上城区 (20%): 10 points → 20. Policy 实施方案 2 + 配套政策 4 + min(5, 4) = 10.
      { county: "上城区", city: "杭州市", completionPoints: 10, overPoints: 10, targetScore: 60, overScore: 20, policyScore: 10, total: 90, cityRank: 1, recommended: true },
      { county: "下城区", city: "杭州市", completionPoints: 9.5, overPoints: 0, targetScore: 57, overScore: 0, policyScore: 0, total: 57, cityRank: 2, recommended: false },
      // Alone in its city; policy 实施方案 (1) 2 + 配套政策 (0) 0 + 1 endorsement = 3.
      { county: "海曙区", city: "宁波市", completionPoints: 10, overPoints: 10, targetScore: 60, overScore: 20, policyScore: 3, total: 83, cityRank: 1, recommended: true },
    ]);
  });

  test("province stage: recomputed among the recommended; both selected; the missing 加快发展县 is a warning", () => {
    expect(out.province).toEqual([
      { county: "上城区", city: "杭州市", completionPoints: 10, overPoints: 10, targetScore: 60, overScore: 20, policyScore: 10, total: 90, rank: 1, selected: true, proposed: true, accelerated: false },
      { county: "海曙区", city: "宁波市", completionPoints: 10, overPoints: 10, targetScore: 60, overScore: 20, policyScore: 3, total: 83, rank: 2, selected: true, proposed: true, accelerated: false },
    ]);
    expect(out.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(["fewer-than-slots", "too-few-accelerated"]));
  });

  test("options change the scores: --step, --top and --floor, --std max with --slots 1", () => {
    const step = json<ScoreOut>(zg(["score", file, "--json", "--step", "5"]));
    // Rank 2 now gets 10 − 5 = 5 points: 5/10×60 = 30.
    expect(step.counties[1]).toMatchObject({ completionPoints: 5, targetScore: 30, total: 30 });
    const top = json<ScoreOut>(zg(["score", file, "--json", "--top", "20", "--floor", "19"]));
    expect(top.counties[1].completionPoints).toBe(19.5);
    const max = json<ScoreOut>(zg(["score", file, "--json", "--std", "max", "--slots", "1", "--min-accelerated", "0"]));
    expect(max.counties[1]).toMatchObject({ targetScore: 57 });
    expect(max.province.map((p) => p.selected)).toEqual([true, false]);
  });

  test("上年度已获激励: the city's best is passed over and the next recommended", async () => {
    const f = await workbook(path.join(dir, "previous.xlsx"), (wb) => fixture(wb, { previous: "上城区" }));
    const r = json<ScoreOut>(zg(["score", f, "--json"]));
    expect(r.counties.map((c) => [c.county, c.cityRank, c.recommended])).toEqual([
      ["上城区", 1, false],
      ["下城区", 2, true],
      ["海曙区", 1, true],
    ]);
    expect(r.province.map((p) => p.county)).toEqual(["海曙区", "下城区"]);
  });

  test("--out writes the city and province stages, the detail with shortfalls marked, and the options and rules; the input is untouched", async () => {
    const before = sha256(file);
    const result = path.join(dir, "评分结果.xlsx");
    const r = zg(["score", file, "--out", result, "--step", "0.25"]);
    expect(r.status).toBe(0);
    expect(sha256(file)).toBe(before);

    const wb = await openXlsx(result);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["设区市推荐环节", "省级部门评送环节", "指标明细", "提示", "选项与规则"]);
    const city = wb.getWorksheet("设区市推荐环节")!;
    expect(city.getRow(3).values).toEqual(
      expect.arrayContaining(["杭州市", "上城区", 10, 10, 60, 20, 10]),
    );
    expect(city.getCell("H3").value).toMatchObject({ formula: "E3+F3+G3", result: 90 });
    expect(city.getCell("H4").value).toMatchObject({ result: 58.5 });
    expect(city.getCell("I4").value).toMatchObject({ result: 2 });
    // Ties within the engine's tolerance stay ties (core/select.ts rankByTotalFormula).
    expect(String((city.getCell("I4").value as ExcelJS.CellFormulaValue).formula)).toBe('1+COUNTIFS($A$3:$A$5,"="&A4,$H$3:$H$5,">"&(H4+0.000000001*MAX(1,ABS(H4))))');
    expect(city.getCell("E3").numFmt).toBe("0.00");
    const province = wb.getWorksheet("省级部门评送环节")!;
    expect(province.getCell("C3").value).toBe("上城区");
    expect(province.getCell("A4").value).toMatchObject({ result: 2 });
    const detail = wb.getWorksheet("指标明细")!;
    // 下城区 did 90 of 100: marked short.
    expect(detail.getCell("B4").value).toBe("下城区");
    expect(detail.getCell("D4").value).toBe(100);
    expect(detail.getCell("E4").value).toBe(90);
    expect(detail.getCell("F4").value).toBe(0.9);
    expect(detail.getCell("F4").numFmt).toBe("0.00%");
    expect((detail.getCell("B4").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
    expect(detail.getCell("L3").value).toBe("");
    const rules = wb.getWorksheet("选项与规则")!;
    const text: string[] = [];
    rules.eachRow((row) => text.push(row.values ? (row.values as unknown[]).filter(Boolean).join(" | ") : ""));
    expect(text.join("\n")).toContain("--step | 0.25");
    expect(text.join("\n")).toContain("浙转升办〔2020〕2号");
    expect(text.join("\n")).toContain("第五条");
    expect(text.join("\n")).toContain("第六条");

    const again = zg(["score", file, "--out", result]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("评分结果.xlsx");
    expect(zg(["score", file, "--out", result, "--force"]).status).toBe(0);
  });
});

test("merged city cells, a 单位 column under bare numbers, percent-formatted actuals, a 合计 row and a two-row county header", async () => {
  const file = await workbook(path.join(dir, "layout.xlsx"), (wb) => {
    const c = wb.addWorksheet("完成");
    put(c, 1, 1, [
      ["杭州市各县（市、区）完成情况"],
      ["设区市", "县（市、区）", "指标", "单位", "目标", "完成"],
      ["杭州市", "上城区", "研发费用支出增长", "%", 10, 0.12],
      [null, "上城区", "并购重组交易金额", "亿元", 2, 2.3],
      [null, "下城区", "研发费用支出增长", "%", "10%", 0.09],
      [null, "下城区", "并购重组交易金额", "亿元", 2, 1.8],
      [null, "合计", null, null, null, null],
    ]);
    c.mergeCells("A3:A6");
    c.getCell("F3").numFmt = "0.0%";
    c.getCell("F5").numFmt = "0%";
    const k = wb.addWorksheet("政策");
    put(k, 1, 1, [
      ["县（市、区）", "政策机制", null, null],
      [null, "实施方案", "配套政策", "批示或典型发言"],
      ["上城区", "是", "否", 2],
      ["下城区", "否", "是", 0],
    ]);
    k.mergeCells("A1:A2");
    k.mergeCells("B1:D1");
  });
  const r = zg(["score", file, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  // 12%/10% and 2.3/2 亿元 rank first (10 + 10 → 60; over target in both → 20); 9%/10% and 1.8/2 second (9.5 + 9.5 → 57).
  // Policy: 实施方案 2 + 2 endorsements = 4; 配套政策 4.
  expect(json<ScoreOut>(r).counties).toEqual([
    { county: "上城区", city: "杭州市", completionPoints: 20, overPoints: 20, targetScore: 60, overScore: 20, policyScore: 4, total: 84, cityRank: 1, recommended: true },
    { county: "下城区", city: "杭州市", completionPoints: 19, overPoints: 0, targetScore: 57, overScore: 0, policyScore: 4, total: 61, cityRank: 2, recommended: false },
  ]);
});

test("an at-most target ranks lower actuals first", async () => {
  const file = await workbook(path.join(dir, "at most.xlsx"), (wb) => {
    const c = wb.addWorksheet("完成情况");
    put(c, 1, 1, [
      ["设区市", "县（市、区）", "指标", "目标", "完成"],
      ["丽水市", "莲都区", "单位工业增加值能耗", "0.5吨以下", "0.6吨"],
      ["丽水市", "青田县", "单位工业增加值能耗", "0.5吨以下", "0.4吨"],
    ]);
  });
  const out = json<ScoreOut>(zg(["score", file, "--json"]));
  // 青田县 used less than its ceiling: ratio T/A = 1.25 ranks first and it is over target by (T − A)/T = 20%.
  expect(out.counties.map((c) => [c.county, c.completionPoints, c.overPoints, c.cityRank])).toEqual([
    ["莲都区", 9.5, 0, 2],
    ["青田县", 10, 10, 1],
  ]);
  // No county sheet: policy scores are 0, and the output says why.
  expect(out.warnings.map((w) => w.code)).toContain("no-county-sheet");
});

describe("the made-up 90-county sample", () => {
  let out: ScoreOut;
  beforeAll(() => {
    const r = zg(["score", SAMPLE, "--json"]);
    expect(r.status).toBe(0);
    out = json<ScoreOut>(r);
  });

  test("every county, one recommended per city, six selected with a 加快发展县 among them", () => {
    expect(out.counties).toHaveLength(90);
    expect(new Set(out.counties.map((c) => c.city)).size).toBe(11);
    expect(out.counties.filter((c) => c.recommended)).toHaveLength(11);
    expect(out.province).toHaveLength(11);
    expect(out.province.filter((p) => p.selected)).toHaveLength(6);
    expect(out.province.some((p) => p.selected && p.accelerated)).toBe(true);
    for (const c of out.counties) {
      expect(c.total).toBeCloseTo(c.targetScore + c.overScore + c.policyScore, 9);
      expect(c.total).toBeGreaterThanOrEqual(0);
      expect(c.total).toBeLessThanOrEqual(100);
    }
  });

  test("cityRank and rank follow cli.md: 1 + the number with a strictly higher total", () => {
    for (const c of out.counties) {
      const higher = out.counties.filter((o) => o.city === c.city && o.total > c.total + 1e-9).length;
      expect(c.cityRank).toBe(1 + higher);
    }
    for (const p of out.province) expect(p.rank).toBe(1 + out.province.filter((o) => o.total > p.total + 1e-9).length);
  });

  test("the previous winner tops its city but is not recommended; the empty and '—' actuals are warnings naming their cells", () => {
    const xs = out.counties.find((c) => c.county === "萧山区")!;
    expect(xs).toMatchObject({ cityRank: 1, recommended: false });
    expect(out.warnings.filter((w) => w.code === "no-value").map((w) => `${w.sheet}!${w.cell}`)).toEqual(["完成情况!F184", "完成情况!F556"]);
  });

  test("--min-accelerated 2 brings in a second 加快发展县", () => {
    const two = json<ScoreOut>(zg(["score", SAMPLE, "--json", "--min-accelerated", "2"]));
    expect(two.province.filter((p) => p.selected && p.accelerated).length).toBe(2);
    expect(two.province.filter((p) => p.selected)).toHaveLength(6);
  });

  test("without --json: both stages as tables in Chinese", () => {
    const r = zg(["score", SAMPLE]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("设区市推荐环节");
    expect(r.stdout).toContain("省级部门评送环节");
    expect(r.stdout).toContain("★ 推荐");
    expect(r.stdout).toContain("✔ 建议激励名额内");
    expect(r.stdout).toContain("拟列入督查激励建议名单（8 个，其中建议激励名额内 6 个，✔）");
    expect(r.stdout).not.toMatch(/入选|入围/);
    // The county ranked first but passed over says why, on its own line.
    expect(r.stdout.split("\n").find((l) => l.includes("萧山区"))).toContain("上年度已获激励，不再推荐");
    expect(r.stdout).not.toContain("\u001b[");
  });
});

describe("unusable input or arguments: exit status 2 with the file, sheet and cell", () => {
  test("an actual that is not a number", async () => {
    const f = await workbook(path.join(dir, "pending.xlsx"), (wb) => fixture(wb, { actual: "待定" }));
    const r = zg(["score", f, "--json"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("pending.xlsx");
    expect(r.stderr).toContain("完成情况!E3");
    expect(r.stderr).toContain("待定");
  });

  test("a yes/no cell that is neither", async () => {
    const f = await workbook(path.join(dir, "maybe.xlsx"), (wb) => fixture(wb, { yesNo: "也许" }));
    const r = zg(["score", f]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("maybe.xlsx");
    expect(r.stderr).toContain("县!C2");
    expect(r.stderr).toContain("也许");
  });

  test("a workbook without a completion sheet", () => {
    const r = zg(["score", path.join(SAMPLES, "2020-decomposition.xlsx")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("2020-decomposition.xlsx");
    expect(r.stderr).toContain("完成情况表");
  });

  test.each([
    [["--top", "-1"], "--top"],
    [["--std", "median"], "--std"],
    [["--slots", "six"], "--slots"],
    [["--min-accelerated", "9"], "--min-accelerated"],
  ])("score %j", (extra, name) => {
    const r = zg(["score", SAMPLE, ...extra]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(name);
  });
});

test("--help lists every option with its default and an example", () => {
  const r = zg(["help", "score"]);
  expect(r.status).toBe(0);
  for (const o of ["--top 10", "--step 0.5", "--floor 0", "--std full|max", "--basis ratio|value", "--slots 6", "--min-accelerated 1"]) {
    expect(r.stdout).toContain(o);
  }
  expect(r.stdout).toContain("zg score assets/samples/sample-completion.xlsx");
});

test("--margin: the proposed list's size; proposed in --json is a superset of selected; a bad margin is exit 2", () => {
  const sample = path.join(SAMPLES, "sample-completion.xlsx");
  const out = json<{ province: { selected: boolean; proposed: boolean }[] }>(zg(["score", sample, "--json"]));
  expect(out.province.filter((p) => p.proposed)).toHaveLength(8);
  expect(out.province.every((p) => !p.selected || p.proposed)).toBe(true);
  const wide = json<{ province: { proposed: boolean }[] }>(zg(["score", sample, "--json", "--margin", "0.5"]));
  expect(wide.province.filter((p) => p.proposed)).toHaveLength(9);
  const bad = zg(["score", sample, "--margin", "-1"]);
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain("--margin");
});
