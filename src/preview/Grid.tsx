/** The preview's stand-in for Excel's grid: sheet tabs, cells with their shown values, marks and merges. */
import { useEffect, useReducer } from "react";
import { a1, columnLetters } from "../core/address";
import type { Value } from "../excel/memory/formula";
import type { MemorySheet, MemoryWorkbook } from "../excel/memory/memory";
import { MARK_COLORS } from "../excel/ops";

/** Rows shown per sheet: enough for every table of the samples' top, cheap to render. */
const MAX_ROWS = 400;

/** A value as Excel would show it under its number format (the few formats we write and read). */
export function display(v: Value, format: string | null | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return v.error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  const f = format ?? "General";
  const pct = /^0(\.(0+))?%$/.exec(f);
  if (pct) return `${(v * 100).toFixed(pct[2]?.length ?? 0)}%`;
  const fixed = /^0(\.(0+))?$/.exec(f);
  if (fixed) return v.toFixed(fixed[2]?.length ?? 0);
  if (f.startsWith("#,##0")) return v.toLocaleString("en-US", { maximumFractionDigits: 2 });
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
}

/** Display width of a text in character units (CJK counts two), first line only. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s.split("\n")[0]) w += /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1;
  return w;
}

/** Column widths: the sheet's own where it has them, else from the first rows' content (as Excel autofit would). */
function widths(book: MemoryWorkbook, s: MemorySheet, cols: number, rows: number): number[] {
  return Array.from({ length: cols }, (_, c) => {
    if (s.columnWidths[c]) return Math.min(s.columnWidths[c], 40);
    let w = 6;
    const merged = new Set(s.merges.filter((m) => m.left !== m.right).map((m) => `${m.top}`));
    for (let r = 0; r < Math.min(rows, 60); r++) {
      if (merged.has(`${r}`)) continue;
      const v = book.value(s.name, r, c);
      if (v !== null && typeof v !== "object") w = Math.max(w, textWidth(display(v, s.numberFormats[r]?.[c])) + 1);
    }
    return Math.min(w, 28);
  });
}

function covered(s: MemorySheet): { skip: Set<string>; spans: Map<string, { rows: number; cols: number }> } {
  const skip = new Set<string>();
  const spans = new Map<string, { rows: number; cols: number }>();
  for (const m of s.merges) {
    spans.set(`${m.top},${m.left}`, { rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) skip.add(`${r},${c}`);
  }
  return { skip, spans };
}

export function Grid({ book }: { book: MemoryWorkbook }) {
  const [, rerender] = useReducer((x: number) => x + 1, 0);
  useEffect(() => book.subscribe(rerender), [book]);
  const sheet = book.sheets[book.active];
  if (!sheet) return <div className="grid-empty">—</div>;
  const used = book.usedBlock(sheet);
  const rows = Math.min(used.bottom + 1, MAX_ROWS);
  const cols = Math.max(used.right + 1, 6);
  const { skip, spans } = covered(sheet);
  // Our marks are conditional formats; the grid paints them over the user's fills, as Excel does.
  const marks = book.marksOf(sheet.name);
  const colWidths = widths(book, sheet, cols, rows);
  const sel = book.selection;
  const selAddress = a1(sel.top, sel.left);
  const raw = sheet.cells[sel.top]?.[sel.left];
  // Text that starts with "=" shows with Excel's quote prefix, so it is not mistaken for a formula.
  const formulaBar = raw === null || raw === undefined ? "" : typeof raw === "object" ? raw.error : sheet.texts.has(`${sel.top},${sel.left}`) ? `'${raw}` : String(raw);

  return (
    <div className="grid-wrap" data-testid="grid">
      <div className="formula-bar">
        <span className="name-box" data-testid="name-box">
          {selAddress}
        </span>
        <span className="fx">fx</span>
        <span className="formula" data-testid="formula-bar" title={formulaBar}>
          {formulaBar}
        </span>
      </div>
      <div className="grid-scroll">
        <table className="grid" data-sheet={sheet.name}>
          <thead>
            <tr>
              <th className="corner" />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} style={{ minWidth: `${colWidths[c] * 7}px`, maxWidth: `${colWidths[c] * 7 + 8}px` }}>
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r} className={sheet.boldRows.includes(r) ? "bold" : undefined}>
                <th className="rownum">{r + 1}</th>
                {Array.from({ length: cols }, (_, c) => {
                  const key = `${r},${c}`;
                  if (skip.has(key)) return null;
                  const span = spans.get(key);
                  const v = book.value(sheet.name, r, c);
                  const fmt = sheet.numberFormats[r]?.[c];
                  const mark = marks.get(key);
                  const fill = sheet.fills.get(key);
                  const text = display(v, fmt);
                  const isNum = typeof v === "number";
                  const selected = r >= sel.top && r <= sel.bottom && c >= sel.left && c <= sel.right;
                  const style: React.CSSProperties = {};
                  if (fill) style.background = fill;
                  if (mark) {
                    style.background = MARK_COLORS[mark].fill;
                    style.color = MARK_COLORS[mark].font;
                  }
                  const title = typeof v === "object" && v && "message" in v && v.message ? v.message : text.length > 20 ? text : undefined;
                  return (
                    <td
                      key={c}
                      rowSpan={span?.rows}
                      colSpan={span?.cols}
                      data-cell={a1(r, c)}
                      data-mark={mark}
                      className={`${isNum ? "num" : ""} ${selected ? "sel" : ""} ${typeof v === "object" && v ? "err" : ""}`}
                      style={style}
                      title={title}
                      onClick={() => book.select(sheet.name, a1(r, c))}
                    >
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {used.bottom + 1 > MAX_ROWS ? <div className="more">… {used.bottom + 1 - MAX_ROWS} more rows / 另有 {used.bottom + 1 - MAX_ROWS} 行</div> : null}
      </div>
      <div className="tabs" role="tablist" data-testid="sheet-tabs">
        {book.sheets.map((s, i) => (
          <button
            key={s.name}
            role="tab"
            data-sheet-tab={s.name}
            aria-selected={i === book.active}
            className={`${i === book.active ? "active" : ""} ${s.ours ? "ours" : ""}`}
            onClick={() => {
              book.active = i;
              book.select(s.name, "A1");
            }}
          >
            {s.name}
          </button>
        ))}
      </div>
    </div>
  );
}
