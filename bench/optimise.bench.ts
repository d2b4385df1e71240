// Optimiser benchmark: fast mode on synthetic counties against an exact HiGHS
// MIP on the same model without contiguity (5 nearest zones per unit, 60 s
// limit), and thorough mode on 10,000 x 14. Rules: balance ±20% of the mean
// (the setting; one row also at the older ±35%), rural share >= 10%,
// base capacity on, every zone contiguous. fastVsExactPct compares a
// contiguous plan with the exact optimum of the looser non-contiguous model,
// so part of it is the price of contiguity, not a shortfall of fast mode.
import { highsBackend } from '../solver/lp/highs';
import { nearestCandidates } from '../solver/optimise/candidates';
import { optimise } from '../solver/optimise/optimise';
import { buildProblem } from '../solver/optimise/problem';
import type { OptimiseRules } from '../solver/optimise/rules';
import { verifyPlan } from '../solver/optimise/verify';
import { buildZoningLp, LP_COST_SCALE } from '../solver/optimise/zoningLp';
import { syntheticCounty } from '../solver/testing/syntheticCounty';
import type { Bench, BenchRow } from './harness';

const rules = (tolerance: number): Partial<OptimiseRules> => ({ balance: { tolerance }, ruralShare: { min: 0.1 }, capacity: true });
const CASES: Array<[units: number, zones: number, tolerance: number]> = [
  [500, 12, 0.2],
  [2000, 12, 0.2],
  [10000, 14, 0.2],
  [10000, 14, 0.35],
];
const EXACT_SECONDS = 60;

const round = (x: number, d = 3) => Number(x.toFixed(d));
const pct = (t: number) => `±${Math.round(100 * t)}%`;

const bench: Bench = async () => {
  const backend = await highsBackend();
  const rows: BenchRow[] = [];
  // Warm up the wasm and the JIT on a small county.
  const warm = syntheticCounty({ units: 300, zones: 6, seed: 1 });
  await optimise({ model: warm.model, current: warm.plan, rules: rules(0.2) });

  for (const [units, zones, tolerance] of CASES) {
    const RULES = rules(tolerance);
    const { model, plan } = syntheticCounty({ units, zones, seed: 1 });
    const t0 = performance.now();
    const fast = await optimise({ model, current: plan, rules: RULES, mode: 'fast', seed: 1 });
    const ms = performance.now() - t0;
    const ok = verifyPlan(model, plan, RULES, fast.plan).ok;

    const problem = buildProblem(model, plan, { ...RULES, contiguous: false });
    const zlp = buildZoningLp(problem, nearestCandidates(problem, 5), true);
    const exact = backend.solve(zlp.lp, { timeLimitSeconds: EXACT_SECONDS, mipRelativeGap: 1e-6 });
    const exactObjective = exact.objective / LP_COST_SCALE + zlp.fixedCost;
    const exactBound = exact.bound / LP_COST_SCALE + zlp.fixedCost;
    rows.push({
      name: `optimise fast: ${units.toLocaleString('en-GB')} units x ${zones} zones, balance ${pct(tolerance)}`,
      ms: Math.round(ms),
      status: fast.status,
      verified: ok,
      objective: Math.round(fast.objective),
      lpBound: Math.round(fast.bound),
      gapPct: round(fast.gapPercent),
      contiguous: fast.contiguous,
      exactStatus: exact.status,
      exactObjective: Math.round(exactObjective),
      exactGapPct: round((100 * (exactObjective - exactBound)) / exactObjective, 4),
      exactMs: Math.round(exact.seconds * 1000),
      fastVsExactPct: round((100 * (fast.objective - exactObjective)) / exactObjective),
      speedup: round((exact.seconds * 1000) / ms, 1),
    });
  }

  const RULES = rules(0.2);
  const { model, plan } = syntheticCounty({ units: 10000, zones: 14, seed: 1 });
  const t0 = performance.now();
  const thorough = await optimise({ model, current: plan, rules: RULES, mode: 'thorough', timeLimitSeconds: 60, seed: 1 });
  rows.push({
    name: 'optimise thorough: 10,000 units x 14 zones, balance ±20%',
    ms: Math.round(performance.now() - t0),
    status: thorough.status,
    verified: verifyPlan(model, plan, RULES, thorough.plan).ok,
    objective: Math.round(thorough.objective),
    // Thorough's bound is the MIP's with contiguity cuts: it holds for contiguous plans.
    lpBound: Math.round(thorough.bound),
    gapPct: round(thorough.gapPercent, 4),
    contiguous: thorough.contiguous,
    mipMs: Math.round(thorough.timings.mip ?? 0),
  });
  return rows;
};

export default bench;
