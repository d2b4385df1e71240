// Zones out and back in: export the zone GeoJSON, import it as a scenario and
// find the same zones; lock single units; a bad zones file changes nothing.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, waitForMap, type WatchedPage } from './browser';

let browser: Browser;
let app: WatchedPage;
let page: Page;
const dir = mkdtempSync(join(tmpdir(), 'carezones-roundtrip-'));

const scenarioNames = () =>
  page.getByTestId('scenarios').getByLabel('Scenario name').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
const zoneHours = (id: string) =>
  page.locator(`tr[data-zone="${id}"] .hours`).first().getAttribute('data-hours').then(Number);

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openApp(browser);
  page = app.page;
  await waitForMap(page);
});
afterAll(async () => browser?.close());

describe('zones round trip', () => {
  it('re-imports its own zone GeoJSON as a scenario with the same zones', async () => {
    const download = page.waitForEvent('download');
    await page.locator('button[data-export="zones"]').click();
    const path = join(dir, (await download).suggestedFilename());
    await (await download).saveAs(path);

    await page.getByTestId('import-zones').setInputFiles(path);
    const message = page.getByTestId('zones-import-message');
    await expect.poll(() => message.textContent()).toMatch(/12 zones, 0 units in no zone/);
    expect(await scenarioNames()).toHaveLength(2);

    await page.getByRole('button', { name: 'Compare scenarios…' }).click();
    await page.getByLabel('Scenario A').selectOption({ index: 0 });
    await page.getByLabel('Scenario B').selectOption({ index: 1 });
    await expect.poll(() => page.getByTestId('disruption').textContent()).toMatch(/Units changing zone0/);
    await page.getByRole('button', { name: 'Close' }).click();
  });

  it('refuses a file that holds no zones, and changes nothing', async () => {
    const bad = join(dir, 'zones.geojson');
    writeFileSync(bad, '{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [0, 52]}, "properties": {}}]}');
    await page.getByTestId('import-zones').setInputFiles(bad);
    const message = page.getByTestId('zones-import-message');
    await expect.poll(() => message.textContent()).toMatch(/Could not read zones from zones\.geojson: .*Nothing was changed\./);
    expect(await page.getByTestId('zones-import-message').getAttribute('role')).toBe('alert');
    expect(await scenarioNames()).toHaveLength(2);
  });

  it('locks single units with the Lock tool so painting passes them by', async () => {
    const badge = (await page.locator('.zone-badge[title^="Zone 10 "]').boundingBox())!;
    const p = { x: badge.x + 6, y: badge.y + badge.height + 28 };
    await page.getByRole('button', { name: 'Lock' }).click();
    await page.mouse.move(p.x, p.y);
    await page.mouse.down();
    await page.mouse.up();
    await page.mouse.move(p.x + 1, p.y);
    await expect.poll(async () => (await page.getByRole('tooltip').textContent()) ?? '').toContain('(locked)');
    const before = await zoneHours('10');
    await page.getByTestId('active-zone').selectOption({ label: '9 Grantham' });
    await page.getByRole('button', { name: 'Brush' }).click();
    await page.mouse.move(p.x, p.y);
    await page.mouse.down();
    await page.mouse.up();
    expect(await zoneHours('10')).toBe(before);
  });

  it('logs no console errors and sends nothing outside its origin', () => {
    expect(app.errors).toEqual([]);
    expect(app.outside).toEqual([]);
  });
});
