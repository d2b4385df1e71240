// The project file: one JSON document holding everything (units, demand,
// zones, scenarios, settings). The same document is what autosave keeps in
// IndexedDB. Versioned; older versions are migrated step by step on open;
// every field is checked and a bad one named by its path.
import type { MultiPolygon, Polygon } from 'geojson';
import { asZone, type Base, type Demand, type Town, type Zone } from '../../solver/model';
import type { ScoreSettings } from '../../solver/score';
import { assembleProject, unitInputs, type UnitInput } from '../model/assembleProject';
import type { Project } from '../model/project';
import { parseWith, SchemaError } from '../../solver/schema';
import { HOURS_IN_A_WEEK, PROJECT_DOC_SCHEMA, type ParsedProjectDoc } from './projectSchema';
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
function int(v: Json, path: string, min: number, max: number): number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : fail(path, `expected a whole number from ${min} to ${max}, found ${JSON.stringify(v)}`);
}

/** Checks an index list against the number of things it points into. */
function indices(list: readonly number[], path: string, min: number, count: number, what: string): void {
  list.forEach((x, i) => {
    if (x >= count) fail(`${path}[${i}]`, `${x} is not one of the ${count} ${what} (${min} to ${count - 1})`);
  });
}

function sameLength(list: readonly unknown[], path: string, n: number, what = 'units'): void {
  if (list.length !== n) fail(path, `has ${list.length} entries; the project has ${n} ${what}`);
}

function readScenario(o: ParsedProjectDoc['scenarios'][number], path: string, units: number): Scenario {
  const zones = o.zones.map((z) => ({ id: z.id, name: z.name, ...(z.colour ? { colour: z.colour } : {}) }));
  const lockedZones = o.lockedZones ?? zones.map(() => false);
  sameLength(lockedZones, `${path}.lockedZones`, zones.length, 'zones');
  sameLength(o.zoneOf, `${path}.zoneOf`, units);
  indices(o.zoneOf, `${path}.zoneOf`, -1, zones.length, 'zones');
  indices(o.lockedUnits, `${path}.lockedUnits`, 0, units, 'units');
  indices(o.bases.map((b) => b.zone), `${path}.bases.zone`, -1, zones.length, 'zones');
  const lockedUnits = new Uint8Array(units);
  for (const u of o.lockedUnits) lockedUnits[u] = 1;
  return { id: o.id, name: o.name, zones, bases: o.bases.map((b) => ({ ...b, zone: asZone(b.zone) })), zoneOf: Int32Array.from(o.zoneOf), lockedUnits, lockedZones };
}

/** Demand a unit cannot have: more hours than its people have in a week, more waiting than people. */
function checkDemand(d: ParsedProjectDoc['demand'], n: number): void {
  for (const k of DEMAND_KEYS) sameLength(d[k], `demand.${k}`, n);
  sameLength(d.bandVisits, 'demand.bandVisits', n * BAND_COUNT, `units x ${BAND_COUNT} call bands`);
  const slack = 1e-6;
  for (let u = 0; u < n; u++) {
    const users = d.users[u];
    if (d.hours[u] > HOURS_IN_A_WEEK * users + slack) fail(`demand.hours[${u}]`, `${d.hours[u]} h/week for ${users} people; one person has at most ${HOURS_IN_A_WEEK} hours a week`);
    if (d.doubleHandedHours[u] > d.hours[u] + slack) fail(`demand.doubleHandedHours[${u}]`, `${d.doubleHandedHours[u]} is more than the unit's ${d.hours[u]} h/week`);
    if (d.waitingUsers[u] > users + slack) fail(`demand.waitingUsers[${u}]`, `${d.waitingUsers[u]} is more than the unit's ${users} people`);
    if (d.waitingHours[u] > d.hours[u] + slack) fail(`demand.waitingHours[${u}]`, `${d.waitingHours[u]} is more than the unit's ${d.hours[u]} h/week`);
  }
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
  if (!isObj(raw)) fail('file', 'expected an object');
  if (raw.format !== PROJECT_FORMAT) throw new ProjectFileError(`format: not a carezones project file (expected "${PROJECT_FORMAT}")`);
  let doc: ParsedProjectDoc;
  try {
    doc = parseWith(PROJECT_DOC_SCHEMA, migrate(raw));
  } catch (e) {
    if (e instanceof SchemaError) throw new ProjectFileError(e.message);
    throw e;
  }
  const n = doc.units.length;
  const units: UnitInput[] = doc.units.map((u, i) => {
    if (u.town >= doc.towns.length) fail(`units[${i}].town`, `${u.town} is not one of the ${doc.towns.length} towns`);
    return { ...u, geometry: u.geometry as unknown as Polygon | MultiPolygon };
  });
  checkDemand(doc.demand, n);
  const demand = Object.fromEntries(DEMAND_KEYS.map((k) => [k, Float64Array.from(doc.demand[k])])) as unknown as Demand;
  demand.bandVisits = Float64Array.from(doc.demand.bandVisits);
  const scenarios = doc.scenarios.map((s, i) => readScenario(s, `scenarios[${i}]`, n));
  const ids = new Set(scenarios.map((s) => s.id));
  if (ids.size !== scenarios.length) fail('scenarios', 'two scenarios share an id');
  if (!ids.has(doc.currentScenarioId)) fail('currentScenarioId', `no scenario has the id ${JSON.stringify(doc.currentScenarioId)}`);
  const baselineId = doc.baselineScenarioId;
  if (baselineId !== null && !ids.has(baselineId)) fail('baselineScenarioId', `no scenario has the id ${JSON.stringify(baselineId)}`);
  const first = scenarios[0];
  const project = assembleProject({
    name: doc.name,
    units,
    demand,
    zones: first.zones,
    bases: first.bases,
    towns: doc.towns,
    plan: { zoneOf: first.zoneOf },
    attribution: doc.attribution,
    syntheticUsers: doc.syntheticUsers,
  });
  return { project, scenarios, currentId: doc.currentScenarioId, baselineId, settings: doc.settings };
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
