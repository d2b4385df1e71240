// Live scores on the embedded county: every zone scored, Sleaford the hardest,
// extra-rural units hatched and explained, rates that reprice the plan.
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { freshApp, mapPixels, openTab, zoneColoursShown as coloursOn } from './browser';

const app = freshApp();
const zoneColoursShown = () => coloursOn(app.page);

const rows = () => app.page.locator('[data-testid="zone-table"] tbody tr[data-zone]');
const firstZone = () => rows().first().getAttribute('data-zone');
const value = async (l: Locator) => Number(await l.getAttribute('data-value'));
const summary = (id: string) => app.page.locator(`[data-testid="summary-${id}"]`);
const setting = (id: string) => app.page.locator(`[data-setting="${id}"]`);

async function sortBy(label: string) {
  await app.page.locator('[data-testid="zone-table"] thead th').filter({ hasText: label }).locator('button').click();
}

/** Pixels of ink (hatch lines, zone borders) in a square at the centre of the map canvas. */
async function inkAtCentre(half = 14): Promise<number> {
  const png = await mapPixels(app.page);
  const cx = Math.floor(png.width / 2);
  const cy = Math.floor(png.height / 2);
  let ink = 0;
  for (let y = cy - half; y < cy + half; y++) {
    for (let x = cx - half; x < cx + half; x++) {
      const p = (y * png.width + x) * 4;
      if (Math.max(png.data[p], png.data[p + 1], png.data[p + 2]) < 100) ink++;
    }
  }
  return ink;
}

describe('zone scores', () => {
  it('scores all 12 zones, prices the plan, and opens a zone to show every figure', async () => {
    await expect.poll(() => rows().count()).toBe(12);
    for (const metricKey of ['difficulty', 'balance', 'waiting', 'visitTravel', 'cost']) {
      const cells = await app.page.locator(`[data-testid="zone-table"] tbody td[data-metric="${metricKey}"]`).allTextContents();
      expect(cells).toHaveLength(12);
      expect(cells.every((t) => /\d/.test(t))).toBe(true);
    }
    const cost = await value(summary('cost'));
    // About 25,000 weekly hours at £15.63-£16.76 for 52.14 weeks.
    expect(cost).toBeGreaterThan(25_000 * 15.63 * 52.14 * 0.8);
    expect(cost).toBeLessThan(25_000 * 16.76 * 52.14 * 1.2);
    expect(await value(summary('uplift'))).toBeGreaterThan(0);
    expect(await summary('disruption').textContent()).toContain('0 users');

    // A zone opens to show every figure.
    await app.page.getByRole('button', { name: /All figures of zone 10 / }).click();
    const detail = app.page.locator('tr.zone-detail');
    await expect.poll(() => detail.count()).toBe(1);
    const text = await detail.textContent();
    for (const label of ['Users', 'Capacity', 'Rural', 'Base km', 'Travel £/yr', 'Pieces', 'Compact', 'Extra-rural', 'Uplift cost']) {
      expect(text).toContain(label);
    }
    expect(await detail.locator('dd[data-metric="pieces"]').textContent()).toBe('3');
  });

  it('singles out Zone 10 (Sleaford): most hours, most waiting, the hardest, and it breaks rules', async () => {
    await sortBy('Weekly hours');
    expect(await firstZone()).toBe('10');
    expect(await app.page.locator('[data-testid="zone-table"] thead th').first().getAttribute('aria-sort')).toBe('none');
    await sortBy('Waiting');
    expect(await firstZone()).toBe('10');
    expect(await app.page.locator('th[aria-sort="descending"]').textContent()).toContain('Waiting');
    await sortBy('Hardest');
    expect(await firstZone()).toBe('10');
    // A second click reverses the order.
    await sortBy('Hardest');
    expect(await rows().last().getAttribute('data-zone')).toBe('10');

    const warnings = await app.page.locator('tr[data-zone="10"] .zone-warnings li').evaluateAll((els) =>
      els.map((e) => e.getAttribute('data-code')),
    );
    expect(warnings).toEqual(expect.arrayContaining(['over-capacity', 'split-zone']));
    const title = await app.page.locator('tr[data-zone="10"] li[data-code="over-capacity"]').getAttribute('title');
    expect(title).toMatch(/Sleaford: .* exceeds its bases' capacity/);
  });

  it('colours units by a score with a legend, and back to zones', async () => {
    expect(await zoneColoursShown()).toBe(12);
    await app.page.locator('[data-testid="colour-mode"]').selectOption('waiting');
    const legend = app.page.locator('[data-testid="legend-scale"]');
    await expect.poll(() => legend.textContent()).toContain('People waiting');
    expect(await legend.locator('.legend-row').allTextContents()).toEqual([' none', ' 1', ' 2', ' 3–4', ' 5 or more']);
    // Waiting colours replace zone colours: far fewer distinct fill colours.
    await expect.poll(() => zoneColoursShown()).toBeLessThanOrEqual(1);
    await app.page.locator('[data-testid="colour-mode"]').selectOption('zone');
    await expect.poll(() => legend.count()).toBe(0);
    await expect.poll(() => zoneColoursShown()).toBe(12);
  });

  it('reprices the plan when a rate changes, and refuses a negative rate', async () => {
    const cost = await value(summary('cost'));
    const uplift = await value(summary('uplift'));
    await openTab(app.page, 'Rates');
    await app.page.locator('[data-testid="settings"] summary').click();
    await setting('rate-urban').fill('16.63');
    await expect.poll(() => value(summary('cost'))).toBeGreaterThan(cost + 1000);
    // Twice the uplift: £15.96 + 10% = £17.56, £1.60 an hour over the rural rate instead of £0.80.
    await setting('rate-uplift').fill('10');
    await expect.poll(() => value(summary('uplift'))).toBeCloseTo(2 * uplift, 2);

    const repriced = await value(summary('cost'));
    await setting('rate-rural').fill('-1');
    await app.page.locator('#rate-rural-error').waitFor();
    expect(await setting('rate-rural').getAttribute('aria-invalid')).toBe('true');
    expect(await value(summary('cost'))).toBe(repriced);

    await setting('rate-rural').fill('15.96');
    await setting('rate-urban').fill('15.63');
    await setting('rate-uplift').fill('5');
    await expect.poll(() => value(summary('cost'))).toBeCloseTo(cost, 2);
  });

  it('lists extra-rural units with reasons and hatches them on the map', async () => {
    await openTab(app.page, 'Extra-rural');
    const items = app.page.locator('[data-testid="extra-rural-list"] li');
    await expect.poll(() => items.count()).toBeGreaterThan(5);
    const first = await items.first().textContent();
    expect(first).toMatch(/village|rural town/);
    expect(first).toMatch(/\d+ km from base/);
    expect(first).toMatch(/h\/wk · £[\d,]+\/yr/);

    await items.first().locator('button').click();
    await expect.poll(() => inkAtCentre(), { timeout: 15_000 }).toBeGreaterThan(60);
    const hatched = await inkAtCentre();

    // With switch-on at 1 nothing is extra-rural: the hatch goes, the borders stay.
    await openTab(app.page, 'Rates');
    await app.page.locator('[data-testid="settings"] summary').click();
    await setting('switch-on').fill('1');
    await setting('switch-off').fill('1');
    await expect.poll(() => app.page.locator('[data-testid="extra-rural-total"]').textContent()).toMatch(/^0 units/);
    await expect.poll(() => inkAtCentre()).toBeLessThan(hatched / 3);
    expect(await value(summary('uplift'))).toBe(0);

    await setting('switch-off').fill('0.5');
    await setting('switch-on').fill('0.6');
    await expect.poll(() => items.count()).toBeGreaterThan(5);
    await expect.poll(() => inkAtCentre()).toBeGreaterThan(60);
  });
});
