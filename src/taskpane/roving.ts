/**
 * One tab stop per results table, arrow keys inside (the WAI-ARIA grid pattern's roving tabindex): a table of
 * 90 counties × 4 explained scores would otherwise be 360 stops between the user and the next button.
 * Only the last-focused control in the table keeps tabIndex 0; the rest get -1 after every render.
 */
import { type KeyboardEvent, type RefObject, useCallback, useLayoutEffect, useRef } from "react";

const CONTROLS = "button, [role=button], a[href], input, select";

function controls(table: HTMLElement): HTMLElement[] {
  return Array.from(table.querySelectorAll<HTMLElement>(CONTROLS)).filter((e) => !(e as HTMLButtonElement).disabled);
}

/** The controls of each row, in order (rows without one are skipped). */
function grid(table: HTMLElement): HTMLElement[][] {
  const rows = Array.from(table.querySelectorAll<HTMLElement>("tr"));
  return rows.map((r) => Array.from(r.querySelectorAll<HTMLElement>(CONTROLS))).filter((r) => r.length > 0);
}

export function useRovingTable<T extends HTMLElement>(): { ref: RefObject<T>; onKeyDown: (e: KeyboardEvent) => void; onFocus: (e: React.FocusEvent) => void } {
  const ref = useRef<T>(null);
  const current = useRef<HTMLElement | null>(null);

  // After every render: exactly one stop (the remembered control, else the first).
  useLayoutEffect(() => {
    const table = ref.current;
    if (!table) return;
    const all = controls(table);
    if (!current.current || !all.includes(current.current)) current.current = all[0] ?? null;
    for (const c of all) c.tabIndex = c === current.current ? 0 : -1;
  });

  const onFocus = useCallback((e: React.FocusEvent) => {
    const table = ref.current;
    const target = e.target as HTMLElement;
    if (!table || !target.matches(CONTROLS)) return;
    if (current.current && current.current !== target) current.current.tabIndex = -1;
    current.current = target;
    target.tabIndex = 0;
  }, []);

  const onKeyDown = useCallback((e: KeyboardEvent) => {
    const table = ref.current;
    const from = e.target as HTMLElement;
    if (!table || !from.matches(CONTROLS)) return;
    const g = grid(table);
    const r = g.findIndex((row) => row.includes(from));
    if (r < 0) return;
    const c = g[r].indexOf(from);
    // Up and down keep the column position where the next row has one (rows differ in their controls' count).
    const at = (row: number, col: number) => g[row][Math.min(col, g[row].length - 1)];
    let to: HTMLElement | undefined;
    switch (e.key) {
      case "ArrowRight":
        to = g[r][c + 1];
        break;
      case "ArrowLeft":
        to = g[r][c - 1];
        break;
      case "ArrowDown":
        to = r + 1 < g.length ? at(r + 1, c) : undefined;
        break;
      case "ArrowUp":
        to = r > 0 ? at(r - 1, c) : undefined;
        break;
      case "Home":
        to = e.ctrlKey ? g[0][0] : g[r][0];
        break;
      case "End":
        to = e.ctrlKey ? g[g.length - 1].at(-1) : g[r].at(-1);
        break;
      default:
        return;
    }
    e.preventDefault();
    to?.focus();
  }, []);

  return { ref, onKeyDown, onFocus };
}
