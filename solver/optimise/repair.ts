// Greedy repair: while the plan breaks a band, make the single move (cell to
// another zone) that removes the most violation per unit of extra cost (a few
// per scan of the map, between zones no other move of the scan touched). With
// contiguity on, only moves that keep both zones in one piece are allowed.
// When no single move helps, try two moves in a chain (A->B then B->C, or a swap).
import { ContiguityGuard } from './contiguity';
import { FREE } from './problem';
import type { PlanState } from './planState';

export interface RepairOptions {
  contiguity: boolean;
  shouldStop: () => boolean;
  /** Extra zones each cell may move to besides its neighbours' (LP candidates); ignored with contiguity. */
  candidates?: number[][];
  maxSteps?: number;
}

interface Move {
  cell: number;
  from: number;
  to: number;
  dV: number;
  dC: number;
}

export function repairBands(state: PlanState, guard: ContiguityGuard, options: RepairOptions): boolean {
  const maxSteps = options.maxSteps ?? 20 * state.problem.cells + 100;
  for (let step = 0; step < maxSteps && !options.shouldStop(); step++) {
    if (state.feasible()) return true;
    if (singleMoves(state, guard, options) === 0 && !bestChain(state, guard, options)) return false;
  }
  return state.feasible();
}

/** Zones a cell may move to: its neighbours' zones and (without contiguity) its LP candidates. Reuses `out`. */
function targets(state: PlanState, c: number, options: RepairOptions, out: number[]): number[] {
  const p = state.problem;
  out.length = 0;
  for (let k = p.adjStart[c]; k < p.adjStart[c + 1]; k++) addTarget(state, c, state.cellZone[p.adjCells[k]], out);
  if (!options.contiguity && options.candidates) for (const z of options.candidates[c] ?? []) addTarget(state, c, z, out);
  return out;
}

// A plain function, not a closure per call: this runs for every cell on every repair step.
function addTarget(state: PlanState, c: number, z: number, out: number[]): void {
  const p = state.problem;
  if (z >= 0 && z !== state.cellZone[c] && Number.isFinite(p.cost[c * p.zones + z]) && !out.includes(z)) out.push(z);
}

/**
 * Least violation a move must remove to count: a share of the slack, so that
 * while the plan is outside the slack some zone is outside its share of it
 * and a move that mends that zone counts.
 */
function progress(state: PlanState): number {
  return state.slack() / (state.problem.zones + 2);
}

/** 1 for zones outside their bands (every zone when the disruption limit is broken). */
function violatedZones(state: PlanState, tol: number): Uint8Array {
  const p = state.problem;
  const out = new Uint8Array(p.zones);
  const all = state.disruptionViolation(state.movedTotal) > tol;
  for (let z = 0; z < p.zones; z++) out[z] = all || state.zoneViolation(z, state.zoneHours[z], state.zoneRural[z]) > tol ? 1 : 0;
  return out;
}

/** True when c could move to a zone outside its bands (cheap pre-check before listing targets). */
function touchesViolated(state: PlanState, c: number, options: RepairOptions, violated: Uint8Array): boolean {
  const p = state.problem;
  for (let k = p.adjStart[c]; k < p.adjStart[c + 1]; k++) {
    const z = state.cellZone[p.adjCells[k]];
    if (z >= 0 && violated[z]) return true;
  }
  if (!options.contiguity && options.candidates) for (const z of options.candidates[c] ?? []) if (violated[z]) return true;
  return false;
}

function improvingMoves(state: PlanState, options: RepairOptions): Move[] {
  const p = state.problem;
  const tol = progress(state);
  // A move between two zones inside their bands cannot reduce the violation: skip it unpriced.
  const violated = violatedZones(state, tol);
  const moves: Move[] = [];
  const scratch: number[] = [];
  const consider = (c: number) => {
    if (p.fixedZone[c] !== FREE) return;
    const from = state.cellZone[c];
    if (!violated[from] && !touchesViolated(state, c, options, violated)) return;
    for (const to of targets(state, c, options, scratch)) {
      if (!violated[from] && !violated[to]) continue;
      const dV = state.violationDelta(c, to);
      if (dV < -tol) moves.push({ cell: c, from, to, dV, dC: state.costDelta(c, to) });
    }
  };
  if (options.contiguity) {
    // Moves go to a neighbour's zone: only cells of a violated zone and their neighbours can help.
    const seen = new Uint8Array(p.cells);
    for (let z = 0; z < p.zones; z++) {
      if (!violated[z]) continue;
      for (const c of state.members[z]) {
        for (let k = p.adjStart[c]; k < p.adjStart[c + 1]; k++) {
          const v = p.adjCells[k];
          if (state.cellZone[v] === z) continue;
          if (!seen[c]) {
            seen[c] = 1;
            consider(c);
          }
          if (!seen[v]) {
            seen[v] = 1;
            consider(v);
          }
        }
      }
    }
  } else {
    for (let c = 0; c < p.cells; c++) consider(c);
  }
  // Least extra cost per hour of violation removed; ties broken by index for determinism.
  moves.sort((a, b) => a.dC / -a.dV - b.dC / -b.dV || a.cell - b.cell || a.to - b.to);
  return moves;
}

/**
 * Makes the listed moves in order, each between two zones no earlier move of
 * this scan touched: their prices are then as listed, so the scan makes the
 * moves one-at-a-time greedy repair would (up to one per pair of zones) for
 * the price of one scan. Returns how many were made.
 */
function singleMoves(state: PlanState, guard: ContiguityGuard, options: RepairOptions): number {
  const tol = progress(state);
  const touched = new Uint8Array(state.problem.zones);
  let made = 0;
  for (const m of improvingMoves(state, options)) {
    if (touched[m.from] || touched[m.to] || state.violationDelta(m.cell, m.to) >= -tol) continue;
    if (options.contiguity && (!guard.touches(m.cell, m.to) || !guard.canLeave(m.cell))) continue;
    state.move(m.cell, m.to);
    touched[m.from] = touched[m.to] = 1;
    made++;
    // A disruption limit couples every zone: one move per scan.
    if (state.feasible() || state.problem.rules.disruption) break;
  }
  return made;
}

/** First moves tried in a chain, cheapest first: each costs a scan of the map. */
const CHAIN_WIDTH = 12;

/** Two moves that together reduce the violation, the first of which alone may not. */
function bestChain(state: PlanState, guard: ContiguityGuard, options: RepairOptions): boolean {
  const p = state.problem;
  const tol = progress(state);
  const before = state.violation();
  const scratch: number[] = [];
  const violated = violatedZones(state, tol);
  const firsts: Move[] = [];
  for (let c = 0; c < p.cells; c++) {
    if (p.fixedZone[c] !== FREE) continue;
    const from = state.cellZone[c];
    if (!violated[from]) continue;
    if (options.contiguity && !guard.canLeave(c)) continue;
    for (const to of targets(state, c, options, scratch)) firsts.push({ cell: c, from, to, dV: state.violationDelta(c, to), dC: state.costDelta(c, to) });
  }
  firsts.sort((a, b) => a.dC - b.dC || a.cell - b.cell || a.to - b.to);
  let best: { first: Move; second: Move; score: number } | null = null;
  for (const first of firsts.slice(0, CHAIN_WIDTH)) {
    const { cell: c, from, to } = first;
    state.move(c, to);
    for (const second of improvingMoves(state, options)) {
      if (second.cell === c) continue;
      const total = before - (state.violation() + second.dV);
      if (total <= tol) continue;
      if (options.contiguity && !guard.canLeave(second.cell)) continue;
      const score = (first.dC + second.dC) / total;
      if (!best || score < best.score) best = { first, second, score };
      break;
    }
    state.move(c, from);
  }
  if (!best) return false;
  state.move(best.first.cell, best.first.to);
  state.move(best.second.cell, best.second.to);
  return true;
}
