/**
 * `zg score`'s input (cli.md): the completion sheet and the county sheet found among a workbook's sheets by their
 * headers, read by the engine (core/scoreInput.ts); what stops the reading becomes a CliError naming the file.
 */
import { findScoreSheets, readScoreSheets } from "../core/scoreInput";
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
  return { counties: read.counties, warnings: read.warnings, completionSheet: completion.sheet.name, countySheet: county?.sheet.name ?? null };
}
