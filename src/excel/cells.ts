/**
 * How our sheets' cells and our marks are put into Excel: shared by office.ts (which sends them) and
 * memory.ts (which models what Excel then stores), so the in-memory workbook cannot drift from the adapter.
 */
import { isFormula, type MarkKind, type SheetContent } from "./ops";

/**
 * Excel's Text number format. Written before the value, it makes Excel keep what is written as text:
 * "Text format cells are treated as text even when a number is in the cell. The cell is displayed exactly
 * as entered." (Excel API reference, Excel.NumberFormatCategory, text). Without it, range.values and
 * range.formulas take a string that starts with "=", "+" or "-" as a formula ("If the returned value
 * starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula",
 * Excel API reference, Excel.Range.values), and "@" (implicit intersection) as well; "001" as 1, "10%" as 0.1.
 */
export const TEXT_FORMAT = "@";

export type ExcelInput = string | number | boolean;

/**
 * A sheet's cells as the 2-D arrays office.ts assigns — number formats first, then range.formulas — so
 * that every text cell lands as text and only formula() cells are formulas.
 */
export function encodeCells(content: SheetContent): { inputs: ExcelInput[][]; formats: string[][]; rows: number; cols: number } {
  const rows = content.cells.length;
  const cols = Math.max(0, ...content.cells.map((r) => r.length));
  const inputs: ExcelInput[][] = [];
  const formats: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const inRow: ExcelInput[] = [];
    const fmtRow: string[] = [];
    for (let c = 0; c < cols; c++) {
      const v = content.cells[r][c];
      const asked = content.numberFormats?.[r]?.[c] ?? "General";
      if (isFormula(v)) {
        inRow.push(v.formula);
        // A formula in a Text cell would be stored as its text: never give one the text format.
        fmtRow.push(asked === TEXT_FORMAT ? "General" : asked);
      } else if (typeof v === "string" && v !== "") {
        inRow.push(v);
        fmtRow.push(TEXT_FORMAT);
      } else if (typeof v === "number" || typeof v === "boolean") {
        inRow.push(v);
        fmtRow.push(asked);
      } else if (typeof v === "object" && v !== null && "error" in v) {
        // An error value read from the user's cells is reported as its text ("#N/A"), not re-created.
        inRow.push(v.error);
        fmtRow.push(TEXT_FORMAT);
      } else {
        inRow.push("");
        fmtRow.push(asked);
      }
    }
    inputs.push(inRow);
    formats.push(fmtRow);
  }
  return { inputs, formats, rows, cols };
}

// ── marks ────────────────────────────────────────────────────────────────────────────────────────

/**
 * Our marks are custom conditional formats whose rule is always TRUE and carries our signature in a string
 * literal: N() of a text is 0, so =N("ZG.mark:short")=0 holds on every cell. A conditional format's id is
 * no identity ("The priority of the conditional format in the current ConditionalFormatCollection",
 * Excel API reference, Excel.ConditionalFormat.id): it shifts whenever a format is added or deleted, so
 * clearMarks recognises ours by this signature, never by an id kept from before.
 */
export const MARK_SIGNATURE = "ZG.mark";

export function markFormula(kind: MarkKind): string {
  return `=N("${MARK_SIGNATURE}:${kind}")=0`;
}

/**
 * A custom rule's formula as Excel gives it back → our mark's kind, or null for anything else (the user's
 * own rules, including one that merely mentions "ZG.mark"). Excel may change the case of the function
 * name and the spacing when it stores a formula, never a string literal: outside literals case and spaces
 * are ignored; the literal must be exactly ours.
 */
export function markKindOf(rule: string | null | undefined): MarkKind | null {
  if (typeof rule !== "string") return null;
  let outside = "";
  const literals: string[] = [];
  for (let i = 0; i < rule.length; i++) {
    const ch = rule[i];
    if (ch === '"') {
      let j = i + 1;
      let lit = "";
      for (; j < rule.length; j++) {
        if (rule[j] === '"') {
          if (rule[j + 1] === '"') {
            lit += '"';
            j++;
            continue;
          }
          break;
        }
        lit += rule[j];
      }
      if (j >= rule.length) return null;
      literals.push(lit);
      outside += "\u0000";
      i = j;
    } else if (!/\s/.test(ch)) outside += ch.toUpperCase();
  }
  if (outside !== "=N(\u0000)=0" || literals.length !== 1) return null;
  const m = /^ZG\.mark:(short|error|warning)$/.exec(literals[0]);
  return m ? (m[1] as MarkKind) : null;
}
