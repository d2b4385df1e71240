// Adds columns to an existing LpProblem (e.g. slack variables that relax some
// rows), returning a new problem; the original is left as it was.
import type { ExtraColumn, ExtraRow, LpBackend, LpProblem, LpSession } from './types';

export type { ExtraRow } from './types';

export function withColumns(problem: LpProblem, columns: ExtraColumn[]): LpProblem {
  const extraByRow: Array<Array<[number, number]>> = Array.from({ length: problem.numRows }, () => []);
  columns.forEach((col, k) => {
    for (const { row, value } of col.entries) extraByRow[row].push([problem.numCols + k, value]);
  });
  const nnz = problem.rowIndex.length + columns.reduce((s, c) => s + c.entries.length, 0);
  const rowStart = new Int32Array(problem.numRows + 1);
  const rowIndex = new Int32Array(nnz);
  const rowValue = new Float64Array(nnz);
  let at = 0;
  for (let r = 0; r < problem.numRows; r++) {
    for (let k = problem.rowStart[r]; k < problem.rowStart[r + 1]; k++) {
      rowIndex[at] = problem.rowIndex[k];
      rowValue[at++] = problem.rowValue[k];
    }
    for (const [j, v] of extraByRow[r]) {
      rowIndex[at] = j;
      rowValue[at++] = v;
    }
    rowStart[r + 1] = at;
  }
  const append = (base: Float64Array, pick: (c: ExtraColumn) => number) => Float64Array.from([...base, ...columns.map(pick)]);
  return {
    ...problem,
    numCols: problem.numCols + columns.length,
    colCost: append(problem.colCost, (c) => c.cost),
    colLower: append(problem.colLower, (c) => c.lower),
    colUpper: append(problem.colUpper, (c) => c.upper),
    colInteger: Uint8Array.from([...problem.colInteger, ...columns.map(() => 0)]),
    colNames: problem.colNames ? [...problem.colNames, ...columns.map((c, k) => c.name ?? `extra${k}`)] : undefined,
    rowStart,
    rowIndex,
    rowValue,
  };
}

/** The same problem with every column cost set to zero (a pure feasibility question). */
export function withoutObjective(problem: LpProblem): LpProblem {
  return { ...problem, colCost: new Float64Array(problem.numCols) };
}

/** Appends rows (which may use columns added by withColumns). */
export function withRows(problem: LpProblem, rows: ExtraRow[]): LpProblem {
  const rowStart = Int32Array.from([...problem.rowStart, ...rows.map(() => 0)]);
  let at = problem.rowIndex.length;
  rows.forEach((r, k) => {
    at += r.indices.length;
    rowStart[problem.numRows + k + 1] = at;
  });
  return {
    ...problem,
    numRows: problem.numRows + rows.length,
    rowLower: Float64Array.from([...problem.rowLower, ...rows.map((r) => r.lower)]),
    rowUpper: Float64Array.from([...problem.rowUpper, ...rows.map((r) => r.upper)]),
    rowStart,
    rowIndex: Int32Array.from([...problem.rowIndex, ...rows.flatMap((r) => r.indices)]),
    rowValue: Float64Array.from([...problem.rowValue, ...rows.flatMap((r) => r.values)]),
    rowNames: problem.rowNames ? [...problem.rowNames, ...rows.map((r, k) => r.name ?? `extra${k}`)] : undefined,
  };
}

/** A session for backends that cannot keep a model loaded: each solve starts again. */
export function rebuildingSession(backend: Pick<LpBackend, 'solve'>, problem: LpProblem): LpSession {
  let current = problem;
  return {
    solve: (options) => backend.solve(current, options),
    addColumns: (columns) => {
      current = withColumns(current, columns);
    },
    addRows: (rows) => {
      current = withRows(current, rows);
    },
    setColumnBounds: (column, lower, upper) => {
      const colLower = Float64Array.from(current.colLower);
      const colUpper = Float64Array.from(current.colUpper);
      colLower[column] = lower;
      colUpper[column] = upper;
      current = { ...current, colLower, colUpper };
    },
    dispose: () => undefined,
  };
}
