// What the page and the optimiser worker say to each other: the page imports
// these types, never the worker module (the worker is started by client.ts).
import type { OptimiseInput, OptimisePhase, OptimiseResult } from '../../../solver/optimise';

/** An optimiser run as the page sends it; the worker adds progress and where HiGHS lives. */
export type OptimiserRequest = Omit<OptimiseInput, 'onProgress' | 'signal' | 'highs'>;

export type OptimiserProgress = (phase: OptimisePhase, gapPercent?: number) => void;

export interface OptimiserApi {
  run(input: OptimiserRequest, onProgress: OptimiserProgress): Promise<OptimiseResult>;
}
