/** ZG.RECOMMEND and ZG.SHORTLIST (rules.md §6) as Excel calls them: columns in, spilled lists out. */
import * as fns from "../../src/functions/functions";
import { setLanguage } from "../../src/functions/runtime";
import { asExcel, col, excelError, expectError, installCustomFunctions } from "./shim";

const recommend = asExcel(fns.recommend);
const shortlist = asExcel(fns.shortlist);

beforeAll(installCustomFunctions);
afterEach(() => setLanguage(null));

describe("ZG.RECOMMEND", () => {
  const counties = col("上城区", "萧山区", "余杭区", "海曙区", "江北区", "鹿城区", "", "");
  const cities = col("杭州市", "杭州市", "杭州市", "宁波市", "宁波", "温州市", "", "");
  const totals = col(80, 91.5, 85, 70, 75, 60, "", "");

  it("recommends the best total per city, cities in order of appearance (杭州 and 杭州市 alike), blank rows skipped", () => {
    const out = recommend(counties, cities, totals, null, null, null, null) as unknown[][];
    expect(out.map((r) => r.slice(0, 2))).toEqual([
      ["杭州市", "萧山区"],
      ["宁波市", "江北区"],
      ["温州市", "鹿城区"],
    ]);
    expect(out[0][2]).toContain("总分 91.5");
  });

  it("passes over last year's winner and says so", () => {
    const prev = col("", "是", "", "", "", "", "", "");
    const out = recommend(counties, cities, totals, prev, null, null, null) as unknown[][];
    expect(out[0].slice(0, 2)).toEqual(["杭州市", "余杭区"]);
    expect(out[0][2]).toContain("萧山区上年度已获激励");
  });

  it("a city whose counties all won last year recommends none", () => {
    const prev = col("", "", "", "", "", "是", "", "");
    const out = recommend(counties, cities, totals, prev, null, null, null) as unknown[][];
    expect(out[2][0]).toBe("温州市");
    expect(out[2][1]).toBe("");
    expect(out[2][2]).toContain("无推荐");
  });

  it("breaks a tie on total by the target score when given, else by list order (reported)", () => {
    const c = col("A县", "B县");
    const k = col("丽水市", "丽水市");
    const t = col(88, 88);
    const onlyTotals = recommend(c, k, t, null, null, null, null) as unknown[][];
    expect(onlyTotals[0][1]).toBe("A县");
    expect(onlyTotals[0][2]).toContain("列表在前，请人工确认");
    const withTarget = recommend(c, k, t, null, col(50, 52), null, null) as unknown[][];
    expect(withTarget[0][1]).toBe("B县");
    expect(withTarget[0][2]).toContain("目标任务完成分更高（52 对 50）");
    const withPolicy = recommend(c, k, t, null, col(50, 50), col(18, 18), col(20, 16)) as unknown[][];
    expect(withPolicy[0][1]).toBe("A县");
    expect(withPolicy[0][2]).toContain("政策机制分更高");
  });

  it("follows the engine's chain for last year's winner too: same total, higher target score, still passed over", () => {
    // A县 won last year and ties B县 on 88 but has the higher target score (52 > 50): B县 is recommended, and A县 named.
    const out = recommend(col("A县", "B县", "C县"), col("丽水市", "丽水市", "丽水市"), col(88, 88, 80), col("是", "否", "否"), col(52, 50, 40), null, null) as unknown[][];
    expect(out).toEqual([["丽水市", "B县", expect.stringContaining("排名更前的A县上年度已获激励")]]);
  });

  it("ranks counties without a city together, under a label that says so", () => {
    const out = recommend(col("A县", "B县"), col("", null), col(1, 2), null, null, null, null) as unknown[][];
    expect(out).toEqual([["（未填设区市）", "B县", expect.stringContaining("总分 2")]]);
  });

  it("reports a missing total, an error value and columns of different lengths", () => {
    expectError((recommend(col("A县"), col("丽水市"), col(""), null, null, null, null) as unknown[][])[0][0], "#N/A", "参数 totals");
    expectError((recommend(col("A县"), col("丽水市"), col(excelError("#DIV/0!")), null, null, null, null) as unknown[][])[0][0], "#DIV/0!");
    expectError((recommend(col("A县", "B县"), col("丽水市"), col(1, 2), null, null, null, null) as unknown[][])[0][0], "#VALUE!", "cities");
  });
});

describe("ZG.SHORTLIST", () => {
  // Eleven recommended counties; 淳安县 and 龙泉市 are 加快发展县 but rank 7th and 9th.
  const counties = col("萧山区", "江北区", "鹿城区", "南湖区", "德清县", "柯桥区", "淳安县", "义乌市", "龙泉市", "岱山县", "温岭市");
  const totals = col(95, 93, 91, 90, 88, 86, 85, 84, 80, 79, 78);

  it("takes the best six, then replaces the sixth by the best 加快发展县 (2号 第三条), options omitted as null", () => {
    const out = shortlist(counties, totals, null, null, null, null, 0) as unknown[][];
    expect(out.map((r) => r[0])).toEqual(["萧山区", "江北区", "鹿城区", "南湖区", "德清县", "淳安县"]);
    expect(out[5][1]).toContain("加快发展县");
    expect(out[5][1]).toContain("柯桥区");
  });

  it("keeps the best six when one of them is already a 加快发展县", () => {
    const t = col(95, 93, 91, 90, 88, 86, 87, 84, 80, 79, 78);
    const out = shortlist(counties, t, null, null, null, null, 0) as unknown[][];
    expect(out.map((r) => r[0])).toEqual(["萧山区", "江北区", "鹿城区", "南湖区", "德清县", "淳安县"]);
    expect(out[5][1]).not.toContain("替换");
  });

  it("honours slots, minAccelerated and an accelerated column that overrides the list of 26", () => {
    const two = shortlist(counties, totals, null, 4, 2, null, 0) as unknown[][];
    expect(two.map((r) => r[0])).toEqual(["萧山区", "江北区", "淳安县", "龙泉市"]);
    const acc = col("否", "否", "否", "否", "否", "否", "否", "是", "否", "否", "否");
    const own = shortlist(counties, totals, acc, null, null, null, 0) as unknown[][];
    expect(own.map((r) => r[0])).toEqual(["萧山区", "江北区", "鹿城区", "南湖区", "德清县", "义乌市"]);
    const none = shortlist(counties, totals, null, 6, 0, null, 0) as unknown[][];
    expect(none.map((r) => r[0])).toContain("柯桥区");
  });

  it("says when there are not enough 加快发展县", () => {
    const acc = col("否", "否", "否", "否", "否", "否", "否", "否", "否", "否", "否");
    const out = shortlist(counties, totals, acc, null, null, null, 0) as unknown[][];
    expect(out).toHaveLength(7);
    expect(out[6][0]).toBe("");
    expect(out[6][1]).toContain("无加快发展县可列入建议激励名额");
  });

  it("reports a tie across the cut-off", () => {
    const t = col(95, 93, 91, 90, 88, 86, 86, 84, 80, 79, 78);
    const out = shortlist(counties, t, null, 6, 0, null, 0) as unknown[][];
    expect(out[5][0]).toBe("柯桥区");
    expect(out[5][1]).toContain("与淳安县总分并列");
  });

  it("lists ⌈slots × (1 + margin)⌉ names (第六条（三）), the places first: 8 for 6 by default", () => {
    const out = shortlist(counties, totals, null, null, null) as unknown[][];
    expect(out.map((r) => r[0])).toEqual(["萧山区", "江北区", "鹿城区", "南湖区", "德清县", "淳安县", "柯桥区", "义乌市"]);
    out.slice(0, 6).forEach((r) => expect(r[1]).toMatch(/^建议激励名额内/));
    out.slice(6).forEach((r) => expect(r[1]).toMatch(/^拟列入督查激励建议名单（差额/));
    expect((shortlist(counties, totals, null, 6, 1, null, 0.5) as unknown[][]).length).toBe(9);
    expectError((shortlist(counties, totals, null, 6, 1, null, -0.1) as unknown[][])[0][0], "#VALUE!", "margin");
  });

  it("checks its options", () => {
    expectError((shortlist(counties, totals, null, 0, null, null, 0) as unknown[][])[0][0], "#VALUE!", "参数 slots");
    expectError((shortlist(counties, totals, null, 2.5, null, null, 0) as unknown[][])[0][0], "#VALUE!", "整数");
    expectError((shortlist(counties, totals, null, 3, 4, null, 0) as unknown[][])[0][0], "#VALUE!", "minAccelerated");
  });
});

describe("the language of the reasons is the lang argument's, never the machine's", () => {
  const counties = col("上城区", "萧山区", "淳安县");
  const cities = col("杭州市", "杭州市", "杭州市");
  const totals = col(80, 91.5, 70);

  it("RECOMMEND: Chinese when lang is omitted, even on an English machine; English when lang says so", () => {
    setLanguage("en");
    const zh = recommend(counties, cities, totals, col("", "是", ""), null, null, null, null) as unknown[][];
    expect(zh[0][2]).toContain("萧山区上年度已获激励");
    const en = recommend(counties, cities, totals, col("", "是", ""), null, null, null, "en") as unknown[][];
    expect(en[0][2]).toContain("received the incentive last year");
    setLanguage("zh");
    expect((recommend(counties, col("", "", ""), totals, null, null, null, null, "English") as unknown[][])[0][0]).toBe("(no city)");
  });

  it("SHORTLIST: the same, and a bad lang is #VALUE! in the machine's language", () => {
    setLanguage("en");
    const zh = shortlist(counties, totals, null, 1, 1, null) as unknown[][];
    expect(zh[0][1]).toContain("名额外排名最高的加快发展县");
    const en = shortlist(counties, totals, null, 1, 1, "en-GB") as unknown[][];
    expect(en[0][1]).toContain("the best 加快发展县 outside the places");
    const bad = shortlist(counties, totals, null, 1, 1, "de") as unknown[][];
    expectError(bad[0][0], "#VALUE!", "argument lang", '"de"');
  });
});
