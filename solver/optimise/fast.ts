// Fast mode: LP relaxation (HiGHS, column generation over nearest zones), round
// each cell to its largest LP share, repair the bands greedily, hand stray
// pieces of zones to neighbours, then local search. When the stray pieces carried
// something a zone needed (rural hours, say) and the bands cannot be mended
// without them, the LP is re-solved with those cells barred from that zone.
// Contiguity is not in the LP, so the gap is against the LP without contiguity.
import type { LpBackend } from '../lp/types';
import { UNASSIGNED } from '../model';
import { nearestCandidates } from './candidates';
import { ContiguityGuard, repairContiguity } from './contiguity';
import { localSearch } from './localSearch';
import { FREE, type ZoningProblem } from './problem';
import { PlanState } from './planState';
import { solveRelaxation, type Relaxation } from './relaxation';
import { repairBands } from './repair';
import type { OptimisePhase, PhaseTimings } from './types';
import type { ZoningLp } from './zoningLp';

/** LP re-solves allowed after contiguity repair breaks the bands. */
const MAX_RESOLVES = 4;

export interface RunContext {
  rand: () => number;
  shouldStop: () => boolean;
  /** Records a finished phase and tells the caller. */
  phase: (name: OptimisePhase, gapPercent?: number) => void;
  timings: PhaseTimings;
}

export interface FastOutcome {
  relaxation: Relaxation;
  /** Null when the LP relaxation has no solution. */
  state: PlanState | null;
  feasible: boolean;
  contiguous: boolean;
}

export function runFast(problem: ZoningProblem, backend: LpBackend, ctx: RunContext): FastOutcome {
  const initial = nearestCandidates(problem, problem.rules.candidateZones);
  const { relaxation, session } = solveRelaxation(problem, backend, initial, ctx.shouldStop);
  try {
    ctx.phase('lp');
    if (relaxation.status !== 'optimal') return { relaxation, state: null, feasible: false, contiguous: false };
    const columnOf = new Map<number, number>();
    relaxation.zlp.colCell.forEach((c, j) => columnOf.set(c * problem.zones + relaxation.zlp.colZone[j], j));
    let values = relaxation.values;
    let state: PlanState | null = null;
    let outcome = { feasible: false, contiguity: false };
    for (let attempt = 0; attempt <= MAX_RESOLVES && !ctx.shouldStop(); attempt++) {
      state = new PlanState(problem, roundValues(problem, relaxation.zlp, values));
      ctx.phase('round');
      const guard = new ContiguityGuard(state);
      const dropped: number[] = [];
      outcome = makeFeasible(state, guard, relaxation.candidates, ctx, (c, z) => dropped.push(columnOf.get(c * problem.zones + z) ?? -1));
      if (outcome.feasible) {
        localSearch(state, guard, {
          contiguity: problem.rules.contiguous,
          rand: ctx.rand,
          shouldStop: ctx.shouldStop,
          deadline: performance.now() + 2000 + problem.cells / 5,
        });
        break;
      }
      const forbid = dropped.filter((j) => j >= 0);
      if (forbid.length === 0) break;
      for (const j of forbid) session.setColumnBounds(j, 0, 0);
      const res = session.solve({ relax: true, shouldStop: ctx.shouldStop });
      ctx.phase('lp');
      if (res.status !== 'optimal') break;
      values = res.values;
    }
    ctx.phase('local-search', state ? gapPercent(state.objective, relaxation.bound) : undefined);
    return { relaxation, state, feasible: outcome.feasible && !!state?.feasible(), contiguous: outcome.contiguity };
  } finally {
    session.dispose();
  }
}

/** Band repair, then (if asked) contiguity repair and band repair with contiguity-safe moves, a few rounds. */
export function makeFeasible(
  state: PlanState,
  guard: ContiguityGuard,
  candidates: number[][],
  ctx: RunContext,
  onDrop?: (cell: number, from: number) => void,
): { feasible: boolean; contiguity: boolean } {
  const wantContiguous = state.problem.rules.contiguous;
  let feasible = repairBands(state, guard, { contiguity: false, candidates, shouldStop: ctx.shouldStop });
  ctx.phase('repair');
  if (!wantContiguous) return { feasible, contiguity: guard.allContiguous() };
  let contiguous = false;
  for (let round = 0; round < 4 && !ctx.shouldStop(); round++) {
    contiguous = repairContiguity(state, guard, ctx.shouldStop, onDrop);
    feasible = repairBands(state, guard, { contiguity: true, shouldStop: ctx.shouldStop });
    if (feasible && contiguous) break;
  }
  ctx.phase('contiguity');
  return { feasible, contiguity: guard.allContiguous() };
}

/** Each free cell to the zone with its largest LP share (cheaper zone on ties). */
export function roundValues(problem: ZoningProblem, zlp: ZoningLp, values: Float64Array): Int32Array {
  const { colCell, colZone } = zlp;
  const zone = new Int32Array(problem.cells).fill(UNASSIGNED);
  const best = new Float64Array(problem.cells).fill(-1);
  for (let c = 0; c < problem.cells; c++) if (problem.fixedZone[c] !== FREE) zone[c] = problem.fixedZone[c];
  for (let j = 0; j < colCell.length; j++) {
    const c = colCell[j];
    const v = values[j];
    const z = colZone[j];
    const cheaper = zone[c] < 0 || problem.cost[c * problem.zones + z] < problem.cost[c * problem.zones + zone[c]];
    if (v > best[c] + 1e-9 || (Math.abs(v - best[c]) <= 1e-9 && cheaper)) {
      best[c] = v;
      zone[c] = z;
    }
  }
  return zone;
}

export function gapPercent(objective: number, bound: number): number {
  if (!Number.isFinite(bound) || !Number.isFinite(objective)) return Infinity;
  if (objective === 0) return bound >= 0 ? 0 : Infinity;
  return Math.max(0, (100 * (objective - bound)) / Math.abs(objective));
}
