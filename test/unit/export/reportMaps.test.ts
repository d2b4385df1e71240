// Every printed map of the embedded county: title, scenario, date, legend,
// scale and north arrow, and labels placed whole with no two overlapping.
import { describe, expect, it } from 'vitest';
import { exportData } from '../../../src/export/exportData';
import { asZone } from '../../../solver/model';
import { boxesOverlap } from '../../../src/export/cartography/labelPlacement';
import { lotMapOptions, overviewMapOptions, reportMaps } from '../../../src/export/reportMaps';
import { mapPngSheet } from '../../../src/export/mapPng';
import { mapSheet, type MapSheet } from '../../../src/export/svgMap';
import { project, scenario, settings } from './fixtures';
import { loadExampleCounty } from '../../support/exampleCounty';
import { scenarioFromModel } from '../../../src/model/scenario';

const data = exportData(project, scenario, settings);
const when = new Date('2026-04-01T12:00:00Z');
const maps = reportMaps(data, when);

function expectNoOverlaps(sheet: MapSheet) {
  const { placed } = sheet.labels;
  for (const [i, a] of placed.entries()) {
    expect(a.box.x0).toBeGreaterThanOrEqual(sheet.frame.x0);
    expect(a.box.x1).toBeLessThanOrEqual(sheet.frame.x1);
    expect(a.box.y0).toBeGreaterThanOrEqual(sheet.frame.y0);
    expect(a.box.y1).toBeLessThanOrEqual(sheet.frame.y1);
    for (const b of placed.slice(i + 1)) expect(boxesOverlap(a.box, b.box), `"${a.request.text}" overlaps "${b.request.text}"`).toBe(false);
  }
}

function expectFurniture(sheet: MapSheet, title: string) {
  expect(sheet.svg).toContain(`class="map-title"`);
  expect(sheet.svg).toContain(`>${title}</text>`);
  expect(sheet.svg).toContain('Scenario: Current zones · 1 April 2026');
  expect(sheet.svg).toContain('class="map-legend"');
  expect(sheet.svg).toContain('class="map-scale"');
  expect(sheet.svg).toContain('class="map-north"');
}

describe('report maps', () => {
  it('labels every lot on the overview, none over another', () => {
    const sheet = mapSheet(overviewMapOptions(maps, { maxWidth: 440, maxHeight: 320 })!);
    expectFurniture(sheet, 'Lincolnshire (embedded example, synthetic service users): 12 lots');
    expectNoOverlaps(sheet);
    expect(sheet.labels.dropped).toEqual([]);
    expect(sheet.labels.placed.map((l) => l.request.text).sort()).toEqual(scenario.zones.map((z) => z.id).sort());
    for (const z of scenario.zones) expect(sheet.svg).toContain(`>${z.id} ${z.name.replace('&', '&amp;')}</text>`);
  });

  it('names every base of a lot in full on its map, none over another', () => {
    scenario.zones.forEach((zone, z) => {
      const sheet = mapSheet(lotMapOptions(maps, asZone(z))!);
      expectFurniture(sheet, `Lot ${zone.id}: ${zone.name.replace('&', '&amp;')}`);
      expectNoOverlaps(sheet);
      const bases = scenario.bases.filter((b) => b.zone === z).map((b) => b.name);
      expect(sheet.labels.placed.filter((l) => l.request.kind === 'point').map((l) => l.request.text)).toEqual(bases);
      // Neighbours are named when there is room; the lot's own bases always are.
      expect(sheet.labels.dropped.filter((l) => l.kind === 'point')).toEqual([]);
    });
  });

  it('draws the map PNG with zone names, base names and the data credits', () => {
    const sheet = mapPngSheet(data, when)!;
    expectFurniture(sheet, 'Lincolnshire (embedded example, synthetic service users): 12 lots');
    expectNoOverlaps(sheet);
    const texts = sheet.labels.placed.map((l) => l.request.text);
    for (const z of scenario.zones) expect(texts).toContain(`${z.id} ${z.name}`);
    expect(texts.filter((t) => t.endsWith(' base')).length).toBeGreaterThan(6);
    expect(sheet.svg).toContain('Crown copyright');
    expect(sheet.width).toBeGreaterThan(700);
  });

  it("names every Norfolk zone whole in the legends, the longest too", () => {
    const norfolk = loadExampleCounty('norfolk');
    const current = scenarioFromModel(norfolk.model, norfolk.plan, 's1', 'Current zones');
    const nd = exportData(norfolk, current, settings);
    const sheets = [mapPngSheet(nd, when)!, mapSheet(overviewMapOptions(reportMaps(nd, when), { maxWidth: 440, maxHeight: 320 })!)];
    for (const sheet of sheets) {
      expect(sheet.svg).not.toContain('…');
      for (const z of current.zones) expect(sheet.svg).toContain(`>${z.id} ${z.name.replace(/&/g, '&amp;').replace(/'/g, '&#39;')}</text>`);
    }
  });
});
