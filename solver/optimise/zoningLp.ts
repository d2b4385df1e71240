// The LP relaxation of the zoning problem over a set of candidate (cell, zone)
// columns, and the pricing that tells whether a column left out would pay.
// LP costs are in hour·km (cost / 1000) to keep HiGHS well scaled; duals are
// therefore hour·km per unit of row.
import { LpBuilder } from '../lp/builder';
import type { ExtraColumn, LpBasisHint, LpProblem } from '../lp/types';
import { FREE, type ZoningProblem } from './problem';

export const LP_COST_SCALE = 1 / 1000;

/** Row indices of each rule, -1 where a row is absent. */
export interface ZoningRows {
  assign: Int32Array;
  balance: Int32Array;
  capacity: Int32Array;
  ruralMin: Int32Array;
  ruralMax: Int32Array;
  disruption: number;
}

export interface ZoningLp {
  lp: LpProblem;
  /** Cell and zone of each column; grows as columns are priced in. */
  colCell: number[];
  colZone: number[];
  rows: ZoningRows;
  /** Cost of the fixed cells, metre·hours (not in the LP). */
  fixedCost: number;
}

/** candidates[c] lists the zones offered to free cell c. */
export type Candidates = number[][];

export function buildZoningLp(problem: ZoningProblem, candidates: Candidates, integer: boolean): ZoningLp {
  const { zones, cells, bands, rules } = problem;
  const b = new LpBuilder('minimize');
  const colCell: number[] = [];
  const colZone: number[] = [];
  const zoneCols: number[][] = Array.from({ length: zones }, () => []);
  const assign = new Int32Array(cells).fill(-1);
  const fixedH = new Float64Array(zones);
  const fixedR = new Float64Array(zones);
  let fixedMoved = 0;
  let fixedCost = 0;
  for (let c = 0; c < cells; c++) {
    const f = problem.fixedZone[c];
    if (f >= 0) {
      fixedH[f] += problem.hours[c];
      fixedR[f] += problem.ruralHours[c];
      fixedMoved += problem.moved[c * zones + f];
      fixedCost += problem.cost[c * zones + f];
      continue;
    }
    if (f !== FREE) continue;
    const cols: number[] = [];
    for (const z of candidates[c]) {
      const j = b.addColumn(problem.cost[c * zones + z] * LP_COST_SCALE, 0, Infinity, integer);
      colCell.push(c);
      colZone.push(z);
      zoneCols[z].push(j);
      cols.push(j);
    }
    assign[c] = b.addRow(1, 1, cols, cols.map(() => 1), `assign${c}`);
  }
  const balance = new Int32Array(zones).fill(-1);
  const capacity = new Int32Array(zones).fill(-1);
  const ruralMin = new Int32Array(zones).fill(-1);
  const ruralMax = new Int32Array(zones).fill(-1);
  for (let z = 0; z < zones; z++) {
    if (!bands.constrained[z]) continue;
    const cols = zoneCols[z];
    const h = cols.map((j) => problem.hours[colCell[j]]);
    if (bands.lower[z] > 0 || Number.isFinite(bands.upper[z])) {
      balance[z] = b.addRow(bands.lower[z] - fixedH[z], bands.upper[z] - fixedH[z], cols, h, `balance${z}`);
    }
    if (Number.isFinite(bands.capacity[z])) {
      capacity[z] = b.addRow(-Infinity, bands.capacity[z] - fixedH[z], cols, h, `capacity${z}`);
    }
    if (bands.ruralMin > 0) {
      const v = cols.map((j) => problem.ruralHours[colCell[j]] - bands.ruralMin * problem.hours[colCell[j]]);
      ruralMin[z] = b.addRow(bands.ruralMin * fixedH[z] - fixedR[z], Infinity, cols, v, `ruralMin${z}`);
    }
    if (bands.ruralMax < 1) {
      const v = cols.map((j) => problem.ruralHours[colCell[j]] - bands.ruralMax * problem.hours[colCell[j]]);
      ruralMax[z] = b.addRow(-Infinity, bands.ruralMax * fixedH[z] - fixedR[z], cols, v, `ruralMax${z}`);
    }
  }
  let disruption = -1;
  if (rules.disruption) {
    const cols = colCell.map((_, j) => j);
    const v = cols.map((j) => problem.moved[colCell[j] * zones + colZone[j]]);
    disruption = b.addRow(-Infinity, rules.disruption.max - fixedMoved, cols, v, 'disruption');
  }
  return {
    lp: b.build(),
    colCell,
    colZone,
    rows: { assign, balance, capacity, ruralMin, ruralMax, disruption },
    fixedCost,
  };
}

/** Reduced cost (hour·km) of putting free cell c in zone z, against the row duals of `zlp`. */
export function reducedCost(problem: ZoningProblem, zlp: ZoningLp, duals: Float64Array, c: number, z: number): number {
  const rows = zlp.rows;
  const zones = problem.zones;
  const h = problem.hours[c];
  const r = problem.ruralHours[c];
  const { ruralMin, ruralMax } = problem.bands;
  let rc = problem.cost[c * zones + z] * LP_COST_SCALE - duals[rows.assign[c]];
  if (rows.balance[z] >= 0) rc -= h * duals[rows.balance[z]];
  if (rows.capacity[z] >= 0) rc -= h * duals[rows.capacity[z]];
  if (rows.ruralMin[z] >= 0) rc -= (r - ruralMin * h) * duals[rows.ruralMin[z]];
  if (rows.ruralMax[z] >= 0) rc -= (r - ruralMax * h) * duals[rows.ruralMax[z]];
  if (rows.disruption >= 0) rc -= problem.moved[c * zones + z] * duals[rows.disruption];
  return rc;
}

/** The column for (c, z) as it would appear in `zlp`, for adding it later. */
export function zoningColumn(problem: ZoningProblem, zlp: ZoningLp, c: number, z: number): ExtraColumn {
  const rows = zlp.rows;
  const h = problem.hours[c];
  const r = problem.ruralHours[c];
  const { ruralMin, ruralMax } = problem.bands;
  const entries = [{ row: rows.assign[c], value: 1 }];
  if (rows.balance[z] >= 0) entries.push({ row: rows.balance[z], value: h });
  if (rows.capacity[z] >= 0) entries.push({ row: rows.capacity[z], value: h });
  if (rows.ruralMin[z] >= 0) entries.push({ row: rows.ruralMin[z], value: r - ruralMin * h });
  if (rows.ruralMax[z] >= 0) entries.push({ row: rows.ruralMax[z], value: r - ruralMax * h });
  if (rows.disruption >= 0) entries.push({ row: rows.disruption, value: problem.moved[c * problem.zones + z] });
  return { cost: problem.cost[c * problem.zones + z] * LP_COST_SCALE, lower: 0, upper: Infinity, entries: entries.filter((e) => e.value !== 0) };
}

/**
 * Each free cell's cheapest column basic, every rule row's slack basic. With
 * zone-row duals at zero this prices every column at its cost minus its cell's
 * cheapest, so the basis is dual feasible and the dual simplex only has to
 * mend the rows the nearest-base plan breaks: a few hundred iterations at
 * 10,000 cells instead of one or more per cell from the all-slack basis.
 */
export function cheapestColumnBasis(zlp: ZoningLp): LpBasisHint {
  const { lp, colCell, rows } = zlp;
  const best = new Int32Array(rows.assign.length).fill(-1);
  for (let j = 0; j < colCell.length; j++) {
    const c = colCell[j];
    if (best[c] < 0 || lp.colCost[j] < lp.colCost[best[c]]) best[c] = j;
  }
  const isAssign = new Uint8Array(lp.numRows);
  const basicColumns: number[] = [];
  for (let c = 0; c < best.length; c++) {
    if (rows.assign[c] < 0 || best[c] < 0) continue;
    isAssign[rows.assign[c]] = 1;
    basicColumns.push(best[c]);
  }
  const basicRows: number[] = [];
  for (let r = 0; r < lp.numRows; r++) if (!isAssign[r]) basicRows.push(r);
  return { basicColumns, basicRows };
}
