/**
 * References prepared once and reused across calls. Officials fill one formula down a column —
 * =ZG.RANKSCORE(C2,C$2:C$91) in 90 cells — so Excel calls the function 90 times with the same reference, each
 * time as a fresh array. Reading and sorting that reference once instead of 90 times is the whole difference
 * between milliseconds and minutes on a large sheet.
 *
 * An entry is found by where its reference is (the parameter addresses Excel passes) and used only if every
 * cell still holds what it held: the address alone is never trusted, since an edit changes the contents and
 * keeps the address. Comparing cells is a cheap === per cell; the answers stay exactly those of an uncached
 * call (a property test checks this). The cache is small and bounded, and only an optimisation: a function's
 * result depends on its arguments alone.
 */
import type { CellValue } from "../core/types";
import type { Matrix } from "./args";

/** Same contents, cell for cell. Error values are compared by code: Excel hands over a new object each call. */
export function sameCells(a: readonly CellValue[], b: readonly CellValue[]): boolean {
  if (a === b) return true;
  const n = a.length;
  if (n !== b.length) return false;
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === "object" && x !== null && typeof y === "object" && y !== null && x.error === y.error) continue;
    return false;
  }
  return true;
}

/** Where a matrix argument is, for a cache key: sheet, first cell and size ("?" where Excel gave no address). */
export function placeKey(m: Matrix): string {
  const o = m.origin;
  return `${o ? `${o.sheet ?? ""}!${o.row},${o.col}` : "?"}:${m.rows}x${m.cols}`;
}

interface Entry<T> {
  sources: CellValue[][];
  value: T;
  cells: number;
}

/** A bounded cache of prepared references: at most `maxEntries` entries and `maxCells` cells held, least recently used out first. */
export class PreparedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private held = 0;

  constructor(
    private readonly maxEntries = 64,
    private readonly maxCells = 1000000,
  ) {}

  /** The prepared value for these sources at this key: reused when every cell is unchanged, else built afresh. */
  get(key: string, sources: readonly Matrix[], build: () => T): T {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      if (hit.sources.length === sources.length && hit.sources.every((cells, k) => sameCells(cells, sources[k].cells))) {
        this.entries.set(key, hit);
        return hit.value;
      }
      this.held -= hit.cells;
    }
    const value = build();
    let cells = 0;
    for (const m of sources) cells += m.cells.length;
    if (cells > this.maxCells) return value;
    this.entries.set(key, { sources: sources.map((m) => m.cells), value, cells });
    this.held += cells;
    while (this.entries.size > this.maxEntries || this.held > this.maxCells) {
      const oldest = this.entries.keys().next().value as string;
      this.held -= this.entries.get(oldest)!.cells;
      this.entries.delete(oldest);
    }
    return value;
  }

  clear(): void {
    this.entries.clear();
    this.held = 0;
  }

  get size(): number {
    return this.entries.size;
  }
}
