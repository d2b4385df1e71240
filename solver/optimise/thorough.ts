// Thorough mode: fast mode's plan, then the rest of the time limit spent on
// it, and it is returned unless something better is found (never worse than
// fast mode, and never worse with more time: every step below is counted, not
// timed, so a longer limit runs the same steps and more of them, and the best
// plan so far is kept).
// 1. On small problems (MIP_CELLS), a HiGHS MIP started from the fast plan.
//    Columns whose reduced cost exceeds (fast objective - LP bound) cannot
//    appear in any better plan (reduced-cost fixing), so the MIP holds only the
//    few that can and its proven bound holds for every plan. Contiguity is
//    added lazily: while the MIP's plan has stray pieces, cuts that forbid them
//    (contiguityCuts.ts) are appended and the MIP re-solved; each round's plan
//    is also repaired to a contiguous one. At 10,000 x 14 the MIP's bound gained
//    only 0.0005% over the LP in 20 s and its plans never beat the chain
//    search, so large problems skip it.
// 2. Iterated ejection-chain search (improve.ts) from the fast plan until the
//    deadline, or until the plan is proven optimal.
import type { LpBackend, LpResult } from '../lp/types';
import { ContiguityGuard } from './contiguity';
import { contiguityCuts, cutRow } from './contiguityCuts';
import { gapPercent, makeFeasible, type FastOutcome, type RunContext } from './fast';
import { improvePlan } from './improve';
import { localSearch } from './localSearch';
import { FREE, type ZoningProblem } from './problem';
import { PlanState } from './planState';
import { seededRandom } from '../random';
import { fullReducedCosts, type Relaxation } from './relaxation';
import { buildZoningLp, LP_COST_SCALE, type Candidates, type ZoningLp } from './zoningLp';

/** Stop the MIP this close to its bound: well inside the 0.05% a planner could notice. */
const MIP_GAP = 1e-4;
/** MIP solves at most. */
const MAX_ROUNDS = 12;
/** Problems up to this many cells get the MIP. */
export const MIP_CELLS = 3_000;
/** Share of the time after fast mode that the MIP may use; the chain search gets the rest. */
const MIP_SHARE = 0.35;
/** A plan this close to the bound (%) is optimal: nothing is left to search for. */
export const PROVEN_GAP = 1e-3;
/** Local search passes on a repaired MIP plan. */
const REPAIR_PASSES = 10;

export interface ThoroughOutcome {
  state: PlanState;
  /** Lower bound on every plan keeping the rules (contiguity included when the rules ask for it). */
  bound: number;
  /** MIP solves made (1 + rounds of contiguity cuts), 0 when the problem is too large for it. */
  rounds: number;
}

/** `ctx.deadline` is the end of the whole thorough run. */
export function runThorough(problem: ZoningProblem, backend: LpBackend, fast: FastOutcome, ctx: RunContext): ThoroughOutcome | null {
  const start = fast.state && fast.feasible && (!problem.rules.contiguous || fast.contiguous) ? fast.state : null;
  let best = start ? new PlanState(problem, start.cellZone) : null;
  let bound = fast.bound;
  let rounds = 0;
  // The chain search's own random stream, drawn before the MIP uses ctx.rand a varying number of times.
  const rand = seededRandom(Math.floor(ctx.rand() * 2 ** 31));
  if (fast.lpProblem === problem && problem.cells <= MIP_CELLS && fast.relaxation.status === 'optimal') {
    const mipDeadline = performance.now() + MIP_SHARE * Math.max(0, ctx.deadline - performance.now());
    const mip = runMip(problem, backend, fast.relaxation, start, mipDeadline, ctx);
    rounds = mip.rounds;
    bound = Math.max(bound, mip.bound);
    if (mip.plan && (!best || mip.plan.objective < best.objective)) best = mip.plan;
  }
  if (!best) return null;
  if (gapPercent(best.objective, bound) >= PROVEN_GAP) {
    // From the fast plan, not the MIP's: the chain search then runs the same steps whatever the MIP found in its time.
    const searched = new PlanState(problem, (start ?? best).cellZone);
    improve(searched, { ...ctx, rand }, ctx.deadline, Infinity);
    if (searched.objective < best.objective) best = searched;
  }
  ctx.phase('local-search', gapPercent(best.objective, bound));
  return { state: best, bound: Math.min(bound, best.objective), rounds };
}

/** The MIP with lazy contiguity cuts; its bound, and the best plan keeping every rule it found. */
function runMip(
  problem: ZoningProblem,
  backend: LpBackend,
  relaxation: Relaxation,
  start: PlanState | null,
  deadline: number,
  ctx: RunContext,
): { bound: number; plan: PlanState | null; rounds: number } {
  let best: PlanState | null = null;
  const upper = start ? start.objective : Infinity;
  const zlp = buildZoningLp(problem, mipColumns(problem, relaxation, start, upper), true);
  const column = columnIndex(problem, zlp);
  const session = backend.openSession(zlp.lp);
  // The LP's cuts hold for every contiguous plan; columns the MIP left out are 0 in any better plan.
  if (problem.rules.contiguous) session.addRows(relaxation.cuts.map(({ cut }) => cutRow(cut, column)).filter((r) => r !== null));
  let bound = relaxation.bound;
  let rounds = 0;
  const incumbent = () => best ?? start;
  try {
    while (rounds < MAX_ROUNDS && !ctx.shouldStop()) {
      // Each round may use all the time left: HiGHS restarts its search after new
      // rows, and a round cut short (tried: half the time left each) found no
      // better plan at 10,000 x 14 than one long round.
      const seconds = (deadline - performance.now()) / 1000;
      if (seconds <= 0.05) break;
      rounds++;
      const from = incumbent();
      const res = session.solve({
        timeLimitSeconds: seconds,
        mipRelativeGap: MIP_GAP,
        initialValues: from ? startValues(zlp, column, from.cellZone) : undefined,
        shouldStop: ctx.shouldStop,
        onProgress: (p) => {
          if (p.gap !== undefined) ctx.phase('mip', 100 * p.gap);
        },
      });
      const mipBound = Number.isFinite(res.bound) ? res.bound / LP_COST_SCALE + zlp.fixedCost : -Infinity;
      // Reduced-cost fixing only holds below the fast plan: the bound is at most that plan.
      bound = Math.max(bound, Math.min(mipBound, upper));
      ctx.phase('mip');
      const state = mipPlan(problem, zlp, res);
      if (!state) break;
      const guard = new ContiguityGuard(state);
      if (!problem.rules.contiguous || guard.allContiguous()) {
        if (!best || state.objective < best.objective) best = state;
        break;
      }
      const cuts = contiguityCuts(state, guard, (c, z) => (state.cellZone[c] === z ? 1 : 0))
        .map((cut) => cutRow(cut, column))
        .filter((r) => r !== null);
      const repaired = repairCopy(state, relaxation, ctx);
      if (repaired && (!best || repaired.objective < best.objective)) best = repaired;
      if (cuts.length === 0 || res.status !== 'optimal') break;
      session.addRows(cuts);
    }
  } finally {
    session.dispose();
  }
  return { bound, plan: best, rounds };
}

/** The MIP's plan, or null when it has none or it breaks the bands (never trust a status). */
function mipPlan(problem: ZoningProblem, zlp: ZoningLp, res: LpResult): PlanState | null {
  if (res.status !== 'optimal' && res.status !== 'feasible') return null;
  const zone = Int32Array.from(problem.fixedZone, (f) => (f === FREE ? -1 : f));
  for (let j = 0; j < zlp.colCell.length; j++) if (res.values[j] > 0.5) zone[zlp.colCell[j]] = zlp.colZone[j];
  const complete = zone.every((z, c) => problem.fixedZone[c] !== FREE || z >= 0);
  const state = new PlanState(problem, zone);
  return complete && state.feasible() ? state : null;
}

/** Chain descent, then `kicks` rounds of iterated chain search, on a plan that keeps every rule (in place). */
function improve(state: PlanState, ctx: RunContext, deadline: number, kicks: number): void {
  const guard = new ContiguityGuard(state);
  const contiguity = state.problem.rules.contiguous;
  if (contiguity && !guard.allContiguous()) return;
  improvePlan(state, guard, { contiguity, rand: ctx.rand, shouldStop: ctx.shouldStop, deadline, kicks });
}

/** A contiguous, band-keeping copy of the MIP plan, or null when repair fails. */
function repairCopy(state: PlanState, relaxation: Relaxation, ctx: RunContext): PlanState | null {
  const copy = new PlanState(state.problem, state.cellZone);
  const guard = new ContiguityGuard(copy);
  const { feasible } = makeFeasible(copy, guard, relaxation.candidates, ctx);
  if (!feasible || !guard.allContiguous()) return null;
  localSearch(copy, guard, { contiguity: true, rand: ctx.rand, shouldStop: ctx.shouldStop, deadline: Infinity, maxPasses: REPAIR_PASSES });
  ctx.phase('local-search');
  return copy;
}

/**
 * Per free cell, the zones whose Lagrangian reduced cost is within the gap
 * (upper - bound), plus the start plan's zone. With no upper bound, the LP's
 * candidate columns.
 */
function mipColumns(problem: ZoningProblem, relaxation: Relaxation, start: PlanState | null, upper: number): Candidates {
  if (!Number.isFinite(upper)) return relaxation.candidates.map((zs) => [...zs]);
  const { cells, zones, cost } = problem;
  const rc = fullReducedCosts(problem, relaxation);
  const least = new Float64Array(cells);
  let sumLeast = 0;
  for (let c = 0; c < cells; c++) {
    if (problem.fixedZone[c] !== FREE) continue;
    for (let z = 0; z < zones; z++) least[c] = Math.min(least[c], rc[c * zones + z]);
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
        if (rc[c * zones + z] - least[c] <= room + tol || (start && start.cellZone[c] === z)) keep.push(z);
      }
    }
    out.push(keep);
  }
  return out;
}

/** column(c, z): the MIP column of free cell c in zone z, or -1. */
function columnIndex(problem: ZoningProblem, zlp: ZoningLp): (cell: number, zone: number) => number {
  const index = new Int32Array(problem.cells * problem.zones).fill(-1);
  for (let j = 0; j < zlp.colCell.length; j++) index[zlp.colCell[j] * problem.zones + zlp.colZone[j]] = j;
  return (c, z) => index[c * problem.zones + z];
}

/** MIP start from a plan; undefined when the plan uses a column the MIP left out. */
function startValues(zlp: ZoningLp, column: (cell: number, zone: number) => number, cellZone: Int32Array): Float64Array | undefined {
  const x = new Float64Array(zlp.colCell.length);
  for (let c = 0; c < cellZone.length; c++) {
    if (zlp.rows.assign[c] < 0) continue;
    const j = column(c, cellZone[c]);
    if (j < 0) return undefined;
    x[j] = 1;
  }
  return x;
}
