// Lazy contiguity cuts for the zoning LP and MIP. For a stray piece S of zone z
// (a piece other than the zone's main one) and a ring R of cells around S that
// separates the ball B it encloses (S and the cells nearer to S than R) from
// the rest of the map: when z's root (its base's cell, fixed in z) lies
// beyond R, or (for a zone with no base) B holds fewer hours than z's balance
// floor, z cannot lie inside B, so a contiguous z that takes a cell i of S
// must also take a cell of R:  x[i,z] <= sum over j in R of x[j,z].
// Every contiguous plan keeps these rows, so an LP or MIP bound with them is
// still a bound on every plan that keeps all the rules, contiguity included.
// Rings at several distances make the solver build a whole corridor back in
// one round rather than one ring of cells per round.
import type { ExtraRow } from '../lp/types';
import type { ContiguityGuard } from './contiguity';
import { FREE, type ZoningProblem } from './problem';
import type { PlanState } from './planState';

/** Rings per stray piece: corridors longer than this take more rounds. */
const MAX_RINGS = 12;
/** A cut must be violated by this much to be worth a row. */
const VIOLATED = 1e-6;

/** x[head, zone] <= sum over ring cells j of x[j, zone]; when `pinned`, head is fixed in the zone and the row is 1 <= sum. */
export interface ContiguityCut {
  zone: number;
  head: number;
  ring: number[];
  pinned?: boolean;
}

/** value(c, z): the solution's share of cell c in zone z (0 for a column it does not have). */
export type ShareOf = (cell: number, zone: number) => number;

/** Cuts from the stray pieces of `state` (a rounding of the solution) that `value` breaks. */
export function contiguityCuts(state: PlanState, guard: ContiguityGuard, value: ShareOf): ContiguityCut[] {
  const p = state.problem;
  const out: ContiguityCut[] = [];
  for (let z = 0; z < p.zones; z++) {
    const pieces = guard.pieces(z);
    if (pieces.length <= 1) continue;
    const root = p.rootCell[z];
    const main = (root >= 0 && pieces.find((piece) => piece.includes(root))) || pieces.reduce((a, b) => (hoursOf(p, b) > hoursOf(p, a) ? b : a));
    for (const piece of pieces) if (piece !== main) pieceCuts(p, piece, z, value, out);
  }
  return out;
}

/** The cut as a row over LP columns; ring cells without a column (fixed at 0) drop out. */
export function cutRow(cut: ContiguityCut, columnOf: (cell: number, zone: number) => number): ExtraRow | null {
  const ring = cut.ring.map((c) => columnOf(c, cut.zone)).filter((j) => j >= 0);
  if (cut.pinned) return { lower: 1, upper: Infinity, indices: ring, values: ring.map(() => 1) };
  const head = columnOf(cut.head, cut.zone);
  if (head < 0) return null;
  return { lower: 0, upper: Infinity, indices: [...ring, head], values: [...ring.map(() => 1), -1] };
}

function hoursOf(p: ZoningProblem, cells: number[]): number {
  let h = 0;
  for (const c of cells) h += p.hours[c];
  return h;
}

function pieceCuts(p: ZoningProblem, piece: number[], z: number, value: ShareOf, out: ContiguityCut[]): void {
  // A rooted zone must reach its root from every cell it holds, so every ring short of the
  // root separates; a zone with no root only needs that when the ball is too small to be the zone.
  const rooted = p.rootCell[z] >= 0;
  const floor = rooted ? Infinity : p.bands.constrained[z] ? p.bands.lower[z] : 0;
  // A piece holding a cell fixed in z (a second base's unit) must be joined to the root: 1 <= sum over each ring.
  const pinned = piece.find((c) => p.fixedZone[c] !== FREE);
  if (pinned !== undefined && !rooted) return;
  const seen = new Set(piece);
  let ball = hoursOf(p, piece);
  let frontier = piece;
  for (let ring = 0; ring < MAX_RINGS && ball < floor; ring++) {
    const next: number[] = [];
    for (const u of frontier) {
      for (let k = p.adjStart[u]; k < p.adjStart[u + 1]; k++) {
        const v = p.adjCells[k];
        if (seen.has(v)) continue;
        seen.add(v);
        next.push(v);
      }
    }
    if (next.length === 0) return;
    // A ring cell fixed in z always satisfies the cut; cells that cannot join z add nothing.
    if (next.some((c) => p.fixedZone[c] === z)) return;
    const members = next.filter((c) => p.fixedZone[c] === FREE && Number.isFinite(p.cost[c * p.zones + z]));
    let sum = 0;
    for (const c of members) sum += value(c, z);
    if (pinned !== undefined) {
      if (1 > sum + VIOLATED) out.push({ zone: z, head: pinned, ring: members, pinned: true });
    } else {
      for (const head of piece) if (value(head, z) > sum + VIOLATED) out.push({ zone: z, head, ring: members });
    }
    ball += hoursOf(p, next);
    frontier = next;
  }
}
