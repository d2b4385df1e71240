// Hexagon units: H3 cells covering a boundary. Every cell that overlaps the
// boundary is kept, so nobody inside the boundary falls between cells.
// Neighbours are H3 neighbours, the shared border being the common cell edge.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { area as turfArea } from '@turf/turf';
import {
  cellArea, cellToBoundary, cellToLatLng, directedEdgeToBoundary, edgeLength, getDirectedEdgeDestination,
  getHexagonAreaAvg, getHexagonEdgeLengthAvg, originToDirectedEdges, polygonToCellsExperimental, POLYGON_TO_CELLS_FLAGS,
} from 'h3-js';
import { adjacencyFromLists, asUnit, NO_UNIT, Rurality, type UnitIndex, type Units } from '../../solver/model';
import type { Border } from '../model/polygonAdjacency';
import type { UnitProperties } from '../model/project';
import type { ImportedUnits } from './units';

/** Refuse resolutions that would make more units than the optimiser and map can use. */
const MAX_CELLS = 200_000;

export interface H3ResolutionOption {
  resolution: number;
  /** Average cell area, km². */
  cellAreaKm2: number;
  /** Average edge length, km. */
  edgeKm: number;
  /** Roughly how many cells cover the boundary. */
  estimatedCells: number;
}

/** The resolutions worth offering for a county, with cell sizes, for the units picker. */
export function h3ResolutionOptions(boundaryAreaKm2: number, resolutions = [5, 6, 7, 8, 9]): H3ResolutionOption[] {
  return resolutions.map((resolution) => {
    const cellAreaKm2 = getHexagonAreaAvg(resolution, 'km2');
    return {
      resolution,
      cellAreaKm2,
      edgeKm: getHexagonEdgeLengthAvg(resolution, 'km'),
      estimatedCells: Math.ceil(boundaryAreaKm2 / cellAreaKm2),
    };
  });
}

const tooMany = (resolution: number) =>
  new Error(`Resolution ${resolution} needs more than ${MAX_CELLS.toLocaleString('en-GB')} hexagons here; choose a coarser one`);

type Boundary = Feature<Polygon | MultiPolygon> | FeatureCollection<Polygon | MultiPolygon> | Polygon | MultiPolygon;

function polygonsOf(boundary: Boundary): number[][][][] {
  const geometries =
    boundary.type === 'FeatureCollection' ? boundary.features.map((f) => f.geometry)
    : boundary.type === 'Feature' ? [boundary.geometry]
    : [boundary];
  return geometries.flatMap((g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates));
}

/** H3 units at `resolution` covering the boundary (WGS84). */
export function h3Units(boundary: Boundary, resolution: number): ImportedUnits {
  // Refuse early: listing the cells of a fine resolution over a county takes seconds.
  const boundaryKm2 = polygonsOf(boundary).reduce((sum, coordinates) => sum + turfArea({ type: 'Polygon', coordinates }) / 1e6, 0);
  if (boundaryKm2 / getHexagonAreaAvg(resolution, 'km2') > MAX_CELLS) throw tooMany(resolution);
  const cellSet = new Set<string>();
  for (const polygon of polygonsOf(boundary)) {
    for (const cell of polygonToCellsExperimental(polygon, resolution, POLYGON_TO_CELLS_FLAGS.containmentOverlapping, true)) {
      cellSet.add(cell);
      if (cellSet.size > MAX_CELLS) throw tooMany(resolution);
    }
  }
  const ids = [...cellSet].sort();
  const n = ids.length;
  const index = new Map(ids.map((c, i) => [c, asUnit(i)]));
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const areaKm2 = new Float64Array(n);
  const perimeterKm = new Float64Array(n);
  const lists: Array<Array<[UnitIndex, number]>> = [];
  const borders: Border[] = [];
  ids.forEach((cell, i) => {
    const u = asUnit(i);
    [lat[u], lon[u]] = cellToLatLng(cell);
    areaKm2[u] = cellArea(cell, 'km2');
    const list: Array<[UnitIndex, number]> = [];
    const outer: Border = { a: u, b: NO_UNIT, segments: [] };
    // Walking the cell's directed edges handles pentagons (5 edges) too.
    for (const edge of originToDirectedEdges(cell)) {
      const km = edgeLength(edge, 'km');
      perimeterKm[u] += km;
      const v = index.get(getDirectedEdgeDestination(edge)) ?? NO_UNIT;
      if (v >= 0) list.push([v, km]);
      if (v < 0) outer.segments.push(directedEdgeToBoundary(edge, true));
      else if (u < v) borders.push({ a: u, b: v, segments: [directedEdgeToBoundary(edge, true)] });
    }
    if (outer.segments.length > 0) borders.push(outer);
    lists.push(list.sort((a, b) => a[0] - b[0]));
  });
  const units: Units = {
    count: n, ids, names: ids.map((c) => `Hexagon ${c}`), lon, lat, areaKm2, perimeterKm,
    rurality: new Uint8Array(n).fill(Rurality.Urban),
    sparse: new Uint8Array(n),
    ruc: new Array<string>(n).fill(''),
    town: new Int32Array(n).fill(-1),
    adjacency: adjacencyFromLists(lists),
  };
  const geo: FeatureCollection<Polygon, UnitProperties> = {
    type: 'FeatureCollection',
    features: ids.map((cell, u) => ({
      type: 'Feature', id: u,
      geometry: { type: 'Polygon', coordinates: [cellToBoundary(cell, true)] },
      properties: { id: cell, name: units.names[u] },
    })),
  };
  return { units, geo, borders, rucKnown: new Uint8Array(n), h3Resolution: resolution, problems: [] };
}
