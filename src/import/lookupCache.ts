// The full postcode lookup (ONSPD / NSPL / Code-Point Open, 1.7-2.7 million
// postcodes) is read once per machine and kept in IndexedDB, in its own
// database so clearing it never touches the autosaved project. Browser only
// (the worker writes and reads it, the import dialog shows and clears it);
// not exported from index.ts so the node import core stays DOM-free.
import Dexie, { type Table } from 'dexie';
import type { PostcodeLookup } from './lookup';
import { readCachedLookup, readLookupMeta, type LookupMeta } from './lookupSchema';

export type { LookupMeta };

interface Row<T> {
  key: 'lookup';
  value: T;
}

class LookupDb extends Dexie {
  meta!: Table<Row<LookupMeta>, string>;
  lookup!: Table<Row<PostcodeLookup>, string>;
  constructor() {
    super('carezones-postcode-lookup');
    this.version(1).stores({ meta: 'key', lookup: 'key' });
  }
}

let db: LookupDb | null = null;
const open = () => (db ??= new LookupDb());

export async function saveLookup(fileName: string, lookup: PostcodeLookup): Promise<LookupMeta> {
  const meta: LookupMeta = {
    fileName, count: lookup.count, loadedAt: new Date().toISOString(),
    terminated: lookup.stats.terminated, withoutLocation: lookup.stats.withoutLocation, refused: lookup.stats.rowsRefused, firstProblem: lookup.problems[0]?.message ?? null,
  };
  const d = open();
  await d.transaction('rw', d.meta, d.lookup, async () => {
    await d.lookup.put({ key: 'lookup', value: lookup });
    await d.meta.put({ key: 'lookup', value: meta });
  });
  return meta;
}

/** The saved lookup's record, checked (a LookupCacheError says what is wrong); null when none is saved. */
export async function lookupMeta(): Promise<LookupMeta | null> {
  const row = await open().meta.get('lookup');
  return row ? readLookupMeta(row.value) : null;
}

/** The saved lookup, checked (a LookupCacheError says what is wrong); null when none is saved. */
export async function cachedLookup(): Promise<PostcodeLookup | null> {
  const row = await open().lookup.get('lookup');
  return row ? readCachedLookup(row.value) : null;
}

export async function clearLookup(): Promise<void> {
  const d = open();
  await d.transaction('rw', d.meta, d.lookup, async () => {
    await d.meta.clear();
    await d.lookup.clear();
  });
}
