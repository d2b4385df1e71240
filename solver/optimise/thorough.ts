// Thorough mode: a HiGHS MIP started from the best plan so far. Columns whose
// reduced cost exceeds (fast objective - LP bound) cannot appear in any better
// plan (reduced-cost fixing), so the MIP holds only the few that can and its
// proven bound is valid for every plan. Contiguity is added lazily: while the
// MIP's plan has stray pieces, cuts that forbid them (contiguityCuts.ts) are
// appended and the MIP re-solved, started from the best contiguous plan. Each
// round's MIP plan is also repaired to a contiguous one (contiguity repair and
// local search, as in fast mode), so stopping early still leaves a good plan.
// When the MIP's own plan is contiguous it is optimal within the MIP gap.
// Around the MIP, ejection-chain search (improve.ts) improves the best plan:
// one descent before (a cheaper start drops more MIP columns), an iterated
// search with the time the MIP leaves after (MIP_SHARE).
import type { LpBackend, LpResult } from '../lp/types';
import { ContiguityGuard } from './contiguity';
import { contiguityCuts, cutRow } from './contiguityCuts';
import { gapPercent, makeFeasible, type RunContext } from './fast';
import { improvePlan } from './improve';
import { localSearch } from './localSearch';
import { FREE, type ZoningProblem } from './problem';
import { PlanState } from './planState';
import { fullReducedCosts, type Relaxation } from './relaxation';
import { buildZoningLp, LP_COST_SCALE, type Candidates, type ZoningLp } from './zoningLp';

/** Stop the MIP this close to its bound: well inside the 0.05% a planner could notice. */
const MIP_GAP = 1e-4;
/** MIP solves at most. */
const MAX_ROUNDS = 12;
/**
 * Share of the time left after the first chain descent that the MIP may use;
 * the rest goes to the iterated chain search on the best plan. At 10,000 x 14
 * the MIP's bound gains only ~0.0005% over the LP's and its plans rarely beat
 * the chain search's, so it gets less than half.
 */
const MIP_SHARE = 0.35;
/** Kicks in the final iterated chain search (counted, not timed, so the same seed gives the same plan). */
const KICKS = 80;

export interface ThoroughOutcome {
  state: PlanState;
  /** Lower bound on every plan keeping the rules (contiguity included when the rules ask for it). */
  bound: number;
  /** The last MIP plan before contiguity repair, metre·hours (NaN when the MIP found none). */
  mipObjective: number;
  /** MIP solves made (1 + rounds of contiguity cuts). */
  rounds: number;
}

export function runThorough(
  problem: ZoningProblem,
  backend: LpBackend,
  relaxation: Relaxation,
  fast: PlanState | null,
  timeLimitSeconds: number,
  ctx: RunContext,
): ThoroughOutcome | null {
  const deadline = performance.now() + 1000 * timeLimitSeconds;
  let best = fast && fast.feasible() ? fast : null;
  // Chain descent first: a cheaper start lets reduced-cost fixing drop more MIP columns.
  if (best) {
    best = new PlanState(problem, best.cellZone);
    improve(best, ctx, deadline, 0);
  }
  const mipDeadline = performance.now() + MIP_SHARE * Math.max(0, deadline - performance.now());
  const upper = best ? best.objective : Infinity;
  const zlp = buildZoningLp(problem, mipColumns(problem, relaxation, best, upper), true);
  const column = columnIndex(problem, zlp);
  const session = backend.openSession(zlp.lp);
  // The LP's cuts hold for every contiguous plan; columns the MIP left out are 0 in any better plan.
  if (problem.rules.contiguous) session.addRows(relaxation.cuts.map(({ cut }) => cutRow(cut, column)).filter((r) => r !== null));
  let bound = relaxation.bound;
  let mipObjective = NaN;
  let rounds = 0;
  try {
    while (rounds < MAX_ROUNDS && !ctx.shouldStop()) {
      // Each round may use all the time left: HiGHS restarts its search after new
      // rows, and a round cut short (tried: half the time left each) found no
      // better plan at 10,000 x 14 than one long round.
      const seconds = (mipDeadline - performance.now()) / 1000;
      if (seconds <= 0.05) break;
      rounds++;
      const res = session.solve({
        timeLimitSeconds: seconds,
        mipRelativeGap: MIP_GAP,
        initialValues: best ? startValues(zlp, column, best.cellZone) : undefined,
        shouldStop: ctx.shouldStop,
        onProgress: (p) => {
          if (p.gap !== undefined) ctx.phase('mip', 100 * p.gap);
        },
      });
      const mipBound = Number.isFinite(res.bound) ? res.bound / LP_COST_SCALE + zlp.fixedCost : -Infinity;
      bound = Math.max(bound, Math.min(mipBound, best ? best.objective : Infinity));
      ctx.phase('mip');
      const state = mipPlan(problem, zlp, res);
      if (!state) break;
      mipObjective = state.objective;
      const guard = new ContiguityGuard(state);
      if (!problem.rules.contiguous || guard.allContiguous()) {
        if (!best || state.objective < best.objective) best = state;
        break;
      }
      const cuts = contiguityCuts(state, guard, (c, z) => (state.cellZone[c] === z ? 1 : 0))
        .map((cut) => cutRow(cut, column))
        .filter((r) => r !== null);
      const repaired = repairCopy(state, relaxation, ctx, mipDeadline);
      if (repaired && (!best || repaired.objective < best.objective)) best = repaired;
      if (best) bound = Math.min(bound, best.objective);
      if (cuts.length === 0 || res.status !== 'optimal') break;
      session.addRows(cuts);
    }
  } finally {
    session.dispose();
  }
  if (!best) return null;
  improve(best, ctx, deadline, KICKS);
  ctx.phase('local-search', gapPercent(best.objective, bound));
  return { state: best, bound, mipObjective, rounds };
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
function repairCopy(state: PlanState, relaxation: Relaxation, ctx: RunContext, deadline: number): PlanState | null {
  const copy = new PlanState(state.problem, state.cellZone);
  const guard = new ContiguityGuard(copy);
  const { feasible } = makeFeasible(copy, guard, relaxation.candidates, ctx);
  if (!feasible || !guard.allContiguous()) return null;
  localSearch(copy, guard, { contiguity: true, rand: ctx.rand, shouldStop: ctx.shouldStop, deadline: Math.min(deadline, performance.now() + 2000) });
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
