// The optimiser in a Web Worker, so the map stays responsive while it runs.
// Cancel is immediate: the page terminates this worker (client.ts).
import '../lockdown';
import { expose } from 'comlink';
// The package's exports map hides the wasm file, so it is referenced by path.
import highsWasmUrl from '../../../node_modules/highs/build/highs.wasm?url';
import { optimise } from '../../../solver/optimise';
import type { OptimiserApi } from './protocol';

const api: OptimiserApi = {
  run(input, onProgress) {
    return optimise({ ...input, highs: { wasmUrl: highsWasmUrl }, onProgress });
  },
};

expose(api);
