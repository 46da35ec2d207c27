/**
 * The `zg` command line (cli.md): main(argv) runs one command and resolves to its exit status —
 * 0 when the command ran (whatever it found), 2 for unusable input or arguments (message on stderr).
 */
import { parseArgs } from "./args";
import { CliError, errorLines } from "./errors";
import { helpText } from "./help";
import { processOutput, type Output } from "./output";
import { visible } from "./format";

export async function main(argv: string[], out: Output = processOutput()): Promise<number> {
  try {
    const req = parseArgs(argv);
    if (req.version) {
      out.stdout(version());
      return 0;
    }
    if (req.help) {
      out.stdout(helpText(req.command));
      return 0;
    }
    switch (req.command) {
      // Loaded on demand, so --help and argument errors answer without loading ExcelJS.
      case "check":
        return await (await import("./check-command")).runCheck(req, out);
      case "score":
        return await (await import("./score-command")).runScore(req, out);
      case "template":
        return await (await import("./template-command")).runTemplate(req, out);
      case "collect":
        return await (await import("./collect-command")).runCollect(req, out);
      case "gap":
        return await (await import("./gap-command")).runGap(req, out);
      default:
        out.stdout(helpText(null));
        return 0;
    }
  } catch (e) {
    if (e instanceof CliError) {
      for (const line of errorLines(e)) out.stderr(line);
      return 2;
    }
    // Anything else is a fault of ours, not of the input: say so plainly rather than blame the file.
    out.stderr(`zg 内部错误 / internal error: ${visible((e as Error)?.stack ?? String(e), true)}`);
    return 1;
  }
}

function version(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return `zg ${(require("../../../package.json") as { version: string }).version}`;
  } catch {
    return "zg";
  }
}
