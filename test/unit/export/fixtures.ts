// The embedded county as a project and its current-zones scenario, for export tests.
import { loadExampleCounty } from '../../support/exampleCounty';
import { scenarioFromModel } from '../../../src/model/scenario';
import { DEFAULT_SCORE_SETTINGS } from '../../../solver/score';

export const project = loadExampleCounty('lincolnshire');
export const scenario = scenarioFromModel(project.model, project.plan, 's1', 'Current zones');
export const settings = DEFAULT_SCORE_SETTINGS;
