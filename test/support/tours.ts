// Real tours through points, to check the travel-between-visits estimate against:
// nearest neighbour, then 2-opt until no exchange shortens the tour. Points are in km
// on a local flat projection; a tour is closed (n links for n points).
import { seededRandom } from '../../solver/random';
import { BAND_COUNT } from '../../solver/visitPattern';

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
