// Runs the optimiser in a fresh Web Worker per run (see workers/workerJob.ts).
import { proxy } from 'comlink';
import type { OptimisePhase, OptimiseResult } from '../../solver/optimise';
import type { OptimiserApi, OptimiserRequest } from '../workers/optimiser.worker';
import { runWorkerJob, type WorkerJob } from '../workers/workerJob';

export type OptimiserRun = WorkerJob<OptimiseResult>;

export function runOptimiser(
  request: OptimiserRequest,
  onProgress: (phase: OptimisePhase, gapPercent?: number) => void,
): OptimiserRun {
  return runWorkerJob<OptimiserApi, OptimiseResult>(
    () => new Worker(new URL('../workers/optimiser.worker.ts', import.meta.url), { type: 'module', name: 'optimiser' }),
    (api) => api.run(request, proxy(onProgress)),
  );
}
