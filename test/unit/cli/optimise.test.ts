// The analysts' CLI on a county's own files: a units GeoJSON with LSOA
// properties, the users and bases CSVs, a postcode-sector zone list, a lookup.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { runOptimiseCli } from '../../../src/cli/optimise';
import { exampleCountyFile } from '../../support/exampleCounty';

const dir = mkdtempSync(join(tmpdir(), 'carezones-cli-'));
const f = (name: string) => join(dir, name);

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return runOptimiseCli(args, { log: (l) => out.push(l), error: (l) => err.push(l) }).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

beforeAll(() => {
  const units = JSON.parse(readFileSync(exampleCountyFile('lincolnshire', 'units'), 'utf8'));
  writeFileSync(
    f('units.geojson'),
    JSON.stringify({
      type: 'FeatureCollection',
      features: units.features.map((u: any) => ({
        type: 'Feature',
        geometry: u.geometry,
        properties: { LSOA11CD: u.properties.id, LSOA11NM: u.properties.name, RUC11CD: u.properties.ruc11cd },
      })),
    }),
  );
  const sectors = Papa.parse<Record<string, string>>(readFileSync(exampleCountyFile('lincolnshire', 'zoneSectors'), 'utf8'), { header: true, skipEmptyLines: true }).data;
  writeFileSync(f('zones.csv'), Papa.unparse(sectors.map((r) => ({ 'Postcode sector': r.sector, Lot: r.zone, 'Lot name': r.zone_name }))));
  writeFileSync(f('users.csv'), readFileSync(exampleCountyFile('lincolnshire', 'users')));
  writeFileSync(f('bases.csv'), readFileSync(exampleCountyFile('lincolnshire', 'bases')));
  writeFileSync(f('rules.json'), JSON.stringify({ balance: { tolerance: 0.25 }, capacity: true, lockedZones: ['5'] }));
  writeFileSync(f('impossible.json'), JSON.stringify({ balance: { tolerance: 0.01 } }));
  writeFileSync(f('typo.json'), JSON.stringify({ balence: { tolerance: 0.2 } }));
});

const common = () => ['--users', f('users.csv'), '--bases', f('bases.csv'), '--units', f('units.geojson'), '--zones', f('zones.csv'), '--lookup', 'data/source/lincolnshire_postcodes.csv'];

describe('npm run optimise', () => {
  it('optimises a county from its files and writes the plan, the exports and a summary', async () => {
    const r = await run([...common(), '--rules', f('rules.json'), '--out', f('plan')]);
    // Every user is placed by the LSOA code their postcode lookup row gives: none is just outside the simplified boundaries.
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const summary = JSON.parse(readFileSync(f('plan/summary.json'), 'utf8'));
    expect(summary.status).toBe('feasible');
    expect(summary.gapPercent).toBeGreaterThanOrEqual(0);
    expect(summary.gapPercent).toBeLessThan(3);
    expect(summary.contiguous).toBe(true);
    expect(summary.zones).toHaveLength(12);
    expect(summary.extraRural.length).toBeGreaterThan(0);
    expect(summary.extraRural[0].reasons.length).toBeGreaterThan(0);
    expect(summary.explanation.summary).toMatch(/within [\d.]+% of the bound/);
    // The locked zone keeps exactly its units.
    const rows = Papa.parse<Record<string, string>>(readFileSync(f('plan/unit-zones.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(420);
    // Files are named after the scenario, which is named after its rules.
    const zonesFile = readdirSync(f('plan')).find((n) => n.startsWith('carezones-zones-optimised-'));
    expect(zonesFile).toBe('carezones-zones-optimised-25-250-h-week-reach-65-min-capacity-1-zone-locked.geojson');
    const zones = JSON.parse(readFileSync(f(`plan/${zonesFile}`), 'utf8'));
    expect(zones.features).toHaveLength(12);
  });

  it('without rules, keeps the rules from the data and prints and writes the comparison with today\'s zones', async () => {
    const r = await run([...common(), '--out', f('default')]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Rules: ≥250 h/week, reach 65 min, capacity.');
    expect(r.out).toMatch(/Reach 65 minutes: the shortest \(at least 30\)/);
    expect(r.out).toMatch(/Travel from the bases falls \d+\.\d% \([\d,]+ → [\d,]+ hour·km a week/);
    expect(r.out).toMatch(/Today's zones break the rules: Zone 10 Sleaford must shed \d+ h\/week to fit its base capacity of 3,000 h\/week/);
    expect(r.out).toMatch(/\n {2}10 Sleaford +3\d{3} -> \d+ +86 -> \d+ +[\d.]+ -> [\d.]+ +3 -> 1\n/);
    const summary = JSON.parse(readFileSync(f('default/summary.json'), 'utf8'));
    expect(summary.rules.label).toBe('≥250 h/week, reach 65 min, capacity');
    expect(summary.rules.reach).toEqual({ minutes: 65 });
    expect(summary.comparison.travelChangePct).toBeLessThan(0);
    expect(summary.comparison.worstReachMinutes.after).toBeLessThanOrEqual(65);
    expect(summary.comparison.zones).toHaveLength(12);
    expect(summary.comparison.zones[9].pieces).toEqual({ before: 3, after: 1 });
    expect(existsSync(f('default/carezones-zones-optimised-250-h-week-reach-65-min-capacity.geojson'))).toBe(true);
  });

  it('takes the reach and the smallest zone from flags, and names the units a short reach leaves out', async () => {
    const r = await run([...common(), '--reach', '30', '--out', f('short')]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/units \([\d,]+ h\/week\) are beyond 30 minutes of every base: Unit East Lindsey 006A \(62 min, Zone 4 Skegness\)/);
    expect(r.err).toContain('Set the reach to 65 minutes');
    const big = await run([...common(), '--reach', 'off', '--min-zone-hours', '1200', '--out', f('big')]);
    expect(big.code).toBe(0);
    const summary = JSON.parse(readFileSync(f('big/summary.json'), 'utf8'));
    expect(summary.rules.label).toBe('≥1,200 h/week, capacity');
    expect(Math.min(...summary.comparison.zones.map((z: any) => z.hours.after))).toBeGreaterThanOrEqual(1200 - 1e-6);
  });

  it('prints the rules the data gives, with their reasons, and stops with --defaults', async () => {
    const r = await run([...common(), '--defaults', '--problems', f('defaults-problems.csv')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Rules: ≥250 h/week, reach 65 min, capacity.');
    expect(r.out).toMatch(/Smallest zone 250 h\/week: enough for one provider to be healthy/);
    expect(r.out).toMatch(/No band around the mean zone: every zone has a base whose capacity bounds it/);
    expect(r.out).toMatch(/Reach 65 minutes: the shortest \(at least 30\)/);
    expect(r.out).not.toMatch(/Travel from the bases/);
    expect(r.out).not.toMatch(/wrote \d+ files/);
  });

  it('takes the balance band from a flag, and gives no data reason for a rule the user set', async () => {
    const r = await run([...common(), '--balance', '25', '--reach', '70', '--defaults', '--problems', f('balance-problems.csv')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Rules: ±25%, ≥250 h/week, reach 70 min, capacity.');
    expect(r.out).not.toMatch(/band around the mean/);
    expect(r.out).not.toMatch(/Reach \d+ minutes: the shortest/);
    expect(r.out).toMatch(/Smallest zone 250 h\/week/);
    const off = await run([...common(), '--balance', 'off', '--reach', 'off', '--defaults', '--problems', f('off-problems.csv')]);
    expect(off.out).toContain('Rules: ≥250 h/week, capacity.');
  });

  it('measures travel with the settings file, a project file\'s settings too, and refuses a bad one', async () => {
    writeFileSync(f('winding.json'), JSON.stringify({ travel: { circuityFactor: 2 } }));
    writeFileSync(f('project.json'), JSON.stringify({ name: 'x', settings: { travel: { circuityFactor: 2 } } }));
    writeFileSync(f('bad-settings.json'), JSON.stringify({ travel: { circuityFactor: 9 } }));
    // Roads twice as winding: every drive takes longer, so the shortest workable reach is longer.
    for (const file of ['winding.json', 'project.json']) {
      const r = await run([...common(), '--settings', f(file), '--defaults', '--problems', f(`${file}-problems.csv`)]);
      expect(r.code, r.err).toBe(0);
      const reach = Number(/reach (\d+) min/.exec(r.out)?.[1]);
      expect(reach).toBeGreaterThan(65);
    }
    const bad = await run([...common(), '--settings', f('bad-settings.json'), '--out', f('bad')]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/bad-settings\.json.*travel\.circuityFactor.*5/);
  });

  it('scores the current zones without optimising', async () => {
    const r = await run([...common(), '--score-only', '--out', f('scored')]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(readFileSync(f('scored/summary.json'), 'utf8'));
    expect(summary.status).toBe('scored');
    expect(summary.objective).toBeNull();
    const sleaford = summary.zones.find((z: any) => z.id === '10');
    // 39, not the example's 40: E01026013 (1 waiting) holds more postcodes of zone 3's sectors than of Sleaford's, its main sector's zone.
    expect(sleaford.waitingUsers).toBe(39);
    // Sleaford is among the three hardest zones to serve, for reasons in words.
    expect(sleaford.difficultyRank).toBeLessThanOrEqual(3);
    expect(sleaford.difficulty).toBeGreaterThan(0);
    expect(sleaford.difficultyReasons.join('; ')).toMatch(/39 people waiting/);
    expect(new Set(summary.zones.map((z: any) => z.difficultyRank))).toEqual(new Set(summary.zones.map((_: unknown, i: number) => i + 1)));
    expect(sleaford.visitTravel.minutesPerContactHour).toBeGreaterThan(0);
  });

  it('prices by the rate scheme a settings file gives, and says so in summary.json', async () => {
    writeFileSync(f('bands.json'), JSON.stringify({ rates: { scheme: 'bands', bands: [{ fromMiles: 0, rate: 17.4 }, { fromMiles: 3, rate: 19.68 }, { fromMiles: 6, rate: 21.72 }] } }));
    const r = await run([...common(), '--score-only', '--settings', f('bands.json'), '--centres', 'data/source/lincolnshire_towns.csv', '--out', f('banded')]);
    expect(r.err).not.toMatch(/lincolnshire_towns/);
    expect(r.code).toBe(0);
    expect(r.out).toContain('data/source/lincolnshire_towns.csv: 26 rate centres');
    const summary = JSON.parse(readFileSync(f('banded/summary.json'), 'utf8'));
    expect(summary.plan.rateScheme.scheme).toBe('bands');
    expect(summary.plan.rateScheme.description).toMatch(/^Road-distance bands from the nearest of 26 centres \(Band 1 0-3 miles £17\.40/);
    for (const z of summary.zones) {
      expect(z.rateMix.map((m: { name: string }) => m.name)).toEqual(['Band 1', 'Band 2', 'Band 3']);
      expect(z.meanRate).toBeGreaterThanOrEqual(17.4);
      expect(z.meanRate).toBeLessThanOrEqual(21.72);
      expect(z.rateMixText).toMatch(/^Band \d \d+%/);
    }
  });

  it('judges each zone against the provider model a settings file gives, in summary.json', async () => {
    writeFileSync(f('framework.json'), JSON.stringify({ providerModel: { kind: 'framework', frameworkProviders: 5 } }));
    const r = await run([...common(), '--score-only', '--settings', f('framework.json'), '--out', f('framework')]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(readFileSync(f('framework/summary.json'), 'utf8'));
    expect(summary.plan.providerModel).toMatchObject({ kind: 'framework', frameworkProviders: 5, healthyMinHours: 250, viableZones: 10 });
    const failing = summary.zones.filter((z: any) => !z.providers.viable);
    expect(failing.map((z: any) => z.name).sort()).toEqual(['Hykeham', 'Market Rasen']);
    for (const z of failing) {
      expect(z.providers.slots).toHaveLength(5);
      expect(z.providers.reason).toMatch(/^5 framework providers at \d+ h\/week each: too small, under the 250 h\/week a provider needs$/);
      expect(z.warnings.some((w: string) => w.includes(z.providers.reason))).toBe(true);
    }
  });

  it('exits 1 naming the setting at fault in a settings file', async () => {
    writeFileSync(f('badsettings.json'), JSON.stringify({ rates: { scheme: 'miles' } }));
    const r = await run([...common(), '--score-only', '--settings', f('badsettings.json'), '--out', f('bad')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/badsettings\.json: \S*rates\.scheme: must be one of class, bands, flat, found "miles"/);
    const noCentres = await run([...common(), '--score-only', '--centres', f('users.csv'), '--out', f('bad')]);
    expect(noCentres.code).toBe(1);
    expect(noCentres.err).toMatch(/users\.csv: No coordinate columns/);
  });

  it('exits 3 with the conflicting rules and a fix when no plan can keep them', async () => {
    const r = await run([...common(), '--rules', f('impossible.json'), '--out', f('nope')]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/widen the balance band to ±\d+%/i);
    expect(existsSync(f('nope/summary.json'))).toBe(false);
  });

  it.each([
    [['--users', 'u.csv'], /missing --units/],
    [['--users', 'u.csv', '--units', 'x', '--out', 'o', '--mode', 'quick'], /--mode must be fast or thorough/],
    [['--users', 'u.csv', '--units', 'x', '--out', 'o', '--colour', 'red'], /Unknown option '--colour'/],
    [['--users', 'u.csv', '--units', 'x', '--out', 'o', '--reach', 'far'], /--reach must be a positive number, not "far"/],
    [['--users', 'u.csv', '--units', 'x', '--out', 'o', '--balance', 'wide'], /--balance must be a positive number, not "wide"/],
    [['--users', 'u.csv', '--units', 'x', '--defaults', '--score-only'], /--defaults and --score-only cannot be used together/],
  ])('exits 2 on bad arguments %#', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('exits 1 with the file and reason for unusable input', async () => {
    const missing = await run(['--users', f('nobody.csv'), '--units', f('units.geojson'), '--out', f('x')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/cannot read .*nobody\.csv: ENOENT/);
    const typo = await run([...common(), '--rules', f('typo.json'), '--out', f('y')]);
    expect(typo.code).toBe(1);
    expect(typo.err).toMatch(/typo\.json: balence: is not a known field \(the rules are: assignAll, balance, /);
  });
});
