// The full postcode lookup (ONSPD / NSPL / Code-Point Open, 1.7-2.7 million
// postcodes) is read once per machine and kept in IndexedDB, in its own
// database so clearing it never touches the autosaved project. Browser only
// (the worker writes and reads it, the import dialog shows and clears it);
// not exported from index.ts so the node import core stays DOM-free.
import Dexie, { type Table } from 'dexie';
import type { PostcodeLookup } from './lookup';

/** What the dialog shows about the cached lookup, without loading its arrays. */
export interface LookupMeta {
  fileName: string;
  count: number;
  /** When it was loaded, ISO 8601. */
  loadedAt: string;
  terminated: number;
  withoutLocation: number;
}

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
    terminated: lookup.stats.terminated, withoutLocation: lookup.stats.withoutLocation,
  };
  const d = open();
  await d.transaction('rw', d.meta, d.lookup, async () => {
    await d.lookup.put({ key: 'lookup', value: lookup });
    await d.meta.put({ key: 'lookup', value: meta });
  });
  return meta;
}

export async function lookupMeta(): Promise<LookupMeta | null> {
  return (await open().meta.get('lookup'))?.value ?? null;
}

export async function cachedLookup(): Promise<PostcodeLookup | null> {
  return (await open().lookup.get('lookup'))?.value ?? null;
}

export async function clearLookup(): Promise<void> {
  const d = open();
  await d.transaction('rw', d.meta, d.lookup, async () => {
    await d.meta.clear();
    await d.lookup.clear();
  });
}
