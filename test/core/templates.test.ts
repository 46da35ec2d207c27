import { columnLetters } from "../../src/core/address";
import { bilingual } from "../../src/core/messages";
import {
  ACCELERATED_2020,
  ALLOCATION_2020,
  CITIES,
  CITY_IDS,
  COUNTIES_2020,
  INDICATORS_2020,
} from "../../src/core/reference";
import {
  COMPLETION_COLUMNS,
  COUNTY_COLUMNS,
  DECOMPOSITION_LAYOUT_2020,
  SCORE_HEADERS,
  SELF_ASSESSMENT_SHEETS,
  SELF_ASSESSMENT_GUIDE,
  SPARE_ROWS,
  ScoreColumn,
  TemplateSheet,
  Validation,
  CITY_DECOMPOSITION_LAYOUT,
  cityDecompositionTemplate,
  decompositionTable2020,
  matchHeader,
  matchHeaderRow,
  selfAssessmentTemplate,
  templateColumn,
} from "../../src/core/templates";
import { checkSheet } from "../../src/core/table";
import type { Merge } from "../../src/core/types";

/** 'C2:C200' → 0-based {top,left,bottom,right}. */
function parseRange(r: string): Merge {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(r);
  if (!m) throw new Error(`bad range ${r}`);
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { top: Number(m[2]) - 1, left: col(m[1]), bottom: Number(m[4]) - 1, right: col(m[3]) };
}

function overlaps(a: Merge, b: Merge): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** Shape invariants every template sheet must keep, whichever writer (Office.js, ExcelJS) renders it. */
function expectWellFormed(sheet: TemplateSheet): void {
  const width = sheet.cells[0].length;
  for (const row of sheet.cells) expect(row.length).toBe(width);
  expect(sheet.columnWidths.length).toBe(width);
  if (sheet.rowHeights) expect(sheet.rowHeights.length).toBe(sheet.cells.length);
  if (sheet.numberFormats) {
    expect(sheet.numberFormats.length).toBe(sheet.cells.length);
    for (const row of sheet.numberFormats) expect(row.length).toBe(width);
  }
  sheet.merges.forEach((m, i) => {
    expect(m.top).toBeGreaterThanOrEqual(0);
    expect(m.left).toBeGreaterThanOrEqual(0);
    expect(m.bottom).toBeLessThan(sheet.cells.length);
    expect(m.right).toBeLessThan(width);
    expect(m.bottom >= m.top && m.right >= m.left).toBe(true);
    expect(m.bottom > m.top || m.right > m.left).toBe(true);
    for (const other of sheet.merges.slice(i + 1)) expect(overlaps(m, other)).toBe(false);
    // Only the top-left cell of a merged area holds a value.
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) expect(sheet.cells[r][c]).toBeNull();
  });
  for (const v of sheet.validations) {
    const r = parseRange(v.range);
    expect(r.right).toBeLessThan(width);
    expect(r.top).toBeGreaterThanOrEqual(1); // never on the header
    // Excel's limits: title 32, prompt and error 255 characters.
    expect(bilingual(v.title).length).toBeLessThanOrEqual(32);
    expect(bilingual(v.prompt).length).toBeLessThanOrEqual(255);
    expect(bilingual(v.error).length).toBeLessThanOrEqual(255);
    if (v.type === "list" && !v.source) expect(v.values.join(",").length).toBeLessThanOrEqual(255);
  }
}

describe("decompositionTable2020", () => {
  const sheet = decompositionTable2020();
  const L = DECOMPOSITION_LAYOUT_2020;

  test("is well formed: rectangular, merges inside the grid and disjoint", () => {
    expect(sheet.name).toBe("2020分解方案");
    expectWellFormed(sheet);
    expect(sheet.cells.length).toBe(1 + 2 + 18 + 1);
    expect(sheet.cells[0].length).toBe(14);
  });

  test("holds exactly ALLOCATION_2020 at the city columns of the 18 indicator rows", () => {
    ALLOCATION_2020.forEach((row, i) =>
      row.forEach((cell, j) => expect(sheet.cells[L.firstIndicatorRow + i][L.firstCityColumn + j]).toBe(cell)),
    );
    expect(sheet.cells[L.firstIndicatorRow][L.firstCityColumn]).toBe("10%\n\n以上");
    expect(sheet.cells[L.firstIndicatorRow][L.firstCityColumn + CITY_IDS.indexOf("台州")]).toBe("10%以上");
  });

  test("numbers, labels and leads as printed", () => {
    INDICATORS_2020.forEach((ind, i) => {
      const row = sheet.cells[L.firstIndicatorRow + i];
      expect(row[L.noColumn]).toBe(ind.no);
      expect(row[L.labelColumn]).toBe(ind.name);
      expect(row[L.leadColumn]).toBe(ind.lead);
    });
  });

  test("title row, two-row header with merges, note row naming 9号", () => {
    expect(sheet.cells[0][0]).toBe("加快传统制造业改造提升行动计划2020年关键性量化指标责任分解方案");
    expect(sheet.cells[1].filter((v) => v !== null)).toEqual(["序号", "关键性量化指标", "各设区市年度目标任务", "省级牵头单位"]);
    expect(sheet.cells[2].slice(L.firstCityColumn, L.leadColumn)).toEqual([...CITY_IDS]);
    expect(sheet.merges).toEqual(
      expect.arrayContaining([
        { top: 0, left: 0, bottom: 0, right: 13 },
        { top: 1, left: 0, bottom: 2, right: 0 },
        { top: 1, left: 1, bottom: 2, right: 1 },
        { top: 1, left: 2, bottom: 1, right: 12 },
        { top: 1, left: 13, bottom: 2, right: 13 },
      ]),
    );
    const note = sheet.cells[L.noteRow][0];
    expect(typeof note).toBe("string");
    expect(note as string).toMatch(/^注：/);
    expect(note as string).toContain("浙转升办〔2020〕9号");
    expect(note as string).toContain("Note:");
    expect(sheet.cells[L.noteRow].slice(1).every((v) => v === null)).toBe(true);
  });

  test("styles, text formats and row heights fit the printed cells", () => {
    expect(sheet.styles?.titleRows).toEqual([0]);
    expect(sheet.styles?.headerRows).toEqual([1, 2]);
    expect(sheet.styles?.noteRows).toEqual([L.noteRow]);
    expect(sheet.styles?.wrapText).toBe(true);
    expect(sheet.numberFormats?.[L.firstIndicatorRow][L.firstCityColumn]).toBe("@");
    expect(sheet.numberFormats?.[L.firstIndicatorRow][L.noColumn]).toBeNull();
    // A '10%\n\n以上' row needs three lines; a one-line row less.
    const h = sheet.rowHeights!;
    expect(h[L.firstIndicatorRow]!).toBeGreaterThan(h[L.firstIndicatorRow + 7]!); // row 8: all one-line cells
    expect(sheet.validations).toEqual([]);
  });

  test("the engine's table finder reads it back as 9号: 18 indicators, 11 cities, the note left out", () => {
    const found = checkSheet({ name: sheet.name, cells: sheet.cells, merges: sheet.merges });
    expect(found.table?.orientation).toBe("indicatorRows");
    expect(found.table?.childNames).toEqual([...CITY_IDS]);
    expect(found.results.map((r) => r.indicator)).toEqual(INDICATORS_2020.map((i) => i.name));
    expect(found.results.map((r) => r.kind)).toEqual(INDICATORS_2020.map((i) => i.kind));
    expect(found.results.flatMap((r) => r.issues).filter((i) => i.severity === "error")).toEqual([]);
    // docs/rules.md §2 states this outcome of 9号 itself.
    expect(found.results.map((r) => r.status)).toEqual(INDICATORS_2020.map((i) => (i.no === 7 ? "unchecked" : "ok")));
    expect(found.results[12].childrenTotal).toBe(306);
    expect(found.results[16].childrenTotal).toBe(1041400);
  });

  test("each call returns a fresh grid (a writer may mutate it)", () => {
    const other = decompositionTable2020();
    other.cells[L.firstIndicatorRow][L.firstCityColumn] = "changed";
    expect(decompositionTable2020().cells[L.firstIndicatorRow][L.firstCityColumn]).toBe("10%\n\n以上");
  });
});

describe("selfAssessmentTemplate", () => {
  const byName = (sheets: TemplateSheet[], name: string) => sheets.find((s) => s.name === name)!;

  test("all 90 units by default: 90 × 18 completion rows and 90 county rows", () => {
    const wb = selfAssessmentTemplate();
    for (const s of wb.sheets) expectWellFormed(s);
    const completion = byName(wb.sheets, SELF_ASSESSMENT_SHEETS.completion);
    const county = byName(wb.sheets, SELF_ASSESSMENT_SHEETS.county);
    expect(completion.cells.length).toBe(1 + 90 * 18);
    expect(county.cells.length).toBe(1 + 90);
    expect(county.cells.slice(1).map((r) => r[0])).toEqual(COUNTIES_2020.map((c) => c.name));
  });

  test("headers are cli.md's spellings and every one matches its SCORE_HEADERS column", () => {
    const wb = selfAssessmentTemplate({ city: "丽水" });
    const completion = byName(wb.sheets, "完成情况");
    const county = byName(wb.sheets, "县");
    // 2号 第六条（二）: 完成情况表及支撑材料 — the last column says where the material is; no reader takes it as input.
    expect(completion.cells[0]).toEqual(["设区市", "县（市、区）", "指标", "单位", "目标", "完成", "备注", "支撑材料"]);
    expect(county.cells[0]).toEqual([
      "县（市、区）", "设区市", "实施方案", "年度工作要点", "配套政策", "工作机制", "省级试点", "批示或典型发言",
      "加快发展县", "上年度已获激励",
    ]);
    expect(completion.cells[0].map(matchHeader)).toEqual([...COMPLETION_COLUMNS, null]);
    // When and what is filed (第六条（二）: 3月份, 上一年度数据, 支撑材料).
    const guide = SELF_ASSESSMENT_GUIDE.map((m) => m.zh).join("\n");
    expect(guide).toContain("3月份");
    expect(guide).toContain("上一年度");
    expect(guide).toContain("支撑材料");
    expect(guide).toContain("第六条（二）");
    expect(county.cells[0].map(matchHeader)).toEqual([...COUNTY_COLUMNS]);
    // The sheets a reader must not mistake for input: neither has both a county and an indicator column.
    for (const name of [SELF_ASSESSMENT_SHEETS.indicators, SELF_ASSESSMENT_SHEETS.guide]) {
      const s = byName(wb.sheets, name);
      const cols = s.cells.flatMap((row) => row.map(matchHeader));
      expect(cols.includes("county") && cols.includes("target")).toBe(false);
    }
  });

  test("one city: its counties × 18 indicators, target and actual blank, units filled", () => {
    const wb = selfAssessmentTemplate({ city: "丽水市" });
    const completion = byName(wb.sheets, "完成情况");
    expect(completion.cells.length).toBe(1 + 9 * 18);
    const first = completion.cells.slice(1, 19);
    expect(first.map((r) => r[2])).toEqual(INDICATORS_2020.map((i) => i.name));
    expect(first.every((r) => r[0] === "丽水市" && r[1] === "莲都区")).toBe(true);
    expect(first.map((r) => r[3])).toEqual(INDICATORS_2020.map((i) => i.displayUnit));
    expect(completion.cells.slice(1).every((r) => r[4] === null && r[5] === null && r[6] === null)).toBe(true);
    // 目标 and 完成 are text, so '12%' stays as typed.
    expect(completion.numberFormats?.[1][4]).toBe("@");
    expect(completion.numberFormats?.[1][5]).toBe("@");
  });

  test("named counties: resolved tolerantly, city filled in; unknown names kept as written", () => {
    const wb = selfAssessmentTemplate({ counties: ["淳安", "景宁县", " 龙港市 ", "临平区"], city: "" });
    const county = byName(wb.sheets, "县");
    expect(county.cells.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ["淳安县", "杭州市"],
      ["景宁畲族自治县", "丽水市"],
      ["龙港市", "温州市"],
      ["临平区", ""],
    ]);
    const withCity = selfAssessmentTemplate({ city: "杭州", counties: ["临平区"] });
    expect(byName(withCity.sheets, "县").cells[1].slice(0, 2)).toEqual(["临平区", "杭州市"]);
  });

  test("加快发展县 is prefilled from the built-in 26; other policy columns blank", () => {
    const county = byName(selfAssessmentTemplate().sheets, "县");
    const acc = county.cells.slice(1).filter((r) => r[8] === "是").map((r) => r[0]);
    expect(acc.sort()).toEqual([...ACCELERATED_2020].sort());
    expect(county.cells.slice(1).every((r) => r[8] === "是" || r[8] === "否")).toBe(true);
    expect(county.cells.slice(1).every((r) => [2, 3, 4, 5, 6, 7, 9].every((c) => r[c] === null))).toBe(true);
  });

  test("validations: right columns, right kinds, rows beyond the prefilled ones", () => {
    const wb = selfAssessmentTemplate({ city: "舟山" });
    const completion = byName(wb.sheets, "完成情况");
    const county = byName(wb.sheets, "县");
    const on = (s: TemplateSheet, column: ScoreColumn): Validation[] =>
      s.validations.filter((v) => {
        const r = parseRange(v.range);
        return r.left === r.right && matchHeader(s.cells[0][r.left]) === column;
      });
    // Every validation covers one column whose header is a known column, from row 2 to past the data.
    for (const s of [completion, county]) {
      for (const v of s.validations) {
        const r = parseRange(v.range);
        expect(r.left).toBe(r.right);
        expect(matchHeader(s.cells[0][r.left])).not.toBeNull();
        expect(r.top).toBe(1);
        expect(r.bottom).toBe(s.cells.length - 1 + SPARE_ROWS);
      }
    }
    const [cityList] = on(completion, "city");
    expect(cityList).toMatchObject({ type: "list", values: CITIES.map((c) => c.name) });
    const [indicatorList] = on(completion, "indicator");
    expect(indicatorList.type).toBe("list");
    if (indicatorList.type !== "list") throw new Error("unreachable");
    expect(indicatorList.values).toEqual(INDICATORS_2020.map((i) => i.name));
    // Too long for an inline list: the source range must hold exactly the same names.
    expect(indicatorList.values.join(",").length).toBeGreaterThan(255);
    const m = /^'(.+)'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(indicatorList.source ?? "");
    expect(m).not.toBeNull();
    const src = byName(wb.sheets, m![1]);
    const c = parseRange(`${m![2]}${m![3]}:${m![4]}${m![5]}`);
    const listed = src.cells.slice(c.top, c.bottom + 1).map((row) => row[c.left]);
    expect(listed).toEqual(indicatorList.values);

    for (const column of ["plan", "workPlan", "policy", "mechanism", "pilot", "accelerated", "previousWinner"] as ScoreColumn[]) {
      expect(on(county, column)).toEqual([expect.objectContaining({ type: "list", values: ["是", "否"] })]);
    }
    expect(on(county, "endorsements")).toEqual([expect.objectContaining({ type: "whole", min: 0, max: 20 })]);
    expect(on(county, "city")).toEqual([expect.objectContaining({ type: "list", values: CITIES.map((x) => x.name) })]);
    expect(on(county, "county")).toEqual([]);
  });

  test("templateColumn gives the letter of a logical column", () => {
    expect(templateColumn("completion", "actual")).toBe(columnLetters(5));
    expect(templateColumn("county", "endorsements")).toBe("H");
    expect(templateColumn("county", "target")).toBeNull();
  });
});

describe("SCORE_HEADERS and matchHeader", () => {
  test("every spelling belongs to exactly one column, cli.md's first", () => {
    const seen = new Map<string, ScoreColumn>();
    for (const [col, spec] of Object.entries(SCORE_HEADERS) as [ScoreColumn, (typeof SCORE_HEADERS)[ScoreColumn]][]) {
      expect(spec.spellings[0]).toBe(spec.label);
      for (const s of spec.spellings) {
        const key = s.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
        expect(seen.get(key) ?? col).toBe(col);
        seen.set(key, col);
        expect(matchHeader(s)).toBe(col);
      }
    }
  });

  test("cli.md's spellings", () => {
    const cli: [string, ScoreColumn][] = [
      ["设区市", "city"], ["县（市、区）", "county"], ["指标", "indicator"], ["目标", "target"], ["完成", "actual"],
      ["实施方案", "plan"], ["年度工作要点", "workPlan"], ["配套政策", "policy"], ["工作机制", "mechanism"],
      ["省级试点", "pilot"], ["批示或典型发言", "endorsements"], ["加快发展县", "accelerated"],
      ["上年度已获激励", "previousWinner"],
    ];
    for (const [text, col] of cli) expect(matchHeader(text)).toBe(col);
  });

  test("synonyms, spacing, full-width forms, English glosses and bracketed notes", () => {
    expect(matchHeader("县(市、区)")).toBe("county");
    expect(matchHeader("县市区")).toBe("county");
    expect(matchHeader("县区")).toBe("county");
    expect(matchHeader("县")).toBe("county");
    expect(matchHeader(" 县（市、区）\n")).toBe("county");
    expect(matchHeader("完成值")).toBe("actual");
    expect(matchHeader("实际完成")).toBe("actual");
    expect(matchHeader("目标值")).toBe("target");
    expect(matchHeader("目标任务")).toBe("target");
    expect(matchHeader("指标名称")).toBe("indicator");
    expect(matchHeader("设区市 City")).toBe("city");
    expect(matchHeader("县（市、区）\nCounty")).toBe("county");
    expect(matchHeader("完成（万元）")).toBe("actual");
    expect(matchHeader("批示或典型发言（次）")).toBe("endorsements");
    expect(matchHeader("ＴＡＲＧＥＴ")).toBe("target");
    expect(matchHeader("target")).toBe("target");
    expect(matchHeader("*完成")).toBe("actual");
  });

  test("non-headers give null", () => {
    expect(matchHeader("合计")).toBeNull();
    expect(matchHeader("序号")).toBeNull();
    expect(matchHeader("")).toBeNull();
    expect(matchHeader("（次）")).toBeNull();
    expect(matchHeader(12)).toBeNull();
    expect(matchHeader(null)).toBeNull();
    expect(matchHeader({ error: "#N/A" })).toBeNull();
    expect(matchHeader("完成率")).toBeNull();
  });

  test("matchHeaderRow finds the first column of each kind and lists the unknown ones", () => {
    const r = matchHeaderRow(["序号", "县区", "设区市", "指标名称", "目标值", "完成值", "完成", null, ""]);
    expect(r.columns).toEqual({ county: 1, city: 2, indicator: 3, target: 4, actual: 5 });
    expect(r.unknown).toEqual([{ index: 0, text: "序号" }]);
  });
});

describe("cityDecompositionTemplate (9号: 细化分解到所辖县（市、区）, 5月30日前上报备案)", () => {
  const L = CITY_DECOMPOSITION_LAYOUT;
  test("the city's 9号 figures exactly as printed, one empty column per county, a check formula per row, the filing note", () => {
    const t = cityDecompositionTemplate("杭州")!;
    const hz = CITY_IDS.indexOf("杭州");
    const counties = COUNTIES_2020.filter((c) => c.city === "杭州").map((c) => c.name);
    expect(t.cells[L.headerRow].slice(L.firstCountyColumn, L.firstCountyColumn + counties.length)).toEqual(counties);
    expect(t.cells[L.headerRow][L.parentColumn]).toBe("全市目标");
    INDICATORS_2020.forEach((ind, k) => {
      const row = t.cells[L.firstIndicatorRow + k];
      expect(row[L.labelColumn]).toBe(ind.name);
      expect(row[L.parentColumn]).toBe(ALLOCATION_2020[k][hz]);
      expect(row.slice(L.firstCountyColumn, L.firstCountyColumn + counties.length).every((v) => v === null)).toBe(true);
    });
    expect(t.formulas).toHaveLength(INDICATORS_2020.length);
    // Plain Excel: no ZG. function anywhere.
    for (const f of t.formulas!) expect(f.formula).not.toMatch(/ZG\./);
    const note = String(t.cells[t.cells.length - 1][0]);
    expect(note).toContain("5月30日");
    expect(note).toContain("浙转升办〔2020〕9号");
    expect(cityDecompositionTemplate("不存在市")).toBeUndefined();
  });

  test("filled in, zg check reads it by the county rule: no label warnings, 累计 checked as a total", () => {
    const t = cityDecompositionTemplate("丽水")!;
    const n = COUNTIES_2020.filter((c) => c.city === "丽水").length;
    const cells = t.cells.map((r) => r.slice());
    const formats = t.numberFormats!.map((r) => r.slice());
    INDICATORS_2020.forEach((ind, k) => {
      const r = L.firstIndicatorRow + k;
      for (let j = 0; j < n; j++) cells[r][L.firstCountyColumn + j] = ind.kind === "rate" ? 0.7 : j === 0 ? `1000${ind.displayUnit}` : 1000;
    });
    const check = checkSheet({ name: t.name, cells, numberFormats: formats });
    expect(check.results).toHaveLength(INDICATORS_2020.length);
    expect(check.issues.concat(check.results.flatMap((r) => r.issues)).filter((i) => i.code === "parent-label-mismatch")).toEqual([]);
    const cloud = check.results[6];
    expect(cloud.kind).toBe("total");
    expect(cloud.status).toBe("ok");
    expect(cloud.parent).toBe(300); // 丽水's 300 家 of 9号, not the province's 40万家
    expect(check.results.filter((r) => r.status !== "ok").map((r) => [r.indicator, r.status, r.reason?.zh])).toEqual([]);
  });
});
