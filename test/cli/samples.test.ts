/** The committed samples are exactly what scripts/make-samples.js makes (cell values, merges, formats; not bytes). */
import * as fs from "fs";
import * as path from "path";
import { makeSamples, SAMPLE_FILES, seeded } from "../../src/cli/make-samples";
import { readWorkbookFile } from "../../src/cli/read-xlsx";
import { COUNTIES_2020, INDICATORS_2020 } from "../../src/core/reference";
import { SAMPLES, tmpDir } from "./helpers";

jest.setTimeout(120_000);
let fresh: string;
beforeAll(async () => {
  fresh = tmpDir("zg-samples-");
  await makeSamples(fresh);
}, 120_000);

test.each(Object.values(SAMPLE_FILES))("%s matches the generator", async (name) => {
  const committed = path.join(SAMPLES, name);
  expect(fs.existsSync(committed)).toBe(true);
  const a = await readWorkbookFile(committed);
  const b = await readWorkbookFile(path.join(fresh, name));
  expect(a).toEqual(b);
});

test("the generator is seeded: the same sequence every time", () => {
  const x = seeded(42);
  const y = seeded(42);
  const xs = Array.from({ length: 5 }, x);
  expect(Array.from({ length: 5 }, y)).toEqual(xs);
  expect(new Set(xs).size).toBe(5);
  for (const v of xs) expect(v >= 0 && v < 1).toBe(true);
});

test("the completion sample covers 90 counties × 18 indicators and says on its sheets that the figures are made up", async () => {
  const sheets = await readWorkbookFile(path.join(SAMPLES, SAMPLE_FILES.completion));
  expect(sheets.map((s) => s.name)).toEqual(["说明", "完成情况", "县"]);
  const [guide, completion, county] = sheets;
  expect(String(guide.cells[1][0])).toContain("虚构");
  expect(String(completion.cells[0][0])).toContain("虚构");
  expect(String(completion.cells[0][0])).toContain("MADE UP");
  const rows = completion.cells.slice(2);
  expect(rows).toHaveLength(90 * 18);
  expect(new Set(rows.map((r) => r[1])).size).toBe(COUNTIES_2020.length);
  expect(new Set(rows.map((r) => r[2])).size).toBe(INDICATORS_2020.length);
  expect(county.cells.slice(1)).toHaveLength(90);
  // Some actuals are numbers shown as percentages, the form that needs the number format to read right.
  expect(completion.numberFormats?.some((row) => row?.includes("0.0%"))).toBe(true);
});
