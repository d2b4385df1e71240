// Solves the LP relaxation by column generation: solve over the candidate
// columns, price every other allowed (cell, zone) with the duals, add those that
// would pay, re-solve from the last basis, repeat. The bound it returns holds
// for all plans, not only those within the candidates (Lagrangian bound: LP +
// sum over cells of the most negative reduced cost).
import type { LpBackend, LpSession, LpStatus } from '../lp/types';
import { allCandidates } from './candidates';
import { FREE, type ZoningProblem } from './problem';
import { buildZoningLp, LP_COST_SCALE, reducedCost, zoningColumn, type Candidates, type ZoningLp } from './zoningLp';

const MAX_ROUNDS = 8;

export interface Relaxation {
  status: LpStatus;
  zlp: ZoningLp;
  candidates: Candidates;
  /** LP column values. */
  values: Float64Array;
  duals: Float64Array;
  /** LP objective including fixed cells, metre·hours. */
  objective: number;
  /** Valid lower bound on any plan (without contiguity), metre·hours. */
  bound: number;
  rounds: number;
}

/** An LP kept loaded so later restrictions (forbidden columns) re-solve quickly. */
export interface RelaxationSession {
  relaxation: Relaxation;
  session: LpSession;
}

export function solveRelaxation(
  problem: ZoningProblem,
  backend: LpBackend,
  initial: Candidates,
  shouldStop: () => boolean,
): RelaxationSession {
  let candidates = initial.map((zs) => [...zs]);
  let zlp = buildZoningLp(problem, candidates, false);
  let session = backend.openSession(zlp.lp);
  let widened = false;
  let bound = -Infinity;
  for (let round = 1; ; round++) {
    const res = session.solve({ relax: true, shouldStop });
    if (res.status === 'infeasible' && !widened) {
      // The candidates may be what makes it infeasible: offer every zone once.
      session.dispose();
      candidates = allCandidates(problem);
      zlp = buildZoningLp(problem, candidates, false);
      session = backend.openSession(zlp.lp);
      widened = true;
      continue;
    }
    if (res.status !== 'optimal' || !res.rowDuals) {
      const relaxation = { status: res.status, zlp, candidates, values: res.values, duals: new Float64Array(0), objective: NaN, bound, rounds: round };
      return { relaxation, session };
    }
    const duals = res.rowDuals;
    const objective = res.objective / LP_COST_SCALE + zlp.fixedCost;
    const { added, lagrangian } = priceOut(problem, zlp, duals, candidates);
    bound = Math.max(bound, objective + lagrangian / LP_COST_SCALE);
    if (added.length === 0 || round >= MAX_ROUNDS || shouldStop()) {
      const relaxation = { status: 'optimal' as const, zlp, candidates, values: res.values, duals, objective, bound: Math.min(bound, objective), rounds: round };
      return { relaxation, session };
    }
    session.addColumns(added.map(([c, z]) => zoningColumn(problem, zlp, c, z)));
    for (const [c, z] of added) {
      zlp.colCell.push(c);
      zlp.colZone.push(z);
      candidates[c].push(z);
    }
  }
}

/** Columns with negative reduced cost, and the sum of each cell's most negative one. */
function priceOut(
  problem: ZoningProblem,
  zlp: ZoningLp,
  duals: Float64Array,
  candidates: Candidates,
): { added: Array<[number, number]>; lagrangian: number } {
  const { cells, zones, cost } = problem;
  const inSet = new Uint8Array(zones);
  const added: Array<[number, number]> = [];
  let lagrangian = 0;
  for (let c = 0; c < cells; c++) {
    if (problem.fixedZone[c] !== FREE) continue;
    inSet.fill(0);
    for (const z of candidates[c]) inSet[z] = 1;
    let worst = 0;
    for (let z = 0; z < zones; z++) {
      if (inSet[z] || !Number.isFinite(cost[c * zones + z])) continue;
      const rc = reducedCost(problem, zlp, duals, c, z);
      const tol = 1e-9 * Math.max(1, cost[c * zones + z] * LP_COST_SCALE);
      if (rc < -tol) {
        added.push([c, z]);
        worst = Math.min(worst, rc);
      }
    }
    lagrangian += worst;
  }
  return { added, lagrangian };
}
