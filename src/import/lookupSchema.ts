// The postcode lookup kept in IndexedDB, checked when it is read back: another
// version of the app, a browser extension or a half-written record could have
// left something else there, and users would be placed from it. The arrays
// hold millions of values, so their contents are checked in plain loops (as
// the project file's positions are: docs/decisions/0004-valibot.md); the
// shape, with valibot.
import * as v from 'valibot';
import { parseWith, range, record, SchemaError, text } from '../../solver/schema';
import { UK_BOX } from './bng';
import { NO_LOCATION, type PostcodeLookup } from './lookup';

export class LookupCacheError extends Error {}

const typed = <T>(type: { new (...args: never[]): T; name?: string }, name: string) =>
  v.custom<T>((x) => x instanceof type, (issue) => `must be a ${name}, found ${issue.input === null ? 'null' : typeof issue.input}`);

const count = range(0, 10_000_000, { integer: true });
const codes = v.array(text(20), 'must be a list of codes');

const LOOKUP_SCHEMA = record({
  count,
  keys: typed(Float64Array, 'Float64Array'),
  lat: typed(Float32Array, 'Float32Array'),
  lon: typed(Float32Array, 'Float32Array'),
  flags: typed(Uint8Array, 'Uint8Array'),
  ruc: typed(Uint8Array, 'Uint8Array'),
  rucCodes: codes,
  lsoa: typed(Uint32Array, 'Uint32Array'),
  lsoaCodes: codes,
  stats: record({ rowsRead: count, rowsSkipped: count, duplicates: count, terminated: count, withoutLocation: count }),
  problems: v.optional(v.array(v.unknown()), []),
});

export const LOOKUP_META_SCHEMA = record({
  fileName: text(500),
  count,
  loadedAt: v.pipe(v.string(), v.isoTimestamp('must be a date and time')),
  terminated: count,
  withoutLocation: count,
  /** Rows of the file left out for a coordinate that is not a number or not in the UK. */
  refused: v.optional(count, 0),
  firstProblem: v.optional(v.nullable(text(1000)), null),
});

/** What the dialog shows about the cached lookup, without loading its arrays. */
export type LookupMeta = v.InferOutput<typeof LOOKUP_META_SCHEMA>;

/** What is wrong with the arrays' contents, or null. */
function contentProblem(l: v.InferOutput<typeof LOOKUP_SCHEMA>): string | null {
  for (const k of ['keys', 'lat', 'lon', 'flags', 'ruc', 'lsoa'] as const) {
    if (l[k].length !== l.count) return `${k}: has ${l[k].length} entries; count says ${l.count}`;
  }
  for (let i = 0; i < l.count; i++) {
    const key = l.keys[i];
    if (!(Number.isInteger(key) && key >= 0) || (i > 0 && !(key > l.keys[i - 1]))) return `keys[${i}]: postcode keys must be whole numbers in increasing order, found ${key}`;
    if (l.flags[i] & NO_LOCATION) continue;
    const [lat, lon] = [l.lat[i], l.lon[i]];
    // Float32 rounding can put a point on the box edge a hair outside it.
    if (!(lat >= UK_BOX.lat[0] - 1e-4 && lat <= UK_BOX.lat[1] + 1e-4)) return `lat[${i}]: must be a latitude from ${UK_BOX.lat[0]} to ${UK_BOX.lat[1]} (the UK), found ${lat}`;
    if (!(lon >= UK_BOX.lon[0] - 1e-4 && lon <= UK_BOX.lon[1] + 1e-4)) return `lon[${i}]: must be a longitude from ${UK_BOX.lon[0]} to ${UK_BOX.lon[1]} (the UK), found ${lon}`;
    if (l.ruc[i] >= l.rucCodes.length) return `ruc[${i}]: ${l.ruc[i]} is not one of the ${l.rucCodes.length} codes`;
    if (l.lsoa[i] >= l.lsoaCodes.length) return `lsoa[${i}]: ${l.lsoa[i]} is not one of the ${l.lsoaCodes.length} codes`;
  }
  return null;
}

function parsed<S extends v.GenericSchema>(schema: S, value: unknown, what: string): v.InferOutput<S> {
  try {
    return parseWith(schema, value);
  } catch (e) {
    if (e instanceof SchemaError) throw new LookupCacheError(`${what} cannot be used (${e.message}); load the lookup file again`);
    throw e;
  }
}

/** The cached lookup, checked; throws a LookupCacheError saying what is wrong. */
export function readCachedLookup(value: unknown): PostcodeLookup {
  const l = parsed(LOOKUP_SCHEMA, value, 'The postcode lookup saved on this computer');
  const problem = contentProblem(l);
  if (problem) throw new LookupCacheError(`The postcode lookup saved on this computer cannot be used (${problem}); load the lookup file again`);
  return value as PostcodeLookup;
}

export function readLookupMeta(value: unknown): LookupMeta {
  return parsed(LOOKUP_META_SCHEMA, value, 'The record of the postcode lookup saved on this computer');
}
