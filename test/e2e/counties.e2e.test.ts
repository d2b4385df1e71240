// Opening the second example county from the picker beside "Example county".
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { appSession, waitForMap } from './browser';
import { ZONE_PALETTE } from '../../src/model/palette';
import { exampleCountyFile } from '../support/exampleCounty';

const norfolkHours = readFileSync(exampleCountyFile('norfolk', 'users'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .reduce((s, line) => s + Number(line.split(',')[2]), 0);

const app = appSession();
const rows = () => app.page.locator('[data-testid="zone-table"] tbody tr');

/** Zone palette colours covering more than 200 pixels of the map canvas. */
async function visibleZoneColours(): Promise<number> {
  const png = PNG.sync.read(await app.page.locator('canvas.maplibregl-canvas').screenshot());
  const bg = [0xee, 0xf2, 0xf4];
  // Fills are drawn at 80% opacity over the background colour.
  const blended = ZONE_PALETTE.map((hex) => bg.map((b, j) => Math.round(0.8 * parseInt(hex.slice(1 + 2 * j, 3 + 2 * j), 16) + 0.2 * b)));
  const counts = new Map<number, number>();
  for (let p = 0; p < png.data.length; p += 4) {
    const k = blended.findIndex((c) => c.every((v, i) => Math.abs(v - png.data[p + i]) <= 3));
    if (k >= 0) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts.values()].filter((n) => n > 200).length;
}

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
    // 17 zones in 16 palette colours: every colour is in use on the map.
    await expect.poll(visibleZoneColours, { timeout: 30_000 }).toBe(ZONE_PALETTE.length);
    const box = (await app.page.locator('canvas.maplibregl-canvas').boundingBox())!;
    await app.page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    const tip = app.page.getByRole('tooltip');
    await tip.waitFor();
    expect(await tip.textContent()).toMatch(/Norwich|Breckland|Broadland|South Norfolk|North Norfolk|Great Yarmouth|King's Lynn/);
    const attribution = await app.page.locator('.maplibregl-ctrl-attrib').textContent();
    expect(attribution).toContain('PCN-like zones');
    expect(attribution).toContain('synthetic');
  });

  it('logs no console errors and sends no request outside its own origin', () => {
    expect(app.errors).toEqual([]);
    expect(app.outside).toEqual([]);
  });
});
