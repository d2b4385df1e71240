// Fast mode: LP relaxation (HiGHS, column generation over nearest zones, then
// contiguity cuts while its rounding has stray pieces), round
// each cell to its largest LP share, repair the bands greedily, hand stray
// pieces of zones to neighbours, then local search. Then the LP is re-solved
// with the handed-away cells barred from their zone, and the whole is tried
// again a few times, keeping the best plan: when the stray pieces carried
// something a zone needed (rural hours, say), the LP then finds it in reach.
// The gap is against the LP bound, which holds for contiguous plans once cuts are in.
import type { LpBackend } from '../lp/types';
import { nearestCandidates } from './candidates';
import { ContiguityGuard, repairContiguity } from './contiguity';
import { localSearch } from './localSearch';
import { improvePlan } from './improve';
import type { ZoningProblem } from './problem';
import { PlanState } from './planState';
import { roundValues, solveRelaxation, type Relaxation } from './relaxation';
import { repairBands } from './repair';
import type { OptimisePhase, PhaseTimings } from './types';

/** LP re-solves allowed, besides the tries below, while no plan keeps every rule. */
const MAX_RESOLVES = 4;
/**
 * Re-solves after a plan keeping every rule is found. Barring the pieces the
 * repair gave away makes the LP look elsewhere for what they carried (rural
 * hours, say), and the best plan is kept: at 10,000 x 14 six tries took the
 * gap from 0.61% to 0.33% (balance ±20%) and 0.29% to 0.11% (±35%); twenty
 * took ±20% to 0.22% in 7 s. Thorough mode asks for more.
 */
export const FAST_TRIES = 6;
/** Stop trying once the plan is this close to the bound, %. */
const GOOD_ENOUGH_GAP = 0.01;

export interface RunContext {
  rand: () => number;
  /** True once the run is cancelled. */
  shouldStop: () => boolean;
  /** performance.now() value at which to stop searching and return the best plan so far. */
  deadline: number;
  /** Records a finished phase and tells the caller. */
  phase: (name: OptimisePhase, gapPercent?: number) => void;
  timings: PhaseTimings;
}

export interface FastOutcome {
  /** The LP, solved on `lpProblem` (the problem itself, or a coarsening of it for a large county). */
  relaxation: Relaxation;
  lpProblem: ZoningProblem;
  /** Lower bound on every plan of the problem that keeps the rules (contiguity included when the LP has cuts). */
  bound: number;
  /** Null when the LP relaxation has no solution. */
  state: PlanState | null;
  feasible: boolean;
  contiguous: boolean;
}

export function runFast(problem: ZoningProblem, backend: LpBackend, ctx: RunContext, extraTries = FAST_TRIES): FastOutcome {
  const initial = nearestCandidates(problem, problem.rules.candidateZones);
  const { relaxation, session } = solveRelaxation(problem, backend, initial, ctx.shouldStop);
  try {
    ctx.phase('lp');
    const failed = { relaxation, lpProblem: problem, bound: relaxation.bound, state: null, feasible: false, contiguous: false };
    if (relaxation.status !== 'optimal') return failed;
    const late = () => ctx.shouldStop() || performance.now() > ctx.deadline;
    const columnOf = new Map<number, number>();
    relaxation.zlp.colCell.forEach((c, j) => columnOf.set(c * problem.zones + relaxation.zlp.colZone[j], j));
    let values = relaxation.values;
    let best: { state: PlanState; outcome: { feasible: boolean; contiguity: boolean } } | null = null;
    let tries = 0;
    for (let attempt = 0; attempt <= MAX_RESOLVES + extraTries && !ctx.shouldStop() && (attempt === 0 || !late()); attempt++) {
      const state = new PlanState(problem, roundValues(problem, relaxation.zlp, values));
      ctx.phase('round');
      const guard = new ContiguityGuard(state);
      const dropped: number[] = [];
      const outcome = makeFeasible(state, guard, relaxation.candidates, ctx, (c, z) => dropped.push(columnOf.get(c * problem.zones + z) ?? -1));
      if (outcome.feasible) {
        localSearch(state, guard, {
          contiguity: problem.rules.contiguous,
          rand: ctx.rand,
          shouldStop: ctx.shouldStop,
          deadline: Math.min(ctx.deadline, performance.now() + 2000 + problem.cells / 5),
        });
        tries++;
      }
      if (!best || !best.outcome.feasible || (outcome.feasible && state.objective < best.state.objective)) best = { state, outcome };
      if (tries > extraTries || (best.outcome.feasible && gapPercent(best.state.objective, relaxation.bound) < GOOD_ENOUGH_GAP)) break;
      const forbid = dropped.filter((j) => j >= 0);
      if (forbid.length === 0) break;
      for (const j of forbid) session.setColumnBounds(j, 0, 0);
      const res = session.solve({ relax: true, shouldStop: late });
      ctx.phase('lp');
      if (res.status !== 'optimal') break;
      values = res.values;
    }
    const state = best?.state ?? null;
    const outcome = best?.outcome ?? { feasible: false, contiguity: false };
    if (state && outcome.feasible) descend(state, ctx);
    ctx.phase('local-search', state ? gapPercent(state.objective, relaxation.bound) : undefined);
    return { ...failed, state, feasible: outcome.feasible && !!state?.feasible(), contiguous: outcome.contiguity };
  } finally {
    session.dispose();
  }
}

/**
 * A short chain descent (improve.ts) on the chosen plan. Bounded by passes, not
 * the clock, so the same seed gives the same plan; a pass over a 10,000-unit
 * border takes about 0.3 s, so large counties get two.
 */
export function descend(state: PlanState, ctx: RunContext): void {
  const guard = new ContiguityGuard(state);
  const contiguity = state.problem.rules.contiguous;
  if (contiguity && !guard.allContiguous()) return;
  const maxPasses = state.problem.cells <= 2000 ? 20 : 2;
  improvePlan(state, guard, { contiguity, rand: ctx.rand, shouldStop: ctx.shouldStop, deadline: ctx.deadline, maxPasses });
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

export function gapPercent(objective: number, bound: number): number {
  if (!Number.isFinite(bound) || !Number.isFinite(objective)) return Infinity;
  if (objective === 0) return bound >= 0 ? 0 : Infinity;
  return Math.max(0, (100 * (objective - bound)) / Math.abs(objective));
}
