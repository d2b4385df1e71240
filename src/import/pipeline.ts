// The import steps chained for the worker, the CLI and the benchmark: text in,
// model pieces and a report out. Async only so a long import yields to the
// event loop between steps (progress messages, cancellation).
import { asZone, UNASSIGNED, type Base, type Demand, type Units, type Zone } from '../../solver/model';
import { aggregate, DEFAULT_DENSITY_RULE, RuralitySource, type DensityRule } from './aggregate';
import { BASES_FILE, parseBases, type ProviderBase } from './bases';
import { guessBaseMapping, guessUserMapping, readCsv, type BaseColumnMapping, type UserColumnMapping } from './csv';
import { encodingProblem, textOf, type TextInput } from './encoding';
import { APPROXIMATE, geocode, type Geocoded, type GeocodeSources, type Placement } from './geocode';
import { locatorFor, type UnitLocator } from './locate';
import { checkAborted, yieldToEventLoop, type ImportOptions, type Problem } from './problems';
import { countSeverities, sortProblems, type ImportReport } from './report';
import type { ImportedUnits } from './units';
import { parseUsers, USERS_FILE, type ParsedRows, type ServiceUser } from './users';

/** The users file read and its postcodes placed: done once per import, whatever uses it. */
export interface PlacedUsers {
  mapping: UserColumnMapping;
  parsed: ParsedRows<ServiceUser>;
  geocoded: Geocoded;
  postcodeColumn: string;
  /** How the file's encoding was read, when it was not plain UTF-8. */
  encodingNote: ReturnType<typeof textOf>['note'];
}

/** Reads the users file and places each user (mapping guessed from the header when absent). */
export function placeUsers(text: TextInput, mapping: UserColumnMapping | undefined, sources: GeocodeSources): PlacedUsers {
  const decoded = textOf(text);
  const table = readCsv(decoded.text);
  const m = mapping ?? guessUserMapping(table.headers);
  const parsed = parseUsers(table, m);
  const postcodeColumn = m.postcode ?? 'postcode';
  return { mapping: m, parsed, geocoded: geocode(parsed.records, sources, USERS_FILE, postcodeColumn), postcodeColumn, encodingNote: decoded.note };
}

export interface UserImportInput {
  /** The file's text, or its bytes (UTF-8, UTF-16 or Windows-1252, detected). */
  text: TextInput;
  /** Column mapping; guessed from the header when absent. */
  mapping?: UserColumnMapping;
  sources: GeocodeSources;
  /** The file already read and placed (placeUsers), so it is not read again. */
  placed?: PlacedUsers;
  units: ImportedUnits;
  /** Reuse a locator across imports of the same units (built when absent). */
  locator?: UnitLocator;
  densityRule?: DensityRule;
}

export interface UserImport {
  mapping: UserColumnMapping;
  /** Users that were imported (every one is in a unit), with their placement and unit. */
  users: ServiceUser[];
  placement: Placement[];
  unitOfUser: Int32Array;
  demand: Demand;
  /** The units with rurality filled in where their file had no RUC11 code. */
  units: Units;
  ruralitySource: Uint8Array;
  report: ImportReport;
}

async function step(options: ImportOptions, phase: string, fraction: number): Promise<void> {
  options.onProgress?.({ phase, fraction });
  await yieldToEventLoop();
  checkAborted(options.signal);
}

export async function importServiceUsers(input: UserImportInput, options: ImportOptions = {}): Promise<UserImport> {
  await step(options, 'reading service users', 0);
  let placed = input.placed;
  if (!placed) {
    await step(options, 'placing postcodes', 0.3);
    placed = placeUsers(input.text, input.mapping, input.sources);
  }
  const { mapping, parsed, geocoded, postcodeColumn, encodingNote } = placed;
  await step(options, 'counting users in units', 0.6);
  const locator = input.locator ?? locatorFor(input.units);
  const agg = aggregate({
    units: input.units.units, rucKnown: input.units.rucKnown, locator, users: parsed.records, geocoded,
    densityRule: input.densityRule, postcodeColumn,
  });

  const users: ServiceUser[] = [];
  const placement: Placement[] = [];
  const unitOfUser: number[] = [];
  const counts = { placedExactly: 0, placedByCoordinates: 0, placedApproximately: 0, hoursImported: 0, hoursApproximate: 0 };
  let hoursRejected = [...parsed.rejectedHours.values()].reduce((a, b) => a + b, 0);
  parsed.records.forEach((user, k) => {
    const unit = agg.unitOfUser[k];
    if (unit < 0) {
      hoursRejected += user.weeklyHours;
      return;
    }
    users.push(user);
    placement.push(geocoded.placement[k]);
    unitOfUser.push(unit);
    counts.hoursImported += user.weeklyHours;
    if (geocoded.placement[k] === 'exact') counts.placedExactly++;
    else if (geocoded.placement[k] === 'coordinates') counts.placedByCoordinates++;
    else if (APPROXIMATE.has(geocoded.placement[k])) counts.placedApproximately++;
    if (APPROXIMATE.has(geocoded.placement[k]) || agg.snapped[k]) counts.hoursApproximate += user.weeklyHours;
  });

  const problems: Problem[] = sortProblems([...encodingProblem(USERS_FILE, encodingNote), ...parsed.problems, ...geocoded.problems, ...agg.problems]);
  const rejectedRows = new Set(problems.filter((p) => p.severity === 'error' && p.row !== null).map((p) => p.row));
  const bySource = [0, 0, 0];
  agg.ruralitySource.forEach((s) => bySource[s]++);
  const rule = input.densityRule ?? DEFAULT_DENSITY_RULE;
  await step(options, 'done', 1);
  return {
    mapping, users, placement, unitOfUser: Int32Array.from(unitOfUser), demand: agg.demand, units: agg.units,
    ruralitySource: agg.ruralitySource,
    report: {
      file: USERS_FILE,
      counts: {
        rowsRead: parsed.rowsRead,
        rowsImported: users.length,
        rejected: rejectedRows.size,
        ...counts,
        snappedToUnit: agg.snapped.reduce((a, b) => a + b, 0),
        hoursRejected,
        hoursAffected: hoursRejected + counts.hoursApproximate,
        ...countSeverities(problems),
      },
      problems,
      notes: [
        `Rurality: ${bySource[RuralitySource.UnitRuc]} units from their own RUC11 code, ` +
          `${bySource[RuralitySource.PostcodeRuc]} from the most common RUC11 code of their users' postcodes, ` +
          `${bySource[RuralitySource.Density]} from service-user density (urban at ${rule.urbanUsersPerKm2}+ users/km², ` +
          `rural town and fringe at ${rule.ruralTownUsersPerKm2}+, otherwise rural village and dispersed).`,
        ...(agg.byLookupLsoa > 0
          ? [`Placing users in units: ${agg.byLookupLsoa.toLocaleString('en-GB')} of ${users.length.toLocaleString('en-GB')} were counted in the LSOA ` +
            'their postcode lookup row names (the ONS placed each postcode on the full boundaries, not the simplified ones in the unit file)' +
            (users.length > agg.byLookupLsoa ? `; the other ${(users.length - agg.byLookupLsoa).toLocaleString('en-GB')} in the unit their point falls in.` : '.')]
          : []),
      ],
    },
  };
}

export interface BaseImport {
  mapping: BaseColumnMapping;
  records: ProviderBase[];
  /** Model bases: one per base and zone it serves (capacity shared equally between its zones). */
  bases: Base[];
  report: ImportReport;
}

export async function importProviderBases(
  input: { text: TextInput; mapping?: BaseColumnMapping; sources: GeocodeSources; zones: readonly Zone[] },
  options: ImportOptions = {},
): Promise<BaseImport> {
  await step(options, 'reading provider bases', 0);
  const decoded = textOf(input.text);
  const table = readCsv(decoded.text);
  const mapping = input.mapping ?? guessBaseMapping(table.headers);
  const parsed = parseBases(table, mapping);
  const geocoded = geocode(parsed.records, input.sources, BASES_FILE, mapping.postcode ?? 'postcode');
  const zoneIndex = new Map(input.zones.map((z, i) => [z.id, asZone(i)]));
  const extra: Problem[] = [];
  const records: ProviderBase[] = [];
  const bases: Base[] = [];
  let approximate = 0;
  parsed.records.forEach((r, k) => {
    if (geocoded.placement[k] === 'none') return;
    records.push(r);
    if (APPROXIMATE.has(geocoded.placement[k])) approximate++;
    const zones = r.zones.length > 0 ? r.zones : [''];
    for (const zone of zones) {
      const z = zone === '' ? UNASSIGNED : zoneIndex.get(zone) ?? UNASSIGNED;
      if (zone !== '' && z === UNASSIGNED) {
        extra.push({ file: BASES_FILE, row: r.row, column: mapping.zones ?? 'zones', value: zone, message: `Zone "${zone}" is not one of the current zones; base kept without a zone`, severity: 'warning' });
      }
      bases.push({
        id: zones.length > 1 ? `${r.id}/${zone}` : r.id, name: r.name, lon: geocoded.lon[k], lat: geocoded.lat[k],
        capacityHours: r.capacityHours / zones.length, zone: z,
      });
    }
  });
  const problems = sortProblems([...encodingProblem(BASES_FILE, decoded.note), ...parsed.problems, ...geocoded.problems, ...extra]);
  const rejectedRows = new Set(problems.filter((p) => p.severity === 'error' && p.row !== null).map((p) => p.row));
  const hoursRejected = [...parsed.rejectedHours.values()].reduce((a, b) => a + b, 0);
  const capacity = records.reduce((a, r) => a + r.capacityHours, 0);
  await step(options, 'done', 1);
  return {
    mapping, records, bases,
    report: {
      file: BASES_FILE,
      counts: {
        rowsRead: parsed.rowsRead, rowsImported: records.length, rejected: rejectedRows.size,
        placedExactly: geocoded.placement.filter((p) => p === 'exact').length,
        placedByCoordinates: geocoded.placement.filter((p) => p === 'coordinates').length,
        placedApproximately: approximate, snappedToUnit: 0,
        hoursImported: capacity, hoursRejected, hoursApproximate: 0, hoursAffected: hoursRejected,
        ...countSeverities(problems),
      },
      problems,
      notes: ['Hours here are weekly capacity. A base serving several zones is split into one base per zone, sharing its capacity equally.'],
    },
  };
}
