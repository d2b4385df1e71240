// A small solver-neutral linear programme: columns with bounds and integrality,
// rows lo <= a.x <= hi stored in compressed sparse row form, and a linear
// objective. Backends (HiGHS, javascript-lp-solver) take this and return an
// LpResult; callers never see a backend's own types.

export type LpSense = 'minimize' | 'maximize';

export interface LpProblem {
  sense: LpSense;
  numCols: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  /** 1 where the column must take an integer value. */
  colInteger: Uint8Array;
  numRows: number;
  /** -Infinity / Infinity where a row has no lower / upper bound. */
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** Row r's coefficients are rowIndex/rowValue[rowStart[r] .. rowStart[r + 1]). */
  rowStart: Int32Array;
  rowIndex: Int32Array;
  rowValue: Float64Array;
  /** Optional names, for debugging and the LP-text export. */
  colNames?: string[];
  rowNames?: string[];
}

/**
 * optimal: proven optimal. feasible: a limit or interruption stopped the solve
 * with a usable incumbent. noSolution: stopped with nothing usable.
 */
export type LpStatus = 'optimal' | 'feasible' | 'infeasible' | 'unbounded' | 'noSolution' | 'error';

export interface LpResult {
  status: LpStatus;
  /** Column values; only meaningful when status is optimal or feasible. */
  values: Float64Array;
  objective: number;
  /**
   * Row shadow prices (d objective / d row bound) for continuous problems, in
   * the usual convention: reduced cost = cost - A' duals. Absent for MIPs and
   * for backends that do not report them.
   */
  rowDuals?: Float64Array;
  /** Proven bound on the objective (a MIP's dual bound; the objective for an optimal LP). */
  bound: number;
  /** Backend's own status text, for messages. */
  detail: string;
  seconds: number;
}

export interface LpProgress {
  /** Best objective found so far (MIP incumbent), if any. */
  incumbent?: number;
  /** Best proven bound so far. */
  bound?: number;
  /** Relative gap, 0.01 = 1%. */
  gap?: number;
}

export interface LpSolveOptions {
  timeLimitSeconds?: number;
  /** Relative MIP gap at which to stop (HiGHS default 1e-4). */
  mipRelativeGap?: number;
  /** Start for a MIP (a feasible assignment speeds up the search). */
  initialValues?: Float64Array;
  /** Solve integer columns as continuous (the LP relaxation). */
  relax?: boolean;
  /** Polled during the solve where the backend allows; true stops it. */
  shouldStop?: () => boolean;
  onProgress?: (p: LpProgress) => void;
  seed?: number;
  /** Starting basis for an LP (ignored for MIPs and by backends that cannot use one). */
  startBasis?: LpBasisHint;
}

/**
 * A starting basis: the columns and rows listed are basic, every other column
 * and row sits at a finite bound (its lower one when it has one). It must hold
 * exactly numRows basic entries and be nonsingular; a backend that rejects it
 * starts from its own basis instead. A dual-feasible guess (e.g. each
 * assignment row's cheapest column) saves the dual simplex thousands of
 * iterations on assignment-like LPs.
 */
export interface LpBasisHint {
  basicColumns: ArrayLike<number>;
  basicRows: ArrayLike<number>;
}

/** A column to append to a problem: its cost, bounds and coefficients by row. */
export interface ExtraColumn {
  cost: number;
  lower: number;
  upper: number;
  entries: Array<{ row: number; value: number }>;
  name?: string;
}

/** A row to append: lower <= sum(values[k] * x[indices[k]]) <= upper. */
export interface ExtraRow {
  lower: number;
  upper: number;
  indices: number[];
  values: number[];
  name?: string;
}

/**
 * A problem kept loaded between solves, so a change (new columns, a bound)
 * re-solves from the last basis instead of from scratch.
 */
export interface LpSession {
  solve(options?: LpSolveOptions): LpResult;
  addColumns(columns: ExtraColumn[]): void;
  /** Appends rows (e.g. cuts found after a solve); the next MIP solve keeps its integrality. */
  addRows(rows: ExtraRow[]): void;
  setColumnBounds(column: number, lower: number, upper: number): void;
  /** Frees the backend's memory (HiGHS models live outside the JS heap). */
  dispose(): void;
}

export interface LpBackend {
  name: string;
  solve(problem: LpProblem, options?: LpSolveOptions): LpResult;
  openSession(problem: LpProblem): LpSession;
}
