// javascript-lp-solver backend: pure JS, fine for small models and as an
// independent cross-check of HiGHS. It reports no duals, and its MIP mode has
// been seen to return fractional "integers" marked feasible, so every answer is
// checked here against the problem before it is reported as a solution.
import solver, { type Model as JsLpModel } from 'javascript-lp-solver';
import { rebuildingSession } from '../../solver/lp/augment';
import { objectiveValue, rowActivities } from '../../solver/lp/builder';
import type { LpBackend, LpProblem, LpResult, LpSolveOptions, LpStatus } from '../../solver/lp/types';

const TOLERANCE = 1e-6;

export const jsLpSolverBackend: LpBackend = {
  name: 'javascript-lp-solver',
  solve: solveWithJsLp,
  openSession: (problem) => rebuildingSession({ solve: solveWithJsLp }, problem),
};

function solveWithJsLp(problem: LpProblem, options: LpSolveOptions = {}): LpResult {
  const t0 = performance.now();
  const mip = !options.relax && problem.colInteger.some((v) => v === 1);
  const raw = solver.Solve(toJsModel(problem, mip, options)) as Record<string, unknown>;
  const values = new Float64Array(problem.numCols);
  for (let j = 0; j < problem.numCols; j++) {
    const v = raw[colName(j)];
    values[j] = typeof v === 'number' ? v : 0;
  }
  let status: LpStatus = raw.feasible ? 'optimal' : 'infeasible';
  if (raw.feasible && raw.bounded === false) status = 'unbounded';
  let detail = `javascript-lp-solver feasible=${String(raw.feasible)}`;
  if (status === 'optimal' && !satisfies(problem, values, mip)) {
    status = 'error';
    detail += ' (returned values break the constraints or integrality)';
  }
  const objective = status === 'optimal' ? objectiveValue(problem, values) : NaN;
  return {
    status,
    values,
    objective,
    bound: status === 'optimal' && !mip ? objective : problem.sense === 'minimize' ? -Infinity : Infinity,
    detail,
    seconds: (performance.now() - t0) / 1000,
  };
}

const colName = (j: number) => `c${j}`;

function toJsModel(problem: LpProblem, mip: boolean, options: LpSolveOptions): JsLpModel {
  const variables: JsLpModel['variables'] = {};
  const constraints: JsLpModel['constraints'] = {};
  const ints: Record<string, 1> = {};
  const unrestricted: Record<string, 1> = {};
  for (let j = 0; j < problem.numCols; j++) {
    const name = colName(j);
    variables[name] = { objective: problem.colCost[j] };
    const lo = problem.colLower[j];
    const hi = problem.colUpper[j];
    if (lo < 0) unrestricted[name] = 1;
    if (lo !== 0 && Number.isFinite(lo)) addBound(constraints, variables, name, `lb${j}`, { min: lo });
    if (Number.isFinite(hi)) addBound(constraints, variables, name, `ub${j}`, { max: hi });
    if (mip && problem.colInteger[j]) ints[name] = 1;
  }
  for (let r = 0; r < problem.numRows; r++) {
    const bound: { min?: number; max?: number } = {};
    if (Number.isFinite(problem.rowLower[r])) bound.min = problem.rowLower[r];
    if (Number.isFinite(problem.rowUpper[r])) bound.max = problem.rowUpper[r];
    const row = `r${r}`;
    constraints[row] = bound;
    for (let k = problem.rowStart[r]; k < problem.rowStart[r + 1]; k++) {
      variables[colName(problem.rowIndex[k])][row] = problem.rowValue[k];
    }
  }
  return {
    optimize: 'objective',
    opType: problem.sense === 'maximize' ? 'max' : 'min',
    constraints,
    variables,
    ints,
    unrestricted,
    ...(options.timeLimitSeconds !== undefined ? { timeout: options.timeLimitSeconds * 1000 } : {}),
  };
}

function addBound(
  constraints: JsLpModel['constraints'],
  variables: JsLpModel['variables'],
  name: string,
  row: string,
  bound: { min?: number; max?: number },
): void {
  constraints[row] = bound;
  variables[name][row] = 1;
}

function satisfies(problem: LpProblem, x: Float64Array, mip: boolean): boolean {
  const scale = (v: number) => TOLERANCE * Math.max(1, Math.abs(v));
  for (let j = 0; j < problem.numCols; j++) {
    if (x[j] < problem.colLower[j] - scale(problem.colLower[j])) return false;
    if (x[j] > problem.colUpper[j] + scale(problem.colUpper[j])) return false;
    if (mip && problem.colInteger[j] && Math.abs(x[j] - Math.round(x[j])) > TOLERANCE) return false;
  }
  const act = rowActivities(problem, x);
  for (let r = 0; r < problem.numRows; r++) {
    if (act[r] < problem.rowLower[r] - scale(problem.rowLower[r])) return false;
    if (act[r] > problem.rowUpper[r] + scale(problem.rowUpper[r])) return false;
  }
  return true;
}
