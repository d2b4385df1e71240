// Imported tables never lose rows silently: parser errors are problems with a
// row and column, a file broken by an unclosed quote is refused with the row
// where it breaks, Windows-1252 and UTF-16 files read as the council wrote
// them, and a loaded postcode lookup beats the built-in guesses.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readBoundaries } from '../../../src/import/boundaries';
import { guessUserMapping, readCsv } from '../../../src/import/csv';
import { FALLBACK_FILES, parseFallback } from '../../../src/import/fallback';
import { geocode } from '../../../src/import/geocode';
import { loadPostcodeLookup } from '../../../src/import/lookup';
import { importServiceUsers } from '../../../src/import/pipeline';
import { projectFromFiles } from '../../../src/import/projectFromFiles';
import { buildPolygonUnits } from '../../../src/import/units';
import { parseUsers } from '../../../src/import/users';

const bad = (name: string) => new Uint8Array(readFileSync(`test/fixtures/bad/${name}`));
const badText = (name: string) => readFileSync(`test/fixtures/bad/${name}`, 'utf8');
const fallback = parseFallback(readFileSync(`public/${FALLBACK_FILES.sectors}`, 'utf8'), readFileSync(`public/${FALLBACK_FILES.districts}`, 'utf8'));
const unitsFile = { name: 'units.geojson', data: readFileSync('data/counties/lincolnshire/units.geojson', 'utf8') };
const embeddedUnits = async () => buildPolygonUnits(await readBoundaries(unitsFile), { id: 'id', name: 'name', ruc: 'ruc11cd' });

describe('CSV parser errors', () => {
  it('refuses a 200-row file whose stray quote would swallow 196 rows, naming the row where it breaks', async () => {
    const text = badText('users-stray-quote.csv');
    let refusal: unknown = null;
    try {
      readCsv(text);
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toMatchObject({ name: 'CsvRefused', row: 5, column: 'id' });
    expect((refusal as Error).message).toMatch(/^Row 5, column "id": a quote mark opens a value that never closes, so the 196 lines after it would be read as one cell\. Nothing was imported/);
    await expect(importServiceUsers({ text, sources: { fallback }, units: await embeddedUnits() })).rejects.toThrow(/Row 5/);
  });

  it('rejects a row with more cells than the header, with its row, instead of reading shifted columns', () => {
    const t = readCsv('id,postcode,weekly_hours\nA,LN2 1LJ,5\nB,Flat 2, The Mill,LN5 0PU,7\n');
    expect(t.problems).toMatchObject([{ row: 3, severity: 'error', message: expect.stringMatching(/5 cells but the header has 3.*comma/) }]);
    const parsed = parseUsers(t, guessUserMapping(t.headers));
    expect(parsed.records.map((r) => r.row)).toEqual([2]);
    expect(parsed.problems).toMatchObject([{ file: 'service users', row: 3, severity: 'error' }]);
    expect(parsed.rejectedHours.size).toBe(0); // its "hours" cell holds a postcode: nothing to count
  });

  it('reports a malformed quote with its row and column and rejects that row only', () => {
    const t = readCsv('id,postcode,weekly_hours\n"A"1",LN2 1LJ,5\nB,LN5 0PU,7\n');
    expect(t.problems).toEqual([{ row: 2, column: 'id', value: 'A"1', severity: 'error', message: expect.stringMatching(/quotes in this row are malformed/) }]);
    expect(parseUsers(t, guessUserMapping(t.headers)).records.map((r) => r.row)).toEqual([3]);
  });

  it('drops a preview\'s last row cut off inside a quoted value, but refuses the same text as a whole file', () => {
    const text = 'id,note\nA,"one"\nB,"tw';
    expect(readCsv(text, { truncated: true }).rows).toEqual([['A', 'one']]);
    expect(() => readCsv(text)).toThrow(/^Row 3, column "note": a quote mark opens a value that never closes, so the rest of the file/);
  });
});

describe('text encodings', () => {
  it('reads Excel\'s Windows-1252 "CSV": zone names keep their accents and the report says what was assumed', async () => {
    const r = await projectFromFiles({
      name: 'cp1252', units: { kind: 'boundary', file: unitsFile, fields: { id: 'id', name: 'name', ruc: 'ruc11cd' } },
      users: { text: bad('users-windows-1252.csv'), mapping: guessUserMapping(['id', 'postcode', 'weekly_hours', 'carers', 'waiting', 'current_zone']) },
      bases: null, zones: { kind: 'usersColumn' }, sources: { fallback },
    });
    expect(r.project.model.zones.map((z) => z.name).sort()).toEqual(['Café Quarter', 'Göxhill', 'Saint-Étienne Row', 'Señora Park']);
    expect(r.users.counts.rowsImported).toBe(20);
    expect(r.problems).toContainEqual(expect.objectContaining({ file: 'service users', row: null, severity: 'warning', message: expect.stringMatching(/^Read as Windows-1252 .*not UTF-8.*\(ñ, é, É, ö\)/) }));
  });

  it('reads Excel\'s "Unicode Text" (UTF-16 with a BOM, tab separated)', async () => {
    const r = await importServiceUsers({ text: bad('users-utf16.txt'), sources: { fallback }, units: await embeddedUnits() });
    expect(r.report.counts.rowsImported).toBe(20);
    expect(r.users.map((u) => u.zone)).toContain('Señora Park');
    expect(r.report.problems[0]).toMatchObject({ row: null, severity: 'warning', message: expect.stringMatching(/^Read as UTF-16LE/) });
  });

});

describe('a loaded postcode lookup', () => {
  it('places LE55 postcodes it holds, although the built-in list calls LE55 non-geographic', async () => {
    const lookup = await loadPostcodeLookup(badText('lookup-le55.csv'));
    const t = readCsv(badText('users-le55.csv'));
    const users = parseUsers(t, guessUserMapping(t.headers)).records;
    const g = geocode(users, { lookup, fallback }, 'service users');
    expect(g.placement).toEqual(['exact', 'exact', 'exact', 'exact']);
    expect(g.problems).toEqual([]);
    const r = await importServiceUsers({ text: badText('users-le55.csv'), sources: { lookup, fallback }, units: await embeddedUnits() });
    expect(r.report.counts).toMatchObject({ rowsImported: 4, hoursImported: 31, hoursRejected: 0 });
  });

  it('still refuses a listed non-geographic district the lookup does not hold', async () => {
    const lookup = await loadPostcodeLookup(badText('lookup-le55.csv'));
    const g = geocode([{ row: 2, postcode: 'LE87 2BB', lon: null, lat: null }], { lookup, fallback }, 'service users');
    expect(g.placement).toEqual(['none']);
    expect(g.problems[0].message).toMatch(/non-geographic .*not in the postcode lookup/);
  });
});
