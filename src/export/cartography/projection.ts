// The printed maps' projection: equirectangular with longitude scaled by
// cos(latitude) at the view's centre. True enough in shape and scale at county
// size, needs no map library, and keeps meridians vertical (north is straight up).
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { polygonsOf, type BBox } from '../geometry';
import type { Point } from './labelPlacement';

/** Metres in one degree of latitude (mean Earth radius 6,371 km). */
const METRES_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;

export interface Projection {
  /** Size of the map in px: the view's shape, as large as fits. */
  width: number;
  height: number;
  /** Map point in px from the map's top-left corner (y down). */
  project(lon: number, lat: number): Point;
  /** Ground distance one px stands for, at the view's centre. */
  metresPerPx: number;
}

/** Fits the view into the largest box of its shape within maxWidth x maxHeight. */
export function fitView(view: BBox, maxWidth: number, maxHeight: number): Projection {
  const [minLon, minLat, maxLon, maxLat] = view;
  const cLon = (minLon + maxLon) / 2;
  const cLat = (minLat + maxLat) / 2;
  const k = Math.cos((cLat * Math.PI) / 180);
  const w = Math.max((maxLon - minLon) * k, 1e-9);
  const h = Math.max(maxLat - minLat, 1e-9);
  const scale = Math.min(maxWidth / w, maxHeight / h);
  const width = Math.round(w * scale);
  const height = Math.round(h * scale);
  return {
    width,
    height,
    project: (lon, lat) => ({ x: width / 2 + (lon - cLon) * k * scale, y: height / 2 - (lat - cLat) * scale }),
    metresPerPx: METRES_PER_DEGREE / scale,
  };
}

/** The view widened or heightened round its centre to the shape of a width x height box (a map that fills its frame). */
export function viewOfShape(view: BBox, width: number, height: number): BBox {
  const [minLon, minLat, maxLon, maxLat] = view;
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const w = (maxLon - minLon) * k;
  const h = maxLat - minLat;
  const want = width / height;
  if (w / h < want) {
    const half = (h * want) / k / 2;
    const c = (minLon + maxLon) / 2;
    return [c - half, minLat, c + half, maxLat];
  }
  const half = w / want / 2;
  const c = (minLat + maxLat) / 2;
  return [minLon, c - half, maxLon, c + half];
}

/** Rings in px, offset by (dx, dy). */
export function projectRings(g: Polygon | MultiPolygon, p: Projection, dx = 0, dy = 0): Point[][][] {
  return polygonsOf(g).map((polygon) =>
    polygon.map((ring: Position[]) => ring.map(([lon, lat]) => {
      const q = p.project(lon, lat);
      return { x: q.x + dx, y: q.y + dy };
    })),
  );
}

/** SVG path data at 0.1 px, dropping points that land on the previous one (keeps the file small). */
export function pathData(polygons: Point[][][]): string {
  const parts: string[] = [];
  for (const polygon of polygons)
    for (const ring of polygon) {
      let last = '';
      const pts: string[] = [];
      for (const { x, y } of ring) {
        const s = `${x.toFixed(1)},${y.toFixed(1)}`;
        if (s !== last) pts.push(s);
        last = s;
      }
      if (pts.length >= 3) parts.push(`M${pts.join('L')}Z`);
    }
  return parts.join('');
}

/** Twice the signed area of a ring in px (sign depends on winding; only the size matters here). */
export function ringArea(ring: Point[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j].x - ring[i].x) * (ring[j].y + ring[i].y);
  return Math.abs(s) / 2;
}
