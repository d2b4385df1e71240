// What a commissioner sees on opening carezones with no data of their own.
import { readFileSync, mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { appSession } from './browser';
import { ZONE_PALETTE } from '../../src/model/palette';
import { exampleCountyFile } from '../support/exampleCounty';

const usersCsv = readFileSync(exampleCountyFile('lincolnshire', 'users'), 'utf8').trim().split('\n').slice(1);
const totalHours = usersCsv.reduce((s, line) => s + Number(line.split(',')[2]), 0);

const app = appSession();

describe('the embedded county', () => {
  it('lists 12 zones whose hours add up to the data set total', async () => {
    const rows = app.page.locator('[data-testid="zone-table"] tbody tr');
    await expect.poll(() => rows.count()).toBe(12);
    const hours = await app.page
      .locator('[data-testid="zone-table"] tbody .hours')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-hours'))));
    expect(hours.reduce((a, b) => a + b, 0)).toBeCloseTo(totalHours, 6);
    const shown = await app.page.locator('[data-testid="total-hours"]').getAttribute('data-hours');
    expect(Number(shown)).toBeCloseTo(totalHours, 6);
    await expect.poll(() => app.page.locator('tr[data-zone="10"] th').textContent()).toContain('Sleaford');
  });

  it('draws the units in 12 zone colours on the map canvas', async () => {
    const png = PNG.sync.read(await app.page.locator('canvas.maplibregl-canvas').screenshot());
    const palette = ZONE_PALETTE.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
    const bg = [0xee, 0xf2, 0xf4];
    // Fills are drawn at 80% opacity over the background colour.
    const blended = palette.map((c) => c.map((v, i) => Math.round(0.8 * v + 0.2 * bg[i])));
    const counts = new Map<number, number>();
    for (let p = 0; p < png.data.length; p += 4) {
      const px = [png.data[p], png.data[p + 1], png.data[p + 2]];
      const k = blended.findIndex((c) => c.every((v, i) => Math.abs(v - px[i]) <= 3));
      if (k >= 0) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const visible = [...counts.values()].filter((n) => n > 200);
    expect(visible.length).toBe(12);
  });

  it('shows a tooltip with the unit, its zone, users, hours and rurality on hover', async () => {
    const box = (await app.page.locator('canvas.maplibregl-canvas').boundingBox())!;
    await app.page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    const tip = app.page.getByRole('tooltip');
    await tip.waitFor();
    const text = await tip.textContent();
    expect(text).toMatch(/Zone/);
    expect(text).toMatch(/Weekly hours/);
    expect(text).toMatch(/Rurality/);
  });

  it('names the open data sources on the map', async () => {
    const attribution = await app.page.locator('.maplibregl-ctrl-attrib').textContent();
    expect(attribution).toContain('Open Government Licence');
    expect(attribution).toContain('Royal Mail');
  });

  it('takes the README screenshot', async () => {
    await app.page.mouse.move(5, 400);
    await app.page.getByRole('tooltip').waitFor({ state: 'detached' });
    mkdirSync('docs', { recursive: true });
    await app.page.screenshot({ path: 'docs/screenshot.png' });
  });

  it('logs no console errors and sends no request outside its own origin', () => {
    expect(app.errors).toEqual([]);
    expect(app.outside).toEqual([]);
  });
});
