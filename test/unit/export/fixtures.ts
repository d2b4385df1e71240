// The embedded county as a project and its current-zones scenario, for export tests.
import { loadExampleCounty } from '../../support/exampleCounty';
import { scenarioFromModel } from '../../../src/model/scenario';
import { DEFAULT_SCORE_SETTINGS } from '../../../solver/score';

export const project = loadExampleCounty('lincolnshire');
export const scenario = scenarioFromModel(project.model, project.plan, 's1', 'Current zones');
export const settings = DEFAULT_SCORE_SETTINGS;
/** Every figure shown (privacy minimum 1), for tests of the figures themselves; test/unit/trust/privacyMinimum.test.ts tests withholding. */
export const allFigures = { ...DEFAULT_SCORE_SETTINGS, privacyMinimumUsers: 1 };
