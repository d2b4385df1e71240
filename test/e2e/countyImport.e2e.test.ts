// "A county it has never seen will be loaded from the council's own files": Norfolk
// loaded through the Import dialog from the files a council would have (the full
// postcode lookup, the users, the raw LSOA boundaries, the bases and a sector ->
// zone list), checked the way a commissioner would against the Norfolk example.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { freshApp, waitForMap } from './browser';
import { chooseBases, chooseUsers, gotoStep, openImport, runImport } from './steps';
import { loadExampleCounty } from '../support/exampleCounty';

const app = freshApp();

const NORFOLK = 'data/counties/norfolk/';
const LOOKUP = 'data/source/norfolk_postcodes.csv';
const UNITS = 'data/source/norfolk_lsoa11.geojson';
const USERS = `${NORFOLK}service-users.csv`;
const BASES = `${NORFOLK}provider-bases.csv`;
const ZONE_LIST = `${NORFOLK}zone-sectors.csv`;

const rows = (path: string) => Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;

/**
 * The example's weekly hours by zone id, with each unit in the zone that holds most of its live
 * postcodes (the import's rule for a sector list; ties to the zone listed first). The example
 * itself puts a unit in its main sector's zone (data/build writes that sector): the two differ
 * for 3 of Norfolk's 538 units, each split between sectors of two zones; `moved` lists them.
 */
function expectedZoneHours() {
  const example = loadExampleCounty('norfolk');
  const zoneOfSector = new Map<string, string>();
  const order: string[] = [];
  for (const r of rows(ZONE_LIST)) {
    zoneOfSector.set(r.sector, r.zone);
    if (!order.includes(r.zone)) order.push(r.zone);
  }
  const hours = new Map<string, number>(order.map((z) => [z, 0]));
  const moved: string[] = [];
  example.unitSectors.forEach((sectors, u) => {
    const votes = new Map<string, number>();
    for (const [sector, n] of Object.entries(sectors)) {
      const z = zoneOfSector.get(sector);
      if (z) votes.set(z, (votes.get(z) ?? 0) + n);
    }
    const zone = [...votes].sort((a, b) => b[1] - a[1] || order.indexOf(a[0]) - order.indexOf(b[0]))[0][0];
    if (zone !== example.model.zones[example.plan.zoneOf[u]].id) moved.push(example.model.units.ids[u]);
    hours.set(zone, hours.get(zone)! + example.model.demand.hours[u]);
  });
  return { hours, moved, unitCount: example.model.units.count, zoneCount: example.model.zones.length };
}

describe('a county loaded from its own files', () => {
  it('loads Norfolk from the lookup, users, raw LSOAs, bases and sector list, and agrees with the Norfolk example zone by zone', async () => {
    const page = app.page;
    await openImport(page);

    // 1. The full postcode lookup (every live Norfolk postcode, with its LSOA).
    await gotoStep(page, 'Postcode lookup');
    await page.locator('[data-testid="lookup-file"]').setInputFiles(LOOKUP);
    await expect.poll(() => page.locator('[data-testid="lookup-status"]').textContent(), { timeout: 30_000 }).toMatch(/Lookup loaded: 27,648 postcodes, from norfolk_postcodes\.csv/);

    // 2. Service users; 3. the raw LSOA boundaries, their id, name and RUC11 properties guessed.
    await chooseUsers(page, USERS);
    await gotoStep(page, 'Units');
    await page.locator('input[name="units-kind"]').nth(1).check();
    await page.locator('[data-testid="units-file"]').setInputFiles(UNITS);
    await expect.poll(() => page.locator('.import-step .hint').first().textContent()).toMatch(/^538 polygons/);
    expect(await page.locator('select[data-field="unit-id"]').inputValue()).toBe('lsoa11cd');
    expect(await page.locator('select[data-field="unit-name"]').inputValue()).toBe('lsoa11nm');
    expect(await page.locator('select[data-field="unit-ruc"]').inputValue()).toBe('ruc11cd');

    // 4. Provider bases; 5. current zones as a sector -> zone list.
    await chooseBases(page, BASES);
    await gotoStep(page, 'Current zones');
    await page.locator('input[name="zones-kind"]').nth(3).check();
    await page.locator('[data-testid="zone-list-file"]').setInputFiles(ZONE_LIST);
    await page.locator('[data-testid="zone-list-preview"]').waitFor();
    expect(await page.getByTestId('import-blocker').textContent()).toBe('Ready to import.');
    await runImport(page);

    const report = page.getByTestId('import-report');
    const count = async (key: string) => Number((await report.locator(`[data-count="${key}"]`).first().textContent())!.replace(/,/g, ''));
    const expected = expectedZoneHours();
    expect(await count('units')).toBe(expected.unitCount);
    expect(await count('zones')).toBe(17);
    expect(await count('unassignedUnits')).toBe(0);
    expect(await count('rowsImported') + (await count('rejected'))).toBe(3000);
    expect(await report.locator('.report-notes').textContent()).toMatch(/Placing users in units: 3,000 of 3,000 were counted in the LSOA their postcode lookup row names/);

    // Every users row not placed is named in the report by its row number; the hours lost are exactly theirs.
    const users = rows(USERS);
    const fileHours = users.reduce((a, u) => a + Number(u.weekly_hours), 0);
    const problems = await report.locator('[data-testid="problem-table"] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
    const notPlaced = new Set(problems.filter((r) => r[0] === 'service users' && r[4] === 'error').map((r) => Number(r[1])));
    expect(notPlaced.size).toBe(await count('rejected'));
    const lostHours = [...notPlaced].reduce((a, row) => a + Number(users[row - 2].weekly_hours), 0);

    await page.locator('[data-action="open-imported"]').click();
    await waitForMap(page);
    await expect.poll(() => page.locator('[data-testid="zone-table"] tbody tr[data-zone]').count()).toBe(17);
    const total = Number(await page.getByTestId('total-hours').getAttribute('data-hours'));
    expect(total).toBeCloseTo(fileHours - lostHours, 6);

    // Zone by zone against the example opened from the picker (built in node from the same files).
    const shown = new Map(
      await page.locator('[data-testid="zone-table"] tbody tr[data-zone]').evaluateAll((trs) =>
        trs.map((tr) => [tr.getAttribute('data-zone')!, Number(tr.querySelector('.hours')!.getAttribute('data-hours'))] as [string, number]),
      ),
    );
    expect([...shown.keys()].sort()).toEqual([...expected.hours.keys()].sort());
    const differences = [...expected.hours].map(([zone, hours]) => Math.abs(shown.get(zone)! - hours));
    expect(Math.max(...differences)).toBeLessThanOrEqual(0.05);
    expect(expected.moved).toEqual(['E01026559', 'E01026789', 'E01026896']);
  });
});
