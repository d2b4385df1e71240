// Hexagon polygons for a syntheticCounty model, so exports and maps can be
// tested at scale. syntheticCounty lays pointy-top hexes on an odd-r grid; here
// every vertex is computed from integer lattice coordinates, so neighbouring
// hexes share bit-identical vertices (as a topology-preserving boundary file does).
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { CountyModel } from '../model';

export function syntheticHexPolygons(model: CountyModel): FeatureCollection<Polygon, { id: string; name: string }> {
  const { lon, lat, count, ids, names } = model.units;
  // Grid shape from the centres: unit 0 sits at column 0 of row 0; row 1 starts where latitude first changes.
  let cols = 1;
  while (cols < count && lat[cols] === lat[0]) cols++;
  // Lattice steps in degrees: x in half hex widths, y in half sides (rows are 1.5 sides = 3 steps apart).
  const halfWidthDeg = (lon[1] - lon[0]) / 2;
  const halfSideDeg = cols < count ? (lat[cols] - lat[0]) / 3 : halfWidthDeg / Math.sqrt(3);
  const at = (x: number, y: number): [number, number] => [lon[0] + x * halfWidthDeg, lat[0] + y * halfSideDeg];
  const features = Array.from({ length: count }, (_, i): Feature<Polygon, { id: string; name: string }> => {
    const r = Math.floor(i / cols);
    const x = 2 * (i % cols) + (r % 2);
    const y = 3 * r;
    // Counter-clockwise from the top vertex.
    const ring = [at(x, y + 2), at(x - 1, y + 1), at(x - 1, y - 1), at(x, y - 2), at(x + 1, y - 1), at(x + 1, y + 1)];
    return { type: 'Feature', id: i, properties: { id: ids[i], name: names[i] }, geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] } };
  });
  return { type: 'FeatureCollection', features };
}
