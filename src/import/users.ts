// Service-user rows -> records, with every problem listed against its
// spreadsheet row and column. Nothing is dropped silently: a row is either a
// record or has at least one error (blank rows are the one exception).
import { addTableProblems, cellAt, columnIndex, forEachDataRow, type CsvTable, type UserColumnMapping } from './csv';
import { locationCells, readLocation } from './location';
import { ProblemList, type Problem } from './problems';
import { looksLikeFormula, parseHours, parseYesNo } from './values';
import { parseCallBands, type BandSet } from '../../solver/visitPattern';

export const USERS_FILE = 'service users';

/** Weekly hours above this cannot be right (a week has 168 hours). */
const MAX_WEEKLY_HOURS = 168;
/** More visits a week than one an hour cannot be right. */
const MAX_VISITS_PER_WEEK = 168;
/** Visits x length may differ from the weekly hours by this share before a warning. */
const PATTERN_TOLERANCE = 0.1;

export interface ServiceUser {
  /** Spreadsheet row it came from (header = 1). */
  row: number;
  /** Pseudonymous id as given (kept as data, never markup). */
  id: string;
  /** Normalised postcode, or null when placed by coordinates only. */
  postcode: string | null;
  /** Coordinates given in the file (WGS84), or null. */
  lon: number | null;
  lat: number | null;
  weeklyHours: number;
  carers: 1 | 2;
  waiting: boolean;
  /** Visits a week from the file (or from the visit length), null for the default by hours. */
  visitsPerWeek: number | null;
  /** Call bands from the file, null when not given. */
  bands: BandSet | null;
  /** Current zone/lot as written, "" when not given. */
  zone: string;
}

export interface ParsedRows<T> {
  records: T[];
  problems: Problem[];
  /** Non-blank data rows read. */
  rowsRead: number;
  /** Hours of each rejected row, by spreadsheet row, where the hours could be read. */
  rejectedHours: Map<number, number>;
}

/** Resolves a mapping's headers to column numbers once per file. */
export function mappedColumns<K extends string>(table: CsvTable, mapping: Record<K, string | null>, keys: readonly K[]) {
  const out = {} as Record<K, { index: number; header: string }>;
  for (const k of keys) out[k] = { index: columnIndex(table, mapping[k]), header: mapping[k] ?? k };
  return out;
}

function readCarers(text: string, format: UserColumnMapping['carersFormat']): 1 | 2 | null {
  if (text === '') return 1; // a blank carers / double-handed cell means one carer
  if (format === 'doubleHandedFlag') {
    const yes = parseYesNo(text);
    if (yes !== null) return yes ? 2 : 1;
  }
  const n = Number(text);
  return n === 1 || n === 2 ? n : null;
}

export function parseUsers(table: CsvTable, mapping: UserColumnMapping): ParsedRows<ServiceUser> {
  const problems = new ProblemList(USERS_FILE);
  const untrusted = addTableProblems(table, problems);
  const c = mappedColumns(table, mapping, ['id', 'postcode', 'latitude', 'longitude', 'easting', 'northing', 'weeklyHours', 'carers', 'waiting', 'visitsPerWeek', 'visitMinutes', 'callBands', 'zone'] as const);
  if (c.weeklyHours.index < 0) problems.error(null, '', '', 'No weekly hours column is mapped');
  if (c.postcode.index < 0 && c.latitude.index < 0 && c.easting.index < 0) {
    problems.error(null, '', '', 'No postcode or coordinate columns are mapped');
  }
  const records: ServiceUser[] = [];
  const rejectedHours = new Map<number, number>();
  const firstRowOfId = new Map<string, number>();

  const rowsRead = forEachDataRow(table, (cells, row) => {
    const hoursText = cellAt(cells, c.weeklyHours.index);
    const hours = parseHours(hoursText);
    if (untrusted.has(row)) {
      if (hours >= 0) rejectedHours.set(row, hours);
      return;
    }
    const errorsBefore = problems.errorCount;
    const error = (column: string, value: string, message: string) => problems.error(row, column, value, message);

    let id = cellAt(cells, c.id.index);
    if (!id) {
      id = `row ${row}`;
      if (c.id.index >= 0) problems.warning(row, c.id.header, '', `Missing id; using "${id}"`);
    } else if (looksLikeFormula(id)) {
      problems.warning(row, c.id.header, id, 'Id looks like a spreadsheet formula; kept as plain text');
    }
    const firstRow = firstRowOfId.get(id);
    if (firstRow !== undefined) problems.warning(row, c.id.header, id, `Duplicate id: also on row ${firstRow}`);
    else firstRowOfId.set(id, row);

    const location = readLocation(locationCells(cells, c), row, problems);

    if (c.weeklyHours.index >= 0) {
      if (hoursText === '') error(c.weeklyHours.header, '', 'Missing weekly hours');
      else if (Number.isNaN(hours)) error(c.weeklyHours.header, hoursText, 'Weekly hours is not a number');
      else if (hours < 0) error(c.weeklyHours.header, hoursText, 'Weekly hours cannot be negative');
      else if (hours > MAX_WEEKLY_HOURS) error(c.weeklyHours.header, hoursText, `Weekly hours above ${MAX_WEEKLY_HOURS} (hours in a week)`);
      else if (hours === 0) problems.warning(row, c.weeklyHours.header, hoursText, 'Zero weekly hours');
    }

    const carersText = cellAt(cells, c.carers.index);
    const carers = readCarers(carersText, mapping.carersFormat);
    if (carers === null) {
      const expected = mapping.carersFormat === 'doubleHandedFlag' ? 'yes/no' : '1 or 2';
      error(c.carers.header, carersText, `Carers per visit must be ${expected}`);
    }

    const waitingText = cellAt(cells, c.waiting.index);
    let waiting = waitingText === '' ? false : parseYesNo(waitingText);
    if (waiting === null) {
      problems.warning(row, c.waiting.header, waitingText, 'Waiting should be yes/no (y/n, true/false, 1/0); taken as not waiting');
      waiting = false;
    }

    const visitsPerWeek = readVisitPattern(cells, c, hours, row, problems);
    const bandsText = cellAt(cells, c.callBands.index);
    let bands = bandsText === '' ? null : parseCallBands(bandsText);
    if (bands === null && bandsText !== '') {
      problems.warning(row, c.callBands.header, bandsText, 'Call bands should be morning, lunch, tea or bed; visits spread over the usual shares');
    }
    if (bands === 0) bands = null;

    const rejected = problems.errorCount > errorsBefore;
    if (rejected || !location || carers === null || !(hours >= 0)) {
      if (hours >= 0) rejectedHours.set(row, hours);
      return;
    }
    records.push({
      row, id, postcode: location.postcode, lon: location.lon, lat: location.lat,
      weeklyHours: hours, carers, waiting, visitsPerWeek, bands, zone: cellAt(cells, c.zone.index),
    });
  });
  return { records, problems: problems.items, rowsRead, rejectedHours };
}

type Columns = ReturnType<typeof mappedColumns<'visitsPerWeek' | 'visitMinutes'>>;

/**
 * Visits a week from the visits column, or else from the visit length and the hours;
 * null when neither is given (the default by hours applies). Bad values are errors;
 * a pattern that does not add up to the weekly hours is a warning, and the visits count.
 */
function readVisitPattern(cells: readonly string[], c: Columns, hours: number, row: number, problems: ProblemList): number | null {
  const visitsText = cellAt(cells, c.visitsPerWeek.index);
  const minutesText = cellAt(cells, c.visitMinutes.index);
  const visits = visitsText === '' ? null : Number(visitsText);
  const minutes = minutesText === '' ? null : parseMinutes(minutesText);
  if (visits !== null && !(visits >= 0 && visits <= MAX_VISITS_PER_WEEK)) {
    problems.error(row, c.visitsPerWeek.header, visitsText,
      Number.isNaN(visits) ? 'Visits a week is not a number' : `Visits a week must be from 0 to ${MAX_VISITS_PER_WEEK}`);
    return null;
  }
  if (minutes !== null && !(minutes > 0 && minutes <= 24 * 60)) {
    problems.error(row, c.visitMinutes.header, minutesText, Number.isNaN(minutes) ? 'Visit length is not a number of minutes' : 'Visit length must be above 0 and at most a day');
    return null;
  }
  if (!(hours >= 0)) return null;
  if (visits !== null && minutes !== null) {
    const patternHours = (visits * minutes) / 60;
    if (Math.abs(patternHours - hours) > PATTERN_TOLERANCE * Math.max(hours, patternHours)) {
      problems.warning(row, c.visitMinutes.header, minutesText,
        `${visits} visits of ${minutes} min make ${Number(patternHours.toFixed(1))} h, not the ${hours} weekly hours; the visits a week are used`);
    }
  }
  if (visits !== null) {
    if (visits === 0 && hours > 0) problems.warning(row, c.visitsPerWeek.header, visitsText, 'No visits but weekly hours above 0; travel between visits counts none');
    return visits;
  }
  if (minutes !== null) return hours > 0 ? Math.max(1, Math.round((60 * hours) / minutes)) : 0;
  return null;
}

/** "30", "30 min", "45mins", "1h", "0.75 h" -> minutes; NaN otherwise. */
function parseMinutes(text: string): number {
  const m = /^(\d+(?:\.\d*)?|\.\d+)\s*(min|mins|minutes?|m|h|hr|hrs|hours?)?$/i.exec(text.trim());
  if (!m) return NaN;
  return /^h/i.test(m[2] ?? '') ? Number(m[1]) * 60 : Number(m[1]);
}
