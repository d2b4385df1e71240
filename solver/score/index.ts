// Public face of the scoring module, shared by the app, the optimiser and the CLI.
export { prepareScoring, type ScoreContext } from './context';
export { whatIfPackage, type NewPackage, type PackageWhatIf } from './whatIf';
export { detectExtraRural, explainUnit, type ExtraRuralCriteria, type ExtraRuralFigures, type ExtraRuralFlag, type ExtraRuralResult } from './extraRural';
export { scorePlan } from './scorePlan';
export { DIFFICULTY_FACTORS, LEAD_PROVIDER, zoneDifficulty } from './difficulty';
export { ScoreState, type ScoreHistory } from './scoreState';
export { bandVisitsOf, catchmentAreas, prepareVisitTravel, TOUR_CONSTANT, type VisitTravelContext } from './visitTravel';
export {
  DEFAULT_SCORE_SETTINGS,
  extraRuralRate,
  type DifficultyWeights,
  type ExtraRuralSettings,
  type ExtraRuralWeights,
  type RateSettings,
  type RuleSettings,
  type ScoreSettings,
  type VisitTravelSettings,
} from './settings';
export type * from './types';
