// Opening the second example county from the picker beside "Example county", and
// what it shows: every unit's rate and why, each zone's band mix and providers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { freshApp, openTab, waitForMap, zoneColoursOnMap } from './browser';
import { openExampleCounty, openRatesSettings } from './steps';
import { assignZoneColours, zoneNeighbours } from '../../src/model/palette';
import { DEFAULT_SCORE_SETTINGS, scorePlan } from '../../solver/score';
import { exampleCountyFile, exampleCountySettings, loadExampleCounty } from '../support/exampleCounty';

const norfolkHours = readFileSync(exampleCountyFile('norfolk', 'users'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .reduce((s, line) => s + Number(line.split(',')[2]), 0);

// Norfolk's Band 2 hours, scored in node: what a £1 rise in the Band 2 rate should cost a year.
const norfolk = loadExampleCounty('norfolk');
const norfolkScore = scorePlan(norfolk.model, norfolk.plan, exampleCountySettings('norfolk'));
const band2Hours = norfolkScore.zones.reduce((t, z) => t + z.rateMix[1].hours, 0);

const app = freshApp();
const rows = () => app.page.locator('[data-testid="zone-table"] tbody tr');

describe('the county picker', () => {
  it('asks before replacing the open project, and keeps it when the user says no', async () => {
    await expect.poll(() => rows().count()).toBe(12);
    await app.page.getByRole('combobox', { name: 'Which example county' }).selectOption('norfolk');
    const asked: string[] = [];
    app.page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await app.page.getByRole('button', { name: 'Example county', exact: true }).click();
    await expect.poll(() => asked).toEqual([expect.stringContaining('Norfolk')]);
    expect(await rows().count()).toBe(12);
    await expect.poll(() => app.page.locator('.project-name').textContent()).toContain('Lincolnshire');
  });

  it('opens Norfolk: its 17 zones in the table with the county total, and on the map', async () => {
    await openExampleCounty(app.page, 'norfolk', 17);
    await expect.poll(() => rows().count()).toBe(17);
    await expect.poll(() => app.page.locator('tr[data-zone="4"] th').textContent()).toContain('Fakenham');
    const shown = await app.page.locator('[data-testid="total-hours"]').getAttribute('data-hours');
    expect(Number(shown)).toBeCloseTo(norfolkHours, 6);

    await waitForMap(app.page);
    // 17 zones in 16 palette colours, bordering zones kept apart: the map shows the colours the zones were given,
    // each zone of 20 km² or more big enough to count (Gorleston, 5 km², is a few hundred pixels under labels).
    const norfolk = loadExampleCounty('norfolk');
    const colours = assignZoneColours(zoneNeighbours(norfolk.model.units.adjacency, norfolk.plan, norfolk.model.zones.length));
    const given = new Set(colours);
    expect(given.size).toBeGreaterThanOrEqual(14);
    const km2 = colours.map((_, z) => norfolk.plan.zoneOf.reduce((s, zone, u) => (zone === z ? s + norfolk.model.units.areaKm2[u] : s), 0));
    const big = new Set(colours.filter((_, z) => km2[z] >= 20));
    expect(big.size).toBeGreaterThanOrEqual(13);
    await expect.poll(async () => {
      const shown = await zoneColoursOnMap(app.page);
      return [...big].every((c) => shown.has(c)) && [...shown].every((c) => given.has(c));
    }, { timeout: 30_000 }).toBe(true);
    const box = (await app.page.locator('canvas.maplibregl-canvas').boundingBox())!;
    await app.page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    const tip = app.page.getByRole('tooltip');
    await tip.waitFor();
    expect(await tip.textContent()).toMatch(/Norwich|Breckland|Broadland|South Norfolk|North Norfolk|Great Yarmouth|King's Lynn/);
    const attribution = await app.page.locator('.maplibregl-ctrl-attrib').textContent();
    expect(attribution).toContain('PCN-like zones');
    expect(attribution).toContain('synthetic');
  });
});

describe('rates and providers on Norfolk', () => {
  it("shows each unit's rate and why, and its zone's providers, in its tooltip; each zone's rate and band mix in the table", async () => {
    await openExampleCounty(app.page, 'norfolk', 17);
    await waitForMap(app.page);
    const box = (await app.page.locator('canvas.maplibregl-canvas').boundingBox())!;
    await app.page.mouse.move(box.x + box.width * 0.42, box.y + box.height * 0.45);
    const rate = app.page.getByTestId('tooltip-rate');
    await rate.waitFor();
    expect(await rate.textContent()).toMatch(/^£(17\.40|19\.68|21\.72)Band [123]: \d+\.\d miles from [A-Z]/);
    // The hovered unit's zone: does its demand keep a 70% principal and a framework provider healthy?
    expect(await app.page.getByTestId('tooltip-providers').textContent()).toMatch(/^(Viable|Not viable)Principal [\d,]+ h\/week \(70%\) \+ 1 framework provider at [\d,]+ h\/week/);
    await app.page.mouse.move(5, 400);
    const city = app.page.locator('tr[data-zone="8"] td.rate-cell');
    expect(await city.getAttribute('title')).toBe('Band 1 95% · Band 2 5%');
    expect(await city.textContent()).toMatch(/^£17\.\d\d/);
    // Gorleston (648 h/week) is the one lot too small for its two providers.
    await expect.poll(() => app.page.locator('tr[data-zone="12"] .zone-warnings').textContent()).toContain('too small for its 2 providers');
    await expect.poll(() => app.page.getByText('too small for its 2 providers').count()).toBe(1);
  });

  it('lets the user edit a band: a £1 rise in Band 2 costs its hours x 52.14 a year, and a bad band is refused', async () => {
    await openExampleCounty(app.page, 'norfolk', 17);
    await openRatesSettings(app.page);
    expect(await app.page.getByRole('radio', { name: /By road distance/ }).isChecked()).toBe(true);
    const cost = () => app.page.getByTestId('summary-cost').getAttribute('data-value').then(Number);
    const before = await cost();
    await app.page.getByLabel('Band 2 rate, £ an hour').fill('20.68');
    await expect.poll(cost).toBeCloseTo(before + band2Hours * DEFAULT_SCORE_SETTINGS.weeksPerYear, 0);
    const edited = await cost();
    await app.page.getByLabel('Band 3 from, miles').fill('2');
    await expect.poll(() => app.page.getByText("must be above band 2's 3 miles").count()).toBe(1);
    expect(await cost()).toBe(edited);
    await app.page.getByLabel('Band 3 from, miles').fill('6');
    await app.page.getByLabel('Band 2 rate, £ an hour').fill('19.68');
    await expect.poll(cost).toBeCloseTo(before, 0);
  });

  it("lets the user ask for two framework providers beside each principal: King's Lynn then cannot keep them", async () => {
    await openExampleCounty(app.page, 'norfolk', 17);
    await openRatesSettings(app.page);
    expect(await app.page.getByRole('combobox', { name: 'Provider model' }).inputValue()).toBe('principal');
    const minimum = app.page.getByTestId('provider-minimum');
    expect(await minimum.textContent()).toBe('A zone needs at least 834 h/week to keep its 2 providers healthy.');
    await app.page.getByLabel('Framework providers beside the principal').fill('2');
    await expect.poll(() => minimum.textContent()).toBe('A zone needs at least 1,667 h/week to keep its 3 providers healthy.');
    await openTab(app.page, 'Zones');
    await expect.poll(() => app.page.locator('tr[data-zone="1"] .zone-warnings').textContent()).toContain('too small for its 3 providers');
    await expect.poll(() => app.page.getByText('too small for its 3 providers').count()).toBe(7);
  });
});
