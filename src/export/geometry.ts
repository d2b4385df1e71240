// Polygon clean-up for files other GIS tools read: coordinates rounded to a
// fixed precision (6 dp, about 0.1 m), repeated points dropped, and rings wound
// as RFC 7946 asks (outer rings counter-clockwise, holes clockwise).
import type { MultiPolygon, Polygon, Position } from 'geojson';

export const COORD_DP = 6;

export type BBox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

const roundTo = (x: number, dp: number) => {
  const f = 10 ** dp;
  return Math.round(x * f) / f;
};

/** Twice the planar signed area of a ring in lon/lat; positive when counter-clockwise. */
export function ringSignedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return s;
}

/** Rounded ring without repeated points, closed; null when fewer than three distinct points remain. */
function cleanRing(ring: Position[], dp: number): Position[] | null {
  const out: Position[] = [];
  for (const p of ring) {
    const q: Position = [roundTo(p[0], dp), roundTo(p[1], dp)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (out.length > 1 && first[0] === last[0] && first[1] === last[1]) out.pop();
  if (out.length < 3) return null;
  out.push([out[0][0], out[0][1]]);
  return out;
}

function wound(ring: Position[], counterClockwise: boolean): Position[] {
  return ringSignedArea(ring) > 0 === counterClockwise ? ring : ring.slice().reverse();
}

/** One polygon's rings cleaned and wound; null when its outer ring vanished. */
function cleanPolygon(rings: Position[][], dp: number): Position[][] | null {
  const outer = cleanRing(rings[0], dp);
  if (!outer) return null;
  const holes = rings.slice(1).map((r) => cleanRing(r, dp)).filter((r): r is Position[] => r !== null);
  return [wound(outer, true), ...holes.map((h) => wound(h, false))];
}

/** A MultiPolygon with every ring rounded and wound by RFC 7946. */
export function normaliseMultiPolygon(polygons: Position[][][], dp = COORD_DP): MultiPolygon {
  return {
    type: 'MultiPolygon',
    coordinates: polygons.map((p) => cleanPolygon(p, dp)).filter((p): p is Position[][] => p !== null),
  };
}

/** The same geometry type back, rounded and wound by RFC 7946. */
export function normaliseGeometry(g: Polygon | MultiPolygon, dp = COORD_DP): Polygon | MultiPolygon {
  if (g.type === 'MultiPolygon') return normaliseMultiPolygon(g.coordinates, dp);
  const rings = cleanPolygon(g.coordinates, dp);
  return { type: 'Polygon', coordinates: rings ?? [] };
}

/**
 * The same geometry with outer rings counter-clockwise and holes clockwise, coordinates
 * untouched. Files may wind rings either way (shapefiles run outlines clockwise), but the
 * dissolve joins neighbours' shared arcs only when they run opposite ways.
 */
export function woundAsRfc7946<G extends Polygon | MultiPolygon>(g: G): G {
  const rings = (rs: Position[][]) => rs.map((r, i) => wound(r, i === 0));
  return (g.type === 'Polygon' ? { ...g, coordinates: rings(g.coordinates) } : { ...g, coordinates: g.coordinates.map(rings) }) as G;
}

export function polygonsOf(g: Polygon | MultiPolygon): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

export function bboxOf(geometries: Iterable<Polygon | MultiPolygon>): BBox | null {
  let box: BBox | null = null;
  for (const g of geometries)
    for (const poly of polygonsOf(g))
      for (const p of poly[0]) {
        if (!box) box = [p[0], p[1], p[0], p[1]];
        else {
          if (p[0] < box[0]) box[0] = p[0];
          if (p[1] < box[1]) box[1] = p[1];
          if (p[0] > box[2]) box[2] = p[0];
          if (p[1] > box[3]) box[3] = p[1];
        }
      }
  return box;
}

export const bboxesOverlap = (a: BBox, b: BBox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
