// Redrawing zones by hand: paint, undo and redo, locks, scenarios, and getting
// everything back after a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, waitForMap, type WatchedPage } from './browser';

let browser: Browser;
let app: WatchedPage;
let page: Page;

const zoneHours = (id: string) =>
  page.locator(`tr[data-zone="${id}"] .hours`).first().getAttribute('data-hours').then(Number);

/** A point on the map inside Zone 10, just below its base marker. */
async function pointInZone10() {
  const box = (await page.locator('.zone-badge[title^="Zone 10 "]').boundingBox())!;
  return { x: box.x + 6, y: box.y + box.height + 28 };
}

async function tooltipAt(p: { x: number; y: number }) {
  await page.mouse.move(p.x, p.y);
  await page.mouse.move(p.x + 1, p.y);
  const tip = page.getByRole('tooltip');
  await tip.waitFor();
  return (await tip.textContent()) ?? '';
}

async function paintAt(p: { x: number; y: number }, zoneLabel: string) {
  await page.getByTestId('active-zone').selectOption({ label: zoneLabel });
  await page.getByRole('button', { name: 'Brush' }).click();
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  await page.mouse.up();
}

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openApp(browser);
  page = app.page;
  await waitForMap(page);
});
afterAll(async () => browser?.close());

describe('editing zones', () => {
  let before10 = 0;
  let before9 = 0;
  let after10 = 0;

  it('paints a unit from Zone 10 into Zone 9 and updates the table', async () => {
    const p = await pointInZone10();
    expect(await tooltipAt(p)).toContain('10 Sleaford');
    before10 = await zoneHours('10');
    before9 = await zoneHours('9');
    await paintAt(p, '9 Grantham');
    await expect.poll(() => tooltipAt(p)).toContain('9 Grantham');
    after10 = await zoneHours('10');
    const after9 = await zoneHours('9');
    expect(after10).toBeLessThan(before10);
    expect(after9 - before9).toBeCloseTo(before10 - after10, 6);
  });

  it('undoes and redoes with the keyboard', async () => {
    await page.keyboard.press('Control+z');
    await expect.poll(() => zoneHours('10')).toBeCloseTo(before10, 6);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => zoneHours('10')).toBeCloseTo(after10, 6);
    await page.keyboard.press('Control+z');
    await expect.poll(() => zoneHours('10')).toBeCloseTo(before10, 6);
  });

  it('never changes a locked zone', async () => {
    await page.locator('tr[data-zone="10"]').click();
    await page.getByTestId('zone-lock').check();
    const p = await pointInZone10();
    await paintAt(p, '9 Grantham');
    await paintAt({ x: p.x + 12, y: p.y + 10 }, '9 Grantham');
    expect(await zoneHours('10')).toBeCloseTo(before10, 6);
    expect(await tooltipAt(p)).toContain('10 Sleaford (locked)');
  });

  it('saves scenarios and gets everything back after a reload', async () => {
    await page.getByLabel('New scenario name').fill('Draft A');
    await page.getByRole('button', { name: 'Save a copy' }).click();
    await page.getByLabel('New scenario name').fill('Draft B');
    await page.getByRole('button', { name: 'Save a copy' }).click();
    // Draft B: move a unit out of zone 9 into zone 8 so the scenarios differ.
    const nine = (await page.locator('.zone-badge[title^="Zone 9 "]').boundingBox())!;
    const p9 = { x: nine.x + 6, y: nine.y - 24 };
    const hours8 = await zoneHours('8');
    await paintAt(p9, '8 Lincoln South');
    await expect.poll(() => zoneHours('8')).toBeGreaterThan(hours8);
    const expected = await Promise.all(['8', '9', '10'].map(zoneHours));
    await page.locator('[data-save-state="saved"]').waitFor();

    await page.reload();
    await waitForMap(page);
    const names = await page.getByTestId('scenarios').getByLabel('Scenario name').evaluateAll((els) =>
      els.map((e) => (e as HTMLInputElement).value),
    );
    expect(names).toEqual(['Current zones', 'Draft A', 'Draft B']);
    expect(await Promise.all(['8', '9', '10'].map(zoneHours))).toEqual(expected);
    await page.locator('tr[data-zone="10"]').click();
    expect(await page.getByTestId('zone-lock').isChecked()).toBe(true);
  });

  it('compares two scenarios: the units that differ, every zone metric, the disruption', async () => {
    await page.getByRole('button', { name: 'Compare scenarios…' }).click();
    await page.getByLabel('Scenario A').selectOption({ label: 'Draft A' });
    await page.getByLabel('Scenario B').selectOption({ label: 'Draft B' });
    const compare = page.getByTestId('compare');
    await compare.locator('[data-map-ready="true"]').waitFor();
    const disruption = await page.getByTestId('disruption').textContent();
    const units = Number(/Units changing zone([\d,]+)/.exec(disruption ?? '')![1]);
    expect(units).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('compare-table').locator('tbody tr').count()).toBe(12);
    const row8 = await page.locator('[data-testid="compare-table"] tr[data-zone="8"]').textContent();
    expect(row8).toMatch(/\(\+/); // zone 8 gained hours
    await page.screenshot({ path: 'docs/screenshot-compare.png' });
    await page.getByRole('button', { name: 'Close' }).click();
    await compare.waitFor({ state: 'detached' });
  });

  it('logs no console errors and sends nothing outside its origin', () => {
    expect(app.errors).toEqual([]);
    expect(app.outside).toEqual([]);
  });
});
