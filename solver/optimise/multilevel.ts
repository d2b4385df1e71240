// Fast mode for a large county. The LP's dual simplex moves cells across
// zone borders one iteration at a time and each iteration prices every column,
// so on the full problem its time grows with the square of the units (10,000
// units: 0.4 s; 50,000: 11 s). Instead: (1) an LP on groups of about
// cells / GUIDE_CELLS cells, grouped by their cheapest zone, finds roughly
// where the borders go; (2) cells within BORDER_RINGS steps of those borders
// stay single and the rest are merged in groups of INNER_SIZE, and fast mode
// runs on that problem; (3) its plan, expanded to the cells, gets a short
// chain descent. Every plan on the way is a plan of the full problem, and the
// bound is the Lagrangian of the full problem at the last LP's duals, so the
// gap stays honest however the cells were merged.
import type { LpBackend } from '../lp/types';
import { nearestCandidates } from './candidates';
import { cheapestZones, coarseProblem, fineZones, growGroups, nearBorders } from './coarsen';
import { descend, runFast, type FastOutcome, type RunContext } from './fast';
import { lagrangian, pricesFromLp } from './lagrangian';
import { ContiguityGuard } from './contiguity';
import { PlanState } from './planState';
import type { ZoningProblem } from './problem';
import { roundValues, solveRelaxation } from './relaxation';
import { repairBands } from './repair';

/**
 * Above this many cells fast mode works on merged cells. Measured (CPU, load
 * 7-11): 10,000 x 14 whole 7.4 s, 0.24%, merged 4.9 s, 0.23%; 20,000 x 14
 * whole 9 s, 0.11%, merged 11 s, 1.8% (its rounding starts 4% above the
 * bound); 50,000 x 14 whole: the LP alone 44 s wall, merged 20 s, 0.4-1.0%.
 */
export const MERGE_ABOVE = 15_000;
/** Cells in the guide LP. */
const GUIDE_CELLS = 4_000;
/** Cells this many steps from a guide border stay single (a guide group is about 2-3 cells across). */
const BORDER_RINGS = 3;
/** Cells per group away from the borders. */
const INNER_SIZE = 64;

export function runFastAtScale(problem: ZoningProblem, backend: LpBackend, ctx: RunContext, tries: number, mergeAbove = MERGE_ABOVE): FastOutcome {
  if (problem.cells <= mergeAbove) return runFast(problem, backend, ctx, tries);
  const guide = guideZones(problem, backend, ctx);
  // A guide LP with no solution may be the grouping's fault: solve the whole problem.
  if (!guide) return runFast(problem, backend, ctx, tries);
  const grouping = growGroups(problem, guide, nearBorders(problem, guide, BORDER_RINGS), INNER_SIZE);
  const merged = coarseProblem(problem, grouping);
  const out = runFast(merged, backend, ctx, tries);
  // Merging can make the rules impossible (a group whose cells only different zones reach): solve the whole problem.
  if (out.relaxation.status === 'infeasible') return runFast(problem, backend, ctx, tries);
  const bound = out.relaxation.status === 'optimal' ? lagrangian(problem, pricesFromLp(out.relaxation.zlp, out.relaxation.duals)).bound : -Infinity;
  if (!out.state) return { ...out, bound, lpProblem: merged };
  const state = new PlanState(problem, fineZones(grouping, out.state.cellZone));
  const guard = new ContiguityGuard(state);
  // Merged cells can leave a zone a fraction of an hour outside its band; single cells can mend it.
  const contiguity = problem.rules.contiguous;
  const inBands = state.feasible() || (out.state && (!contiguity || out.contiguous) && repairBands(state, guard, { contiguity, shouldStop: ctx.shouldStop }));
  ctx.phase('repair');
  if (inBands) descend(state, ctx);
  return { relaxation: out.relaxation, lpProblem: merged, bound, state, feasible: inBands && state.feasible(), contiguous: guard.allContiguous() };
}

/** Each cell's zone in the rounded LP on groups of cells with one cheapest zone, or null when that LP has no solution. */
function guideZones(problem: ZoningProblem, backend: LpBackend, ctx: RunContext): Int32Array | null {
  const size = Math.ceil(problem.cells / GUIDE_CELLS);
  const grouping = growGroups(problem, cheapestZones(problem), new Uint8Array(problem.cells), size);
  // Contiguity cuts would only sharpen a bound nobody reads.
  const coarse = coarseProblem(problem, grouping);
  const loose = { ...coarse, rules: { ...coarse.rules, contiguous: false } };
  const { relaxation, session } = solveRelaxation(loose, backend, nearestCandidates(loose, loose.rules.candidateZones), ctx.shouldStop);
  session.dispose();
  ctx.phase('lp');
  if (relaxation.status !== 'optimal') return null;
  return fineZones(grouping, roundValues(loose, relaxation.zlp, relaxation.values));
}
