// Geometry checks on the way in and out, against what the import and export
// already spend: unit polygons checked and repaired (src/import/unitRepair.ts)
// beside the adjacency build every import does, and the zone outline check
// (src/export/zoneCheck.ts) beside the zone GeoJSON it checks. Norfolk's 538
// LSOAs as published and simplified one feature at a time, and 10,000 hexagons.
import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { simplify } from '@turf/turf';
import { medianMs, type Bench } from './harness';
import { DEFAULT_SCORE_SETTINGS } from '../solver/score';
import { syntheticCounty } from '../solver/testing/syntheticCounty';
import { syntheticHexPolygons } from '../solver/testing/syntheticHexPolygons';
import { exportData } from '../src/export/exportData';
import { zoneOutlineProblems } from '../src/export/zoneCheck';
import { zoneFeatureCollection, zoneOutlines } from '../src/export/zoneGeojson';
import { ProblemList } from '../src/import/problems';
import { repairUnits } from '../src/import/unitRepair';
import { polygonAdjacency } from '../src/model/polygonAdjacency';
import type { Project } from '../src/model/project';
import { scenarioFromModel } from '../src/model/scenario';
import { exampleCountyFile, loadExampleCounty } from '../test/support/exampleCounty';

type Units = FeatureCollection<Polygon | MultiPolygon>;

function inRows(name: string, fc: Units) {
  const geometries = fc.features.map((f) => f.geometry);
  const labels = fc.features.map((_, i) => ({ number: i + 1, id: String(i) }));
  return async () => {
    let repaired = 0;
    const checkMs = await medianMs(() => (repaired = new ProblemList('u').items.length + repairUnits(geometries, labels, 'id', new ProblemList('u')).refused.size), 5, 1);
    const adjacencyMs = await medianMs(() => polygonAdjacency(fc.features), 5, 1);
    return { name: `geometry in: check + repair, ${name}`, ms: checkMs, adjacencyMs, ratio: checkMs / adjacencyMs, refused: repaired };
  };
}

function outRow(name: string, project: Project) {
  return async () => {
    const scenario = scenarioFromModel(project.model, project.plan, 's', 'Current zones');
    const fresh = () => exportData(project, scenario, DEFAULT_SCORE_SETTINGS);
    const zonesMs = await medianMs(() => zoneFeatureCollection(fresh()), 3, 1);
    let problems = 0;
    const data = fresh();
    zoneOutlines(data);
    const checkMs = await medianMs(() => (problems = zoneOutlineProblems(data, zoneOutlines(data).zones).length), 3, 1);
    return { name: `geometry out: zone outline check, ${name}`, ms: checkMs, zoneGeojsonMs: zonesMs, ratio: checkMs / zonesMs, problems };
  };
}

const bench: Bench = async () => {
  const norfolk = JSON.parse(readFileSync(exampleCountyFile('norfolk', 'units'), 'utf8')) as Units;
  const simplified: Units = { ...norfolk, features: norfolk.features.map((f) => simplify(f, { tolerance: 0.0001, highQuality: true })) };
  const { model, plan } = syntheticCounty({ units: 10_000, zones: 14, seed: 1 });
  const hexes = syntheticHexPolygons(model);
  const hexProject: Project = {
    name: 'Synthetic county', model, plan, unitGeo: hexes, borders: [], unitSectors: model.units.ids.map(() => ({})), attribution: [], syntheticUsers: true,
  };
  const rows = [];
  for (const row of [
    inRows('Norfolk, 538 LSOAs as published', norfolk),
    inRows('Norfolk, 538 LSOAs simplified one at a time (0.0001°)', simplified),
    inRows('10,000 hexagons', hexes),
    outRow('Norfolk, 17 zones', loadExampleCounty('norfolk')),
    outRow('10,000 hexagons, 14 zones', hexProject),
  ]) rows.push(await row());
  return rows;
};
export default bench;
