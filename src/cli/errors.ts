import type { Msg, ZgIssue } from "../core/types";
import { placeOf } from "../core/messages";
import { shownPair } from "./format";

/** Where unusable input sits: the file always, the sheet and cell where known. */
export interface InputPlace {
  file?: string;
  sheet?: string;
  cell?: string;
}

/**
 * Unusable input or arguments: the command stops with exit status 2 and this message on standard error.
 * Thrown only inside src/cli (the engine returns its problems as values); main() turns it into a message.
 * `text` is the complete message, already naming the file, sheet and cell.
 */
export class CliError extends Error {
  readonly text: Msg;
  readonly place: InputPlace;
  constructor(text: Msg, place: InputPlace = {}) {
    super(text.en);
    this.text = text;
    this.place = place;
  }
}

/** "文件“a.xlsx” 工作表“Sheet1”C5 单元格" / "a.xlsx, Sheet1!C5": the place a message concerns. */
export function describePlace(place: InputPlace): Msg {
  const inner = placeOf({ sheet: place.sheet, cell: place.cell });
  const zhFile = place.file ? `文件“${place.file}”` : "";
  const zh = [zhFile, inner.zh].filter(Boolean).join(" ");
  const en = [place.file ?? "", inner.en].filter(Boolean).join(", ");
  return { zh, en };
}

/** An error about a place: the message is prefixed with the file, sheet and cell. */
export function inputError(msg: Msg, place: InputPlace): CliError {
  const where = describePlace(place);
  return new CliError(
    { zh: where.zh ? `${where.zh}：${msg.zh}` : msg.zh, en: where.en ? `${where.en}: ${msg.en}` : msg.en },
    place,
  );
}

/** An engine issue (whose text already starts with its sheet and cell) as unusable input of a file. */
export function issueError(file: string, found: ZgIssue): CliError {
  return new CliError(
    { zh: `文件“${file}” ${found.zh}`, en: `${file}, ${found.en}` },
    { file, sheet: found.sheet, cell: found.cell },
  );
}

/** Cells the engine could not read, each named by file, sheet and cell; the first one leads (and sets the place). */
export function issuesError(file: string, errors: ZgIssue[]): CliError {
  const first = issueError(file, errors[0]);
  if (errors.length === 1) return first;
  const rest = errors.slice(1);
  return new CliError(
    {
      zh: `${first.text.zh}\n${rest.map((i) => `  文件“${file}” ${i.zh}`).join("\n")}`,
      en: `${first.text.en}\n${rest.map((i) => `  ${file}, ${i.en}`).join("\n")}`,
    },
    first.place,
  );
}

/** A bad argument: no file or cell to name, only the option. */
export function argumentError(msg: Msg): CliError {
  return new CliError(msg);
}

/**
 * The lines printed on standard error for a stopped command: Chinese first, then English; what came from the
 * workbook shown safely (quotations cut to an excerpt, control characters as visible escapes).
 */
export function errorLines(err: CliError): string[] {
  const shown = shownPair(err.text);
  return [`zg 错误：${shown.zh}`, `zg error: ${shown.en}`];
}
