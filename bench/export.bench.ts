// Export speed: the zone GeoJSON (topology, dissolve, scoring) and the lot
// report for a 10,000-unit synthetic county of hexagons. Target: zone GeoJSON < 2 s.
import type { Bench } from './harness';
import { medianMs } from './harness';
import { DEFAULT_SCORE_SETTINGS } from '../solver/score';
import { syntheticCounty } from '../solver/testing/syntheticCounty';
import { syntheticHexPolygons } from '../solver/testing/syntheticHexPolygons';
import { scenarioFromModel } from '../src/model/scenario';
import type { Project } from '../src/model/project';
import { zoneGeojson } from '../src/export/zoneGeojson';
import { lotReport } from '../src/export/lotReport';

const UNITS = 10_000;
const ZONES = 14;

const bench: Bench = async () => {
  const { model, plan } = syntheticCounty({ units: UNITS, zones: ZONES, seed: 1 });
  const project: Project = {
    name: 'Synthetic county',
    model,
    plan,
    unitGeo: syntheticHexPolygons(model),
    borders: [],
    unitSectors: model.units.ids.map(() => ({})),
    attribution: [],
    syntheticUsers: true,
  };
  const scenario = scenarioFromModel(model, plan, 's', 'Synthetic');
  const settings = DEFAULT_SCORE_SETTINGS;
  let zonesBytes = 0;
  let reportBytes = 0;
  const size = `${UNITS.toLocaleString('en-GB')} hex units x ${ZONES} zones`;
  return [
    { name: `export: zone GeoJSON, ${size}`, ms: await medianMs(() => (zonesBytes = zoneGeojson(project, scenario, settings).length), 5, 1), kB: Math.round(zonesBytes / 1024), targetMs: 2000 },
    { name: `export: lot report HTML, ${size}`, ms: await medianMs(() => (reportBytes = lotReport(project, scenario, settings).length), 3, 1), kB: Math.round(reportBytes / 1024) },
  ];
};
export default bench;
