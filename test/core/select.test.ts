/**
 * rules.md §6. Expected numbers are worked out in the comments. Most cases use one indicator with
 * target 100, so for a county with actual A: completion A/100, over (A − 100)/100, J = 1, and
 * targetScore = points × 6, overScore = points × 2 (points of rank r: 10 − 0.5 (r − 1)).
 */
import fc from "fast-check";
import { proposedListSize, recommendInCity, runSelection, selectShortlist, type Standing } from "../../src/core/select";
import type { CountyInput, PolicyInput, ProvinceResult, SelectionResult } from "../../src/core/types";

const IND = "传统制造业新增工业机器人";

function c(county: string, city: string, actual: number | string, extra: Partial<CountyInput> = {}, policy: PolicyInput = {}): CountyInput {
  return { county, city, entries: [{ indicator: IND, target: "100台", actual: typeof actual === "number" ? `${actual}台` : actual }], policy, ...extra };
}

const byName = (r: SelectionResult, name: string) => r.counties.find((x) => x.county === name)!;
const prov = (r: SelectionResult, name: string): ProvinceResult => r.province.find((x) => x.county === name)!;
const codes = (x: { reasons: { code: string }[] }) => x.reasons.map((y) => y.code);
/** Warnings other than the notice that minAccelerated 0 switches the 加快发展县 rule off (many cases here set it). */
const told = <W extends { code: string }>(r: { warnings: W[] }): W[] => r.warnings.filter((w) => w.code !== "accelerated-rule-off");

/** City-stage cases recommend from one city only: one place and no 加快发展县 quota keep the province stage quiet. */
const ONE = { slots: 1, minAccelerated: 0 };

describe("city stage", () => {
  // 杭州: 上城 130, 下城 120, 淳安 110 → completion and over ranks 1, 2, 3 → points 10, 9.5, 9
  // → totals 8 × points = 80, 76, 72.
  const hz = () => [c("上城区", "杭州", 130), c("下城区", "杭州", 120), c("淳安县", "杭州", 110)];

  test("ranks by total and recommends the best", () => {
    const r = runSelection(hz(), ONE);
    expect(r.counties.map((x) => [x.county, x.total, x.cityRank, x.recommended])).toEqual([
      ["上城区", 80, 1, true],
      ["下城区", 76, 2, false],
      ["淳安县", 72, 3, false],
    ]);
    expect(codes(byName(r, "上城区"))).toEqual(["best-total"]);
    expect(codes(byName(r, "下城区"))).toEqual(["not-best"]);
    expect(byName(r, "下城区").reasons[0].zh).toContain("上城区");
    expect(byName(r, "下城区").reasons[0].en).toContain("not recommended");
    expect(told(r)).toEqual([]);
  });

  test("a previous winner is passed over and the next best is recommended", () => {
    const units = hz();
    units[0].previousWinner = true;
    const r = runSelection(units);
    // Ranks are unchanged (80, 76, 72) but 上城 may not be recommended again.
    expect(byName(r, "上城区")).toMatchObject({ cityRank: 1, recommended: false });
    expect(byName(r, "下城区")).toMatchObject({ cityRank: 2, recommended: true });
    expect(codes(byName(r, "上城区"))).toEqual(["previous-winner"]);
    expect(byName(r, "上城区").reasons[0].zh).toContain("上年度已获");
    expect(byName(r, "下城区").reasons[0].zh).toContain("上城区");
    expect(r.province.map((p) => p.county)).toEqual(["下城区"]);
  });

  test("a tie on total is broken by targetScore", () => {
    // 甲: 100/100 → completion 1.0 rank 1 (60), no over (0), policy 0 → 60.
    // 乙: 90/100 → 0.9 rank 2 (57), no over, policy 3 endorsements → 60. Tie on 60; targetScore 60 > 57.
    const r = runSelection([c("乙区", "宁波", 90, {}, { endorsements: 3 }), c("甲区", "宁波", 100)], ONE);
    expect(byName(r, "甲区")).toMatchObject({ total: 60, targetScore: 60, cityRank: 1, recommended: true });
    expect(byName(r, "乙区")).toMatchObject({ total: 60, targetScore: 57, cityRank: 1, recommended: false });
    expect(codes(byName(r, "甲区"))).toContain("tie-break");
    expect(byName(r, "乙区").reasons.find((x) => x.code === "tie-break")!.zh).toContain("目标任务完成分");
    // The chain is the tool's default, said so; the tie it breaks is still reported as a tie.
    expect(byName(r, "乙区").reasons.find((x) => x.code === "tie-break")!.zh).toContain("本工具默认的并列处理顺序");
    expect(told(r).map((w) => w.code)).toEqual(["tie-broken"]);
    expect(told(r)[0].zh).toContain("甲区与乙区总分并列");
    expect(told(r)[0].en).toContain("ZG's default tie-break order");
  });

  test("then by overScore", () => {
    // step 1 (so a rank is worth a whole point), two indicators, J = 2.
    // 机器人: 甲 120 (1.2, over .2) rank 1, 乙 110 (1.1, over .1) rank 2.
    // 上云: 乙 95 (.95) rank 1, 甲 90 (.9) rank 2, neither over.
    // S: 甲 10 + 9 = 19, 乙 9 + 10 = 19 → targetScore 19/20 × 60 = 57 both.
    // O: 甲 10, 乙 9 → overScore 10/20 × 20 = 10 and 9. 乙 gets 1 endorsement: totals 67 and 67.
    const two = (name: string, a1: number, a2: number, policy: PolicyInput = {}): CountyInput => ({
      county: name,
      city: "温州",
      entries: [
        { indicator: IND, target: 100, actual: a1 },
        { indicator: "上云企业", target: 100, actual: a2 },
      ],
      policy,
    });
    const r = runSelection([two("乙区", 110, 95, { endorsements: 1 }), two("甲区", 120, 90)], { step: 1, ...ONE });
    expect(byName(r, "甲区")).toMatchObject({ targetScore: 57, overScore: 10, total: 67, recommended: true });
    expect(byName(r, "乙区")).toMatchObject({ targetScore: 57, overScore: 9, total: 67, recommended: false });
    expect(byName(r, "乙区").reasons.find((x) => x.code === "tie-break")!.zh).toContain("超目标任务完成分");
  });

  test("a tie that remains is reported and the county listed first wins", () => {
    const r = runSelection([c("乙区", "湖州", 120), c("甲区", "湖州", 120)], ONE);
    expect(byName(r, "乙区").recommended).toBe(true);
    expect(byName(r, "甲区").recommended).toBe(false);
    expect(codes(byName(r, "乙区"))).toContain("tie-unresolved");
    expect(codes(byName(r, "甲区"))).toContain("tie-unresolved");
    expect(told(r).map((w) => w.code)).toEqual(["tie-unresolved"]);
    expect(told(r)[0].zh).toContain("湖州");
  });

  test("a city whose counties all won last year recommends none (warned)", () => {
    const r = runSelection([c("甲区", "舟山", 120, { previousWinner: true }), c("乙区", "台州", 110)]);
    expect(r.province.map((p) => p.county)).toEqual(["乙区"]);
    expect(told(r).map((w) => w.code)).toContain("no-candidate");
  });
});

/**
 * Eight cities, one county each, so each is its city's recommendation and the province group is all eight.
 * Actuals 170 … 110 and 100: completion ranks 1 … 8 → points 10, 9.5, …, 6.5; over ranks 1 … 7 (the 8th
 * did not exceed: 0). Totals 8 × points for the first seven: 80, 76, 72, 68, 64, 60, 56; the 8th 6.5 × 6 = 39.
 * 缙云县 (7th) and 江山市 (8th) are 加快发展县; the others are not.
 */
function eight(): CountyInput[] {
  return [
    c("鄞州区", "宁波", 170),
    c("鹿城区", "温州", 160),
    c("吴兴区", "湖州", 150),
    c("南湖区", "嘉兴", 140),
    c("越城区", "绍兴", 130),
    c("婺城区", "金华", 120),
    c("缙云县", "丽水", 110),
    c("江山市", "衢州", 100),
  ];
}

describe("province stage", () => {
  test("ranks afresh, selects six, and the best 加快发展县 replaces the sixth", () => {
    const r = runSelection(eight());
    expect(r.province.map((p) => [p.county, p.total, p.rank])).toEqual([
      ["鄞州区", 80, 1],
      ["鹿城区", 76, 2],
      ["吴兴区", 72, 3],
      ["南湖区", 68, 4],
      ["越城区", 64, 5],
      ["婺城区", 60, 6],
      ["缙云县", 56, 7],
      ["江山市", 39, 8],
    ]);
    const sel = r.province.filter((p) => p.selected).map((p) => p.county);
    expect(sel).toEqual(["鄞州区", "鹿城区", "吴兴区", "南湖区", "越城区", "缙云县"]);
    expect(prov(r, "缙云县")).toMatchObject({ accelerated: true, selected: true });
    expect(codes(prov(r, "缙云县"))).toEqual(["accelerated-replacement"]);
    // Replaced, yet still on the proposed list (the places and the best of the rest).
    expect(codes(prov(r, "婺城区"))).toEqual(["replaced", "proposed"]);
    expect(prov(r, "婺城区").reasons[0].zh).toContain("缙云县");
    expect(prov(r, "缙云县").reasons[0].zh).toContain("婺城区");
    expect(codes(prov(r, "鄞州区"))).toEqual(["selected"]);
    expect(codes(prov(r, "江山市"))).toEqual(["proposed"]); // 8 names for 6 places: all eight
  });

  test("minAccelerated 2: two replacements, lowest-ranked non-accelerated out first", () => {
    const r = runSelection(eight(), { minAccelerated: 2 });
    // 缙云 (7th) replaces 婺城 (6th), then 江山 (8th) replaces 越城 (5th).
    expect(r.province.filter((p) => p.selected).map((p) => p.county)).toEqual(["鄞州区", "鹿城区", "吴兴区", "南湖区", "缙云县", "江山市"]);
    expect(codes(prov(r, "越城区"))).toEqual(["replaced", "proposed"]);
    expect(prov(r, "越城区").reasons[0].zh).toContain("江山市");
  });

  test("minAccelerated 0: the best six, no replacement", () => {
    const r = runSelection(eight(), { minAccelerated: 0 });
    expect(r.province.filter((p) => p.selected).map((p) => p.county)).toEqual(["鄞州区", "鹿城区", "吴兴区", "南湖区", "越城区", "婺城区"]);
    expect(r.province.flatMap(codes).filter((x) => x === "replaced")).toEqual([]);
  });

  test("an accelerated column overrides the built-in list of 26", () => {
    const units = eight();
    units[0].accelerated = true; // 鄞州 counts as accelerated: already selected, so nothing moves.
    units[6].accelerated = false; // 缙云 no longer counts; 江山 (by the list) is the only other.
    const r = runSelection(units);
    expect(r.province.filter((p) => p.selected).map((p) => p.county)).toEqual(["鄞州区", "鹿城区", "吴兴区", "南湖区", "越城区", "婺城区"]);
    expect(prov(r, "缙云县").accelerated).toBe(false);
    expect(prov(r, "鄞州区").accelerated).toBe(true);
    // Without 鄞州's override, 江山 (8th) would now be the one to replace 婺城.
    units[0].accelerated = null;
    const r2 = runSelection(units);
    expect(prov(r2, "江山市")).toMatchObject({ selected: true });
    expect(prov(r2, "婺城区")).toMatchObject({ selected: false });
  });

  test("too few 加快发展县 is warned, not forced", () => {
    const units = eight().slice(0, 6); // no accelerated county among the recommended
    const r = runSelection(units);
    expect(r.province.every((p) => p.selected)).toBe(true);
    expect(told(r).map((w) => w.code)).toEqual(["too-few-accelerated"]);
  });

  test("slots option, and a tie at the cut-off decided and reported", () => {
    // slots 3, min 0: the best three.
    const r = runSelection(eight(), { slots: 3, minAccelerated: 0 });
    expect(r.province.filter((p) => p.selected).map((p) => p.county)).toEqual(["鄞州区", "鹿城区", "吴兴区"]);
    // slots 1 with a tie on total (甲 60 by targetScore 60, 乙 57 + 3 endorsements = 60).
    const t = runSelection([c("乙区", "宁波", 90, {}, { endorsements: 3 }), c("甲区", "温州", 100)], { slots: 1, minAccelerated: 0 });
    expect(t.province.map((p) => [p.county, p.rank, p.selected])).toEqual([
      ["甲区", 1, true],
      ["乙区", 1, false],
    ]);
    expect(codes(prov(t, "甲区"))).toEqual(["selected", "tie-break"]);
    expect(codes(prov(t, "乙区"))).toEqual(["proposed", "tie-break"]);
  });

  test("the province stage recomputes points within the recommended counties", () => {
    // City stage: 上城 130 beats 下城 120 in 杭州 (80 vs 76); 鄞州 125 is alone in 宁波 → rank 1, 80.
    // Province: 上城 1.3 → 10, 鄞州 1.25 → 9.5 → totals 80 and 76.
    const r = runSelection([c("上城区", "杭州", 130), c("下城区", "杭州", 120), c("鄞州区", "宁波", 125)]);
    expect(byName(r, "鄞州区").total).toBe(80);
    expect(prov(r, "鄞州区")).toMatchObject({ total: 76, rank: 2, completionPoints: 9.5 });
    expect(prov(r, "上城区")).toMatchObject({ total: 80, rank: 1 });
    // Only two recommended for six places: all selected, warned.
    expect(told(r).map((w) => w.code)).toContain("fewer-than-slots");
  });

  test("city names are matched tolerantly: 杭州 and 杭州市 are one city", () => {
    const r = runSelection([c("上城区", "杭州", 130), c("下城区", "杭州市", 120)]);
    expect(r.province).toHaveLength(1);
    expect(byName(r, "下城区").cityRank).toBe(2);
  });
});

describe("docs/scoring.md worked example", () => {
  test("甲 84, 乙 76, 丙 70; 甲 recommended unless it won last year", () => {
    // Completion 1.3, 1.2, 0.9 → 10, 9.5, 9 → ×6 = 60, 57, 54. Over 0.3, 0.2, none → 10, 9.5, 0 → ×2 = 20, 19, 0.
    // Policy: 甲 plan 2 + workPlan 2 = 4; 乙 0; 丙 policy 4 + mechanism 4 + pilot 4 + 4 endorsements = 16.
    const units = [
      c("甲县", "测试市", 130, {}, { plan: true, workPlan: true }),
      c("乙县", "测试市", 120),
      c("丙县", "测试市", 90, {}, { policy: true, mechanism: true, pilot: true, endorsements: 4 }),
    ];
    const r = runSelection(units, ONE);
    expect(r.counties.map((x) => [x.targetScore, x.overScore, x.policyScore, x.total, x.recommended])).toEqual([
      [60, 20, 4, 84, true],
      [57, 19, 0, 76, false],
      [54, 0, 16, 70, false],
    ]);
    units[0].previousWinner = true;
    expect(runSelection(units, ONE).counties.map((x) => x.recommended)).toEqual([false, true, false]);
  });
});

describe("options", () => {
  test("bad options give an empty result and one bilingual error", () => {
    for (const o of [{ slots: 0 }, { slots: 1.5 }, { minAccelerated: 7 }, { step: -0.5 }, { std: "avg" as never }]) {
      const r = runSelection(eight(), o);
      expect(r.counties).toEqual([]);
      expect(r.province).toEqual([]);
      expect(r.warnings).toHaveLength(1);
      expect(r.warnings[0]).toMatchObject({ code: "bad-option", severity: "error" });
      expect(told(r)[0].zh).toContain("选项");
      expect(told(r)[0].en).toContain("Option");
    }
  });

  test("no counties: an empty result with one warning", () => {
    const r = runSelection([]);
    expect([r.counties, r.province]).toEqual([[], []]);
    expect(r.warnings.map((w) => [w.code, w.severity])).toEqual([["no-counties", "warning"]]);
  });

  test("the options used are returned", () => {
    expect(runSelection(eight(), { step: 1 }).options).toEqual({ top: 10, step: 1, floor: 0, std: "full", basis: "ratio", slots: 6, minAccelerated: 1, margin: 0.2, unassigned: "exclude" });
  });
});

/** The totals-level rules that runSelection, ZG.RECOMMEND and ZG.SHORTLIST share. */
describe("rules on totals", () => {
  const u = (county: string, total: number, targetScore = 0, overScore = 0, policyScore = 0): Standing => ({ county, total, targetScore, overScore, policyScore });

  test("recommendInCity: the best by the chain among those that did not win last year", () => {
    // 甲 90 won last year; 乙 and 丙 tie on 80, 丙 has the higher targetScore (50 > 48); 丁 70.
    const r = recommendInCity([u("甲", 90), u("乙", 80, 48), u("丙", 80, 50), u("丁", 70)], [true, false, false, false], { zh: "某市", en: "City X" });
    expect(r.winner).toBe(2);
    expect(r.ranks).toEqual([1, 2, 2, 4]);
    expect(r.order).toEqual([2, 1, 3]);
    expect(r.passedOver).toEqual([0]);
    expect(r.ties).toEqual([{ winner: 2, other: 1, by: "targetScore" }]);
    expect(r.reasons.map((x) => x.map((y) => y.code))).toEqual([["previous-winner"], ["tie-break"], ["best-total", "tie-break"], ["not-best"]]);
    expect(r.reasons[2][0].zh).toContain("某市");
    expect(r.reasons[2][0].zh).toContain("甲");
    expect(told(r).map((w) => w.code)).toEqual(["tie-broken"]);
  });

  test("recommendInCity: a full tie goes to the first listed and is warned; nobody eligible is warned", () => {
    const t = recommendInCity([u("甲", 80, 1, 2, 3), u("乙", 80, 1, 2, 3)], [false, false]);
    expect(t.winner).toBe(0);
    expect(t.ties).toEqual([{ winner: 0, other: 1, by: null }]);
    expect(told(t).map((w) => w.code)).toEqual(["tie-unresolved"]);
    const none = recommendInCity([u("甲", 80)], [true]);
    expect(none.winner).toBeNull();
    expect(none.warnings.map((w) => w.code)).toEqual(["no-candidate"]);
  });

  test("selectShortlist: best slots, then the best 加快发展县 replaces the lowest selected other", () => {
    // Totals 9 … 4; slots 3, min 2; accelerated: the 4th and the 6th.
    const s = [u("a", 9), u("b", 8), u("c", 7), u("d", 6), u("e", 5), u("f", 4)];
    const r = selectShortlist(s, [false, false, false, true, false, true], { slots: 3, minAccelerated: 2 });
    // d replaces c (3rd), then f replaces b (2nd).
    expect(r.replacements).toEqual([
      { incoming: 3, outgoing: 2 },
      { incoming: 5, outgoing: 1 },
    ]);
    expect(r.selected).toEqual([true, false, false, true, false, true]);
    expect(r.shortOfAccelerated).toBeNull();
    expect(r.ranks).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.reasons[3].map((x) => x.code)).toEqual(["accelerated-replacement"]);
    // Only one 加快发展县 for two required: short, said with the count.
    const short = selectShortlist(s, [false, false, false, true, false, false], { slots: 3, minAccelerated: 2 });
    expect(short.shortOfAccelerated).toBe(1);
    expect(short.warnings.map((w) => w.code)).toEqual(["too-few-accelerated"]);
  });

  test("selectShortlist: a tie across the cut-off is reported against each unit left out", () => {
    const r = selectShortlist([u("a", 9), u("b", 7, 30), u("c", 7, 31), u("d", 7, 31)], [false, false, false, false], { slots: 2, minAccelerated: 0 });
    expect(r.order).toEqual([0, 2, 3, 1]);
    expect(r.cutTies).toEqual([
      { winner: 2, other: 3, by: null },
      { winner: 2, other: 1, by: "targetScore" },
    ]);
    // One warning names the run: c inside, d (input order) and b (targetScore) outside.
    expect(told(r).map((w) => w.code)).toEqual(["tie-unresolved"]);
    expect(told(r)[0].zh).toContain("c与d、b总分并列");
    expect(told(r)[0].zh).toContain("目标任务完成分、输入顺序");
  });
});

describe("proposed list (2号 第六条（三）: 按一定差额比例)", () => {
  test("proposedListSize: ⌈slots × (1 + margin)⌉, exact where binary rounding would add one", () => {
    expect(proposedListSize(6, 0.2)).toBe(8);
    expect(proposedListSize(5, 0.2)).toBe(6); // 5 × 1.2 is 6.000000000000001 in binary
    expect(proposedListSize(6, 0)).toBe(6);
    expect(proposedListSize(6, 0.5)).toBe(9);
    expect(proposedListSize(10, 0.15)).toBe(12); // 11.5 → 12
    expect(proposedListSize(3, 1 / 3)).toBe(4);
  });

  const ten = (): Standing[] => Array.from({ length: 10 }, (_, k) => ({ county: `u${k}`, total: 90 - k, targetScore: 50, overScore: 10, policyScore: 0 }));

  test("the places, then the best of the rest: 8 names for 6 places by default", () => {
    const r = selectShortlist(ten(), Array(10).fill(false), { slots: 6, minAccelerated: 0, margin: 0.2 });
    expect(r.proposedSize).toBe(8);
    expect(r.proposed.filter(Boolean).length).toBe(8);
    expect(r.selected.filter(Boolean).length).toBe(6);
    r.selected.forEach((s, k) => s && expect(r.proposed[k]).toBe(true));
    expect(r.reasons[6].map((x) => x.code)).toEqual(["proposed"]);
    expect(r.reasons[6][0].zh).toContain("拟列入督查激励建议名单");
    expect(r.reasons[8].map((x) => x.code)).toEqual(["not-selected"]);
    expect(r.reasons[0][0].zh).toContain("列入建议激励名额");
  });

  test("a replaced county stays on the list; the list is capped at the units there are", () => {
    const acc = Array(10).fill(false);
    acc[9] = true;
    const r = selectShortlist(ten(), acc, { slots: 6, minAccelerated: 1, margin: 0.2 });
    expect(r.selected[9]).toBe(true);
    expect(r.selected[5]).toBe(false);
    expect(r.proposed.map((p, k) => (p ? k : -1)).filter((k) => k >= 0)).toEqual([0, 1, 2, 3, 4, 5, 6, 9]);
    const few = selectShortlist(ten().slice(0, 7), Array(7).fill(false), { slots: 6, minAccelerated: 0, margin: 0.2 });
    expect(few.proposedSize).toBe(7);
  });

  test("runSelection: proposed in every province row, a superset of selected; margin is an option", () => {
    const r = runSelection(eight(), {});
    expect(r.province.filter((p) => p.proposed).length).toBe(8);
    expect(r.province.every((p) => !p.selected || p.proposed)).toBe(true);
    const r0 = runSelection(eight(), { margin: 0 });
    expect(r0.province.filter((p) => p.proposed).length).toBe(6);
    const bad = runSelection(eight(), { margin: -1 });
    expect(bad.warnings[0].code).toBe("bad-option");
    expect(bad.warnings[0].zh).toContain("第六条（三）");
  });

  test("a tie on total across the list's end is reported", () => {
    const s = ten();
    s[8] = { ...s[8], total: s[7].total, targetScore: 40 };
    const r = selectShortlist(s, Array(10).fill(false), { slots: 6, minAccelerated: 0, margin: 0.2 });
    expect(told(r).map((w) => w.code)).toEqual(["tie-broken"]);
    expect(told(r)[0].zh).toContain("u7与u8总分并列，u7在拟列入督查激励建议名单内，u8不在名单内");
  });
});

/** rules.md §6: every tie the result separates is reported, whoever the default order or the 加快发展县 rule favours. */
describe("ties separated by the places, the list and the 加快发展县 rule", () => {
  const ten = (): Standing[] => Array.from({ length: 10 }, (_, k) => ({ county: `u${k}`, total: 90 - k, targetScore: 50, overScore: 10, policyScore: 0 }));
  const same = (s: Standing[], a: number, b: number) => (s[b] = { ...s[a], county: s[b].county });
  const named = (r: { warnings: { code: string; zh: string; en: string }[] }, a: string, b: string) => r.warnings.filter((w) => w.zh.includes(a) && w.zh.includes(b) && w.en.includes(a) && w.en.includes(b));

  test("two equal counties at the list's last name, after a 加快发展县 was swapped in", () => {
    // u9 (加快发展县) replaces u5; the list is the places and u5, u6; u7 equals u6 and is left off.
    const s = ten();
    same(s, 6, 7);
    const acc = Array(10).fill(false);
    acc[9] = true;
    const r = selectShortlist(s, acc, { slots: 6, minAccelerated: 1, margin: 0.2 });
    expect([r.proposed[6], r.proposed[7]]).toEqual([true, false]);
    const w = named(r, "u6", "u7");
    expect(w.map((x) => x.code)).toEqual(["tie-unresolved"]);
    expect(w[0].zh).toContain("u6在拟列入督查激励建议名单内，u7不在名单内");
  });

  test("two equal counties for the place the swap takes away", () => {
    // u4 and u5 are equal; the rule takes the lower of them by input order (u5) out for u9.
    const s = ten();
    same(s, 4, 5);
    const acc = Array(10).fill(false);
    acc[9] = true;
    const r = selectShortlist(s, acc, { slots: 6, minAccelerated: 1, margin: 0.2 });
    expect([r.selected[4], r.selected[5]]).toEqual([true, false]);
    const w = named(r, "u4", "u5");
    expect(w.map((x) => x.code)).toEqual(["tie-unresolved"]);
    expect(w[0].zh).toContain("输入顺序");
    expect(r.reasons[5].map((x) => x.code)).toContain("tie-unresolved");
    expect(r.reasons[5].find((x) => x.code === "tie-unresolved")!.zh).toContain("本县调出建议激励名额");
  });

  test("two equal 加快发展县 for the swap: a tie, not 'the best 加快发展县', and not a place on the list", () => {
    const s = ten();
    same(s, 8, 9);
    const acc = Array(10).fill(false);
    acc[8] = acc[9] = true;
    const r = selectShortlist(s, acc, { slots: 6, minAccelerated: 1, margin: 0.2 });
    expect([r.selected[8], r.selected[9]]).toEqual([true, false]);
    const w = named(r, "u8", "u9");
    expect(w).toHaveLength(1);
    expect(w[0].zh).toContain("u8列入建议激励名额，u9未列入");
    expect(w[0].zh).not.toContain("第8个位置");
    expect(r.reasons[8].map((x) => x.code)).toEqual(["accelerated-replacement", "tie-unresolved"]);
    expect(r.reasons[8][1].zh).toContain("与加快发展县u9总分并列");
    expect(r.reasons[9].map((x) => x.code)).toContain("tie-unresolved");
  });

  test("property: every pair with equal totals that the result separates is named together in one warning", () => {
    const county = fc.record({
      city: fc.constantFrom("杭州", "宁波", "温州", "湖州", "嘉兴", "绍兴", "金华"),
      actual: fc.constantFrom(90, 100, 110, 120),
      endorsements: fc.constantFrom(0, 0, 1),
      accelerated: fc.boolean(),
      previousWinner: fc.constantFrom(false, false, false, true),
    });
    const opts = fc.record({ slots: fc.integer({ min: 1, max: 5 }), minAccelerated: fc.integer({ min: 0, max: 2 }), margin: fc.constantFrom(0, 0.2, 0.5, 1) });
    fc.assert(
      fc.property(fc.array(county, { minLength: 2, maxLength: 20 }), opts, (rows, o) => {
        // Names that are never substrings of each other (甲1号 is not inside 甲11号).
        const units = rows.map((x, k) => c(`甲${k}号`, x.city, x.actual, { accelerated: x.accelerated, previousWinner: x.previousWinner }, { endorsements: x.endorsements }));
        const r = runSelection(units, { ...o, minAccelerated: Math.min(o.minAccelerated, o.slots) });
        const told = (a: string, b: string) => named(r, a, b).length > 0;
        const pairs = <T extends { county: string; total: number }>(xs: T[], apart: (a: T, b: T) => boolean) =>
          xs.every((a) => xs.every((b) => a === b || Math.abs(a.total - b.total) > 1e-9 || !apart(a, b) || told(a.county, b.county)));
        const byCity = new Map<string, typeof r.counties>();
        for (const x of r.counties) byCity.set(x.city, [...(byCity.get(x.city) ?? []), x]);
        const cityOk = [...byCity.values()].every((xs) => pairs(xs, (a, b) => a.recommended !== b.recommended && !units.find((u) => u.county === a.county)!.previousWinner && !units.find((u) => u.county === b.county)!.previousWinner));
        return cityOk && pairs(r.province, (a, b) => a.selected !== b.selected || a.proposed !== b.proposed);
      }),
      { numRuns: 300 },
    );
  });
});

test("minAccelerated 0 is said: the places may hold no 加快发展县", () => {
  const r = selectShortlist([{ county: "a", total: 9, targetScore: 0, overScore: 0, policyScore: 0 }], [false], { slots: 1, minAccelerated: 0 });
  expect(r.warnings.map((w) => w.code)).toEqual(["accelerated-rule-off"]);
  expect(r.warnings[0].zh).toContain("建议激励名额内可能没有加快发展县");
  expect(selectShortlist([{ county: "a", total: 9, targetScore: 0, overScore: 0, policyScore: 0 }], [true], { slots: 1, minAccelerated: 1 }).warnings).toEqual([]);
});
