/** `zg score FILE [options] [--json] [--out RESULT.xlsx]` (cli.md): city stage, then province stage. */
import * as path from "path";
import type { CountyResult, ProvinceResult, SelectionResult, ZgIssue } from "../core/types";
import { runSelection } from "../core/select";
import { STANDARD_FORMULA_OURS, UNASSIGNED_RULE, count } from "../core/catalogue";
import type { Request } from "./args";
import { issuesError } from "./errors";
import { readWorkbookFile } from "./read-xlsx";
import { readScoreInput } from "./score-input";
import { renderTable, score, shownMessage, shownPair, visible, type Cell } from "./format";
import type { Output } from "./output";

const UNIT_FIELDS = ["county", "city", "completionPoints", "overPoints", "targetScore", "overScore", "policyScore", "total"] as const;

export type CountyJson = Pick<CountyResult, (typeof UNIT_FIELDS)[number] | "cityRank" | "recommended">;
export type ProvinceJson = Pick<ProvinceResult, (typeof UNIT_FIELDS)[number] | "rank" | "selected" | "proposed" | "accelerated">;

export interface ScoreJson {
  counties: CountyJson[];
  province: ProvinceJson[];
  warnings: ZgIssue[];
}

export async function runScore(req: Request, out: Output): Promise<number> {
  const file = req.positionals[0];
  const shown = path.basename(file);
  const sheets = await readWorkbookFile(file);
  const input = readScoreInput(sheets, shown);
  const result = runSelection(input.counties, req.options);
  // What the read left out or cut on the sheets used leads the warnings, as in the task pane.
  const used = new Set([input.completionSheet, input.countySheet]);
  const notices = sheets.filter((s) => used.has(s.name)).flatMap((s) => s.notices);
  const warnings = [...notices, ...input.warnings, ...result.warnings];
  const errors = warnings.filter((w) => w.severity === "error");
  if (errors.length > 0) throw issuesError(shown, errors);

  const json = toJson(result, warnings);
  if (req.out) {
    // ExcelJS is loaded only here: reading and scoring never need it.
    const [{ scoreWorkbook }, { saveWorkbook, checkOutSize }] = await Promise.all([import("./score-workbook"), import("./write-xlsx")]);
    // The city and province stages (about a dozen columns a county) and each county's indicator rows, before building.
    const rows = input.counties.reduce((n, c) => n + c.entries.length, 0);
    checkOutSize(input.counties.length * 26 + rows * 12, {
      zh: `${input.counties.length} 个县（市、区）、${rows} 行指标`,
      en: `${input.counties.length} counties, ${rows} indicator rows`,
    });
    const wb = scoreWorkbook({ file: shown, input, result, warnings });
    await saveWorkbook(wb, req.out, { force: req.force, inputs: [file] });
  }
  if (req.json) {
    out.stdout(JSON.stringify(json, null, 2));
  } else {
    out.stdout(renderScore(shown, json, result, out.colour).join("\n"));
    if (req.out) out.stdout(`\n已写入 / written: ${visible(req.out)}`);
  }
  return 0;
}

/**
 * The readings of ours that this result applies, said under the options (rules.md §5–6): the 标准分 formula, a
 * county given no target (the rule of 第三条 switched off is the engine's own warning).
 */
export function readingsOfOurs(result: SelectionResult): string[] {
  const o = result.options;
  const lines = [
    o.std === "full"
      ? `标准分 = S/(${o.top}×J)×60、O/(${o.top}×J)×20：${STANDARD_FORMULA_OURS.zh} / standard score: ${STANDARD_FORMULA_OURS.en}`
      : `标准分 = S/组内最高 S×60：${STANDARD_FORMULA_OURS.zh} / standard score: ${STANDARD_FORMULA_OURS.en}`,
  ];
  if (result.warnings.some((w) => w.code === "unassigned-target")) {
    lines.push(`目标为 0 或空白的指标：${UNASSIGNED_RULE[o.unassigned].zh}`, `  indicators given no target: ${UNASSIGNED_RULE[o.unassigned].en}`);
  }
  return lines;
}

function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Pick<T, K> {
  const r = {} as Pick<T, K>;
  for (const k of keys) r[k] = o[k];
  return r;
}

export function toJson(result: SelectionResult, warnings: ZgIssue[]): ScoreJson {
  return {
    counties: result.counties.map((c) => pick(c, [...UNIT_FIELDS, "cityRank", "recommended"] as const)),
    province: result.province.map((p) => pick(p, [...UNIT_FIELDS, "rank", "selected", "proposed", "accelerated"] as const)),
    warnings,
  };
}

function renderScore(file: string, json: ScoreJson, result: SelectionResult, colour: boolean): string[] {
  const o = result.options;
  const lines: string[] = [
    `文件 / file: ${visible(file)}`,
    `选项 / options: --top ${o.top} --step ${o.step} --floor ${o.floor} --std ${o.std} --basis ${o.basis} --slots ${o.slots} --min-accelerated ${o.minAccelerated} --margin ${o.margin} --unassigned ${o.unassigned}`,
    ...readingsOfOurs(result),
    "",
    "一、设区市推荐环节 / City stage (★ = 推荐 recommended)",
  ];
  // A county ranked above its city's recommendation needs its reason beside it, not only in --json.
  const cityNote = (i: number): Cell => {
    const codes = new Set(result.counties[i]?.reasons.map((r) => r.code));
    if (json.counties[i].recommended) return { text: "★ 推荐", tone: "good" };
    if (codes.has("previous-winner")) return "上年度已获激励，不再推荐 / won last year";
    return "";
  };
  const cityRows: Cell[][] = json.counties.map((c, i) => [
    c.city,
    c.county,
    score(c.targetScore),
    score(c.overScore),
    score(c.policyScore),
    { text: score(c.total), tone: "bold" },
    String(c.cityRank),
    cityNote(i),
  ]);
  lines.push(
    ...renderTable(
      [
        { title: "设区市" },
        { title: "县（市、区）" },
        { title: "目标任务完成分", align: "right" },
        { title: "超目标任务完成分", align: "right" },
        { title: "政策机制分", align: "right" },
        { title: "总分", align: "right" },
        { title: "市内名次", align: "right" },
        { title: "推荐" },
      ],
      cityRows,
      colour,
    ),
  );
  lines.push("", "二、省级部门评送环节 / Province stage (✔ = 建议激励名额内 within the suggested places; ○ = 拟列入督查激励建议名单 on the proposed list)");
  const provRows: Cell[][] = json.province.map((p) => [
    String(p.rank),
    p.city,
    p.county,
    score(p.targetScore),
    score(p.overScore),
    score(p.policyScore),
    { text: score(p.total), tone: "bold" },
    p.accelerated ? "是" : "",
    p.selected ? { text: "✔ 建议激励名额内", tone: "good" } : p.proposed ? "○ 拟列入督查激励建议名单" : { text: "—", tone: "dim" },
  ]);
  lines.push(
    ...renderTable(
      [
        { title: "名次", align: "right" },
        { title: "设区市" },
        { title: "县（市、区）" },
        { title: "目标任务完成分", align: "right" },
        { title: "超目标任务完成分", align: "right" },
        { title: "政策机制分", align: "right" },
        { title: "总分", align: "right" },
        { title: "加快发展县" },
        { title: "结果" },
      ],
      provRows,
      colour,
    ),
  );
  // 第六条（三）: the list goes to 省政府办公厅, which decides; the places inside it are the tool's suggestion.
  const proposed = json.province.filter((p) => p.proposed).map((p) => (p.selected ? `${p.county}✔` : p.county));
  const places = json.province.filter((p) => p.selected).length;
  lines.push(
    "",
    `拟列入督查激励建议名单（${proposed.length} 个，其中建议激励名额内 ${places} 个，✔）/ proposed list (${count(proposed.length, "name", "names")}, ${places} within the suggested places, ✔): ${visible(proposed.join("、"))}`,
  );
  for (const p of result.province) {
    const why = p.reasons.find((r) => r.code === "accelerated-replacement");
    if (why) lines.push(`  ${shownMessage(why.zh)}`);
  }
  if (json.warnings.length) {
    lines.push("", `提示 / warnings (${json.warnings.length}):`);
    for (const w of json.warnings) {
      const shown = shownPair(w);
      lines.push(`  · ${shown.zh}`, `    ${shown.en}`);
    };
  }
  return lines;
}
