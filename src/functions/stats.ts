/**
 * The plain statistics behind ZG.STDSCORE's "z" and "minmax" methods. They are not rules of 2号 (the
 * engine's standardScore implements the rules' full and max methods); officials asked for the methods they
 * know from statistics, so the functions offer them as options and this is all they need.
 */

/** Max, min, mean and population standard deviation (as STDEV.P) of a non-empty list. */
export function spread(xs: readonly number[]): { max: number; min: number; mean: number; sd: number } {
  let max = -Infinity;
  let min = Infinity;
  let sum = 0;
  for (const x of xs) {
    if (x > max) max = x;
    if (x < min) min = x;
    sum += x;
  }
  const mean = sum / xs.length;
  let sq = 0;
  for (const x of xs) sq += (x - mean) * (x - mean);
  return { max, min, mean, sd: Math.sqrt(sq / xs.length) };
}
