// Exports from the app: the zone GeoJSON download, the printable lot report
// (opened in a tab, printed to PDF), the map PNG.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { freshApp } from './browser';
import { download, openExampleCounty, openLotReport } from './steps';

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

  // A4 less the report's @page margins (12 mm each side, 12 mm top, 14 mm bottom), in CSS px.
  const PAGE_BOX = { width: (186 / 25.4) * 96, height: (271 / 25.4) * 96 };
  for (const [county, lots] of [['lincolnshire', 12], ['norfolk', 17]] as const) {
    it(`prints ${county}'s lot report as a cover and one A4 page per lot, each page's content inside the page box`, async () => {
      if (county === 'norfolk') await openExampleCounty(app.page, 'norfolk', 17);
      const report = await openLotReport(app.page);
      expect(await report.locator('section.page.lot').count()).toBe(lots);
      const pdf = await report.pdf({ path: join(tmpdir(), `carezones-lot-report-${county}.pdf`), preferCSSPageSize: true, printBackground: true });
      expect(pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length).toBe(1 + lots);
      // Laid out as printed, one page box wide: nothing wider than the page (Chromium would shrink every page to fit it), no page taller.
      await report.emulateMedia({ media: 'print' });
      await report.setViewportSize({ width: Math.floor(PAGE_BOX.width), height: Math.floor(PAGE_BOX.height) });
      expect(await report.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(Math.ceil(PAGE_BOX.width));
      const heights = await report.locator('section.page').evaluateAll((pages) => pages.map((p) => [p.id || 'cover', p.getBoundingClientRect().height] as const));
      expect(heights).toHaveLength(1 + lots);
      const over = heights.filter(([, h]) => h > PAGE_BOX.height).map(([id, h]) => `${id}: ${Math.round(h)} px`);
      expect(over, `pages taller than ${Math.round(PAGE_BOX.height)} px`).toEqual([]);
      // Each lot says its hours by rate band (category) on one line.
      const mix = report.locator('section.page.lot p.mix');
      expect(await mix.count()).toBe(lots);
      for (const h of await mix.evaluateAll((ps) => ps.map((p) => p.getBoundingClientRect().height))) expect(h).toBeLessThan(20);
    });
  }

  it('draws every map label of the report whole, inside its map, with no two overlapping (as rendered)', async () => {
    const report = await openLotReport(app.page);
    const maps = await report.locator('svg.map').evaluateAll((svgs) =>
      svgs.map((svg) => {
        const frame = (svg.querySelector('rect.map-frame') as SVGRectElement).getBBox();
        const boxes = [...svg.querySelectorAll<SVGTextElement>('text.map-label')].map((t) => {
          const b = t.getBBox();
          return { text: t.textContent, x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height };
        });
        return { frame: { x0: frame.x, y0: frame.y, x1: frame.x + frame.width, y1: frame.y + frame.height }, boxes };
      }),
    );
    expect(maps).toHaveLength(13);
    const overlaps: string[] = [];
    for (const { frame, boxes } of maps) {
      expect(boxes.length).toBeGreaterThan(0);
      for (const [i, a] of boxes.entries()) {
        expect(a.x0 >= frame.x0 && a.x1 <= frame.x1 && a.y0 >= frame.y0 && a.y1 <= frame.y1, `${a.text} leaves its map`).toBe(true);
        for (const b of boxes.slice(i + 1)) if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) overlaps.push(`${a.text} / ${b.text}`);
      }
    }
    expect(overlaps).toEqual([]);
  });

  it('downloads the map as a PNG: the whole county with its title and legend, drawn at twice its size', async () => {
    const { name, bytes } = await download(app.page, 'png');
    expect(name).toMatch(/^carezones-map-.*\.png$/);
    const png = PNG.sync.read(bytes);
    expect(png.width).toBeGreaterThan(1400);
    expect(png.height).toBeGreaterThan(1400);
    // Every zone's colour is on it (the map and the legend), and the title's dark ink.
    const colours = await app.page.evaluate(() => [...document.querySelectorAll('[data-testid="zone-table"] tbody tr .swatch')].map((e) => getComputedStyle(e).backgroundColor));
    expect(colours.length).toBe(12);
    const rgb = colours.map((c) => c.match(/\d+/g)!.slice(0, 3).map(Number));
    const seen = rgb.map(() => 0);
    let ink = 0;
    for (let p = 0; p < png.data.length; p += 4) {
      const px = [png.data[p], png.data[p + 1], png.data[p + 2]];
      rgb.forEach((c, i) => { if (c.every((v, k) => Math.abs(v - px[k]) <= 2)) seen[i]++; });
      if (px[0] === 0x1d && px[1] === 0x28 && px[2] === 0x30) ink++;
    }
    expect(seen.every((n) => n > 1000), String(seen)).toBe(true);
    expect(ink).toBeGreaterThan(1000);
  });
});
