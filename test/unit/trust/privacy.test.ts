// No personal data in the browser's localStorage: the column-mapping memory
// keeps header names only, so a users file without a header row (its first
// person's row read as headers) is not remembered.
import { beforeEach, describe, expect, it } from 'vitest';
import { looksLikeHeaderRow, recallMapping, rememberMapping } from '../../../src/ui/import/mappingMemory';

const store = new Map<string, string>();
beforeEach(() => {
  store.clear();
  Object.assign(globalThis, {
    localStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) },
  });
});

describe('the column-mapping memory', () => {
  it('stores nothing of a headerless users file, whose first row is a person', () => {
    const firstPerson = ['SU00001', 'PE12 7DS', '7', '1', 'no'];
    rememberMapping('users', firstPerson, { id: 'SU00001', postcode: 'PE12 7DS' });
    expect(store.size).toBe(0);
    expect([...store.keys(), ...store.values()].join()).not.toMatch(/PE12|SU00001/);
  });

  it('remembers a real header row and recalls it', () => {
    const headers = ['Service User Ref', 'Post Code', 'Hrs per week'];
    rememberMapping('users', headers, { id: 'Service User Ref', postcode: 'Post Code' });
    expect(store.size).toBe(1);
    expect(recallMapping('users', headers, { id: null, postcode: null })).toEqual({ id: 'Service User Ref', postcode: 'Post Code' });
  });

  it('tells header rows from data rows', () => {
    expect(looksLikeHeaderRow(['id', 'postcode', 'weekly_hours'])).toBe(true);
    expect(looksLikeHeaderRow(['A12', 'LN2 1LJ', 'Lincoln'])).toBe(false);
    expect(looksLikeHeaderRow(['x', '12.5', 'y'])).toBe(false);
    expect(looksLikeHeaderRow(['x', '03/04/2024', 'y'])).toBe(false);
  });
});
