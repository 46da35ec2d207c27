/**
 * Finding a table's own block when a sheet's used range is too large to read (a stray value at XFD1048576
 * stretches it to 17 billion cells): from the rectangles of non-empty cells, the cluster around the
 * selection (or the largest), with the clusters left out. Pure, and the ONE rule for every reader: the task
 * pane's (src/excel/office.ts, src/excel/memory/memory.ts) and the workbook file reader's (src/xlsx/sheet.ts),
 * so a workbook gives the same answers in Excel, in the browser page and on the command line.
 */
import type { Block } from "../core/address";
import { LIMITS } from "../core/limits";

export const cellsOf = (b: Block): number => (b.bottom - b.top + 1) * (b.right - b.left + 1);

/**
 * Rectangles of non-empty cells (row runs, joined down while they line up), fed the rows that have any in ascending
 * order, each with its filled columns ascending. Cost follows the filled cells, not the area.
 */
export function areaCollector(): { row(r: number, cols: ArrayLike<number>): void; done(): Block[] } {
  let open = new Map<string, Block>();
  const done: Block[] = [];
  let lastRow = -2;
  return {
    row(r, cols) {
      const next = new Map<string, Block>();
      let run: Block | null = null;
      const flush = (x: Block) => {
        const key = `${x.left},${x.right}`;
        const above = lastRow === r - 1 ? open.get(key) : undefined;
        if (above) {
          above.bottom = r;
          next.set(key, above);
          open.delete(key);
        } else next.set(key, x);
      };
      for (let i = 0; i < cols.length; i++) {
        const c = cols[i];
        if (run && run.right === c - 1) run.right = c;
        else {
          if (run) flush(run);
          run = { top: r, left: c, bottom: r, right: c };
        }
      }
      if (run) flush(run);
      for (const b of open.values()) done.push(b);
      open = next;
      lastRow = r;
    },
    done() {
      for (const b of open.values()) done.push(b);
      open = new Map();
      return done.sort((a, b) => a.top - b.top || a.left - b.left);
    },
  };
}

/** Rectangles of non-empty cells of a sparse grid (holes skipped: a row at 1 048 575 costs one row). */
export function areasOfGrid(cells: readonly (readonly unknown[] | undefined)[], filled: (v: unknown) => boolean): Block[] {
  const areas = areaCollector();
  cells.forEach((row, r) => {
    if (!row) return;
    const cols: number[] = [];
    row.forEach((v, c) => {
      if (filled(v)) cols.push(c);
    });
    if (cols.length) areas.row(r, cols);
  });
  return areas.done();
}

function near(a: Block, b: Block): boolean {
  const rowGap = Math.max(0, Math.max(a.top, b.top) - Math.min(a.bottom, b.bottom) - 1);
  const colGap = Math.max(0, Math.max(a.left, b.left) - Math.min(a.right, b.right) - 1);
  return rowGap <= LIMITS.tableGapRows && colGap <= LIMITS.tableGapColumns;
}

function union(a: Block, b: Block): Block {
  return { top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) };
}

/**
 * Areas grouped into blocks that lie within a few blank rows / columns of each other, joined until no two blocks
 * are near (a grown block may reach another). Each pass sweeps the blocks in order of their top row, comparing a
 * block only with those that still reach down to it: scattered cells cost n log n, not n² (up to LIMITS.maxAreasRead
 * of them may come from a hostile sheet), and cells side by side in one band at most the band's width each
 * (16 384 columns hold at most ~2 300 blocks apart).
 */
export function clusters(areas: Block[]): { box: Block; cells: number }[] {
  let items = areas.map((a) => ({ box: { ...a }, cells: cellsOf(a) }));
  for (;;) {
    items.sort((x, y) => x.box.top - y.box.top || x.box.left - y.box.left);
    const out: { box: Block; cells: number; gone?: boolean }[] = [];
    let active: typeof out = [];
    for (const it of items) {
      // A block whose bottom is more than the row gap above this top can be near nothing from here on.
      if (active.length > 32) active = active.filter((c) => !c.gone && c.box.bottom + LIMITS.tableGapRows + 1 >= it.box.top);
      let into: (typeof out)[number] | null = null;
      for (const c of active) {
        if (c.gone || c.box.bottom + LIMITS.tableGapRows + 1 < it.box.top || !near(c.box, into ? into.box : it.box)) continue;
        if (!into) {
          c.box = union(c.box, it.box);
          c.cells += it.cells;
          into = c;
        } else {
          into.box = union(into.box, c.box);
          into.cells += c.cells;
          c.gone = true;
        }
      }
      if (!into) {
        const fresh = { box: { ...it.box }, cells: it.cells };
        out.push(fresh);
        active.push(fresh);
      }
    }
    const next = out.filter((c) => !c.gone).map((c) => ({ box: c.box, cells: c.cells }));
    if (next.length === items.length) return next;
    items = next;
  }
}

const inside = (b: Block, p: { row: number; col: number }) => p.row >= b.top && p.row <= b.bottom && p.col >= b.left && p.col <= b.right;

/**
 * The table's block: the cluster holding the anchor (the active cell), else the one with the most cells;
 * `others` are the clusters left out, farthest last.
 */
export function locateTable(areas: Block[], anchor: { row: number; col: number } | null): { block: Block; others: Block[] } | null {
  const all = clusters(areas);
  if (!all.length) return null;
  const chosen = (anchor && all.find((c) => inside(c.box, anchor))) || [...all].sort((a, b) => b.cells - a.cells || a.box.top - b.box.top)[0];
  const others = all.filter((c) => c !== chosen).map((c) => c.box);
  others.sort((a, b) => a.bottom + a.right - (b.bottom + b.right));
  return { block: chosen.box, others };
}
