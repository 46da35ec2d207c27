/** Where a command writes: its own module, so the commands and main() do not import each other. */
import { useColour } from "./format";

/** Where a command writes: standard output (results) and standard error (messages). */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Colour the terminal table (stdout is a TTY and NO_COLOR is unset). */
  colour: boolean;
}

/**
 * A reader that stops early (`zg … | head`, `| more` closed) closes the pipe: the next write fails with EPIPE, which
 * Node raises as an unhandled error with a stack. Nothing more can be shown, so zg ends quietly with status 0, as
 * other command-line programs do.
 */
function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  if (stream.listenerCount("error") > 0) return;
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
}

export function processOutput(): Output {
  endQuietlyOnClosedPipe(process.stdout);
  return {
    stdout: (t) => process.stdout.write(t.endsWith("\n") ? t : t + "\n"),
    stderr: (t) => process.stderr.write(t.endsWith("\n") ? t : t + "\n"),
    colour: useColour(process.stdout, process.env),
  };
}
