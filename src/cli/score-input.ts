/**
 * The score command's input (cli.md): a completion sheet (one row per county × indicator) and a county
 * sheet (one row per county, policy items) → CountyInput[]. Columns are found by their header
 * spellings (templates.ts SCORE_HEADERS); yes/no and counts are read by parse.ts.
 */
import type { CellRef, CellValue, CountyInput, IndicatorEntry, PolicyInput, SheetData, ZgIssue } from "../core/types";
import { a1 } from "../core/address";
import { issue } from "../core/messages";
import { matchHeaderRow, type ScoreColumn } from "../core/templates";
import { normalizeText, readCount, readYesNo } from "../core/parse";
import { isPercentFormat, isTotalsLabel } from "../core/check";
import { decimalFromNumber, decimalToString, shiftDecimal } from "../core/decimal";
import { CITIES, findCity, findCounty } from "../core/reference";
import { inputError } from "./errors";

/** Header rows are looked for among the first rows of a sheet (title rows may sit above). */
const HEADER_SEARCH_ROWS = 15;

interface HeaderFound {
  /** Grid row of the last header row (data starts below it). */
  row: number;
  columns: Partial<Record<ScoreColumn, number>>;
}

export interface ScoreInput {
  counties: CountyInput[];
  /** Problems met while reading the layout (not the figures): unknown counties, rows without a county. */
  warnings: ZgIssue[];
  completionSheet: string;
  countySheet: string | null;
}

const COMPLETION_NEEDS: ScoreColumn[] = ["county", "indicator", "target", "actual"];
const POLICY_COLUMNS: ScoreColumn[] = ["plan", "workPlan", "policy", "mechanism", "pilot", "endorsements", "accelerated", "previousWinner"];

export function readScoreInput(sheets: SheetData[], file: string): ScoreInput {
  const warnings: ZgIssue[] = [];
  let completion: { sheet: SheetData; header: HeaderFound } | null = null;
  let countySheet: { sheet: SheetData; header: HeaderFound } | null = null;
  for (const sheet of sheets) {
    const cells = filledMerges(sheet);
    if (!completion) {
      const h = findHeader(cells, (cols) => COMPLETION_NEEDS.every((c) => cols[c] !== undefined));
      if (h) {
        completion = { sheet: { ...sheet, cells }, header: h };
        continue;
      }
    }
    if (!countySheet) {
      const h = findHeader(
        cells,
        (cols) => cols.county !== undefined && cols.indicator === undefined && POLICY_COLUMNS.some((c) => cols[c] !== undefined),
      );
      if (h) countySheet = { sheet: { ...sheet, cells }, header: h };
    }
  }
  if (!completion) {
    throw inputError(
      {
        zh: `没有找到完成情况表：需要一个表头含“县（市、区）”“指标”“目标”“完成”的工作表（现有工作表：${sheets.map((s) => s.name).join("、")}）`,
        en: `no completion sheet found: one sheet needs the headers 县（市、区）, 指标, 目标 and 完成 (the sheets are: ${sheets.map((s) => s.name).join(", ")})`,
      },
      { file, sheet: sheets.length === 1 ? sheets[0].name : undefined },
    );
  }

  const counties = readCompletion(completion.sheet, completion.header, warnings);
  if (counties.length === 0) {
    throw inputError(
      { zh: "完成情况表没有任何县（市、区）的数据行", en: "the completion sheet has no county rows" },
      { file, sheet: completion.sheet.name },
    );
  }
  if (countySheet) {
    readCountySheet(countySheet.sheet, countySheet.header, counties, file, warnings);
  } else {
    warnings.push(
      issue("no-county-sheet", "warning", {
        zh: "没有找到县级情况表（表头含“县（市、区）”和“实施方案”等列），政策机制得分均按 0 计",
        en: "no county sheet found (headers 县（市、区） and 实施方案 etc.); every policy score is 0",
      }),
    );
  }
  return { counties, warnings, completionSheet: completion.sheet.name, countySheet: countySheet?.sheet.name ?? null };
}

/** The sheet's grid with each merged area's value copied into all its cells (a city merged down its counties). */
function filledMerges(sheet: SheetData): CellValue[][] {
  const cells = sheet.cells.map((row) => [...row]);
  for (const m of sheet.merges ?? []) {
    const v = cells[m.top]?.[m.left];
    if (v === null || v === undefined) continue;
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) if (cells[r]) cells[r][c] = v;
    }
  }
  return cells;
}

/**
 * The first header row (or two-row header: a lower cell names the column, else the cell above) whose
 * columns satisfy `ok`.
 */
function findHeader(cells: CellValue[][], ok: (cols: Partial<Record<ScoreColumn, number>>) => boolean): HeaderFound | null {
  const last = Math.min(cells.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < last; r++) {
    const single = matchHeaderRow(cells[r]).columns;
    if (ok(single)) {
      // A second header row below may name more columns (实施方案 under a merged 政策机制).
      const next = cells[r + 1];
      if (next) {
        const combined = matchHeaderRow(next.map((v, c) => (typeof v === "string" && v.trim() !== "" ? v : cells[r][c]))).columns;
        const extra = Object.keys(combined).length > Object.keys(single).length && ok(combined);
        if (extra && isHeaderLike(next, combined)) return { row: r + 1, columns: combined };
      }
      return { row: r, columns: single };
    }
  }
  return null;
}

/** A row is a second header row when every column it names is text that reads as a header. */
function isHeaderLike(row: CellValue[], cols: Partial<Record<ScoreColumn, number>>): boolean {
  return Object.values(cols).some((c) => c !== undefined && typeof row[c] === "string");
}

function text(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return "";
  return String(v).trim();
}

function cityName(written: string, county: string): string {
  if (written) return written;
  const known = findCounty(county);
  return known ? (CITIES.find((c) => c.id === known.city)?.name ?? known.city) : "";
}

function readCompletion(sheet: SheetData, header: HeaderFound, warnings: ZgIssue[]): CountyInput[] {
  const at = placer(sheet);
  const col = header.columns;
  const byKey = new Map<string, CountyInput>();
  const out: CountyInput[] = [];
  let lastCity = "";
  for (let r = header.row + 1; r < sheet.cells.length; r++) {
    const row = sheet.cells[r];
    const county = text(row[col.county as number]);
    const label = text(row[col.indicator as number]);
    const writtenCity = col.city !== undefined ? text(row[col.city]) : "";
    if (!county && !label) continue;
    if (isNote(county) || isNote(label) || isTotalsLabel(county) || isTotalsLabel(writtenCity)) continue;
    if (!county) {
      warnings.push(
        issue("no-county", "warning", { zh: "这一行没有填县（市、区），未计入", en: "this row names no county; left out" }, at(r, col.county as number)),
      );
      continue;
    }
    if (!label) {
      warnings.push(issue("no-indicator", "warning", { zh: "这一行没有填指标，未计入", en: "this row names no indicator; left out" }, at(r, col.indicator as number)));
      continue;
    }
    const city = cityName(writtenCity, county) || lastCity;
    lastCity = city;
    const key = `${cityKey(city)}|${normalizeText(county)}`;
    let unit = byKey.get(key);
    if (!unit) {
      unit = { county, city, entries: [], policy: {} };
      byKey.set(key, unit);
      out.push(unit);
      if (!findCounty(county)) {
        warnings.push(
          issue("unknown-county", "warning", {
            zh: `“${county}”不在浙江省 90 个县（市、区）名单中，仍按所填名称计分`,
            en: `"${county}" is not one of Zhejiang's 90 county-level units; scored under the name as written`,
          }, at(r, col.county as number)),
        );
      }
    }
    const unitText = col.unit !== undefined ? text(row[col.unit]) : "";
    const entry: IndicatorEntry = {
      indicator: label,
      target: withUnit(row[col.target as number], sheet.numberFormats?.[r]?.[col.target as number], unitText),
      actual: withUnit(row[col.actual as number], sheet.numberFormats?.[r]?.[col.actual as number], unitText),
      targetAt: at(r, col.target as number),
      actualAt: at(r, col.actual as number),
    };
    unit.entries.push(entry);
  }
  return out;
}

function readCountySheet(
  sheet: SheetData,
  header: HeaderFound,
  counties: CountyInput[],
  file: string,
  warnings: ZgIssue[],
): void {
  const at = placer(sheet);
  const col = header.columns;
  const matched = new Set<CountyInput>();
  for (let r = header.row + 1; r < sheet.cells.length; r++) {
    const row = sheet.cells[r];
    const county = text(row[col.county as number]);
    if (!county || isNote(county) || isTotalsLabel(county)) continue;
    const city = col.city !== undefined ? text(row[col.city]) : "";
    const target = counties.find(
      (c) => normalizeText(c.county) === normalizeText(county) && (!city || !c.city || cityKey(c.city) === cityKey(city)),
    );
    if (!target) {
      warnings.push(
        issue("county-without-figures", "warning", {
          zh: `县级情况表中的“${county}”在完成情况表中没有数据，未计分`,
          en: `"${county}" of the county sheet has no rows in the completion sheet; not scored`,
        }, at(r, col.county as number)),
      );
      continue;
    }
    matched.add(target);
    const yesNo = (c: ScoreColumn): boolean | undefined => {
      const i = col[c];
      if (i === undefined) return undefined;
      const v = readYesNo(row[i]);
      if (v === undefined) {
        throw inputError(
          {
            zh: `“${text(row[i])}”不是是/否值（可填 是/否、有/无、Y/N、1/0、TRUE/FALSE、✓/✗，空白为否）`,
            en: `"${text(row[i])}" is not a yes/no value (use 是/否, 有/无, Y/N, 1/0, TRUE/FALSE, ✓/✗; empty means no)`,
          },
          { file, ...at(r, i) },
        );
      }
      return v;
    };
    const policy: PolicyInput = {};
    const set = <K extends keyof PolicyInput>(k: K, v: PolicyInput[K] | undefined) => {
      if (v !== undefined) policy[k] = v;
    };
    set("plan", yesNo("plan"));
    set("workPlan", yesNo("workPlan"));
    set("policy", yesNo("policy"));
    set("mechanism", yesNo("mechanism"));
    set("pilot", yesNo("pilot"));
    if (col.endorsements !== undefined) {
      const n = readCount(row[col.endorsements]);
      if (n === undefined) {
        throw inputError(
          {
            zh: `批示或典型发言应填次数（不小于 0 的整数），这里是“${text(row[col.endorsements])}”`,
            en: `endorsements must be a count (a whole number ≥ 0); found "${text(row[col.endorsements])}"`,
          },
          { file, ...at(r, col.endorsements) },
        );
      }
      policy.endorsements = n;
    }
    target.policy = policy;
    const acc = yesNo("accelerated");
    if (acc !== undefined) target.accelerated = acc;
    const prev = yesNo("previousWinner");
    if (prev !== undefined) target.previousWinner = prev;
    if (!target.city && city) target.city = city;
  }
  const missing = counties.filter((c) => !matched.has(c)).map((c) => c.county);
  if (missing.length) {
    warnings.push(
      issue("no-policy-row", "warning", {
        zh: `县级情况表中没有这些县（市、区），政策机制得分按 0 计：${missing.join("、")}`,
        en: `not in the county sheet, so their policy score is 0: ${missing.join(", ")}`,
      }, { sheet: sheet.name }),
    );
  }
}

/**
 * A target or actual cell with what the sheet says about it folded into the value the engine reads:
 * a number shown in a percent format is that percentage (0.125 → '12.5%'); a bare number under a 单位
 * column takes that unit (2.5 under 亿元 → '2.5亿元'). Exact: the digits are shifted, not multiplied.
 */
export function withUnit(v: CellValue, format: string | null | undefined, unit: string): CellValue {
  if (typeof v === "number" && Number.isFinite(v)) {
    if (isPercentFormat(format)) return `${decimalToString(shiftDecimal(decimalFromNumber(v), 2))}%`;
    if (unit) return `${decimalToString(decimalFromNumber(v))}${unit}`;
    return v;
  }
  if (typeof v === "string" && unit && /^\s*[+-]?[\d,，.．０-９]+\s*$/.test(v)) return `${v.trim()}${unit}`;
  return v;
}

function isNote(s: string): boolean {
  return /^(注|说明|备注|note)[:：]/i.test(normalizeText(s)) || /^(注|说明)[:：]?$/.test(normalizeText(s));
}

function cityKey(city: string): string {
  const c = findCity(city);
  return c ? `#${c.id}` : normalizeText(city);
}

/** The sheet and A1 cell of a grid position, honouring the grid's origin on the sheet. */
function placer(sheet: SheetData): (r: number, c: number) => CellRef {
  const o = sheet.origin ?? { row: 0, col: 0 };
  return (r, c) => ({ sheet: sheet.name, cell: a1(o.row + r, o.col + c) });
}
