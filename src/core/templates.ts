/**
 * The two templates as pure data. The task pane writes them through the Excel JavaScript API and the CLI through
 * ExcelJS from these very grids, so an official gets the same workbook either way.
 *
 *   decompositionTable2020()   9号's table as an official receives it (cells as printed, line breaks kept)
 *   cityDecompositionTemplate() a city's decomposition of its 9号 figures to its counties, with check formulas
 *   selfAssessmentTemplate()   the county self-assessment workbook that `zg score` reads as it is once filled
 *
 * SCORE_HEADERS is the one definition of the score input's column names: the template writes the
 * first spelling of each column and the readers recognise every spelling through matchHeader().
 */
import { a1, columnLetters } from "./address";
import {
  ALLOCATION_2020,
  CITIES,
  CITY_IDS,
  COUNTIES_2020,
  DOC_9,
  INDICATORS_2020,
  countiesOf,
  findCity,
  findCounty,
  isAccelerated,
} from "./reference";
import type { CellValue, Grid, Merge, Msg, TableRegion } from "./types";
import { ONE_COUNTY_PER_FILE } from "./catalogue";

// ─── template types ──────────────────────────────────────────────────────────────────────────

interface ValidationBase {
  /** A1 range on the sheet itself, e.g. 'C2:C200'. */
  range: string;
  /** Input prompt shown when a cell is selected (Excel: title ≤ 32, message ≤ 255 characters once joined by bilingual()). */
  title: Msg;
  prompt: Msg;
  /** Shown when a value is refused. */
  error: Msg;
}

export type Validation =
  | (ValidationBase & {
      type: "list";
      values: string[];
      /**
       * A range that holds exactly `values`, as a formula without '=' ("'指标'!$B$2:$B$19"). Excel caps an
       * inline list at 255 characters, so where this is given writers must use it instead of the values.
       */
      source?: string;
    })
  | (ValidationBase & { type: "whole"; min: number; max: number });

export interface TemplateStyles {
  /** 0-based rows: bold, larger, centred. */
  titleRows: number[];
  /** 0-based rows: bold, centred, shaded. */
  headerRows: number[];
  /** 0-based rows: small, left-aligned, no border. */
  noteRows: number[];
  /** The bordered table (header and body), 0-based inclusive; none on a sheet of plain text. */
  table?: TableRegion;
  /** Wrap text in the table, so the printed line breaks show. */
  wrapText: boolean;
}

export interface TemplateSheet {
  name: string;
  /** The values, from A1. A merged area holds its value in its top-left cell and null elsewhere. */
  cells: Grid;
  merges: Merge[];
  /** Excel column widths (character units), one per column of `cells`. */
  columnWidths: number[];
  /** Row heights in points, one per row of `cells`; null keeps Excel's default. */
  rowHeights?: (number | null)[];
  styles?: TemplateStyles;
  validations: Validation[];
  /** Number formats parallel to `cells` ('@' = text, so Excel keeps '12%' or '1300台' as typed); apply before the values. */
  numberFormats?: (string | null)[][];
  /** Rows and columns kept in view while scrolling. */
  freeze?: { rows: number; columns: number };
  /**
   * Formula cells (0-based), each text starting with "=": only this module builds them, from our own words and
   * references, never from a cell's text. Plain Excel functions only, so the sheet needs no add-in.
   */
  formulas?: { row: number; col: number; formula: string }[];
}

export interface TemplateWorkbook {
  sheets: TemplateSheet[];
}

// ─── header spellings ────────────────────────────────────────────────────────────────────────

export type ScoreColumn =
  | "city"
  | "county"
  | "indicator"
  | "unit"
  | "target"
  | "actual"
  | "note"
  | "plan"
  | "workPlan"
  | "policy"
  | "mechanism"
  | "pilot"
  | "endorsements"
  | "accelerated"
  | "previousWinner";

export interface HeaderSpec {
  /** The spelling the template writes (cli.md's). */
  label: string;
  en: string;
  /** Every accepted spelling, label first; compared after removing white space and folding full-width forms and case. */
  spellings: readonly string[];
}

export const SCORE_HEADERS: Readonly<Record<ScoreColumn, HeaderSpec>> = Object.freeze({
  city: {
    label: "设区市",
    en: "City",
    spellings: ["设区市", "所属设区市", "设区市名称", "地市", "所属地市", "市", "City"],
  },
  county: {
    label: "县（市、区）",
    en: "County",
    spellings: [
      "县（市、区）",
      "县(市、区)",
      "县（市，区）",
      "县市区",
      "县区",
      "区县",
      "县市",
      "县",
      "县（市、区）名称",
      "县级单位",
      "County",
      "County-level unit",
    ],
  },
  indicator: {
    label: "指标",
    en: "Indicator",
    spellings: ["指标", "指标名称", "关键性量化指标", "量化指标", "指标项", "Indicator"],
  },
  unit: { label: "单位", en: "Unit", spellings: ["单位", "计量单位", "Unit"] },
  target: {
    label: "目标",
    en: "Target",
    spellings: ["目标", "目标值", "目标任务", "年度目标", "年度目标任务", "下达目标", "任务数", "Target"],
  },
  actual: {
    label: "完成",
    en: "Actual",
    spellings: ["完成", "完成值", "实际完成", "实际完成值", "完成数", "完成情况", "实际值", "Actual", "Completed"],
  },
  note: { label: "备注", en: "Note", spellings: ["备注", "说明", "Note", "Notes", "Remarks"] },
  plan: {
    label: "实施方案",
    en: "Implementation plan",
    spellings: ["实施方案", "出台实施方案", "实施方案出台", "Implementation plan", "Plan"],
  },
  workPlan: {
    label: "年度工作要点",
    en: "Annual work plan",
    spellings: ["年度工作要点", "工作要点", "工作计划", "年度工作计划", "年度工作要点或工作计划", "Annual work plan", "Work plan"],
  },
  policy: {
    label: "配套政策",
    en: "Supporting policy",
    spellings: ["配套政策", "出台配套政策", "配套政策文件", "Supporting policy", "Policy"],
  },
  mechanism: {
    label: "工作机制",
    en: "Coordination mechanism",
    spellings: ["工作机制", "工作协调机制", "协调机制", "Coordination mechanism", "Mechanism"],
  },
  pilot: {
    label: "省级试点",
    en: "Provincial pilot",
    spellings: ["省级试点", "分行业省级试点", "列入省级试点", "试点", "Provincial pilot", "Pilot"],
  },
  endorsements: {
    label: "批示或典型发言",
    en: "Endorsements or model speeches",
    spellings: [
      "批示或典型发言",
      "批示肯定或典型发言",
      "批示或典型发言次数",
      "批示肯定或典型发言次数",
      "批示、典型发言",
      "批示",
      "典型发言",
      "Endorsements or model speeches",
      "Endorsements",
    ],
  },
  accelerated: {
    label: "加快发展县",
    en: "Accelerated-development county",
    spellings: ["加快发展县", "是否加快发展县", "加快发展县（市、区）", "Accelerated-development county", "Accelerated"],
  },
  previousWinner: {
    label: "上年度已获激励",
    en: "Incentive received last year",
    spellings: [
      "上年度已获激励",
      "上年已获激励",
      "上年度获激励",
      "上年度已获督查激励",
      "上年度列为督查激励",
      "Incentive received last year",
      "Previous winner",
    ],
  },
});

/** The completion sheet's columns, in the template's order. */
export const COMPLETION_COLUMNS: readonly ScoreColumn[] = Object.freeze([
  "city",
  "county",
  "indicator",
  "unit",
  "target",
  "actual",
  "note",
]);

/** The county sheet's columns, in the template's order. */
export const COUNTY_COLUMNS: readonly ScoreColumn[] = Object.freeze([
  "county",
  "city",
  "plan",
  "workPlan",
  "policy",
  "mechanism",
  "pilot",
  "endorsements",
  "accelerated",
  "previousWinner",
]);

function headerKey(s: string): string {
  return s.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

const HEADER_BY_KEY = new Map<string, ScoreColumn>();
for (const [col, spec] of Object.entries(SCORE_HEADERS) as [ScoreColumn, HeaderSpec][]) {
  for (const s of spec.spellings) HEADER_BY_KEY.set(headerKey(s), col);
}

/**
 * The logical score column a header cell names, or null. Tolerates white space and line breaks,
 * full-width forms, case, a trailing English gloss ('设区市 City') and a trailing note in brackets
 * ('完成（万元）', '批示或典型发言（次）').
 */
export function matchHeader(text: CellValue): ScoreColumn | null {
  if (typeof text !== "string") return null;
  const key = headerKey(text).replace(/^\*+|\*+$/g, "");
  if (!key) return null;
  const exact = HEADER_BY_KEY.get(key);
  if (exact) return exact;
  // '设区市city' → '设区市': a Chinese header followed by its English gloss.
  const noGloss = key.replace(/^([^a-z]*[^a-z\s(/])\/?[a-z][a-z\s'()/-]*$/, "$1");
  if (noGloss !== key && HEADER_BY_KEY.has(noGloss)) return HEADER_BY_KEY.get(noGloss)!;
  // '完成(万元)' → '完成'; never strips '县(市、区)' down to its first character when that is a spelling itself.
  const noNote = noGloss.replace(/\([^()]*\)$/, "");
  if (noNote !== noGloss && noNote) return HEADER_BY_KEY.get(noNote) ?? null;
  return null;
}

/**
 * Which column of a header row holds each logical column (the first one that matches), plus the
 * header texts that matched nothing, so a reader can report them.
 */
export function matchHeaderRow(row: readonly CellValue[]): {
  columns: Partial<Record<ScoreColumn, number>>;
  unknown: { index: number; text: string }[];
} {
  const columns: Partial<Record<ScoreColumn, number>> = {};
  const unknown: { index: number; text: string }[] = [];
  row.forEach((cell, index) => {
    const col = matchHeader(cell);
    if (col) {
      if (columns[col] === undefined) columns[col] = index;
    } else if (typeof cell === "string" && cell.trim() !== "") {
      unknown.push({ index, text: cell });
    }
  });
  return { columns, unknown };
}

// ─── layout helpers ──────────────────────────────────────────────────────────────────────────

/** Display width of a text in Excel character units: CJK and full-width characters count two. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** Lines a wrapped cell takes in a column of this width. */
function wrappedLines(value: CellValue, width: number): number {
  if (typeof value !== "string") return 1;
  return value
    .split("\n")
    .reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / Math.max(1, width - 1))), 0);
}

const LINE_HEIGHT = 16;

function rowHeight(row: CellValue[], widths: number[], merged: Set<number>): number {
  let lines = 1;
  row.forEach((v, c) => {
    if (!merged.has(c)) lines = Math.max(lines, wrappedLines(v, widths[c] ?? 10));
  });
  return lines * LINE_HEIGHT + 4;
}

function range(top: number, left: number, bottom: number, right: number): string {
  return `${a1(top, left)}:${a1(bottom, right)}`;
}

function blankRow(width: number): CellValue[] {
  return Array.from({ length: width }, () => null);
}

// ─── 9号's decomposition table ───────────────────────────────────────────────────────────────

export const DECOMPOSITION_TITLE_2020 = DOC_9.title;

/** Where things are in decompositionTable2020()'s grid (0-based), for writers and tests. */
export const DECOMPOSITION_LAYOUT_2020 = Object.freeze({
  titleRow: 0,
  headerRows: [1, 2] as readonly number[],
  firstIndicatorRow: 3,
  noColumn: 0,
  labelColumn: 1,
  firstCityColumn: 2,
  leadColumn: 2 + CITY_IDS.length,
  noteRow: 3 + INDICATORS_2020.length,
});

/**
 * 9号's table as an official receives it: a title row, a two-row header (序号 | 关键性量化指标 |
 * 各设区市年度目标任务 over the 11 cities | 省级牵头单位), the 18 indicators with every cell as printed
 * (line breaks kept), and a note naming the document.
 */
export function decompositionTable2020(): TemplateSheet {
  const L = DECOMPOSITION_LAYOUT_2020;
  const width = L.leadColumn + 1;
  const cells: Grid = [];

  const title = blankRow(width);
  title[0] = DECOMPOSITION_TITLE_2020;
  cells.push(title);

  const h1 = blankRow(width);
  h1[L.noColumn] = "序号";
  h1[L.labelColumn] = "关键性量化指标";
  h1[L.firstCityColumn] = "各设区市年度目标任务";
  h1[L.leadColumn] = "省级牵头单位";
  cells.push(h1);

  const h2 = blankRow(width);
  CITY_IDS.forEach((id, j) => (h2[L.firstCityColumn + j] = id));
  cells.push(h2);

  for (const ind of INDICATORS_2020) {
    const row = blankRow(width);
    row[L.noColumn] = ind.no;
    row[L.labelColumn] = ind.name;
    ALLOCATION_2020[ind.no - 1].forEach((cell, j) => (row[L.firstCityColumn + j] = cell));
    row[L.leadColumn] = ind.lead;
    cells.push(row);
  }

  const note = blankRow(width);
  note[0] =
    `注：本表按${DOC_9.number}附件《${DOC_9.title}》照录，各设区市年度目标任务与原文一致（单元格内换行照录）。` +
    `\nNote: as printed in the attachment to ${DOC_9.en.replace(/:.*$/, "")}, the cities' 2020 targets unchanged (line breaks inside cells kept).`;
  cells.push(note);

  const merges: Merge[] = [
    { top: L.titleRow, left: 0, bottom: L.titleRow, right: width - 1 },
    { top: 1, left: L.noColumn, bottom: 2, right: L.noColumn },
    { top: 1, left: L.labelColumn, bottom: 2, right: L.labelColumn },
    { top: 1, left: L.firstCityColumn, bottom: 1, right: L.leadColumn - 1 },
    { top: 1, left: L.leadColumn, bottom: 2, right: L.leadColumn },
    { top: L.noteRow, left: 0, bottom: L.noteRow, right: width - 1 },
  ];

  const columnWidths = [6, 36, ...CITY_IDS.map(() => 9), 16];
  const rowHeights: (number | null)[] = cells.map((row, r) => {
    if (r === L.titleRow) return 30;
    if (r === L.noteRow) return 2 * LINE_HEIGHT + 8;
    // Merged header cells span the row: their text does not set its height.
    const merged = new Set<number>(r === 1 ? CITY_IDS.map((_, j) => L.firstCityColumn + j) : []);
    return rowHeight(row, columnWidths, merged);
  });

  // Text format on the printed cells, so Excel never turns '10%' or '1,350' into a number on the way in.
  const numberFormats = cells.map((row, r) =>
    row.map((_, c) => (r >= L.firstIndicatorRow && r < L.noteRow && c !== L.noColumn ? "@" : null)),
  );

  return {
    name: "2020分解方案",
    cells,
    merges,
    columnWidths,
    rowHeights,
    styles: {
      titleRows: [L.titleRow],
      headerRows: [...L.headerRows],
      noteRows: [L.noteRow],
      table: { top: 1, left: 0, bottom: L.noteRow - 1, right: width - 1 },
      wrapText: true,
    },
    validations: [],
    numberFormats,
    freeze: { rows: L.firstIndicatorRow, columns: L.firstCityColumn },
  };
}

// ─── a city's decomposition to its counties (9号: 细化分解…到所辖县（市、区）, 5月30日前上报备案) ─────

/** Where things are in cityDecompositionTemplate()'s grid (0-based), for writers and tests. */
export const CITY_DECOMPOSITION_LAYOUT = Object.freeze({
  titleRow: 0,
  headerRow: 1,
  firstIndicatorRow: 2,
  noColumn: 0,
  labelColumn: 1,
  unitColumn: 2,
  parentColumn: 3,
  firstCountyColumn: 4,
});

/** Rate cells a county fills in: one decimal at least and up to three as typed, so 10.5% is never shown as 11%. */
export const RATE_INPUT_FORMAT = "0.0##%";

/** The check column's header: a word the table reader sets aside (never a county). */
export const CITY_CHECK_HEADER = "校核结果（公式）";

/** The filing note of 9号, quoted: the cities decompose their targets to their counties and file the plan by 30 May. */
export const CITY_FILING_NOTE: Msg = Object.freeze({
  zh: `注：${DOC_9.number}要求各设区市“抓紧细化分解相关任务指标到所辖县（市、区），并于5月30日前将分解到县（市、区）责任目标方案上报省转升办备案”。“全市目标”照录${DOC_9.number}附件本市目标；指标名称中的数是全省目标，不作为本市目标。“全省累计上云企业”一项，${DOC_9.number}说明下达任务数为当年新增数，按总量校核。各县（市、区）一列填写分解数：可填数字（单位见“单位”列）或带单位的文字（120台、5.2亿元、12%）。“校核结果”列为普通 Excel 公式，无需加载项。`,
  en: `Note: ${DOC_9.number} asks each city to "decompose the targets to its counties and file the plan with the provincial office by 30 May". 全市目标 is the city's figure as printed in ${DOC_9.number}; the figure in an indicator's label is the province's, not the city's. For the cloud-enterprises indicator, ${DOC_9.number} gives the cities' figures as the year's additions, so it is checked as a total. Fill each county's column with numbers in the 单位 column's unit or text with its unit (120台, 5.2亿元, 12%). The 校核结果 column is plain Excel formulas (no add-in needed).`,
});

/**
 * A city's decomposition of its 2020 targets (9号) to its counties: 序号 | 关键性量化指标 | 单位 | 全市目标 (the
 * city's 9号 cell exactly as printed) | one empty column per county | 校核结果, a plain-Excel formula per row that
 * says 达标 / 未达标 as `zg check` does (rules §2, county rule); then the filing note. Rate rows' county cells are
 * percent-formatted (12 typed is 12%), the others text, so 120台 stays as typed. Undefined for an unknown city.
 */
export function cityDecompositionTemplate(cityName: string): TemplateSheet | undefined {
  const city = findCity(cityName);
  if (!city) return undefined;
  const L = CITY_DECOMPOSITION_LAYOUT;
  const counties = countiesOf(city.id);
  const checkCol = L.firstCountyColumn + counties.length;
  const width = checkCol + 1;
  const cells: Grid = [];
  const formulas: { row: number; col: number; formula: string }[] = [];

  const title = blankRow(width);
  // 9号's own term for what the city files: 分解到县（市、区）责任目标方案.
  title[0] = `${city.name}${DOC_9.title.replace(/责任分解方案$/, "")}分解到县（市、区）责任目标方案`;
  cells.push(title);
  const head = blankRow(width);
  head[L.noColumn] = "序号";
  head[L.labelColumn] = "关键性量化指标";
  head[L.unitColumn] = "单位";
  head[L.parentColumn] = "全市目标";
  counties.forEach((c, j) => (head[L.firstCountyColumn + j] = c.name));
  head[checkCol] = CITY_CHECK_HEADER;
  cells.push(head);

  const cityIndex = CITY_IDS.indexOf(city.id);
  const first = columnLetters(L.firstCountyColumn);
  const last = columnLetters(checkCol - 1);
  for (const ind of INDICATORS_2020) {
    const r = cells.length;
    const row = blankRow(width);
    row[L.noColumn] = ind.no;
    row[L.labelColumn] = ind.name;
    row[L.unitColumn] = ind.displayUnit;
    row[L.parentColumn] = ALLOCATION_2020[ind.no - 1][cityIndex];
    cells.push(row);
    const n = r + 1;
    const kids = `${first}${n}:${last}${n}`;
    const unit = `$${columnLetters(L.unitColumn)}${n}`;
    const printed = `SUBSTITUTE(CLEAN(${columnLetters(L.parentColumn)}${n}),"以上","")`;
    // 0&cell reads a blank as 0, a number as itself and 120台 / 5.2亿元 once the unit is taken out; 12% as 0.12.
    const formula =
      ind.kind === "rate"
        ? `=IF(COUNTA(${kids})=0,"待填写",IFERROR(IF(SUMPRODUCT((${kids}<>"")*((0&${kids})-(--${printed})<-1E-12))=0,"达标","未达标："&SUMPRODUCT((${kids}<>"")*((0&${kids})-(--${printed})<-1E-12))&"个县（市、区）低于全市目标"),"无法校核（有不能读取的数值）"))`
        : `=IF(COUNTA(${kids})=0,"待填写",IFERROR(IF(SUMPRODUCT(--SUBSTITUTE(0&${kids},${unit},""))>=(--SUBSTITUTE(${printed},${unit},""))*(1-1E-12),"达标","未达标：差"&ROUND((--SUBSTITUTE(${printed},${unit},""))-SUMPRODUCT(--SUBSTITUTE(0&${kids},${unit},"")),6)&${unit}),"无法校核（有不能读取的数值）"))`;
    formulas.push({ row: r, col: checkCol, formula });
  }
  const noteRow = cells.length;
  const note = blankRow(width);
  // The plan is filed with the province: Chinese only, as a 公文 (English stays in the pane's English interface).
  note[0] = CITY_FILING_NOTE.zh;
  cells.push(note);

  const columnWidths = [6, 36, 7, 10, ...counties.map(() => 10), 26];
  const firstData = L.firstIndicatorRow;
  const numberFormats = cells.map((row, r) =>
    row.map((_, c) => {
      if (r < firstData || r >= noteRow) return null;
      if (c === L.parentColumn) return "@";
      if (c >= L.firstCountyColumn && c < checkCol) return INDICATORS_2020[r - firstData].kind === "rate" ? RATE_INPUT_FORMAT : "@";
      return null;
    }),
  );
  return {
    name: `${city.id}分解到县`,
    cells,
    merges: [
      { top: 0, left: 0, bottom: 0, right: width - 1 },
      { top: noteRow, left: 0, bottom: noteRow, right: width - 1 },
    ],
    columnWidths,
    rowHeights: cells.map((row, r) => (r === 0 ? 30 : r === noteRow ? 8 * LINE_HEIGHT : rowHeight(row, columnWidths, new Set()))),
    styles: {
      titleRows: [0],
      headerRows: [L.headerRow],
      noteRows: [noteRow],
      table: { top: L.headerRow, left: 0, bottom: noteRow - 1, right: width - 1 },
      wrapText: true,
    },
    validations: [],
    numberFormats,
    freeze: { rows: firstData, columns: L.firstCountyColumn },
    formulas,
  };
}

// ─── the county self-assessment template ─────────────────────────────────────────────────────

export const SELF_ASSESSMENT_SHEETS = Object.freeze({
  completion: "完成情况",
  county: "县",
  indicators: "指标",
  guide: "说明",
});

/** Rows below the prefilled ones that still carry the drop-downs, for counties the user adds. */
export const SPARE_ROWS = 100;

export interface SelfAssessmentOptions {
  /** Only this city's counties (any spelling findCity accepts). */
  city?: string;
  /** These counties, in this order (any spelling findCounty accepts; an unknown name is kept as written). */
  counties?: string[];
}

interface TemplateUnit {
  county: string;
  city: string;
}

function templateUnits(options: SelfAssessmentOptions): TemplateUnit[] {
  const city = options.city ? findCity(options.city) : undefined;
  const cityName = (id: string) => CITIES.find((c) => c.id === id)?.name ?? id;
  if (options.counties && options.counties.length > 0) {
    return options.counties.map((name) => {
      const known = findCounty(name, city ? city.id : undefined) ?? findCounty(name);
      if (known) return { county: known.name, city: cityName(known.city) };
      return { county: name.trim(), city: city ? city.name : (options.city ?? "").trim() };
    });
  }
  const list = options.city ? countiesOf(options.city) : COUNTIES_2020;
  return list.map((c) => ({ county: c.name, city: cityName(c.city) }));
}

const YES_NO = ["是", "否"];

// Excel caps a validation title at 32 characters, Chinese and English together.
const SHORT_EN: Partial<Record<ScoreColumn, string>> = {
  workPlan: "Work plan",
  policy: "Policy",
  mechanism: "Mechanism",
  pilot: "Pilot",
  accelerated: "Accelerated",
  previousWinner: "Prior incentive",
};

function yesNoValidation(rangeA1: string, header: string, en: string): Validation {
  return {
    range: rangeA1,
    type: "list",
    values: [...YES_NO],
    title: { zh: header, en },
    prompt: { zh: `请选择“是”或“否”；留空视为“否”。`, en: `Choose 是 (yes) or 否 (no); empty means no.` },
    error: { zh: `${header}只能填“是”或“否”。`, en: `${en}: only 是 (yes) or 否 (no).` },
  };
}

function cityValidation(rangeA1: string): Validation {
  return {
    range: rangeA1,
    type: "list",
    values: CITIES.map((c) => c.name),
    title: { zh: "设区市", en: "City" },
    prompt: { zh: "请从列表中选择设区市。", en: "Choose the city from the list." },
    error: { zh: "请从列表中选择浙江省的11个设区市之一。", en: "Choose one of Zhejiang's 11 cities from the list." },
  };
}

/**
 * The county self-assessment workbook, readable by `zg score` as it is once filled:
 *   完成情况  设区市 | 县（市、区） | 指标 | 单位 | 目标 | 完成 | 备注 — one row per county × 2020 indicator
 *   县        县（市、区） | 设区市 | 实施方案 | … | 加快发展县 | 上年度已获激励 — one row per county
 *   指标      the 18 indicators of 9号 (the source of the 指标 drop-down)
 *   说明      how to fill it in, in Chinese and English
 * Without options every one of the 90 county-level units is listed.
 */
export function selfAssessmentTemplate(options: SelfAssessmentOptions = {}): TemplateWorkbook {
  const units = templateUnits(options);
  return {
    sheets: [completionSheet(units), countySheet(units), indicatorSheet(), guideSheet()],
  };
}

/**
 * The completion sheet's last column: where each figure's supporting material is (2号 第六条（二）: 完成情况表及支撑材料).
 * Not a score column: the readers pass it by.
 */
export const EVIDENCE_HEADER = "支撑材料";

function completionSheet(units: TemplateUnit[]): TemplateSheet {
  const header = [...COMPLETION_COLUMNS.map((c) => SCORE_HEADERS[c].label), EVIDENCE_HEADER];
  const col = (c: ScoreColumn) => COMPLETION_COLUMNS.indexOf(c);
  const cells: Grid = [header];
  for (const u of units) {
    for (const ind of INDICATORS_2020) {
      const row = blankRow(header.length);
      row[col("city")] = u.city;
      row[col("county")] = u.county;
      row[col("indicator")] = ind.name;
      row[col("unit")] = ind.displayUnit;
      cells.push(row);
    }
  }
  const last = cells.length - 1 + SPARE_ROWS;
  const columnRange = (c: ScoreColumn) => range(1, col(c), last, col(c));
  const indicatorSource = `'${SELF_ASSESSMENT_SHEETS.indicators}'!$B$2:$B$${1 + INDICATORS_2020.length}`;
  const textColumns = new Set([col("target"), col("actual")]);
  return {
    name: SELF_ASSESSMENT_SHEETS.completion,
    cells,
    merges: [],
    columnWidths: [10, 16, 46, 8, 14, 14, 24, 30],
    styles: {
      titleRows: [],
      headerRows: [0],
      noteRows: [],
      table: { top: 0, left: 0, bottom: cells.length - 1, right: header.length - 1 },
      wrapText: false,
    },
    validations: [
      cityValidation(columnRange("city")),
      {
        range: columnRange("indicator"),
        type: "list",
        values: INDICATORS_2020.map((i) => i.name),
        source: indicatorSource,
        title: { zh: "指标", en: "Indicator" },
        prompt: { zh: "请从列表中选择9号文件的指标。", en: "Choose one of the indicators of document No. 9." },
        error: { zh: "指标须为9号文件所列18项之一。", en: "The indicator must be one of the 18 of document No. 9." },
      },
    ],
    // Text, so '12%' and '1300台' stay as typed and are read by the rules of §1, not by Excel's guesses.
    numberFormats: cells.map((row, r) => row.map((_, c) => (r > 0 && textColumns.has(c) ? "@" : null))),
    freeze: { rows: 1, columns: col("indicator") + 1 },
  };
}

function countySheet(units: TemplateUnit[]): TemplateSheet {
  const header = COUNTY_COLUMNS.map((c) => SCORE_HEADERS[c].label);
  const col = (c: ScoreColumn) => COUNTY_COLUMNS.indexOf(c);
  const cells: Grid = [header];
  for (const u of units) {
    const row = blankRow(header.length);
    row[col("county")] = u.county;
    row[col("city")] = u.city;
    // Prefilled from the built-in list of 26; the user may override it (rules.md §6).
    row[col("accelerated")] = isAccelerated(u.county) ? "是" : "否";
    cells.push(row);
  }
  const last = cells.length - 1 + SPARE_ROWS;
  const columnRange = (c: ScoreColumn) => range(1, col(c), last, col(c));
  const yesNoColumns: ScoreColumn[] = ["plan", "workPlan", "policy", "mechanism", "pilot", "accelerated", "previousWinner"];
  return {
    name: SELF_ASSESSMENT_SHEETS.county,
    cells,
    merges: [],
    columnWidths: [16, 10, 10, 14, 10, 10, 10, 16, 12, 16],
    styles: {
      titleRows: [],
      headerRows: [0],
      noteRows: [],
      table: { top: 0, left: 0, bottom: cells.length - 1, right: header.length - 1 },
      wrapText: false,
    },
    validations: [
      cityValidation(columnRange("city")),
      ...yesNoColumns.map((c) => yesNoValidation(columnRange(c), SCORE_HEADERS[c].label, SHORT_EN[c] ?? SCORE_HEADERS[c].en)),
      {
        range: columnRange("endorsements"),
        type: "whole",
        min: 0,
        max: 20,
        title: { zh: "批示或典型发言", en: "Endorsements" },
        prompt: {
          zh: "填次数（0–20 的整数）：省委省政府及以上领导批示肯定或全省会议典型发言，每次计1分，累计不超过4分。",
          en: "A count (whole number 0–20) of leaders' endorsements or model speeches; 1 point each, at most 4.",
        },
        error: { zh: "请填0到20之间的整数。", en: "Enter a whole number from 0 to 20." },
      },
    ],
    freeze: { rows: 1, columns: 1 },
  };
}

function indicatorSheet(): TemplateSheet {
  const header = ["序号", "指标", "简称", "单位", "类型", "省级牵头单位"];
  const kindZh = { rate: "比率", total: "总量", cumulative: "累计" } as const;
  const cells: Grid = [header];
  for (const ind of INDICATORS_2020) {
    cells.push([ind.no, ind.name, ind.shortName, ind.displayUnit, kindZh[ind.kind], ind.lead]);
  }
  return {
    name: SELF_ASSESSMENT_SHEETS.indicators,
    cells,
    merges: [],
    columnWidths: [6, 46, 24, 8, 8, 22],
    styles: {
      titleRows: [],
      headerRows: [0],
      noteRows: [],
      table: { top: 0, left: 0, bottom: cells.length - 1, right: header.length - 1 },
      wrapText: false,
    },
    validations: [],
  };
}

/** The guide's lines, Chinese then English. */
export const SELF_ASSESSMENT_GUIDE: readonly Msg[] = Object.freeze([
  {
    zh: "县（市、区）传统制造业改造提升督查激励自评表（浙转升办〔2020〕2号、浙转升办〔2020〕9号）",
    en: "County self-assessment for the traditional-manufacturing upgrade incentive (浙转升办〔2020〕2号 and 浙转升办〔2020〕9号)",
  },
  {
    zh: "何时、报什么：按浙转升办〔2020〕2号第六条（二），每年3月份，设区市转升办组织所辖县（市、区）自评，汇总各县（市、区）上一年度关键性量化指标完成情况表及支撑材料，择优推荐1个县（市、区）报省转升办。本表填写的是上一年度数据。",
    en: "When and what: under 浙转升办〔2020〕2号 Art. 6(2), each March the city's office has its counties assess themselves and collects the previous year's completion figures and the supporting material, then recommends one county to the provincial office. This workbook holds the previous year's figures.",
  },
  {
    zh: `1. ${ONE_COUNTY_PER_FILE.zh}。在“完成情况”表本县的各行，为每项指标填写设区市下达的目标和实际完成值，带单位填写，如 12%、1300台、2.5亿元；空白、“—”、“/”或“无”视为无数据。设区市汇总时，填了两个县完成值的文件不予汇总。`,
    en: `1. ${ONE_COUNTY_PER_FILE.en.replace(/^o/, "O")}. On sheet 完成情况, in your county's rows, enter for each indicator the target set by the city and the actual, with its unit (12%, 1300台, 2.5亿元); empty, —, / or 无 means no value. A file with two counties' actuals is not collected by the city.`,
  },
  {
    zh: "2. 在“支撑材料”列写明每项数据的支撑材料（文件名、文号或存放位置），随表报送。",
    en: "2. In the 支撑材料 column, say where each figure's supporting material is (file name, document number or location); it is filed with the table.",
  },
  {
    zh: "3. 在“县”表中填写政策机制情况：实施方案、年度工作要点、配套政策、工作机制、省级试点填“是”或“否”（留空视为否）；批示或典型发言填次数。",
    en: "3. On sheet 县, fill in the policy items: 是 (yes) or 否 (no) for plan, work plan, policy, mechanism and pilot (empty means no); a count for endorsements or model speeches.",
  },
  {
    zh: "4. “加快发展县”已按26个加快发展县名单预填，可修改；上年度已获督查激励的县（市、区）在“上年度已获激励”填“是”，不再推荐。",
    en: "4. 加快发展县 is prefilled from the list of 26 accelerated-development counties and may be changed; mark counties that received the incentive last year under 上年度已获激励: they are not recommended again.",
  },
  {
    zh: "5. 填写完毕后，连同支撑材料报送设区市转升办。",
    en: "5. When it is complete, send it with the supporting material to the city's office.",
  },
]);

function guideSheet(): TemplateSheet {
  const cells: Grid = [];
  // The workbook goes to the counties and comes back up the line: Chinese only, as a 公文.
  for (const line of SELF_ASSESSMENT_GUIDE) cells.push([line.zh]);
  return {
    name: SELF_ASSESSMENT_SHEETS.guide,
    cells,
    merges: [],
    columnWidths: [120],
    styles: { titleRows: [0], headerRows: [], noteRows: [], wrapText: true },
    validations: [],
  };
}

/** The column letter of a logical column in the self-assessment template's sheet, for writers and messages. */
export function templateColumn(sheet: "completion" | "county", column: ScoreColumn): string | null {
  const list = sheet === "completion" ? COMPLETION_COLUMNS : COUNTY_COLUMNS;
  const i = list.indexOf(column);
  return i < 0 ? null : columnLetters(i);
}
