// The privacy minimum: no export carries a figure about a unit with fewer
// service users than the setting (default 5), on either example county; zone
// figures stay whole; the minimum is a setting with a checked range.
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { DEFAULT_SCORE_SETTINGS, scorePlan } from '../../../solver/score';
import { readScoreSettings } from '../../../solver/score/settingsSchema';
import { SchemaError } from '../../../solver/schema';
import { buildAllExports } from '../../../src/export/files';
import { scenarioFromModel } from '../../../src/model/scenario';
import { loadExampleCounty } from '../../support/exampleCounty';

type Row = Record<string, string>;
const parse = (text: string) => Papa.parse<Row>(text, { header: true, skipEmptyLines: true }).data;
/** Text that gives a figure about a unit's people. */
const PEOPLE_FIGURE = /h\/km²|waiting|travel per contact hour/;

describe.each(['lincolnshire', 'norfolk'] as const)('the privacy minimum on %s', (county) => {
  const project = loadExampleCounty(county);
  const scenario = scenarioFromModel(project.model, project.plan, 's', 'Current zones');
  const settings = DEFAULT_SCORE_SETTINGS;
  const { users, hours } = project.model.demand;
  const few = (u: number) => users[u] < settings.privacyMinimumUsers;
  const files = Object.fromEntries(buildAllExports(project, scenario, settings).map((f) => [f.name.replace(/^carezones-|-current-zones.*$/g, ''), f.text]));
  const score = scorePlan(project.model, project.plan, settings);

  it('has units below the minimum to withhold, some of them extra-rural', () => {
    expect(project.model.units.ids.some((_, u) => few(u) && users[u] > 0)).toBe(true);
    expect(score.extraRural.flags.some((f) => few(f.unit))).toBe(true);
  });

  it('withholds their users, hours and reasons about people in the unit GeoJSON, and keeps the rest', () => {
    const fc = JSON.parse(files.units);
    fc.features.forEach((f: { properties: Record<string, unknown> }, u: number) => {
      const p = f.properties;
      if (few(u)) {
        expect(p).toMatchObject({ users: null, weekly_hours: null, figures_withheld: true });
        expect(String(p.extra_rural_reasons)).not.toMatch(PEOPLE_FIGURE);
      } else {
        expect(p).toMatchObject({ users: Math.round(users[u] * 100) / 100, weekly_hours: Math.round(hours[u] * 100) / 100, figures_withheld: false });
      }
      expect(p.zone_id).not.toBeUndefined();
    });
    const reasons = fc.features.filter((_: unknown, u: number) => few(u)).map((f: { properties: Record<string, unknown> }) => f.properties.extra_rural_reasons);
    expect(reasons.some((r: string) => /withheld \(fewer than 5 users\)/.test(r))).toBe(true);
  });

  it('withholds a count of people waiting below the minimum even in a unit with enough users', () => {
    const { waitingUsers } = project.model.demand;
    const some = score.extraRural.flags.filter((f) => !few(f.unit) && waitingUsers[f.unit] > 0 && waitingUsers[f.unit] < 5);
    expect(some.length).toBeGreaterThan(0);
    const counts = (text: string) => [...text.matchAll(/(\d+) (?:person|people) waiting/g)].map((m) => Number(m[1]));
    for (const name of ['units', 'lot-report']) expect(counts(files[name]).filter((n) => n < 5), name).toEqual([]);
    expect(files.units).toContain('fewer than 5 people waiting');
    // The lot report's waiting column says it in the cell.
    expect(files['lot-report']).toContain('<td class="n">fewer than 5</td>');
  });

  it('withholds the figures about their people in the lot report, and keeps the place', () => {
    // Each lot lists its four largest extra-rural areas: place, hours, travel, km from base, h/km², waiting, score.
    const listed = (text: string) =>
      [...text.matchAll(/<tr><td class="area">[^<]*<span class="note">([^<]+)<\/span><\/td>((?:<td[^>]*>[^<]*<\/td>)+)<\/tr>/g)].map(([, id, cells]) => ({
        u: project.model.units.ids.indexOf(id),
        cells: [...cells.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]),
      }));
    const perLot = new Map<number, number>();
    for (const f of score.extraRural.flags) perLot.set(project.plan.zoneOf[f.unit], (perLot.get(project.plan.zoneOf[f.unit]) ?? 0) + 1);
    const expected = [...perLot.values()].reduce((t, n) => t + Math.min(4, n), 0);
    const check = (text: string, minimum: number) => {
      const rows = listed(text);
      expect(rows.length).toBe(expected);
      for (const { u, cells } of rows) {
        const [, hoursCell, travel, km, density, waiting] = cells;
        expect(km, 'the distance to a base is about the place').toMatch(/^\d/);
        const people = [travel, density, waiting, ...(hoursCell === 'new area' ? [] : [hoursCell])];
        if (users[u] < minimum) for (const c of people) expect(c).toBe('withheld');
        else for (const c of people) expect(c).not.toBe('withheld');
      }
    };
    check(files['lot-report'], settings.privacyMinimumUsers);
    expect(files['lot-report']).toContain('<h3>Extra-rural areas <span class="note">· withheld: figures about an area with fewer than 5 users (the privacy minimum)</span></h3>');
    // With a minimum above every area's users, every listed area's people figures are withheld, and the lots' other areas summed too.
    const strict = buildAllExports(project, scenario, { ...settings, privacyMinimumUsers: 100 }).find((f) => f.name.includes('lot-report'))!.text;
    check(strict, 100);
    expect(strict).toMatch(/more areas?<\/td><td class="n">withheld<\/td>/);
  });

  it('withholds postcode counts below the minimum, and the shares that would give them back', () => {
    for (const name of ['postcode-sectors', 'postcode-districts']) {
      const rows = parse(files[name]);
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) {
        for (const col of ['postcodes', 'postcodes_in_zone']) if (r[col] !== '' && r[col] !== '0') expect(Number(r[col])).toBeGreaterThanOrEqual(5);
        if (r.postcodes_in_zone === '') expect(r.pct_in_zone).toBe('');
        for (const m of r.other_zones.matchAll(/\((\d+), /g)) expect(Number(m[1])).toBeGreaterThanOrEqual(5);
        expect(r.zone_id).not.toBe('');
      }
      expect(rows.some((r) => r.split === 'yes' && r.postcodes_in_zone !== '')).toBe(true);
    }
  });

  it('keeps every zone figure whole in the lot summary and the zone GeoJSON', () => {
    const lots = parse(files.lots).filter((r) => r.zone_id !== 'TOTAL');
    lots.forEach((r, z) => {
      expect(Number(r.users)).toBeCloseTo(score.zones[z].users, 2);
      expect(Number(r.weekly_hours)).toBeCloseTo(score.zones[z].hours, 2);
    });
    const zones = JSON.parse(files.zones);
    const total = zones.features.reduce((s: number, f: { properties: { weekly_hours: number } }) => s + f.properties.weekly_hours, 0);
    expect(total).toBeCloseTo(score.assigned.hours, 0);
  });

  it('shows every unit figure with the minimum at 1 but withholds more with a higher one', () => {
    const count = (min: number) =>
      JSON.parse(buildAllExports(project, scenario, { ...settings, privacyMinimumUsers: min }).find((f) => f.name.includes('-units-'))!.text).features.filter(
        (f: { properties: { figures_withheld: boolean } }) => f.properties.figures_withheld,
      ).length;
    const zeroUsers = project.model.units.ids.filter((_, u) => users[u] < 1).length;
    expect(count(1)).toBe(zeroUsers);
    expect(count(10)).toBeGreaterThan(count(5));
  });
});

describe('the privacy minimum setting', () => {
  it('defaults to 5 and takes a whole number from 1 to 100', () => {
    expect(readScoreSettings({}).privacyMinimumUsers).toBe(5);
    expect(readScoreSettings({ privacyMinimumUsers: 10 }).privacyMinimumUsers).toBe(10);
    for (const bad of [0, 2.5, 1e308, '5', -1]) {
      expect(() => readScoreSettings({ privacyMinimumUsers: bad })).toThrow(SchemaError);
    }
    expect(() => readScoreSettings({ privacyMinimumUsers: 0 })).toThrow(/settings\.privacyMinimumUsers: must be a whole number from 1 to 100 service users, found 0/);
  });
});
