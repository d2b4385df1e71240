// The area hexagon units cover when the council has no boundary file: the
// convex hull of the placed service users, widened by a margin so people on
// its edge sit well inside a cell and the outermost villages keep a
// neighbour ring. A hull (not a bounding box) keeps the sea and the next
// county mostly out; a boundary file is still better and is offered first.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { area, bbox, bboxPolygon, buffer, convex, featureCollection, point } from '@turf/turf';

/** How far the hull is widened, km. */
export const COVERAGE_MARGIN_KM = 2;

/** A polygon round the points (NaN points are skipped); null when there are none. */
export function pointsCoverage(lon: ArrayLike<number>, lat: ArrayLike<number>): Feature<Polygon | MultiPolygon> | null {
  const points = [];
  // Many users share a postcode: one point per distinct place keeps the hull cheap.
  const seen = new Set<string>();
  for (let i = 0; i < lon.length; i++) {
    if (!Number.isFinite(lon[i]) || !Number.isFinite(lat[i])) continue;
    const key = `${lon[i].toFixed(4)},${lat[i].toFixed(4)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    points.push(point([lon[i], lat[i]]));
  }
  if (points.length === 0) return null;
  const collection = featureCollection(points);
  // Fewer than three distinct points (or all in a line) have no hull: use their box.
  const hull = convex(collection) ?? bboxPolygon(bbox(collection));
  return buffer(hull, COVERAGE_MARGIN_KM, { units: 'kilometers' }) ?? null;
}

/** Area of polygons, km². */
export function areaKm2(features: ReadonlyArray<Feature<Polygon | MultiPolygon>>): number {
  return features.reduce((sum, f) => sum + area(f) / 1e6, 0);
}
