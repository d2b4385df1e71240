// Zones out and back in: export the zone GeoJSON, import it as a scenario and
// find the same zones; lock single units; a bad zones file changes nothing.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshApp, openTab, zoneHours } from './browser';
import { download, paintAt, pointInZone, scenarioNames } from './steps';

const app = freshApp();
const dir = mkdtempSync(join(tmpdir(), 'carezones-roundtrip-'));
const message = () => app.page.getByTestId('zones-import-message');

describe('zones round trip', () => {
  it('re-imports its own zone GeoJSON as a scenario with the same zones', async () => {
    const { name, bytes } = await download(app.page, 'zones');
    const path = join(dir, name);
    writeFileSync(path, bytes);

    await app.page.getByTestId('import-zones').setInputFiles(path);
    await expect.poll(() => message().textContent()).toMatch(/12 zones, 0 units in no zone/);
    expect(await scenarioNames(app.page)).toHaveLength(2);

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
    await openTab(app.page, 'Scenarios');
    await app.page.getByTestId('import-zones').setInputFiles(bad);
    await expect.poll(() => message().textContent()).toMatch(/Could not read zones from zones\.geojson: .*Nothing was changed\./);
    expect(await message().getAttribute('role')).toBe('alert');
    expect(await scenarioNames(app.page)).toHaveLength(1);
  });

  it('locks single units with the Lock tool so painting passes them by', async () => {
    const p = await pointInZone(app.page, '10');
    await app.page.getByRole('button', { name: 'Lock' }).click();
    await app.page.mouse.move(p.x, p.y);
    await app.page.mouse.down();
    await app.page.mouse.up();
    await app.page.mouse.move(p.x + 1, p.y);
    await expect.poll(async () => (await app.page.getByRole('tooltip').textContent()) ?? '').toContain('(locked)');
    const before = await zoneHours(app.page, '10');
    await paintAt(app.page, p, '9 Grantham');
    expect(await zoneHours(app.page, '10')).toBe(before);
  });
});
