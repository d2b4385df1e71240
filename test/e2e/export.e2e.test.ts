// Exports from the app: the zone GeoJSON download, the printable lot report
// (opened in a tab, printed to PDF), the map PNG.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { launchBrowser, openApp, waitForMap, type WatchedPage, openTab } from './browser';

let browser: Browser;
let app: WatchedPage;
let report: Page;
const reportErrors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openApp(browser);
  await waitForMap(app.page);
});
afterAll(async () => browser?.close());

async function download(kind: string) {
  await openTab(app.page, 'Export');
  const [file] = await Promise.all([app.page.waitForEvent('download'), app.page.locator(`[data-export="${kind}"]`).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

describe('exports in the app', () => {
  it('downloads the zone GeoJSON with the 12 zones', async () => {
    const { name, bytes } = await download('zones');
    expect(name).toMatch(/^carezones-zones-[a-z0-9-]+\.geojson$/);
    const fc = JSON.parse(bytes.toString('utf8'));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(12);
    expect(fc.features.map((f: { properties: { zone_name: string } }) => f.properties.zone_name)).toContain('Sleaford');
  });

  it('downloads the postcode sector CSV', async () => {
    const { name, bytes } = await download('sectors');
    expect(name).toMatch(/^carezones-postcode-sectors-.*\.csv$/);
    expect(bytes.toString('utf8').split('\r\n')[0]).toMatch(/^postcode_sector,postcode_district,zone_id,zone_name/);
  });

  it('opens the lot report in a tab, styled, with a page per lot', async () => {
    await openTab(app.page, 'Export');
    const [tab] = await Promise.all([app.page.context().waitForEvent('page'), app.page.locator('[data-export="print"]').click()]);
    report = tab;
    report.on('console', (m) => m.type() === 'error' && reportErrors.push(m.text()));
    await report.waitForLoadState('load');
    await expect.poll(() => report.evaluate(() => document.adoptedStyleSheets.length)).toBe(1);
    expect(await report.locator('section.page.lot').count()).toBe(12);
    // The report's stylesheet applies: a lot page starts a new printed page.
    expect(await report.locator('section.page.lot').first().evaluate((el) => getComputedStyle(el).breakBefore)).toBe('page');
    expect(await report.locator('section.page.lot h2').nth(9).textContent()).toContain('Lot 10: Sleaford');
  });

  it('prints the lot report to an A4 PDF, a cover and a page per lot', async () => {
    const pdf = await report.pdf({ path: join(tmpdir(), 'carezones-lot-report.pdf'), preferCSSPageSize: true, printBackground: true });
    const text = pdf.toString('latin1');
    expect(text.match(/\/Type\s*\/Page(?!s)/g)?.length).toBe(13);
    // Every page A4 portrait: 595 x 842 points.
    const sizes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(sizes.length).toBeGreaterThanOrEqual(13);
    expect(new Set(sizes.map(String))).toEqual(new Set(['595,842']));
  });

  it('saves a screenshot of the report cover for the docs', async () => {
    await report.setViewportSize({ width: 900, height: 1300 });
    await report.locator('section.page.cover').screenshot({ path: 'docs/screenshot-report.png' });
    const png = PNG.sync.read(readFileSync('docs/screenshot-report.png'));
    expect(png.width).toBeGreaterThan(600);
  });

  it('downloads the map as a PNG', async () => {
    const { name, bytes } = await download('png');
    expect(name).toMatch(/^carezones-map-.*\.png$/);
    const png = PNG.sync.read(bytes);
    expect(png.width).toBeGreaterThan(300);
    expect(png.height).toBeGreaterThan(300);
  });

  it('logs no console errors in the app or the report and sends nothing outside', () => {
    expect(app.errors).toEqual([]);
    expect(reportErrors).toEqual([]);
    expect(app.outside).toEqual([]);
  });
});
