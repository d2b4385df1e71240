// Coarsening for large counties: cells that will surely share a zone are
// merged into one, so the LP and the repairs work on a few thousand cells
// however many units the county has. Groups grow breadth-first (so each is in
// one piece) from the lowest cell index over neighbours with the same key (a
// guide zone), up to a size; cells marked `alone` (fixed cells, cells near a
// guide border) stay cells of their own. A coarse problem is a restriction of
// the fine one (grouped cells share a zone): its plans are plans of the fine
// problem, but its LP bound is not a bound of the fine problem; the
// Lagrangian (lagrangian.ts) with its duals, evaluated on the fine cells, is.
import { FREE, groupAdjacency, type ZoningProblem } from './problem';

export interface Grouping {
  /** Group of each fine cell. */
  groupOf: Int32Array;
  groups: number;
}

/** Groups of free cells with one key, in one piece, of at most `size` cells; `alone` and fixed cells stay single. */
export function growGroups(problem: ZoningProblem, key: Int32Array, alone: Uint8Array, size: number): Grouping {
  const { cells, adjStart, adjCells, fixedZone } = problem;
  const groupOf = new Int32Array(cells).fill(-1);
  const single = (c: number) => alone[c] === 1 || fixedZone[c] !== FREE;
  let groups = 0;
  const queue: number[] = [];
  for (let s = 0; s < cells; s++) {
    if (groupOf[s] >= 0) continue;
    const g = groups++;
    groupOf[s] = g;
    if (single(s)) continue;
    queue.length = 0;
    queue.push(s);
    for (let head = 0; head < queue.length && queue.length < size; head++) {
      const u = queue[head];
      for (let k = adjStart[u]; k < adjStart[u + 1] && queue.length < size; k++) {
        const v = adjCells[k];
        if (groupOf[v] >= 0 || single(v) || key[v] !== key[s]) continue;
        groupOf[v] = g;
        queue.push(v);
      }
    }
  }
  return { groupOf, groups };
}

/** 1 for cells within `rings` steps of a cell whose zone in `zoneOf` differs from a neighbour's. */
export function nearBorders(problem: ZoningProblem, zoneOf: Int32Array, rings: number): Uint8Array {
  const { cells, adjStart, adjCells } = problem;
  const near = new Uint8Array(cells);
  let frontier: number[] = [];
  for (let c = 0; c < cells; c++) {
    for (let k = adjStart[c]; k < adjStart[c + 1]; k++) {
      if (zoneOf[adjCells[k]] !== zoneOf[c]) {
        near[c] = 1;
        frontier.push(c);
        break;
      }
    }
  }
  for (let d = 1; d <= rings && frontier.length > 0; d++) {
    const next: number[] = [];
    for (const u of frontier) {
      for (let k = adjStart[u]; k < adjStart[u + 1]; k++) {
        const v = adjCells[k];
        if (!near[v]) {
          near[v] = 1;
          next.push(v);
        }
      }
    }
    frontier = next;
  }
  return near;
}

/** Each free cell's cheapest allowed zone (fixed cells: their own). */
export function cheapestZones(problem: ZoningProblem): Int32Array {
  const { cells, zones, cost } = problem;
  const out = new Int32Array(cells);
  for (let c = 0; c < cells; c++) {
    if (problem.fixedZone[c] !== FREE) {
      out[c] = problem.fixedZone[c];
      continue;
    }
    let best = -1;
    for (let z = 0; z < zones; z++) if (best < 0 || cost[c * zones + z] < cost[c * zones + best]) best = z;
    out[c] = best;
  }
  return out;
}

/** The problem with each group as one cell: sums of hours, costs and moves; same zones, rules and rows. */
export function coarseProblem(problem: ZoningProblem, grouping: Grouping): ZoningProblem {
  const { zones } = problem;
  const { groupOf, groups } = grouping;
  const n = problem.cellOfUnit.length;
  const cellOfUnit = Int32Array.from(problem.cellOfUnit, (c) => groupOf[c]);
  const cellStart = new Int32Array(groups + 1);
  for (let u = 0; u < n; u++) cellStart[cellOfUnit[u] + 1]++;
  for (let g = 0; g < groups; g++) cellStart[g + 1] += cellStart[g];
  const fill = cellStart.slice(0, groups);
  const cellUnits = new Int32Array(n);
  for (let c = 0; c < problem.cells; c++) {
    const g = groupOf[c];
    for (let k = problem.cellStart[c]; k < problem.cellStart[c + 1]; k++) cellUnits[fill[g]++] = problem.cellUnits[k];
  }
  const hours = new Float64Array(groups);
  const users = new Float64Array(groups);
  const ruralHours = new Float64Array(groups);
  const fixedZone = new Int32Array(groups).fill(FREE);
  const startZone = new Int32Array(groups).fill(-1);
  const cost = new Float64Array(groups * zones);
  const moved = new Float64Array(groups * zones);
  const reach = problem.reachNeeded ? new Float64Array(groups * zones) : null;
  for (let c = 0; c < problem.cells; c++) {
    const g = groupOf[c];
    hours[g] += problem.hours[c];
    users[g] += problem.users[c];
    ruralHours[g] += problem.ruralHours[c];
    if (problem.fixedZone[c] !== FREE) fixedZone[g] = problem.fixedZone[c];
    if (startZone[g] < 0) startZone[g] = problem.startZone[c];
    for (let z = 0; z < zones; z++) {
      cost[g * zones + z] += problem.cost[c * zones + z];
      moved[g * zones + z] += problem.moved[c * zones + z];
      if (reach) reach[g * zones + z] = Math.max(reach[g * zones + z], problem.reachNeeded![c * zones + z]);
    }
  }
  const { adjStart, adjCells } = groupAdjacency(problem.adjStart, problem.adjCells, groupOf, groups);
  const rootCell = Int32Array.from(problem.rootCell, (c) => (c >= 0 ? groupOf[c] : -1));
  const sums = { hours, users, ruralHours, cost, moved, reachNeeded: reach };
  return { ...problem, ...sums, cells: groups, cellStart, cellUnits, cellOfUnit, fixedZone, startZone, adjStart, adjCells, rootCell };
}

/** The fine cells' zones from a coarse plan. */
export function fineZones(grouping: Grouping, coarseZone: Int32Array): Int32Array {
  return Int32Array.from(grouping.groupOf, (g) => coarseZone[g]);
}
