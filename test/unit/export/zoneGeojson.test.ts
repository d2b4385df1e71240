// The zone GeoJSON of the embedded county: valid RFC 7946, one clean dissolved
// outline per zone that covers exactly the zone's units, figures from scoring.
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import * as turf from '@turf/turf';
import { scorePlan } from '../../../solver/score';
import { asUnit, UNASSIGNED, type UnitIndex } from '../../../solver/model';
import { modelFor, paint } from '../../../src/model/scenario';
import { zoneGeojson, type ZoneProperties } from '../../../src/export/zoneGeojson';
import { unitGeojson } from '../../../src/export/unitGeojson';
import { allFigures, project, scenario, settings } from './fixtures';
import { rfc7946Problems } from './rfc7946';

type ZoneFC = FeatureCollection<MultiPolygon, ZoneProperties>;
const zones = JSON.parse(zoneGeojson(project, scenario, settings)) as ZoneFC;
const units = project.unitGeo.features;
const zoneOf = scenario.zoneOf;

describe('RFC 7946 checker', () => {
  it('finds a clockwise outer ring, an open ring and too many decimals', () => {
    const fc = (coordinates: number[][][]) => ({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } }] });
    expect(rfc7946Problems(fc([[[0, 0], [0, 1], [1, 1], [0, 0]]]))).toEqual(['features[0].geometry[0]: outer ring is not counter-clockwise']);
    expect(rfc7946Problems(fc([[[0, 0], [1, 0], [1, 1], [0, 0.5]]]))[0]).toMatch(/not closed/);
    expect(rfc7946Problems(fc([[[0, 0], [1, 0.1234567], [1, 1], [0, 0]]]))[0]).toMatch(/decimals/);
    expect(rfc7946Problems(fc([[[0, 0], [1, 0], [1, 1], [0, 0]]]))).toEqual([]);
  });
});

describe('zone GeoJSON of the embedded county', () => {
  it('is a valid RFC 7946 FeatureCollection with one MultiPolygon per non-empty zone', () => {
    expect(rfc7946Problems(zones)).toEqual([]);
    expect(zones.features.map((f) => f.properties.zone_id)).toEqual(scenario.zones.map((z) => z.id));
    expect(zones.features.every((f) => f.geometry.type === 'MultiPolygon')).toBe(true);
  });

  it('has no self-intersections', () => {
    for (const f of zones.features) expect(turf.kinks(f).features, f.properties.zone_name).toEqual([]);
  });

  it('covers the assigned units with no gap: zone areas add up to the unit areas', () => {
    const unitArea = units.reduce((s, f, u) => s + (zoneOf[u] >= 0 ? turf.area(f) : 0), 0);
    const zoneArea = zones.features.reduce((s, f) => s + turf.area(f), 0);
    expect(Math.abs(zoneArea / unitArea - 1)).toBeLessThan(0.001);
    zones.features.forEach((f, z) => {
      const own = units.reduce((s, g, u) => s + (zoneOf[u] === z ? turf.area(g) : 0), 0);
      expect(Math.abs(turf.area(f) / own - 1), f.properties.zone_name).toBeLessThan(0.001);
    });
  });

  it('has no overlaps: neighbouring zones meet on a line', () => {
    const fs = zones.features;
    let touching = 0;
    for (let a = 0; a < fs.length; a++)
      for (let b = a + 1; b < fs.length; b++) {
        if (!turf.booleanIntersects(fs[a], fs[b])) continue;
        touching++;
        const overlap = turf.intersect(turf.featureCollection([fs[a], fs[b]]));
        const smaller = Math.min(turf.area(fs[a]), turf.area(fs[b]));
        expect(overlap ? turf.area(overlap) / smaller : 0, `${a} x ${b}`).toBeLessThan(1e-6);
      }
    expect(touching).toBeGreaterThan(12);
  });

  it('gives back the plan: each unit lies in the zone feature of its own zone', () => {
    const back = Array.from(zoneOf, (_, u) => {
      const pt = turf.point([project.model.units.lon[u], project.model.units.lat[u]]);
      const hit = zones.features.findIndex((f) => turf.booleanPointInPolygon(pt, f));
      return hit < 0 ? UNASSIGNED : scenario.zones.findIndex((z) => z.id === zones.features[hit].properties.zone_id);
    });
    expect(back).toEqual(Array.from(zoneOf));
  });

  it('carries the figures scoring gives each zone', () => {
    const score = scorePlan(modelFor(project.model, scenario), { zoneOf }, settings);
    zones.features.forEach((f, z) => {
      const s = score.zones[z];
      const p = f.properties;
      expect(p.zone_name).toBe(scenario.zones[z].name);
      expect(p.users).toBeCloseTo(s.users, 2);
      expect(p.weekly_hours).toBeCloseTo(s.hours, 2);
      expect(p.rural_share!).toBeCloseTo(s.ruralShare!, 4);
      expect(p.extra_rural_hours).toBeCloseTo(s.extraRuralHours, 2);
      expect(p.annual_cost).toBeCloseTo(s.annualCost, 2);
      expect(p.base_names).toBe(scenario.bases.filter((b) => b.zone === z).map((b) => b.name).join('; '));
      expect(p.base_capacity_hours).toBe(scenario.bases.filter((b) => b.zone === z).reduce((t, b) => t + b.capacityHours, 0));
    });
  });

  it('leaves out empty zones and unassigned units, or flags the unassigned as a feature on request', () => {
    const sleaford = scenario.zones.findIndex((z) => z.name === 'Sleaford');
    const emptied = paint(scenario, zoneOf.reduce<UnitIndex[]>((a, z, u) => (z === sleaford ? [...a, asUnit(u)] : a), []), UNASSIGNED);
    const plain = JSON.parse(zoneGeojson(project, emptied, settings)) as ZoneFC;
    expect(plain.features).toHaveLength(11);
    expect(plain.features.some((f) => f.properties.zone_name === 'Sleaford')).toBe(false);
    const flagged = JSON.parse(zoneGeojson(project, emptied, settings, { includeUnassigned: true })) as ZoneFC;
    expect(rfc7946Problems(flagged)).toEqual([]);
    const extra = flagged.features.at(-1)!;
    expect(extra.properties).toMatchObject({ unassigned: true, zone_id: null });
    const sleafordArea = zones.features[sleaford];
    expect(turf.area(extra) / turf.area(sleafordArea)).toBeCloseTo(1, 3);
  });
});

describe('unit GeoJSON', () => {
  it('gives every unit its zone and figures', () => {
    const fc = JSON.parse(unitGeojson(project, scenario, allFigures)) as FeatureCollection;
    expect(rfc7946Problems(fc)).toEqual([]);
    expect(fc.features).toHaveLength(project.model.units.count);
    const score = scorePlan(modelFor(project.model, scenario), { zoneOf }, settings);
    fc.features.forEach((f: Feature, u) => {
      const p = f.properties!;
      expect(p.unit_id).toBe(project.model.units.ids[u]);
      expect(p.zone_id).toBe(scenario.zones[zoneOf[u]].id);
      expect(p.weekly_hours).toBeCloseTo(project.model.demand.hours[u], 2);
      expect(p.extra_rural).toBe(score.extraRural.flagged[u] === 1);
      expect(p.extra_rural_reasons !== '').toBe(p.extra_rural);
    });
  });
});

describe('zone GeoJSON of a synthetic hex county', () => {
  it('dissolves hexes sharing exact vertices into zones whose areas add up', async () => {
    const { syntheticCounty } = await import('../../../solver/testing/syntheticCounty');
    const { syntheticHexPolygons } = await import('../../../solver/testing/syntheticHexPolygons');
    const { scenarioFromModel } = await import('../../../src/model/scenario');
    const { model, plan } = syntheticCounty({ units: 900, zones: 6, seed: 3 });
    const unitGeo = syntheticHexPolygons(model);
    const hex = { ...project, model, plan, unitGeo, unitSectors: model.units.ids.map(() => ({})) };
    const fc = JSON.parse(zoneGeojson(hex, scenarioFromModel(model, plan, 'h', 'Hex'), settings)) as ZoneFC;
    expect(rfc7946Problems(fc)).toEqual([]);
    expect(fc.features).toHaveLength(6);
    fc.features.forEach((f, z) => {
      const own = unitGeo.features.reduce((s, g, u) => s + (plan.zoneOf[u] === z ? turf.area(g) : 0), 0);
      expect(Math.abs(turf.area(f) / own - 1)).toBeLessThan(1e-4);
      expect(f.geometry.coordinates.length, 'one piece').toBe(1);
    });
  });
});
