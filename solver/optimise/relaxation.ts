// Solves the LP relaxation by column generation: solve over the candidate
// columns, price every other allowed (cell, zone) with the duals, add those that
// would pay, re-solve from the last basis, repeat. The bound it returns holds
// for all plans, not only those within the candidates (Lagrangian bound: LP +
// sum over cells of the most negative reduced cost). When the rules ask for
// contiguous zones, the LP's rounding is then checked for stray pieces and
// contiguity cuts (contiguityCuts.ts) are added, a few rounds: the bound then
// holds for contiguous plans, and the LP starts to route corridors to the rural
// or outlying cells a zone reaches for, which can leave repair less to do.
import type { LpBackend, LpSession, LpStatus } from '../lp/types';
import { UNASSIGNED } from '../model';
import { allCandidates } from './candidates';
import { ContiguityGuard } from './contiguity';
import { contiguityCuts, cutRow, type ContiguityCut } from './contiguityCuts';
import { FREE, type ZoningProblem } from './problem';
import { PlanState } from './planState';
import { buildZoningLp, cheapestColumnBasis, LP_COST_SCALE, reducedCost, zoningColumn, type Candidates, type ZoningLp } from './zoningLp';

const MAX_PRICING_ROUNDS = 8;
/** Rounds of contiguity cuts on the LP; each costs one warm re-solve. More rounds tail off
 * (10,000 x 14: the bound gains 0.015% over 8 rounds) and their roundings repair no better. */
const MAX_CUT_ROUNDS = 3;

export interface Relaxation {
  status: LpStatus;
  zlp: ZoningLp;
  candidates: Candidates;
  /** LP column values. */
  values: Float64Array;
  /** Duals of the LP's rows: the rule rows of zlp, then one per cut. */
  duals: Float64Array;
  /** LP objective including fixed cells, metre·hours. */
  objective: number;
  /** Valid lower bound on any plan (contiguous plans once there are cuts), metre·hours. */
  bound: number;
  rounds: number;
  /** Contiguity cuts in the LP, with their row indices. */
  cuts: Array<{ cut: ContiguityCut; row: number }>;
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
  let fresh = true;
  let pricing = 0;
  let cutRounds = 0;
  let previous: RelaxationSession | null = null;
  const cuts: Relaxation['cuts'] = [];
  const columnAt = new Int32Array(problem.cells * problem.zones);
  const indexColumns = () => {
    columnAt.fill(-1);
    zlp.colCell.forEach((c, j) => (columnAt[c * problem.zones + zlp.colZone[j]] = j));
  };
  indexColumns();
  const addColumns = (pairs: Array<[number, number]>) => {
    session.addColumns(pairs.map(([c, z]) => zoningColumn(problem, zlp, c, z)));
    for (const [c, z] of pairs) {
      columnAt[c * problem.zones + z] = zlp.colCell.length;
      zlp.colCell.push(c);
      zlp.colZone.push(z);
      candidates[c].push(z);
    }
  };
  for (let round = 1; ; round++) {
    // A freshly loaded LP starts from the cheapest-zone basis; later rounds from the last one.
    const res = session.solve({ relax: true, shouldStop, startBasis: fresh ? cheapestColumnBasis(zlp) : undefined });
    fresh = false;
    if (res.status === 'infeasible' && !widened && cuts.length === 0) {
      // The candidates may be what makes it infeasible: offer every zone once.
      session.dispose();
      candidates = allCandidates(problem);
      zlp = buildZoningLp(problem, candidates, false);
      session = backend.openSession(zlp.lp);
      indexColumns();
      widened = true;
      fresh = true;
      continue;
    }
    // Cuts that leave no solution mean no contiguous plan keeps the bands: report the
    // LP before them, whose rounding repair can still try (and explain).
    if ((res.status !== 'optimal' || !res.rowDuals) && previous) return previous;
    if (res.status !== 'optimal' || !res.rowDuals) {
      const relaxation = { status: res.status, zlp, candidates, values: res.values, duals: new Float64Array(0), objective: NaN, bound, rounds: round, cuts };
      return { relaxation, session };
    }
    const duals = res.rowDuals;
    const objective = res.objective / LP_COST_SCALE + zlp.fixedCost;
    const { added, lagrangian } = priceOut(problem, zlp, duals, candidates);
    bound = Math.max(bound, objective + lagrangian / LP_COST_SCALE);
    const done = () => ({
      relaxation: { status: 'optimal' as const, zlp, candidates, values: res.values, duals, objective, bound: Math.min(bound, objective), rounds: round, cuts: cuts.slice() },
      session,
    });
    if (shouldStop()) return done();
    if (added.length > 0 && pricing < MAX_PRICING_ROUNDS) {
      pricing++;
      addColumns(added);
      continue;
    }
    if (added.length > 0 || !problem.rules.contiguous || cutRounds >= MAX_CUT_ROUNDS) return done();
    const found = separate(problem, zlp, res.values, columnAt);
    if (found.length === 0) return done();
    previous = done();
    cutRounds++;
    // Every ring cell gets its column now, so no later priced column can belong in a cut row.
    const missing = new Set<number>();
    for (const cut of found) for (const c of cut.ring) if (columnAt[c * problem.zones + cut.zone] < 0) missing.add(c * problem.zones + cut.zone);
    addColumns([...missing].map((k) => [Math.floor(k / problem.zones), k % problem.zones]));
    const rows = found.map((cut) => cutRow(cut, (c, z) => columnAt[c * problem.zones + z])!);
    const first = zlp.lp.numRows + cuts.length;
    session.addRows(rows);
    found.forEach((cut, k) => cuts.push({ cut, row: first + k }));
  }
}

/** Contiguity cuts the LP solution breaks, from the stray pieces of its rounding. */
function separate(problem: ZoningProblem, zlp: ZoningLp, values: Float64Array, columnAt: Int32Array): ContiguityCut[] {
  const state = new PlanState(problem, roundValues(problem, zlp, values));
  const share = (c: number, z: number) => {
    const j = columnAt[c * problem.zones + z];
    return j >= 0 ? values[j] : problem.fixedZone[c] === z ? 1 : 0;
  };
  return contiguityCuts(state, new ContiguityGuard(state), share);
}

/** Reduced cost of (c, z) against the LP's duals, cut rows included (hour·km). */
export function fullReducedCosts(problem: ZoningProblem, relaxation: Relaxation): Float64Array {
  const { cells, zones, cost } = problem;
  const rc = new Float64Array(cells * zones).fill(Infinity);
  for (let c = 0; c < cells; c++) {
    if (problem.fixedZone[c] !== FREE) continue;
    for (let z = 0; z < zones; z++) {
      if (Number.isFinite(cost[c * zones + z])) rc[c * zones + z] = reducedCost(problem, relaxation.zlp, relaxation.duals, c, z);
    }
  }
  for (const { cut, row } of relaxation.cuts) {
    const y = relaxation.duals[row];
    rc[cut.head * zones + cut.zone] += y;
    for (const c of cut.ring) rc[c * zones + cut.zone] -= y;
  }
  return rc;
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
      // Columns outside the LP are in no cut row (ring columns are added with their cut).
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
