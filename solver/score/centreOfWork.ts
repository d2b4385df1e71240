// A zone's hours-weighted centre of work, and the hours-weighted travel from it to
// the zone's units: how spread out the work is, whatever the base. The centre moves
// with every change, so this is recomputed over the zone's units (O(zone size)).
import { roadMetresBetween } from '../travel';
import type { ScoreContext } from './context';

export interface CentreTravel {
  lon: number;
  lat: number;
  hours: number;
  /** Sum of hours x road metres (and minutes) from the centre. */
  hourMetres: number;
  hourMinutes: number;
}

/** Writes the centre and travel of units members[0 .. size) into `out`; hours 0 means no centre. */
export function centreOfWork(ctx: ScoreContext, members: Int32Array, size: number, out: CentreTravel): void {
  const { lon, lat, rurality } = ctx.model.units;
  const hoursOf = ctx.model.demand.hours;
  let hours = 0;
  let hLon = 0;
  let hLat = 0;
  for (let i = 0; i < size; i++) {
    const u = members[i];
    const h = hoursOf[u];
    hours += h;
    hLon += h * lon[u];
    hLat += h * lat[u];
  }
  out.hours = hours;
  out.hourMetres = 0;
  out.hourMinutes = 0;
  if (hours <= 0) {
    out.lon = NaN;
    out.lat = NaN;
    return;
  }
  // A plain weighted mean of coordinates is fine at county scale (errors of metres).
  const cLon = hLon / hours;
  const cLat = hLat / hours;
  const travel = ctx.settings.travel;
  let hourMetres = 0;
  let hourMinutes = 0;
  for (let i = 0; i < size; i++) {
    const u = members[i];
    const h = hoursOf[u];
    if (h === 0) continue;
    const road = roadMetresBetween(cLon, cLat, lon[u], lat[u], travel);
    hourMetres += h * road;
    hourMinutes += h * road * ctx.minutesPerMetre[rurality[u]];
  }
  out.lon = cLon;
  out.lat = cLat;
  out.hourMetres = hourMetres;
  out.hourMinutes = hourMinutes;
}
