// Hand-made tiny counties for optimiser tests: a row of units (each touching the
// next), or units at given points touching as listed, with given hours and
// rurality, and bases at given unit positions.
import { adjacencyFromLists, asUnit, asZone, emptyDemand, Rurality, type CountyModel, type Plan, type UnitIndex } from '../../../solver/model';

export interface TinySpec {
  hours: number[];
  rural?: boolean[];
  /** Unit index where each zone's base stands, and its capacity. */
  bases: Array<{ at: number; capacity?: number; zone?: number }>;
  /** Town index per unit (-1 none). */
  town?: number[];
  /** Where each unit stands, km east and north of the first (default: 1 km apart in a row). */
  at?: Array<[number, number]>;
  /** Which units touch (default: each the next in the row). */
  edges?: Array<[number, number]>;
}

const KM_PER_DEG_LON = 111.32 * Math.cos((52.6 * Math.PI) / 180);
const KM_PER_DEG_LAT = 111.32;

/** Units 1 km apart along a parallel (or at `spec.at`); the current plan gives each unit its nearest base. */
export function tinyCounty(spec: TinySpec): { model: CountyModel; plan: Plan } {
  const n = spec.hours.length;
  const at = spec.at ?? Array.from({ length: n }, (_, i): [number, number] => [i, 0]);
  const lon = Float64Array.from(at, ([x]) => -0.9 + x / KM_PER_DEG_LON);
  const lat = Float64Array.from(at, ([, y]) => 52.6 + y / KM_PER_DEG_LAT);
  const demand = emptyDemand(n);
  spec.hours.forEach((h, i) => {
    demand.hours[i] = h;
    demand.users[i] = Math.ceil(h / 10);
  });
  const edges = spec.edges ?? Array.from({ length: n - 1 }, (_, i): [number, number] => [i, i + 1]);
  const lists: Array<Array<[UnitIndex, number]>> = Array.from({ length: n }, () => []);
  for (const [a, b] of edges) {
    lists[a].push([asUnit(b), 1]);
    lists[b].push([asUnit(a), 1]);
  }
  const zoneCount = Math.max(...spec.bases.map((b, z) => (b.zone ?? z) + 1));
  const towns = [...new Set((spec.town ?? []).filter((t) => t >= 0))].map((t) => ({ name: `T${t}`, lon: lon[0], lat: 52.6 }));
  const model: CountyModel = {
    units: {
      count: n,
      ids: Array.from({ length: n }, (_, i) => `u${i}`),
      names: Array.from({ length: n }, (_, i) => `u${i}`),
      lon,
      lat,
      areaKm2: new Float64Array(n).fill(1),
      perimeterKm: new Float64Array(n).fill(4),
      rurality: Uint8Array.from(spec.rural ?? spec.hours.map(() => false), (r) => (r ? Rurality.RuralVillage : Rurality.Urban)),
      sparse: new Uint8Array(n),
      ruc: new Array<string>(n).fill(''),
      town: Int32Array.from(spec.town ?? spec.hours.map(() => -1)),
      adjacency: adjacencyFromLists(lists),
    },
    demand,
    zones: Array.from({ length: zoneCount }, (_, z) => ({ id: String(z + 1), name: `Zone ${z + 1}` })),
    bases: spec.bases.map((b, z) => ({ id: `B${z}`, name: `Base ${z}`, lon: lon[b.at], lat: lat[b.at], capacityHours: b.capacity ?? 1e9, zone: asZone(b.zone ?? z) })),
    towns,
  };
  // Nearest base by straight line; its zone.
  const zoneOf = Int32Array.from({ length: n }, (_, i) => {
    let best = 0;
    const d = (b: { at: number }) => Math.hypot(at[b.at][0] - at[i][0], at[b.at][1] - at[i][1]);
    spec.bases.forEach((b, k) => {
      if (d(b) < d(spec.bases[best])) best = k;
    });
    return spec.bases[best].zone ?? best;
  });
  return { model, plan: { zoneOf } };
}

/** Every plan of n units into z zones, as an iterator (z^n of them: keep n small). */
export function* allPlans(n: number, zones: number): Generator<Plan> {
  const zoneOf = new Int32Array(n);
  const total = zones ** n;
  for (let k = 0; k < total; k++) {
    let r = k;
    for (let i = 0; i < n; i++) {
      zoneOf[i] = r % zones;
      r = Math.floor(r / zones);
    }
    yield { zoneOf: Int32Array.from(zoneOf) };
  }
}
