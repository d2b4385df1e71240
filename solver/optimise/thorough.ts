// Thorough mode: a HiGHS MIP started from the fast plan. Columns whose reduced
// cost exceeds (fast objective - LP bound) cannot appear in any better plan
// (reduced-cost fixing), so the MIP holds only the few that can and its proven
// bound is valid for every plan. Contiguity is not in the MIP: its plan goes
// through the same contiguity repair and local search as fast mode, and the
// better of the two plans is kept.
import type { LpBackend } from '../lp/types';
import { ContiguityGuard } from './contiguity';
import { gapPercent, makeFeasible, type RunContext } from './fast';
import { localSearch } from './localSearch';
import { FREE, type ZoningProblem } from './problem';
import { PlanState } from './planState';
import type { Relaxation } from './relaxation';
import { buildZoningLp, LP_COST_SCALE, reducedCost, type Candidates } from './zoningLp';

export interface ThoroughOutcome {
  state: PlanState;
  bound: number;
  /** The MIP plan before contiguity repair, metre·hours (NaN when the MIP found none). */
  mipObjective: number;
}

export function runThorough(
  problem: ZoningProblem,
  backend: LpBackend,
  relaxation: Relaxation,
  fast: PlanState | null,
  timeLimitSeconds: number,
  ctx: RunContext,
): ThoroughOutcome | null {
  const upper = fast && fast.feasible() ? fast.objective : Infinity;
  const candidates = mipColumns(problem, relaxation, fast, upper);
  const zlp = buildZoningLp(problem, candidates, true);
  const start = fast ? startValues(zlp.colCell, zlp.colZone, fast.cellZone) : undefined;
  const res = backend.solve(zlp.lp, {
    timeLimitSeconds,
    mipRelativeGap: 1e-5,
    initialValues: start,
    shouldStop: ctx.shouldStop,
    onProgress: (p) => {
      if (p.gap !== undefined) ctx.phase('mip', 100 * p.gap);
    },
  });
  const mipBound = Number.isFinite(res.bound) ? res.bound / LP_COST_SCALE + zlp.fixedCost : -Infinity;
  const bound = Math.max(relaxation.bound, Math.min(mipBound, upper));
  ctx.phase('mip');
  if (res.status !== 'optimal' && res.status !== 'feasible') return fast ? { state: fast, bound, mipObjective: NaN } : null;

  const zone = Int32Array.from(problem.fixedZone, (f) => (f === FREE ? -1 : f));
  for (let j = 0; j < zlp.colCell.length; j++) if (res.values[j] > 0.5) zone[zlp.colCell[j]] = zlp.colZone[j];
  const state = new PlanState(problem, zone);
  // Never trust a solver's status: the plan must assign every free cell and keep the bands.
  const complete = zone.every((z, c) => problem.fixedZone[c] !== FREE || z >= 0);
  if (!complete || !state.feasible()) return fast ? { state: fast, bound, mipObjective: NaN } : null;
  const mipObjective = state.objective;

  const guard = new ContiguityGuard(state);
  if (problem.rules.contiguous && !guard.allContiguous()) {
    const { feasible } = makeFeasible(state, guard, relaxation.candidates, ctx);
    if (!feasible) return fast ? { state: fast, bound, mipObjective } : null;
    localSearch(state, guard, { contiguity: true, rand: ctx.rand, shouldStop: ctx.shouldStop, deadline: performance.now() + 2000 });
  }
  const better = !fast || !fast.feasible() || state.objective < fast.objective ? state : fast;
  ctx.phase('local-search', gapPercent(better.objective, bound));
  return { state: better, bound, mipObjective };
}

/**
 * Per free cell, the zones whose Lagrangian reduced cost is within the gap
 * (upper - bound), plus the fast plan's zone. With no upper bound, the LP's
 * candidate columns.
 */
function mipColumns(problem: ZoningProblem, relaxation: Relaxation, fast: PlanState | null, upper: number): Candidates {
  if (!Number.isFinite(upper)) return relaxation.candidates.map((zs) => [...zs]);
  const { cells, zones, cost } = problem;
  const rc = new Float64Array(cells * zones).fill(Infinity);
  const least = new Float64Array(cells);
  let sumLeast = 0;
  for (let c = 0; c < cells; c++) {
    if (problem.fixedZone[c] !== FREE) continue;
    for (let z = 0; z < zones; z++) {
      if (!Number.isFinite(cost[c * zones + z])) continue;
      rc[c * zones + z] = reducedCost(problem, relaxation.zlp, relaxation.duals, c, z);
      least[c] = Math.min(least[c], rc[c * zones + z]);
    }
    sumLeast += least[c];
  }
  // Bound from these duals: LP + sum of each cell's most negative reduced cost (0 once priced out).
  const room = (upper - relaxation.objective) * LP_COST_SCALE - sumLeast;
  const out: Candidates = [];
  for (let c = 0; c < cells; c++) {
    const keep: number[] = [];
    if (problem.fixedZone[c] === FREE) {
      for (let z = 0; z < zones; z++) {
        const tol = 1e-7 * Math.max(1, cost[c * zones + z] * LP_COST_SCALE);
        if (rc[c * zones + z] - least[c] <= room + tol || (fast && fast.cellZone[c] === z)) keep.push(z);
      }
    }
    out.push(keep);
  }
  return out;
}

function startValues(colCell: number[], colZone: number[], cellZone: Int32Array): Float64Array {
  const x = new Float64Array(colCell.length);
  for (let j = 0; j < colCell.length; j++) x[j] = cellZone[colCell[j]] === colZone[j] ? 1 : 0;
  return x;
}
