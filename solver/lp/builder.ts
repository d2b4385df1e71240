// Builds an LpProblem a column and a row at a time, so model code reads like the
// algebra it states.
import type { LpProblem, LpSense } from './types';

export class LpBuilder {
  private readonly cost: number[] = [];
  private readonly lower: number[] = [];
  private readonly upper: number[] = [];
  private readonly integer: number[] = [];
  private readonly colNames: string[] = [];
  private readonly rowLo: number[] = [];
  private readonly rowHi: number[] = [];
  private readonly rowStart: number[] = [0];
  private readonly rowIndex: number[] = [];
  private readonly rowValue: number[] = [];
  private readonly rowNames: string[] = [];

  constructor(private readonly sense: LpSense = 'minimize') {}

  get numCols(): number {
    return this.cost.length;
  }

  get numRows(): number {
    return this.rowLo.length;
  }

  /** Adds a column and returns its index. */
  addColumn(cost: number, lower = 0, upper = Infinity, integer = false, name?: string): number {
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.integer.push(integer ? 1 : 0);
    this.colNames.push(name ?? `x${this.cost.length - 1}`);
    return this.cost.length - 1;
  }

  /** Adds lower <= sum(values[k] * x[indices[k]]) <= upper and returns its index. Duplicate indices are summed. */
  addRow(lower: number, upper: number, indices: ArrayLike<number>, values: ArrayLike<number>, name?: string): number {
    const merged = new Map<number, number>();
    for (let k = 0; k < indices.length; k++) merged.set(indices[k], (merged.get(indices[k]) ?? 0) + values[k]);
    for (const [j, v] of [...merged].sort((a, b) => a[0] - b[0])) {
      if (v === 0) continue;
      this.rowIndex.push(j);
      this.rowValue.push(v);
    }
    this.rowStart.push(this.rowIndex.length);
    this.rowLo.push(lower);
    this.rowHi.push(upper);
    this.rowNames.push(name ?? `r${this.rowLo.length - 1}`);
    return this.rowLo.length - 1;
  }

  build(): LpProblem {
    return {
      sense: this.sense,
      numCols: this.cost.length,
      colCost: Float64Array.from(this.cost),
      colLower: Float64Array.from(this.lower),
      colUpper: Float64Array.from(this.upper),
      colInteger: Uint8Array.from(this.integer),
      numRows: this.rowLo.length,
      rowLower: Float64Array.from(this.rowLo),
      rowUpper: Float64Array.from(this.rowHi),
      rowStart: Int32Array.from(this.rowStart),
      rowIndex: Int32Array.from(this.rowIndex),
      rowValue: Float64Array.from(this.rowValue),
      colNames: this.colNames,
      rowNames: this.rowNames,
    };
  }
}

/** Row activities a.x for every row. */
export function rowActivities(problem: LpProblem, x: ArrayLike<number>): Float64Array {
  const out = new Float64Array(problem.numRows);
  for (let r = 0; r < problem.numRows; r++) {
    let s = 0;
    for (let k = problem.rowStart[r]; k < problem.rowStart[r + 1]; k++) s += problem.rowValue[k] * x[problem.rowIndex[k]];
    out[r] = s;
  }
  return out;
}

/** Objective value c.x. */
export function objectiveValue(problem: LpProblem, x: ArrayLike<number>): number {
  let s = 0;
  for (let j = 0; j < problem.numCols; j++) s += problem.colCost[j] * x[j];
  return s;
}
