// Full postcode lookup from the ONS Postcode Directory (ONSPD), the National
// Statistics Postcode Lookup (NSPL) or OS Code-Point Open, read as a stream.
// Those files have 1.7-2.7 million rows, so rows are split by a hand loop that
// only looks at the columns it keeps, and the result is a handful of typed
// arrays (about 22 bytes a postcode) that are structured-cloneable for
// IndexedDB and transferable to and from the worker.
import { bngToLonLat, isInUk, isOnBng, UK_BOX } from './bng';
import { postcodeKeyOf, postcodeFromKey } from './postcodes';
import { checkAborted, type ImportOptions, type Problem } from './problems';

/** Column numbers (0-based) of the fields kept; -1 when the file has no such column. */
export interface LookupColumns {
  hasHeader: boolean;
  postcode: number;
  latitude: number;
  longitude: number;
  easting: number;
  northing: number;
  /** ONS rural-urban classification 2011 ("ru11ind" in ONSPD/NSPL). */
  ruc: number;
  lsoa: number;
  /** Date of termination ("doterm"): non-empty means the postcode is no longer in use. */
  terminated: number;
}

/** Bits of PostcodeLookup.flags. */
export const TERMINATED = 1;
export const NO_LOCATION = 2;

export interface PostcodeLookup {
  count: number;
  /** Sorted postcode keys (see postcodes.ts), unique. */
  keys: Float64Array;
  lat: Float32Array;
  lon: Float32Array;
  flags: Uint8Array;
  /** Index into rucCodes; 0 = none. */
  ruc: Uint8Array;
  rucCodes: string[];
  /** Index into lsoaCodes; 0 = none. */
  lsoa: Uint32Array;
  lsoaCodes: string[];
  stats: LookupStats;
  /** The first rows refused (see LookupStats.rowsRefused), by row and column; stats.rowsRefused counts them all. */
  problems: Problem[];
}

export interface LookupStats {
  columns: LookupColumns;
  rowsRead: number;
  /** Rows whose postcode cell is not a postcode (also counted in rowsRefused). */
  rowsSkipped: number;
  /** Rows left out, each with a problem while fewer than LOOKUP_PROBLEMS_KEPT: a coordinate not a number or not in the UK, cells not lining up with the header, no postcode. */
  rowsRefused: number;
  duplicates: number;
  terminated: number;
  withoutLocation: number;
}

// Header names as ONS and OS publish them, plus the shared Lincolnshire extract.
const HEADER_NAMES: Record<Exclude<keyof LookupColumns, 'hasHeader'>, string[]> = {
  postcode: ['pcds', 'pcd', 'pcd7', 'pcd8', 'pcd2', 'postcode'],
  latitude: ['lat', 'latitude'],
  longitude: ['long', 'longitude', 'lon', 'lng'],
  easting: ['oseast1m', 'eastings', 'easting', 'oseast100m'],
  northing: ['osnrth1m', 'northings', 'northing', 'osnrth100m'],
  ruc: ['ru11ind', 'ruc11cd', 'ruc11', 'ruc21ind', 'ruc21cd'],
  lsoa: ['lsoa11', 'lsoa11cd', 'lsoa21', 'lsoa21cd', 'lsoa01'],
  terminated: ['doterm'],
};

/** Code-Point Open CSVs have no header: Postcode, Positional_quality_indicator, Eastings, Northings, ... */
export const CODE_POINT_COLUMNS: LookupColumns = {
  hasHeader: false, postcode: 0, latitude: -1, longitude: -1, easting: 2, northing: 3, ruc: -1, lsoa: -1, terminated: -1,
};

/** Guesses the layout from the first line: a header with known names, or headerless Code-Point Open. */
export function guessLookupColumns(firstLine: string): LookupColumns {
  const cells = firstLine.replace(/^\uFEFF/, '').split(',').map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
  if (postcodeKeyOf(cells[0] ?? '') >= 0) return CODE_POINT_COLUMNS;
  const columns = { hasHeader: true } as LookupColumns;
  for (const [field, names] of Object.entries(HEADER_NAMES) as Array<[keyof typeof HEADER_NAMES, string[]]>) {
    const found = names.map((n) => cells.indexOf(n)).find((i) => i >= 0);
    columns[field] = found ?? -1;
  }
  return columns;
}

/** What is wrong with a layout, or null when it can be read. */
export function lookupColumnsProblem(c: LookupColumns): string | null {
  if (c.postcode < 0) return 'No postcode column found (expected pcds, pcd or postcode).';
  const hasLatLon = c.latitude >= 0 && c.longitude >= 0;
  const hasGrid = c.easting >= 0 && c.northing >= 0;
  if (!hasLatLon && !hasGrid) return 'No coordinate columns found (expected lat/long or oseast1m/osnrth1m, eastings/northings).';
  return null;
}

/** A decimal numeral as lookups write them; Number() alone would also take "0x35" (53), "Infinity" or "". */
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** Fast decimal parse of text[s, e) without allocating; NaN when empty or not a decimal numeral. */
function parseNumber(text: string, s: number, e: number): number {
  if (s >= e) return NaN;
  let i = s;
  let sign = 1;
  if (text.charCodeAt(i) === 45) {
    sign = -1;
    i++;
  }
  let value = 0;
  let scale = 0;
  let digits = 0;
  for (; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits++;
      if (scale) scale *= 10;
    } else if (c === 46 && !scale) scale = 1;
    else {
      const cell = text.slice(s, e);
      return DECIMAL.test(cell) ? Number(cell) : NaN;
    }
  }
  if (!digits) return NaN;
  return (sign * value) / (scale || 1);
}

/** How many refused rows a lookup keeps with their row and column (a broken 2.7-million-row file would otherwise hold millions). */
export const LOOKUP_PROBLEMS_KEPT = 100;

/** ONSPD and NSPL write this latitude (with longitude 0) for postcodes that have no grid reference. */
const NO_GRID_LATITUDE = 99.999999;

/** Accumulates lookup rows from text chunks; finish() returns the compact lookup. */
export class PostcodeLookupBuilder {
  private columns: LookupColumns | null;
  private carry = '';
  private firstLine = true;
  private n = 0;
  private keys = new Float64Array(1 << 16);
  private lat = new Float32Array(1 << 16);
  private lon = new Float32Array(1 << 16);
  private flags = new Uint8Array(1 << 16);
  private ruc = new Uint8Array(1 << 16);
  private lsoa = new Uint32Array(1 << 16);
  private rucCodes = [''];
  private rucIndex = new Map<string, number>();
  private lsoaCodes = [''];
  private lsoaIndex = new Map<string, number>();
  private lastLsoa = '';
  private lastLsoaIndex = 0;
  private sorted = true;
  private stats = { rowsRead: 0, rowsSkipped: 0, rowsRefused: 0, terminated: 0, withoutLocation: 0 };
  private problems: Problem[] = [];
  /** Line of the file being read, 1-based (the header is line 1), as a spreadsheet numbers rows. */
  private lineNo = 0;
  private header: string[] = [];
  // Start/end of each kept field in the current line.
  private starts = new Int32Array(0);
  private ends = new Int32Array(0);
  private lastColumn = 0;

  constructor(columns?: LookupColumns, private readonly file = 'postcode lookup') {
    this.columns = columns ?? null;
    if (columns) this.setColumns(columns);
  }

  private setColumns(c: LookupColumns): void {
    const problem = lookupColumnsProblem(c);
    if (problem) throw new Error(problem);
    this.columns = c;
    this.lastColumn = Math.max(c.postcode, c.latitude, c.longitude, c.easting, c.northing, c.ruc, c.lsoa, c.terminated);
    this.starts = new Int32Array(this.lastColumn + 1);
    this.ends = new Int32Array(this.lastColumn + 1);
  }

  get rowsRead(): number {
    return this.stats.rowsRead;
  }

  push(chunk: string): void {
    const text = this.carry + chunk;
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      this.line(text, start, nl);
      start = nl + 1;
    }
    this.carry = text.slice(start);
  }

  private line(text: string, start: number, end: number): void {
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    this.lineNo++;
    if (this.firstLine) {
      this.firstLine = false;
      const first = text.slice(start, end);
      if (!this.columns) this.setColumns(guessLookupColumns(first));
      if (this.columns!.hasHeader) {
        this.header = first.replace(/^\uFEFF/, '').split(',').map((h) => h.trim().replace(/^"|"$/g, ''));
        return;
      }
    }
    if (end <= start) return;
    this.stats.rowsRead++;
    const c = this.columns!;
    const cells = this.split(text, start, end);
    if (cells < 0 || (this.header.length > 0 && cells !== this.header.length)) {
      // A short row, an unclosed quote or a decimal comma ("53,2") would shift the columns.
      this.refuseRow(cells < 0
        ? `has fewer cells than the header's ${this.header.length || this.lastColumn + 1}, or a quote that is not closed`
        : `has ${cells} cells; the header has ${this.header.length} (a comma inside a number, such as "53,2", splits a cell in two)`);
      return;
    }
    const key = postcodeKeyOf(text, this.starts[c.postcode], this.ends[c.postcode]);
    if (key < 0) {
      this.stats.rowsSkipped++;
      const cell = text.slice(this.starts[c.postcode], this.ends[c.postcode]).slice(0, 60);
      this.refuseRow(`${JSON.stringify(cell)} is not a postcode`, this.header[c.postcode] ?? `column ${c.postcode + 1}`, cell);
      return;
    }
    const point = this.location(text);
    if (point === null) return;
    let [lon, lat] = point;
    if (this.n === this.keys.length) this.grow();
    const i = this.n++;
    if (i > 0 && key <= this.keys[i - 1]) this.sorted = false;
    this.keys[i] = key;
    let flags = 0;
    if (Number.isNaN(lat)) {
      flags |= NO_LOCATION;
      this.stats.withoutLocation++;
    }
    if (c.terminated >= 0 && this.ends[c.terminated] > this.starts[c.terminated]) {
      flags |= TERMINATED;
      this.stats.terminated++;
    }
    this.lat[i] = lat;
    this.lon[i] = lon;
    this.flags[i] = flags;
    this.ruc[i] = c.ruc >= 0 ? this.rucOf(text, this.starts[c.ruc], this.ends[c.ruc]) : 0;
    this.lsoa[i] = c.lsoa >= 0 ? this.lsoaOf(text, this.starts[c.lsoa], this.ends[c.lsoa]) : 0;
  }

  /**
   * The row's position: [lon, lat] in the UK, [NaN, NaN] when the file says it has
   * none (ONSPD's 99.999999 / blank or 0 grid references), or null when a
   * coordinate is not a number or not in the UK: the row is refused, by row and column.
   */
  private location(text: string): [number, number] | null {
    const c = this.columns!;
    const has = (col: number) => col >= 0 && this.ends[col] > this.starts[col];
    const num = (col: number) => parseNumber(text, this.starts[col], this.ends[col]);
    if (has(c.latitude) || has(c.longitude)) {
      const lat = num(c.latitude);
      const lon = num(c.longitude);
      if (isInUk(lon, lat)) return [lon, lat];
      if (!(lat === NO_GRID_LATITUDE && lon === 0)) {
        const badLat = !(lat >= UK_BOX.lat[0] && lat <= UK_BOX.lat[1]);
        const col = badLat ? c.latitude : c.longitude;
        const [lo, hi] = badLat ? UK_BOX.lat : UK_BOX.lon;
        return this.refuse(text, col, `${badLat ? 'latitude' : 'longitude'} must be a number from ${lo} to ${hi} (the UK)`);
      }
    }
    if (has(c.easting) || has(c.northing)) {
      const e = num(c.easting);
      const n = num(c.northing);
      if (e > 0 && n > 0 && isOnBng(e, n)) return bngToLonLat(e, n);
      // Code-Point and ONSPD use 0,0 / blanks for "no grid reference".
      const none = (col: number, v: number) => !has(col) || v === 0;
      if (!(none(c.easting, e) && none(c.northing, n))) {
        const badE = !(e > 0 && e <= 700_000);
        return this.refuse(text, badE ? c.easting : c.northing, `${badE ? 'easting must be a number from 0 to 700,000' : 'northing must be a number from 0 to 1,300,000'} metres (the British National Grid)`);
      }
    }
    return [NaN, NaN];
  }

  private refuseRow(message: string, column = '', value = ''): void {
    this.stats.rowsRefused++;
    if (this.problems.length < LOOKUP_PROBLEMS_KEPT) {
      this.problems.push({ file: this.file, row: this.lineNo, column, value, message: `Row ${this.lineNo}: ${message}; the row is left out`, severity: 'error' });
    }
  }

  private refuse(text: string, col: number, message: string): null {
    this.stats.rowsRefused++;
    if (this.problems.length < LOOKUP_PROBLEMS_KEPT) {
      const value = text.slice(this.starts[col], this.ends[col]).slice(0, 60);
      const column = this.header[col] ?? `column ${col + 1}`;
      this.problems.push({ file: this.file, row: this.lineNo, column, value, message: `Row ${this.lineNo}: ${message}, found ${JSON.stringify(value)}; the row is left out`, severity: 'error' });
    }
    return null;
  }

  /** Records where each kept field starts and ends; returns the line's number of cells, or -1 when it is too short or a quote is not closed. */
  private split(text: string, start: number, end: number): number {
    let col = 0;
    let i = start;
    while (col <= this.lastColumn) {
      if (i > end) return -1;
      let fieldStart = i;
      let fieldEnd: number;
      if (text.charCodeAt(i) === 34) {
        // Quoted field: ends at a quote followed by a comma or the line end.
        fieldStart = i + 1;
        let q = fieldStart;
        for (;;) {
          q = text.indexOf('"', q);
          if (q < 0 || q >= end) return -1;
          if (text.charCodeAt(q + 1) === 34) q += 2;
          else break;
        }
        fieldEnd = q;
        i = q + 1;
        while (i < end && text.charCodeAt(i) !== 44) i++;
      } else {
        while (i < end && text.charCodeAt(i) !== 44) i++;
        fieldEnd = i;
      }
      this.starts[col] = fieldStart;
      this.ends[col] = fieldEnd;
      // Trim surrounding spaces (Code-Point pads some cells).
      while (this.starts[col] < this.ends[col] && text.charCodeAt(this.starts[col]) === 32) this.starts[col]++;
      while (this.ends[col] > this.starts[col] && text.charCodeAt(this.ends[col] - 1) === 32) this.ends[col]--;
      col++;
      i++; // past the comma
    }
    // The cells after the last one kept are only counted (quotes may hold commas).
    if (i > end) return col;
    let cells = col + 1;
    let quoted = false;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) quoted = !quoted;
      else if (c === 44 && !quoted) cells++;
    }
    return cells;
  }

  private rucOf(text: string, s: number, e: number): number {
    if (s >= e) return 0;
    const code = text.slice(s, e);
    let k = this.rucIndex.get(code);
    if (k === undefined) {
      if (this.rucCodes.length === 255) return 0;
      k = this.rucCodes.length;
      this.rucCodes.push(code);
      this.rucIndex.set(code, k);
    }
    return k;
  }

  private lsoaOf(text: string, s: number, e: number): number {
    if (s >= e) return 0;
    // Neighbouring postcodes usually share an LSOA: compare before hashing.
    const last = this.lastLsoa;
    if (last.length === e - s && text.startsWith(last, s)) return this.lastLsoaIndex;
    const code = text.slice(s, e);
    let k = this.lsoaIndex.get(code);
    if (k === undefined) {
      k = this.lsoaCodes.length;
      this.lsoaCodes.push(code);
      this.lsoaIndex.set(code, k);
    }
    this.lastLsoa = code;
    this.lastLsoaIndex = k;
    return k;
  }

  private grow(): void {
    const size = this.keys.length * 2;
    const grown = <T extends Float64Array | Float32Array | Uint8Array | Uint32Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a as never);
      return b;
    };
    this.keys = grown(this.keys, (n) => new Float64Array(n));
    this.lat = grown(this.lat, (n) => new Float32Array(n));
    this.lon = grown(this.lon, (n) => new Float32Array(n));
    this.flags = grown(this.flags, (n) => new Uint8Array(n));
    this.ruc = grown(this.ruc, (n) => new Uint8Array(n));
    this.lsoa = grown(this.lsoa, (n) => new Uint32Array(n));
  }

  finish(): PostcodeLookup {
    if (this.carry.length > 0) {
      const last = this.carry;
      this.carry = '';
      this.line(last, 0, last.length);
    }
    if (!this.columns) throw new Error('The postcode lookup file is empty.');
    const n = this.n;
    // Files as published are sorted by postcode; sort a permutation otherwise.
    let order: Uint32Array | null = null;
    if (!this.sorted) {
      const keys = this.keys;
      order = new Uint32Array(n);
      for (let i = 0; i < n; i++) order[i] = i;
      order.sort((a, b) => keys[a] - keys[b] || a - b);
    }
    const keep = new Uint32Array(n);
    let m = 0;
    let previous = -1;
    for (let j = 0; j < n; j++) {
      const i = order ? order[j] : j;
      if (this.keys[i] === previous) continue; // first row of a duplicated postcode wins
      previous = this.keys[i];
      keep[m++] = i;
    }
    const pick = <T extends Float64Array | Float32Array | Uint8Array | Uint32Array>(a: T, make: (n: number) => T): T => {
      const out = make(m);
      for (let j = 0; j < m; j++) out[j] = a[keep[j]];
      return out;
    };
    return {
      count: m,
      keys: pick(this.keys, (k) => new Float64Array(k)),
      lat: pick(this.lat, (k) => new Float32Array(k)),
      lon: pick(this.lon, (k) => new Float32Array(k)),
      flags: pick(this.flags, (k) => new Uint8Array(k)),
      ruc: pick(this.ruc, (k) => new Uint8Array(k)),
      rucCodes: this.rucCodes,
      lsoa: pick(this.lsoa, (k) => new Uint32Array(k)),
      lsoaCodes: this.lsoaCodes,
      stats: { columns: this.columns, ...this.stats, duplicates: n - m },
      problems: this.problems,
    };
  }
}

export type TextSource = string | Blob | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string>;

export interface LookupLoadOptions extends ImportOptions {
  /** Layout of the file; guessed from its first line when absent. */
  columns?: LookupColumns;
  /** Size of the source in bytes, for progress (a Blob's size is used automatically). */
  totalBytes?: number;
  /** Name the problems give for the file. */
  file?: string;
}

/** Text chunks of a source, decoding UTF-8 bytes as they arrive. */
async function* textChunks(source: TextSource): AsyncGenerator<{ text: string; bytes: number }> {
  if (typeof source === 'string') {
    // Slice so progress moves and cancellation is checked on large strings too.
    const step = 4 << 20;
    for (let i = 0; i < source.length; i += step) yield { text: source.slice(i, i + step), bytes: Math.min(step, source.length - i) };
    return;
  }
  const decoder = new TextDecoder();
  const stream = source instanceof Blob ? source.stream() : source;
  if (stream instanceof ReadableStream) {
    const reader = stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield { text: decoder.decode(value, { stream: true }), bytes: value.byteLength };
    }
  } else {
    for await (const chunk of stream) {
      if (typeof chunk === 'string') yield { text: chunk, bytes: chunk.length };
      else yield { text: decoder.decode(chunk, { stream: true }), bytes: chunk.byteLength };
    }
  }
  const rest = decoder.decode();
  if (rest) yield { text: rest, bytes: 0 };
}

/** Reads a whole ONSPD / NSPL / Code-Point Open CSV into a lookup. */
export async function loadPostcodeLookup(source: TextSource, options: LookupLoadOptions = {}): Promise<PostcodeLookup> {
  const builder = new PostcodeLookupBuilder(options.columns, options.file);
  const total = options.totalBytes ?? (source instanceof Blob ? source.size : typeof source === 'string' ? source.length : 0);
  let done = 0;
  for await (const { text, bytes } of textChunks(source)) {
    checkAborted(options.signal);
    builder.push(text);
    done += bytes;
    options.onProgress?.({ phase: 'reading postcode lookup', fraction: total > 0 ? Math.min(1, done / total) : 0 });
  }
  const lookup = builder.finish();
  options.onProgress?.({ phase: 'reading postcode lookup', fraction: 1 });
  return lookup;
}

/** Index of a postcode (any spacing or case) in the lookup, or -1. */
export function findPostcode(lookup: PostcodeLookup, postcode: string): number {
  const key = postcodeKeyOf(postcode);
  if (key < 0) return -1;
  const keys = lookup.keys;
  let lo = 0;
  let hi = lookup.count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid];
    if (k < key) lo = mid + 1;
    else if (k > key) hi = mid - 1;
    else return mid;
  }
  return -1;
}

export interface PostcodeEntry {
  postcode: string;
  /** NaN when the postcode has no location (non-geographic). */
  lat: number;
  lon: number;
  terminated: boolean;
  hasLocation: boolean;
  /** RUC11 code ("" when the file has none). */
  ruc: string;
  lsoa: string;
}

export function postcodeEntry(lookup: PostcodeLookup, i: number): PostcodeEntry {
  const flags = lookup.flags[i];
  return {
    postcode: postcodeFromKey(lookup.keys[i]),
    lat: lookup.lat[i],
    lon: lookup.lon[i],
    terminated: (flags & TERMINATED) !== 0,
    hasLocation: (flags & NO_LOCATION) === 0,
    ruc: lookup.rucCodes[lookup.ruc[i]],
    lsoa: lookup.lsoaCodes[lookup.lsoa[i]],
  };
}
