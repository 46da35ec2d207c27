/** core/collect.ts on sheets built in memory: each check, its code and its cell; the written grids read back as a score input. */
import { collectCounties, type CollectFile } from "../../src/core/collect";
import { findScoreSheets, readScoreSheets } from "../../src/core/scoreInput";
import { INDICATORS_2020 } from "../../src/core/reference";
import { findDecompositionTable } from "../../src/core/table";
import { SELF_ASSESSMENT_GUIDE } from "../../src/core/templates";
import type { CellValue, SheetData } from "../../src/core/types";

const HEAD = ["设区市", "县（市、区）", "指标", "目标", "完成"];

/** One returned file: a completion sheet for the given counties (figures for those with actuals). */
function file(name: string, rows: [string, string, string, CellValue, CellValue][]): CollectFile {
  const sheet: SheetData = { name: "完成情况", cells: [HEAD, ...rows] };
  return { file: name, sheets: [sheet] };
}

const all = (city: string, county: string, actual: (j: number) => CellValue): [string, string, string, CellValue, CellValue][] =>
  INDICATORS_2020.map((ind, j) => [city, county, ind.name, `${(j + 1) * 10}${ind.displayUnit}`, actual(j)]);

describe("collectCounties", () => {
  test("a good file: its county, 18 rows, grids that read back as the same counties", () => {
    const r = collectCounties([file("a.xlsx", all("丽水市", "莲都区", (j) => `${j + 3}`))]);
    expect(r.city?.name).toBe("丽水市");
    expect(r.files).toEqual([{ file: "a.xlsx", county: "莲都区", rows: 18, status: "ok", problems: [] }]);
    expect(r.missing).toContain("龙泉市");
    expect(r.missing).not.toContain("莲都区");
    const found = findScoreSheets([r.completion, r.county]);
    const back = readScoreSheets(found.completion!, found.county);
    expect(back.ok && back.counties.map((c) => [c.county, c.city, c.entries.length])).toEqual([["莲都区", "丽水市", 18]]);
    // Accelerated as the built-in list says (莲都区 is one of the 26), written as 是.
    expect(r.county.cells[1][8]).toBe("是");
  });

  test("a template's other counties (no actuals) are not the file's county; two counties with actuals are refused at the second's name cell", () => {
    const rows = [...all("丽水市", "莲都区", () => null), ...all("丽水市", "龙泉市", () => "5")];
    const one = collectCounties([file("t.xlsx", rows)]);
    expect(one.files[0]).toMatchObject({ county: "龙泉市", status: "ok" });
    const both = [...all("丽水市", "莲都区", () => "4"), ...all("丽水市", "龙泉市", () => "5")];
    const two = collectCounties([file("two.xlsx", both)]);
    expect(two.files[0]).toMatchObject({ status: "rejected", problems: [{ code: "collect-several-counties", sheet: "完成情况", cell: "B20" }] });
  });

  test("unknown county, another city's county, a county twice, an unreadable actual: each refused with its cell; the rest goes on", () => {
    const r = collectCounties(
      [
        file("ok.xlsx", all("丽水市", "青田县", () => "1")),
        file("unknown.xlsx", all("丽水市", "不存在县", () => "1")),
        file("other.xlsx", all("杭州市", "淳安县", () => "1")),
        file("twice.xlsx", all("丽水市", "青田", () => "2")),
        file("bad.xlsx", all("丽水市", "云和县", (j) => (j === 3 ? "待定" : "1"))),
        { file: "broken.xlsx", sheets: null, readError: { msg: { zh: "不是 .xlsx 文件", en: "not an .xlsx file" } } },
        { file: "empty.xlsx", sheets: [{ name: "Sheet1", cells: [["随便"]] }] },
      ],
      { city: "丽水" },
    );
    const by = (f: string) => r.files.find((x) => x.file === f)!;
    expect(by("ok.xlsx").status).toBe("ok");
    expect(by("unknown.xlsx").problems[0]).toMatchObject({ code: "collect-unknown-county", file: "unknown.xlsx", cell: "B2" });
    expect(by("other.xlsx").problems[0]).toMatchObject({ code: "collect-other-city", cell: "B2" });
    // '青田' is 青田县 again: refused as a second return, naming the first file.
    expect(by("twice.xlsx")).toMatchObject({ county: "青田县", status: "rejected" });
    expect(by("twice.xlsx").problems[0].zh).toContain("ok.xlsx");
    expect(by("bad.xlsx").problems[0]).toMatchObject({ code: "collect-bad-value", cell: "E5" });
    expect(by("broken.xlsx").problems[0]).toMatchObject({ code: "collect-unreadable" });
    expect(by("empty.xlsx").problems[0]).toMatchObject({ code: "collect-no-table" });
    expect(r.counties.map((c) => c.county)).toEqual(["青田县"]);
    expect(r.completion.cells).toHaveLength(1 + 18);
  });

  test("a missing indicator is a warning (the file is still collected); no file at all gives no city", () => {
    const r = collectCounties([file("short.xlsx", all("丽水市", "缙云县", () => "3").slice(0, 17))]);
    expect(r.files[0]).toMatchObject({ status: "ok", rows: 17, problems: [{ code: "collect-missing-indicator", severity: "warning", sheet: "完成情况" }] });
    const none = collectCounties([]);
    expect(none.city).toBeNull();
    expect(none.warnings.map((w) => w.code)).toEqual(["collect-no-city"]);
  });
});

describe("collect checks what it says it checks", () => {
  const robots = INDICATORS_2020.find((i) => i.no === 6)!;
  const table = (cols: string[]) => findDecompositionTable({ name: "分解", cells: [["指标", "全市目标", ...cols], [robots.name, "280台", ...cols.map(() => "10台")]] })!;

  test("a decomposition that does not cover the county (another city's, or the province's) says so", () => {
    const f = file("a.xlsx", all("丽水市", "莲都区", () => "3"));
    const other = collectCounties([f], { decomposition: table(["柯城区", "衢江区"]) });
    expect(other.files[0].status).toBe("ok");
    const w = other.files[0].problems.filter((p) => p.code === "collect-not-in-decomposition");
    expect(w).toHaveLength(1);
    expect(w[0].zh).toContain("莲都区");
    expect(w[0].zh).toContain("柯城区");
    // The county's own city's table: no such warning.
    const own = collectCounties([f], { decomposition: table(["莲都区", "龙泉市"]) });
    expect(own.files[0].problems.map((p) => p.code)).not.toContain("collect-not-in-decomposition");
  });

  test("a resend: the later by the workbooks' own modified time counts, whatever the file order; said which; the user may name one", () => {
    const older = { ...file("z-first.xlsx", all("丽水市", "青田县", () => "1")), modified: "2020-03-10T08:00:00Z" };
    const newer = { ...file("a-second.xlsx", all("丽水市", "青田县", () => "2")), modified: "2020-03-12T09:30:00Z" };
    for (const order of [
      [older, newer],
      [newer, older],
    ]) {
      const r = collectCounties(order, { city: "丽水" });
      const by = (f: string) => r.files.find((x) => x.file === f)!;
      expect(by("a-second.xlsx").status).toBe("ok");
      expect(by("z-first.xlsx")).toMatchObject({ status: "rejected", problems: [{ code: "collect-twice" }] });
      expect(by("z-first.xlsx").problems[0].zh).toContain("a-second.xlsx");
      expect(by("z-first.xlsx").problems[0].zh).toContain("2020-03-12T09:30:00Z");
      expect(r.counties[0].entries[0].actual).toBe("2");
    }
    const chosen = collectCounties([older, newer], { city: "丽水", prefer: ["/some/where/z-first.xlsx"] });
    expect(chosen.files.map((f) => f.status)).toEqual(["ok", "rejected"]);
    expect(chosen.files[1].problems[0].zh).toContain("已指定");
    // Times that cannot tell: the one read first, and said so.
    const same = collectCounties([{ ...older, modified: null }, newer], { city: "丽水" });
    expect(same.files.map((f) => f.status)).toEqual(["ok", "rejected"]);
    expect(same.files[1].problems[0].zh).toContain("修改时间无法比较");
  });

  test("a county whose file was rejected is 退回, not 未报送", () => {
    const r = collectCounties([file("ok.xlsx", all("丽水市", "青田县", () => "1")), file("bad.xlsx", all("丽水市", "云和县", (j) => (j === 3 ? "待定" : "1")))], { city: "丽水" });
    expect(r.returned).toEqual(["云和县"]);
    expect(r.missing).not.toContain("云和县");
    expect(r.missing).toContain("龙泉市");
    const w = r.warnings.find((x) => x.code === "collect-returned-county")!;
    expect(w.zh).toContain("云和县");
    expect(w.zh).toContain("bad.xlsx");
    expect(w.zh).toContain("退回");
  });
});

test("one county per file: the template's 说明 and collect's refusal say the same rule in the same words", () => {
  const rule = "一个文件只报一个县（市、区）";
  const step1 = SELF_ASSESSMENT_GUIDE.find((l) => l.zh.startsWith("1."))!;
  expect(step1.zh).toContain(rule);
  expect(step1.zh).not.toContain("为每个县");
  const both = [...all("丽水市", "莲都区", () => "4"), ...all("丽水市", "龙泉市", () => "5")];
  const refused = collectCounties([file("two.xlsx", both)]).files[0].problems[0];
  expect(refused.zh).toContain(rule);
  expect(step1.en).toContain("one county's return");
  expect(refused.en).toContain("one county's return");
});
