// Optimiser benchmark on the two example counties (the panel's default rules:
// reach and zone size from the data, capacity, contiguity) and a synthetic ladder of 1,000 to 100,000
// units (balance ±20%, rural share >= 10%, capacity, contiguous; no reach). Each run is its own process (peak memory is
// the run's own). For each county, in the same run:
// - fast mode: time, gap to its bound, worst reach, peak memory;
// - the fair references: fast mode with contiguity off (its LP bound is the
//   plain one, without contiguity, and its plan the best non-contiguous one
//   found), and, up to 10,000 units, thorough mode (the best contiguous plan
//   known, and the bound it proves for contiguous plans: the MIP with
//   contiguity cuts up to 3,000 cells, the LP with cuts above);
// - contiguityPricePct: fast's plan over the non-contiguous one (what keeping
//   zones in one piece costs, plus fast mode's own shortfall);
// - boundGainPct: how far the contiguity-aware bound rises over the plain LP.
// `load1` is os.loadavg()[0] when the row started: figures at a high load are
// inflated (2 shared cores).
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bench, BenchRow } from './harness';
import type { RunFigures, RunSpec } from './support/optimiseRun';

const runner = join(dirname(fileURLToPath(import.meta.url)), 'support', 'optimiseRun.ts');

interface Case {
  name: string;
  county: RunSpec['county'];
  /** Thorough mode's limit for the contiguous reference, seconds; none above 10,000 units (the bench would take too long). */
  thoroughSeconds?: number;
}

const CASES: Case[] = [
  { name: 'Lincolnshire (420 LSOAs, 12 zones)', county: { example: 'lincolnshire' }, thoroughSeconds: 30 },
  { name: 'Norfolk (538 LSOAs, 17 zones)', county: { example: 'norfolk' }, thoroughSeconds: 30 },
  { name: '1,000 units x 12 zones', county: { units: 1000, zones: 12 }, thoroughSeconds: 20 },
  { name: '2,000 units x 12 zones', county: { units: 2000, zones: 12 }, thoroughSeconds: 20 },
  { name: '10,000 units x 14 zones', county: { units: 10000, zones: 14 }, thoroughSeconds: 60 },
  { name: '20,000 units x 14 zones', county: { units: 20000, zones: 14 } },
  { name: '50,000 units x 14 zones', county: { units: 50000, zones: 14 } },
  { name: '100,000 units x 14 zones', county: { units: 100000, zones: 14 } },
];

function runInChild(spec: RunSpec): Promise<RunFigures> {
  return new Promise((resolve, reject) => {
    const child = fork(runner, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let done = false;
    child.once('message', (m: { figures?: RunFigures; error?: string }) => {
      done = true;
      if (m.figures) resolve(m.figures);
      else reject(new Error(m.error));
    });
    child.once('exit', (code) => {
      if (!done) reject(new Error(`optimiser run exited with code ${code}`));
    });
    child.send(spec);
  });
}

const round = (x: number, d = 3) => (Number.isFinite(x) ? Number(x.toFixed(d)) : x);
const pctOver = (a: number, b: number) => round((100 * (a - b)) / Math.abs(b), 4);
/** 100 * (objective - bound) / objective, as the optimiser reports its gap. */
const gapPct = (objective: number, bound: number) => round((100 * (objective - bound)) / Math.abs(objective), 4);

const bench: Bench = async () => {
  const rows: BenchRow[] = [];
  for (const c of CASES) {
    const load1 = round(loadavg()[0], 1);
    const fast = await runInChild({ county: c.county, mode: 'fast', contiguous: true });
    const loose = await runInChild({ county: c.county, mode: 'fast', contiguous: false });
    const thorough = c.thoroughSeconds ? await runInChild({ county: c.county, mode: 'thorough', contiguous: true, timeLimitSeconds: c.thoroughSeconds }) : null;
    const best = Math.min(fast.objective, thorough?.objective ?? Infinity);
    const bound = Math.max(fast.bound, thorough?.bound ?? -Infinity);
    rows.push({
      name: `optimise fast: ${c.name}`,
      ms: Math.round(fast.ms),
      cpuMs: Math.round(fast.cpuMs),
      status: fast.status,
      verified: fast.verified,
      contiguous: fast.contiguous,
      objective: Math.round(fast.objective),
      bound: Math.round(fast.bound),
      gapPct: round(fast.gapPercent, 4),
      worstReachMin: round(fast.worstReachMinutes, 1),
      peakMB: Math.round(fast.peakMB),
      looseMs: Math.round(loose.ms),
      looseObjective: Math.round(loose.objective),
      plainLpBound: Math.round(loose.bound),
      contiguityPricePct: pctOver(fast.objective, loose.objective),
      fastVsBestPct: thorough ? pctOver(fast.objective, best) : undefined,
      load1,
    });
    if (!thorough) continue;
    rows.push({
      name: `optimise thorough ${c.thoroughSeconds} s: ${c.name}`,
      ms: Math.round(thorough.ms),
      cpuMs: Math.round(thorough.cpuMs),
      status: thorough.status,
      verified: thorough.verified,
      contiguous: thorough.contiguous,
      objective: Math.round(thorough.objective),
      bound: Math.round(thorough.bound),
      gapPct: round(thorough.gapPercent, 4),
      worstReachMin: round(thorough.worstReachMinutes, 1),
      peakMB: Math.round(thorough.peakMB),
      plainLpBound: Math.round(loose.bound),
      // The bound for contiguous plans against the plain LP's, and the gap each proves for the best plan known.
      boundGainPct: pctOver(bound, loose.bound),
      bestGapPct: gapPct(best, bound),
      bestGapPlainLpPct: gapPct(best, loose.bound),
      contiguityPricePct: pctOver(best, loose.objective),
      mipMs: Math.round(thorough.timings.mip ?? 0),
      load1,
    });
  }
  return rows;
};

export default bench;
