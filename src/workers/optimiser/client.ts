// Runs the optimiser in a fresh Web Worker per run (see ../workerJob.ts).
import { proxy } from 'comlink';
import type { OptimiseResult } from '../../../solver/optimise';
import type { OptimiserApi, OptimiserProgress, OptimiserRequest } from './protocol';
import { runWorkerJob, type WorkerJob } from '../workerJob';

export type OptimiserRun = WorkerJob<OptimiseResult>;

export function runOptimiser(
  request: OptimiserRequest,
  onProgress: OptimiserProgress,
): OptimiserRun {
  return runWorkerJob<OptimiserApi, OptimiseResult>(
    () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'optimiser' }),
    (api) => api.run(request, proxy(onProgress)),
  );
}
