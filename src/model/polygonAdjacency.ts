// Unit adjacency, perimeters and areas from polygon boundaries. Two units are
// neighbours when they share a boundary edge (same two vertices, either
// direction), which is how topology-preserving boundary files (ONS, mapshaper
// output) store shared borders. Units that touch only at a corner are not
// neighbours: a zone joined only there dissolves into two polygons in any GIS.
// Groups of units with no border with the rest (islands, the far bank of a
// river) are joined by links across water (waterLinks.ts), listed in
// `adjacency.links`.
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { area as turfArea } from '@turf/turf';
import { adjacencyFromLists, asUnit, NO_UNIT, type Adjacency, type UnitIndex } from '../../solver/model';
import { haversineMetres } from '../../solver/travel';
import { waterLinks } from './waterLinks';

export interface PolygonMetrics {
  adjacency: Adjacency;
  perimeterKm: Float64Array;
  areaKm2: Float64Array;
  /**
   * Border lines, one per pair of units sharing edges (a < b), plus each unit's
   * outer edges (b = -1). The map draws zone outlines by switching these on where
   * the two sides are in different zones, without rebuilding any geometry.
   */
  borders: Border[];
}

export interface Border {
  a: UnitIndex;
  /** The unit on the other side, or -1 for the outer edge (coast, county line). */
  b: UnitIndex;
  segments: Position[][];
}

/** Vertex key at ~0.1 m: coordinates equal to 6 decimals are the same vertex. */
function vertexKey(p: Position): string {
  return `${Math.round(p[0] * 1e6)},${Math.round(p[1] * 1e6)}`;
}

function ringsOf(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

export function polygonAdjacency(features: Array<Feature<Polygon | MultiPolygon>>): PolygonMetrics {
  const n = features.length;
  const perimeterKm = new Float64Array(n);
  const areaKm2 = new Float64Array(n);
  // edge key -> first unit seen with it; shared lengths per unordered pair.
  const edgeOwner = new Map<string, { u: UnitIndex; a: Position; b: Position; shared: boolean }>();
  const shared: Array<Map<UnitIndex, number>> = Array.from({ length: n }, () => new Map());

  const borderIndex = new Map<string, Border>();
  const addSegment = (u: UnitIndex, v: UnitIndex, a: Position, b: Position) => {
    const [lo, hi] = v === -1 || u < v ? [u, v] : [v, u];
    const key = `${lo}|${hi}`;
    let border = borderIndex.get(key);
    if (!border) borderIndex.set(key, (border = { a: lo, b: hi, segments: [] }));
    border.segments.push([a, b]);
  };
  const link = (u: UnitIndex, v: UnitIndex, km: number) => {
    shared[u].set(v, (shared[u].get(v) ?? 0) + km);
    shared[v].set(u, (shared[v].get(u) ?? 0) + km);
  };

  features.forEach((feature, i) => {
    const u = asUnit(i);
    areaKm2[u] = turfArea(feature) / 1e6;
    for (const ring of ringsOf(feature.geometry)) {
      for (let k = 0; k + 1 < ring.length; k++) {
        const a = ring[k];
        const b = ring[k + 1];
        const km = haversineMetres(a[0], a[1], b[0], b[1]) / 1000;
        perimeterKm[u] += km;
        const ka = vertexKey(a);
        const kb = vertexKey(b);
        const key = ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
        const owner = edgeOwner.get(key);
        if (owner === undefined) edgeOwner.set(key, { u, a, b, shared: false });
        else if (owner.u !== u && !owner.shared) {
          owner.shared = true;
          link(owner.u, u, km);
          addSegment(owner.u, u, a, b);
        }
      }
    }
  });

  for (const edge of edgeOwner.values()) if (!edge.shared) addSegment(edge.u, NO_UNIT, edge.a, edge.b);

  const links = waterLinks(
    features.map((f) => ringsOf(f.geometry)),
    shared.map((m) => [...m.keys()]),
  );
  for (const { a, b } of links) link(a, b, 0);

  const lists = shared.map((m) => [...m.entries()].sort((x, y) => x[0] - y[0]));
  const adjacency = adjacencyFromLists(lists);
  if (links.length > 0) adjacency.links = links;
  return { adjacency, perimeterKm, areaKm2, borders: [...borderIndex.values()] };
}
