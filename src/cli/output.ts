/** Where a command writes: its own module, so the commands and main() do not import each other. */
import { useColour } from "./format";

/** Where a command writes: standard output (results) and standard error (messages). */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Colour the terminal table (stdout is a TTY and NO_COLOR is unset). */
  colour: boolean;
}

export function processOutput(): Output {
  return {
    stdout: (t) => process.stdout.write(t.endsWith("\n") ? t : t + "\n"),
    stderr: (t) => process.stderr.write(t.endsWith("\n") ? t : t + "\n"),
    colour: useColour(process.stdout, process.env),
  };
}
