// Lints the cases given as JSON on stdin ({ cwd, cases: [{ file, code }], files: [paths] }) with the project's ESLint
// config and prints the messages as JSON. Run by layers.test.ts in its own process: ESLint loads its config with
// a dynamic import, which jest's module system cannot do.
import { ESLint } from "eslint";
import path from "node:path";

const input = JSON.parse(await new Promise((resolve) => {
  let s = "";
  process.stdin.on("data", (d) => (s += d));
  process.stdin.on("end", () => resolve(s));
}));
const root = path.resolve(import.meta.dirname, "..", "..");
const eslint = new ESLint({ cwd: input.cwd ?? root, overrideConfigFile: path.join(root, "eslint.config.mjs") });
const out = { cases: [], files: [] };
for (const c of input.cases ?? []) {
  const [r] = await eslint.lintText(c.code, { filePath: path.join(input.cwd ?? root, c.file) });
  out.cases.push(r.messages.map((m) => ({ rule: m.ruleId, message: m.message })));
}
if (input.files?.length) {
  for (const r of await eslint.lintFiles(input.files)) {
    out.files.push({ file: path.relative(input.cwd ?? root, r.filePath), messages: r.messages.map((m) => ({ rule: m.ruleId, message: m.message })) });
  }
}
process.stdout.write(JSON.stringify(out));
