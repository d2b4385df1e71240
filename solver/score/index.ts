// Public face of the scoring module, shared by the app, the optimiser and the CLI.
export { prepareScoring, type ScoreContext } from './context';
export { detectExtraRural, type ExtraRuralCriteria, type ExtraRuralFlag, type ExtraRuralResult } from './extraRural';
export { bandName, bandOf, centreDistances, extraRuralRateWords, rateSchemeWords, METRES_PER_MILE, rateCentres, rateMixWords, rateReason, unitRates, type CentreDistances, type UnitRates } from './rates';
export { minViableZoneHours, providerFit, providerSlotsWords, providersPerZone, type ProviderFit, type ProviderSlot } from './providers';
export { scorePlan } from './scorePlan';
export { ScoreState, type ScoreHistory } from './scoreState';
export {
  DEFAULT_SCORE_SETTINGS,
  extraRuralRate,
  uplifted,
  type ExtraRuralSettings,
  type ExtraRuralWeights,
  type ProviderModelKind,
  type ProviderModelSettings,
  type RateBand,
  type RateCentre,
  type RateScheme,
  type RateSettings,
  type RuleSettings,
  type ScoreSettings,
} from './settings';
export type * from './types';
