// One adjacency for contiguity everywhere: scoring's pieces, the optimiser, its
// verifier and the exported zone outlines agree on the fixtures in
// test/fixtures/contiguity (a corner-touch pair, an island unit, a two-unit
// island), and rules that one-piece zones cannot keep are named with a fix.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { adjacencyFromLists, asZone, emptyDemand, Rurality, type CountyModel, type Plan, type UnitIndex } from '../../../solver/model';
import { baseUnits } from '../../../solver/baseUnits';
import { optimise } from '../../../solver/optimise';
import { verifyPlan } from '../../../solver/optimise/verify';
import { DEFAULT_SCORE_SETTINGS, scorePlan } from '../../../solver/score';
import { assembleProject } from '../../../src/model/assembleProject';
import type { Project } from '../../../src/model/project';
import { scenarioFromModel } from '../../../src/model/scenario';
import { zoneFeatureCollection } from '../../../src/export/zoneGeojson';
import { exportData } from '../../../src/export/exportData';
import { tinyCounty } from './tinyCounty';

interface FixtureProps {
  id: string;
  name: string;
  zone: string;
  hours: number;
}

/** A fixture as a project: zones "1" and "2", zone 1's base on `base1`, zone 2's on `base2` (unit names). */
function fixture(file: string, base1: string, base2: string): Project {
  const fc = JSON.parse(readFileSync(`test/fixtures/contiguity/${file}`, 'utf8')) as FeatureCollection<Polygon, FixtureProps>;
  const n = fc.features.length;
  const demand = emptyDemand(n);
  const centre = (i: number) => {
    const ring = fc.features[i].geometry.coordinates[0].slice(0, -1);
    return [ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length];
  };
  fc.features.forEach((f, i) => {
    demand.hours[i] = f.properties.hours;
    demand.users[i] = 1;
  });
  const at = (name: string) => centre(fc.features.findIndex((f) => f.properties.name === name));
  const bases = [base1, base2].map((name, z) => ({ id: `B${z + 1}`, name: `Base ${z + 1}`, lon: at(name)[0], lat: at(name)[1], capacityHours: 1e6, zone: asZone(z) }));
  return assembleProject({
    name: file,
    units: fc.features.map((f, i) => ({
      id: f.properties.id,
      name: f.properties.name,
      geometry: f.geometry,
      lon: centre(i)[0],
      lat: centre(i)[1],
      rurality: Rurality.Urban,
      sparse: false,
      ruc: '',
      town: -1,
      sectors: {},
    })),
    demand,
    zones: [
      { id: '1', name: 'North' },
      { id: '2', name: 'South' },
    ],
    bases,
    towns: [],
    plan: { zoneOf: Int32Array.from(fc.features, (f) => Number(f.properties.zone) - 1) },
    attribution: [],
    syntheticUsers: true,
  });
}

/** Pieces of each zone as scoring, the verifier and the exported outlines see them. */
function views(project: Project, plan: Plan) {
  const score = scorePlan(project.model, plan).zones.map((z) => z.pieces);
  const verified = verifyPlan(project.model, project.plan, { balance: null }, plan).pieces;
  const scenario = { ...scenarioFromModel(project.model, plan, 's', 'test'), zoneOf: plan.zoneOf };
  const outlines = zoneFeatureCollection(exportData(project, scenario, DEFAULT_SCORE_SETTINGS)).features;
  return {
    score,
    verified,
    exportedPieces: outlines.map((f) => f.properties.pieces),
    polygons: outlines.map((f) => (f.geometry as MultiPolygon).coordinates.length),
  };
}

const name = (project: Project, u: number) => project.model.units.names[u];

describe('a corner-touch pair', () => {
  const project = fixture('corner-touch.geojson', 'Grid 0', 'Grid 8');

  it('is two pieces to scoring, the verifier and the export alike', () => {
    // Zone North is Grid 0 and Grid 4, which meet only at a point.
    expect(views(project, project.plan)).toEqual({ score: [2, 1], verified: [2, 1], exportedPieces: [2, 1], polygons: [2, 1] });
    expect(project.model.units.adjacency.links).toBeUndefined();
    expect(verifyPlan(project.model, project.plan, {}, project.plan).problems.join()).toMatch(/more than one piece: North \(2\)/);
  });

  it('is joined by the optimiser into a zone that dissolves to one polygon', async () => {
    const r = await optimise({ model: project.model, current: project.plan, rules: { balance: null, ruralShare: null } });
    expect(r.status).toBe('feasible');
    expect(views(project, r.plan)).toMatchObject({ score: [1, 1], verified: [1, 1], polygons: [1, 1] });
  });
});

describe('an island unit', () => {
  const project = fixture('island.geojson', 'Grid 2', 'Grid 0');
  const island = project.model.units.names.indexOf('Island');

  it('is linked to its nearest unit across the water, and the link makes one piece everywhere', () => {
    const links = project.model.units.adjacency.links!;
    expect(links).toHaveLength(1);
    expect([name(project, links[0].a), name(project, links[0].b)].sort()).toEqual(['Grid 2', 'Island']);
    // (0.05, 51.99) to (0.03, 52): 0.02 degrees of longitude and 0.01 of latitude, about 1.8 km.
    expect(links[0].km).toBeCloseTo(1.76, 1);
    // North (the east column and the island) is one piece joined by the link, though it dissolves to two polygons.
    expect(views(project, project.plan)).toEqual({ score: [1, 1], verified: [1, 1], exportedPieces: [1, 1], polygons: [2, 1] });
  });

  it('counts as its own piece in a zone that does not hold its linked neighbour', () => {
    const zoneOf = Int32Array.from(project.plan.zoneOf);
    zoneOf[project.model.units.names.indexOf('Grid 2')] = 1;
    // North keeps Grid 5, Grid 8 and the island, now apart from them; South takes Grid 2 in one piece.
    expect(views(project, { zoneOf })).toMatchObject({ score: [2, 1], verified: [2, 1] });
  });

  it('is reported with its link in the optimiser result', async () => {
    const r = await optimise({ model: project.model, current: project.plan, rules: { balance: { tolerance: 0.5 }, ruralShare: null } });
    expect(r.contiguous).toBe(true);
    const note = r.explanation.notes.find((x) => x.startsWith('Island shares no border'));
    expect(note).toMatch(/^Island shares no border with another unit; it is linked to Grid 2, 1\.8 km across the water/);
    expect(r.plan.zoneOf[island]).toBe(r.plan.zoneOf[project.model.units.names.indexOf('Grid 2')]);
  });
});

describe('a two-unit island', () => {
  const project = fixture('two-unit-island.geojson', 'Grid 2', 'Grid 0');

  it('is linked once, at its nearest pair, and optimises to one-piece zones', async () => {
    const links = project.model.units.adjacency.links!;
    expect(links.map((l) => [name(project, l.a), name(project, l.b)].sort())).toEqual([['Grid 2', 'West isle']]);
    const r = await optimise({ model: project.model, current: project.plan, rules: { balance: { tolerance: 0.5 }, ruralShare: null } });
    expect(r.status).not.toBe('infeasible');
    expect(views(project, r.plan)).toMatchObject({ score: [1, 1], verified: [1, 1] });
    expect(r.explanation.notes.join(' ')).toMatch(/West isle and 1 other unit share no border with the rest; they are linked across water, nearest West isle to Grid 2/);
  });

  it('with no link, gives a conflict that names the units and the fix', async () => {
    // The same map with its adjacency cut back to shared borders only: the island is stranded.
    const m = project.model;
    const lists = Array.from({ length: m.units.count }, (_, u) => {
      const out: Array<[UnitIndex, number]> = [];
      for (let k = m.units.adjacency.offsets[u]; k < m.units.adjacency.offsets[u + 1]; k++) {
        if (m.units.adjacency.sharedKm[k] > 0) out.push([m.units.adjacency.neighbours[k], m.units.adjacency.sharedKm[k]]);
      }
      return out;
    });
    const model: CountyModel = { ...m, units: { ...m.units, adjacency: adjacencyFromLists(lists) } };
    const r = await optimise({ model, current: project.plan, rules: { ruralShare: null } });
    expect(r.status).toBe('infeasible');
    const c = r.explanation.conflicts.find((x) => x.rule === 'contiguity');
    expect(c?.message).toMatch(/^2 units from West isle \(20 h\/week\) have no border or link with the rest of the map/);
    expect(c?.fix).toMatch(/Link the units to their nearest neighbour/);
  });
});

describe('rules one-piece zones cannot keep, found before solving', () => {
  it('a zone walled in by a locked zone, short of its floor', async () => {
    // Row of 6; zone 1 (base at 0) is cut off by locked zone 2 at unit 1.
    const { model } = tinyCounty({ hours: [10, 10, 10, 10, 10, 10], bases: [{ at: 0 }, { at: 1 }, { at: 5 }] });
    const current = { zoneOf: Int32Array.from([0, 1, 2, 2, 2, 2]) };
    const r = await optimise({ model, current, rules: { balance: { tolerance: 0.3 }, ruralShare: null, lockedZones: [asZone(1)] } });
    expect(r.status).toBe('infeasible');
    const [reach, group] = r.explanation.conflicts.filter((x) => x.rule === 'contiguity');
    // The mean zone holds 20 h, so the floor is 14 h.
    expect(reach.message).toBe('Zone 1 can reach only 10 h/week in one piece from its base without crossing locked zones or units; its balance floor is 14 h/week.');
    expect(reach.fix).toMatch(/widen the balance band to ±50%/);
    // Beyond the locked zone, units 2-5 (40 h) can only be Zone 3's, whose ceiling is 26 h.
    expect(group.message).toBe('4 units from u2 (40 h/week) are cut off from the rest of the map, and only Zone 3 (based there) can hold them: 40 h/week is more than they may take (26 h/week).');
  });
});

describe('each base keeps its unit', () => {
  it('the optimiser moves a base unit back into its zone, and the verifier flags a plan that does not', async () => {
    const { model } = tinyCounty({ hours: [10, 10, 10, 10, 10, 10], bases: [{ at: 0 }, { at: 5 }] });
    // Zone 2's base unit (5) starts in zone 1.
    const current = { zoneOf: Int32Array.from([0, 0, 0, 0, 0, 0]) };
    expect(verifyPlan(model, current, {}, current).problems).toContain("Base 1: its unit u5 is not in the base's zone");
    const rules = { balance: null, ruralShare: null };
    const r = await optimise({ model, current, rules });
    expect(r.plan.zoneOf[baseUnits(model)[1]]).toBe(1);
    expect(verifyPlan(model, current, rules, r.plan).ok).toBe(true);
  });

  it('a zone with no base says the capacity rule cannot limit it', async () => {
    const { model, plan } = tinyCounty({ hours: [10, 10, 10, 10], bases: [{ at: 0, capacity: 30 }, { at: 3, capacity: 30 }] });
    const noBase = { ...model, zones: [...model.zones, { id: '3', name: 'Zone 3' }] };
    const current = { zoneOf: Int32Array.from(plan.zoneOf, (z, u) => (u === 2 ? 2 : z)) };
    const r = await optimise({ model: noBase, current, rules: { balance: null, ruralShare: null, contiguous: false } });
    expect(r.explanation.notes).toContain('Zone 3 has no base, so the capacity rule cannot limit its hours, and travel is measured from the centre of its current units. Add its base with a capacity to apply it.');
    const none = await optimise({ model: { ...model, bases: [] }, current: plan, rules: { balance: null, ruralShare: null } });
    expect(none.explanation.notes.join(' ')).toMatch(/There are no provider bases, so no zone’s hours are limited by capacity/);
  });
});

describe('a zone with two bases', () => {
  // Zone 1's bases stand at u0 and u2, 2 km either side of u1; Zone 2's base is at u4, 1 km north
  // of u1, so the nearest-base plan gives u1 and u3 (south of u1, touching only it) to Zone 2
  // and leaves Zone 1 in two pieces. Zone 1 can be one piece only by taking u1 and u3 together.
  const { model, plan } = tinyCounty({
    hours: [10, 10, 10, 10, 10, 10],
    at: [[-1, 0], [1, 0], [3, 0], [1, -1], [1, 1], [1, 2]],
    edges: [[0, 1], [1, 2], [1, 3], [1, 4], [4, 5]],
    bases: [{ at: 0, zone: 0 }, { at: 2, zone: 0 }, { at: 4, zone: 1 }],
  });

  it('is joined through a unit of another zone, taking the units that unit would cut off', async () => {
    expect(Array.from(plan.zoneOf)).toEqual([0, 1, 0, 1, 1, 1]);
    const rules = { balance: null, size: null, reach: null, ruralShare: null };
    const r = await optimise({ model, current: plan, rules });
    expect(r.status).toBe('feasible');
    expect(Array.from(r.plan.zoneOf)).toEqual([0, 0, 0, 0, 1, 1]);
    expect(verifyPlan(model, plan, rules, r.plan).problems).toEqual([]);
  });

  it('says when the reach keeps its bases apart, and the reach that would join them', async () => {
    // u1 is 2 km from both of Zone 1's bases (about 5 minutes' drive): at 3 minutes Zone 1 cannot hold it.
    const rules = { balance: null, size: null, ruralShare: null, reach: { minutes: 3 } };
    const r = await optimise({ model, current: plan, rules });
    expect(r.status).toBe('infeasible');
    const c = r.explanation.conflicts.find((x) => x.rule === 'contiguity')!;
    expect(c.message).toBe("Zone 1 must keep Unit u0 (where Base 0 stands), which cannot be joined to the unit of Base 1 within 3 minutes' reach.");
    const minutes = Number(/^Set the reach to (\d+) minutes, or allow zones in more than one piece\.$/.exec(c.fix ?? '')?.[1]);
    expect(minutes).toBeGreaterThan(3);
    const joined = await optimise({ model, current: plan, rules: { ...rules, reach: { minutes } } });
    expect(joined.status).toBe('feasible');
    expect(Array.from(joined.plan.zoneOf)).toEqual([0, 0, 0, 0, 1, 1]);
  });
});
