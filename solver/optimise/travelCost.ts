// Road metres from each unit to each zone for the optimiser: to the zone's nearest
// base (solver/travel.ts, the same measure scoring uses). A zone with no base is
// measured from the hours-weighted centre of its current units, so it still has a
// place on the map.
import type { CountyModel, Plan } from '../model';
import { roadMetresBetween, unitZoneBaseMetres, type TravelMatrix, type TravelSettings } from '../travel';

/** How the optimiser measures travel: the user's settings, or a measured unit x base matrix. */
export interface TravelOptions {
  travel?: TravelSettings;
  travelMatrix?: TravelMatrix;
}

/** metres[unit * zones + zone]; Infinity when a zone has no base and no units. */
export function unitZoneMetres(model: CountyModel, current: Plan, travel: TravelSettings, matrix?: TravelMatrix): Float64Array {
  const n = model.units.count;
  const zones = model.zones.length;
  const out = unitZoneBaseMetres(model, travel, matrix);
  const { lon, lat } = model.units;
  const hasBase = new Uint8Array(zones);
  for (const b of model.bases) if (b.zone >= 0 && b.zone < zones) hasBase[b.zone] = 1;
  for (let z = 0; z < zones; z++) {
    if (hasBase[z]) continue;
    const centre = currentCentre(model, current, z);
    if (!centre) continue;
    for (let u = 0; u < n; u++) out[u * zones + z] = roadMetresBetween(lon[u], lat[u], centre[0], centre[1], travel);
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
