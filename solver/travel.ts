// Travel between a provider base and a unit: straight-line distance times a
// circuity factor (roads are not straight), and a speed that depends on the
// rurality of the destination (town traffic is slow, country roads faster).
import { Rurality, type Metres, type Minutes } from './model';

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

/** Driving minutes per road metre into a unit of this rurality. */
export function minutesPerMetre(rurality: Rurality, settings: TravelSettings): Minutes {
  return 60 / (1000 * settings.speedKmh[rurality]);
}
