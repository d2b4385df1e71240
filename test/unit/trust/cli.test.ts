// The analysts' CLI: an error that changes the result is a non-zero exit with
// the first problems (file, row, column) on the terminal and every one in a
// problems file; --strict fails on warnings too; summary.json holds aggregates
// and no figure about a unit below the privacy minimum.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { runOptimiseCli } from '../../../src/cli/optimise';

const dir = mkdtempSync(join(tmpdir(), 'carezones-trust-cli-'));
const f = (name: string) => join(dir, name);
const bad = (name: string) => `test/fixtures/bad/${name}`;

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runOptimiseCli(args, { log: (l) => out.push(l), error: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(() => {
  const units = JSON.parse(readFileSync('data/counties/lincolnshire/units.geojson', 'utf8'));
  const features = units.features.map((u: any) => ({
    type: 'Feature', geometry: u.geometry, properties: { LSOA11CD: u.properties.id, LSOA11NM: u.properties.name, RUC11CD: u.properties.ruc11cd },
  }));
  writeFileSync(f('units.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
  // Two features given the id of a third, as a join gone wrong in a GIS does.
  const repeated = features.map((x: any, i: number) => (i === 7 || i === 9 ? { ...x, properties: { ...x.properties, LSOA11CD: features[3].properties.LSOA11CD } } : x));
  writeFileSync(f('units-repeated-ids.geojson'), JSON.stringify({ type: 'FeatureCollection', features: repeated }));
  const sectors = Papa.parse<Record<string, string>>(readFileSync('data/counties/lincolnshire/zone-sectors.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
  writeFileSync(f('zones.csv'), Papa.unparse(sectors.map((r) => ({ 'Postcode sector': r.sector, Lot: r.zone }))));
  // Three people whose postcodes cannot be placed: the rest import.
  const users = readFileSync('data/counties/lincolnshire/service-users.csv', 'utf8').trim().split('\n');
  writeFileSync(f('users-some-bad.csv'), [...users.slice(0, 301), 'X1,ZZ99 9ZZ,12,1,no', 'X2,not a postcode,9,1,no', 'X3,,7,1,no'].join('\n') + '\n');
});

const base = (users = 'data/counties/lincolnshire/service-users.csv') => ['--users', users, '--bases', 'data/counties/lincolnshire/provider-bases.csv', '--units', f('units.geojson'), '--zones', f('zones.csv')];

describe('npm run optimise refuses what would change the result', () => {
  it('exits 1 on repeated unit ids, naming the features, instead of numbering the units 1..N', async () => {
    const r = await run(['--users', 'data/counties/lincolnshire/service-users.csv', '--units', f('units-repeated-ids.geojson'), '--zones', f('zones.csv'), '--score-only', '--out', f('dup')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/units-repeated-ids\.geojson row 8, column "LSOA11CD": Feature 8 \(index 7\) repeats unit id "E01026\d+" of feature 4/);
    expect(existsSync(f('dup'))).toBe(false);
    expect(readFileSync(f('dup-problems.csv'), 'utf8')).toMatch(/row|repeats unit id/);
  });

  it('exits 1 when the zone list names no area of the units', async () => {
    const r = await run(['--users', 'data/counties/lincolnshire/service-users.csv', '--units', f('units.geojson'), '--zones', bad('zones-no-known-area.csv'), '--score-only', '--out', f('nomatch')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no unit is in any zone/);
    expect(existsSync(f('nomatch'))).toBe(false);
  });

  it.each([
    ['rules-balance-lots.json', /balance: must be an object like \{"tolerance": 0\.2\} \(or null to turn the rule off\), found "lots"/],
    ['rules-tolerance-string.json', /balance\.tolerance: must be a number from 0 to 1, found "0\.25"/],
  ])('exits 1 on the rules file %s, saying what is allowed', async (file, message) => {
    const r = await run([...base(), '--rules', bad(file), '--out', f(`rules-${file}`)]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(existsSync(f(`rules-${file}`))).toBe(false);
  });

  it('exits 1 on a users file broken by a stray quote, with the row where it breaks', async () => {
    const r = await run([...base(bad('users-stray-quote.csv')), '--score-only', '--out', f('quote')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/users-stray-quote\.csv: Row 5, column "id": a quote mark opens a value that never closes/);
    expect(existsSync(f('quote'))).toBe(false);
  });

  it('exits 4 when rows are rejected: files written without them, the first problems shown, all of them in the problems file', async () => {
    const r = await run([...base(f('users-some-bad.csv')), '--score-only', '--out', f('some-bad'), '--problems', f('some-bad.csv')]);
    expect(r.code).toBe(4);
    expect(r.out).toMatch(/service users: 300 of 303 rows imported/);
    expect(r.err).toMatch(/error service users row 302, column "postcode": Unknown postcode|error service users row 302, column "postcode": Cannot place ZZ99 9ZZ/);
    expect(r.err).toMatch(/error service users row 303, column "postcode": "not a postcode" is not a valid UK postcode/);
    expect(r.err).toMatch(/error service users row 304, column "postcode": Missing postcode/);
    const listed = Papa.parse<Record<string, string>>(readFileSync(f('some-bad.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(listed.filter((p) => p.severity === 'error').map((p) => p.row)).toEqual(['302', '303', '304']);
    expect(existsSync(f('some-bad/summary.json'))).toBe(true);
  });

  it('--strict fails on warnings alone, writing nothing', async () => {
    const r = await run([...base(), '--score-only', '--strict', '--out', f('strict')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/--strict: \d+ problems/);
    expect(existsSync(f('strict'))).toBe(false);
    const relaxed = await run([...base(), '--score-only', '--out', f('relaxed')]);
    expect(relaxed.code).toBe(0);
  });

  it('reads a Windows-1252 users file: zone names keep their accents', async () => {
    const r = await run(['--users', bad('users-windows-1252.csv'), '--units', f('units.geojson'), '--score-only', '--out', f('cp1252')]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(readFileSync(f('cp1252/summary.json'), 'utf8'));
    expect(summary.zones.map((z: any) => z.name).sort()).toEqual(['Café Quarter', 'Göxhill', 'Saint-Étienne Row', 'Señora Park']);
    expect(r.err).toMatch(/warning service users: Read as Windows-1252/);
  });
});

describe('what the CLI writes beside the tender files', () => {
  it('holds no postcode and no row of the input', async () => {
    const r = await run([...base(f('users-some-bad.csv')), '--score-only', '--out', f('aggregates')]);
    expect(r.code).toBe(4);
    const fullPostcode = /\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b/;
    for (const name of readdirSync(f('aggregates'))) {
      const text = readFileSync(join(f('aggregates'), name), 'utf8');
      expect(text, name).not.toMatch(fullPostcode);
    }
    const summary = JSON.parse(readFileSync(f('aggregates/summary.json'), 'utf8'));
    expect(JSON.stringify(summary)).not.toMatch(/"row"/);
    expect(summary.import.errors).toBe(3);
    // Nor a figure about a unit of fewer service users than the privacy minimum (5).
    const unitsFile = readdirSync(f('aggregates')).find((n) => n.includes('-units-'))!;
    const units = JSON.parse(readFileSync(join(f('aggregates'), unitsFile), 'utf8')).features.map((x: any) => x.properties);
    const few = new Set(units.filter((p: any) => p.figures_withheld).map((p: any) => p.unit_id));
    const withheld = summary.extraRural.filter((e: any) => few.has(e.unit));
    expect(withheld.length).toBeGreaterThan(0);
    for (const e of withheld) {
      expect(e.hours).toBeNull();
      expect(e.reasons.join('; ')).not.toMatch(/h\/km²|waiting/);
    }
  });
});
