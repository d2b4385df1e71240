export { optimise } from './optimise';
export { verifyPlan, zonePieces, planObjective, type Verification } from './verify';
export {
  completeRules,
  defaultsInWords,
  resolveRules,
  rulesFromSettings,
  rulesLabel,
  SUGGESTED_DISRUPTION,
  SUGGESTED_RURAL_SHARE,
  zoneBands,
  type OptimiseRules,
} from './rules';
export type { PlanComparison, ZoneChange } from './compare';
export type * from './types';
