// Small hand-made counties with answers that can be worked out on paper.
import { adjacencyFromLists, asUnit, asZone, emptyDemand, Rurality, type Base, type CountyModel, type Plan, type UnitIndex } from '../../../solver/model';
import { DEFAULT_SCORE_SETTINGS, type ScoreSettings } from '../../../solver/score';

export interface UnitSpec {
  lon: number;
  lat: number;
  rurality: Rurality;
  sparse?: boolean;
  areaKm2?: number;
  perimeterKm?: number;
  town?: number;
  users?: number;
  hours?: number;
  doubleHandedHours?: number;
  waitingUsers?: number;
  waitingHours?: number;
  /** Visits a week; bands by the settings' shares unless `bandVisits` says. */
  visits?: number;
  bandVisits?: [number, number, number, number];
}

export function makeModel(
  specs: UnitSpec[],
  edges: Array<[number, number, number]>,
  zoneCount: number,
  bases: Base[],
  townCount = 0,
): CountyModel {
  const n = specs.length;
  const lists: Array<Array<[UnitIndex, number]>> = specs.map(() => []);
  for (const [a, b, km] of edges) {
    lists[a].push([asUnit(b), km]);
    lists[b].push([asUnit(a), km]);
  }
  const demand = emptyDemand(n);
  specs.forEach((s, u) => {
    demand.users[u] = s.users ?? 0;
    demand.hours[u] = s.hours ?? 0;
    demand.doubleHandedHours[u] = s.doubleHandedHours ?? 0;
    demand.waitingUsers[u] = s.waitingUsers ?? 0;
    demand.waitingHours[u] = s.waitingHours ?? 0;
    demand.visits[u] = s.visits ?? 0;
    s.bandVisits?.forEach((v, b) => (demand.bandVisits[u * 4 + b] = v));
  });
  return {
    units: {
      count: n,
      ids: specs.map((_, u) => `U${u}`),
      names: specs.map((_, u) => `Unit ${u}`),
      lon: Float64Array.from(specs, (s) => s.lon),
      lat: Float64Array.from(specs, (s) => s.lat),
      areaKm2: Float64Array.from(specs, (s) => s.areaKm2 ?? 1),
      perimeterKm: Float64Array.from(specs, (s) => s.perimeterKm ?? 4),
      rurality: Uint8Array.from(specs, (s) => s.rurality),
      sparse: Uint8Array.from(specs, (s) => (s.sparse ? 1 : 0)),
      ruc: specs.map(() => ''),
      town: Int32Array.from(specs, (s) => s.town ?? -1),
      adjacency: adjacencyFromLists(lists),
    },
    demand,
    zones: Array.from({ length: zoneCount }, (_, z) => ({ id: String(z + 1), name: `Zone ${z + 1}` })),
    bases,
    towns: Array.from({ length: townCount }, (_, t) => ({ name: `Town ${t + 1}`, lon: 0, lat: 0 })),
  };
}

export function base(id: string, zone: number, lon: number, lat: number, capacityHours: number): Base {
  return { id, name: id, zone: asZone(zone), lon, lat, capacityHours };
}

/** Default settings with the extra-rural rate switched off entirely (score never reaches 2). */
export const NO_EXTRA_RURAL: ScoreSettings = {
  ...DEFAULT_SCORE_SETTINGS,
  extraRural: { ...DEFAULT_SCORE_SETTINGS.extraRural, switchOn: 2, switchOff: 2 },
};

export function plan(...zoneOf: number[]): Plan {
  return { zoneOf: Int32Array.from(zoneOf) };
}

/** Latitude step giving `km` of straight-line distance along a meridian. */
export function latDegForKm(km: number): number {
  return ((km * 1000) / 6_371_008.8) * (180 / Math.PI);
}
