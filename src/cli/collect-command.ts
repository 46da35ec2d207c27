/**
 * `zg collect FILE… --out CITY.xlsx [--city NAME] [--decomposition FILE] [--json] [--force]` (docs/cli.md):
 * the counties' returned self-assessments → one city workbook that `zg score` reads as it is. Each file is read
 * with the same bounded reader and caps as `zg score`; a file that cannot be used is reported and the others are
 * collected. The inputs are never modified; --out is written atomically, never over an existing file without --force.
 */
import { collectCounties, type CollectFile, type CollectProblem, type CollectResult } from "../core/collect";
import { findFirstTable } from "../core/table";
import { CITIES, findCity } from "../core/reference";
import { SELF_ASSESSMENT_SHEETS, type TemplateSheet } from "../core/templates";
import type { SheetData } from "../core/types";
import type { Request } from "./args";
import { CliError, argumentError, inputError } from "./errors";
import { expandInputs } from "./expand-inputs";
import * as path from "path";
import { readInput, readWorkbookBuffer, readWorkbookFile, zlibInflater } from "./read-xlsx";
import { workbookModified } from "../xlsx/modified";
import { renderTable, shownMessage, visible, type Cell } from "./format";
import type { Output } from "./output";

export interface CollectJson {
  files: { file: string; county: string | null; rows: number; status: "ok" | "rejected"; problems: CollectProblem[] }[];
  missing: string[];
  /** Counties whose every file was rejected: 退回, to be corrected and sent again (not 未报送). */
  returned: string[];
  out: string | null;
  warnings: CollectProblem[];
}

/** The sheet that says what was collected, from where, and what was refused: after the two sheets zg score reads. */
export const REPORT_SHEET = "汇总情况";

export async function runCollect(req: Request, out: Output): Promise<number> {
  if (req.city !== undefined && !findCity(req.city)) {
    throw argumentError({
      zh: `--city“${req.city}”不是浙江省的设区市；可用：${CITIES.map((c) => c.name).join("、")}`,
      en: `--city "${req.city}" is not one of Zhejiang's cities; the 11 are: ${CITIES.map((c) => `${c.name} (${c.en})`).join(", ")}`,
    });
  }
  let decomposition = null;
  if (req.decomposition !== undefined) {
    const found = findFirstTable(await readWorkbookFile(req.decomposition));
    if (!found?.table) {
      throw inputError({ zh: "没有找到指标分解表（zg check 能读取的表）", en: "no decomposition table found (a table zg check reads)" }, { file: req.decomposition });
    }
    decomposition = found.table;
  }
  const inputs = expandInputs(req.positionals);
  const files: CollectFile[] = [];
  for (const file of inputs) {
    try {
      const bytes = readInput(file, path.basename(file));
      files.push({ file, sheets: await readWorkbookBuffer(bytes, path.basename(file)), modified: workbookModified(bytes, zlibInflater) });
    } catch (e) {
      // One unreadable file is that file's problem; the others are still collected.
      if (!(e instanceof CliError)) throw e;
      files.push({ file, sheets: null, readError: { msg: e.text, sheet: e.place.sheet, cell: e.place.cell } });
    }
  }
  const result = collectCounties(files, { city: req.city ?? null, decomposition, prefer: req.prefer });
  const written = result.counties.length > 0;
  if (written) {
    const [{ saveWorkbook, templateWorkbook }] = await Promise.all([import("./write-xlsx")]);
    const wb = templateWorkbook([asTemplate(result.completion, [10, 16, 46, 8, 14, 14, 40]), asTemplate(result.county, [16, 10, 10, 14, 10, 10, 10, 16, 12, 16]), reportSheet(result)]);
    await saveWorkbook(wb, req.out as string, { force: req.force, inputs: [...inputs, ...(req.decomposition ? [req.decomposition] : [])] });
  }
  const json: CollectJson = {
    files: result.files.map((f) => ({ file: f.file, county: f.county, rows: f.rows, status: f.status, problems: f.problems })),
    missing: result.missing,
    returned: result.returned,
    out: written ? (req.out as string) : null,
    warnings: result.warnings,
  };
  if (req.json) out.stdout(JSON.stringify(json, null, 2));
  else out.stdout(render(json, result, out.colour).join("\n"));
  if (!written) {
    out.stderr("zg 错误：没有可汇总的自评表，未写出文件");
    out.stderr("zg error: no self-assessment could be collected; nothing was written");
    return 2;
  }
  return 0;
}

/** A grid as a template sheet: header row styled, figures written as text where they are text (never a formula). */
function asTemplate(sheet: SheetData, widths: number[]): TemplateSheet {
  const cols = sheet.cells[0]?.length ?? 0;
  return {
    name: sheet.name,
    cells: sheet.cells,
    merges: [],
    columnWidths: widths,
    styles: { titleRows: [], headerRows: [0], noteRows: [], table: { top: 0, left: 0, bottom: sheet.cells.length - 1, right: cols - 1 }, wrapText: false },
    validations: [],
    // Text format on every data cell, so '12%' and '1300台' stay as the county typed them.
    numberFormats: sheet.cells.map((row, r) => row.map((v) => (r > 0 && typeof v === "string" ? "@" : null))),
    freeze: { rows: 1, columns: 0 },
  };
}

function reportSheet(r: CollectResult): TemplateSheet {
  const cells: SheetData["cells"] = [["文件 / file", "县（市、区）", "状态 / status", "行数 / rows", "问题 / problems"]];
  for (const f of r.files) {
    cells.push([f.file, f.county ?? "", f.status === "ok" ? "已汇总 ok" : "未汇总 rejected", f.rows, f.problems.map((p) => p.zh).join("\n")]);
  }
  for (const w of r.warnings) cells.push(["", "", "", null, w.zh]);
  return {
    ...asTemplate({ name: REPORT_SHEET, cells }, [30, 16, 16, 10, 90]),
    styles: { titleRows: [], headerRows: [0], noteRows: [], table: { top: 0, left: 0, bottom: cells.length - 1, right: 4 }, wrapText: true },
  };
}

function render(json: CollectJson, r: CollectResult, colour: boolean): string[] {
  const lines = [`设区市 / city: ${r.city ? `${r.city.name} (${r.city.en})` : "—"}`, "", "汇总 / collected:"];
  const rows: Cell[][] = json.files.map((f) => [
    visible(f.file),
    f.county ?? "—",
    String(f.rows),
    f.status === "ok" ? { text: "已汇总 ok", tone: "good" } : { text: "未汇总 rejected", tone: "bad" },
  ]);
  lines.push(...renderTable([{ title: "文件" }, { title: "县（市、区）" }, { title: "行数", align: "right" }, { title: "状态" }], rows, colour, 60));
  const problems = json.files.flatMap((f) => f.problems.map((p) => ({ f, p })));
  if (problems.length) {
    lines.push("", `问题 / problems (${problems.length}):`);
    for (const { f, p } of problems) lines.push(`  · 文件“${visible(f.file)}” ${shownMessage(p.zh)}`, `    ${visible(f.file)}, ${shownMessage(p.en)}`);
  }
  if (json.returned.length) lines.push("", `退回 / sent back (${json.returned.length}): ${json.returned.join("、")}`);
  if (json.missing.length) lines.push("", `未报送 / missing (${json.missing.length}): ${json.missing.join("、")}`);
  if (json.out) lines.push("", `已写入 / written: ${visible(json.out)}（${SELF_ASSESSMENT_SHEETS.completion}、${SELF_ASSESSMENT_SHEETS.county}、${REPORT_SHEET}）`, `下一步 / next: zg score ${visible(json.out)}`);
  return lines;
}
