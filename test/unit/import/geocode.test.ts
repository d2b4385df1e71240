import { describe, expect, it } from 'vitest';
import { haversineMetres } from '../../../solver/travel';
import { guessUserMapping, readCsv } from '../../../src/import/csv';
import { FALLBACK_FILES, parseFallback } from '../../../src/import/fallback';
import { geocode } from '../../../src/import/geocode';
import { loadPostcodeLookup } from '../../../src/import/lookup';
import { parseUsers } from '../../../src/import/users';
import { fixtureText, publicText } from './helpers';

const fallback = parseFallback(publicText(FALLBACK_FILES.sectors), publicText(FALLBACK_FILES.districts));
const users = (() => {
  const table = readCsv(fixtureText('messy-users.csv'));
  return parseUsers(table, guessUserMapping(table.headers)).records;
})();
const byRow = (rows: number[]) => users.filter((u) => rows.includes(u.row));

describe('geocode with a full lookup and the shipped fallback', async () => {
  const lookup = await loadPostcodeLookup(fixtureText('nspl-small.csv'));
  const g = geocode(users, { lookup, fallback }, 'service users', 'Post Code');
  const placementOf = (row: number) => g.placement[users.findIndex((u) => u.row === row)];
  const problemsOf = (row: number) => g.problems.filter((p) => p.row === row);

  it('places full postcodes exactly, with their RUC11 code', () => {
    expect(placementOf(2)).toBe('exact');
    const k = users.findIndex((u) => u.row === 2);
    expect(haversineMetres(g.lon[k], g.lat[k], -0.53735, 53.23116)).toBeLessThan(1);
    expect(g.ruc[k]).toBe('C1');
    expect(problemsOf(2)).toEqual([]);
  });

  it('reports unknown, terminated, non-geographic and grid-less postcodes and does not place them', () => {
    expect(problemsOf(6)).toEqual([{ file: 'service users', row: 6, column: 'Post Code', value: 'ZZ99 9ZZ', severity: 'error', message: 'Unknown postcode: ZZ99 9ZZ is not in the postcode lookup, nor its sector or district' }]);
    expect(problemsOf(14)).toMatchObject([{ value: 'BX1 1LT', severity: 'error', message: expect.stringContaining('non-geographic') }]);
    expect(problemsOf(15)).toMatchObject([{ value: 'LN1 1AB', severity: 'error', message: expect.stringContaining('terminated') }]);
    expect(problemsOf(16)).toMatchObject([{ value: 'LN1 9ZZ', severity: 'error', message: expect.stringContaining('no grid reference') }]);
    for (const row of [6, 14, 15, 16]) expect(placementOf(row)).toBe('none');
    for (const row of [6, 14, 15, 16]) expect(Number.isNaN(g.lon[users.findIndex((u) => u.row === row)])).toBe(true);
  });

  it('falls back to the sector centre, with a warning, for a postcode missing from the lookup', () => {
    const r = geocode([{ row: 2, postcode: 'LN2 1ZZ', lon: null, lat: null }], { lookup, fallback }, 'service users');
    expect(r.placement).toEqual(['sector']);
    expect(r.problems).toMatchObject([{ severity: 'warning', message: 'Placed approximately at the centre of postcode sector LN2 1: LN2 1ZZ is not in the postcode lookup' }]);
  });
});

describe('geocode with only the shipped fallback', () => {
  const g = geocode(byRow([2, 3, 17]), { fallback }, 'service users');

  it('places every valid postcode approximately at its sector centre, saying so', () => {
    expect(g.placement).toEqual(['sector', 'sector', 'sector']);
    expect(g.problems).toHaveLength(3);
    expect(g.problems.every((p) => p.severity === 'warning' && p.message.includes('no full postcode lookup is loaded'))).toBe(true);
  });

  it('uses the district centre outside Lincolnshire and refuses PO-box districts', () => {
    const r = geocode(
      [{ row: 2, postcode: 'SW1A 1AA', lon: null, lat: null }, { row: 3, postcode: 'LE87 2BB', lon: null, lat: null }],
      { fallback }, 'service users',
    );
    expect(r.placement).toEqual(['district', 'none']);
    expect(r.problems[1]).toMatchObject({ severity: 'error', message: expect.stringContaining('non-geographic') });
  });

  it('uses given coordinates as they are', () => {
    const r = geocode([{ row: 2, postcode: null, lon: -0.5, lat: 53.1 }], {}, 'service users');
    expect(r.placement).toEqual(['coordinates']);
    expect([r.lon[0], r.lat[0]]).toEqual([-0.5, 53.1]);
  });

  it('reports every postcode as not placed when there is nothing to place it with', () => {
    const r = geocode(byRow([2]), {}, 'service users');
    expect(r.placement).toEqual(['none']);
    expect(r.problems[0].severity).toBe('error');
  });
});
