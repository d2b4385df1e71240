// Every export says what each unit and lot is paid and why, and whether each lot's
// demand supports its provider model: unit GeoJSON, lot summary CSV and the lot
// report, on both example counties' own rate schemes and provider models.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { lotReport } from '../../../src/export/lotReport';
import { lotSummaryCsv } from '../../../src/export/lotSummaryCsv';
import { unitGeojson } from '../../../src/export/unitGeojson';
import { scenarioFromModel } from '../../../src/model/scenario';
import { exampleCountySettings, loadExampleCounty } from '../../support/exampleCounty';

const norfolk = loadExampleCounty('norfolk');
const norfolkSettings = exampleCountySettings('norfolk');
const norfolkScenario = scenarioFromModel(norfolk.model, norfolk.plan, 's1', 'Current PCN lots');

describe('rates in the exports (Norfolk bands)', () => {
  it('gives every unit of the unit GeoJSON its hourly rate, band and reason', () => {
    const units = JSON.parse(unitGeojson(norfolk, norfolkScenario, norfolkSettings)).features as Array<{ properties: Record<string, unknown> }>;
    expect(units).toHaveLength(538);
    for (const { properties: p } of units) {
      expect([17.4, 19.68, 21.72]).toContain(p.hourly_rate);
      expect(p.rate_reason).toMatch(new RegExp(`^${p.rate_category}: \\d+\\.\\d miles from [A-Z]`));
    }
    const bands = new Set(units.map((f) => f.properties.rate_category));
    expect(bands).toEqual(new Set(['Band 1', 'Band 2', 'Band 3']));
  });

  it('puts each lot’s mean rate and mix of bands in the lot summary, the total included', () => {
    const rows = Papa.parse<Record<string, string>>(lotSummaryCsv(norfolk, norfolkScenario, norfolkSettings), { header: true, skipEmptyLines: true }).data;
    const city = rows.find((r) => r.zone_name === 'Norwich City')!;
    expect(city.rate_mix).toBe('Band 1 95% · Band 2 5%');
    expect(Number(city.mean_hourly_rate)).toBeGreaterThan(17.4);
    expect(Number(city.mean_hourly_rate)).toBeLessThan(17.6);
    const total = rows.find((r) => r.zone_id === 'TOTAL')!;
    expect(total.rate_mix).toMatch(/^Band 1 \d+% · Band 2 \d+% · Band 3 \d+%$/);
    const hours = rows.filter((r) => r.zone_id !== 'TOTAL').reduce((t, r) => t + Number(r.weekly_hours), 0);
    expect(Number(total.mean_hourly_rate)).toBeCloseTo(Number(total.annual_cost) / (hours * norfolkSettings.weeksPerYear), 2);
  });

  it('names the scheme on the report cover and each lot’s rates on its page', () => {
    const html = lotReport(norfolk, norfolkScenario, norfolkSettings);
    expect(html).toContain('Rates: Road-distance bands from the nearest of 28 centres (Band 1 0-3 miles £17.40, Band 2 3-6 miles £19.68, Band 3 6+ miles £21.72)');
    expect(html).toMatch(/<th scope="row">Mean hourly rate<\/th><td>£17\.\d\d<\/td>/);
    expect(html).toContain('<th class="n">£/hour</th>');
  });
});

describe('provider models in the exports (Norfolk principal + framework)', () => {
  it('says in the lot summary which lots keep their providers healthy', () => {
    const rows = Papa.parse<Record<string, string>>(lotSummaryCsv(norfolk, norfolkScenario, norfolkSettings), { header: true, skipEmptyLines: true }).data;
    const gorleston = rows.find((r) => r.zone_name === 'Gorleston')!;
    expect(gorleston).toMatchObject({ providers_needed: '2', providers_viable: 'no' });
    expect(gorleston.providers).toMatch(/^Principal 454 h\/week \(70%\) \+ 1 framework provider at 194 h\/week: too small/);
    expect(rows.find((r) => r.zone_name === "King's Lynn")!.providers_viable).toBe('yes');
    expect(rows.find((r) => r.zone_id === 'TOTAL')!).toMatchObject({ providers_needed: '34', providers_viable: '16 of 17 viable' });
  });

  it('says on a lot’s report page when its hours cannot keep its providers healthy', () => {
    const html = lotReport(norfolk, norfolkScenario, norfolkSettings);
    expect(html).toContain('Gorleston: Principal 454 h/week (70%) + 1 framework provider at 194 h/week: too small, under the 250 h/week a provider needs.');
  });
});

describe('rates in the exports (Lincolnshire classes)', () => {
  const project = loadExampleCounty('lincolnshire');
  const settings = exampleCountySettings('lincolnshire');
  const scenario = scenarioFromModel(project.model, project.plan, 's1', 'Current zones');

  it('gives class reasons and the extra-rural rate in the unit GeoJSON', () => {
    const units = JSON.parse(unitGeojson(project, scenario, settings)).features as Array<{ properties: Record<string, unknown> }>;
    const flagged = units.filter((f) => f.properties.extra_rural);
    expect(flagged.length).toBeGreaterThan(0);
    for (const f of flagged) expect(f.properties).toMatchObject({ hourly_rate: 16.76, rate_category: 'Extra-rural', rate_reason: 'Extra-rural: rural rate + 5%' });
    const urban = units.find((f) => f.properties.ruc === 'C1')!;
    expect(urban.properties).toMatchObject({ hourly_rate: 15.63, rate_reason: 'Urban: urban (C1)' });
  });

  it('names the class rates on the report cover', () => {
    expect(lotReport(project, scenario, settings)).toContain('Rates: Rural-urban class rates (urban £15.63, rural £15.96, extra-rural £16.76)');
  });
});
