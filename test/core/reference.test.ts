import * as fs from "fs";
import * as path from "path";
import {
  ACCELERATED_2020,
  ALLOCATION_2020,
  CITIES,
  CITY_IDS,
  COUNTIES_2020,
  COUNTY_COUNT_NOTE,
  INDICATORS_2019,
  INDICATORS_2020,
  allocationOf,
  countiesOf,
  findCity,
  findCounty,
  findIndicator2020,
  isAccelerated,
  normalizeUnitName,
} from "../../src/core/reference";
import { readCell, readLabelTarget } from "../../src/core/parse";

// The two documents' text travels with the tests (a fresh clone has nothing beside it).
const DOCUMENTS = path.resolve(__dirname, "../fixtures/documents");

/**
 * The seed text of a document's attachment table: each cell starts on a line that begins with a tab;
 * lines without a tab continue the cell before them (the printed line breaks of one cell). Trailing
 * empty lines belong to the gap between rows, not to the cell.
 */
function seedCells(file: string, startAfter: string): string[] {
  const lines = fs.readFileSync(path.join(DOCUMENTS, file), "utf8").replace(/\r\n/g, "\n").split("\n");
  const start = lines.indexOf(startAfter);
  if (start < 0) throw new Error(`${file}: no line ${startAfter}`);
  const cells: string[] = [];
  let current: string[] | null = null;
  for (const line of lines.slice(start + 1)) {
    if (/^\s*抄送/.test(line)) break;
    if (line.startsWith("\t")) {
      if (current) cells.push(current.join("\n"));
      current = [line.slice(1)];
    } else if (current) {
      current.push(line);
    }
  }
  if (current) cells.push(current.join("\n"));
  return cells.map((c) => c.replace(/\n+$/, ""));
}

function rows(cells: string[], width: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < cells.length; i += width) out.push(cells.slice(i, i + width));
  return out;
}

describe("9号 附件 as printed", () => {
  const cells = seedCells("zhuanshengban-2020-9.txt", "2020年关键性量化指标责任分解方案");
  // Two header rows (4 cells, then 14 with the city names) and 18 indicator rows of 14 cells.
  const header1 = cells.slice(0, 4);
  const header2 = cells.slice(4, 18);
  const body = rows(cells.slice(18), 14);

  test("the seed has the expected shape", () => {
    expect(header1).toEqual(["序号", "关键性量化指标", "各设区市年度目标任务", "省级牵头\n\n单位"]);
    expect(cells.length).toBe(4 + 14 + 18 * 14);
    expect(body.map((r) => r[0])).toEqual(INDICATORS_2020.map((i) => String(i.no)));
  });

  test("CITIES are 9号's columns, in order", () => {
    expect(header2.slice(2, 13)).toEqual(CITIES.map((c) => c.id));
    expect(CITY_IDS).toEqual(header2.slice(2, 13));
    expect(CITIES.map((c) => c.name)).toEqual(CITY_IDS.map((id) => `${id}市`));
  });

  test("ALLOCATION_2020 is every city cell exactly as printed, line breaks and all", () => {
    expect(ALLOCATION_2020.length).toBe(18);
    expect(ALLOCATION_2020.map((r) => [...r])).toEqual(body.map((r) => r.slice(2, 13)));
    // The cells the brief singles out.
    expect(ALLOCATION_2020[0][0]).toBe("10%\n\n以上");
    expect(ALLOCATION_2020[0][CITY_IDS.indexOf("台州")]).toBe("10%以上");
    expect(ALLOCATION_2020[5][0]).toBe("1300\n\n台");
  });

  test("INDICATORS_2020: labels and leads as printed (leads without line breaks)", () => {
    expect(INDICATORS_2020.map((i) => i.name)).toEqual(body.map((r) => r[1]));
    expect(INDICATORS_2020.map((i) => i.lead)).toEqual(body.map((r) => r[13].replace(/\s+/g, "")));
    expect(INDICATORS_2020.map((i) => i.no)).toEqual(Array.from({ length: 18 }, (_, k) => k + 1));
  });

  test("INDICATORS_2020: the parent target is the text inside the label, unit as the cells write it", () => {
    for (const ind of INDICATORS_2020) {
      expect(ind.name).toContain(ind.parentText);
      expect(ind.name).toContain(ind.shortName.replace(/“|”/g, "").slice(0, 2));
      // Every city cell of the row ends with the display unit (10%以上 → '%' before 以上).
      for (const cell of ALLOCATION_2020[ind.no - 1]) {
        const flat = cell.replace(/\s+/g, "").replace(/以上$/, "");
        expect(flat.endsWith(ind.displayUnit)).toBe(true);
      }
    }
  });

  test("kinds: 1–5 rate, 7 cumulative (累计), the rest total", () => {
    const kinds = INDICATORS_2020.map((i) => i.kind);
    expect(kinds.slice(0, 5)).toEqual(Array(5).fill("rate"));
    expect(kinds[6]).toBe("cumulative");
    expect(kinds.filter((k) => k === "total").length).toBe(12);
    for (const ind of INDICATORS_2020) {
      expect(ind.kind === "cumulative").toBe(ind.name.includes("累计"));
      expect(ind.kind === "rate").toBe(ind.parentText.includes("%"));
    }
  });

  test("short names are distinct", () => {
    expect(new Set(INDICATORS_2020.map((i) => i.shortName)).size).toBe(18);
  });
});

describe("2号 附件 as printed", () => {
  const cells = seedCells("zhuanshengban-2020-2.txt", "2019年度重点量化指标汇总表");
  const header = cells.slice(0, 4);
  const body = rows(cells.slice(4), 4);

  test("INDICATORS_2019 equals the 17 rows: number, name, target, lead", () => {
    expect(header.map((h) => h.replace(/\s+/g, ""))).toEqual(["序号", "指标", "年度目标", "责任单位"]);
    expect(body.length).toBe(17);
    expect(INDICATORS_2019.map((i) => [String(i.no), i.name, i.targetText, i.lead])).toEqual(body);
  });

  test("2019 kinds: the 增速 rows are rates, the rest totals", () => {
    for (const ind of INDICATORS_2019) {
      expect(ind.kind).toBe(ind.targetText.includes("%") ? "rate" : "total");
      expect(ind.kind === "rate").toBe(ind.name.endsWith("增速"));
    }
  });
});

describe("county-level units", () => {
  test("90 units, with 龙港市; per-city counts", () => {
    expect(COUNTIES_2020.length).toBe(90);
    const per = Object.fromEntries(CITY_IDS.map((id) => [id, COUNTIES_2020.filter((c) => c.city === id).length]));
    expect(per).toEqual({
      杭州: 13,
      宁波: 10,
      温州: 12,
      湖州: 5,
      嘉兴: 7,
      绍兴: 6,
      金华: 9,
      衢州: 6,
      舟山: 4,
      台州: 9,
      丽水: 9,
    });
    expect(findCounty("龙港市")).toEqual({ name: "龙港市", city: "温州", en: "Longgang City" });
  });

  test("杭州's 13 are the pre-2021 districts and counties", () => {
    expect(countiesOf("杭州市").map((c) => c.name)).toEqual([
      "上城区", "下城区", "江干区", "拱墅区", "西湖区", "滨江区", "萧山区", "余杭区", "富阳区", "临安区",
      "桐庐县", "淳安县", "建德市",
    ]);
  });

  test("the 89-vs-90 note names both counts and 龙港 in both languages", () => {
    expect(COUNTY_COUNT_NOTE.zh).toMatch(/89/);
    expect(COUNTY_COUNT_NOTE.zh).toMatch(/90/);
    expect(COUNTY_COUNT_NOTE.zh).toMatch(/龙港/);
    expect(COUNTY_COUNT_NOTE.en).toMatch(/89/);
    expect(COUNTY_COUNT_NOTE.en).toMatch(/90/);
    expect(COUNTY_COUNT_NOTE.en).toMatch(/Longgang/);
  });

  test("names and normalised names are unique, so a short name finds one unit", () => {
    expect(new Set(COUNTIES_2020.map((c) => c.name)).size).toBe(90);
    expect(new Set(COUNTIES_2020.map((c) => normalizeUnitName(c.name))).size).toBe(90);
    expect(new Set(COUNTIES_2020.map((c) => c.en)).size).toBe(90);
    for (const c of COUNTIES_2020) {
      expect(findCounty(c.name)).toBe(c);
      expect(findCounty(normalizeUnitName(c.name))).toBe(c);
      expect(findCounty(c.en)).toBe(c);
      expect(findCounty(c.name, c.city)).toBe(c);
      // No county short name is also a city's.
      expect(findCity(c.name)).toBeUndefined();
    }
  });
});

describe("tolerant look-ups", () => {
  test("normalizeUnitName drops white space, full-width forms and the suffix", () => {
    expect(normalizeUnitName("景宁畲族自治县")).toBe("景宁");
    expect(normalizeUnitName("景宁县")).toBe("景宁");
    expect(normalizeUnitName(" 淳 安\n县 ")).toBe("淳安");
    expect(normalizeUnitName("杭州市")).toBe("杭州");
    expect(normalizeUnitName("\u3000杭州\u3000")).toBe("杭州");
    expect(normalizeUnitName("市")).toBe("市");
  });

  test("findCity: short, full, spaced and English names; unknown → undefined", () => {
    expect(findCity("杭州")?.id).toBe("杭州");
    expect(findCity("杭州市")?.id).toBe("杭州");
    expect(findCity(" 丽 水 市 ")?.id).toBe("丽水");
    expect(findCity("Taizhou")?.id).toBe("台州");
    expect(findCity("Hangzhou City")?.id).toBe("杭州");
    expect(findCity("上海市")).toBeUndefined();
    expect(findCity("")).toBeUndefined();
    expect(findCity(null)).toBeUndefined();
  });

  test("findCounty: missing or different suffix, leading city name, English, city restriction", () => {
    expect(findCounty("淳安")?.name).toBe("淳安县");
    expect(findCounty("景宁")?.name).toBe("景宁畲族自治县");
    expect(findCounty("景宁县")?.name).toBe("景宁畲族自治县");
    expect(findCounty("奉化市")?.name).toBe("奉化区"); // its name before 2016
    expect(findCounty("杭州市淳安县")?.name).toBe("淳安县");
    expect(findCounty("温州龙港市")?.name).toBe("龙港市");
    expect(findCounty("Chun'an County")?.name).toBe("淳安县");
    expect(findCounty("chunan")?.name).toBe("淳安县");
    expect(findCounty("Jingning She Autonomous County")?.name).toBe("景宁畲族自治县");
    expect(findCounty("淳安县", "杭州")?.name).toBe("淳安县");
    expect(findCounty("淳安县", "温州市")).toBeUndefined();
    expect(findCounty("宁波市淳安县")).toBeUndefined();
    expect(findCounty("临平区")).toBeUndefined(); // set up in 2021
    expect(findCounty("杭州")).toBeUndefined();
    expect(findCounty(undefined)).toBeUndefined();
  });

  test("countiesOf: unknown city → empty", () => {
    expect(countiesOf("舟山").map((c) => c.name)).toEqual(["定海区", "普陀区", "岱山县", "嵊泗县"]);
    expect(countiesOf("上海")).toEqual([]);
  });
});

describe("the 26 加快发展县", () => {
  test("exactly the list of docs/rules.md (the project's statement of the rules), each a known unit, 龙港 not among them", () => {
    const rules = fs.readFileSync(path.resolve(__dirname, "../../docs/rules.md"), "utf8");
    const line = rules.split("\n").find((l) => l.includes("26个加快发展县（2020年）"));
    expect(line).toBeDefined();
    const listed = line!
      .slice(line!.indexOf("：") + 1, line!.indexOf("。"))
      .replace(/\s+/g, "")
      .split(/[；、]/);
    expect(listed.length).toBe(26);
    expect([...ACCELERATED_2020]).toEqual(listed);
    for (const name of ACCELERATED_2020) {
      expect(findCounty(name)?.name).toBe(name);
      expect(isAccelerated(name)).toBe(true);
    }
    expect(COUNTIES_2020.filter((c) => isAccelerated(c.name)).length).toBe(26);
    expect(isAccelerated("龙港市")).toBe(false);
  });

  test("isAccelerated is tolerant of spelling and false for others and non-names", () => {
    expect(isAccelerated("景宁县")).toBe(true);
    expect(isAccelerated("景宁")).toBe(true);
    expect(isAccelerated("淳安")).toBe(true);
    expect(isAccelerated(" 淳安县 ")).toBe(true);
    expect(isAccelerated("丽水市莲都区")).toBe(true);
    expect(isAccelerated("建德市")).toBe(false);
    expect(isAccelerated("杭州")).toBe(false);
    expect(isAccelerated("")).toBe(false);
    expect(isAccelerated(null)).toBe(false);
  });
});

describe("indicator and allocation look-ups", () => {
  test("findIndicator2020 by label, short name, number, spacing and quote shapes", () => {
    expect(findIndicator2020("传统制造业新增工业机器人10000台")?.no).toBe(6);
    expect(findIndicator2020("新增工业机器人")?.no).toBe(6);
    expect(findIndicator2020(" 传统制造业新增工业机器人 10000 台 ")?.no).toBe(6);
    expect(findIndicator2020('传统制造业制订"浙江制造"标准200个')?.no).toBe(8);
    expect(findIndicator2020("全省累计上云企业40万家（下达任务数为当年新增数）")?.kind).toBe("cumulative");
    expect(findIndicator2020("全省累计上云企业40万家(下达任务数为当年新增数)")?.no).toBe(7);
    expect(findIndicator2020(18)?.shortName).toBe("盘活存量建设用地");
    expect(findIndicator2020("3")?.no).toBe(3);
    expect(findIndicator2020(19)).toBeUndefined();
    expect(findIndicator2020("工业增加值")).toBeUndefined();
  });

  test("allocationOf reads one printed cell", () => {
    expect(allocationOf(6, "杭州市")).toBe("1300\n\n台");
    expect(allocationOf("腾出用能", "舟山")).toBe("0.95万吨");
    expect(allocationOf(1, "台州")).toBe("10%以上");
    expect(allocationOf(1, "上海")).toBeUndefined();
    expect(allocationOf(99, "杭州")).toBeUndefined();
  });
});

describe("the reference data agrees with the cell reader (parse.ts)", () => {
  test("every 2020 allocation cell reads as a value in the indicator's base unit", () => {
    for (const ind of INDICATORS_2020) {
      for (const cell of ALLOCATION_2020[ind.no - 1]) {
        const r = readCell(cell);
        expect(r.status).toBe("value");
        if (r.status !== "value") continue;
        expect(r.quantity.unit).toBe(ind.unit);
        expect(r.quantity.isRate).toBe(ind.kind === "rate");
        expect(r.quantity.bound).toBe("atLeast");
      }
    }
  });

  test("the parent target inside each 2020 label is parentText", () => {
    for (const ind of INDICATORS_2020) {
      const fromLabel = readLabelTarget(ind.name);
      const written = readCell(ind.parentText);
      expect(fromLabel).not.toBeNull();
      expect(written.status).toBe("value");
      if (!fromLabel || written.status !== "value") continue;
      expect(fromLabel.unit).toBe(ind.unit);
      expect(fromLabel.value).toBe(written.quantity.value);
    }
    expect(readLabelTarget(INDICATORS_2020[9].name)?.value).toBe(3e10); // 300亿元
    expect(readLabelTarget(INDICATORS_2020[16].name)?.value).toBe(1e6); // 100万吨标准煤
  });

  test("every 2019 target reads in the indicator's base unit", () => {
    for (const ind of INDICATORS_2019) {
      const r = readCell(ind.targetText);
      expect(r.status).toBe("value");
      if (r.status === "value") {
        expect(r.quantity.unit).toBe(ind.unit);
        expect(r.quantity.isRate).toBe(ind.kind === "rate");
      }
    }
  });
});
