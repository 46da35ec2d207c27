/**
 * The city's March round (issue 16), whole process as a user runs it, median of 5: `zg collect` of 12 county files
 * (each the city's self-assessment template with one county's rows filled) into one city workbook, then `zg gap` of
 * one county of it.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { INDICATORS_2020, countiesOf } from "../src/core/reference";
import { selfAssessmentTemplate } from "../src/core/templates";
import { saveWorkbook, templateWorkbook } from "../src/cli/write-xlsx";
import { timed } from "./cli";
import type { Measurement } from "./measure";

const CITY = "杭州市";

async function countyFile(dir: string, county: string, i: number): Promise<string> {
  const { sheets } = selfAssessmentTemplate({ city: CITY });
  for (const row of sheets[0].cells.slice(1)) {
    if (row[1] !== county) continue;
    const j = INDICATORS_2020.findIndex((x) => x.name === row[2]);
    const unit = INDICATORS_2020[j].displayUnit;
    row[4] = `${(j + 1) * 10}${unit}`;
    row[5] = `${(j + 1) * 10 + ((i * 7 + j * 3) % 11) - 4}${unit}`;
  }
  const file = path.join(dir, `${county}.xlsx`);
  await saveWorkbook(templateWorkbook(sheets), file, { force: true });
  return file;
}

/** Needs dist/cli built (measureCli builds it first). */
export async function measureCity(): Promise<Measurement[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zg-bench-city-"));
  const out: Measurement[] = [];
  try {
    const counties = countiesOf(CITY).slice(0, 12).map((c) => c.name);
    // One at a time: each save registers its own signal handlers until it is done.
    const files: string[] = [];
    for (const [i, c] of counties.entries()) files.push(await countyFile(dir, c, i));
    const city = path.join(dir, "city.xlsx");
    const runs: [string, string[], number, string][] = [
      ["cli.collect.12.ms", ["collect", ...files, "--out", city, "--force", "--json"], 2000, "zg collect，12 个县自评表 → 全市工作簿，整个进程 / 12 county files → one city workbook, whole process, median of 5"],
      ["cli.gap.ms", ["gap", city, "--county", counties[5], "--json"], 600, "zg gap，12 县中的一个，整个进程 / one county of 12, whole process, median of 5"],
    ];
    for (const [name, args, budget, note] of runs) {
      const r = timed(args, 5);
      if (r.status !== 0) throw new Error(`zg ${args[0]} exited ${r.status}`);
      out.push({ name, value: r.ms, unit: "ms", budget, note });
      out.push({ name: name.replace(/\.ms$/, ".mb"), value: r.mb, unit: "MB", budget: null, note: "峰值内存 / peak memory (GNU time)" });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
