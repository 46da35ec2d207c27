/** Argument parsing and option validation (in process; exit statuses are tested on the built command). */
import { parseArgs } from "../../src/cli/args";
import { CliError } from "../../src/cli/errors";
import { DEFAULT_OPTIONS } from "../../src/core/types";

function refused(argv: string[]): CliError {
  try {
    parseArgs(argv);
  } catch (e) {
    if (e instanceof CliError) return e;
    throw e;
  }
  throw new Error(`accepted: ${argv.join(" ")}`);
}

test("score defaults are the rules' defaults", () => {
  const r = parseArgs(["score", "a.xlsx"]);
  expect(r).toMatchObject({ command: "score", positionals: ["a.xlsx"], json: false, force: false });
  expect(r.options).toEqual(DEFAULT_OPTIONS);
});

test("every score option is read, with a space or =", () => {
  const r = parseArgs([
    "score", "a.xlsx", "--top", "20", "--step=1", "--floor", "2", "--std", "max", "--basis=value",
    "--slots", "8", "--min-accelerated", "2", "--margin=0.5", "--unassigned", "zero", "--json", "--out", "r.xlsx", "--force",
  ]);
  expect(r.options).toEqual({ top: 20, step: 1, floor: 2, std: "max", basis: "value", slots: 8, minAccelerated: 2, margin: 0.5, unassigned: "zero" });
  expect(r).toMatchObject({ json: true, out: "r.xlsx", force: true });
});

test.each([
  [["--top", "0"], "--top"],
  [["--top", "ten"], "--top"],
  [["--step", "-0.5"], "--step"],
  [["--floor", "11"], "--floor"],
  [["--margin", "-0.1"], "--margin"],
  [["--margin", "11"], "--margin"],
  [["--std", "mean"], "--std"],
  [["--basis", "rank"], "--basis"],
  [["--slots", "0"], "--slots"],
  [["--slots", "2.5"], "--slots"],
  [["--min-accelerated", "7"], "--min-accelerated"],
  [["--min-accelerated", "-1"], "--min-accelerated"],
  [["--top"], "--top"],
  [["--top", "10", "--top", "9"], "--top"],
  [["--sheet", "x"], "--sheet"],
  [["--colour"], "--colour"],
])("score %j is refused with a message naming %s", (extra, name) => {
  const e = refused(["score", "a.xlsx", ...extra]);
  expect(e.text.zh).toContain(name);
  expect(e.text.en).toContain(name);
});

test("check takes --sheet and one file; template takes a kind and an output", () => {
  expect(parseArgs(["check", "t.xlsx", "--sheet", "表 1", "--json"])).toMatchObject({ sheet: "表 1", json: true });
  expect(parseArgs(["template", "decomposition", "o.xlsx"])).toMatchObject({ positionals: ["decomposition", "o.xlsx"], out: "o.xlsx" });
  expect(parseArgs(["template", "self-assessment", "--out", "o.xlsx", "--city", "丽水"])).toMatchObject({ out: "o.xlsx", city: "丽水" });
  expect(refused(["check"]).text.zh).toContain("缺少");
  expect(refused(["check", "a.xlsx", "b.xlsx"]).text.en).toContain("b.xlsx");
  expect(refused(["template", "decomposition"]).text.en).toContain("missing output");
  expect(refused(["check", "a.xlsx", "--top", "3"]).text.en).toContain("--top");
  expect(refused(["frobnicate"]).text.zh).toContain("未知命令");
});

test("help: no arguments, --help, help COMMAND and COMMAND --help", () => {
  expect(parseArgs([])).toMatchObject({ help: true, command: null });
  expect(parseArgs(["--help"])).toMatchObject({ help: true, command: null });
  expect(parseArgs(["help", "score"])).toMatchObject({ help: true, command: "score" });
  // --help wins even over otherwise incomplete arguments.
  expect(parseArgs(["check", "--help"])).toMatchObject({ help: true, command: "check" });
});

test("collect --prefer names a file to count for its county, once per file", () => {
  expect(parseArgs(["collect", "a.xlsx", "b.xlsx", "--out", "o.xlsx", "--prefer", "a.xlsx", "--prefer=b.xlsx"]).prefer).toEqual(["a.xlsx", "b.xlsx"]);
});

test("--unassigned exclude|zero for score and gap (rules.md §5), exclude by default; anything else refused", () => {
  expect(parseArgs(["score", "a.xlsx"]).options.unassigned).toBe("exclude");
  expect(parseArgs(["score", "a.xlsx", "--unassigned", "zero"]).options.unassigned).toBe("zero");
  expect(parseArgs(["gap", "a.xlsx", "--county", "淳安县", "--unassigned=exclude"]).options.unassigned).toBe("exclude");
  expect(() => parseArgs(["score", "a.xlsx", "--unassigned", "skip"])).toThrow();
});
