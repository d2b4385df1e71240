// Opening the second example county from the picker beside "Example county".
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { freshApp, waitForMap, zoneColoursOnMap } from './browser';
import { assignZoneColours, zoneNeighbours } from '../../src/model/palette';
import { exampleCountyFile, loadExampleCounty } from '../support/exampleCounty';

const norfolkHours = readFileSync(exampleCountyFile('norfolk', 'users'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .reduce((s, line) => s + Number(line.split(',')[2]), 0);

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
    await app.page.getByRole('combobox', { name: 'Which example county' }).selectOption('norfolk');
    app.page.once('dialog', (d) => void d.accept());
    await app.page.getByRole('button', { name: 'Example county', exact: true }).click();
    await expect.poll(() => app.page.locator('.project-name').textContent()).toContain('Norfolk');
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
