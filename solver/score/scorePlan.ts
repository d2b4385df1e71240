// Full scoring of a plan in one call, for the CLI and one-off views. Callers that
// score many plans of one model should call prepareScoring once and keep a ScoreState.
import type { CountyModel, Plan } from '../model';
import { prepareScoring } from './context';
import { ScoreState, type ScoreHistory } from './scoreState';
import { DEFAULT_SCORE_SETTINGS, type ScoreSettings } from './settings';
import type { PlanScore } from './types';

export function scorePlan(
  model: CountyModel,
  plan: Plan,
  settings: ScoreSettings = DEFAULT_SCORE_SETTINGS,
  prev: ScoreHistory = {},
): PlanScore {
  return new ScoreState(prepareScoring(model, settings), plan, prev).planScore();
}
