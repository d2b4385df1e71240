export { optimise } from './optimise';
export { verifyPlan, zonePieces, planObjective, type Verification } from './verify';
export { completeRules, resolveRules, rulesFromSettings, SUGGESTED_DISRUPTION, zoneBands, type OptimiseRules } from './rules';
export type * from './types';
