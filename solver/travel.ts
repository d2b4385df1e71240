// Travel between a provider base and a unit: straight-line distance times a
// circuity factor (roads are not straight), and a speed that depends on the
// rurality of the destination (town traffic is slow, country roads faster).
// The one travel model: scoring and the optimiser both measure with these
// functions and the user's TravelSettings.
import { Rurality, type CountyModel, type Metres, type Minutes } from './model';

export interface TravelSettings {
  /** Road distance / straight-line distance. */
  circuityFactor: number;
  /** Average driving speed, km/h, by rurality of the unit driven to. */
  speedKmh: Record<Rurality, number>;
}

export const DEFAULT_TRAVEL: TravelSettings = {
  circuityFactor: 1.3,
  speedKmh: { [Rurality.Urban]: 24, [Rurality.RuralTown]: 36, [Rurality.RuralVillage]: 45 },
};

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

export function haversineMetres(lon1: number, lat1: number, lon2: number, lat2: number): Metres {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const s =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(s)));
}

export function roadMetres(straight: Metres, settings: TravelSettings): Metres {
  return straight * settings.circuityFactor;
}

/** Estimated road metres between two points. */
export function roadMetresBetween(lon1: number, lat1: number, lon2: number, lat2: number, settings: TravelSettings): Metres {
  return roadMetres(haversineMetres(lon1, lat1, lon2, lat2), settings);
}

/** Measured road metres from every unit to every base, row-major: metres[unit * bases + base]. */
export interface TravelMatrix {
  metres: Float64Array;
}

/**
 * Road metres from every unit to the nearest base of each zone, at [unit * zones + zone];
 * Infinity for a zone with no base. A measured matrix, when given, replaces the estimate.
 */
export function unitZoneBaseMetres(model: CountyModel, settings: TravelSettings, matrix?: TravelMatrix): Float64Array {
  const n = model.units.count;
  const zones = model.zones.length;
  const out = new Float64Array(n * zones).fill(Infinity);
  const { lon, lat } = model.units;
  model.bases.forEach((b, bi) => {
    if (b.zone < 0 || b.zone >= zones) return;
    for (let u = 0; u < n; u++) {
      const m = matrix ? matrix.metres[u * model.bases.length + bi] : roadMetresBetween(lon[u], lat[u], b.lon, b.lat, settings);
      if (m < out[u * zones + b.zone]) out[u * zones + b.zone] = m;
    }
  });
  return out;
}

/** Driving minutes per road metre into a unit of this rurality. */
export function minutesPerMetre(rurality: Rurality, settings: TravelSettings): Minutes {
  return 60 / (1000 * settings.speedKmh[rurality]);
}
