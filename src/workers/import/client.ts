// Runs one import job in a fresh Web Worker; cancelling terminates the worker,
// which stops a long parse at once. The page only ever receives finished
// results, so a cancelled or failed job leaves the open project untouched.
import { proxy, type Remote } from 'comlink';
import type { ImportApi, ImportProgress } from './protocol';
import { JobCancelled, runWorkerJob, type WorkerJob } from '../workerJob';

export type ImportJob<T> = WorkerJob<T>;
export type ProgressCallback = ImportProgress;

export function runImportJob<T>(work: (api: Remote<ImportApi>, onProgress: ProgressCallback) => Promise<T>, onProgress: ProgressCallback = () => {}): ImportJob<T> {
  return runWorkerJob<ImportApi, T>(
    () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'import' }),
    (api) => work(api, proxy(onProgress)),
  );
}

/** The message to show for a failed job ("" when it was cancelled on purpose). */
export function jobError(e: unknown): string {
  if (e instanceof JobCancelled) return '';
  return e instanceof Error ? e.message : String(e);
}
