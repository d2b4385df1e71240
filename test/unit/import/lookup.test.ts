import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { haversineMetres } from '../../../solver/travel';
import {
  CODE_POINT_COLUMNS, findPostcode, guessLookupColumns, loadPostcodeLookup, postcodeEntry, PostcodeLookupBuilder,
} from '../../../src/import/lookup';
import { postcodeFromKey, postcodeKeyOf } from '../../../src/import/postcodes';
import { fixtureText, ukText } from './helpers';

type Row = Record<string, string>;
const lincs = new Map(
  Papa.parse<Row>(ukText('lincolnshire_postcodes_extract.csv'), { header: true, skipEmptyLines: true }).data.map((r) => [r.postcode, r]),
);
const districts = new Map(
  Papa.parse<Row>(ukText('uk_postcode_districts_extract.csv'), { header: true, skipEmptyLines: true }).data.map((r) => [r.outcode, r]),
);

describe('postcode keys', () => {
  it('round-trip any valid-shaped postcode and sort like the ONS pcd column', () => {
    const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPRSTUWYZ');
    const digit = fc.constantFrom(...'0123456789');
    const postcode = fc.tuple(letter, fc.option(letter), digit, fc.option(fc.oneof(letter, digit)), digit, letter, letter)
      .map(([a, b, c, d, e, f, g]) => `${a}${b ?? ''}${c}${d ?? ''} ${e}${f}${g}`);
    fc.assert(fc.property(postcode, postcode, (p, q) => {
      expect(postcodeFromKey(postcodeKeyOf(p))).toBe(p);
      expect(postcodeKeyOf(p.toLowerCase().replace(' ', ''))).toBe(postcodeKeyOf(p));
      const pcd = (x: string) => { const [o, i] = x.split(' '); return `${o.padEnd(4)}${i}`; };
      expect(postcodeKeyOf(p) < postcodeKeyOf(q)).toBe(pcd(p) < pcd(q));
    }));
  });

  it('rejects text that cannot be a postcode', () => {
    expect(postcodeKeyOf('')).toBe(-1);
    expect(postcodeKeyOf('LN1')).toBe(-1);
    expect(postcodeKeyOf('LN1 1AB!')).toBe(-1);
  });
});

describe('NSPL/ONSPD-shaped lookup', () => {
  it('finds the header columns by their ONS names', () => {
    const c = guessLookupColumns(fixtureText('nspl-small.csv').split('\n')[0]);
    expect(c).toMatchObject({ hasHeader: true, postcode: 2, terminated: 4, easting: 6, northing: 7, lsoa: 13, ruc: 15, latitude: 16, longitude: 17 });
  });

  it('keeps postcode, point, RUC, LSOA and the terminated flag', async () => {
    const lookup = await loadPostcodeLookup(fixtureText('nspl-small.csv'));
    expect(lookup.count).toBe(10);
    const e = postcodeEntry(lookup, findPostcode(lookup, 'ln21lj'));
    expect(e).toMatchObject({ postcode: 'LN2 1LJ', ruc: 'C1', lsoa: 'E01026122', terminated: false, hasLocation: true });
    const ref = lincs.get('LN2 1LJ')!;
    expect(haversineMetres(e.lon, e.lat, Number(ref.longitude), Number(ref.latitude))).toBeLessThan(10);
    expect(postcodeEntry(lookup, findPostcode(lookup, 'LN1 1AB')).terminated).toBe(true);
    expect(postcodeEntry(lookup, findPostcode(lookup, 'LN1 9ZZ')).hasLocation).toBe(false);
    expect(findPostcode(lookup, 'LN1 1AA')).toBe(-1);
    expect(lookup.stats).toMatchObject({ rowsRead: 10, rowsSkipped: 0, terminated: 1, withoutLocation: 1, duplicates: 0 });
  });

  it('gives the same lookup whatever the chunk boundaries', async () => {
    const text = fixtureText('nspl-small.csv');
    const whole = new PostcodeLookupBuilder();
    whole.push(text);
    const expected = whole.finish();
    for (const size of [1, 7, 64]) {
      const b = new PostcodeLookupBuilder();
      for (let i = 0; i < text.length; i += size) b.push(text.slice(i, i + size));
      expect(b.finish()).toEqual(expected);
    }
  });

  it('streams bytes, reports progress and sorts unsorted input', async () => {
    const lines = fixtureText('nspl-small.csv').trim().split('\r\n');
    const shuffled = [lines[0], ...lines.slice(1).reverse()].join('\n');
    const bytes = new TextEncoder().encode(shuffled);
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 100) yield bytes.subarray(i, i + 100);
    }
    const fractions: number[] = [];
    const lookup = await loadPostcodeLookup(chunks(), { totalBytes: bytes.length, onProgress: (p) => fractions.push(p.fraction) });
    const keys = [...lookup.keys];
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    expect(postcodeEntry(lookup, findPostcode(lookup, 'PE22 0RX')).ruc).toBe('E1');
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.length).toBeGreaterThan(5);
  });

  it('reads a Blob (how the worker gets a File) and can be cancelled', async () => {
    const blob = new Blob([fixtureText('nspl-small.csv')]);
    expect((await loadPostcodeLookup(blob)).count).toBe(10);
    const controller = new AbortController();
    controller.abort();
    await expect(loadPostcodeLookup(blob, { signal: controller.signal })).rejects.toThrow();
  });

  it('is structured-cloneable for IndexedDB and the worker', async () => {
    const lookup = await loadPostcodeLookup(fixtureText('nspl-small.csv'));
    expect(structuredClone(lookup)).toEqual(lookup);
  });

  it('reads the Lincolnshire postcode file by its header names', async () => {
    const text = ukText('lincolnshire_postcodes_extract.csv');
    const lookup = await loadPostcodeLookup(text);
    expect(lookup.count).toBe(1_263);
    const e = postcodeEntry(lookup, findPostcode(lookup, 'PE21 6NH'));
    expect(e).toMatchObject({ ruc: lincs.get('PE21 6NH')!.ruc11cd, lsoa: lincs.get('PE21 6NH')!.lsoa11cd });
  });

  it('explains a file with no postcode column', () => {
    const b = new PostcodeLookupBuilder();
    expect(() => b.push('a,b,c\n1,2,3\n')).toThrow(/No postcode column/);
  });
});

describe('Code-Point Open shaped lookup (no header, British National Grid)', () => {
  it('detects the headerless layout', () => {
    expect(guessLookupColumns(fixtureText('codepoint-small.csv').split('\n')[0])).toEqual(CODE_POINT_COLUMNS);
  });

  it('converts eastings/northings to WGS84 within 10 m of the published lat/long', async () => {
    const lookup = await loadPostcodeLookup(fixtureText('codepoint-small.csv'));
    expect(lookup.count).toBe(3);
    for (const [postcode, district] of [['LN1 1AB', 'LN1'], ['NG34 7EU', 'NG34'], ['PE21 6NH', 'PE21']]) {
      const e = postcodeEntry(lookup, findPostcode(lookup, postcode));
      const ref = districts.get(district)!;
      expect(haversineMetres(e.lon, e.lat, Number(ref.longitude), Number(ref.latitude))).toBeLessThan(10);
    }
  });
});
