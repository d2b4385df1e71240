// The embedded county as a project and its current-zones scenario, for export tests.
import { readFileSync } from 'node:fs';
import { buildDefaultProject } from '../../../src/model/defaultProject';
import { scenarioFromModel } from '../../../src/state/scenario';
import { DEFAULT_SCORE_SETTINGS } from '../../../solver/score';

const read = (f: string) => readFileSync(`data/default/${f}`, 'utf8');

export const project = buildDefaultProject({
  units: read('units.geojson'),
  zoneSectors: read('zone-sectors.csv'),
  bases: read('provider-bases.csv'),
  users: read('service-users.csv'),
  postcodes: read('postcodes.csv'),
  towns: read('towns.csv'),
});
export const scenario = scenarioFromModel(project.model, project.plan, 's1', 'Current zones');
export const settings = DEFAULT_SCORE_SETTINGS;
