/** Timing and reporting helpers for `npm run bench`: one JSON line per measurement, then a table. */

export type Unit = "ms" | "x" | "syncs" | "bytes" | "MB";

export interface Measurement {
  name: string;
  value: number;
  unit: Unit;
  budget: number | null;
  /** How the budget reads: 'max' (value ≤ budget) or 'min' (value ≥ budget, e.g. a speed-up). Not printed in the JSON line. */
  kind?: "max" | "min";
  note?: string;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median wall time of `runs` calls after `warmup` untimed ones (lets the JIT settle). */
export function timeMedian(fn: () => unknown, runs: number, warmup = Math.min(10, runs)): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function passes(m: Measurement): boolean | null {
  if (m.budget === null) return null;
  return m.kind === "min" ? m.value >= m.budget : m.value <= m.budget;
}

export function emit(m: Measurement): void {
  process.stdout.write(`${JSON.stringify({ name: m.name, value: round(m.value), unit: m.unit, budget: m.budget })}\n`);
}

export function table(ms: readonly Measurement[]): string {
  const rows = ms.map((m) => {
    const ok = passes(m);
    const budget = m.budget === null ? "—" : `${m.kind === "min" ? "≥" : "≤"} ${m.budget}`;
    return [m.name, `${round(m.value, 2)} ${m.unit}`, budget, ok === null ? "" : ok ? "通过 ok" : "超出 MISSED", m.note ?? ""];
  });
  const head = ["测量 measurement", "数值 value", "预算 budget", "结果 result", "说明 note"];
  const all = [head, ...rows];
  const width = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const cols = head.map((_, c) => Math.max(...all.map((r) => width(r[c]))));
  return all.map((r) => r.map((cell, c) => cell + " ".repeat(cols[c] - width(cell))).join("  ").trimEnd()).join("\n");
}
