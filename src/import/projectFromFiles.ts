// A whole import, files in and a Project out: units (H3 hexagons or a
// boundary file), service users, current zones, provider bases, then
// assembleProject. Pure apart from the clock, so the worker, tests and
// benchmarks run the same thing. The caller opens the project only if the
// user accepts the report, so a failed or cancelled import changes nothing.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { getHexagonAreaAvg } from 'h3-js';
import { UNASSIGNED, type Zone } from '../../solver/model';
import { assembleProject } from '../model/assembleProject';
import type { Project } from '../model/project';
import type { DensityRule } from './aggregate';
import { readBoundaries, type BoundaryInput } from './boundaries';
import { COVERAGE_MARGIN_KM, pointsCoverage } from './coverage';
import { readCsv, type BaseColumnMapping, type UserColumnMapping } from './csv';
import type { GeocodeSources } from './geocode';
import { fillEmptyUnitsFromNeighbours } from './fillZones';
import { locatorFor } from './locate';
import { importProviderBases, importServiceUsers, placeUsers, type PlacedUsers } from './pipeline';
import { encodingProblem, textOf, type TextInput } from './encoding';
import { checkAborted, yieldToEventLoop, type ImportOptions, type Problem } from './problems';
import type { ImportReport } from './report';
import { h3Units } from './hexUnits';
import { buildPolygonUnits, type ImportedUnits, type UnitFieldMapping } from './units';
import {
  unitSectorsFromLookup, unitSectorsFromUsers, zonesFromAreaList, zonesFromBoundaries, zonesFromUsers,
  type UnitSectors, type ZoneAssignment, type ZoneFieldMapping, type ZoneListMapping,
} from './zones';

export type UnitsChoice =
  /** Hexagons covering `cover` (a boundary file), or the service users' area when null. */
  | { kind: 'h3'; resolution: number; cover: BoundaryInput | null }
  | { kind: 'boundary'; file: BoundaryInput; fields: UnitFieldMapping };

export type ZonesChoice =
  | { kind: 'none' }
  | { kind: 'usersColumn' }
  | { kind: 'boundary'; file: BoundaryInput; fields: ZoneFieldMapping }
  | { kind: 'list'; name: string; text: TextInput; mapping: ZoneListMapping };

export interface ProjectFilesInput {
  name: string;
  units: UnitsChoice;
  /** Text, or the file's bytes (the encoding is detected and reported). */
  users: { text: TextInput; mapping: UserColumnMapping };
  bases: { text: TextInput; mapping: BaseColumnMapping } | null;
  zones: ZonesChoice;
  sources: GeocodeSources;
  densityRule?: DensityRule;
}

export interface ProjectFromFiles {
  project: Project;
  users: ImportReport;
  bases: ImportReport | null;
  /** Every problem of every file (units, users, zones, bases), each file sorted by row. */
  problems: Problem[];
  /** How things were decided, in plain words. */
  notes: string[];
  unitCount: number;
  zoneCount: number;
  unassignedUnits: number;
}

const FALLBACK_ATTRIBUTION = [
  'Contains OS data © Crown copyright and database right 2014',
  'Contains Royal Mail data © Royal Mail copyright and database right 2014',
  'Contains National Statistics data © Crown copyright and database right 2014',
];

/** Runs `work` as the slice [from, to] of the overall progress bar. */
function slice(options: ImportOptions, from: number, to: number): ImportOptions {
  return {
    signal: options.signal,
    onProgress: (p) => options.onProgress?.({ phase: p.phase, fraction: from + (to - from) * p.fraction }),
  };
}

async function announce(options: ImportOptions, phase: string, fraction: number): Promise<void> {
  options.onProgress?.({ phase, fraction });
  await yieldToEventLoop();
  checkAborted(options.signal);
}

const km2 = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: n < 1 ? 2 : 1 });

/** The units, and a note saying how they were made. */
async function buildUnits(input: ProjectFilesInput, placed: PlacedUsers, options: ImportOptions): Promise<{ units: ImportedUnits; note: string }> {
  const choice = input.units;
  if (choice.kind === 'boundary') {
    await announce(options, 'reading unit boundaries', 0);
    const file = await readBoundaries(choice.file);
    await announce(options, 'building units and neighbours', 0.1);
    const units = buildPolygonUnits(file, choice.fields, choice.file.name);
    units.problems.unshift(...file.problems);
    if (units.units.count === 0) throw new Error(`${choice.file.name} has no usable unit polygons: ${units.problems[0]?.message ?? 'no features'}`);
    const { id, name, ruc } = choice.fields;
    return {
      units,
      note: `Units: ${units.units.count.toLocaleString('en-GB')} areas from ${choice.file.name} (id "${id}", name "${name ?? id}", ` +
        `${ruc ? `rurality from "${ruc}"` : 'no rurality property'}; ${file.crs === 'BNG' ? 'converted from British National Grid' : 'WGS84'}).`,
    };
  }
  const cellKm2 = km2(getHexagonAreaAvg(choice.resolution, 'km2'));
  let cover: Feature<Polygon | MultiPolygon>[];
  let what: string;
  if (choice.cover) {
    await announce(options, 'reading the area to cover', 0);
    const file = await readBoundaries(choice.cover);
    if (file.features.length === 0) throw new Error(`${choice.cover.name} has no usable polygons to cover with hexagons`);
    cover = file.features;
    what = `the polygons of ${choice.cover.name}`;
  } else {
    await announce(options, 'finding the service users’ area', 0);
    const coverage = pointsCoverage(placed.geocoded.lon, placed.geocoded.lat);
    if (!coverage) throw new Error('No service user could be placed, so there is no area to cover with hexagons. Check the postcode column in the mapping.');
    cover = [coverage];
    what = `the service users’ area (the outline round all placed users, widened by ${COVERAGE_MARGIN_KM} km)`;
  }
  await announce(options, 'making hexagons', 0.1);
  const units = h3Units({ type: 'FeatureCollection', features: cover }, choice.resolution);
  return {
    units,
    note: `Units: ${units.units.count.toLocaleString('en-GB')} H3 hexagons at resolution ${choice.resolution} (about ${cellKm2} km² each) covering ${what}.`,
  };
}

/** The area round the users' points (for the Units step's hexagon counts). */
export function usersCoverage(text: TextInput, mapping: UserColumnMapping, sources: GeocodeSources) {
  const { geocoded } = placeUsers(text, mapping, sources);
  return pointsCoverage(geocoded.lon, geocoded.lat);
}

const withProblems = (a: ZoneAssignment, first: Problem[]): ZoneAssignment => ({ ...a, problems: [...first, ...a.problems] });

async function currentZones(
  input: ProjectFilesInput,
  users: Awaited<ReturnType<typeof importServiceUsers>>,
  sectors: UnitSectors,
): Promise<{ assignment: ZoneAssignment; note: string }> {
  const units = users.units;
  const choice = input.zones;
  switch (choice.kind) {
    case 'none':
      return {
        assignment: { zones: [], zoneOf: new Int32Array(units.count).fill(UNASSIGNED), unassigned: [], problems: [] },
        note: 'Zones: none imported; every unit starts unassigned, ready to draw or optimise.',
      };
    case 'usersColumn': {
      const assignment = zonesFromUsers(users.users, users.unitOfUser, units);
      const filled = fillEmptyUnitsFromNeighbours(assignment.zoneOf, units.adjacency, users.demand.users);
      assignment.unassigned = assignment.unassigned.filter((u) => assignment.zoneOf[u] === UNASSIGNED);
      return {
        assignment,
        note: `Zones: from the users’ current zone column; each unit is in the zone most of its users are in` +
          (filled > 0 ? `; ${filled.toLocaleString('en-GB')} units with no users took the zone most common among their neighbours.` : '.'),
      };
    }
    case 'boundary': {
      const file = await readBoundaries(choice.file);
      return {
        assignment: zonesFromBoundaries(units, file, choice.fields, choice.file.name),
        note: `Zones: from ${choice.file.name} ("${choice.fields.id}"); each unit is in the zone holding a point inside it.`,
      };
    }
    case 'list': {
      const decoded = textOf(choice.text);
      return {
        assignment: withProblems(
          zonesFromAreaList(readCsv(decoded.text), choice.mapping, units, sectors, input.sources.fallback?.sectors, choice.name),
          encodingProblem(choice.name, decoded.note),
        ),
        note: `Zones: from the area list ${choice.name}; each unit is in the zone holding most of its ` +
          `${input.sources.lookup ? 'postcodes (from the postcode lookup)' : 'service users’ postcodes'}.`,
      };
    }
  }
}

export async function projectFromFiles(input: ProjectFilesInput, options: ImportOptions = {}): Promise<ProjectFromFiles> {
  // Each file is read once: the users are placed here and reused for the hexagons' area and the import.
  await announce(options, 'reading service users', 0);
  const placed = placeUsers(input.users.text, input.users.mapping, input.sources);
  const { units: imported, note: unitsNote } = await buildUnits(input, placed, slice(options, 0.05, 0.3));
  const locator = locatorFor(imported);
  const users = await importServiceUsers(
    { text: input.users.text, mapping: input.users.mapping, sources: input.sources, placed, units: imported, locator, densityRule: input.densityRule },
    slice(options, 0.3, 0.75),
  );
  await announce(options, 'matching current zones', 0.75);
  // Postcode sectors by unit: for a zone list, and kept in the project for the postcode exports.
  const sectors = input.sources.lookup
    ? unitSectorsFromLookup(input.sources.lookup, users.units, locator)
    : unitSectorsFromUsers(users.users, users.unitOfUser, users.units.count);
  const { assignment, note: zonesNote } = await currentZones(input, users, sectors);
  const zones: Zone[] = assignment.zones;
  const bases = input.bases
    ? await importProviderBases({ text: input.bases.text, mapping: input.bases.mapping, sources: input.sources, zones }, slice(options, 0.8, 0.9))
    : null;
  await announce(options, 'assembling the project', 0.9);

  const units = users.units;
  const project = assembleProject({
    name: input.name,
    units: imported.geo.features.map((f, u) => ({
      id: units.ids[u], name: units.names[u], geometry: f.geometry, lon: units.lon[u], lat: units.lat[u],
      rurality: units.rurality[u], sparse: units.sparse[u] === 1, ruc: units.ruc[u], town: -1,
      sectors: Object.fromEntries(sectors[u]),
    })),
    demand: users.demand,
    zones,
    bases: bases?.bases ?? [],
    towns: [],
    plan: { zoneOf: assignment.zoneOf },
    attribution: input.sources.lookup
      ? ['Postcode locations from the postcode lookup loaded on this machine (ONS / OS, Open Government Licence)', ...FALLBACK_ATTRIBUTION]
      : FALLBACK_ATTRIBUTION,
    syntheticUsers: false,
  });
  await announce(options, 'done', 1);

  const c = users.report.counts;
  const placementNote = input.sources.lookup
    ? `Postcodes: looked up in the full postcode lookup; ${c.placedApproximately.toLocaleString('en-GB')} not found there were placed approximately at their sector or district centre.`
    : `Postcodes: no full postcode lookup is loaded, so ${c.placedApproximately.toLocaleString('en-GB')} of ${c.rowsImported.toLocaleString('en-GB')} users ` +
      'were placed approximately at their postcode sector or district centre. Load an ONSPD, NSPL or Code-Point Open file to place them exactly.';
  return {
    project,
    users: users.report,
    bases: bases?.report ?? null,
    problems: [...imported.problems, ...users.report.problems, ...assignment.problems, ...(bases?.report.problems ?? [])],
    notes: [unitsNote, placementNote, ...users.report.notes, zonesNote, ...(bases?.report.notes ?? [])],
    unitCount: units.count,
    zoneCount: zones.length,
    unassignedUnits: assignment.unassigned.length,
  };
}
