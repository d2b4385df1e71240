// Builds a Project from unit polygons and per-unit attributes: the one place
// adjacency, perimeters, areas and map borders are derived, whether the units
// come from the embedded data, an import or a saved project file.
import type { MultiPolygon, Polygon } from 'geojson';
import type { CountyModel, Plan } from '../../solver/model';
import { polygonAdjacency } from './polygonAdjacency';
import type { Project, UnitFeature } from './project';

export interface UnitInput {
  id: string;
  name: string;
  geometry: Polygon | MultiPolygon;
  /** Representative point (WGS84) for travel. */
  lon: number;
  lat: number;
  rurality: number;
  sparse: boolean;
  /** ONS RUC11 code, or "" when rurality came from density. */
  ruc: string;
  /** Index into towns, -1 when none. */
  town: number;
  sectors: Record<string, number>;
}

/** A county model whose units are still polygons with attributes, and its plan. */
export interface ProjectInput extends Omit<CountyModel, 'units'> {
  name: string;
  units: UnitInput[];
  plan: Plan;
  attribution: string[];
  syntheticUsers: boolean;
}

export function assembleProject(input: ProjectInput): Project {
  const { units } = input;
  const n = units.length;
  const features: UnitFeature[] = units.map((u, i) => ({
    type: 'Feature',
    id: i,
    geometry: u.geometry,
    properties: { id: u.id, name: u.name },
  }));
  const metrics = polygonAdjacency(features);
  return {
    name: input.name,
    model: {
      units: {
        count: n,
        ids: units.map((u) => u.id),
        names: units.map((u) => u.name),
        lon: Float64Array.from(units, (u) => u.lon),
        lat: Float64Array.from(units, (u) => u.lat),
        areaKm2: metrics.areaKm2,
        perimeterKm: metrics.perimeterKm,
        rurality: Uint8Array.from(units, (u) => u.rurality),
        sparse: Uint8Array.from(units, (u) => (u.sparse ? 1 : 0)),
        ruc: units.map((u) => u.ruc),
        town: Int32Array.from(units, (u) => u.town),
        adjacency: metrics.adjacency,
      },
      demand: input.demand,
      zones: input.zones,
      bases: input.bases,
      towns: input.towns,
    },
    plan: input.plan,
    unitGeo: { type: 'FeatureCollection', features },
    borders: metrics.borders,
    unitSectors: units.map((u) => u.sectors),
    attribution: input.attribution,
    syntheticUsers: input.syntheticUsers,
  };
}

/** The per-unit inputs back out of a project (for saving it). */
export function unitInputs(project: Project): UnitInput[] {
  const u = project.model.units;
  return project.unitGeo.features.map((f, i) => ({
    id: u.ids[i],
    name: u.names[i],
    geometry: f.geometry,
    lon: u.lon[i],
    lat: u.lat[i],
    rurality: u.rurality[i],
    sparse: u.sparse[i] === 1,
    ruc: u.ruc[i],
    town: u.town[i],
    sectors: project.unitSectors[i],
  }));
}
