// Dissolving units into zones through a topology: units that share a border
// share the same arc, so merging a zone's units drops its inner arcs exactly and
// neighbouring zones keep one common edge: no slivers, no gaps between lots.
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { topology } from 'topojson-server';
import { merge } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import { asUnit, type UnitIndex } from '../../solver/model';
import { normaliseMultiPolygon, woundAsRfc7946 } from './geometry';

export interface UnitTopology {
  topology: Topology;
  /** Topology geometry of each unit, in unit order. */
  geometries: GeometryObject[];
}

/** Built once per export; every dissolve reuses its arcs. */
export function unitTopology(unitGeo: FeatureCollection<Polygon | MultiPolygon>): UnitTopology {
  // No quantisation: arcs are shared only where units share exact vertices, as boundary files store them.
  const wound = { ...unitGeo, features: unitGeo.features.map((f) => ({ ...f, geometry: woundAsRfc7946(f.geometry) })) };
  const topo = topology({ units: wound });
  const units = topo.objects.units as unknown as { geometries: GeometryObject[] };
  return { topology: topo, geometries: units.geometries };
}

/** The outline of a set of units as one MultiPolygon, RFC 7946 wound and rounded; null for no units. */
export function dissolveUnits(t: UnitTopology, units: readonly UnitIndex[]): MultiPolygon | null {
  if (units.length === 0) return null;
  const merged = merge(t.topology, units.map((u) => t.geometries[u]) as Parameters<typeof merge>[1]);
  const out = normaliseMultiPolygon(merged.coordinates);
  return out.coordinates.length > 0 ? out : null;
}

/** Units of each group (zone) for a unit -> group array; negative groups are left out. */
export function unitsByGroup(groupOf: Int32Array, groups: number): UnitIndex[][] {
  const out: UnitIndex[][] = Array.from({ length: groups }, () => []);
  for (let u = asUnit(0); u < groupOf.length; u++) if (groupOf[u] >= 0 && groupOf[u] < groups) out[groupOf[u]].push(u);
  return out;
}
