// Links across water: units that share no border with the rest of the county
// (an island, the far bank of a river the boundaries are clipped to) are joined
// to it by explicit links, so "one piece" still means something there. Where
// two groups come within RIVER_GAP_M of each other they are linked at every
// such pair (a river is crossed wherever it is that narrow); a group farther
// from the rest is linked at its nearest pair, one link per group, smallest
// groups first, until the county is one connected graph. Each link is listed
// with its gap, so what it assumes can be shown to the user.
import KDBush from 'kdbush';
import type { Position } from 'geojson';
import { asUnit, type AdjacencyLink, type UnitIndex } from '../../solver/model';
import { haversineMetres } from '../../solver/travel';

/** Gaps up to this are river crossings: linked at every pair of units that close. */
export const RIVER_GAP_M = 150;

const M_PER_DEG_LAT = 110_574;

/**
 * Links joining the components of the edge graph `lists` (per-unit neighbour
 * indices) into one. `rings[u]` holds unit u's boundary vertices (WGS84).
 */
export function waterLinks(rings: Position[][][], lists: ReadonlyArray<ReadonlyArray<UnitIndex>>): AdjacencyLink[] {
  const n = lists.length;
  const component = components(lists);
  const count = component.reduce((m, c) => Math.max(m, c + 1), 0);
  if (count <= 1) return [];

  // Vertices in local metres (equirectangular about the mean latitude: fine at county scale).
  const lat0 = meanLatitude(rings);
  const mPerDegLon = M_PER_DEG_LAT * Math.cos((lat0 * Math.PI) / 180);
  const vx: number[] = [];
  const vy: number[] = [];
  const vUnit: number[] = [];
  const vLonLat: Position[] = [];
  const unitVertices: number[][] = Array.from({ length: n }, () => []);
  rings.forEach((unitRings, u) => {
    for (const ring of unitRings) {
      for (const p of ring) {
        unitVertices[u].push(vx.length);
        vx.push(p[0] * mPerDegLon);
        vy.push(p[1] * M_PER_DEG_LAT);
        vUnit.push(u);
        vLonLat.push(p);
      }
    }
  });
  if (vx.length === 0) return [];
  const index = new KDBush(vx.length);
  for (let i = 0; i < vx.length; i++) index.add(vx[i], vy[i]);
  index.finish();

  const group = new UnionFind(count);
  const best = new Map<string, AdjacencyLink>();
  const keep = (a: number, b: number, m: number) => {
    const [lo, hi] = (a < b ? [a, b] : [b, a]) as [UnitIndex, UnitIndex];
    const key = `${lo}|${hi}`;
    const old = best.get(key);
    if (!old || m / 1000 < old.km) best.set(key, { a: lo, b: hi, km: m / 1000 });
  };
  const gap = (i: number, j: number) => haversineMetres(vLonLat[i][0], vLonLat[i][1], vLonLat[j][0], vLonLat[j][1]);

  // River crossings: every pair of units in different components within RIVER_GAP_M.
  for (let i = 0; i < vx.length; i++) {
    for (const j of index.within(vx[i], vy[i], RIVER_GAP_M * 1.01)) {
      if (component[vUnit[j]] === component[vUnit[i]] || vUnit[j] < vUnit[i]) continue;
      const m = gap(i, j);
      if (m > RIVER_GAP_M) continue;
      keep(vUnit[i], vUnit[j], m);
      group.union(component[vUnit[i]], component[vUnit[j]]);
    }
  }

  // Farther groups: each joined at its nearest pair, smallest first, until one is left.
  for (;;) {
    const members = new Map<number, UnitIndex[]>();
    for (let u = asUnit(0); u < n; u++) {
      const g = group.find(component[u]);
      let list = members.get(g);
      if (!list) members.set(g, (list = []));
      list.push(u);
    }
    if (members.size <= 1) break;
    const smallest = [...members.entries()].sort((x, y) => x[1].length - y[1].length || x[0] - y[0])[0];
    const g = smallest[0];
    const nearest = nearestOutside(smallest[1], unitVertices, vx, vy, index, (j) => group.find(component[vUnit[j]]) !== g, gap);
    if (!nearest) break; // no vertices outside: nothing to link to
    keep(vUnit[nearest.i], vUnit[nearest.j], nearest.m);
    group.union(g, component[vUnit[nearest.j]]);
  }
  return [...best.values()].sort((x, y) => x.a - y.a || x.b - y.b);
}

/** Nearest vertex pair (i in `units`, j passing `outside`), found by widening the search radius. */
function nearestOutside(
  units: UnitIndex[],
  unitVertices: number[][],
  vx: number[],
  vy: number[],
  index: KDBush,
  outside: (j: number) => boolean,
  gap: (i: number, j: number) => number,
): { i: number; j: number; m: number } | null {
  const own = units.flatMap((u) => unitVertices[u]);
  for (let r = 2 * RIVER_GAP_M; r < 5e6; r *= 2) {
    let found: { i: number; j: number; m: number } | null = null;
    for (const i of own) {
      for (const j of index.within(vx[i], vy[i], r)) {
        if (!outside(j)) continue;
        const m = gap(i, j);
        if (!found || m < found.m) found = { i, j, m };
      }
    }
    // Any pair nearer than the one found lies within r of it, so the first radius with a hit decides.
    if (found) return found;
  }
  return null;
}

function components(lists: ReadonlyArray<ReadonlyArray<UnitIndex>>): Int32Array {
  const out = new Int32Array(lists.length).fill(-1);
  let next = 0;
  const stack: number[] = [];
  for (let s = 0; s < lists.length; s++) {
    if (out[s] >= 0) continue;
    out[s] = next;
    stack.push(s);
    while (stack.length) {
      const u = stack.pop()!;
      for (const v of lists[u]) {
        if (out[v] < 0) {
          out[v] = next;
          stack.push(v);
        }
      }
    }
    next++;
  }
  return out;
}

function meanLatitude(rings: Position[][][]): number {
  let sum = 0;
  let k = 0;
  for (const unitRings of rings) for (const ring of unitRings) for (const p of ring) {
    sum += p[1];
    k++;
  }
  return k > 0 ? sum / k : 0;
}

class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
  }
  find(x: number): number {
    while (this.parent[x] !== x) x = this.parent[x] = this.parent[this.parent[x]];
    return x;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}
