/**
 * The workbooks a command was given, as a shell on Linux or macOS would have expanded them: Windows shells (cmd,
 * PowerShell) pass `报送/*.xlsx` through unexpanded, so zg expands `*` and `?` itself, and a folder stands for the
 * .xlsx files in it. Only the last part of a path may hold wildcards; names are sorted by code point so the order
 * is the same on every machine; Excel's lock files (~$名称.xlsx) are left out.
 */
import * as fs from "fs";
import * as path from "path";
import { argumentError } from "./errors";

const WILDCARD = /[*?]/;

function isLockFile(name: string): boolean {
  return name.startsWith("~$");
}

/** `*` any run of characters, `?` one character, anything else literally; case-insensitive as Windows names are. */
function wildcardPattern(glob: string): RegExp {
  const body = Array.from(glob)
    .map((ch) => (ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${body}$`, "iu");
}

function listDir(dir: string, shown: string): string[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    throw argumentError({ zh: `无法读取文件夹“${shown}”`, en: `cannot read the folder "${shown}"` });
  }
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function expandInputs(args: readonly string[]): string[] {
  const out: string[] = [];
  for (const arg of args) {
    const stat = fs.statSync(arg, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      const found = listDir(arg, arg).filter((n) => /\.xlsx$/i.test(n) && !isLockFile(n)).sort(byCodePoint);
      if (found.length === 0) throw argumentError({ zh: `文件夹“${arg}”中没有 .xlsx 文件`, en: `the folder "${arg}" holds no .xlsx file` });
      out.push(...found.map((n) => path.join(arg, n)));
    } else if (!stat && WILDCARD.test(arg)) {
      const dir = path.dirname(arg);
      if (WILDCARD.test(dir)) {
        throw argumentError({ zh: `“${arg}”：只有文件名部分可以用 * 或 ?`, en: `"${arg}": only the file name may hold * or ?` });
      }
      const pattern = wildcardPattern(path.basename(arg));
      const found = listDir(dir, dir).filter((n) => pattern.test(n) && !isLockFile(n)).sort(byCodePoint);
      if (found.length === 0) throw argumentError({ zh: `没有与“${arg}”匹配的文件`, en: `no file matches "${arg}"` });
      // As the shell would write them: "报送/*.xlsx" gives "报送/a.xlsx", "*.xlsx" gives "a.xlsx".
      out.push(...found.map((n) => (dir === "." && !arg.startsWith(".") ? n : path.join(dir, n))));
    } else {
      out.push(arg);
    }
  }
  return [...new Set(out)];
}
