/**
 * 生成可分发副本: the results as a sheet a colleague without the add-in can open (Excel, WPS 表格, LibreOffice): the
 * engine's figures as values and plain formulas only — S and O as SUMIFS over the per-indicator points below them,
 * totals as sums, ranks as 1 + COUNTIFS of higher totals — never =ZG.…, so nothing shows #NAME? after a
 * recalculation. The figures are those of the run shown in the pane (not live over the user's data: that is
 * what the results sheet with live formulas is for).
 */
import { a1 } from "../core/address";
import type { Lang } from "../core/lang";
import type { SelectionResult } from "../core/types";
import { rankByTotalFormula } from "../core/select";
import { formula as f, OUR_SHEET_NAMES, type SheetCell, type SheetContent } from "../excel/ops";

const WORDS = {
  zh: {
    title: "督查激励评分结果（可分发副本，浙转升办〔2020〕2号第五条、第六条）",
    note: "本表只含数值与普通公式（SUMIFS、COUNTIFS、MAX、ABS、求和），不需要 ZG 加载项；数字为生成副本时的评分结果。",
    city: "一、设区市推荐环节",
    province: "二、省级部门评送环节",
    detail: "三、指标明细（设区市推荐环节）",
    headCity: ["设区市", "县（市、区）", "完成分合计S", "超目标分合计O", "目标任务完成分", "超目标任务完成分", "政策机制分", "总分", "市内名次", "推荐"],
    headProvince: ["设区市", "县（市、区）", "目标任务完成分", "超目标任务完成分", "政策机制分", "总分", "省级名次", "拟列入督查激励建议名单"],
    headDetail: ["设区市", "县（市、区）", "指标", "完成度", "完成分", "超目标分"],
    yes: "是",
  },
  en: {
    title: "Incentive scores (copy to send; document No. 2 of 2020, Articles 5 and 6)",
    note: "Values and plain formulas only (SUMIFS, COUNTIFS, MAX, ABS, sums): no ZG add-in needed; the figures are those of the run the copy was made from.",
    city: "1. City stage",
    province: "2. Province stage",
    detail: "3. Indicators, city stage",
    headCity: ["City", "County", "Completion points S", "Over points O", "Target score", "Over score", "Policy score", "Total", "Rank in city", "Recommended"],
    headProvince: ["City", "County", "Target score", "Over score", "Policy score", "Total", "Rank", "Proposed for the incentive"],
    headDetail: ["City", "County", "Indicator", "Completion", "Completion points", "Over points"],
    yes: "Yes",
  },
} as const;

export function distributableSheet(result: SelectionResult, lang: Lang): SheetContent {
  const w = WORDS[lang];
  const cells: SheetCell[][] = [];
  const formats: (string | null)[][] = [];
  const put = (row: SheetCell[], fmt: (string | null)[] = []) => {
    cells.push(row);
    formats.push(fmt);
  };
  const cityOrder = [...new Set(result.counties.map((c) => c.city))];
  const counties = [...result.counties].sort((a, b) => cityOrder.indexOf(a.city) - cityOrder.indexOf(b.city) || a.cityRank - b.cityRank);
  const details = counties.flatMap((c) => c.indicators.map((i) => ({ c, i })));

  // Row numbers first (0-based), so the formulas can point down to the detail block.
  const cityHead = 3;
  const cityFirst = cityHead + 1;
  const cityLast = cityFirst + counties.length - 1;
  const provHead = cityLast + 3;
  const provFirst = provHead + 1;
  const provLast = provFirst + result.province.length - 1;
  const detHead = provLast + 3;
  const detFirst = detHead + 1;
  const detLast = detFirst + Math.max(details.length, 1) - 1;
  const col = (letter: string, first: number, last: number) => `$${letter}$${first + 1}:$${letter}$${last + 1}`;

  put([w.title]);
  put([w.note]);
  put([w.city]);
  put([...w.headCity]);
  counties.forEach((c, k) => {
    const r = cityFirst + k;
    const blockRows = counties.map((x, i) => (x.city === c.city ? cityFirst + i : -1)).filter((i) => i >= 0);
    const first = blockRows[0];
    const last = blockRows[blockRows.length - 1];
    const sumOf = (letter: string) => f(`=SUMIFS(${col(letter, detFirst, detLast)},${col("A", detFirst, detLast)},"="&${a1(r, 0)},${col("B", detFirst, detLast)},"="&${a1(r, 1)})`);
    put(
      [
        c.city,
        c.county,
        sumOf("E"),
        sumOf("F"),
        c.targetScore,
        c.overScore,
        c.policyScore,
        f(`=${a1(r, 4)}+${a1(r, 5)}+${a1(r, 6)}`),
        f(`=${rankByTotalFormula(col("H", first, last), a1(r, 7), { range: col("A", first, last), cell: a1(r, 0) })}`),
        c.recommended ? w.yes : "",
      ],
      [null, null, "0.0", "0.0", "0.00", "0.00", "0.00", "0.00", "0", null],
    );
  });
  put([]);
  put([w.province]);
  put([...w.headProvince]);
  result.province.forEach((p, k) => {
    const r = provFirst + k;
    put(
      [p.city, p.county, p.targetScore, p.overScore, p.policyScore, f(`=${a1(r, 2)}+${a1(r, 3)}+${a1(r, 4)}`), f(`=${rankByTotalFormula(col("F", provFirst, provLast), a1(r, 5))}`), p.selected ? w.yes : ""],
      [null, null, "0.00", "0.00", "0.00", "0.00", "0", null],
    );
  });
  put([]);
  put([w.detail]);
  put([...w.headDetail]);
  for (const { c, i } of details) put([c.city, c.county, i.indicator, i.completion ? i.completion.value : "", i.completionPoints, i.overPoints], [null, null, null, result.options.basis === "ratio" ? "0.00%" : null, "0.0", "0.0"]);

  return {
    name: OUR_SHEET_NAMES.distributable,
    kind: "score",
    cells,
    numberFormats: formats,
    columnWidths: [10, 16, 14, 14, 12, 12, 10, 10, 10, 12],
    titleRows: [0],
    boldRows: [cityHead - 1, cityHead, provHead - 1, provHead, detHead - 1, detHead],
    freezeRows: 0,
    print: { titleRows: { first: 0, last: 0 }, landscape: true, fitToWidth: true },
  };
}
