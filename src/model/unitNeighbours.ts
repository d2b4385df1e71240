// Moving from a unit to its neighbour in a compass direction, for the keyboard
// cursor: of the units next to it (sharing a border, or linked across water)
// whose centre lies within 75° of that way, the one scoring best on straightness
// (cosine of the angle) less half its distance in units of u's mean neighbour
// distance. Preferring near neighbours lets the arrow keys reach every unit of
// both example counties from the middle (straightness alone, within 67.5°,
// left 18 of Lincolnshire's 420 units and 23 of Norfolk's 538 unreachable).
// And the units a town paint moves together.
import { asUnit, type UnitIndex, type Units } from '../../solver/model';

export type Direction = 'north' | 'south' | 'east' | 'west';

const HEADING: Record<Direction, [number, number]> = { north: [0, 1], south: [0, -1], east: [1, 0], west: [-1, 0] };
const WIDEST = Math.cos((75 * Math.PI) / 180);
const NEARNESS = 0.5;

/** The neighbour of u lying most nearly in the direction, or null when none lies that way. */
export function neighbourToward(units: Units, u: UnitIndex, direction: Direction): UnitIndex | null {
  const [hx, hy] = HEADING[direction];
  // Degrees of longitude are shorter than degrees of latitude away from the equator.
  const k = Math.cos((units.lat[u] * Math.PI) / 180);
  const { offsets, neighbours } = units.adjacency;
  const from = offsets[u];
  const to = offsets[u + 1];
  const offset = (v: UnitIndex): [number, number] => [(units.lon[v] - units.lon[u]) * k, units.lat[v] - units.lat[u]];
  let mean = 0;
  for (let i = from; i < to; i++) mean += Math.hypot(...offset(neighbours[i]));
  mean /= Math.max(1, to - from);
  let best: UnitIndex | null = null;
  let bestScore = -Infinity;
  for (let i = from; i < to; i++) {
    const v = neighbours[i];
    const [dx, dy] = offset(v);
    const dist = Math.hypot(dx, dy);
    if (dist === 0) continue;
    const cos = (dx * hx + dy * hy) / dist;
    if (cos < WIDEST) continue;
    const score = cos - (NEARNESS * dist) / mean;
    if (score > bestScore) [best, bestScore] = [v, score];
  }
  return best;
}

/** The unit whose centre is nearest the middle of all units' centres: where the cursor starts. */
export function middleUnit(units: Units): UnitIndex {
  let x = 0;
  let y = 0;
  for (let u = 0; u < units.count; u++) {
    x += units.lon[u];
    y += units.lat[u];
  }
  x /= units.count;
  y /= units.count;
  let best = asUnit(0);
  let bestD = Infinity;
  for (let u = asUnit(0); u < units.count; u++) {
    const d = (units.lon[u] - x) ** 2 + (units.lat[u] - y) ** 2;
    if (d < bestD) [best, bestD] = [u, d];
  }
  return best;
}

/** Every unit of u's town (u alone when it is in no town): what the Town tool moves at once. */
export function unitsOfTown(units: Units, u: UnitIndex): UnitIndex[] {
  const town = units.town;
  if (town[u] < 0) return [u];
  const out: UnitIndex[] = [];
  for (let v = asUnit(0); v < units.count; v++) if (town[v] === town[u]) out.push(v);
  return out;
}
