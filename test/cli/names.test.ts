/** Names as an official types them: a short county name gets a suggestion, an unknown city the list of the 11. */
import { parseArgs } from "../../src/cli/args";
import { runCollect } from "../../src/cli/collect-command";
import { unknownCounty } from "../../src/cli/gap-command";
import { CliError } from "../../src/cli/errors";
import { COUNTIES_2020 } from "../../src/core/reference";

const err = { zh: "评分表中没有县（市、区）“淳安”", en: "the score input has no county \"淳安\"" };

test("gap --county 淳安 suggests 淳安县, not the whole roster", () => {
  const names = COUNTIES_2020.map((c) => c.name);
  const m = unknownCounty(err, "淳安", names);
  expect(m.zh).toContain("是否指：淳安县？");
  expect(m.en).toContain("did you mean 淳安县?");
  expect(m.zh).not.toContain("建德市");
  // Nothing close: the count and a few names, not all 90.
  const far = unknownCounty(err, "不存在", names);
  expect(far.zh).toContain("表中有 90 个县（市、区）");
  expect(names.filter((n) => far.zh.includes(n)).length).toBe(5);
});

test("collect --city 北京 lists the 11 cities", async () => {
  const req = parseArgs(["collect", "a.xlsx", "--out", "o.xlsx", "--city", "北京"]);
  const out = { stdout: () => undefined, stderr: () => undefined, colour: false };
  const e = await runCollect(req, out).then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(CliError);
  const text = (e as CliError).text;
  for (const city of ["杭州市", "宁波市", "温州市", "湖州市", "嘉兴市", "绍兴市", "金华市", "衢州市", "舟山市", "台州市", "丽水市"]) expect(text.zh).toContain(city);
  expect(text.en).toContain("the 11 are");
});
