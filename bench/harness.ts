// Benchmark conventions: each bench/*.bench.ts exports `default` returning rows.
// bench/run.ts runs them all, prints one table and writes bench/results/<date>.json.

export interface BenchRow {
  /** What was measured, e.g. "score: full, 10,000 units x 14 zones". */
  name: string;
  /** Median wall time, ms (omit for rows that only report other figures). */
  ms?: number;
  /** Extra figures: objective, gap, peak memory MB, rows/s ... */
  [figure: string]: string | number | boolean | undefined;
}

export type Bench = () => Promise<BenchRow[]>;

/** Runs fn `repeat` times after `warmup` runs and returns the median time in ms. */
export async function medianMs(fn: () => unknown | Promise<unknown>, repeat = 7, warmup = 2): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
