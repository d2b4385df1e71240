// Runs the optimiser in a fresh Web Worker per run; cancelling terminates it,
// which stops a long MIP at once and loses nothing the user had.
import { proxy, wrap } from 'comlink';
import type { OptimisePhase, OptimiseResult } from '../../solver/optimise';
import type { OptimiserApi, OptimiserRequest } from '../workers/optimiser.worker';

export class OptimiseCancelled extends Error {
  constructor() {
    super('Optimisation cancelled');
  }
}

export interface OptimiserRun {
  result: Promise<OptimiseResult>;
  cancel(): void;
}

export function runOptimiser(
  request: OptimiserRequest,
  onProgress: (phase: OptimisePhase, gapPercent?: number) => void,
): OptimiserRun {
  const worker = new Worker(new URL('../workers/optimiser.worker.ts', import.meta.url), { type: 'module', name: 'optimiser' });
  const api = wrap<OptimiserApi>(worker);
  let cancel!: () => void;
  const cancelled = new Promise<never>((_, reject) => {
    cancel = () => {
      worker.terminate();
      reject(new OptimiseCancelled());
    };
  });
  const result = Promise.race([api.run(request, proxy(onProgress)), cancelled]).finally(() => worker.terminate());
  return { result, cancel };
}
