// The default reach, from the county's data: the shortest reach, in 5-minute
// steps and at least 30 minutes, at which every unit with care has a base within
// reach and the care within reach fits the zones' capacity and floors (the
// counting checks of reachCheck.ts, on units). 30 minutes is the drive the ONS
// 2021 rural-urban classification uses for access to a major town. Cached per
// model, since scoring asks for the rules on every fresh scoring context.
import type { CountyModel, Minutes } from '../../model';
import { baseUnits } from '../../baseUnits';
import { unitZoneBaseMetres, type TravelSettings } from '../../travel';
import { FREE } from '../cells';
import { cellZoneMinutes, reachNeeded, unitZoneMinutes } from './minutes';
import { reachConflicts, shortestWorkableReach, type ReachProblem } from './checks';

/** The shortest default reach, minutes. */
export const SHORTEST_DEFAULT_REACH: Minutes = 30;

export interface ReachDefaultInput {
  travel: TravelSettings;
  bands: ReachProblem['bands'];
  contiguous: boolean;
  /** Each base's unit stays in its zone (rules.baseUnitsStay): counted as fixed there, as the solver does. */
  baseUnitsStay: boolean;
}

export interface DefaultReach {
  minutes: Minutes;
  /** False when no reach lets the care fit the zones' capacity and floors: then `minutes` is the shortest at which every unit has a base. */
  fits: boolean;
}

const cache = new WeakMap<CountyModel, Map<string, DefaultReach | null>>();

/** Null when the county has no bases (nothing to reach from). */
export function defaultReach(model: CountyModel, input: ReachDefaultInput): DefaultReach | null {
  if (model.bases.every((b) => b.zone < 0 || b.zone >= model.zones.length)) return null;
  const key = JSON.stringify([input.travel, input.contiguous, input.baseUnitsStay, [...input.bands.constrained], [...input.bands.lower], [...input.bands.upper], [...input.bands.capacity]]);
  let byKey = cache.get(model);
  if (!byKey) cache.set(model, (byKey = new Map()));
  if (byKey.has(key)) return byKey.get(key)!;
  const value = derive(model, input);
  byKey.set(key, value);
  return value;
}

function derive(model: CountyModel, { travel, bands, contiguous, baseUnitsStay }: ReachDefaultInput): DefaultReach | null {
  const n = model.units.count;
  const identity = Int32Array.from({ length: n + 1 }, (_, i) => i);
  const cells = {
    model,
    zones: model.zones.length,
    cells: n,
    cellStart: identity,
    cellUnits: identity.subarray(0, n),
    cellOfUnit: identity.subarray(0, n),
    fixedZone: baseUnitsStay ? baseUnitZones(model) : new Int32Array(n).fill(FREE),
    adjStart: Int32Array.from(model.units.adjacency.offsets),
    adjCells: Int32Array.from(model.units.adjacency.neighbours),
  };
  const minutes = unitZoneMinutes(model, unitZoneBaseMetres(model, travel), travel);
  const problem: ReachProblem = { ...cells, hours: model.demand.hours, bands, reachNeeded: reachNeeded(cells, cellZoneMinutes(cells, minutes), contiguous) };
  const workable = shortestWorkableReach(problem, SHORTEST_DEFAULT_REACH);
  if (workable !== null) return { minutes: workable, fits: true };
  // Capacity falls short at any reach: then the reach at which every unit has a base, so the
  // explanation is about capacity, not reach.
  for (let m = SHORTEST_DEFAULT_REACH; m <= 240; m += 5) {
    if (!reachConflicts(problem, m).some((c) => c.rule === 'reach')) return { minutes: m, fits: false };
  }
  return null;
}

/** FREE, or the zone whose base stands in the unit (the first base's, where several zones' do). */
function baseUnitZones(model: CountyModel): Int32Array {
  const fixed = new Int32Array(model.units.count).fill(FREE);
  baseUnits(model).forEach((u, b) => {
    const z = model.bases[b].zone;
    if (u >= 0 && z >= 0 && z < model.zones.length && fixed[u] === FREE) fixed[u] = z;
  });
  return fixed;
}
