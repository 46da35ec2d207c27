/**
 * The score results sheet: every figure is a LIVE formula over the user's own cells (=ZG.COMPLETION,
 * =ZG.RANKSCOREBY, =ZG.STDSCORE, =ZG.POLICYSCORE, =ZG.RECOMMEND, =ZG.SHORTLIST, SUMIFS, COUNTIFS), so an
 * edited target or actual recalculates in Excel, recommendations and shortlist included. Only which counties
 * make up the province stage's rows is fixed when the sheet is written.
 *
 * Layout, top to bottom, sections numbered in that order:
 *   一 city stage per county     二 province stage per recommended county
 *   三 recommendation and the proposed list of 第六条（三） (ZG.RECOMMEND / ZG.SHORTLIST spills)
 *   四 city-stage indicator rows 五 province-stage indicator rows
 */
import type { CountyInput, IndicatorScore, ScoreOptions, SelectionResult, SheetData } from "../core/types";
import { normalizeText } from "../core/parse";
import { isPercentFormat } from "../core/check";
import { a1, columnLetters, parseCell, quoteSheet } from "../core/address";
import { type Block, formula as f, type Formula, OUR_SHEET_NAMES, type SheetContent } from "../excel/ops";
import type { Lang } from "../core/lang";
import { SCORE_SHEET } from "./i18n";
import type { HeaderMapping } from "./scoreInput";
import type { ScoreColumn } from "../core/templates";
import { proposedListSize, rankByTotalFormula } from "../core/select";

/** A cell of the sheet: plain strings are TEXT (county names come from the user's workbook); formulas are f(…). */
type Cell = string | number | null | Formula;

export interface ScoreSheetInput {
  completion: { sheet: SheetData; mapping: HeaderMapping };
  county: { sheet: SheetData; mapping: HeaderMapping } | null;
  counties: CountyInput[];
  result: SelectionResult;
  lang: Lang;
}

/** Indicators with at least one measure in a group (J of rules.md §5). */
function indicatorCount(units: { indicators: IndicatorScore[] }[]): number {
  const withMeasure = new Set<string>();
  for (const u of units) for (const i of u.indicators) if (i.completion !== null) withMeasure.add(normalizeText(i.indicator));
  return withMeasure.size;
}

export function scoreSheet(input: ScoreSheetInput): SheetContent {
  const { result, lang } = input;
  const o: ScoreOptions = result.options;
  const t = SCORE_SHEET[lang];
  const cs = input.completion.sheet;
  const cm = input.completion.mapping;
  const cells: Cell[][] = [];
  const formats: (string | null)[][] = [];
  const put = (row: Cell[], fmt: (string | null)[] = []) => {
    cells.push(row);
    formats.push(fmt);
    return cells.length - 1;
  };
  // A row holding only our formulas (the spilled recommendation and shortlist).
  const putFormulas = (row: string[]) => put(row.map((x) => f(x)));
  const rankArgs = (order: number) => `${order},${o.top},${o.step},${o.floor}`;

  // Counties grouped by city (contiguous rows per city: the std 'max' method needs each city's block).
  const cityOrder: string[] = [];
  for (const c of result.counties) if (!cityOrder.includes(c.city)) cityOrder.push(c.city);
  const countyRows = cityOrder.flatMap((city) => result.counties.filter((c) => c.city === city));
  const inputOf = (county: string, city: string) => input.counties.find((c) => c.county === county && c.city === city);

  put([t.title]);
  // The proposed list: the places and the names the margin adds, capped at the counties recommended.
  const listSize = Math.min(result.province.length, Math.max(Math.min(o.slots, result.province.length), proposedListSize(o.slots, o.margin)));
  put([`${t.options}：${t.optionWords(o, listSize)}`]);
  put([t.note]);
  put([]);

  // Row numbers of every block are fixed first, so formulas can point forward.
  const cityHead = 5;
  const cityFirst = cityHead + 1;
  const cityLast = cityFirst + countyRows.length - 1;
  const provHead = cityLast + 3;
  const provFirst = provHead + 1;
  const provLast = provFirst + result.province.length - 1;
  // Section 四 mirrors the user's completion table row for row (spilled formulas over its columns).
  const origin = cs.origin ?? { row: 0, col: 0 };
  const firstUserRow = origin.row + cm.row + 1;
  const lastUserRow = origin.row + cs.cells.length - 1;
  const userRows = Math.max(0, lastUserRow - firstUserRow + 1);
  // 三 follows 二: ZG.RECOMMEND spills one row per city, ZG.SHORTLIST one per county on the proposed list (the
  // places first), and one more when too few 加快发展县 could be placed.
  const chooseHead = provLast + 3;
  const recFirst = chooseHead + 1;
  const recLast = recFirst + Math.max(cityOrder.length, 1) - 1;
  const shortHead = recLast + 2;
  const shortFirst = shortHead + 1;
  const shortLast = shortFirst + listSize;
  const placesLast = shortFirst + Math.min(o.slots, result.province.length) - 1;
  const detHead = shortLast + 3;
  const detFirst = detHead + 1;
  const detLast = detFirst + Math.max(userRows, 1) - 1;
  const detRowOf = (cell: string | undefined) => {
    const p = cell ? parseCell(cell) : null;
    return p ? detFirst + (p.row - firstUserRow) : -1;
  };
  const detailEntries = countyRows.flatMap((c) => (inputOf(c.county, c.city)?.entries ?? []).map((e) => ({ c, e, row: detRowOf(e.targetAt?.cell) })));
  const recommended = result.province;
  const pEntries = recommended.flatMap((p) => detailEntries.filter((d) => d.c.county === p.county && d.c.city === p.city && d.row >= 0).map((d) => ({ d, p })));
  const pdHead = detLast + 3;
  const pdFirst = pdHead + 1;
  const pdLast = pdFirst + pEntries.length - 1;

  const col = (letter: string, first: number, last: number) => `$${letter}$${first + 1}:$${letter}$${last + 1}`;
  const A = (r: number, c: number) => a1(r, c);

  // 一 city stage.
  put([t.city]);
  put(t.headCity);
  const cityBlockOf = (city: string) => {
    const idx = countyRows.map((c, i) => (c.city === city ? i : -1)).filter((i) => i >= 0);
    return { first: cityFirst + idx[0], last: cityFirst + idx[idx.length - 1] };
  };
  const jCity = new Map(cityOrder.map((city) => [city, indicatorCount(result.counties.filter((c) => c.city === city))]));
  countyRows.forEach((c, i) => {
    const r = cityFirst + i;
    const blk = cityBlockOf(c.city);
    const std = (points: string, weight: number) =>
      // Full marks are top × J, as the engine computes (2号 writes 10 × J with top = 10).
      o.std === "full" ? f(`=ZG.STDSCORE(${points},,${weight},"full",${o.top}*${A(r, 4)})`) : f(`=ZG.STDSCORE(${points},${col(points.replace(/\d+/g, ""), blk.first, blk.last)},${weight},"max")`);
    put(
      [
        c.city,
        c.county,
        f(`=SUMIFS(${col("I", detFirst, detLast)},${col("A", detFirst, detLast)},"="&${A(r, 0)},${col("B", detFirst, detLast)},"="&${A(r, 1)})`),
        f(`=SUMIFS(${col("J", detFirst, detLast)},${col("A", detFirst, detLast)},"="&${A(r, 0)},${col("B", detFirst, detLast)},"="&${A(r, 1)})`),
        // The county's own J (rules.md §5, option unassigned), as the engine used it; the group's J otherwise.
        c.indicatorCount ?? jCity.get(c.city) ?? 0,
        std(A(r, 2), 60),
        std(A(r, 3), 20),
        policyFormula(input, c.county),
        f(`=${A(r, 5)}+${A(r, 6)}+${A(r, 7)}`),
        f(`=${rankByTotalFormula(col("I", blk.first, blk.last), A(r, 8), { range: col("A", blk.first, blk.last), cell: A(r, 0) })}`),
        f(`=IF(COUNTIFS(${col("A", recFirst, recLast)},"="&${A(r, 0)},${col("B", recFirst, recLast)},"="&${A(r, 1)})>0,"${t.yes}","")`),
        previousCell(input, c.county, c.city, t),
      ],
      [null, null, "0.0", "0.0", "0", "0.00", "0.00", "0.00", "0.00", "0", null, null],
    );
  });
  put([]);

  // 二 province stage.
  put([t.province]);
  put(t.headProvince);
  const jProv = indicatorCount(result.province);
  recommended.forEach((p, i) => {
    const r = provFirst + i;
    const cityRow = cityFirst + countyRows.findIndex((c) => c.county === p.county && c.city === p.city);
    const std = (points: string, weight: number) =>
      o.std === "full" ? f(`=ZG.STDSCORE(${points},,${weight},"full",${o.top}*${A(r, 4)})`) : f(`=ZG.STDSCORE(${points},${col(points.replace(/\d+/g, ""), provFirst, provLast)},${weight},"max")`);
    put(
      [
        p.city,
        p.county,
        f(`=SUMIFS(${col("E", pdFirst, pdLast)},${col("A", pdFirst, pdLast)},"="&${A(r, 1)})`),
        f(`=SUMIFS(${col("F", pdFirst, pdLast)},${col("A", pdFirst, pdLast)},"="&${A(r, 1)})`),
        p.indicatorCount ?? jProv,
        std(A(r, 2), 60),
        std(A(r, 3), 20),
        f(`=${A(cityRow, 7)}`),
        f(`=${A(r, 5)}+${A(r, 6)}+${A(r, 7)}`),
        f(`=1+COUNTIF(${col("I", provFirst, provLast)},">"&${A(r, 8)})`),
        p.accelerated ? t.yes : t.no,
        f(`=IF(COUNTIF(${col("A", shortFirst, Math.max(shortFirst, placesLast))},"="&${A(r, 1)})>0,"${t.yes}","")`),
        f(`=IF(COUNTIF(${col("A", shortFirst, shortLast)},"="&${A(r, 1)})>0,"${t.yes}","")`),
      ],
      [null, null, "0.0", "0.0", "0", "0.00", "0.00", "0.00", "0.00", "0", null, null, null],
    );
  });
  put([]);

  // 三 recommendation and proposed list by the custom functions, over the totals above (tie-breaks included). Their
  // reasons are words: the sheet's language goes into the formula, so the sheet reads the same on every computer.
  put([t.choose]);
  put(t.headRecommend);
  const cityRange = (letter: string) => col(letter, cityFirst, Math.max(cityFirst, cityLast));
  const provRange = (letter: string) => col(letter, provFirst, Math.max(provFirst, provLast));
  for (let k = recFirst; k <= recLast; k++) {
    putFormulas(
      k === recFirst && countyRows.length
        ? [`=ZG.RECOMMEND(${cityRange("B")},${cityRange("A")},${cityRange("I")},${cityRange("L")},${cityRange("F")},${cityRange("G")},${cityRange("H")},"${lang}")`]
        : [],
    );
  }
  put([]);
  put(t.headShortlist);
  for (let k = shortFirst; k <= shortLast; k++) {
    putFormulas(
      k === shortFirst && recommended.length
        ? [`=ZG.SHORTLIST(${provRange("B")},${provRange("I")},${provRange("K")},${o.slots},${o.minAccelerated},"${lang}",${o.margin})`]
        : [],
    );
  }
  put([]);

  // 四 city-stage indicator rows: measures read from the user's own cells, ranked within city × indicator.
  // One spilled formula per column (dynamic arrays): the engine ranks each column once, n log n, however long.
  put([t.cityDetail]);
  put(t.headDetail);
  const userCol = (c: ScoreColumn): string | null => {
    const i = cm.columns.indexOf(c);
    return i < 0 ? null : `${quoteSheet(cs.name)}!$${columnLetters(i + origin.col)}$${firstUserRow + 1}:$${columnLetters(i + origin.col)}$${lastUserRow + 1}`;
  };
  const own = (letter: string) => col(letter, detFirst, detLast);
  const staticCity = new Map<number, string>(detailEntries.map((d) => [d.row, d.c.city]));
  // A city merged down its counties leaves the cells under it empty in Excel: then the cities are written as values.
  const cityIndex = cm.columns.indexOf("city");
  const cityMerged = (cs.merges ?? []).some((m) => m.left <= cityIndex && m.right >= cityIndex && m.bottom > m.top && m.bottom > cm.row);
  const cityCol = cityMerged ? null : userCol("city");
  const basis = o.basis === "value" ? `,"value"` : "";
  const target = userCol("target");
  const actual = userCol("actual");
  // Target and actual are passed with the meaning the engine gives them (core/scoreInput.ts withUnit): a bare number
  // under a 单位 column takes that unit (0.21 under "%" is 0.21%, not 21%), a number shown as a percentage is that
  // percentage. Which of the two a cell is depends on its number format, which a formula cannot see, so each row's
  // formula is chosen here from the cell as read; it stays live for the figure (an edited actual recalculates).
  const unitIndex = cm.columns.indexOf("unit");
  const measureCell = (column: ScoreColumn, k: number): Formula | null => {
    const i = cm.columns.indexOf(column);
    if (i < 0) return null;
    const r = cm.row + 1 + k;
    const x = `${quoteSheet(cs.name)}!$${columnLetters(i + origin.col)}$${origin.row + r + 1}`;
    const percent = isPercentFormat(cs.numberFormats?.[r]?.[i]);
    if (unitIndex < 0 || percent) return f(`=IF(ISBLANK(${x}),"",${x})`);
    const u = `${quoteSheet(cs.name)}!$${columnLetters(unitIndex + origin.col)}$${origin.row + r + 1}`;
    return f(`=IF(ISBLANK(${x}),"",IF(ISNUMBER(${x}),${x}&${u},${x}))`);
  };
  for (let k = 0; k < Math.max(userRows, 1); k++) {
    const r = detFirst + k;
    const first = k === 0;
    put(
      [
        cityCol ? (first ? f(`=${cityCol}`) : null) : (staticCity.get(r) ?? null),
        first ? f(`=${userCol("county")}`) : null,
        first ? f(`=${userCol("indicator")}`) : null,
        k < userRows ? measureCell("target", k) : null,
        k < userRows ? measureCell("actual", k) : null,
        first && target && actual ? f(`=IFERROR(ZG.COMPLETION(${own("E")},${own("D")}${basis}),"")`) : null,
        first && target && actual ? f(`=IFERROR(ZG.OVERTARGET(${own("E")},${own("D")}),"")`) : null,
        first ? f(`=${own("A")}&"|"&${own("C")}`) : null,
        first ? f(`=ZG.RANKSCOREBY(${own("F")},${own("F")},${own("H")},${own("H")},${rankArgs(0)})`) : null,
        first ? f(`=ZG.RANKSCOREBY(${own("G")},${own("G")},${own("H")},${own("H")},${rankArgs(0)})`) : null,
      ],
      [null, null, null, null, null, o.basis === "ratio" ? "0.0%" : "General", "0.0%", null, "0.0", "0.0"],
    );
  }
  put([]);

  // 五 province-stage indicator rows: the same measures, ranked within the recommended counties per indicator.
  put([t.provinceDetail]);
  put(t.headPDetail);
  // Points as one spilled formula per column, like section 四: each column is ranked once.
  pEntries.forEach(({ d }, k) => {
    const detRow = d.row;
    put(
      [
        f(`=${A(detRow, 1)}`),
        f(`=${A(detRow, 2)}`),
        f(`=${A(detRow, 5)}`),
        f(`=${A(detRow, 6)}`),
        k === 0 ? f(`=ZG.RANKSCOREBY(${col("C", pdFirst, pdLast)},${col("C", pdFirst, pdLast)},${col("B", pdFirst, pdLast)},${col("B", pdFirst, pdLast)},${rankArgs(0)})`) : null,
        k === 0 ? f(`=ZG.RANKSCOREBY(${col("D", pdFirst, pdLast)},${col("D", pdFirst, pdLast)},${col("B", pdFirst, pdLast)},${col("B", pdFirst, pdLast)},${rankArgs(0)})`) : null,
      ],
      [null, null, o.basis === "ratio" ? "0.0%" : "General", "0.0%", "0.0", "0.0"],
    );
  });

  const block = (top: number, bottom: number, width: number): Block => ({ top, left: 0, bottom, right: width - 1 });
  const tables = [
    countyRows.length ? { name: "ZG_CityStage", range: block(cityHead, cityLast, t.headCity.length) } : null,
    recommended.length ? { name: "ZG_ProvinceStage", range: block(provHead, provLast, t.headProvince.length) } : null,
    // Sections 四 and 五 spill (dynamic arrays), which Excel does not allow inside a table: they stay plain ranges.
  ].filter((x): x is { name: string; range: Block } => x !== null);

  return {
    name: OUR_SHEET_NAMES.score,
    kind: "score",
    cells,
    numberFormats: formats,
    columnWidths: [10, 16, 14, 14, 9, 10, 10, 10, 10, 10, 12, 10, 12],
    titleRows: [0],
    // Printed landscape, one page wide, the title on every page (each section has its own header row).
    print: { titleRows: { first: 0, last: 0 }, landscape: true, fitToWidth: true },
    // Titles and notes span the width, so they read as lines rather than wrapping in column A.
    merges: [0, 1, 2, cityHead - 1, provHead - 1, chooseHead - 1, detHead - 1, pdHead - 1].map((r) => ({ top: r, left: 0, bottom: r, right: t.headProvince.length - 1 })),
    boldRows: [cityHead - 1, cityHead, provHead - 1, provHead, chooseHead - 1, chooseHead, shortHead, detHead - 1, detHead, pdHead - 1, pdHead],
    tables,
    charts: recommended.length
      ? [{ title: t.chart, categories: { top: provFirst, left: 1, bottom: provLast, right: 1 }, values: { top: provFirst, left: 8, bottom: provLast, right: 8 }, at: { row: cityHead, col: 13 } }]
      : [],
  };
}

/** 上年度已获激励 of a county: its cell on the county sheet (live) where mapped, else as read. */
function previousCell(input: ScoreSheetInput, county: string, city: string, t: { yes: string; no: string }): Formula | string {
  const k = input.county;
  const m = k?.mapping;
  const ci = m ? m.columns.indexOf("county") : -1;
  const pi = m ? m.columns.indexOf("previousWinner") : -1;
  if (k && m && ci >= 0 && pi >= 0) {
    const origin = k.sheet.origin ?? { row: 0, col: 0 };
    const r = k.sheet.cells.findIndex((row, i) => i > m.row && typeof row[ci] === "string" && normalizeText(row[ci] as string) === normalizeText(county));
    if (r >= 0) return f(`=${quoteSheet(k.sheet.name)}!${a1(r + origin.row, pi + origin.col)}`);
  }
  const c = input.counties.find((x) => x.county === county && x.city === city);
  return c?.previousWinner ? t.yes : t.no;
}

/** =ZG.POLICYSCORE over the county's row of the county sheet; 0 when it has none. */
function policyFormula(input: ScoreSheetInput, county: string): Formula | number {
  const k = input.county;
  if (!k) return 0;
  const m = k.mapping;
  const ci = m.columns.indexOf("county");
  const origin = k.sheet.origin ?? { row: 0, col: 0 };
  const r = k.sheet.cells.findIndex((row, i) => i > m.row && typeof row[ci] === "string" && normalizeText(row[ci] as string) === normalizeText(county));
  if (r < 0) return 0;
  const arg = (c: ScoreColumn, absent: string) => {
    const i = m.columns.indexOf(c);
    return i < 0 ? absent : `${quoteSheet(k.sheet.name)}!${a1(r + origin.row, i + origin.col)}`;
  };
  return f(`=ZG.POLICYSCORE(${arg("plan", "FALSE")},${arg("workPlan", "FALSE")},${arg("policy", "FALSE")},${arg("mechanism", "FALSE")},${arg("pilot", "FALSE")},${arg("endorsements", "0")})`);
}
