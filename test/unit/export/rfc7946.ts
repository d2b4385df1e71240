// A small RFC 7946 checker for what our exports write: FeatureCollections of
// Polygon / MultiPolygon features with closed, wound, finite, WGS84 rings.
import type { Position } from 'geojson';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Twice the planar signed area; positive = counter-clockwise. */
export function signedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s;
}

function ringProblems(ring: unknown, where: string, outer: boolean): string[] {
  if (!Array.isArray(ring) || ring.length < 4) return [`${where}: a ring needs at least 4 positions`];
  const out: string[] = [];
  for (const [k, p] of ring.entries()) {
    if (!Array.isArray(p) || p.length < 2 || p.length > 3 || !p.every((x) => typeof x === 'number' && Number.isFinite(x))) {
      out.push(`${where}[${k}]: not a position`);
      continue;
    }
    if (p[0] < -180 || p[0] > 180 || p[1] < -90 || p[1] > 90) out.push(`${where}[${k}]: outside WGS84`);
    if (p.some((x: number) => Math.abs(x * 1e6 - Math.round(x * 1e6)) > 1e-6)) out.push(`${where}[${k}]: more than 6 decimals`);
  }
  if (out.length) return out;
  const first = ring[0] as Position;
  const last = ring[ring.length - 1] as Position;
  if (first[0] !== last[0] || first[1] !== last[1]) out.push(`${where}: ring not closed`);
  const area = signedArea(ring as Position[]);
  if (outer && !(area > 0)) out.push(`${where}: outer ring is not counter-clockwise`);
  if (!outer && !(area < 0)) out.push(`${where}: hole is not clockwise`);
  return out;
}

function polygonProblems(rings: unknown, where: string): string[] {
  if (!Array.isArray(rings) || rings.length === 0) return [`${where}: a polygon needs rings`];
  return rings.flatMap((r, k) => ringProblems(r, `${where}[${k}]`, k === 0));
}

/** Every way the value breaks RFC 7946 (for our polygon files); empty when valid. */
export function rfc7946Problems(value: unknown): string[] {
  if (!isObject(value) || value.type !== 'FeatureCollection' || !Array.isArray(value.features)) return ['not a FeatureCollection'];
  if ('crs' in value) return ['RFC 7946 has no crs member'];
  return value.features.flatMap((f, i) => {
    const where = `features[${i}]`;
    if (!isObject(f) || f.type !== 'Feature') return [`${where}: not a Feature`];
    if (!('properties' in f) || !(f.properties === null || isObject(f.properties))) return [`${where}: properties must be an object or null`];
    if ('id' in f && typeof f.id !== 'string' && typeof f.id !== 'number') return [`${where}: id must be a string or number`];
    const g = f.geometry;
    if (!isObject(g)) return [`${where}: no geometry`];
    if (g.type === 'Polygon') return polygonProblems(g.coordinates, `${where}.geometry`);
    if (g.type === 'MultiPolygon') {
      if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) return [`${where}: empty MultiPolygon`];
      return g.coordinates.flatMap((p, k) => polygonProblems(p, `${where}.geometry[${k}]`));
    }
    return [`${where}: unexpected geometry ${String(g.type)}`];
  });
}
