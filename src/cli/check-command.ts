/** `zg check FILE [--sheet NAME] [--json] [--out RESULT.xlsx]` (cli.md). */
import * as path from "path";
import type { SheetCheck, SheetData, ZgIssue } from "../core/types";
import { checkSheet } from "../core/table";
import { normalizeText } from "../core/parse";
import { bilingual, fewNames, NAMES_SHOWN } from "../core/messages";
import type { Request } from "./args";
import { CliError, inputError, issuesError } from "./errors";
import { readWorkbookFile, type ReadSheet } from "./read-xlsx";
import { renderTable, quantity, shownPair, visible, type Cell } from "./format";
import { KIND, STATUS, toJson, type CheckJson } from "./check-json";
import type { Output } from "./output";

export { toJson, type CheckJson, type CheckJsonResult } from "./check-json";

export async function runCheck(req: Request, out: Output): Promise<number> {
  const file = req.positionals[0];
  const shown = path.basename(file);
  // With --sheet only that sheet's cells are read (the others are listed by name, for the message if it is missing).
  const wanted = req.sheet;
  const sheets = await readWorkbookFile(file, wanted === undefined ? {} : { wanted: (n) => n === wanted || normalizeText(n) === normalizeText(wanted) });
  const checked = findCheckedSheet(sheets, req.sheet, shown);
  // checkSheet's issues already hold every result's issues, in table order.
  const errors = checked.issues.filter((i) => i.severity === "error");
  if (errors.length > 0) throw issuesError(shown, errors);
  // What the read left out or cut (a far cell, an overlong text) leads the warnings, as in the task pane.
  const notices = sheets.find((s) => s.name === checked.sheet)?.notices ?? [];
  const found = notices.length ? { ...checked, issues: [...notices, ...checked.issues] } : checked;

  const json = toJson(shown, found);
  if (req.out) {
    // ExcelJS is loaded only here: reading and checking never need it.
    const [{ checkWorkbook }, { saveWorkbook, checkOutSize }] = await Promise.all([import("./check-workbook"), import("./write-xlsx")]);
    // The result rows (10 columns) and the detail sheet (indicator, unit and each child), counted before building.
    const children = found.table?.childNames.length ?? 0;
    checkOutSize(json.results.length * 10 + found.results.length * (children + 2), {
      zh: `${found.results.length} 个指标 × ${children} 个下级地区`,
      en: `${found.results.length} indicators × ${children} child units`,
    });
    await saveWorkbook(checkWorkbook(json, found), req.out, { force: req.force, inputs: [file] });
  }

  if (req.json) {
    out.stdout(JSON.stringify(json, null, 2));
  } else {
    out.stdout(renderCheck(json, found, out.colour).join("\n"));
    if (req.out) out.stdout(`\n已写入 / written: ${visible(req.out)}`);
  }
  return 0;
}

/** The sheet asked for with --sheet, else the first sheet holding a decomposition table. */
export function findCheckedSheet(sheets: (SheetData | ReadSheet)[], wanted: string | undefined, file: string): SheetCheck {
  if (wanted !== undefined) {
    const sheet = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => normalizeText(s.name) === normalizeText(wanted));
    if (!sheet) {
      throw inputError(
        {
          zh: `没有名为“${wanted}”的工作表（现有：${fewNames(sheets.map((s) => s.name)).zh}）`,
          en: `there is no sheet named "${wanted}" (the sheets are: ${fewNames(sheets.map((s) => s.name)).en})`,
        },
        { file },
      );
    }
    const checked = checkSheet(sheet);
    if (!checked.table) throw noTable(file, [sheet], checked.issues);
    return checked;
  }
  const tried: SheetCheck[] = [];
  for (const sheet of sheets) {
    const checked = checkSheet(sheet);
    if (checked.table) return checked;
    tried.push(checked);
  }
  throw noTable(file, sheets, tried.flatMap((t) => t.issues));
}

function noTable(file: string, sheets: SheetData[], issues: ZgIssue[]): CliError {
  // A decomposition template not filled in yet: say that, at its cells, rather than that there is no table.
  const unfilled = issues.find((i) => i.code === "children-empty");
  if (unfilled) return inputError({ zh: unfilled.zh, en: unfilled.en }, { file });
  const names = fewNames(sheets.map((s) => s.name));
  const allWhy = issues.filter((i) => i.severity === "error" && i.code !== "no-table").map((i) => bilingual(i));
  // At most a few reasons, and how many there are: one per sheet of a 1 000-sheet workbook would fill the screen.
  const why = allWhy.length > NAMES_SHOWN ? [...allWhy.slice(0, NAMES_SHOWN), `…（共 ${allWhy.length} 条 / ${allWhy.length} in all）`] : allWhy;
  const single = sheets.length === 1 ? sheets[0].name : undefined;
  return inputError(
    {
      zh: `${single ? "" : `在工作表（${names.zh}）中`}没有找到指标分解表：需要一行或一列指标名称，以及各下级地区的目标${why.length ? `；${why.join("；")}` : ""}`,
      en: `no decomposition table found${single ? "" : ` in the sheets (${names.en})`}: it needs indicator labels in a row or column and the child units' targets${why.length ? `; ${why.join("; ")}` : ""}`,
    },
    { file, sheet: single },
  );
}

function renderCheck(json: CheckJson, checked: SheetCheck, colour: boolean): string[] {
  const lines = [`文件 / file: ${visible(json.file)}    工作表 / sheet: ${visible(json.sheet)}`, ""];
  const rows: Cell[][] = json.results.map((r, i) => {
    // Figures in the unit the table wrote them in (300亿元), as the task pane shows them; --json keeps base units.
    const shown = (x: number | null) => quantity(x, r.unit, checked.results[i]?.displayUnit);
    const childrenUnit = checked.results[i]?.childrenUnit;
    return [
      String(i + 1),
      r.indicator,
      KIND[r.kind],
      shown(r.parent),
      r.kind === "rate" ? "—" : childrenUnit ? quantity(r.childrenTotal, r.unit, childrenUnit) : shown(r.childrenTotal),
      r.gap === null ? "—" : (r.gap > 0 ? "+" : "") + shown(r.gap),
      { text: STATUS[r.status], tone: r.status === "ok" ? "good" : r.status === "short" ? "bad" : "warn" },
      r.short.length ? r.short.join("、") : r.reason ? r.reason.zh : "",
    ];
  });
  lines.push(
    ...renderTable(
      [
        { title: "序号", align: "right" },
        { title: "指标 / indicator" },
        { title: "类型" },
        { title: "上级目标", align: "right" },
        { title: "下级合计", align: "right" },
        { title: "差额", align: "right" },
        { title: "结论" },
        { title: "未达标的下级地区 / 说明" },
      ],
      rows,
      colour,
    ),
  );
  const counts = { ok: 0, short: 0, unchecked: 0 };
  for (const r of json.results) counts[r.status]++;
  lines.push("");
  lines.push(
    `共 ${json.results.length} 项：达标 ${counts.ok}，未达标 ${counts.short}，无法校核 ${counts.unchecked}` +
      ` / ${json.results.length} indicators: ${counts.ok} ok, ${counts.short} short, ${counts.unchecked} unchecked`,
  );
  if (json.warnings.length) {
    lines.push("", `提示 / warnings (${json.warnings.length}):`);
    for (const w of json.warnings) {
      const shown = shownPair(w);
      lines.push(`  · ${shown.zh}`, `    ${shown.en}`);
    };
  }
  return lines;
}

