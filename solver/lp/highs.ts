// HiGHS (WebAssembly) backend: the default for every LP and MIP in carezones.
// The wasm loads once per location; in node it is found beside the package, in
// a browser worker the caller passes where the bundler put highs.wasm.
import loadHighsRuntime, { type Highs, type HighsCallbackMap } from 'highs';
import type { ExtraColumn, ExtraRow, LpBackend, LpBasisHint, LpProblem, LpResult, LpSession, LpSolveOptions, LpStatus } from './types';

export interface HighsLoadOptions {
  /** URL of highs.wasm, e.g. `new URL('highs/build/highs.wasm', import.meta.url)` in a Vite worker. */
  wasmUrl?: string | URL;
  /** Full control over where each Emscripten asset is fetched from. */
  locateFile?: (file: string) => string;
}

const runtimes = new Map<string, Promise<Highs>>();

export function loadHighs(options: HighsLoadOptions = {}): Promise<Highs> {
  const wasmUrl = options.wasmUrl === undefined ? undefined : String(options.wasmUrl);
  const locateFile = options.locateFile ?? (wasmUrl === undefined ? undefined : () => wasmUrl);
  const key = options.locateFile ? `locate:${options.locateFile('highs.wasm')}` : (wasmUrl ?? 'default');
  let runtime = runtimes.get(key);
  if (!runtime) {
    runtime = loadHighsRuntime(locateFile ? { locateFile } : {});
    runtime.catch(() => runtimes.delete(key));
    runtimes.set(key, runtime);
  }
  return runtime;
}

export async function highsBackend(options: HighsLoadOptions = {}): Promise<LpBackend> {
  const highs = await loadHighs(options);
  return {
    name: 'highs',
    solve: (problem, solveOptions) => {
      const session = openHighsSession(highs, problem);
      try {
        return session.solve(solveOptions);
      } finally {
        session.dispose();
      }
    },
    openSession: (problem) => openHighsSession(highs, problem),
  };
}

function openHighsSession(highs: Highs, problem: LpProblem): LpSession {
  const model = highs.createModel({
    numCols: problem.numCols,
    numRows: problem.numRows,
    sense: problem.sense === 'maximize' ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    colCost: problem.colCost,
    colLower: problem.colLower,
    colUpper: problem.colUpper,
    rowLower: problem.rowLower,
    rowUpper: problem.rowUpper,
    matrix: {
      format: 'csr',
      numRows: problem.numRows,
      numCols: problem.numCols,
      starts: problem.rowStart,
      indices: problem.rowIndex,
      values: problem.rowValue,
    },
  });
  model.options.set({ output_flag: false });
  let integer = problem.colInteger;
  let relaxed = true;
  // Bounds kept on this side too, so a start basis needs no copy of the model out of the wasm heap.
  const bounds: Bounds = {
    colLower: Array.from(problem.colLower),
    colUpper: Array.from(problem.colUpper),
    rowLower: Array.from(problem.rowLower),
    rowUpper: Array.from(problem.rowUpper),
  };
  return {
    solve(options: LpSolveOptions = {}): LpResult {
      const t0 = performance.now();
      const isMip = !options.relax && integer.some((v) => v === 1);
      if (isMip === relaxed) {
        if (isMip) model.changeColsIntegrality({ kind: 'range', from: 0, to: integer.length - 1 }, Int32Array.from(integer));
        else model.clearIntegrality();
        relaxed = !isMip;
      }
      model.options.set({ random_seed: options.seed ?? 0, time_limit: options.timeLimitSeconds ?? 1e30 });
      if (isMip && options.mipRelativeGap !== undefined) model.options.set('mip_rel_gap', options.mipRelativeGap);
      if (isMip && options.initialValues) model.setSolution({ colValue: options.initialValues });
      if (!isMip && options.startBasis) setStartBasis(model, options.startBasis, bounds);
      const { modelStatus } = model.run(callbacks(highs, isMip, options));
      return readResult(highs, model, problem.sense, isMip, modelStatus, t0);
    },
    addColumns(columns: ExtraColumn[]): void {
      if (columns.length === 0) return;
      const starts = new Int32Array(columns.length + 1);
      columns.forEach((c, k) => (starts[k + 1] = starts[k] + c.entries.length));
      model.addCols({
        cost: Float64Array.from(columns, (c) => c.cost),
        lower: Float64Array.from(columns, (c) => c.lower),
        upper: Float64Array.from(columns, (c) => c.upper),
        matrix: {
          format: 'csc',
          numRows: model.getDimensions().numRows,
          numCols: columns.length,
          starts,
          indices: Int32Array.from(columns.flatMap((c) => c.entries.map((e) => e.row))),
          values: Float64Array.from(columns.flatMap((c) => c.entries.map((e) => e.value))),
        },
      });
      integer = Uint8Array.from([...integer, ...columns.map(() => 0)]);
      for (const c of columns) {
        bounds.colLower.push(c.lower);
        bounds.colUpper.push(c.upper);
      }
    },
    addRows(rows: ExtraRow[]): void {
      if (rows.length === 0) return;
      const starts = new Int32Array(rows.length + 1);
      rows.forEach((r, k) => (starts[k + 1] = starts[k] + r.indices.length));
      model.addRows({
        lower: Float64Array.from(rows, (r) => r.lower),
        upper: Float64Array.from(rows, (r) => r.upper),
        matrix: {
          format: 'csr',
          numRows: rows.length,
          numCols: model.getDimensions().numCols,
          starts,
          indices: Int32Array.from(rows.flatMap((r) => r.indices)),
          values: Float64Array.from(rows.flatMap((r) => r.values)),
        },
      });
      for (const r of rows) {
        bounds.rowLower.push(r.lower);
        bounds.rowUpper.push(r.upper);
      }
    },
    setColumnBounds(column: number, lower: number, upper: number): void {
      model.changeColBounds(column, lower, upper);
      bounds.colLower[column] = lower;
      bounds.colUpper[column] = upper;
    },
    dispose(): void {
      model.dispose();
    },
  };
}

type HighsModel = ReturnType<Highs['createModel']>;

interface Bounds {
  colLower: number[];
  colUpper: number[];
  rowLower: number[];
  rowUpper: number[];
}

/** Loads a basis hint; HiGHS checks it and keeps its own basis when the hint is invalid. */
function setStartBasis(model: HighsModel, hint: LpBasisHint, lp: Bounds): void {
  const numCols = lp.colLower.length;
  const numRows = lp.rowLower.length;
  // HiGHS basis codes: 0 at lower, 1 basic, 2 at upper, 3 free at zero.
  const status = (lo: number, hi: number) => (Number.isFinite(lo) ? 0 : Number.isFinite(hi) ? 2 : 3);
  const colStatus = new Int32Array(numCols);
  const rowStatus = new Int32Array(numRows);
  for (let j = 0; j < numCols; j++) colStatus[j] = status(lp.colLower[j], lp.colUpper[j]);
  for (let r = 0; r < numRows; r++) rowStatus[r] = status(lp.rowLower[r], lp.rowUpper[r]);
  for (let k = 0; k < hint.basicColumns.length; k++) colStatus[hint.basicColumns[k]] = 1;
  for (let k = 0; k < hint.basicRows.length; k++) rowStatus[hint.basicRows[k]] = 1;
  try {
    model.setBasis({ colStatus, rowStatus });
  } catch {
    model.setLogicalBasis();
  }
}

function callbacks(highs: Highs, isMip: boolean, options: LpSolveOptions): HighsCallbackMap | undefined {
  const { shouldStop, onProgress } = options;
  if (!shouldStop && !onProgress) return undefined;
  const type = highs.constants.callbackType;
  if (!isMip) {
    return shouldStop
      ? {
          [type.simplexInterrupt]: (event) => {
            if (shouldStop()) event.interrupt();
          },
        }
      : undefined;
  }
  return {
    [type.mipInterrupt]: (event) => {
      onProgress?.({
        incumbent: finite(event.data.mip_primal_bound),
        bound: finite(event.data.mip_dual_bound),
        gap: finite(event.data.mip_gap),
      });
      if (shouldStop?.()) event.interrupt();
    },
  };
}

function readResult(
  highs: Highs,
  model: HighsModel,
  sense: LpProblem['sense'],
  isMip: boolean,
  modelStatus: number,
  t0: number,
): LpResult {
  const codes = highs.constants.modelStatus;
  // A limit with no incumbent still reports a (zero) solution vector: trust the primal status, not the arrays.
  const hasPrimal = Number(model.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
  const solution = model.getSolution();
  let status: LpStatus;
  if (modelStatus === codes.optimal) status = 'optimal';
  else if (modelStatus === codes.infeasible) status = 'infeasible';
  else if (modelStatus === codes.unbounded || modelStatus === codes.unboundedOrInfeasible) status = 'unbounded';
  else if (modelStatus === codes.modelError || modelStatus === codes.loadError || modelStatus === codes.solveError) status = 'error';
  else status = hasPrimal ? 'feasible' : 'noSolution';
  if ((status === 'optimal' || status === 'feasible') && !hasPrimal) status = 'noSolution';
  const objective = status === 'optimal' || status === 'feasible' ? model.getObjectiveValue() : NaN;
  const minimise = sense === 'minimize';
  let bound = status === 'optimal' && !isMip ? objective : minimise ? -Infinity : Infinity;
  if (isMip) {
    const dual = Number(model.info.get('mip_dual_bound'));
    if (Number.isFinite(dual)) bound = dual;
  }
  return {
    status,
    values: solution.colValue,
    objective,
    rowDuals: !isMip && status === 'optimal' ? solution.rowDual : undefined,
    bound,
    detail: `HiGHS model status ${modelStatus}`,
    seconds: (performance.now() - t0) / 1000,
  };
}

function finite(v: number | undefined): number | undefined {
  return v !== undefined && Number.isFinite(v) && Math.abs(v) < 1e30 ? v : undefined;
}
