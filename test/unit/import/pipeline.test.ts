import { describe, expect, it } from 'vitest';
import { readBoundaries } from '../../../src/import/boundaries';
import { readCsv } from '../../../src/import/csv';
import { FALLBACK_FILES, parseFallback } from '../../../src/import/fallback';
import { loadPostcodeLookup } from '../../../src/import/lookup';
import { importProviderBases, importServiceUsers } from '../../../src/import/pipeline';
import { countsToCsv, reportToCsv } from '../../../src/import/report';
import { buildPolygonUnits } from '../../../src/import/units';
import { fixtureText, publicText, ukText } from './helpers';

const fallback = parseFallback(publicText(FALLBACK_FILES.sectors), publicText(FALLBACK_FILES.districts));

async function lincolnshireLsoas() {
  const f = await readBoundaries({ name: 'lincolnshire_lsoa11.geojson', data: ukText('lincolnshire_lsoa11.geojson') });
  return buildPolygonUnits(f, { id: 'lsoa11cd', name: 'lsoa11nm', ruc: 'ruc11cd' });
}

describe('importing the messy users file into Lincolnshire LSOAs', async () => {
  const units = await lincolnshireLsoas();
  const lookup = await loadPostcodeLookup(fixtureText('nspl-small.csv'));
  const phases: string[] = [];
  const result = await importServiceUsers(
    { text: fixtureText('messy-users.csv'), sources: { lookup, fallback }, units },
    { onProgress: (p) => phases.push(p.phase) },
  );

  it('imports the good rows into the LSOA holding their postcode', () => {
    expect(result.users.map((u) => u.row)).toEqual([2, 3, 9, 12, 17]);
    const lsoaOf = (row: number) => result.units.ids[result.unitOfUser[result.users.findIndex((u) => u.row === row)]];
    expect(lsoaOf(2)).toBe('E01026122'); // LN2 1LJ
    expect(lsoaOf(17)).toBe('E01026411'); // LN8 2BX
    expect(result.demand.hours.reduce((a, b) => a + b, 0)).toBe(50.5);
    expect(result.demand.doubleHandedHours.reduce((a, b) => a + b, 0)).toBe(22);
    expect(result.demand.waitingHours.reduce((a, b) => a + b, 0)).toBe(18.5);
  });

  it('counts what was imported, rejected and affected', () => {
    expect(result.report.counts).toMatchObject({
      rowsRead: 14, rowsImported: 5, rejected: 9, placedExactly: 5, placedApproximately: 0,
      hoursImported: 50.5, hoursRejected: 36, hoursAffected: 36,
    });
    expect(result.report.counts.errors).toBe(9);
  });

  it('reports progress by phase and explains rurality', () => {
    expect(phases).toEqual(['reading service users', 'placing postcodes', 'counting users in units', 'done']);
    expect(result.report.notes[0]).toMatch(/^Rurality: 420 units from their own RUC11 code/);
  });

  it('exports the problems as spreadsheet-safe CSV, sorted by row', () => {
    const csv = reportToCsv(result.report);
    const rows = readCsv(csv).rows;
    expect(rows[0]).toEqual(['service users', '6', 'Post Code', 'ZZ99 9ZZ', 'error', 'Unknown postcode: ZZ99 9ZZ is not in the postcode lookup, nor its sector or district']);
    expect(rows.find((r) => r[1] === '9')![3]).toBe(`'=HYPERLINK("http://x","y")`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(countsToCsv(result.report)).toContain('rowsImported,5');
  });

  it('is structured-cloneable for the worker', () => {
    expect(structuredClone(result)).toEqual(result);
  });

  it('places approximately without a full lookup and says how many hours that touches', async () => {
    const approx = await importServiceUsers({ text: fixtureText('messy-users.csv'), sources: { fallback }, units });
    expect(approx.report.counts).toMatchObject({ placedExactly: 0, placedApproximately: approx.report.counts.rowsImported });
    expect(approx.report.counts.hoursApproximate).toBe(approx.report.counts.hoursImported);
  });

  it('can be cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(importServiceUsers({ text: fixtureText('messy-users.csv'), sources: { fallback }, units }, { signal: controller.signal })).rejects.toThrow();
  });
});

describe('importing provider bases', () => {
  it('places bases and splits a multi-zone base between its zones', async () => {
    const zones = ['1', '7', '8'].map((id) => ({ id, name: `Zone ${id}` }));
    const r = await importProviderBases({ text: publicText('templates/provider-bases.csv'), sources: { fallback }, zones });
    expect(r.bases.map((b) => [b.id, b.zone, b.capacityHours])).toEqual([['PB01', 0, 900], ['PB02', -1, 450], ['PB03/7', 1, 300], ['PB03/8', 2, 300]]);
    expect(r.report.problems).toContainEqual(expect.objectContaining({ row: 3, value: '10', severity: 'warning', message: 'Zone "10" is not one of the current zones; base kept without a zone' }));
  });
});
