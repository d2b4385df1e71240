// Unit polygons checked on the way in, on both example counties: a file whose
// borders match is left exactly as it is; the same file simplified one feature
// at a time (what QGIS or shapely do without topology) gets its neighbours back
// by re-joining the borders, each repair listed; and the zones exported from
// either are valid. The single faults (bow-tie, holes, overlaps) are golden
// files: test/unit/golden/geometry.test.ts.
import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { area, simplify } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORE_SETTINGS } from '../../../solver/score';
import { exportData } from '../../../src/export/exportData';
import { zoneOutlineProblems } from '../../../src/export/zoneCheck';
import { zoneOutlines } from '../../../src/export/zoneGeojson';
import { validateGeoJson } from '../../../src/import/boundaries';
import { ProblemList } from '../../../src/import/problems';
import { buildPolygonUnits } from '../../../src/import/units';
import { polygonAdjacency } from '../../../src/model/polygonAdjacency';
import { scenarioFromModel } from '../../../src/model/scenario';
import { exampleCountyFile, loadExampleCounty } from '../../support/exampleCounty';

type Units = FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>;

function imported(fc: Units) {
  const file = validateGeoJson(fc, new ProblemList('units.geojson'));
  return buildPolygonUnits({ ...file, layers: [], layer: '' }, { id: 'id', name: 'name', ruc: null }, 'units.geojson');
}

/** "a|b" for every pair of units sharing an edge. */
function edgePairs(ids: string[], features: Array<{ geometry: Polygon | MultiPolygon }>): Set<string> {
  const { adjacency } = polygonAdjacency(features.map((f) => ({ type: 'Feature', properties: {}, geometry: f.geometry })));
  const out = new Set<string>();
  for (let u = 0; u < ids.length; u++)
    for (let k = adjacency.offsets[u]; k < adjacency.offsets[u + 1]; k++)
      if (adjacency.sharedKm[k] > 0 && adjacency.neighbours[k] > u) out.add(`${ids[u]}|${ids[adjacency.neighbours[k]]}`);
  return out;
}

describe.each([
  ['lincolnshire', 1128, 974, 1121],
  ['norfolk', 1446, 1305, 1439],
] as const)('unit polygons of %s', (county, cleanPairs, simplifiedPairs, repairedPairs) => {
  const fc = JSON.parse(readFileSync(exampleCountyFile(county, 'units'), 'utf8')) as Units;
  const ids = fc.features.map((f) => String(f.properties.id));

  it('as published: nothing reported, nothing changed', () => {
    const r = imported(fc);
    expect(r.problems).toEqual([]);
    expect(r.geo.features.map((f) => f.geometry)).toEqual(fc.features.map((f) => f.geometry));
    expect(edgePairs(ids, fc.features).size).toBe(cleanPairs);
  });

  it('simplified one feature at a time: borders re-joined, each repair listed, no unit lost', () => {
    const simplified = { ...fc, features: fc.features.map((f) => simplify(f, { tolerance: 0.0001, highQuality: true })) };
    // Without the repair, about one neighbour pair in eight shares no edge any more.
    expect(edgePairs(ids, simplified.features).size).toBe(simplifiedPairs);
    const r = imported(simplified);
    expect(r.units.ids).toEqual(ids);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const repaired = r.problems.filter((p) => /re-joined by taking/.test(p.message));
    expect(repaired.length).toBeGreaterThan(100);
    for (const p of repaired) expect(p.message).toMatch(/^Feature \d+ \("E0\d+"\): its border did not match its neighbours' \("E0\d+"/);
    const pairs = edgePairs(r.units.ids, r.geo.features);
    expect(pairs.size).toBeGreaterThanOrEqual(repairedPairs);
    // Re-joining only adds border points: the county's area moves by less than 0.01%.
    const km2 = (features: Array<{ geometry: Polygon | MultiPolygon }>) => features.reduce((s, f) => s + area(f.geometry), 0);
    expect(Math.abs(km2(r.geo.features) / km2(fc.features) - 1)).toBeLessThan(1e-4);
  });

  it('exports valid zones, overlapping nowhere, each the union of its units', () => {
    const project = loadExampleCounty(county);
    const data = exportData(project, scenarioFromModel(project.model, project.plan, 's', 'Current zones'), DEFAULT_SCORE_SETTINGS);
    expect(zoneOutlineProblems(data, zoneOutlines(data).zones)).toEqual([]);
  });
});

describe('single faults in real units', () => {
  const fc = JSON.parse(readFileSync(exampleCountyFile('lincolnshire', 'units'), 'utf8')) as Units;
  const some = (): Units => ({ ...fc, features: structuredClone(fc.features.slice(0, 60)) });

  it('leaves out the one unit moved over its neighbours, not the neighbours it covers', () => {
    const moved = some();
    const ring = (moved.features[0].geometry as Polygon).coordinates[0];
    const [w, e] = [Math.min(...ring.map((p) => p[0])), Math.max(...ring.map((p) => p[0]))];
    // Moved a third of its width east, over its neighbours there.
    (moved.features[0].geometry as Polygon).coordinates = [ring.map(([x, y]) => [x + (e - w) / 3, y])];
    const r = imported(moved);
    const errors = r.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.row)).toEqual([1]);
    expect(errors[0].message).toMatch(/^Feature 1 \("E0\d+"\): overlaps Feature \d+ \("E0\d+"\) \([\d.,]+ (km²|m²) of ground in both\)/);
    expect(r.units.ids).toEqual(fc.features.slice(1, 60).map((f) => String(f.properties.id)));
  });

  it('refuses a unit with one position typed latitude first, naming the position', () => {
    const swapped = some();
    const ring = (swapped.features[3].geometry as Polygon).coordinates[0];
    ring[2] = [ring[2][1], ring[2][0]];
    const file = validateGeoJson(swapped, new ProblemList('units.geojson'));
    expect(file.features).toHaveLength(59);
    expect(file.problems).toEqual([expect.objectContaining({ row: 4, severity: 'error', column: 'geometry' })]);
    expect(file.problems[0].message).toMatch(/^Feature 4 \(index 3\): position \[53\.\d+, -?0\.\d+\] is not in the UK \(longitude -8\.7 to 2\.1, latitude 49 to 61\); the unit is left out/);
  });
});
