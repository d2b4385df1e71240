// The project file: one JSON document holding everything (units, demand,
// zones, scenarios, settings). The same document is what autosave keeps in
// IndexedDB. Versioned; older versions are migrated step by step on open;
// every field is checked and a bad one named by its path.
import type { MultiPolygon, Polygon } from 'geojson';
import type { Base, Demand, Town, Zone } from '../../solver/model';
import { DEFAULT_SCORE_SETTINGS, type ScoreSettings } from '../../solver/score';
import { assembleProject, unitInputs, type UnitInput } from '../model/assembleProject';
import type { Project } from '../model/project';
import type { Scenario } from '../model/scenario';
import { BAND_COUNT, defaultVisitsPerWeek } from '../../solver/visitPattern';

export const PROJECT_FORMAT = 'carezones-project';
export const PROJECT_VERSION = 2;

const DEMAND_KEYS = ['users', 'hours', 'doubleHandedHours', 'waitingUsers', 'waitingHours', 'visits'] as const;

export interface ScenarioDoc {
  id: string;
  name: string;
  zones: Zone[];
  bases: Base[];
  zoneOf: number[];
  /** Indices of locked units. */
  lockedUnits: number[];
  lockedZones: boolean[];
}

export interface ProjectDoc {
  format: typeof PROJECT_FORMAT;
  version: number;
  savedAt: string;
  name: string;
  syntheticUsers: boolean;
  attribution: string[];
  units: UnitInput[];
  demand: Record<(typeof DEMAND_KEYS)[number] | 'bandVisits', number[]>;
  towns: Town[];
  scenarios: ScenarioDoc[];
  currentScenarioId: string;
  baselineScenarioId: string | null;
  settings: ScoreSettings;
}

export interface Workspace {
  project: Project;
  scenarios: Scenario[];
  currentId: string;
  baselineId: string | null;
  settings: ScoreSettings;
}

export class ProjectFileError extends Error {}

export function scenarioToDoc(s: Scenario): ScenarioDoc {
  const lockedUnits: number[] = [];
  s.lockedUnits.forEach((v, u) => v && lockedUnits.push(u));
  return { id: s.id, name: s.name, zones: s.zones, bases: s.bases, zoneOf: Array.from(s.zoneOf), lockedUnits, lockedZones: s.lockedZones };
}

export function toProjectDoc(w: Workspace): ProjectDoc {
  const { project } = w;
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    savedAt: new Date().toISOString(),
    name: project.name,
    syntheticUsers: project.syntheticUsers,
    attribution: project.attribution,
    units: unitInputs(project),
    demand: Object.fromEntries([...DEMAND_KEYS, 'bandVisits' as const].map((k) => [k, Array.from(project.model.demand[k])])) as ProjectDoc['demand'],
    towns: project.model.towns,
    scenarios: w.scenarios.map(scenarioToDoc),
    currentScenarioId: w.currentId,
    baselineScenarioId: w.baselineId,
    settings: w.settings,
  };
}

export function writeProjectFile(w: Workspace): string {
  return JSON.stringify(toProjectDoc(w));
}

// --- Reading -------------------------------------------------------------------

type Json = unknown;
const isObj = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(path: string, what: string): never {
  throw new ProjectFileError(`${path}: ${what}`);
}
function obj(v: Json, path: string): Record<string, Json> {
  return isObj(v) ? v : fail(path, 'expected an object');
}
function arr(v: Json, path: string, length?: number): Json[] {
  if (!Array.isArray(v)) fail(path, 'expected a list');
  if (length !== undefined && v.length !== length) fail(path, `has ${v.length} entries; the project has ${length} units`);
  return v;
}
function str(v: Json, path: string): string {
  return typeof v === 'string' ? v : fail(path, 'expected text');
}
function num(v: Json, path: string): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fail(path, `expected a number, found ${JSON.stringify(v)}`);
}
function nonNegative(v: Json, path: string): number {
  const x = num(v, path);
  return x >= 0 ? x : fail(path, `must not be negative (${x})`);
}
function int(v: Json, path: string, min: number, max: number): number {
  const x = num(v, path);
  return Number.isInteger(x) && x >= min && x <= max ? x : fail(path, `expected a whole number from ${min} to ${max}, found ${x}`);
}

function readUnit(v: Json, path: string, towns: number): UnitInput {
  const u = obj(v, path);
  const g = obj(u.geometry, `${path}.geometry`);
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') fail(`${path}.geometry.type`, 'expected Polygon or MultiPolygon');
  arr(g.coordinates, `${path}.geometry.coordinates`);
  const sectors = obj(u.sectors ?? {}, `${path}.sectors`);
  return {
    id: str(u.id, `${path}.id`),
    name: str(u.name, `${path}.name`),
    geometry: g as unknown as Polygon | MultiPolygon,
    lon: num(u.lon, `${path}.lon`),
    lat: num(u.lat, `${path}.lat`),
    rurality: int(u.rurality, `${path}.rurality`, 0, 2),
    sparse: Boolean(u.sparse),
    ruc: typeof u.ruc === 'string' ? u.ruc : '',
    town: int(u.town ?? -1, `${path}.town`, -1, towns - 1),
    sectors: Object.fromEntries(Object.entries(sectors).map(([k, c]) => [k, nonNegative(c, `${path}.sectors.${k}`)])),
  };
}

function readZones(v: Json, path: string): Zone[] {
  return arr(v, path).map((z, i) => {
    const o = obj(z, `${path}[${i}]`);
    const colour = o.colour === undefined ? undefined : str(o.colour, `${path}[${i}].colour`);
    if (colour !== undefined && !/^#[0-9a-fA-F]{6}$/.test(colour)) fail(`${path}[${i}].colour`, `expected a colour like #4e79a7, found ${JSON.stringify(colour)}`);
    return { id: str(o.id, `${path}[${i}].id`), name: str(o.name, `${path}[${i}].name`), ...(colour ? { colour } : {}) };
  });
}

function readBases(v: Json, path: string, zones: number): Base[] {
  return arr(v, path).map((b, i) => {
    const o = obj(b, `${path}[${i}]`);
    const p = `${path}[${i}]`;
    return {
      id: str(o.id, `${p}.id`),
      name: str(o.name, `${p}.name`),
      lon: num(o.lon, `${p}.lon`),
      lat: num(o.lat, `${p}.lat`),
      capacityHours: nonNegative(o.capacityHours, `${p}.capacityHours`),
      zone: int(o.zone, `${p}.zone`, -1, zones - 1),
    };
  });
}

function readScenario(v: Json, path: string, units: number): Scenario {
  const o = obj(v, path);
  const zones = readZones(o.zones, `${path}.zones`);
  const lockedZones = arr(o.lockedZones ?? zones.map(() => false), `${path}.lockedZones`).map(Boolean);
  if (lockedZones.length !== zones.length) fail(`${path}.lockedZones`, `has ${lockedZones.length} entries for ${zones.length} zones`);
  const zoneOf = Int32Array.from(arr(o.zoneOf, `${path}.zoneOf`, units), (z, u) =>
    int(z, `${path}.zoneOf[${u}]`, -1, zones.length - 1),
  );
  const lockedUnits = new Uint8Array(units);
  arr(o.lockedUnits ?? [], `${path}.lockedUnits`).forEach((u, k) => (lockedUnits[int(u, `${path}.lockedUnits[${k}]`, 0, units - 1)] = 1));
  return {
    id: str(o.id, `${path}.id`),
    name: str(o.name, `${path}.name`),
    zones,
    bases: readBases(o.bases, `${path}.bases`, zones.length),
    zoneOf,
    lockedUnits,
    lockedZones,
  };
}

/**
 * Steps from each older version to the next. Add one here, with a test, when
 * the document changes shape; files never need hand editing.
 */
export const MIGRATIONS: Record<number, (doc: Record<string, Json>) => Record<string, Json>> = {
  // 1 -> 2: visits a week per unit, for travel between visits. Version 1 kept no
  // visit pattern, so each unit gets the default pattern of its mean package.
  1: (doc) => {
    if (!isObj(doc.demand) || !Array.isArray(doc.demand.users) || !Array.isArray(doc.demand.hours)) return doc;
    const users = doc.demand.users as Json[];
    const hours = doc.demand.hours as Json[];
    const visits = users.map((n, u) =>
      typeof n === 'number' && n > 0 && typeof hours[u] === 'number' ? n * defaultVisitsPerWeek((hours[u] as number) / n) : 0,
    );
    return { ...doc, demand: { ...doc.demand, visits, bandVisits: new Array(users.length * BAND_COUNT).fill(0) } };
  },
};

export function migrate(doc: Record<string, Json>, migrations = MIGRATIONS, current = PROJECT_VERSION): Record<string, Json> {
  let version = int(doc.version, 'version', 0, Number.MAX_SAFE_INTEGER);
  if (version > current) {
    throw new ProjectFileError(`version: this file was saved by a newer carezones (format version ${version}; this app reads up to ${current})`);
  }
  let out = doc;
  while (version < current) {
    const step = migrations[version];
    if (!step) throw new ProjectFileError(`version: no migration from format version ${version}`);
    out = { ...step(out), version: version + 1 };
    version += 1;
  }
  return out;
}

export function readProjectDoc(raw: Json): Workspace {
  const top = obj(raw, 'file');
  if (top.format !== PROJECT_FORMAT) throw new ProjectFileError(`format: not a carezones project file (expected "${PROJECT_FORMAT}")`);
  const doc = migrate(top);
  const towns: Town[] = arr(doc.towns ?? [], 'towns').map((t, i) => {
    const o = obj(t, `towns[${i}]`);
    return { name: str(o.name, `towns[${i}].name`), lon: num(o.lon, `towns[${i}].lon`), lat: num(o.lat, `towns[${i}].lat`) };
  });
  const units = arr(doc.units, 'units').map((u, i) => readUnit(u, `units[${i}]`, towns.length));
  if (units.length === 0) fail('units', 'the project has no units');
  const n = units.length;
  const d = obj(doc.demand, 'demand');
  const demand = Object.fromEntries(
    DEMAND_KEYS.map((k) => [k, Float64Array.from(arr(d[k], `demand.${k}`, n), (x, i) => nonNegative(x, `demand.${k}[${i}]`))]),
  ) as unknown as Demand;
  const bandVisits = arr(d.bandVisits, 'demand.bandVisits');
  if (bandVisits.length !== n * BAND_COUNT) fail('demand.bandVisits', `has ${bandVisits.length} entries; expected ${BAND_COUNT} per unit (${n * BAND_COUNT})`);
  demand.bandVisits = Float64Array.from(bandVisits, (x, i) => nonNegative(x, `demand.bandVisits[${i}]`));
  const scenarios = arr(doc.scenarios, 'scenarios').map((s, i) => readScenario(s, `scenarios[${i}]`, n));
  if (scenarios.length === 0) fail('scenarios', 'the project has no scenario');
  const ids = new Set(scenarios.map((s) => s.id));
  if (ids.size !== scenarios.length) fail('scenarios', 'two scenarios share an id');
  const currentId = str(doc.currentScenarioId, 'currentScenarioId');
  if (!ids.has(currentId)) fail('currentScenarioId', `no scenario has the id ${JSON.stringify(currentId)}`);
  const baselineId = doc.baselineScenarioId == null ? null : str(doc.baselineScenarioId, 'baselineScenarioId');
  if (baselineId !== null && !ids.has(baselineId)) fail('baselineScenarioId', `no scenario has the id ${JSON.stringify(baselineId)}`);
  const first = scenarios[0];
  const project = assembleProject({
    name: str(doc.name, 'name'),
    units,
    demand,
    zones: first.zones,
    bases: first.bases,
    towns,
    plan: { zoneOf: first.zoneOf },
    attribution: arr(doc.attribution ?? [], 'attribution').map((a, i) => str(a, `attribution[${i}]`)),
    syntheticUsers: Boolean(doc.syntheticUsers),
  });
  return { project, scenarios, currentId, baselineId, settings: readSettings(doc.settings) };
}

/** Settings merge over the defaults, so a file from before a new setting still opens. */
function readSettings(v: Json): ScoreSettings {
  if (v === undefined) return DEFAULT_SCORE_SETTINGS;
  const o = obj(v, 'settings');
  const merge = (base: unknown, over: unknown, path: string): unknown => {
    if (isObj(base)) {
      const src = over === undefined ? {} : obj(over, path);
      return Object.fromEntries(Object.entries(base).map(([k, b]) => [k, merge(b, src[k], `${path}.${k}`)]));
    }
    if (over === undefined) return base;
    if (typeof base === 'number') return num(over, path);
    if (typeof base === 'boolean') return Boolean(over);
    if (base === null) return over === null ? null : num(over, path);
    return over;
  };
  return merge(DEFAULT_SCORE_SETTINGS, o, 'settings') as ScoreSettings;
}

export function readProjectFile(text: string): Workspace {
  let raw: Json;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ProjectFileError(`file: not valid JSON (${(e as Error).message})`);
  }
  return readProjectDoc(raw);
}
