// A generated county of hexagon units saved as a carezones project file, for
// browser benchmarks at sizes the embedded county does not reach.
import { syntheticCounty } from '../../solver/testing/syntheticCounty';
import { syntheticHexPolygons } from '../../solver/testing/syntheticHexPolygons';
import { assembleProject } from '../../src/model/assembleProject';
import { scenarioFromModel } from '../../src/model/scenario';
import { writeProjectFile } from '../../src/state/projectFile';
import { DEFAULT_SCORE_SETTINGS } from '../../solver/score';

export function bigProjectFile(units: number, zones: number): string {
  const { model, plan } = syntheticCounty({ units, zones, seed: 7 });
  const geo = syntheticHexPolygons(model);
  const u = model.units;
  const project = assembleProject({
    name: `Generated county, ${units.toLocaleString('en-GB')} units`,
    units: geo.features.map((f, i) => ({
      id: u.ids[i], name: u.names[i], geometry: f.geometry, lon: u.lon[i], lat: u.lat[i],
      rurality: u.rurality[i], sparse: u.sparse[i] === 1, ruc: '', town: u.town[i], sectors: {},
    })),
    demand: model.demand, zones: model.zones, bases: model.bases, towns: model.towns, plan,
    attribution: [], syntheticUsers: true,
  });
  const scenario = scenarioFromModel(project.model, plan, 's1', 'Generated zones');
  return writeProjectFile({ project, scenarios: [scenario], currentId: 's1', baselineId: 's1', settings: DEFAULT_SCORE_SETTINGS });
}
