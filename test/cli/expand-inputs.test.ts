/**
 * zg collect expands folders and * / ? itself: Windows shells pass `报送/*.xlsx` through unexpanded.
 */
import * as fs from "fs";
import * as path from "path";
import { expandInputs } from "../../src/cli/expand-inputs";
import { CliError } from "../../src/cli/errors";
import { buildCli, tmpDir, zg } from "./helpers";

function folder(names: string[]): string {
  const dir = tmpDir("zg-expand-");
  fs.mkdirSync(path.join(dir, "报送"));
  for (const n of names) fs.writeFileSync(path.join(dir, "报送", n), "x");
  return dir;
}

test("a folder stands for its .xlsx files, sorted, without Excel's lock files", () => {
  const dir = folder(["江山市.xlsx", "柯城区.XLSX", "~$柯城区.xlsx", "说明.txt", "衢江区.xls"]);
  const sub = path.join(dir, "报送");
  expect(expandInputs([sub])).toEqual([path.join(sub, "柯城区.XLSX"), path.join(sub, "江山市.xlsx")]);
});

test("* and ? in the file name are expanded; other arguments pass through; duplicates once", () => {
  const dir = folder(["a1.xlsx", "a2.xlsx", "b10.xlsx", "~$a1.xlsx"]);
  const sub = path.join(dir, "报送");
  expect(expandInputs([path.join(sub, "a?.xlsx")])).toEqual([path.join(sub, "a1.xlsx"), path.join(sub, "a2.xlsx")]);
  expect(expandInputs([path.join(sub, "*.xlsx"), path.join(sub, "a1.xlsx")])).toEqual(["a1", "a2", "b10"].map((n) => path.join(sub, `${n}.xlsx`)));
  expect(expandInputs(["missing.xlsx"])).toEqual(["missing.xlsx"]);
});

test("a pattern that matches nothing, an empty folder, or a wildcard in a folder name is a clear error", () => {
  const dir = folder(["a.xlsx"]);
  const sub = path.join(dir, "报送");
  expect(() => expandInputs([path.join(sub, "*.xls")])).toThrow(CliError);
  expect(() => expandInputs([path.join(sub, "*.xls")])).toThrow(/no file matches/);
  const empty = tmpDir("zg-expand-empty-");
  expect(() => expandInputs([empty])).toThrow(/holds no \.xlsx/);
  expect(() => expandInputs([path.join(dir, "*", "a.xlsx")])).toThrow(/only the file name/);
});

test("zg collect given a folder and given a quoted pattern reads the same files", () => {
  buildCli();
  const dir = tmpDir("zg-collect-expand-");
  fs.mkdirSync(path.join(dir, "报送"));
  for (const c of ["柯城区", "江山市"]) expect(zg(["template", "self-assessment", path.join("报送", `${c}.xlsx`), "--city", "衢州"], { cwd: dir }).status).toBe(0);
  const files = (args: string[]) => {
    const r = zg(["collect", ...args, "--out", "全市.xlsx", "--json"], { cwd: dir });
    return (JSON.parse(r.stdout) as { files: { file: string }[] }).files.map((f) => f.file);
  };
  const expected = [path.join("报送", "柯城区.xlsx"), path.join("报送", "江山市.xlsx")];
  expect(files(["报送"])).toEqual(expected);
  expect(files(["报送/*.xlsx"])).toEqual(expected);
});
