/**
 * Deterministic benchmark data: counties with the 18 indicators of 2020, targets written as officials
 * write them (text with units, percentages) and actuals as numbers, so the benchmark pays for reading
 * cells exactly as a real workbook would make the engine do.
 */
import { CITIES, COUNTIES_2020, INDICATORS_2020 } from "../src/core/reference";
import type { CountyInput } from "../src/core/types";
import { seeded } from "../src/cli/make-samples";

export { seeded };

export interface BenchRow {
  city: string;
  county: string;
  indicator: string;
  /** Target as a number in base units (for the formula version) and as written (for ZG). */
  target: number;
  targetText: string;
  actual: number;
}

/** n county-level units spread over the 11 cities; the real 90 first, then made-up names. */
export function makeUnits(n: number, seed = 2020): { counties: CountyInput[]; rows: BenchRow[] } {
  const rnd = seeded(seed);
  const counties: CountyInput[] = [];
  const rows: BenchRow[] = [];
  for (let u = 0; u < n; u++) {
    const real = COUNTIES_2020[u];
    const city = real ? real.city : CITIES[u % CITIES.length].id;
    const county = real ? real.name : `测试县${u}`;
    const entries = INDICATORS_2020.map((ind) => {
      let target: number;
      let targetText: string;
      let actual: number;
      if (ind.kind === "rate") {
        const pct = 5 + Math.floor(rnd() * 10);
        target = pct / 100;
        targetText = `${pct}%以上`;
        actual = Math.round((target + (rnd() - 0.4) * 0.1) * 1000) / 1000;
      } else {
        const base = 10 + Math.floor(rnd() * 490);
        target = base;
        targetText = `${base}${ind.unit === "%" ? "" : ind.unit}`;
        actual = Math.round(base * (0.7 + rnd() * 0.7));
      }
      rows.push({ city, county, indicator: ind.name, target, targetText, actual });
      return { indicator: ind.name, target: targetText, actual };
    });
    counties.push({
      county,
      city,
      entries,
      policy: { plan: rnd() < 0.9, workPlan: rnd() < 0.8, policy: rnd() < 0.7, mechanism: rnd() < 0.8, pilot: rnd() < 0.3, endorsements: Math.floor(rnd() * 6) },
      previousWinner: rnd() < 0.05,
    });
  }
  return { counties, rows };
}
