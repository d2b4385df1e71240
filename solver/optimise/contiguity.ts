// Contiguity on the cell graph: pieces of a zone, whether a cell can leave its
// zone without cutting it in two, and repair that hands each stray piece
// (enclave) of a zone to a neighbouring zone.
import { FREE } from './problem';
import type { PlanState } from './planState';

/** Most cells searched to prove a removal safe; beyond it the move is refused. */
const SAFE_SEARCH_LIMIT = 20_000;

export class ContiguityGuard {
  private readonly stamp: Int32Array;
  private generation = 0;
  private readonly queue: Int32Array;
  /** Which search reached a cell first (searchApart). */
  private readonly label: Int32Array;

  constructor(private readonly state: PlanState) {
    this.stamp = new Int32Array(state.problem.cells);
    this.queue = new Int32Array(state.problem.cells);
    this.label = new Int32Array(state.problem.cells);
  }

  /** True when c has a neighbour in zone z. */
  touches(c: number, z: number): boolean {
    const { adjStart, adjCells } = this.state.problem;
    for (let k = adjStart[c]; k < adjStart[c + 1]; k++) if (this.state.cellZone[adjCells[k]] === z) return true;
    return false;
  }

  /**
   * True when removing c from its zone leaves its same-zone neighbours connected
   * to each other. First an O(degree^2) test: if those neighbours are joined
   * through one another, any path through c can go round it. Only when they are
   * not (c is a bottleneck here, or the zone wraps round something) does a
   * search start from each neighbour at once (searchApart).
   */
  canLeave(c: number): boolean {
    const { adjStart, adjCells } = this.state.problem;
    const zone = this.state.cellZone;
    const z = zone[c];
    let count = 0;
    for (let k = adjStart[c]; k < adjStart[c + 1]; k++) if (zone[adjCells[k]] === z) count++;
    if (count <= 1) return true;
    if (this.joinedAround(c, z, count)) return true;
    return this.searchApart(c, z);
  }

  /**
   * Searches the zone from each same-zone neighbour of c at once, one cell per
   * search in turn, never through c; searches that meet merge. True once all
   * have met. False as soon as a merged search runs out of cells first: those
   * cells are cut off from the rest, and finding it costs about the size of
   * the smaller side, not of the zone. Refused beyond SAFE_SEARCH_LIMIT cells.
   */
  private searchApart(c: number, z: number): boolean {
    const { adjStart, adjCells } = this.state.problem;
    const zone = this.state.cellZone;
    const gen = ++this.generation;
    const queues: number[][] = [];
    for (let k = adjStart[c]; k < adjStart[c + 1]; k++) {
      const v = adjCells[k];
      if (zone[v] !== z) continue;
      this.stamp[v] = gen;
      this.label[v] = queues.length;
      queues.push([v]);
    }
    const n = queues.length;
    const parent = Array.from({ length: n }, (_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
    const heads = new Array<number>(n).fill(0);
    let sets = n;
    for (let visited = n; visited < SAFE_SEARCH_LIMIT; ) {
      for (let i = 0; i < n; i++) {
        if (heads[i] >= queues[i].length) continue;
        const u = queues[i][heads[i]++];
        for (let k = adjStart[u]; k < adjStart[u + 1]; k++) {
          const v = adjCells[k];
          if (zone[v] !== z || v === c) continue;
          if (this.stamp[v] === gen) {
            const a = find(i);
            const b = find(this.label[v]);
            if (a !== b) {
              parent[a] = b;
              if (--sets === 1) return true;
            }
          } else {
            this.stamp[v] = gen;
            this.label[v] = i;
            queues[i].push(v);
            visited++;
          }
        }
      }
      // A set whose searches have all run dry is cut off from the others.
      const live = new Set<number>();
      for (let i = 0; i < n; i++) if (heads[i] < queues[i].length) live.add(find(i));
      for (let i = 0; i < n; i++) if (!live.has(find(i))) return false;
    }
    return false;
  }

  /** True when the `count` neighbours of c in zone z are connected by edges among themselves. */
  private joinedAround(c: number, z: number, count: number): boolean {
    const { adjStart, adjCells } = this.state.problem;
    const zone = this.state.cellZone;
    const gen = ++this.generation;
    // Mark the neighbours with -gen; visited ones become gen.
    let start = -1;
    for (let k = adjStart[c]; k < adjStart[c + 1]; k++) {
      const v = adjCells[k];
      if (zone[v] !== z) continue;
      this.stamp[v] = -gen;
      start = v;
    }
    let tail = 0;
    this.queue[tail++] = start;
    this.stamp[start] = gen;
    for (let head = 0; head < tail; head++) {
      const u = this.queue[head];
      for (let k = adjStart[u]; k < adjStart[u + 1]; k++) {
        const v = adjCells[k];
        if (this.stamp[v] === -gen) {
          this.stamp[v] = gen;
          this.queue[tail++] = v;
        }
      }
    }
    return tail === count;
  }

  /** Connected pieces of zone z (a cell with no neighbour is a piece of its own, as scoring counts it). */
  pieces(z: number): number[][] {
    const { cells, adjStart, adjCells } = this.state.problem;
    const zone = this.state.cellZone;
    const gen = ++this.generation;
    const out: number[][] = [];
    for (let s = 0; s < cells; s++) {
      if (zone[s] !== z || this.stamp[s] === gen) continue;
      const piece = [s];
      this.stamp[s] = gen;
      for (let i = 0; i < piece.length; i++) {
        const u = piece[i];
        for (let k = adjStart[u]; k < adjStart[u + 1]; k++) {
          const v = adjCells[k];
          if (zone[v] === z && this.stamp[v] !== gen) {
            this.stamp[v] = gen;
            piece.push(v);
          }
        }
      }
      out.push(piece);
    }
    return out;
  }

  allContiguous(): boolean {
    for (let z = 0; z < this.state.problem.zones; z++) if (this.pieces(z).length > 1) return false;
    return true;
  }
}

/**
 * Moves every piece of a zone other than its main one (the piece holding fixed
 * cells, else the most hours) to the neighbouring zone where it costs least and
 * breaks the bands least. Returns true when every zone ends in one piece.
 */
export function repairContiguity(
  state: PlanState,
  guard: ContiguityGuard,
  shouldStop: () => boolean,
  onDrop?: (cell: number, from: number) => void,
): boolean {
  const p = state.problem;
  for (let pass = 0; pass < 3 * p.zones && !shouldStop(); pass++) {
    let moved = false;
    let broken = false;
    for (let z = 0; z < p.zones; z++) {
      const pieces = guard.pieces(z);
      if (pieces.length <= 1) continue;
      broken = true;
      const main = mainPiece(state, pieces, z);
      for (const piece of pieces) {
        if (piece === main) continue;
        // A piece holding a fixed cell (a second base's unit) cannot be handed away, only joined back.
        const pinned = piece.some((c) => p.fixedZone[c] !== FREE);
        const to = pinned ? -1 : bestNeighbourZone(state, piece, z);
        const bridge = bridgeToMain(state, guard, piece, main, z, pinned ? MAX_PINNED_BRIDGE : MAX_BRIDGE);
        if (to < 0 && !bridge) continue;
        if (bridge && (to < 0 || bridgeIsBetter(state, piece, z, to, bridge))) {
          for (const c of bridge) state.move(c, z);
        } else {
          for (const c of piece) {
            onDrop?.(c, z);
            state.move(c, to);
          }
        }
        moved = true;
      }
    }
    if (!broken) return true;
    if (!moved) return false;
  }
  return guard.allContiguous();
}

/** Longest corridor of other zones' cells considered for joining a piece back to its zone. */
const MAX_BRIDGE = 8;
/** The same for a piece that must be joined (it holds a fixed cell). */
const MAX_PINNED_BRIDGE = 24;
/** Most cells a corridor cell may cut off from its own zone and carry with it into the bridge. */
const MAX_TAIL = 8;

/**
 * Shortest run of free cells (not in zone z) that joins `piece` to `main`, or
 * null. A corridor cell whose own zone stays in one piece without it is taken
 * alone; one that would cut a few cells off its zone (a tail, at most MAX_TAIL,
 * none fixed) takes that tail into z with it, so one bridge never cuts another
 * zone (and two zones cannot trade bridges forever). Norfolk's Acle & Loddon
 * joins its two bases this way, through a Great Yarmouth unit and the three
 * units beyond it.
 */
function bridgeToMain(state: PlanState, guard: ContiguityGuard, piece: number[], main: number[], z: number, maxLength: number): number[] | null {
  const p = state.problem;
  const inMain = new Set(main);
  const parent = new Map<number, number>();
  const tails = new Map<number, number[]>();
  let frontier = piece.slice();
  for (const c of piece) parent.set(c, -1);
  for (let depth = 0; depth <= maxLength && frontier.length; depth++) {
    const next: number[] = [];
    for (const u of frontier) {
      for (let k = p.adjStart[u]; k < p.adjStart[u + 1]; k++) {
        const v = p.adjCells[k];
        if (parent.has(v)) continue;
        if (inMain.has(v)) {
          const path: number[] = [];
          for (let w = u; state.cellZone[w] !== z; w = parent.get(w)!) path.push(w, ...(tails.get(w) ?? []));
          return path;
        }
        if (state.cellZone[v] === z || !mayJoin(p, v, z)) continue;
        if (!guard.canLeave(v)) {
          const tail = cutOff(state, v, MAX_TAIL);
          if (!tail || !tail.every((c) => mayJoin(p, c, z))) continue;
          tails.set(v, tail);
        }
        parent.set(v, u);
        next.push(v);
      }
    }
    frontier = next;
  }
  return null;
}

/** May free cell c join zone z (not fixed elsewhere, within reach)? */
const mayJoin = (p: PlanState['problem'], c: number, z: number) => p.fixedZone[c] === FREE && Number.isFinite(p.cost[c * p.zones + z]);

/**
 * The cells of c's zone that c's leaving would cut off from the rest of it:
 * every part but the one holding a fixed cell (else the largest). Null when the
 * cut-off parts hold a fixed cell or more than `limit` cells, or the search
 * passes SAFE_SEARCH_LIMIT cells.
 */
function cutOff(state: PlanState, c: number, limit: number): number[] | null {
  const p = state.problem;
  const z = state.cellZone[c];
  const seen = new Set<number>([c]);
  const parts: Array<{ cells: number[]; fixed: boolean }> = [];
  for (let k = p.adjStart[c]; k < p.adjStart[c + 1]; k++) {
    const s = p.adjCells[k];
    if (state.cellZone[s] !== z || seen.has(s)) continue;
    const part = { cells: [s], fixed: p.fixedZone[s] !== FREE };
    seen.add(s);
    for (let i = 0; i < part.cells.length; i++) {
      const u = part.cells[i];
      for (let j = p.adjStart[u]; j < p.adjStart[u + 1]; j++) {
        const v = p.adjCells[j];
        if (state.cellZone[v] !== z || seen.has(v)) continue;
        if (seen.size > SAFE_SEARCH_LIMIT) return null;
        seen.add(v);
        part.cells.push(v);
        if (p.fixedZone[v] !== FREE) part.fixed = true;
      }
    }
    parts.push(part);
  }
  const body = parts.reduce((a, b) => (Number(b.fixed) * 1e9 + b.cells.length > Number(a.fixed) * 1e9 + a.cells.length ? b : a));
  const rest = parts.filter((x) => x !== body);
  if (rest.some((x) => x.fixed)) return null;
  const tail = rest.flatMap((x) => x.cells);
  return tail.length <= limit ? tail : null;
}

/** Compares joining the piece back (bridge) with handing it to zone `to`: less violation first, then less cost. */
function bridgeIsBetter(state: PlanState, piece: number[], z: number, to: number, bridge: number[]): boolean {
  const from = bridge.map((c) => state.cellZone[c]);
  const before = state.objective;
  for (const c of bridge) state.move(c, z);
  const bridged = [state.violation(), state.objective - before] as const;
  bridge.forEach((c, i) => state.move(c, from[i]));
  for (const c of piece) state.move(c, to);
  const given = [state.violation(), state.objective - before] as const;
  for (const c of piece) state.move(c, z);
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return round(bridged[0]) < round(given[0]) || (round(bridged[0]) === round(given[0]) && bridged[1] < given[1]);
}

/** The piece holding the zone's root (its base's cell), else one with a fixed cell, else the most hours. */
function mainPiece(state: PlanState, pieces: number[][], z: number): number[] {
  const p = state.problem;
  const root = p.rootCell[z];
  const score = (piece: number[]) => {
    let h = 0;
    let fixed = 0;
    for (const c of piece) {
      h += p.hours[c] + 1e-9;
      if (c === root) fixed = 2;
      else if (p.fixedZone[c] !== FREE) fixed = Math.max(fixed, 1);
    }
    return fixed * 1e15 + h;
  };
  return pieces.reduce((best, piece) => (score(piece) > score(best) ? piece : best));
}

function bestNeighbourZone(state: PlanState, piece: number[], from: number): number {
  const p = state.problem;
  const Z = p.zones;
  const touching = new Set<number>();
  for (const c of piece) {
    for (let k = p.adjStart[c]; k < p.adjStart[c + 1]; k++) {
      const z = state.cellZone[p.adjCells[k]];
      if (z >= 0 && z !== from) touching.add(z);
    }
  }
  let best = -1;
  let bestViolation = Infinity;
  let bestCost = Infinity;
  let hours = 0;
  let rural = 0;
  for (const c of piece) {
    hours += p.hours[c];
    rural += p.ruralHours[c];
  }
  for (const to of [...touching].sort((a, b) => a - b)) {
    let dCost = 0;
    for (const c of piece) dCost += p.cost[c * Z + to] - p.cost[c * Z + from];
    if (!Number.isFinite(dCost)) continue;
    const dV =
      state.zoneViolation(to, state.zoneHours[to] + hours, state.zoneRural[to] + rural) -
      state.zoneViolation(to, state.zoneHours[to], state.zoneRural[to]);
    const v = Math.round(dV * 1e6) / 1e6;
    if (v < bestViolation || (v === bestViolation && dCost < bestCost)) {
      best = to;
      bestViolation = v;
      bestCost = dCost;
    }
  }
  return best;
}
