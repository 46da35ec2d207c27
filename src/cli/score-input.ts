/**
 * `zg score`'s input (cli.md): the completion sheet and the county sheet found among a workbook's sheets by their
 * headers, read by the engine (core/scoreInput.ts); what stops the reading becomes a CliError naming the file.
 */
import { findScoreSheets, readScoreSheets } from "../core/scoreInput";
import { singleReturn } from "../core/collect";
import type { CountyInput, SheetData, ZgIssue } from "../core/types";
import { inputError, issueError } from "./errors";
import { fewNames } from "../core/messages";

export interface ScoreInput {
  counties: CountyInput[];
  /** Problems met while reading the layout (not the figures): unknown counties, rows without a county. */
  warnings: ZgIssue[];
  completionSheet: string;
  countySheet: string | null;
}

export function readScoreInput(sheets: SheetData[], file: string): ScoreInput {
  const { completion, county } = findScoreSheets(sheets);
  if (!completion) {
    throw inputError(
      {
        zh: `没有找到完成情况表：需要一个表头含“县（市、区）”“指标”“目标”“完成”的工作表（现有工作表：${fewNames(sheets.map((s) => s.name)).zh}）`,
        en: `no completion sheet found: one sheet needs the headers 县（市、区）, 指标, 目标 and 完成 (the sheets are: ${fewNames(sheets.map((s) => s.name)).en})`,
      },
      { file, sheet: sheets.length === 1 ? sheets[0].name : undefined },
    );
  }
  const read = readScoreSheets(completion, county);
  if (!read.ok) throw issueError(file, read.error);
  // A county's own return ranks nothing (the others are empty, each a warning): it is for the city to collect.
  const own = singleReturn(read.counties);
  if (own !== null) {
    throw inputError(
      {
        zh: `这是${own}一个县（市、区）的自评表：表中只有${own}填写了完成值，其他${read.counties.length - 1}个县（市、区）都是空的，不能排名。请设区市先用 zg collect 汇总各县（市、区）报送的自评表，再对汇总表运行 zg score`,
        en: `this is one county's own return (${own}): only ${own} has actuals, the other ${read.counties.length - 1} ${read.counties.length - 1 === 1 ? "county is" : "counties are"} empty, so nothing can be ranked. The city first collects the counties' returns with zg collect, then runs zg score on the collected workbook`,
      },
      { file, sheet: completion.sheet.name },
    );
  }
  return { counties: read.counties, warnings: read.warnings, completionSheet: completion.sheet.name, countySheet: county?.sheet.name ?? null };
}
