/** A readable terminal table: CJK characters count two columns; colour only when asked for. */
import { inWrittenUnit, unitPower } from "../core/display";
import { INVISIBLE } from "../core/parse";

/**
 * Characters a terminal would act on rather than show: C0 controls (ESC starts the sequences that retitle the
 * window, clear the screen or colour the text; CR overwrites the line), DEL and C1 controls (0x9B is a one-byte
 * CSI), and the bidirectional marks, embeddings, overrides and isolates that reorder what follows (the "Trojan
 * Source" characters), line and paragraph separators and the BOM. Newline stays only where asked. And the
 * invisible format characters (core/parse.ts INVISIBLE: zero-width joiners, word joiner, …): 余杭‍区 with a hidden
 * joiner must not print exactly like 余杭区.
 */
const UNSAFE = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f\\u0085\\u2028\\u2029]|${INVISIBLE.source}`, "g");

/** Text from a workbook as a terminal shows it: every unsafe character as a visible escape (ESC → \x1b, U+202E → \u202e). */
export function visible(text: string, keepNewlines = false): string {
  return text.replace(UNSAFE, (ch) => {
    if (keepNewlines && ch === "\n") return ch;
    const cp = ch.codePointAt(0) ?? 0;
    return cp < 0x100 ? `\\x${cp.toString(16).padStart(2, "0")}` : cp > 0xffff ? `\\u{${cp.toString(16)}}` : `\\u${cp.toString(16).padStart(4, "0")}`;
  });
}

/** Line breaks a quoted name or value may hold. */
// eslint-disable-next-line no-control-regex -- the vertical tab and form feed are line breaks too
const BREAKS = /[\n\r\u000b\u000c\u0085\u2028\u2029]/;

/**
 * A message in both languages for the terminal (shownMessage each), with every line break inside a quoted name or
 * value (“…” in the Chinese text, which quotes each of them once) escaped in BOTH texts first — the English one
 * names a sheet or file without quotes, so a sheet named "x\nzg error: …" could otherwise forge a whole line.
 * The message's own line breaks (one line per cell) stay.
 */
export function shownPair(m: { zh: string; en: string }): { zh: string; en: string } {
  let { zh, en } = m;
  const inners = new Set<string>();
  for (const match of zh.matchAll(/“([^”]*)”/g)) if (BREAKS.test(match[1])) inners.add(match[1]);
  for (const inner of [...inners].sort((a, b) => b.length - a.length)) {
    const escaped = inner.replace(new RegExp(BREAKS.source, "g"), (ch) => {
      const cp = ch.charCodeAt(0);
      return cp < 0x100 ? `\\x${cp.toString(16).padStart(2, "0")}` : `\\u${cp.toString(16)}`;
    });
    zh = zh.split(inner).join(escaped);
    en = en.split(inner).join(escaped);
  }
  return { zh: shownMessage(zh), en: shownMessage(en) };
}

/** A quotation longer than this many characters is cut in a message: a message quotes an excerpt, never a whole cell. */
export const QUOTE_MAX = 60;
/** No line of a message is longer than this (a message naming many cells still fits a screen or a log). */
const LINE_MAX = 2000;

/** A message for the terminal: long quotations cut to an excerpt, overlong lines cut, unsafe characters made visible. */
export function shownMessage(text: string): string {
  const cut = (inner: string) => {
    const chars = Array.from(inner.length > QUOTE_MAX * 2 + 2 ? inner.slice(0, QUOTE_MAX * 2 + 2) : inner);
    return chars.length > QUOTE_MAX ? `${chars.slice(0, QUOTE_MAX - 1).join("")}…` : inner;
  };
  const quoted = text.replace(/“([^”]*)”/g, (_m, inner: string) => `“${cut(inner)}”`).replace(/"([^"\n]*)"/g, (_m, inner: string) => `"${cut(inner)}"`);
  const lines = quoted.split("\n").map((l) => (l.length > LINE_MAX ? `${l.slice(0, LINE_MAX - 1)}…` : l));
  return visible(lines.join("\n"), true);
}

export type Align = "left" | "right";
export type Tone = "good" | "bad" | "warn" | "dim" | "bold";

export interface Column {
  title: string;
  align?: Align;
}

/** A table cell: its text and, optionally, a tone to colour it with. */
export type Cell = string | { text: string; tone?: Tone };

/** Colour is used only on a terminal and only when NO_COLOR is unset (https://no-color.org). */
export function useColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stream.isTTY) && (env.NO_COLOR === undefined || env.NO_COLOR === "");
}

const CODES: Record<Tone, [number, number]> = {
  good: [32, 39],
  bad: [31, 39],
  warn: [33, 39],
  dim: [2, 22],
  bold: [1, 22],
};

export function paint(text: string, tone: Tone | undefined, colour: boolean): string {
  if (!colour || !tone) return text;
  const [on, off] = CODES[tone];
  return `\u001b[${on}m${text}\u001b[${off}m`;
}

/** Columns a string takes in a terminal: East Asian wide and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 32 || (cp >= 0x7f && cp < 0xa0)) continue;
    w += isWide(cp) ? 2 : 1;
  }
  return w;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Cuts a string to at most `width` columns, marking the cut with "…". */
export function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = "";
  let w = 0;
  for (const ch of s) {
    const cw = displayWidth(ch);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return out + "…";
}

function pad(s: string, width: number, align: Align): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(s)));
  return align === "right" ? fill + s : s + fill;
}

/** Lines of a table with a header rule; `maxWidth` caps any one column (long labels are cut with …). */
export function renderTable(columns: Column[], rows: Cell[][], colour: boolean, maxWidth = 40): string[] {
  // Escapes first, then the cut: a cell's control characters can never reach the terminal, even half of one.
  const texts = rows.map((row) => row.map((c) => truncate(visible(typeof c === "string" ? c : c.text), maxWidth)));
  const widths = columns.map((col, i) =>
    Math.max(displayWidth(col.title), ...texts.map((r) => displayWidth(r[i] ?? ""))),
  );
  const lines: string[] = [];
  lines.push(
    columns.map((col, i) => paint(pad(col.title, widths[i], col.align ?? "left"), "bold", colour)).join("  ").trimEnd(),
  );
  lines.push(widths.map((w) => "─".repeat(w)).join("  "));
  rows.forEach((row, r) => {
    lines.push(
      columns
        .map((col, i) => {
          const cell = row[i];
          const tone = typeof cell === "object" ? cell.tone : undefined;
          return paint(pad(texts[r][i] ?? "", widths[i], col.align ?? "left"), tone, colour);
        })
        .join("  ")
        .trimEnd(),
    );
  });
  return lines;
}

/** A number for display: up to `digits` decimals, trailing zeros dropped; "—" for null. */
export function num(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  const fixed = x.toFixed(digits);
  return fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
}

/** A score for display: always two decimals (rules.md §5: the engine does not round; display does). */
export function score(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? "—" : x.toFixed(2);
}

/**
 * A base-unit value for display, as the task pane shows it: in the unit the table wrote it in (300亿元, 0.95万吨:
 * `display`, core/display.ts), else in the base unit; rates as percentages.
 */
export function quantity(x: number | null, unit: string | null, display?: string | null): string {
  if (x === null) return "—";
  if (unit === "%") return `${num(x * 100, 2)}%`;
  if (display && display !== unit && unitPower(display, unit) !== null) return inWrittenUnit(x, unit, display);
  return `${num(x, 4)}${unit ?? ""}`;
}
