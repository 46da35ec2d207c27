/**
 * Finding a table's own block when a sheet's used range is too large to read (a stray value at XFD1048576
 * stretches it to 17 billion cells): from the rectangles of non-empty cells, the cluster around the
 * selection (or the largest), with the clusters left out. Pure, shared by office.ts and memory.ts.
 */
import { LIMITS } from "../core/limits";
import type { Block } from "./ops";

export const cellsOf = (b: Block): number => (b.bottom - b.top + 1) * (b.right - b.left + 1);

/** Rectangles of non-empty cells of a sparse grid (row runs, joined down while they line up). */
export function areasOfGrid(cells: readonly (readonly unknown[] | undefined)[], filled: (v: unknown) => boolean): Block[] {
  const open = new Map<string, Block>();
  const done: Block[] = [];
  let lastRow = -2;
  cells.forEach((row, r) => {
    if (!row) return;
    const runs: Block[] = [];
    let run: Block | null = null;
    row.forEach((v, c) => {
      if (!filled(v)) return;
      if (run && run.right === c - 1) run.right = c;
      else {
        run = { top: r, left: c, bottom: r, right: c };
        runs.push(run);
      }
    });
    const next = new Map<string, Block>();
    for (const x of runs) {
      const key = `${x.left},${x.right}`;
      const above = lastRow === r - 1 ? open.get(key) : undefined;
      if (above) {
        above.bottom = r;
        next.set(key, above);
        open.delete(key);
      } else next.set(key, x);
    }
    for (const b of open.values()) done.push(b);
    open.clear();
    for (const [k, b] of next) open.set(k, b);
    lastRow = r;
  });
  for (const b of open.values()) done.push(b);
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

function near(a: Block, b: Block): boolean {
  const rowGap = Math.max(0, Math.max(a.top, b.top) - Math.min(a.bottom, b.bottom) - 1);
  const colGap = Math.max(0, Math.max(a.left, b.left) - Math.min(a.right, b.right) - 1);
  return rowGap <= LIMITS.tableGapRows && colGap <= LIMITS.tableGapColumns;
}

function union(a: Block, b: Block): Block {
  return { top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) };
}

/** Areas grouped into blocks that lie within a few blank rows / columns of each other. */
export function clusters(areas: Block[]): { box: Block; cells: number }[] {
  let out: { box: Block; cells: number }[] = [];
  for (const a of [...areas].sort((x, y) => x.top - y.top || x.left - y.left)) {
    const hit = out.find((c) => near(c.box, a));
    if (hit) {
      hit.box = union(hit.box, a);
      hit.cells += cellsOf(a);
    } else out.push({ box: { ...a }, cells: cellsOf(a) });
  }
  // A grown block may now reach another: join until none does (there are few blocks).
  for (let changed = true; changed; ) {
    changed = false;
    const next: typeof out = [];
    for (const c of out) {
      const hit = next.find((n) => near(n.box, c.box));
      if (hit) {
        hit.box = union(hit.box, c.box);
        hit.cells += c.cells;
        changed = true;
      } else next.push({ ...c });
    }
    out = next;
  }
  return out;
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
