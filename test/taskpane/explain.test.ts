/**
 * Every explanation reproduces its number digit for digit: for every field of every county of the 90-county sample,
 * at both stages, with the default options and with top = 8 (where S ÷ (top × J) differs from S ÷ (10 × J)), the
 * calculation shown evaluates to the figure the pane shows, J is the group's J as the engine counts it, and what a
 * sum is made of adds up to the sum.
 */
import * as path from "path";
import { runSelection } from "../../src/core/select";
import { scoreGroup } from "../../src/core/score";
import { cityKey } from "../../src/core/reference";
import type { CountyInput, ScoreOptions, SelectionResult, SheetData } from "../../src/core/types";
import { explain, type ScoreField } from "../../src/taskpane/explain";
import { fmtScore } from "../../src/taskpane/i18n";
import { detectHeader, isCompletionSheet, isCountySheet, readCounties } from "../../src/taskpane/scoreInput";

jest.setTimeout(120_000);

const SAMPLE = path.join(__dirname, "..", "..", "assets", "samples", "sample-completion.xlsx");

let counties: CountyInput[];

beforeAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { readWorkbookFile } = require("../../src/cli/read-xlsx") as { readWorkbookFile: (f: string) => Promise<SheetData[]> };
  const sheets = await readWorkbookFile(SAMPLE);
  const completion = sheets.find((s) => isCompletionSheet(detectHeader(s)))!;
  const county = sheets.find((s) => s !== completion && isCountySheet(detectHeader(s))) ?? null;
  const input = readCounties(completion, detectHeader(completion)!, county, county ? detectHeader(county) : null);
  if (!input.ok) throw new Error(input.error.en);
  counties = input.counties;
});

/** The left side of a calculation, evaluated: digits, + − × ÷ and brackets only (nothing else may appear). */
function evaluate(expr: string): number {
  const js = expr.replace(/×/g, "*").replace(/÷/g, "/").replace(/−/g, "-");
  if (!/^[\d.\s+\-*/()]+$/.test(js)) throw new Error(`not a calculation: ${expr}`);
  return Function(`"use strict"; return (${js});`)() as number;
}

const FIELDS: ScoreField[] = ["completionPoints", "overPoints", "targetScore", "overScore", "policyScore", "total", "rank"];

function checkAll(result: SelectionResult, o: Partial<ScoreOptions>): number {
  let checked = 0;
  const stages: ["city" | "province", SelectionResult["counties"] | SelectionResult["province"]][] = [
    ["city", result.counties],
    ["province", result.province],
  ];
  for (const [stage, units] of stages) {
    for (const u of units) {
      // The group as the engine ranks it, scored again on its own: J is its indicatorCount.
      const members = stage === "city" ? counties.filter((c) => cityKey(c.city) === cityKey(u.city)) : result.province.map((p) => counties.find((c) => c.county === p.county && c.city === p.city)!);
      const J = scoreGroup(members, { ...result.options, ...o }).indicatorCount;
      for (const field of FIELDS) {
        const e = explain(u, field, result, stage);
        const shownInPane = field === "rank" ? String(stage === "city" ? (u as { cityRank: number }).cityRank : (u as { rank: number }).rank) : fmtScore(u[field]);
        const [left, right] = e.calc!.split(" = ");
        const where = `${u.county} ${stage} ${field}: ${e.calc}`;
        expect([where, right]).toEqual([where, shownInPane]);
        expect([where, field === "rank" ? String(evaluate(left)) : fmtScore(evaluate(left))]).toEqual([where, shownInPane]);
        expect([where, e.value]).toEqual([where, shownInPane]);
        if (result.options.std === "full" && (field === "targetScore" || field === "overScore") && J > 0) {
          expect([where, e.calc!.includes(`(${result.options.top} × ${J})`)]).toEqual([where, true]);
        }
        if (field === "targetScore" || field === "completionPoints") {
          // What is behind S: one line per indicator, and their points add up to S.
          const pts = e.lines.map((l) => Number(/([\d.]+) 分$/.exec(l.zh)![1]));
          expect(fmtScore(pts.reduce((a, b) => a + b, 0))).toBe(fmtScore(u.completionPoints));
        }
        if (field === "policyScore") {
          const pts = e.lines.map((l) => /([\d.]+) 分$/.exec(l.zh)).filter((m) => m).map((m) => Number(m![1]));
          expect([where, fmtScore(pts.reduce((a, b) => a + b, 0))]).toEqual([where, fmtScore(u.policyScore)]);
        }
        checked++;
      }
    }
  }
  return checked;
}

test.each([
  ["defaults", {}],
  ["top = 8", { top: 8 }],
  ["top = 8, std max, step 0.3", { top: 8, std: "max" as const, step: 0.3 }],
])("every explanation of every county reproduces its number (%s)", (_, o) => {
  const result = runSelection(counties, o);
  expect(result.counties).toHaveLength(90);
  expect(result.province.length).toBeGreaterThan(6);
  const checked = checkAll(result, o);
  expect(checked).toBe((90 + result.province.length) * FIELDS.length);
});

test("top ≠ 10: the explanation says top × J, as the engine computes, not 10 × J", () => {
  const result = runSelection(counties, { top: 8 });
  const u = result.province[0];
  const e = explain(u, "targetScore", result, "province");
  expect(e.calc).toMatch(/÷ \(8 × \d+\) × 60 = /);
  expect(e.rule.zh).toContain("第1名得分为 8");
});
