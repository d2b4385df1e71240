// Units with no service users get no zone from a users' zone column (nobody
// there says which lot it is in), which would leave grey holes between the
// zones on the map. Each such unit takes the zone most common among its
// neighbours that have one, spreading outwards ring by ring.
import { asUnit, neighboursOf, UNASSIGNED, type Adjacency, type UnitIndex } from '../../solver/model';

/** Fills unassigned units whose `users` is 0 in place; returns how many were filled. */
export function fillEmptyUnitsFromNeighbours(zoneOf: Int32Array, adjacency: Adjacency, users: ArrayLike<number>): number {
  let filled = 0;
  let pending: UnitIndex[] = [];
  for (let u = asUnit(0); u < zoneOf.length; u++) if (zoneOf[u] === UNASSIGNED && users[u] === 0) pending.push(u);
  while (pending.length > 0) {
    // Decide the whole ring from the previous state so the result does not depend on unit order.
    const decided: Array<[UnitIndex, number]> = [];
    const rest: UnitIndex[] = [];
    for (const u of pending) {
      const votes = new Map<number, number>();
      for (const v of neighboursOf(adjacency, u)) if (zoneOf[v] !== UNASSIGNED) votes.set(zoneOf[v], (votes.get(zoneOf[v]) ?? 0) + 1);
      const best = [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
      if (best) decided.push([u, best[0]]);
      else rest.push(u);
    }
    if (decided.length === 0) break; // the rest touch no zone at all
    for (const [u, z] of decided) zoneOf[u] = z;
    filled += decided.length;
    pending = rest;
  }
  return filled;
}
