// The optimiser in a Web Worker, so the map stays responsive while it runs.
// Cancel is immediate: the page terminates this worker.
import { expose } from 'comlink';
// The package's exports map hides the wasm file, so it is referenced by path.
import highsWasmUrl from '../../node_modules/highs/build/highs.wasm?url';
import { optimise, type OptimiseInput, type OptimisePhase, type OptimiseResult } from '../../solver/optimise';

export type OptimiserRequest = Omit<OptimiseInput, 'onProgress' | 'signal' | 'highs'>;

const api = {
  run(input: OptimiserRequest, onProgress: (phase: OptimisePhase, gapPercent?: number) => void): Promise<OptimiseResult> {
    return optimise({ ...input, highs: { wasmUrl: highsWasmUrl }, onProgress });
  },
};

export type OptimiserApi = typeof api;
expose(api);
