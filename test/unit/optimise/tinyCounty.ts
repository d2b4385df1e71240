// Hand-made tiny counties for optimiser tests: a row of units (each touching the
// next) with given hours and rurality, and bases at given unit positions.
import { adjacencyFromLists, emptyDemand, Rurality, type CountyModel, type Plan, type UnitIndex } from '../../../solver/model';

export interface TinySpec {
  hours: number[];
  rural?: boolean[];
  /** Unit index where each zone's base stands, and its capacity. */
  bases: Array<{ at: number; capacity?: number }>;
  /** Town index per unit (-1 none). */
  town?: number[];
}

const KM_PER_DEG_LON = 111.32 * Math.cos((52.6 * Math.PI) / 180);

/** Units 1 km apart along a parallel; the current plan gives each unit its nearest base. */
export function tinyCounty(spec: TinySpec): { model: CountyModel; plan: Plan } {
  const n = spec.hours.length;
  const lon = Float64Array.from({ length: n }, (_, i) => -0.9 + i / KM_PER_DEG_LON);
  const lat = new Float64Array(n).fill(52.6);
  const demand = emptyDemand(n);
  spec.hours.forEach((h, i) => {
    demand.hours[i] = h;
    demand.users[i] = Math.ceil(h / 10);
  });
  const lists: Array<Array<[UnitIndex, number]>> = Array.from({ length: n }, (_, i) => [
    ...(i > 0 ? [[i - 1, 1] as [number, number]] : []),
    ...(i < n - 1 ? [[i + 1, 1] as [number, number]] : []),
  ]);
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
    zones: spec.bases.map((_, z) => ({ id: String(z + 1), name: `Zone ${z + 1}` })),
    bases: spec.bases.map((b, z) => ({ id: `B${z}`, name: `Base ${z}`, lon: lon[b.at], lat: 52.6, capacityHours: b.capacity ?? 1e9, zone: z })),
    towns,
  };
  const zoneOf = Int32Array.from({ length: n }, (_, i) => {
    let best = 0;
    spec.bases.forEach((b, z) => {
      if (Math.abs(b.at - i) < Math.abs(spec.bases[best].at - i)) best = z;
    });
    return best;
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
