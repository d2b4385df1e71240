// Generated counties for tests and benchmarks: a hex grid of units around some
// towns, with demand that thins out away from the towns, one provider base per
// zone at a town, and a starting plan that gives each unit its nearest base.
// Deterministic for a given seed.
import {
  adjacencyFromLists,
  asUnit,
  asZone,
  emptyDemand,
  Rurality,
  type Base,
  type CountyModel,
  type Plan,
  type Town,
  type UnitIndex,
  type Zone,
} from '../model';
import { seededRandom } from '../random';
import { haversineMetres } from '../travel';
import { defaultVisitsPerWeek } from '../visitPattern';

export interface SyntheticOptions {
  units: number;
  zones: number;
  seed?: number;
  /** Land area of the county, km2 (Lincolnshire is about 5,900). */
  areaKm2?: number;
  /** Mean weekly hours per unit before scaling (the total scales with units). */
  hoursPerUnit?: number;
}

const KM_PER_DEG_LAT = 111.32;
const ORIGIN = { lon: -0.9, lat: 52.6 };

export function syntheticCounty(opts: SyntheticOptions): { model: CountyModel; plan: Plan } {
  const rand = seededRandom(opts.seed ?? 1);
  const areaKm2 = opts.areaKm2 ?? 5900;
  const cols = Math.max(2, Math.round(Math.sqrt(opts.units)));
  const rows = Math.ceil(opts.units / cols);
  const count = opts.units;
  // Hexagon side s so that count hexes cover the area: area = 3*sqrt(3)/2 * s^2.
  const side = Math.sqrt(areaKm2 / count / ((3 * Math.sqrt(3)) / 2));
  const dx = Math.sqrt(3) * side;
  const dy = 1.5 * side;
  const kmPerDegLon = KM_PER_DEG_LAT * Math.cos((ORIGIN.lat * Math.PI) / 180);

  const xKm = new Float64Array(count);
  const yKm = new Float64Array(count);
  const lon = new Float64Array(count);
  const lat = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const r = Math.floor(i / cols);
    const c = i % cols;
    xKm[i] = c * dx + (r % 2) * (dx / 2);
    yKm[i] = r * dy;
    lon[i] = ORIGIN.lon + xKm[i] / kmPerDegLon;
    lat[i] = ORIGIN.lat + yKm[i] / KM_PER_DEG_LAT;
  }

  // Odd-r offset hex neighbours.
  const lists: Array<Array<[UnitIndex, number]>> = [];
  for (let i = 0; i < count; i++) {
    const r = Math.floor(i / cols);
    const c = i % cols;
    const odd = r % 2;
    const cand: Array<[number, number]> = [
      [r, c - 1],
      [r, c + 1],
      [r - 1, c - 1 + odd],
      [r - 1, c + odd],
      [r + 1, c - 1 + odd],
      [r + 1, c + odd],
    ];
    const list: Array<[UnitIndex, number]> = [];
    for (const [rr, cc] of cand) {
      if (rr < 0 || rr >= rows || cc < 0 || cc >= cols) continue;
      const j = rr * cols + cc;
      if (j < count) list.push([asUnit(j), side]);
    }
    lists.push(list);
  }

  // Towns spread over the grid (rejection sampling keeps them apart).
  const width = cols * dx;
  const height = rows * dy;
  const minGap = Math.sqrt((width * height) / opts.zones) * 0.6;
  const townXY: Array<[number, number]> = [];
  for (let tries = 0; townXY.length < opts.zones && tries < 10_000; tries++) {
    const x = (0.05 + 0.9 * rand()) * width;
    const y = (0.05 + 0.9 * rand()) * height;
    const gap = tries < 5_000 ? minGap : minGap / 3;
    if (townXY.every(([tx, ty]) => Math.hypot(tx - x, ty - y) >= gap)) townXY.push([x, y]);
  }
  const towns: Town[] = townXY.map(([x, y], k) => ({
    name: `Town ${k + 1}`,
    lon: ORIGIN.lon + x / kmPerDegLon,
    lat: ORIGIN.lat + y / KM_PER_DEG_LAT,
  }));
  const townSize = townXY.map(() => 0.5 + rand());

  const demand = emptyDemand(count);
  const rurality = new Uint8Array(count);
  const sparse = new Uint8Array(count);
  const town = new Int32Array(count).fill(-1);
  const hoursPerUnit = opts.hoursPerUnit ?? 25_000 / 420;
  const userMean = hoursPerUnit / 10;
  for (let i = 0; i < count; i++) {
    let density = 0.08;
    let nearest = 0;
    let nearestKm = Infinity;
    townXY.forEach(([tx, ty], k) => {
      const d = Math.hypot(xKm[i] - tx, yKm[i] - ty);
      density += townSize[k] * Math.exp(-(d * d) / (2 * 6 * 6));
      if (d < nearestKm) {
        nearestKm = d;
        nearest = k;
      }
    });
    rurality[i] = density > 0.5 ? Rurality.Urban : density > 0.2 ? Rurality.RuralTown : Rurality.RuralVillage;
    sparse[i] = rurality[i] === Rurality.RuralVillage && nearestKm > 25 ? 1 : 0;
    if (rurality[i] === Rurality.Urban) town[i] = nearest;
    // Demand per unit follows density, with noise; hours per user about 10.
    const users = Math.max(0, Math.round(userMean * (0.3 + density) * (0.5 + rand())));
    let hours = 0;
    let dh = 0;
    let wu = 0;
    let wh = 0;
    let visits = 0;
    for (let u = 0; u < users; u++) {
      const h = Math.max(1, Math.round(-Math.log(1 - rand()) * 10));
      hours += h;
      visits += defaultVisitsPerWeek(h);
      if (rand() < 0.12) dh += h;
      if (rand() < 0.02 + Math.min(0.25, nearestKm / 150)) {
        wu += 1;
        wh += h;
      }
    }
    demand.users[i] = users;
    demand.hours[i] = hours;
    demand.doubleHandedHours[i] = dh;
    demand.waitingUsers[i] = wu;
    demand.waitingHours[i] = wh;
    demand.visits[i] = visits;
  }

  const zones: Zone[] = towns.map((t, k) => ({ id: String(k + 1), name: `Zone ${k + 1} ${t.name}` }));
  const zoneOf = new Int32Array(count);
  const zoneHours = new Float64Array(zones.length);
  for (let i = 0; i < count; i++) {
    let best = 0;
    let bestD = Infinity;
    towns.forEach((t, k) => {
      const d = haversineMetres(lon[i], lat[i], t.lon, t.lat);
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    });
    zoneOf[i] = best;
    zoneHours[best] += demand.hours[i];
  }
  // Headroom over the nearest-base hours, but at least 1.3 x the mean zone, so
  // a zone with a small catchment can still grow to a ±20% balance floor.
  const meanZoneHours = zoneHours.reduce((a, b) => a + b, 0) / zones.length;
  const bases: Base[] = towns.map((t, k) => ({
    id: `B${k + 1}`,
    name: `${t.name} base`,
    lon: t.lon,
    lat: t.lat,
    capacityHours: Math.ceil(Math.max(zoneHours[k] * 1.15, meanZoneHours * 1.3) / 10) * 10,
    zone: asZone(k),
  }));

  const model: CountyModel = {
    units: {
      count,
      ids: Array.from({ length: count }, (_, i) => `U${i}`),
      names: Array.from({ length: count }, (_, i) => `Unit ${i}`),
      lon,
      lat,
      areaKm2: new Float64Array(count).fill(((3 * Math.sqrt(3)) / 2) * side * side),
      perimeterKm: new Float64Array(count).fill(6 * side),
      rurality,
      sparse,
      ruc: new Array<string>(count).fill(''),
      town,
      adjacency: adjacencyFromLists(lists),
    },
    demand,
    zones,
    bases,
    towns,
  };
  return { model, plan: { zoneOf } };
}
