// Reading tabular text (CSV/TSV as exported by spreadsheets and case-management
// systems) and guessing which column holds which field. The column mappings are
// plain objects of header names so a mapping screen can show, edit and store them.
import Papa from 'papaparse';
import type { Problem, ProblemList } from './problems';

export interface CsvTable {
  /** Header cells, trimmed and made unique ("Zone", "Zone (2)"); blank headers become "Column N". */
  headers: string[];
  /** Data rows as read, including blank ones, so rows[i] is spreadsheet row i + 2. */
  rows: string[][];
  delimiter: string;
  /**
   * What the parser found wrong, by spreadsheet row and column (malformed
   * quotes, rows longer than the header). An error means the row's cells
   * cannot be trusted, so readers reject that row.
   */
  problems: TableProblem[];
}

export type TableProblem = Omit<Problem, 'file'> & { row: number };

/**
 * A file whose rows cannot be trusted from some point on (a quote that never
 * closes swallows every row after it). Nothing of it is imported.
 */
export class CsvRefused extends Error {
  constructor(
    /** Spreadsheet row where the file breaks (header = 1). */
    readonly row: number,
    readonly column: string,
    message: string,
  ) {
    super(message);
    this.name = 'CsvRefused';
  }
}

/** Spreadsheet row number (header = 1) of data row i. */
export const spreadsheetRow = (i: number): number => i + 2;

export function isBlankRow(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

/** Calls `read` with each non-blank data row and its spreadsheet row number; returns how many it read. */
export function forEachDataRow(table: CsvTable, read: (cells: string[], row: number) => void): number {
  let rowsRead = 0;
  table.rows.forEach((cells, i) => {
    if (isBlankRow(cells)) return;
    rowsRead++;
    read(cells, spreadsheetRow(i));
  });
  return rowsRead;
}

export interface ReadCsvOptions {
  /** The text is the start of a longer file (a preview): a last row cut off mid-quote is dropped, not refused. */
  truncated?: boolean;
}

/**
 * Parses CSV or TSV text: strips a BOM, accepts CRLF/LF/CR, quoted delimiters
 * and line breaks. Throws CsvRefused when a quote opens and never closes.
 */
export function readCsv(text: string, options: ReadCsvOptions = {}): CsvTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = guessDelimiter(body);
  const parsed = Papa.parse<string[]>(body, { header: false, skipEmptyLines: false, delimiter });
  const all = parsed.data;
  const unclosed = parsed.errors.find((e) => e.code === 'MissingQuotes');
  if (unclosed && options.truncated && unclosed.row === all.length - 1) all.pop();
  else if (unclosed) throw refusal(body, all, unclosed.row ?? all.length - 1, unclosed.index ?? 0);
  // Papa yields one [""] row for a trailing line break; it is not a spreadsheet row.
  while (all.length > 0 && isBlankRow(all[all.length - 1])) all.pop();
  const [headerRow = [], ...rows] = all;
  const headers = uniqueHeaders(headerRow);
  const problems: TableProblem[] = [];
  for (const e of parsed.errors) {
    if (e.code === 'MissingQuotes' || e.row === undefined || e.row < 1 || e.row > rows.length) continue;
    const cells = rows[e.row - 1];
    // The malformed cell is the one left holding a quote mark.
    const k = Math.max(0, cells.findIndex((c) => c.includes('"')));
    problems.push({ row: e.row + 1, column: headers[k] ?? `Column ${k + 1}`, value: cells[k] ?? '', message: `The quotes in this row are malformed (${e.message.toLowerCase()}); the row is not used`, severity: 'error' });
  }
  rows.forEach((cells, i) => {
    if (cells.length <= headers.length || isBlankRow(cells.slice(headers.length))) return;
    problems.push({
      row: spreadsheetRow(i), column: '', value: cells.slice(headers.length).join(delimiter),
      message: `The row has ${cells.length} cells but the header has ${headers.length}, so its values may be in the wrong columns (a ${delimiterName(delimiter)} inside a value that is not in quotes?); the row is not used`,
      severity: 'error',
    });
  });
  return { headers, rows, delimiter, problems };
}

/** The refusal for a quote opened in record `record` (0 = header) at character `index`. */
function refusal(body: string, records: string[][], record: number, index: number): CsvRefused {
  const line = lineAt(body, index);
  const row = record + 1;
  const header = uniqueHeaders(records[0] ?? []);
  const cells = records[record] ?? [];
  const column = header[Math.min(cells.length, header.length) - 1] ?? '';
  const linesAfter = lineAt(body, body.length) - line - (/[\r\n]$/.test(body) ? 1 : 0);
  return new CsvRefused(
    row,
    column,
    `Row ${row}${line !== row ? ` (line ${line} of the file)` : ''}${column ? `, column "${column}"` : ''}: a quote mark opens a value that never closes, ` +
      `so ${linesAfter > 0 ? `the ${linesAfter} lines after it` : 'the rest of the file'} would be read as one cell. Nothing was imported; ` +
      'remove or close the stray quote (") and import the file again.',
  );
}

/** 1-based line number of character `index`. */
function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

const delimiterName = (d: string): string => ({ ',': 'comma', '\t': 'tab', ';': 'semicolon', '|': 'bar' })[d] ?? `"${d}"`;

/**
 * Moves the parser's problems for a table into a file's list; returns the
 * spreadsheet rows they reject.
 */
export function addTableProblems(table: CsvTable, problems: ProblemList): Set<number> {
  const rejected = new Set<number>();
  for (const p of table.problems) {
    problems.add(p.row, p.column, p.value, p.message, p.severity);
    if (p.severity === 'error') rejected.add(p.row);
  }
  return rejected;
}

/** The separator used most in the header line (outside quotes); comma when none. */
function guessDelimiter(text: string): string {
  const counts = new Map<string, number>([[',', 0], ['\t', 0], [';', 0], ['|', 0]]);
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [ch, n] of counts) if (n > counts.get(best)!) best = ch;
  return best;
}

function uniqueHeaders(cells: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, i) => {
    const base = cell.trim() || `Column ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

/** Column number of a mapped header, -1 when unmapped or not in the table. */
export function columnIndex(table: CsvTable, header: string | null): number {
  return header === null ? -1 : table.headers.indexOf(header);
}

/** Trimmed cell of a row ("" for an unmapped column or a short row). */
export const cellAt = (row: readonly string[], column: number): string => (column < 0 ? '' : (row[column] ?? '').trim());

// ---- header guessing -------------------------------------------------------

/** Lowercase letters and digits only: "Post Code" -> "postcode", "Weekly_Hours" -> "weeklyhours". */
export const headerKey = (header: string): string => header.toLowerCase().replace(/[^a-z0-9]/g, '');

type Synonyms<F extends string> = Record<F, string[]>;

/**
 * Assigns each field the best header: an exact synonym beats a header that
 * merely contains a synonym; each header is used once, fields in the order given.
 */
function guess<F extends string>(headers: readonly string[], synonyms: Synonyms<F>): Record<F, string | null> {
  const keys = headers.map(headerKey);
  const used = new Set<number>();
  const out = {} as Record<F, string | null>;
  for (const field of Object.keys(synonyms) as F[]) {
    const words = synonyms[field];
    let best = -1;
    let bestScore = 0;
    keys.forEach((key, i) => {
      if (used.has(i)) return;
      let score = 0;
      words.forEach((w, rank) => {
        if (key === w) score = Math.max(score, 1000 - rank);
        else if (w.length >= 4 && key.includes(w)) score = Math.max(score, 100 - rank);
      });
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    });
    out[field] = best < 0 ? null : headers[best];
    if (best >= 0) used.add(best);
  }
  return out;
}

/** How the carers column is written: a count (1 or 2) or a double-handed yes/no flag. */
export type CarersFormat = 'count' | 'doubleHandedFlag';

/** The columns that say where a row is: a postcode, or coordinates (WGS84 or British National Grid). */
export interface LocationColumnMapping {
  postcode: string | null;
  latitude: string | null;
  longitude: string | null;
  easting: string | null;
  northing: string | null;
}

const LOCATION_SYNONYMS: Synonyms<keyof LocationColumnMapping> = {
  postcode: ['postcode', 'postalcode', 'pcode', 'pcd', 'pcds', 'pc', 'zip', 'zipcode'],
  latitude: ['lat', 'latitude', 'y'],
  longitude: ['lon', 'long', 'lng', 'longitude', 'x'],
  easting: ['easting', 'eastings', 'oseast1m', 'east', 'gridx'],
  northing: ['northing', 'northings', 'osnrth1m', 'north', 'gridy'],
};

export interface UserColumnMapping extends LocationColumnMapping {
  id: string | null;
  weeklyHours: string | null;
  carers: string | null;
  carersFormat: CarersFormat;
  waiting: string | null;
  /** Optional visit pattern: visits a week, minutes a visit, call bands ("morning; bed"). */
  visitsPerWeek: string | null;
  visitMinutes: string | null;
  callBands: string | null;
  zone: string | null;
}

// Order matters: more specific fields first so "Current zone" is not taken as an id.
const USER_SYNONYMS: Synonyms<Exclude<keyof UserColumnMapping, 'carersFormat'>> = {
  ...LOCATION_SYNONYMS,
  weeklyHours: ['weeklyhours', 'hoursperweek', 'hourspw', 'hours', 'hrs', 'hrsperweek', 'weeklyhrs', 'carehours', 'plannedhours', 'commissionedhours', 'totalhours'],
  carers: ['carerspervisit', 'carers', 'doublehanded', 'doubleup', 'double', 'numberofcarers', 'noofcarers', 'staffpervisit', 'handed'],
  waiting: ['waiting', 'waitinglist', 'iswaiting', 'awaitingcare', 'awaiting', 'unmetneed', 'unmet', 'wait'],
  visitMinutes: ['visitminutes', 'visitlength', 'visitduration', 'minutespervisit', 'visitmins', 'calllength', 'callduration', 'callminutes', 'lengthofvisit', 'durationofvisit', 'minspervisit'],
  visitsPerWeek: ['visitsperweek', 'visitsaweek', 'weeklyvisits', 'visitspw', 'callsperweek', 'callsaweek', 'weeklycalls', 'numberofvisits', 'noofvisits', 'visits', 'calls'],
  callBands: ['callbands', 'callband', 'calltimes', 'visittimes', 'timesofday', 'callpattern', 'visitbands', 'bands'],
  zone: ['zone', 'lot', 'currentzone', 'currentlot', 'zoneid', 'lotid', 'lotnumber', 'zonenumber', 'zonename', 'lotname'],
  id: ['id', 'userid', 'serviceuserid', 'serviceuser', 'suid', 'clientid', 'client', 'personid', 'personref', 'clientref', 'ref', 'reference', 'identifier'],
};

export function guessUserMapping(headers: readonly string[]): UserColumnMapping {
  const g = guess(headers, USER_SYNONYMS);
  const carersKey = g.carers === null ? '' : headerKey(g.carers);
  const carersFormat: CarersFormat = /double|handed/.test(carersKey) ? 'doubleHandedFlag' : 'count';
  return { ...g, carersFormat };
}

export interface BaseColumnMapping extends LocationColumnMapping {
  id: string | null;
  name: string | null;
  capacityHours: string | null;
  /** One zone, or several separated by ; , / or |. */
  zones: string | null;
}

const BASE_SYNONYMS: Synonyms<keyof BaseColumnMapping> = {
  ...LOCATION_SYNONYMS,
  capacityHours: ['capacityhours', 'capacity', 'capacityperweek', 'hoursperweek', 'weeklycapacity', 'weeklyhours', 'hours', 'maxhours'],
  zones: ['zones', 'zone', 'lots', 'lot', 'zoneids', 'lotids'],
  name: ['name', 'provider', 'providername', 'basename', 'branch', 'branchname', 'office', 'organisation'],
  id: ['id', 'baseid', 'providerid', 'branchid', 'code', 'ref', 'reference'],
};

export function guessBaseMapping(headers: readonly string[]): BaseColumnMapping {
  return guess(headers, BASE_SYNONYMS);
}
