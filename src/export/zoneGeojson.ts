// Zone GeoJSON for the tender: one dissolved (Multi)Polygon per non-empty zone
// with its figures. Units in no zone belong to no lot, so they are left out by
// default; `includeUnassigned` adds them as one extra feature flagged
// `unassigned: true` (zone_id null) for a map of what is still to place.
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import { asUnit, UNASSIGNED, type UnitIndex } from '../../solver/model';
import type { ScoreSettings } from '../../solver/score';
import type { Project } from '../model/project';
import type { Scenario } from '../model/scenario';
import { dissolveUnits, unitsByGroup, unitTopology, type UnitTopology } from './dissolve';
import { exportData, round, zoneBases, type ExportData } from './exportData';

export interface ZoneProperties {
  zone_id: string | null;
  zone_name: string;
  unassigned: boolean;
  colour: string | null;
  units: number;
  users: number;
  weekly_hours: number;
  double_handed_hours: number;
  waiting_users: number;
  waiting_hours: number;
  /** Share of hours in rural towns and villages, 0..1; null with no hours. */
  rural_share: number | null;
  extra_rural_hours: number;
  extra_rural_uplift_cost: number;
  annual_cost: number;
  area_km2: number;
  pieces: number;
  /** Base names joined with "; " (a string, so shapefile and CSV tools keep it). */
  base_names: string;
  base_capacity_hours: number;
}

export type ZoneFeature = Feature<MultiPolygon, ZoneProperties>;

export interface ZoneGeojsonOptions {
  includeUnassigned?: boolean;
}

export interface ZoneOutlines {
  zones: Array<MultiPolygon | null>;
  unassigned: MultiPolygon | null;
}

// Outlines are dissolved once per export data: the zone GeoJSON and its check share them.
const dissolved = new WeakMap<ExportData, ZoneOutlines>();

/** Dissolved outline of each zone (null when empty), plus the unassigned units' outline. */
export function zoneOutlines(data: ExportData, topo?: UnitTopology): ZoneOutlines {
  const known = dissolved.get(data);
  if (known) return known;
  const t = topo ?? unitTopology(data.project.unitGeo);
  const groups = unitsByGroup(data.plan.zoneOf, data.scenario.zones.length);
  const unassigned: UnitIndex[] = [];
  data.plan.zoneOf.forEach((z, u) => z === UNASSIGNED && unassigned.push(asUnit(u)));
  const outlines = { zones: groups.map((units) => dissolveUnits(t, units)), unassigned: dissolveUnits(t, unassigned) };
  dissolved.set(data, outlines);
  return outlines;
}

function zoneProperties(data: ExportData, z: number): ZoneProperties {
  const s = data.score.zones[z];
  const bases = zoneBases(data, z);
  return {
    zone_id: data.scenario.zones[z].id,
    zone_name: data.scenario.zones[z].name,
    unassigned: false,
    colour: data.colours[z] ?? null,
    units: s.units,
    users: round(s.users),
    weekly_hours: round(s.hours),
    double_handed_hours: round(s.doubleHandedHours),
    waiting_users: round(s.waitingUsers),
    waiting_hours: round(s.waitingHours),
    rural_share: s.ruralShare === null ? null : round(s.ruralShare, 4),
    extra_rural_hours: round(s.extraRuralHours),
    extra_rural_uplift_cost: round(s.extraRuralUpliftCost),
    annual_cost: round(s.annualCost),
    area_km2: round(s.areaKm2),
    pieces: s.pieces,
    base_names: bases.names.join('; '),
    base_capacity_hours: round(bases.capacityHours),
  };
}

/** Units in no zone: their demand and area; not priced, as scoring prices zones only. */
function unassignedProperties(data: ExportData): ZoneProperties {
  const { demand, units } = data.model;
  const sum = (a: ArrayLike<number>) => {
    let s = 0;
    data.plan.zoneOf.forEach((z, u) => z === UNASSIGNED && (s += a[u]));
    return round(s);
  };
  return {
    zone_id: null,
    zone_name: 'Unassigned',
    unassigned: true,
    colour: null,
    units: data.score.unassigned.units,
    users: sum(demand.users),
    weekly_hours: sum(demand.hours),
    double_handed_hours: sum(demand.doubleHandedHours),
    waiting_users: sum(demand.waitingUsers),
    waiting_hours: sum(demand.waitingHours),
    rural_share: null,
    extra_rural_hours: 0,
    extra_rural_uplift_cost: 0,
    annual_cost: 0,
    area_km2: sum(units.areaKm2),
    pieces: 0,
    base_names: '',
    base_capacity_hours: 0,
  };
}

export function zoneFeatureCollection(
  data: ExportData,
  options: ZoneGeojsonOptions = {},
): FeatureCollection<MultiPolygon, ZoneProperties> {
  const outlines = zoneOutlines(data);
  const features: ZoneFeature[] = [];
  outlines.zones.forEach((geometry, z) => {
    if (geometry) features.push({ type: 'Feature', id: data.scenario.zones[z].id, geometry, properties: zoneProperties(data, z) });
  });
  if (options.includeUnassigned && outlines.unassigned) {
    features.push({ type: 'Feature', geometry: outlines.unassigned, properties: unassignedProperties(data) });
  }
  return { type: 'FeatureCollection', features };
}

/** The zone GeoJSON file text. */
export function zoneGeojson(project: Project, scenario: Scenario, settings: ScoreSettings, options: ZoneGeojsonOptions = {}): string {
  return JSON.stringify(zoneFeatureCollection(exportData(project, scenario, settings), options));
}
