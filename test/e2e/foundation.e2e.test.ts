// What a commissioner sees on opening carezones with no data of their own.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { freshApp, zoneColoursShown } from './browser';
import { exampleCountyFile } from '../support/exampleCounty';

const usersCsv = readFileSync(exampleCountyFile('lincolnshire', 'users'), 'utf8').trim().split('\n').slice(1);
const totalHours = usersCsv.reduce((s, line) => s + Number(line.split(',')[2]), 0);

const app = freshApp();

describe('the embedded county', () => {
  it('lists 12 zones whose hours add up to the data set total, and names the open data sources', async () => {
    const rows = app.page.locator('[data-testid="zone-table"] tbody tr');
    await expect.poll(() => rows.count()).toBe(12);
    const hours = await app.page
      .locator('[data-testid="zone-table"] tbody .hours')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-hours'))));
    expect(hours.reduce((a, b) => a + b, 0)).toBeCloseTo(totalHours, 6);
    const shown = await app.page.locator('[data-testid="total-hours"]').getAttribute('data-hours');
    expect(Number(shown)).toBeCloseTo(totalHours, 6);
    await expect.poll(() => app.page.locator('tr[data-zone="10"] th').textContent()).toContain('Sleaford');
    const attribution = await app.page.locator('.maplibregl-ctrl-attrib').textContent();
    expect(attribution).toContain('Open Government Licence');
    expect(attribution).toContain('Royal Mail');
  });

  it('draws the units in 12 zone colours on the map canvas, with a tooltip with the unit, its zone, users, hours and rurality on hover', async () => {
    await expect.poll(() => zoneColoursShown(app.page)).toBe(12);
    const box = (await app.page.locator('canvas.maplibregl-canvas').boundingBox())!;
    await app.page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    const tip = app.page.getByRole('tooltip');
    await tip.waitFor();
    const text = await tip.textContent();
    expect(text).toMatch(/Zone/);
    expect(text).toMatch(/Weekly hours/);
    expect(text).toMatch(/Rurality/);
  });
});
