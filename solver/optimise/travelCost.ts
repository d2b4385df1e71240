// Road metres from each unit to each zone: to the zone's nearest base, by
// haversine x circuity (solver/travel.ts) or from a supplied unit x base matrix.
// A zone with no base is measured from the hours-weighted centre of its current
// units, so it still has a place on the map.
import type { CountyModel, Metres, Plan } from '../model';
import { DEFAULT_TRAVEL, haversineMetres, roadMetres, type TravelSettings } from '../travel';
import type { TravelMatrix } from './types';

/** metres[unit * zones + zone]; Infinity when a zone has no base and no units. */
export function unitZoneMetres(
  model: CountyModel,
  current: Plan,
  matrix?: TravelMatrix,
  settings: TravelSettings = DEFAULT_TRAVEL,
): Float64Array {
  const n = model.units.count;
  const zones = model.zones.length;
  const out = new Float64Array(n * zones).fill(Infinity);
  const { lon, lat } = model.units;
  model.bases.forEach((b, bi) => {
    if (b.zone < 0 || b.zone >= zones) return;
    for (let u = 0; u < n; u++) {
      const m: Metres = matrix
        ? matrix.metres[u * model.bases.length + bi]
        : roadMetres(haversineMetres(lon[u], lat[u], b.lon, b.lat), settings);
      if (m < out[u * zones + b.zone]) out[u * zones + b.zone] = m;
    }
  });
  const hasBase = new Uint8Array(zones);
  for (const b of model.bases) if (b.zone >= 0 && b.zone < zones) hasBase[b.zone] = 1;
  for (let z = 0; z < zones; z++) {
    if (hasBase[z]) continue;
    const centre = currentCentre(model, current, z);
    if (!centre) continue;
    for (let u = 0; u < n; u++) out[u * zones + z] = roadMetres(haversineMetres(lon[u], lat[u], centre[0], centre[1]), settings);
  }
  return out;
}

function currentCentre(model: CountyModel, current: Plan, zone: number): [number, number] | null {
  let w = 0;
  let x = 0;
  let y = 0;
  for (let u = 0; u < model.units.count; u++) {
    if (current.zoneOf[u] !== zone) continue;
    const h = model.demand.hours[u] + 1e-6;
    w += h;
    x += h * model.units.lon[u];
    y += h * model.units.lat[u];
  }
  return w > 0 ? [x / w, y / w] : null;
}
