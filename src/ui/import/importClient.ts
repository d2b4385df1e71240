// Runs one import job in a fresh Web Worker; cancelling terminates the worker,
// which stops a long parse at once. The page only ever receives finished
// results, so a cancelled or failed job leaves the open project untouched.
import { proxy, wrap, type Remote } from 'comlink';
import type { ImportPhase } from '../../import/problems';
import type { ImportApi } from '../../workers/import.worker';

export class ImportCancelled extends Error {
  constructor() {
    super('Import cancelled');
  }
}

export interface ImportJob<T> {
  result: Promise<T>;
  cancel(): void;
}

export type ProgressCallback = (p: ImportPhase) => void;

export function runImportJob<T>(work: (api: Remote<ImportApi>, onProgress: ProgressCallback) => Promise<T>, onProgress: ProgressCallback = () => {}): ImportJob<T> {
  const worker = new Worker(new URL('../../workers/import.worker.ts', import.meta.url), { type: 'module', name: 'import' });
  const api = wrap<ImportApi>(worker);
  let cancel!: () => void;
  const cancelled = new Promise<never>((_, reject) => {
    cancel = () => {
      worker.terminate();
      reject(new ImportCancelled());
    };
  });
  const result = Promise.race([work(api, proxy(onProgress)), cancelled]).finally(() => worker.terminate());
  return { result, cancel };
}

/** The message to show for a failed job ("" when it was cancelled on purpose). */
export function jobError(e: unknown): string {
  if (e instanceof ImportCancelled) return '';
  return e instanceof Error ? e.message : String(e);
}
