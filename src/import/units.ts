// Units (the areas that move between zones) from imported polygons: the user
// picks which properties are the id, name and RUC11 rurality; areas,
// perimeters and adjacency come from src/model/polygonAdjacency. Hexagon units
// are in hexUnits.ts.
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';
import { Rurality, type Units } from '../../solver/model';
import { polygonAdjacency, type Border } from '../model/polygonAdjacency';
import type { UnitProperties } from '../model/project';
import { ruralityFromRuc } from '../model/rurality';
import type { BoundaryFile, BoundaryFeature } from './boundaries';
import { ProblemList, type Problem } from './problems';
import { repairUnits } from './unitRepair';

/** Which feature properties are the unit id, name and ONS RUC11 code. */
export interface UnitFieldMapping {
  id: string | null;
  name: string | null;
  ruc: string | null;
}

export interface ImportedUnits {
  units: Units;
  /** Unit polygons in unit order (feature.id = unit index), as the map draws them. */
  geo: FeatureCollection<Polygon | MultiPolygon, UnitProperties>;
  borders: Border[];
  /** Per unit: 1 when rurality came from an RUC11 code; 0 when it is still to be set by density (see aggregate.ts). */
  rucKnown: Uint8Array;
  /** H3 resolution when the units are hexagons (ids are H3 cells), else null. */
  h3Resolution: number | null;
  problems: Problem[];
}

const ID_NAMES = /^(lsoa\d\dcd|msoa\d\dcd|oa\d\dcd|wd\d\dcd|ward_?code|lsoa_?code|code|unit_?id|id|sector|postcode_?sector|.*cd)$/i;
const NAME_NAMES = /^(lsoa\d\dnm|msoa\d\dnm|wd\d\dnm|ward_?name|name|.*nm|.*_name)$/i;
const RUC_NAMES = /^(ruc11cd|ruc11|ru11ind|ruc21cd|ruc21ind|ruc.*|rural_?urban.*)$/i;

/** Guesses the id (unique values), name and RUC11 properties from names and sample values. */
export function guessUnitFields(file: Pick<BoundaryFile, 'features' | 'propertyNames'>): UnitFieldMapping {
  const unique = (name: string) => new Set(file.features.map((f) => f.properties[name])).size === file.features.length;
  const looksRuc = (name: string) => file.features.slice(0, 50).some((f) => ruralityFromRuc(String(f.properties[name] ?? '')) !== null);
  const names = file.propertyNames;
  return {
    id: names.find((n) => ID_NAMES.test(n) && unique(n)) ?? null,
    name: names.find((n) => NAME_NAMES.test(n)) ?? null,
    ruc: names.find((n) => RUC_NAMES.test(n) && looksRuc(n)) ?? null,
  };
}

/** Properties named like a unit id, unique or not (the CLI reports repeated ids rather than numbering features). */
export function idLikeProperties(file: Pick<BoundaryFile, 'propertyNames'>): string[] {
  return file.propertyNames.filter((n) => ID_NAMES.test(n));
}

/** A point inside the unit: its centroid when that is inside, else a point on its surface. */
function representativePoint(f: BoundaryFeature): [number, number] {
  const c = centroid(f).geometry as Point;
  if (booleanPointInPolygon(c, f)) return [c.coordinates[0], c.coordinates[1]];
  const p = pointOnFeature(f).geometry as Point;
  return [p.coordinates[0], p.coordinates[1]];
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());

/**
 * Builds units from a read boundary file. Features without an id, or with an
 * id already used, are rejected (errors naming the feature and property);
 * invalid or mismatched polygons are repaired or refused (unitRepair.ts).
 */
export function buildPolygonUnits(file: BoundaryFile, fields: UnitFieldMapping, fileName = 'units'): ImportedUnits {
  const problems = new ProblemList(fileName);
  if (!fields.id) problems.error(null, '', '', 'Choose which property is the unit id');
  const kept: BoundaryFeature[] = [];
  const ids: string[] = [];
  const seen = new Map<string, number>();
  file.features.forEach((f, k) => {
    const number = file.featureNumbers[k];
    const id = fields.id ? text(f.properties[fields.id]) : `${number}`;
    if (!id) {
      problems.error(number, fields.id ?? '', '', `Feature ${number} (index ${number - 1}) has no value for the id property "${fields.id}"`);
      return;
    }
    const first = seen.get(id);
    if (first !== undefined) {
      problems.error(number, fields.id ?? '', id, `Feature ${number} (index ${number - 1}) repeats unit id "${id}" of feature ${first}`);
      return;
    }
    seen.set(id, number);
    kept.push(f);
    ids.push(id);
  });
  // Invalid or mismatched polygons: repaired and listed, or refused (src/import/unitRepair.ts).
  const repaired = repairUnits(kept.map((f) => f.geometry), ids.map((id) => ({ id, number: seen.get(id)! })), fields.id ?? '', problems);
  if (repaired.refused.size > 0 || repaired.geometries.some((g, u) => g !== kept[u].geometry)) {
    const keep = kept.map((_, u) => !repaired.refused.has(u));
    const next = kept.flatMap((f, u) => (keep[u] ? [{ ...f, geometry: repaired.geometries[u] }] : []));
    const nextIds = ids.filter((_, u) => keep[u]);
    kept.splice(0, kept.length, ...next);
    ids.splice(0, ids.length, ...nextIds);
  }

  const n = kept.length;
  const names: string[] = [];
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const rurality = new Uint8Array(n);
  const sparse = new Uint8Array(n);
  const rucKnown = new Uint8Array(n);
  const ruc: string[] = [];
  kept.forEach((f, u) => {
    names.push((fields.name && text(f.properties[fields.name])) || ids[u]);
    [lon[u], lat[u]] = representativePoint(f);
    const code = fields.ruc ? text(f.properties[fields.ruc]) : '';
    const r = code ? ruralityFromRuc(code) : null;
    if (code && !r) {
      const number = seen.get(ids[u])!;
      problems.warning(number, fields.ruc!, code, `Feature ${number}: "${code}" is not an RUC11 code (A1-F2); rurality will come from density`);
    }
    rurality[u] = r?.rurality ?? Rurality.Urban;
    sparse[u] = r?.sparse ? 1 : 0;
    rucKnown[u] = r ? 1 : 0;
    ruc.push(r ? code.toUpperCase() : '');
  });

  const metrics = polygonAdjacency(kept);
  const units: Units = {
    count: n, ids, names, lon, lat,
    areaKm2: metrics.areaKm2, perimeterKm: metrics.perimeterKm,
    rurality, sparse, ruc,
    town: new Int32Array(n).fill(-1),
    adjacency: metrics.adjacency,
  };
  const geo: ImportedUnits['geo'] = {
    type: 'FeatureCollection',
    features: kept.map((f, u) => ({ type: 'Feature', id: u, geometry: f.geometry, properties: { id: ids[u], name: names[u] } })),
  };
  return { units, geo, borders: metrics.borders, rucKnown, h3Resolution: null, problems: problems.items };
}
