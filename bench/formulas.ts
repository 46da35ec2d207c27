/**
 * The city-stage scoring written as ordinary spreadsheet formulas, the way officials build it today:
 * one row per county (sorted by city), for each indicator a target, an actual, the completion ratio,
 * the over-target ratio and rank points by COUNTIF within the city's block of rows (HyperFormula has no
 * RANK.EQ; COUNTIF(block, ">"&x) is the same competition rank), then the sums, the conversion to
 * standard scores and the city rank. Evaluated by HyperFormula (dev-only, GPL; never shipped).
 */
import { HyperFormula } from "hyperformula";
import { columnLetters } from "../src/core/address";
import type { BenchRow } from "./data";

export interface FormulaRun {
  ms: number;
  /** County → total, for checking that the formulas compute what the engine computes. */
  totals: Map<string, number>;
}

/** The formula sheet itself (header row first; formulas as "=…" text), its counties in row order, and the total's column (1-based). */
export interface FormulaSheet {
  sheet: (string | number)[][];
  counties: string[];
  totalColumn: number;
}

export function runFormulas(rows: readonly BenchRow[], policy: ReadonlyMap<string, number>): FormulaRun {
  const { sheet, counties, totalColumn } = formulaSheet(rows, policy);
  const t0 = process.hrtime.bigint();
  const hf = HyperFormula.buildFromSheets({ 完成情况: sheet }, { licenseKey: "gpl-v3" });
  const id = hf.getSheetId("完成情况") as number;
  const totals = new Map<string, number>();
  counties.forEach((county, i) => totals.set(county, hf.getCellValue({ sheet: id, row: i + 1, col: totalColumn - 1 }) as number));
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  hf.destroy();
  return { ms, totals };
}

/**
 * `rank`: how the count of better values is written. "countif" (HyperFormula has no RANK.EQ) joins the value into a
 * text criterion, ">"&x; LibreOffice turns that number into text at 15 significant digits, so a value can count
 * itself as better and lose half a point. "rank" writes RANK(x, block) - 1, which compares numbers as numbers, and
 * rounds the ratios to 12 decimals, as ZG's exact decimals tie what binary floating point may not (HyperFormula
 * compares with a tolerance of its own; LibreOffice compares exactly).
 */
export function formulaSheet(rows: readonly BenchRow[], policy: ReadonlyMap<string, number>, rank: "countif" | "rank" = "countif"): FormulaSheet {
  const better = (column: string, r: number, top: number, bottom: number) =>
    rank === "countif" ? `COUNTIF(${column}$${top}:${column}$${bottom},">"&${column}${r})` : `(RANK(${column}${r},${column}$${top}:${column}$${bottom},0)-1)`;
  const ratio = (expr: string, when: string) => (rank === "countif" ? `=IF(${when},${expr},"")` : `=IF(${when},ROUND(${expr},12),"")`);
  const indicators = [...new Set(rows.map((r) => r.indicator))];
  const byCounty = new Map<string, { city: string; cells: Map<string, BenchRow> }>();
  for (const r of rows) {
    let c = byCounty.get(r.county);
    if (!c) byCounty.set(r.county, (c = { city: r.city, cells: new Map() }));
    c.cells.set(r.indicator, r);
  }
  const counties = [...byCounty.entries()].sort((a, b) => (a[1].city < b[1].city ? -1 : a[1].city > b[1].city ? 1 : 0));
  // Each city's block of sheet rows (1-based, after the header row).
  const block = new Map<string, [number, number]>();
  counties.forEach(([, c], i) => {
    const row = i + 2;
    const b = block.get(c.city);
    block.set(c.city, b ? [b[0], row] : [row, row]);
  });

  const J = indicators.length;
  const col = (k: number) => columnLetters(k);
  const perIndicator = 6; // target, actual, ratio, over ratio, points, over points
  const first = 3; // A city, B county, then the indicator groups
  const sumsAt = first + J * perIndicator;
  const header: string[] = ["设区市", "县（市、区）"];
  indicators.forEach((ind) => header.push(`${ind}目标`, `${ind}完成`, "完成率", "超目标率", "完成得分", "超目标得分"));
  header.push("完成得分合计", "超目标得分合计", "目标任务完成分", "超目标完成分", "政策机制分", "总分", "市内排名");

  const sheet: (string | number)[][] = [header];
  counties.forEach(([county, c], i) => {
    const r = i + 2;
    const [top, bottom] = block.get(c.city)!;
    const line: (string | number)[] = [c.city, county];
    indicators.forEach((ind, j) => {
      const base = first - 1 + j * perIndicator; // 0-based column of the target
      const [T, A, M, O] = [col(base), col(base + 1), col(base + 2), col(base + 3)];
      const cell = c.cells.get(ind)!;
      line.push(
        cell.target,
        cell.actual,
        ratio(`${A}${r}/${T}${r}`, `${T}${r}>0`),
        ratio(`(${A}${r}-${T}${r})/${T}${r}`, `AND(${T}${r}>0,${A}${r}>${T}${r})`),
        `=IF(${M}${r}="",0,MAX(0,10-0.5*${better(M, r, top, bottom)}))`,
        `=IF(${O}${r}="",0,MAX(0,10-0.5*${better(O, r, top, bottom)}))`,
      );
    });
    const points = indicators.map((_, j) => `${col(first - 1 + j * perIndicator + 4)}${r}`).join(",");
    const overs = indicators.map((_, j) => `${col(first - 1 + j * perIndicator + 5)}${r}`).join(",");
    const [S, Ov, TS, OS, P, TOT] = [0, 1, 2, 3, 4, 5].map((k) => col(sumsAt - 1 + k));
    line.push(
      `=SUM(${points})`,
      `=SUM(${overs})`,
      `=${S}${r}/(10*${J})*60`,
      `=${Ov}${r}/(10*${J})*20`,
      policy.get(county) ?? 0,
      `=${TS}${r}+${OS}${r}+${P}${r}`,
      `=1+${better(TOT, r, top, bottom)}`,
    );
    sheet.push(line);
  });

  return { sheet, counties: counties.map(([county]) => county), totalColumn: sumsAt + 5 };
}
