// Re-joining borders that were simplified or digitised apart: where two units'
// borders overlap by a sliver, each unit takes the other's border vertices that
// lie within the tolerance of its own border, so both run through the same
// vertices and share their edges again. Vertex-subset simplifiers (Douglas-
// Peucker, Visvalingam: what QGIS and shapely do) keep original vertices, so
// this gives back the original border wherever either side kept a vertex.
// Vertices are only added, never moved: a border moves by at most the distance
// of the vertices it takes.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import KDBush from 'kdbush';
import { partsOf } from '../model/coverage';

type Geometry = Polygon | MultiPolygon;

export interface Snapped {
  geometry: Geometry;
  /** Vertices taken from the partners, and the farthest any was from this unit's border (metres). */
  added: number;
  farthestMetres: number;
}

/**
 * For each unit in `partners` (unit -> the units whose vertices it may take),
 * its geometry with those vertices added where they lie within `metres` of its
 * border; units not in `partners`, or taking nothing, are left out of the result.
 */
export function snapBorders(geometries: readonly Geometry[], partners: ReadonlyMap<number, ReadonlySet<number>>, metres: number): Map<number, Snapped> {
  const xs: number[] = [];
  const ys: number[] = [];
  const owner: number[] = [];
  const needed = new Set<number>();
  for (const set of partners.values()) for (const u of set) needed.add(u);
  for (const u of needed)
    for (const rings of partsOf(geometries[u]))
      for (const ring of rings)
        for (let k = 0; k + 1 < ring.length; k++) {
          xs.push(ring[k][0]);
          ys.push(ring[k][1]);
          owner.push(u);
        }
  const out = new Map<number, Snapped>();
  if (xs.length === 0) return out;
  const index = new KDBush(xs.length);
  for (let i = 0; i < xs.length; i++) index.add(xs[i], ys[i]);
  index.finish();
  const ky = 111_320;
  const kx = ky * Math.cos((ys.reduce((a, b) => a + b, 0) / ys.length) * (Math.PI / 180));
  const [padX, padY] = [metres / kx, metres / ky];

  for (const [u, mine] of partners) {
    const g = geometries[u];
    // Each candidate vertex goes to the nearest segment of this unit.
    const best = new Map<number, { seg: string; d: number; t: number }>();
    partsOf(g).forEach((rings, p) =>
      rings.forEach((ring, r) => {
        for (let k = 0; k + 1 < ring.length; k++) {
          const [ax, ay] = ring[k];
          const [bx, by] = ring[k + 1];
          const dx = (bx - ax) * kx;
          const dy = (by - ay) * ky;
          const len2 = dx * dx + dy * dy;
          if (len2 === 0) continue;
          for (const i of index.range(Math.min(ax, bx) - padX, Math.min(ay, by) - padY, Math.max(ax, bx) + padX, Math.max(ay, by) + padY)) {
            if (!mine.has(owner[i])) continue;
            const [x, y] = [xs[i], ys[i]];
            if ((x === ax && y === ay) || (x === bx && y === by)) continue;
            const t = ((x - ax) * kx * dx + (y - ay) * ky * dy) / len2;
            if (t <= 0 || t >= 1) continue;
            const d = Math.hypot((x - ax) * kx - t * dx, (y - ay) * ky - t * dy);
            if (d >= metres) continue;
            const prev = best.get(i);
            if (!prev || d < prev.d) best.set(i, { seg: `${p}|${r}|${k}`, d, t });
          }
        }
      }),
    );
    if (best.size === 0) continue;
    const inserts = new Map<string, Array<{ t: number; i: number }>>();
    let farthest = 0;
    for (const [i, b] of best) {
      farthest = Math.max(farthest, b.d);
      const list = inserts.get(b.seg);
      if (list) list.push({ t: b.t, i });
      else inserts.set(b.seg, [{ t: b.t, i }]);
    }
    let added = 0;
    const parts = partsOf(g).map((rings, p) =>
      rings.map((ring, r) => {
        const next: Position[] = [];
        for (let k = 0; k + 1 < ring.length; k++) {
          next.push(ring[k]);
          for (const a of (inserts.get(`${p}|${r}|${k}`) ?? []).sort((m, n) => m.t - n.t)) {
            const last = next[next.length - 1];
            if (last[0] === xs[a.i] && last[1] === ys[a.i]) continue;
            next.push([xs[a.i], ys[a.i]]);
            added++;
          }
        }
        next.push(ring[ring.length - 1]);
        return next;
      }),
    );
    const geometry: Geometry = g.type === 'Polygon' ? { type: 'Polygon', coordinates: parts[0] } : { type: 'MultiPolygon', coordinates: parts };
    out.set(u, { geometry, added, farthestMetres: farthest });
  }
  return out;
}
