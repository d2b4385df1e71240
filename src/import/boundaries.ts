// Reading boundary files (GeoJSON, TopoJSON, zipped Shapefile) into WGS84
// polygon features, with a clear message for each thing that is wrong and
// where (feature number, property). British National Grid input is detected
// from a "crs" member or from the coordinate ranges and reprojected.
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { parseZip } from 'shpjs';
import { feature as topoFeature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import { bngToLonLat, isInUk, UK_BOX } from './bng';
import { ProblemList, type Problem } from './problems';

export type BoundaryFeature = Feature<Polygon | MultiPolygon, Record<string, unknown>>;
export type CoordinateSystem = 'WGS84' | 'BNG';

export interface BoundaryFile {
  /** Valid polygon features in WGS84, in file order (invalid ones are left out and reported). */
  features: BoundaryFeature[];
  /** 1-based feature number in the file of each kept feature. */
  featureNumbers: number[];
  /** Coordinate system the file was in. */
  crs: CoordinateSystem;
  /** Property names seen on the features, for the id/name/rurality pickers. */
  propertyNames: string[];
  /** TopoJSON objects / shapefile layers in the file, and the one read. */
  layers: string[];
  layer: string;
  problems: Problem[];
}

export interface BoundaryInput {
  /** File name, used for messages and to tell formats apart. */
  name: string;
  data: ArrayBuffer | Uint8Array | string;
}

export interface BoundaryReadOptions {
  /** TopoJSON object or shapefile layer to read; the first with polygons by default. */
  layer?: string;
}

const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b; // "PK"

function bytesOf(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** Reads any supported boundary file. Throws only when the file as a whole is unreadable. */
export async function readBoundaries(input: BoundaryInput, options: BoundaryReadOptions = {}): Promise<BoundaryFile> {
  const problems = new ProblemList(input.name);
  if (typeof input.data !== 'string' && isZip(bytesOf(input.data))) {
    const parsed = await parseZip(bytesOf(input.data));
    const layers = Array.isArray(parsed) ? parsed : [parsed];
    const names = layers.map((l, i) => l.fileName ?? `layer ${i + 1}`);
    const chosen = options.layer ? names.indexOf(options.layer) : layers.findIndex(hasPolygons);
    if (chosen < 0) throw new Error(`${input.name}: no polygon layer${options.layer ? ` named "${options.layer}"` : ''} in the zip`);
    return { ...validateGeoJson(layers[chosen], problems), layers: names, layer: names[chosen] };
  }
  const text = typeof input.data === 'string' ? input.data : new TextDecoder().decode(input.data);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new Error(`${input.name} is not valid JSON (${(e as Error).message}); expected GeoJSON, TopoJSON or a zipped shapefile`);
  }
  if (isObject(json) && json.type === 'Topology') {
    const topology = json as unknown as Topology;
    if (!isObject(topology.objects)) throw new Error(`${input.name}: TopoJSON has no "objects" member`);
    const names = Object.keys(topology.objects);
    const name = options.layer ?? names.find((n) => hasPolygons(topoFeature(topology, topology.objects[n] as GeometryObject)));
    if (name === undefined || !(name in topology.objects)) {
      throw new Error(`${input.name}: no polygon object${options.layer ? ` named "${options.layer}"` : ''} in the TopoJSON`);
    }
    const collection = topoFeature(topology, topology.objects[name] as GeometryObject);
    // TopoJSON coordinates are quantised in the file's own system, so the crs of the source applies.
    return { ...validateGeoJson(collection, problems, topology as unknown as Record<string, unknown>), layers: names, layer: name };
  }
  return { ...validateGeoJson(json, problems), layers: [], layer: '' };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function hasPolygons(g: unknown): boolean {
  const fs = isObject(g) && Array.isArray(g.features) ? g.features : [g];
  return fs.some((f) => isObject(f) && isObject(f.geometry) && /Polygon$/.test(String(f.geometry.type)));
}

/** What is wrong with a ring, or null. */
function ringProblem(ring: unknown): string | null {
  if (!Array.isArray(ring)) return 'a ring is not an array of positions';
  for (const p of ring) {
    if (!Array.isArray(p) || p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      return `a position is not [x, y] numbers: ${JSON.stringify(p)?.slice(0, 60)}`;
    }
  }
  if (ring.length < 4) return `a ring has ${ring.length} positions; a polygon ring needs at least 4 (first = last)`;
  return null;
}

function polygonProblem(rings: unknown): string | null {
  if (!Array.isArray(rings) || rings.length === 0) return 'polygon coordinates must be a non-empty array of rings';
  for (const r of rings) {
    const p = ringProblem(r);
    if (p) return p;
  }
  return null;
}

function geometryProblem(geometry: unknown): string | null {
  if (geometry === null || geometry === undefined) return 'has no geometry';
  if (!isObject(geometry)) return 'geometry is not an object';
  if (geometry.type === 'Polygon') return polygonProblem(geometry.coordinates);
  if (geometry.type === 'MultiPolygon') {
    if (!Array.isArray(geometry.coordinates) || geometry.coordinates.length === 0) return 'MultiPolygon coordinates must be a non-empty array of polygons';
    for (const poly of geometry.coordinates) {
      const p = polygonProblem(poly);
      if (p) return p;
    }
    return null;
  }
  return `geometry type is ${JSON.stringify(geometry.type)}; units must be Polygon or MultiPolygon`;
}

function ringsOf(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

/** A GeoJSON "crs" member's system, if it names one we know. */
function declaredCrs(root: Record<string, unknown>): CoordinateSystem | null {
  const crs = root.crs;
  const name = isObject(crs) && isObject(crs.properties) ? String(crs.properties.name ?? '') : '';
  if (/27700/.test(name)) return 'BNG';
  if (/CRS84|4326/i.test(name)) return 'WGS84';
  return null;
}

function detectCrs(features: BoundaryFeature[], featureNumbers: number[]): CoordinateSystem | string {
  let lonLat = true;
  let grid = true;
  let swapped = true;
  let neither: string | null = null;
  features.forEach((f, k) => {
    for (const ring of ringsOf(f.geometry)) {
      for (const [x, y] of ring) {
        const isLonLat = Math.abs(x) <= 180 && Math.abs(y) <= 90;
        const isGrid = x >= 0 && x <= 700_000 && y >= 0 && y <= 1_300_000;
        if (!isLonLat) lonLat = false;
        if (!isGrid) grid = false;
        if (!(x >= 49 && x <= 61 && y >= -9 && y <= 2)) swapped = false;
        if (!isLonLat && !isGrid) neither ??= `feature ${featureNumbers[k]} has position [${x}, ${y}]`;
      }
    }
  });
  if (swapped && lonLat) return 'Coordinates look like latitude, longitude; GeoJSON needs longitude first ([x, y] = [lon, lat])';
  if (lonLat) return 'WGS84';
  if (grid) return 'BNG';
  return `Coordinates are neither longitude/latitude (WGS84) nor British National Grid metres (EPSG:27700)${neither ? ` (${neither})` : ''}; reproject the file to one of those`;
}

/** The first position of a WGS84 geometry outside the UK, or null. */
function positionOutsideUk(g: Polygon | MultiPolygon): Position | null {
  for (const ring of ringsOf(g)) for (const p of ring) if (!isInUk(p[0], p[1])) return p;
  return null;
}

function toWgs84(f: BoundaryFeature): BoundaryFeature {
  const ring = (r: Position[]) => r.map(([e, n]) => bngToLonLat(e, n));
  const geometry: Polygon | MultiPolygon =
    f.geometry.type === 'Polygon'
      ? { type: 'Polygon', coordinates: f.geometry.coordinates.map(ring) }
      : { type: 'MultiPolygon', coordinates: f.geometry.coordinates.map((p) => p.map(ring)) };
  return { ...f, geometry };
}

/** Closes open rings in place (a common export slip); true when any was open. */
function closeRings(g: Polygon | MultiPolygon): boolean {
  let closed = false;
  for (const ring of ringsOf(g)) {
    const [a, b] = [ring[0], ring[ring.length - 1]];
    if (a[0] !== b[0] || a[1] !== b[1]) {
      ring.push([a[0], a[1]]);
      closed = true;
    }
  }
  return closed;
}

/**
 * Checks the structure of parsed GeoJSON and returns its polygon features in
 * WGS84. `root` is where a crs member is looked for (the Topology for TopoJSON).
 */
export function validateGeoJson(
  json: unknown,
  problems: ProblemList,
  root: Record<string, unknown> | null = isObject(json) ? json : null,
): Omit<BoundaryFile, 'layers' | 'layer'> {
  let raw: unknown[];
  if (isObject(json) && json.type === 'FeatureCollection') {
    if (!Array.isArray(json.features)) throw new Error(`${problems.file}: FeatureCollection has no "features" array`);
    raw = json.features;
  } else if (isObject(json) && json.type === 'Feature') raw = [json];
  else if (isObject(json) && (json.type === 'Polygon' || json.type === 'MultiPolygon')) raw = [{ type: 'Feature', properties: {}, geometry: json }];
  else throw new Error(`${problems.file}: expected a GeoJSON FeatureCollection, Feature or Polygon, found ${JSON.stringify(isObject(json) ? json.type : typeof json)}`);

  const features: BoundaryFeature[] = [];
  const featureNumbers: number[] = [];
  const propertyNames = new Set<string>();
  raw.forEach((f, index) => {
    const number = index + 1;
    const where = `Feature ${number} (index ${index})`;
    if (!isObject(f) || f.type !== 'Feature') {
      problems.error(number, '', '', `${where} is not a GeoJSON Feature (type must be "Feature")`);
      return;
    }
    if (f.properties !== null && f.properties !== undefined && !isObject(f.properties)) {
      problems.error(number, 'properties', '', `${where}: "properties" must be an object or null`);
      return;
    }
    const problem = geometryProblem(f.geometry);
    if (problem) {
      problems.error(number, 'geometry', '', `${where}: ${problem}`);
      return;
    }
    const properties = (f.properties ?? {}) as Record<string, unknown>;
    Object.keys(properties).forEach((k) => propertyNames.add(k));
    const geometry = structuredClone(f.geometry) as Polygon | MultiPolygon;
    if (closeRings(geometry)) problems.warning(number, 'geometry', '', `${where}: a ring was not closed (first position != last); closed it`);
    features.push({ type: 'Feature', properties, geometry });
    featureNumbers.push(number);
  });

  const declared = root ? declaredCrs(root) : null;
  const detected = features.length === 0 ? 'WGS84' : detectCrs(features, featureNumbers);
  if (detected !== 'WGS84' && detected !== 'BNG') throw new Error(`${problems.file}: ${detected}`);
  if (declared && declared !== detected) {
    problems.warning(null, 'crs', declared, `The file declares ${declared} but its coordinates look like ${detected}; used ${detected}`);
  }
  // One position outside the UK (typed latitude first, or a stray value) would stretch its unit across the sea.
  const inUk: BoundaryFeature[] = [];
  const inUkNumbers: number[] = [];
  (detected === 'BNG' ? features.map(toWgs84) : features).forEach((f, k) => {
    const number = featureNumbers[k];
    const p = positionOutsideUk(f.geometry);
    if (p) {
      const at = detected === 'BNG' ? 'a grid reference' : `position [${p[0]}, ${p[1]}]`;
      problems.error(number, 'geometry', `${p[0]}, ${p[1]}`, `Feature ${number} (index ${number - 1}): ${at} is not in the UK (longitude ${UK_BOX.lon[0]} to ${UK_BOX.lon[1]}, latitude ${UK_BOX.lat[0]} to ${UK_BOX.lat[1]}); the unit is left out (fix the file in a GIS and import it again)`);
      return;
    }
    inUk.push(f);
    inUkNumbers.push(number);
  });
  if (inUk.length === 0) problems.error(null, '', '', 'No valid polygon features in the file');
  return {
    features: inUk,
    featureNumbers: inUkNumbers,
    crs: detected,
    propertyNames: [...propertyNames],
    problems: problems.items,
  };
}

