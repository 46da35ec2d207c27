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

test("the score output says which readings of ours it applies: the 标准分 formula, and the unassigned rule when used", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { readingsOfOurs } = require("../../src/cli/score-command") as typeof import("../../src/cli/score-command");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { runSelection } = require("../../src/core/select") as typeof import("../../src/core/select");
  const u = (county: string, t2: string | null) => ({
    county,
    city: "杭州市",
    policy: {},
    entries: [
      { indicator: "传统制造业新增工业机器人", target: "100台", actual: "120台" },
      { indicator: "上云企业", target: t2, actual: t2 ? "10家" : null },
    ],
  });
  const plain = readingsOfOurs(runSelection([u("上城区", "10家"), u("西湖区", "10家")]));
  expect(plain.join("\n")).toContain("本工具默认，文件只写“折算为标准分”");
  expect(plain.join("\n")).not.toContain("目标为 0 或空白");
  const applied = readingsOfOurs(runSelection([u("上城区", "10家"), u("西湖区", null)], { unassigned: "zero" }));
  expect(applied.join("\n")).toContain("计入本县的指标数 J、得 0 分（本工具的读法");
});
