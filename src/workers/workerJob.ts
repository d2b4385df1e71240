// One job in a fresh Web Worker. Cancelling terminates the worker, which stops
// even a long synchronous solve or parse at once; the page only ever receives
// finished results, so a cancelled job leaves what the user had untouched.
import { wrap, type Remote } from 'comlink';

export class JobCancelled extends Error {
  constructor() {
    super('Cancelled');
  }
}

export interface WorkerJob<T> {
  result: Promise<T>;
  cancel(): void;
}

export function runWorkerJob<Api, T>(createWorker: () => Worker, work: (api: Remote<Api>) => Promise<T>): WorkerJob<T> {
  const worker = createWorker();
  let cancel!: () => void;
  const cancelled = new Promise<never>((_, reject) => {
    cancel = () => {
      worker.terminate();
      reject(new JobCancelled());
    };
  });
  const result = Promise.race([work(wrap<Api>(worker)), cancelled]).finally(() => worker.terminate());
  return { result, cancel };
}
