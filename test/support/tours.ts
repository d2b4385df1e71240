// Real tours through points, to check the travel-between-visits estimate against:
// nearest neighbour, then 2-opt until no exchange shortens the tour. Points are in km
// on a local flat projection; a tour is closed (n links for n points).
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { seededRandom } from '../../solver/random';
import { DEFAULT_SCORE_SETTINGS, scorePlan } from '../../solver/score';
import { BAND_COUNT, CALL_BANDS, defaultVisitsPerWeek } from '../../solver/visitPattern';
import type { ExampleCounty } from '../../src/model/exampleCounty';
import type { Project } from '../../src/model/project';
import { exampleCountyFile, loadExampleCounty } from './exampleCounty';

/** Length of a nearest-neighbour + 2-opt closed tour through the points (km). */
export function tourLengthKm(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  if (n < 2) return 0;
  const d = (i: number, j: number) => Math.hypot(x[i] - x[j], y[i] - y[j]);
  const tour = new Int32Array(n);
  const used = new Uint8Array(n);
  used[0] = 1;
  for (let t = 1; t < n; t++) {
    const last = tour[t - 1];
    let best = -1;
    let bestD = Infinity;
    for (let j = 0; j < n; j++) {
      if (used[j]) continue;
      const dj = d(last, j);
      if (dj < bestD) {
        bestD = dj;
        best = j;
      }
    }
    tour[t] = best;
    used[best] = 1;
  }
  // 2-opt: replace links (a, b) and (c, e) by (a, c) and (b, e) while that is shorter.
  let improved = true;
  while (improved) {
    improved = false;
    for (let i = 0; i < n - 1; i++) {
      for (let j = i + 2; j < n; j++) {
        if (i === 0 && j === n - 1) continue;
        const a = tour[i];
        const b = tour[i + 1];
        const c = tour[j];
        const e = tour[(j + 1) % n];
        if (d(a, c) + d(b, e) < d(a, b) + d(c, e) - 1e-12) {
          tour.subarray(i + 1, j + 1).reverse();
          improved = true;
        }
      }
    }
  }
  let length = 0;
  for (let i = 0; i < n; i++) length += d(tour[i], tour[(i + 1) % n]);
  return length;
}

export interface VisitingUser {
  lon: number;
  lat: number;
  /** The user's zone index. */
  zone: number;
  visitsPerWeek: number;
}

/**
 * A week of visits: each user keeps the same call bands all week (as many as their
 * busiest day needs, drawn by the band shares), and each band's visits fall on
 * different days. Returns, per zone, the summed length of every day-and-band tour (km)
 * and the visits in them.
 */
export function weekOfTours(users: VisitingUser[], zones: number, shares: number[], seed: number): { km: Float64Array; visits: Float64Array } {
  const rand = seededRandom(seed);
  const lat0 = users.reduce((s, u) => s + u.lat, 0) / Math.max(1, users.length);
  const kx = 111.32 * Math.cos((lat0 * Math.PI) / 180);
  const ky = 110.57;
  const points: number[][][] = Array.from({ length: zones * 7 * BAND_COUNT }, () => [[], []]);
  for (const u of users) {
    const v = Math.round(u.visitsPerWeek);
    if (u.zone < 0 || v <= 0) continue;
    const available = [0, 1, 2, 3];
    const bands: number[] = [];
    for (let k = 0; k < Math.min(BAND_COUNT, Math.ceil(v / 7)); k++) {
      const total = available.reduce((s, b) => s + shares[b], 0);
      let r = rand() * total;
      let pick = available[available.length - 1];
      for (const b of available) {
        r -= shares[b];
        if (r <= 0) {
          pick = b;
          break;
        }
      }
      available.splice(available.indexOf(pick), 1);
      bands.push(pick);
    }
    const perBand = bands.map(() => 0);
    for (let k = 0; k < Math.min(v, 7 * bands.length); k++) perBand[k % bands.length]++;
    bands.forEach((b, j) => {
      const days = [0, 1, 2, 3, 4, 5, 6].map((day) => [rand(), day]).sort((p, q) => p[0] - q[0]).slice(0, perBand[j]);
      for (const [, day] of days) {
        const p = points[(u.zone * 7 + day) * BAND_COUNT + b];
        p[0].push(u.lon * kx);
        p[1].push(u.lat * ky);
      }
    });
  }
  const km = new Float64Array(zones);
  const visits = new Float64Array(zones);
  points.forEach(([xs, ys], i) => {
    const z = Math.floor(i / (7 * BAND_COUNT));
    km[z] += tourLengthKm(Float64Array.from(xs), Float64Array.from(ys));
    visits[z] += xs.length;
  });
  return { km, visits };
}

type Row = Record<string, string>;
const csv = (file: string): Row[] => Papa.parse<Row>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;

/** An example county's users at their postcodes, with their zone in the current plan. */
function countyUsers(county: ExampleCounty): { users: VisitingUser[]; project: Project } {
  const project = loadExampleCounty(county);
  const unitOf = new Map(project.model.units.ids.map((id, u) => [id, u]));
  const postcodes = new Map(csv(exampleCountyFile(county, 'postcodes')).map((p) => [p.postcode, p]));
  const users = csv(exampleCountyFile(county, 'users')).map((r) => {
    const p = postcodes.get(r.postcode)!;
    return {
      lon: Number(p.longitude),
      lat: Number(p.latitude),
      zone: project.plan.zoneOf[unitOf.get(p.lsoa11cd)!],
      visitsPerWeek: defaultVisitsPerWeek(Number(r.weekly_hours)),
    };
  });
  return { users, project };
}

/** Estimate / real - 1 per zone, with the zone's users: shortest straight-line tours (no circuity, no rota factor). */
export function estimateErrors(county: ExampleCounty, seed = 1): Array<{ zone: string; users: number; error: number }> {
  const { users, project } = countyUsers(county);
  const s = {
    ...DEFAULT_SCORE_SETTINGS,
    travel: { ...DEFAULT_SCORE_SETTINGS.travel, circuityFactor: 1 },
    visitTravel: { ...DEFAULT_SCORE_SETTINGS.visitTravel, rotaFactor: 1 },
  };
  const score = scorePlan(project.model, project.plan, s);
  const tours = weekOfTours(users, project.model.zones.length, CALL_BANDS.map((b) => s.visitTravel.bandShares[b]), seed);
  return score.zones.map((zs) => ({
    zone: project.model.zones[zs.zone].name,
    users: zs.users,
    error: zs.visitTravel!.metresPerVisit / 1000 / (tours.km[zs.zone] / tours.visits[zs.zone]) - 1,
  }));
}

