// Exports from the app: the zone GeoJSON download, the printable lot report
// (opened in a tab, printed to PDF), the map PNG.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { freshApp } from './browser';
import { download, openLotReport } from './steps';

const app = freshApp();

describe('exports in the app', () => {
  it('downloads the zone GeoJSON with the 12 zones and the postcode sector CSV', async () => {
    const { name, bytes } = await download(app.page, 'zones');
    expect(name).toMatch(/^carezones-zones-[a-z0-9-]+\.geojson$/);
    const fc = JSON.parse(bytes.toString('utf8'));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(12);
    expect(fc.features.map((f: { properties: { zone_name: string } }) => f.properties.zone_name)).toContain('Sleaford');
    const sectors = await download(app.page, 'sectors');
    expect(sectors.name).toMatch(/^carezones-postcode-sectors-.*\.csv$/);
    expect(sectors.bytes.toString('utf8').split('\r\n')[0]).toMatch(/^postcode_sector,postcode_district,zone_id,zone_name/);
  });

  it('opens the lot report in a tab, styled, with a page per lot, and prints it to an A4 PDF', async () => {
    const report = await openLotReport(app.page);
    expect(await report.locator('section.page.lot').count()).toBe(12);
    // The report's stylesheet applies: a lot page starts a new printed page.
    expect(await report.locator('section.page.lot').first().evaluate((el) => getComputedStyle(el).breakBefore)).toBe('page');
    expect(await report.locator('section.page.lot h2').nth(9).textContent()).toContain('Lot 10: Sleaford');

    // Printed to PDF: A4, a cover and a page per lot.
    const pdf = await report.pdf({ path: join(tmpdir(), 'carezones-lot-report.pdf'), preferCSSPageSize: true, printBackground: true });
    const text = pdf.toString('latin1');
    expect(text.match(/\/Type\s*\/Page(?!s)/g)?.length).toBe(13);
    // Every page A4 portrait: 595 x 842 points.
    const sizes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(sizes.length).toBeGreaterThanOrEqual(13);
    expect(new Set(sizes.map(String))).toEqual(new Set(['595,842']));
  });

  it('downloads the map as a PNG', async () => {
    const { name, bytes } = await download(app.page, 'png');
    expect(name).toMatch(/^carezones-map-.*\.png$/);
    const png = PNG.sync.read(bytes);
    expect(png.width).toBeGreaterThan(300);
    expect(png.height).toBeGreaterThan(300);
  });
});
