// Lagrangian bound on the zoning problem: price the zone rows (balance,
// capacity, rural share, disruption) with multipliers y, and every cell then
// takes its cheapest zone at those prices. For any y of the right signs the
// result is a lower bound on every plan that keeps the rules, whatever cells
// it was computed on: so the duals of an LP solved on a coarsened problem
// (same zones, same rows) still bound the full one. At the LP's own optimal
// duals it equals the LP bound. contiguityBound.ts raises it for contiguous plans.
import { FREE, type ZoningProblem } from './problem';
import { LP_COST_SCALE, type ZoningLp } from './zoningLp';

export type RowKind = 'balance' | 'capacity' | 'ruralMin' | 'ruralMax' | 'disruption';

/** A zone row: lower <= sum over free cells in zone of coefficient <= upper (fixed cells already netted off). */
export interface ZoneRow {
  kind: RowKind;
  /** -1 for the disruption row (all zones). */
  zone: number;
  lower: number;
  upper: number;
}

/** Multipliers on the zone rows, hour·km per unit of row (the LP's dual units). */
export interface Prices {
  rows: ZoneRow[];
  y: Float64Array;
}

export interface LagrangianValue {
  /** Lower bound, metre·hours. */
  bound: number;
  /** Each cell's cheapest zone at these prices (fixed cells in theirs). */
  zoneOf: Int32Array;
  /** priced[c * zones + z]: cost of c in z at these prices, hour·km (Infinity where not allowed). */
  priced: Float64Array;
  /** Each free cell's cheapest priced cost, hour·km. */
  least: Float64Array;
}

/** The zone rows of `zlp` and its duals for them. */
export function pricesFromLp(zlp: ZoningLp, duals: Float64Array): Prices {
  const rows: ZoneRow[] = [];
  const y: number[] = [];
  const { lp } = zlp;
  const add = (kind: RowKind, zone: number, index: number) => {
    if (index < 0) return;
    rows.push({ kind, zone, lower: lp.rowLower[index], upper: lp.rowUpper[index] });
    y.push(duals[index] ?? 0);
  };
  const r = zlp.rows;
  for (let z = 0; z < r.balance.length; z++) {
    add('balance', z, r.balance[z]);
    add('capacity', z, r.capacity[z]);
    add('ruralMin', z, r.ruralMin[z]);
    add('ruralMax', z, r.ruralMax[z]);
  }
  add('disruption', -1, r.disruption);
  return { rows, y: Float64Array.from(y) };
}

export function lagrangian(problem: ZoningProblem, prices: Prices): LagrangianValue {
  const { cells, zones, cost } = problem;
  const { rows, y } = prices;
  // Per zone, the summed multiplier on hours and on each rural row; disruption apart.
  const onHours = new Float64Array(zones);
  const onRuralMin = new Float64Array(zones);
  const onRuralMax = new Float64Array(zones);
  let onMoved = 0;
  let constant = 0;
  rows.forEach((row, k) => {
    const v = y[k];
    if (v === 0) return;
    constant += v > 0 ? v * row.lower : v * row.upper;
    if (row.kind === 'balance' || row.kind === 'capacity') onHours[row.zone] += v;
    else if (row.kind === 'ruralMin') onRuralMin[row.zone] += v;
    else if (row.kind === 'ruralMax') onRuralMax[row.zone] += v;
    else onMoved += v;
  });
  const { ruralMin, ruralMax } = problem.bands;
  const priced = new Float64Array(cells * zones).fill(Infinity);
  const least = new Float64Array(cells);
  const zoneOf = new Int32Array(cells);
  let total = constant;
  let fixedCost = 0;
  for (let c = 0; c < cells; c++) {
    const f = problem.fixedZone[c];
    if (f !== FREE) {
      zoneOf[c] = f;
      if (f >= 0) fixedCost += cost[c * zones + f];
      continue;
    }
    const h = problem.hours[c];
    const r = problem.ruralHours[c];
    let best = Infinity;
    let bestZone = -1;
    for (let z = 0; z < zones; z++) {
      const k = c * zones + z;
      if (!Number.isFinite(cost[k])) continue;
      const v =
        cost[k] * LP_COST_SCALE -
        onHours[z] * h -
        onRuralMin[z] * (r - ruralMin * h) -
        onRuralMax[z] * (r - ruralMax * h) -
        onMoved * problem.moved[k];
      priced[k] = v;
      if (v < best) {
        best = v;
        bestZone = z;
      }
    }
    least[c] = best;
    zoneOf[c] = bestZone;
    total += best;
  }
  return { bound: fixedCost + total / LP_COST_SCALE, zoneOf, priced, least };
}
