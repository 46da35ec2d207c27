/** `zg score` on one county's own return: recognised and pointed to `zg collect`, not 0.00 for every other county. */
import { readScoreInput } from "../../src/cli/score-input";
import { CliError } from "../../src/cli/errors";
import type { SheetData } from "../../src/core/types";

const head = ["设区市", "县（市、区）", "指标", "目标", "完成"];
const sheet = (rows: (string | null)[][]): SheetData[] => [{ name: "完成情况", cells: [head, ...rows] }];

test("a county's own return (its rows filled, the city's others empty) is said to be one and pointed to collect", () => {
  const rows = [
    ["丽水市", "莲都区", "传统制造业新增工业机器人", "100台", "120台"],
    ["丽水市", "龙泉市", "传统制造业新增工业机器人", "100台", null],
    ["丽水市", "青田县", "传统制造业新增工业机器人", "100台", null],
  ];
  let thrown: unknown;
  try {
    readScoreInput(sheet(rows), "莲都区.xlsx");
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(CliError);
  const e = thrown as CliError;
  expect(e.text.zh).toContain("莲都区一个县（市、区）的自评表");
  expect(e.text.zh).toContain("zg collect");
  expect(e.text.en).toContain("the other 2 counties are empty");
  // Two counties with actuals: a city's table, read as before.
  rows[1][4] = "110台";
  expect(readScoreInput(sheet(rows), "全市.xlsx").counties).toHaveLength(3);
});
