export * from './types';
export { LpBuilder, rowActivities, objectiveValue } from './builder';
export { highsBackend, loadHighs, type HighsLoadOptions } from './highs';
export { withColumns, withRows, withoutObjective, rebuildingSession, type ExtraRow } from './augment';
