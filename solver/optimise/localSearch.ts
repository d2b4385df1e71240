// Local search on a plan that keeps every band: boundary moves (a cell to a
// neighbouring zone) and swaps (a cell each way across one border) that cut
// cost, keep the bands and, when asked, keep every zone in one piece. Cells
// are visited in a seeded random order, so the same seed gives the same plan.
import type { ContiguityGuard } from './contiguity';
import { FREE } from './problem';
import type { PlanState } from './planState';

export interface LocalSearchOptions {
  contiguity: boolean;
  rand: () => number;
  shouldStop: () => boolean;
  /** performance.now() value after which to stop. */
  deadline: number;
  maxPasses?: number;
}

/** Candidates per border direction tried in swaps. */
const SWAP_WIDTH = 24;

export function localSearch(state: PlanState, guard: ContiguityGuard, options: LocalSearchOptions): number {
  const maxPasses = options.maxPasses ?? 50;
  let improvements = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    if (options.shouldStop() || performance.now() > options.deadline) break;
    const gained = movePass(state, guard, options) + swapPass(state, guard, options);
    improvements += gained;
    if (gained === 0) break;
  }
  return improvements;
}

function costTolerance(state: PlanState): number {
  return 1e-9 * Math.max(1, Math.abs(state.objective));
}

function neighbourZones(state: PlanState, c: number): number[] {
  const p = state.problem;
  const from = state.cellZone[c];
  const out: number[] = [];
  for (let k = p.adjStart[c]; k < p.adjStart[c + 1]; k++) {
    const z = state.cellZone[p.adjCells[k]];
    if (z >= 0 && z !== from && !out.includes(z) && Number.isFinite(p.cost[c * p.zones + z])) out.push(z);
  }
  return out;
}

function boundaryCells(state: PlanState, rand: () => number): number[] {
  const p = state.problem;
  const out: number[] = [];
  for (let c = 0; c < p.cells; c++) {
    if (p.fixedZone[c] === FREE && state.cellZone[c] >= 0 && neighbourZones(state, c).length > 0) out.push(c);
  }
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function movePass(state: PlanState, guard: ContiguityGuard, options: LocalSearchOptions): number {
  const tol = costTolerance(state);
  const slack = state.slack();
  let gained = 0;
  for (const c of boundaryCells(state, options.rand)) {
    if (options.shouldStop()) break;
    let bestTo = -1;
    let bestDC = -tol;
    // Moves may use what is left of the slack, so the plan never ends outside it.
    const room = Math.max(0, slack - state.violation());
    for (const to of neighbourZones(state, c)) {
      const dC = state.costDelta(c, to);
      if (dC < bestDC && state.violationDelta(c, to) <= room) {
        bestTo = to;
        bestDC = dC;
      }
    }
    if (bestTo < 0 || (options.contiguity && !guard.canLeave(c))) continue;
    state.move(c, bestTo);
    gained++;
  }
  return gained;
}

interface Crossing {
  cell: number;
  dC: number;
}

/** For each ordered pair of touching zones, the border cells that could cross, cheapest first. */
function crossings(state: PlanState, rand: () => number): Map<number, Crossing[]> {
  const Z = state.problem.zones;
  const out = new Map<number, Crossing[]>();
  for (const c of boundaryCells(state, rand)) {
    const from = state.cellZone[c];
    for (const to of neighbourZones(state, c)) {
      const key = from * Z + to;
      let list = out.get(key);
      if (!list) out.set(key, (list = []));
      list.push({ cell: c, dC: state.costDelta(c, to) });
    }
  }
  for (const list of out.values()) list.sort((a, b) => a.dC - b.dC || a.cell - b.cell);
  return out;
}

function swapPass(state: PlanState, guard: ContiguityGuard, options: LocalSearchOptions): number {
  const Z = state.problem.zones;
  const tol = costTolerance(state);
  const slack = state.slack();
  let gained = 0;
  const lists = crossings(state, options.rand);
  for (let a = 0; a < Z; a++) {
    for (let b = a + 1; b < Z; b++) {
      const ab = lists.get(a * Z + b);
      const ba = lists.get(b * Z + a);
      if (!ab || !ba) continue;
      if (options.shouldStop()) return gained;
      gained += swapAcross(state, guard, options, ab.slice(0, SWAP_WIDTH), ba.slice(0, SWAP_WIDTH), a, b, tol, slack);
    }
  }
  return gained;
}

function swapAcross(
  state: PlanState,
  guard: ContiguityGuard,
  options: LocalSearchOptions,
  ab: Crossing[],
  ba: Crossing[],
  a: number,
  b: number,
  tol: number,
  slack: number,
): number {
  let gained = 0;
  const used = new Set<number>();
  for (const x of ab) {
    for (const y of ba) {
      if (x.dC + y.dC >= -tol) break;
      if (used.has(x.cell) || used.has(y.cell)) continue;
      if (state.cellZone[x.cell] !== a || state.cellZone[y.cell] !== b) continue;
      // Recompute: earlier swaps may have changed these cells' surroundings.
      const dC = state.costDelta(x.cell, b) + state.costDelta(y.cell, a);
      if (dC >= -tol) continue;
      if (options.contiguity && (!guard.canLeave(x.cell) || !guard.touches(x.cell, b))) continue;
      const v0 = state.violation();
      state.move(x.cell, b);
      const ok =
        (!options.contiguity || (guard.canLeave(y.cell) && guard.touches(y.cell, a))) &&
        state.violation() + state.violationDelta(y.cell, a) <= Math.max(v0, slack);
      if (!ok) {
        state.move(x.cell, a);
        continue;
      }
      state.move(y.cell, a);
      used.add(x.cell).add(y.cell);
      gained++;
      break;
    }
  }
  return gained;
}
