export { optimise } from './optimise';
export { verifyPlan, zonePieces, planObjective, type Verification } from './verify';
export { DEFAULT_RULES, resolveRules, zoneBands, type OptimiseRules } from './rules';
export type * from './types';
