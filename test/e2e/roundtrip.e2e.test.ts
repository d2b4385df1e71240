// Zones out and back in: export the zone GeoJSON, import it as a scenario and
// find the same zones; lock single units; a bad zones file changes nothing.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appSession, openTab, zoneHours } from './browser';

const app = appSession();
const dir = mkdtempSync(join(tmpdir(), 'carezones-roundtrip-'));

const scenarioNames = () =>
  app.page.getByTestId('scenarios').getByLabel('Scenario name').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
const hoursOf = (id: string) => zoneHours(app.page, id);

describe('zones round trip', () => {
  it('re-imports its own zone GeoJSON as a scenario with the same zones', async () => {
    await openTab(app.page, 'Export');
    const download = app.page.waitForEvent('download');
    await app.page.locator('button[data-export="zones"]').click();
    const path = join(dir, (await download).suggestedFilename());
    await (await download).saveAs(path);

    await app.page.getByTestId('import-zones').setInputFiles(path);
    const message = app.page.getByTestId('zones-import-message');
    await expect.poll(() => message.textContent()).toMatch(/12 zones, 0 units in no zone/);
    expect(await scenarioNames()).toHaveLength(2);

    await openTab(app.page, 'Scenarios');
    await app.page.getByRole('button', { name: 'Compare scenarios…' }).click();
    await app.page.getByLabel('Scenario A').selectOption({ index: 0 });
    await app.page.getByLabel('Scenario B').selectOption({ index: 1 });
    await expect.poll(() => app.page.getByTestId('disruption').textContent()).toMatch(/Units changing zone0/);
    await app.page.getByRole('button', { name: 'Close' }).click();
  });

  it('refuses a file that holds no zones, and changes nothing', async () => {
    const bad = join(dir, 'zones.geojson');
    writeFileSync(bad, '{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [0, 52]}, "properties": {}}]}');
    await app.page.getByTestId('import-zones').setInputFiles(bad);
    const message = app.page.getByTestId('zones-import-message');
    await expect.poll(() => message.textContent()).toMatch(/Could not read zones from zones\.geojson: .*Nothing was changed\./);
    expect(await app.page.getByTestId('zones-import-message').getAttribute('role')).toBe('alert');
    expect(await scenarioNames()).toHaveLength(2);
  });

  it('locks single units with the Lock tool so painting passes them by', async () => {
    const badge = (await app.page.locator('.zone-badge[title^="Zone 10 "]').boundingBox())!;
    const p = { x: badge.x + 6, y: badge.y + badge.height + 28 };
    await app.page.getByRole('button', { name: 'Lock' }).click();
    await app.page.mouse.move(p.x, p.y);
    await app.page.mouse.down();
    await app.page.mouse.up();
    await app.page.mouse.move(p.x + 1, p.y);
    await expect.poll(async () => (await app.page.getByRole('tooltip').textContent()) ?? '').toContain('(locked)');
    const before = await hoursOf('10');
    await app.page.getByTestId('active-zone').selectOption({ label: '9 Grantham' });
    await app.page.getByRole('button', { name: 'Brush' }).click();
    await app.page.mouse.move(p.x, p.y);
    await app.page.mouse.down();
    await app.page.mouse.up();
    expect(await hoursOf('10')).toBe(before);
  });

  it('logs no console errors and sends nothing outside its origin', () => {
    expect(app.errors).toEqual([]);
    expect(app.outside).toEqual([]);
  });
});
