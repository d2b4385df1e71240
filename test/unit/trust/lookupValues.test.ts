// Postcode lookups are checked, not only parsed: a coordinate that is not a
// number or not in the UK refuses its row with the row and column (a longitude
// of 1e308 used to become Infinity in the lookup); the lookup kept in
// IndexedDB is checked when read back; a provider base's capacity has a range.
import { describe, expect, it } from 'vitest';
import { findPostcode, LOOKUP_PROBLEMS_KEPT, loadPostcodeLookup, postcodeEntry } from '../../../src/import/lookup';
import { LookupCacheError, readCachedLookup, readLookupMeta } from '../../../src/import/lookupSchema';
import { parseBases } from '../../../src/import/bases';
import { readCsv } from '../../../src/import/csv';
import { guessBaseMapping } from '../../../src/import/csv';

const HEADER = 'pcds,lat,long,oseast1m,osnrth1m';
const lookupOf = (rows: string[], file = 'lookup.csv') => loadPostcodeLookup([HEADER, ...rows].join('\n') + '\n', { file });

describe('a postcode lookup CSV', () => {
  it('refuses a longitude of 1e308 with its row and column, and keeps the other rows', async () => {
    const l = await lookupOf(['LN2 1LJ,53.231160,-0.537350,497731,371456', 'LN5 0PU,53.055240,1e308,494936,351823', 'LN8 2BX,53.422280,-0.519940,498453,392740']);
    expect(l.count).toBe(2);
    expect(findPostcode(l, 'LN5 0PU')).toBe(-1);
    expect(l.stats.rowsRefused).toBe(1);
    expect(l.problems).toEqual([
      {
        file: 'lookup.csv', row: 3, column: 'long', value: '1e308', severity: 'error',
        message: 'Row 3: longitude must be a number from -8.7 to 2.1 (the UK), found "1e308"; the row is left out',
      },
    ]);
    expect([...l.lon].every(Number.isFinite)).toBe(true);
  });

  it.each([
    ['a latitude outside the UK', 'LN2 1LJ,45.1,-0.53,,', 'lat', '45.1', /latitude must be a number from 49 to 61/],
    ['a latitude that is not a number', 'LN2 1LJ,fifty-three,-0.53,,', 'lat', 'fifty-three', /latitude must be a number/],
    ['a longitude missing beside a latitude', 'LN2 1LJ,53.2,,,', 'long', '', /longitude must be a number/],
    ['an easting off the grid', 'LN2 1LJ,,,9000000,371456', 'oseast1m', '9000000', /easting must be a number from 0 to 700,000/],
    ['a northing that is not a number', 'LN2 1LJ,,,497731,north', 'osnrth1m', 'north', /northing must be a number/],
  ])('refuses %s, naming the column', async (_, row, column, value, message) => {
    const l = await lookupOf([row]);
    expect(l.count).toBe(0);
    expect(l.problems[0]).toMatchObject({ row: 2, column, value });
    expect(l.problems[0].message).toMatch(message);
  });

  it.each([
    ['a latitude written in hexadecimal (0x35 = 53)', 'LN2 1LJ,0x35,-0.53,,', 'lat', '0x35', /latitude must be a number from 49 to 61/],
    ['a longitude written in hexadecimal (0x1 = 1)', 'LN2 1LJ,53.2,0x1,,', 'long', '0x1', /longitude must be a number from -8\.7 to 2\.1/],
  ])('refuses %s, which a plain Number() reads as a UK coordinate', async (_, row, column, value, message) => {
    const l = await lookupOf([row]);
    expect(l.count).toBe(0);
    expect(l.problems[0]).toMatchObject({ row: 2, column, value });
    expect(l.problems[0].message).toMatch(message);
  });

  it('refuses a row with a decimal comma, whose cells no longer line up with the header', async () => {
    // "53,2" splits the latitude in two: 53 and 2 would be read as a latitude and longitude in Lincolnshire.
    const l = await lookupOf(['LN2 1LJ,53.231160,-0.537350,497731,371456', 'LN5 0PU,53,2,-0,5,494936,351823']);
    expect(findPostcode(l, 'LN5 0PU')).toBe(-1);
    expect(l.count).toBe(1);
    expect(l.problems).toEqual([expect.objectContaining({ row: 3, severity: 'error', message: 'Row 3: has 7 cells; the header has 5 (a comma inside a number, such as "53,2", splits a cell in two); the row is left out' })]);
  });

  it('refuses a row cut short or with a quote left open, by its row', async () => {
    const l = await lookupOf(['LN2 1LJ,53.231160', 'LN5 0PU,"53.05,-0.58,,', 'LN8 2BX,53.422280,-0.519940,498453,392740']);
    expect(l.count).toBe(1);
    expect(l.problems.map((p) => p.row)).toEqual([2, 3]);
    expect(l.problems[0].message).toMatch(/^Row 2: has fewer cells than the header's 5, or a quote that is not closed; the row is left out$/);
    expect(l.stats.rowsRefused).toBe(2);
  });

  it('refuses a row whose postcode cell is not a postcode, naming it', async () => {
    const l = await lookupOf(['LN2 1LJ,53.231160,-0.537350,,', 'LN2 ??,53.2,-0.5,,', ',53.2,-0.5,,']);
    expect(l.count).toBe(1);
    expect(l.problems.map((p) => [p.row, p.column, p.value])).toEqual([[3, 'pcds', 'LN2 ??'], [4, 'pcds', '']]);
    expect(l.problems[0].message).toBe('Row 3: "LN2 ??" is not a postcode; the row is left out');
    expect(l.stats).toMatchObject({ rowsRefused: 2, rowsSkipped: 2 });
  });

  it('keeps postcodes the file says have no location (ONSPD writes 99.999999, 0), without a problem', async () => {
    const l = await lookupOf(['LN1 9ZZ,99.999999,0.000000,,', 'LN1 9ZY,,,0,0']);
    expect(l.count).toBe(2);
    expect(l.problems).toEqual([]);
    expect(postcodeEntry(l, findPostcode(l, 'LN1 9ZZ')).hasLocation).toBe(false);
  });

  it('names the column by number in a headerless Code-Point Open file', async () => {
    const l = await loadPostcodeLookup('"LN1 1AB",10,494194,374578\n"LN1 1AD",10,-5,374578\n');
    expect(l.count).toBe(1);
    expect(l.problems[0]).toMatchObject({ row: 2, column: 'column 3', value: '-5' });
  });

  it(`keeps the first ${LOOKUP_PROBLEMS_KEPT} refused rows and counts them all`, async () => {
    const bad = Array.from({ length: 150 }, (_, i) => `LN${(i % 9) + 1} ${i % 10}A${String.fromCharCode(65 + (i % 26))},53.2,1e308,,`);
    const l = await lookupOf(bad);
    expect(l.stats.rowsRefused).toBe(150);
    expect(l.problems).toHaveLength(LOOKUP_PROBLEMS_KEPT);
    expect(l.problems.at(-1)!.row).toBe(LOOKUP_PROBLEMS_KEPT + 1);
  });
});

describe('the lookup kept on this computer', () => {
  const good = () => lookupOf(['LN2 1LJ,53.231160,-0.537350,,', 'LN5 0PU,53.055240,-0.585020,,']);

  it('is read back as saved', async () => {
    const l = await good();
    expect(readCachedLookup(structuredClone(l))).toEqual(l);
  });

  it.each([
    ['a plain object for an array', (l: any) => (l.lat = { 0: 53 }), /lat: must be a Float32Array/],
    ['arrays of the wrong length', (l: any) => (l.lon = new Float32Array(1)), /lon: has 1 entries; count says 2/],
    ['a position outside the UK', (l: any) => (l.lon[1] = Infinity), /lon\[1\]: must be a longitude from -8\.7 to 2\.1 \(the UK\), found Infinity/],
    ['keys out of order', (l: any) => (l.keys[1] = l.keys[0]), /keys\[1\]: postcode keys must be whole numbers in increasing order/],
    ['an RUC index past its codes', (l: any) => (l.ruc[0] = 9), /ruc\[0\]: 9 is not one of the 1 codes/],
    ['a count that is not a number', (l: any) => (l.count = '2'), /count: must be a whole number/],
  ])('is refused with what is wrong when it holds %s', async (_, spoil, message) => {
    const l = structuredClone(await good()) as any;
    spoil(l);
    expect(() => readCachedLookup(l)).toThrow(LookupCacheError);
    expect(() => readCachedLookup(l)).toThrow(message);
    expect(() => readCachedLookup(l)).toThrow(/load the lookup file again/);
  });

  it('has its record checked too', () => {
    const meta = { fileName: 'NSPL.csv', count: 2, loadedAt: '2026-01-02T10:00:00.000Z', terminated: 0, withoutLocation: 0 };
    expect(readLookupMeta(meta)).toMatchObject({ ...meta, refused: 0, firstProblem: null });
    expect(() => readLookupMeta({ ...meta, count: -1 })).toThrow(/count: must be a whole number from 0 to 10,000,000/);
  });
});

describe('a provider bases file', () => {
  const bases = (capacity: string) => {
    const table = readCsv(`name,postcode,capacity_hours\nBoston base,PE21 6NH,${capacity}\n`);
    return parseBases(table, guessBaseMapping(table.headers));
  };

  it.each(['9999999', '-5'])('refuses a capacity of %s hours a week, saying the range', (capacity) => {
    const r = bases(capacity);
    expect(r.records).toHaveLength(0);
    expect(r.problems[0]).toMatchObject({ row: 2, column: 'capacity_hours', value: capacity, severity: 'error' });
    expect(r.problems[0].message).toMatch(/Capacity must be a number from 0 to 100,000 h\/week/);
  });

  it('keeps a base with a capacity in range', () => {
    expect(bases('700').records[0]).toMatchObject({ name: 'Boston base', capacityHours: 700 });
  });
});
