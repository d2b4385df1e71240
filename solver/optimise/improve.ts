// Improvement search for thorough mode: ejection chains across zone borders,
// started from a plan that keeps every rule. A chain starts with one boundary
// move that cuts cost but pushes a zone past its band (the plain local search
// never makes it), then mends the bands with one or two more boundary moves
// that touch the zones left outside them (A to B, then B to C or C to A, ...).
// It is kept only when the whole chain cuts cost and every band holds at its
// end; otherwise it is undone. Contiguity is hard throughout: a cell leaves
// its zone only when its same-zone neighbours stay joined
// (ContiguityGuard.canLeave) and joins a zone it touches, so each plan on the
// way keeps every zone in one piece. Moves are priced in O(1) from the running
// zone totals (PlanState). The search counts work rather than reading the
// clock, so the same seed gives the same plan; the deadline only guards slow
// machines.
import type { ContiguityGuard } from './contiguity';
import { FREE } from './problem';
import type { PlanState } from './planState';

export interface ImproveOptions {
  contiguity: boolean;
  rand: () => number;
  shouldStop: () => boolean;
  /** Passes over the border at most (each ends early once nothing improves). */
  maxPasses?: number;
  /** performance.now() value after which to stop. */
  deadline: number;
  /** Largest cost an opening move may add, metre·hours (the chain as a whole must still cut cost). */
  openLimit?: number;
  /** Iterated local search: kicks after the first descent (0 = descend only). */
  kicks?: number;
  /** Chains per kick. */
  kickSize?: number;
  /** Most a kick's chain may add to the cost, as a share of the start objective. */
  kickCost?: number;
}

export interface ImproveOutcome {
  /** Objective gained (start objective minus end objective), metre·hours, >= 0. */
  gain: number;
  /** Chains kept. */
  chains: number;
  passes: number;
}

/** Second moves tried per opening move when the first alone cannot mend the bands. */
const SECOND_WIDTH = 40;

interface BorderMove {
  cell: number;
  from: number;
  to: number;
  /** Cost change of the move while the cell is still in `from`. */
  dC: number;
}

/**
 * Improves `state` in place; it must keep every band and (with contiguity) be
 * contiguous, and it stays so.
 */
export function improvePlan(state: PlanState, guard: ContiguityGuard, options: ImproveOptions): ImproveOutcome {
  const startObjective = state.objective;
  const slack = state.slack();
  const maxPasses = options.maxPasses ?? 20;
  let chains = 0;
  let passes = 0;
  if (state.violation() > slack) return { gain: 0, chains, passes };
  const search = new ChainSearch(state, guard, options, slack);
  const out = () => options.shouldStop() || performance.now() > options.deadline;
  const descend = () => {
    for (let i = 0; i < maxPasses && !out(); i++) {
      passes++;
      const kept = search.pass();
      chains += kept;
      if (kept === 0) break;
    }
  };
  descend();
  // Iterated local search: kick the best plan with a few slightly worse chains, descend again, keep the better.
  const best = Int32Array.from(state.cellZone);
  let bestObjective = state.objective;
  const kicks = options.kicks ?? 0;
  const worse = (options.kickCost ?? 2e-6) * Math.abs(startObjective);
  for (let k = 0; k < kicks && !out(); k++) {
    search.kick(options.kickSize ?? 8, worse);
    descend();
    if (state.objective < bestObjective - 1e-9 * Math.abs(bestObjective) && state.violation() <= slack) {
      bestObjective = state.objective;
      best.set(state.cellZone);
    } else {
      for (let c = 0; c < best.length; c++) if (state.cellZone[c] !== best[c]) state.move(c, best[c]);
    }
  }
  return { gain: startObjective - state.objective, chains, passes };
}

class ChainSearch {
  private readonly tol: number;
  /** A zone this far outside its bands counts as broken (a share of the slack, so some zone always does when the plan is outside it). */
  private readonly tiny: number;
  /** Largest cost an opening move (or the first two moves of a chain) may add. */
  private readonly openLimit: number;
  /** A chain is kept when it changes the cost by less than this: -tol when descending, more in a kick. */
  accept: number;
  /** Border moves by the zone they leave or enter: byZone[z] lists moves touching z. */
  private byZone: BorderMove[][] = [];
  private readonly seen: number[] = [];

  constructor(
    private readonly state: PlanState,
    private readonly guard: ContiguityGuard,
    private readonly options: ImproveOptions,
    private readonly slack: number,
  ) {
    this.tol = 1e-9 * Math.max(1, Math.abs(state.objective));
    this.tiny = slack / (state.problem.zones + 1);
    this.openLimit = options.openLimit ?? Infinity;
    this.accept = -this.tol;
  }

  pass(): number {
    const moves = this.borderMoves();
    // Openers: moves that cut cost, cheapest first (ties by cell for determinism).
    const openers = moves
      .map((m) => ({ m, dC: this.state.costDelta(m.cell, m.to) }))
      .filter((o) => o.dC < this.openLimit)
      .sort((a, b) => a.dC - b.dC || a.m.cell - b.m.cell || a.m.to - b.m.to);
    let kept = 0;
    for (let i = 0; i < openers.length; i++) {
      if ((i & 63) === 0 && (this.options.shouldStop() || performance.now() > this.options.deadline)) break;
      if (this.tryChain(openers[i].m)) kept++;
    }
    return kept;
  }

  /** Makes `count` chains from random openers, each allowed to add up to `worse` to the cost. */
  kick(count: number, worse: number): void {
    this.accept = worse;
    let made = 0;
    for (const m of this.borderMoves()) {
      if (made >= count) break;
      if (this.tryChain(m)) made++;
    }
    this.accept = -this.tol;
  }

  /** Every (boundary cell, neighbouring zone) move, in a seeded random order. */
  private borderMoves(): BorderMove[] {
    const { state } = this;
    const p = state.problem;
    const out: BorderMove[] = [];
    for (let c = 0; c < p.cells; c++) {
      if (p.fixedZone[c] !== FREE || state.cellZone[c] < 0) continue;
      for (const to of this.neighbourZones(c)) out.push({ cell: c, from: state.cellZone[c], to, dC: 0 });
    }
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.options.rand() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    this.byZone = Array.from({ length: p.zones }, () => []);
    for (const m of out) {
      m.dC = p.cost[m.cell * p.zones + m.to] - p.cost[m.cell * p.zones + m.from];
      this.byZone[m.from].push(m);
      this.byZone[m.to].push(m);
    }
    // Cheapest first, so the search for a chain's last move can stop at the first too dear.
    for (const list of this.byZone) list.sort((a, b) => a.dC - b.dC || a.cell - b.cell || a.to - b.to);
    return out;
  }

  private neighbourZones(c: number): number[] {
    const p = this.state.problem;
    const from = this.state.cellZone[c];
    const out = this.seen;
    out.length = 0;
    for (let k = p.adjStart[c]; k < p.adjStart[c + 1]; k++) {
      const z = this.state.cellZone[p.adjCells[k]];
      if (z >= 0 && z !== from && !out.includes(z) && Number.isFinite(p.cost[c * p.zones + z])) out.push(z);
    }
    return out.slice();
  }

  /** A move still possible now: the cell is where it was and touches its target. */
  private live(m: BorderMove): boolean {
    return this.state.cellZone[m.cell] === m.from && this.guard.touches(m.cell, m.to);
  }

  private canMove(m: BorderMove): boolean {
    if (!this.options.contiguity) return true;
    return this.state.zoneCells[m.from] > 1 && this.guard.canLeave(m.cell) && this.guard.touches(m.cell, m.to);
  }

  /** Opener m, then up to two mending moves. Keeps the chain when it ends inside the bands and cheaper. */
  private tryChain(m: BorderMove): boolean {
    const { state } = this;
    if (!this.live(m)) return false;
    const dC1 = state.costDelta(m.cell, m.to);
    if (dC1 >= this.openLimit) return false;
    const v0 = state.violation();
    // A chain may end anywhere inside the slack, never further out than it started.
    const limit = Math.max(v0, this.slack);
    const dV1 = state.violationDelta(m.cell, m.to);
    if (v0 + dV1 <= limit) {
      if (dC1 >= this.accept) return false;
      // Inside the bands on its own: a plain improving move.
      if (!this.canMove(m)) return false;
      state.move(m.cell, m.to);
      return true;
    }
    if (!this.canMove(m)) return false;
    state.move(m.cell, m.to);
    const v1 = v0 + dV1;
    // Second moves touching a zone now outside its bands, that mend some of it and keep the chain cheaper.
    const cands: Array<{ m: BorderMove; dC: number; v: number }> = [];
    for (const z of this.brokenZones(m.from, m.to)) {
      for (const n of this.byZone[z]) {
        if (n.cell === m.cell || !this.live(n)) continue;
        const dC = dC1 + state.costDelta(n.cell, n.to);
        const v = v1 + state.violationDelta(n.cell, n.to);
        if (v >= v1 - this.tiny) continue;
        if (dC >= (v <= limit ? this.accept : this.openLimit)) continue;
        cands.push({ m: n, dC, v });
      }
    }
    // Ones that end the chain first (cheapest), then those that mend the most.
    cands.sort((a, b) => {
      const aDone = a.v <= limit ? 0 : 1;
      const bDone = b.v <= limit ? 0 : 1;
      return aDone - bDone || (aDone === 0 ? a.dC - b.dC : a.v - b.v || a.dC - b.dC) || a.m.cell - b.m.cell || a.m.to - b.m.to;
    });
    let tried = 0;
    for (const cand of cands) {
      if (tried >= SECOND_WIDTH) break;
      const n = cand.m;
      if (cand.v <= limit) {
        if (!this.canMove(n)) continue;
        state.move(n.cell, n.to);
        if (this.settled(limit)) return true;
        state.move(n.cell, n.from);
        continue;
      }
      tried++;
      if (!this.canMove(n)) continue;
      state.move(n.cell, n.to);
      if (this.thirdMove(m, n, limit)) return true;
      state.move(n.cell, n.from);
    }
    state.move(m.cell, m.from);
    return false;
  }

  /** The cheapest move that ends the chain (bands mended, chain cheaper overall); made when found. */
  private thirdMove(m1: BorderMove, m2: BorderMove, limit: number): boolean {
    const { state } = this;
    const v2 = state.violation();
    const dC12 = state.problem.cost[m1.cell * state.problem.zones + m1.to] - state.problem.cost[m1.cell * state.problem.zones + m1.from] + (state.problem.cost[m2.cell * state.problem.zones + m2.to] - state.problem.cost[m2.cell * state.problem.zones + m2.from]);
    let best: BorderMove | null = null;
    let bestDC = this.accept;
    const zones = this.brokenZones(m2.from, m2.to, m1.from, m1.to);
    for (const z of zones) {
      for (const n of this.byZone[z]) {
        if (dC12 + n.dC >= bestDC) break;
        if (n.cell === m1.cell || n.cell === m2.cell || !this.live(n)) continue;
        const dC = dC12 + n.dC;
        if (v2 + state.violationDelta(n.cell, n.to) > limit) continue;
        if (!this.canMove(n)) continue;
        best = n;
        bestDC = dC;
      }
    }
    if (!best) return false;
    state.move(best.cell, best.to);
    if (this.settled(limit)) return true;
    state.move(best.cell, best.from);
    return false;
  }

  /** Recount the violation: the chain is kept only when it ends within `limit`. */
  private settled(limit: number): boolean {
    return this.state.violation() <= limit;
  }

  private brokenZones(...zones: number[]): number[] {
    const { state } = this;
    const out: number[] = [];
    for (const z of zones) {
      if (out.includes(z)) continue;
      if (state.zoneViolation(z, state.zoneHours[z], state.zoneRural[z]) > this.tiny) out.push(z);
    }
    return out;
  }
}
