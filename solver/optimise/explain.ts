// Explanations in the user's units. For a plan: which rules bind and what
// relaxing each would save, from the LP duals (hour·km per row unit; an hour·km
// is one km of weekly travel if each weekly care hour takes one trip from the
// base). For rules that cannot all hold: cheap counting checks first, then LPs
// that each relax one family of rules by a slack and minimise it, which gives
// the smallest change to that family that makes the LP relaxation feasible.
import { withColumns, withoutObjective, withRows, type ExtraRow } from '../lp/augment';
import type { ExtraColumn, LpBackend, LpProblem } from '../lp/types';
import { asZone, type ZoneIndex } from '../model';
import { allCandidates } from './candidates';
import { cellLabel, FREE, type ZoningProblem } from './problem';
import { asCell, NO_CELL } from './cells';
import type { PlanState } from './planState';
import { reachConflicts, zoneName } from './reach/checks';
import type { Relaxation } from './relaxation';
import type { BindingRule, Conflict } from './types';
import { buildZoningLp, type ZoningLp } from './zoningLp';

const pct = (x: number) => `${(100 * x).toFixed(1).replace(/\.0$/, '')}%`;
const hrs = (x: number) => `${Math.ceil(x - 1e-9).toLocaleString('en-GB')} h/week`;
const km = (x: number) => `${Math.round(x).toLocaleString('en-GB')} km`;
/** Shadow prices below this (hour·km per unit) are treated as zero. */
const TINY = 1e-6;

export function explainBinding(problem: ZoningProblem, relaxation: Relaxation): BindingRule[] {
  const { rows } = relaxation.zlp;
  const y = relaxation.duals;
  const zoneName = (z: ZoneIndex) => problem.model.zones[z].name;
  const zoneHours = lpZoneHours(problem, relaxation);
  const measure = problem.rules.disruption?.measure ?? 'hours';
  const out: BindingRule[] = [];
  for (let z = asZone(0); z < problem.zones; z++) {
    const b = rows.balance[z] >= 0 ? y[rows.balance[z]] : 0;
    if (b < -TINY) {
      out.push({ rule: 'balance-upper', zone: z, kmSaved: 100 * -b, message: `Letting ${zoneName(z)} take 100 more hours a week would cut ${km(100 * -b)} of weekly travel.` });
    } else if (b > TINY) {
      out.push({ rule: 'balance-lower', zone: z, kmSaved: 100 * b, message: `Letting ${zoneName(z)} drop 100 hours a week below its balance floor would cut ${km(100 * b)} of weekly travel.` });
    }
    const cap = rows.capacity[z] >= 0 ? y[rows.capacity[z]] : 0;
    if (cap < -TINY) {
      out.push({ rule: 'capacity', zone: z, kmSaved: 100 * -cap, message: `Raising ${zoneName(z)} base capacity by 100 h/week would cut ${km(100 * -cap)} of weekly travel.` });
    }
    const rmin = rows.ruralMin[z] >= 0 ? y[rows.ruralMin[z]] : 0;
    if (rmin > TINY) {
      const saved = rmin * 0.01 * zoneHours[z];
      out.push({ rule: 'rural-min', zone: z, kmSaved: saved, message: `Lowering the rural-share floor of ${zoneName(z)} by 1 point would cut ${km(saved)} of weekly travel.` });
    }
    const rmax = rows.ruralMax[z] >= 0 ? y[rows.ruralMax[z]] : 0;
    if (rmax < -TINY) {
      const saved = -rmax * 0.01 * zoneHours[z];
      out.push({ rule: 'rural-max', zone: z, kmSaved: saved, message: `Raising the rural-share ceiling of ${zoneName(z)} by 1 point would cut ${km(saved)} of weekly travel.` });
    }
  }
  const d = rows.disruption >= 0 ? y[rows.disruption] : 0;
  if (d < -TINY) {
    out.push({ rule: 'disruption', kmSaved: 100 * -d, message: `Allowing 100 more ${measure} to change zone would cut ${km(100 * -d)} of weekly travel.` });
  }
  return out.sort((a, b) => b.kmSaved - a.kmSaved);
}

/** Zone hours in the LP solution (fixed cells included). */
function lpZoneHours(problem: ZoningProblem, relaxation: Relaxation): Float64Array {
  const h = new Float64Array(problem.zones);
  for (let c = 0; c < problem.cells; c++) if (problem.fixedZone[c] >= 0) h[problem.fixedZone[c]] += problem.hours[c];
  const { colCell, colZone } = relaxation.zlp;
  for (let j = 0; j < colCell.length; j++) h[colZone[j]] += relaxation.values[j] * problem.hours[colCell[j]];
  return h;
}

/** Counting checks that need no solver: totals against bands, capacity and the rural mix. */
export function precheck(problem: ZoningProblem): Conflict[] {
  const out: Conflict[] = problem.buildConflicts.map((message) => ({ rule: 'locks', message }));
  const { bands, zones, model } = problem;
  let placed = 0;
  let placedRural = 0;
  let lockedHours = 0;
  let biggest = NO_CELL;
  const fixedIn = new Float64Array(zones);
  for (let c = asCell(0); c < problem.cells; c++) {
    const f = problem.fixedZone[c];
    if (f >= 0 && !bands.constrained[f]) {
      lockedHours += problem.hours[c];
      continue;
    }
    if (f === FREE || f >= 0) {
      placed += problem.hours[c];
      placedRural += problem.ruralHours[c];
    }
    if (f >= 0) fixedIn[f] += problem.hours[c];
    if (f === FREE && (biggest < 0 || problem.hours[c] > problem.hours[biggest])) biggest = c;
  }
  const open: number[] = [];
  for (let z = 0; z < zones; z++) if (bands.constrained[z]) open.push(z);
  if (open.length === 0) return out;
  const sum = (f: (z: number) => number) => open.reduce((s, z) => s + f(z), 0);
  const targets = sum((z) => bands.target[z]);
  const room = sum((z) => Math.min(bands.upper[z], bands.capacity[z]));
  const lockedNote = lockedHours > 0 ? `locked zones hold ${hrs(lockedHours)}, leaving ` : '';

  if (room < placed - 1e-6) {
    const capRoom = sum((z) => bands.capacity[z]);
    const bandRoom = sum((z) => bands.upper[z]);
    if (capRoom < placed - 1e-6) {
      out.push({
        rule: 'capacity',
        message: `Total base capacity ${hrs(capRoom)} is less than the ${hrs(placed)} of care to place (${lockedNote}${open.length} zones).`,
        fix: `Raise base capacity by ${hrs(placed - capRoom)} in total.`,
      });
    }
    if (bandRoom < placed - 1e-6) {
      const need = placed / targets - 1;
      out.push({
        rule: 'balance',
        message: `${cap(lockedNote)}${hrs(placed)} for ${open.length} zones, more than their balance bands allow (${hrs(bandRoom)}).`,
        fix: `Widen the balance band to ±${pct(ceilPct(need))}.`,
      });
    }
  }
  const floor = sum((z) => bands.lower[z]);
  if (floor > placed + 1e-6) {
    const need = 1 - placed / targets;
    out.push({
      rule: 'balance',
      message: `${cap(lockedNote)}${hrs(placed)} for ${open.length} zones, too few for their balance floors (${hrs(floor)} in all).`,
      fix: `Widen the balance band to ±${pct(ceilPct(need))}.`,
    });
  }
  for (const z of open) {
    if (fixedIn[z] > Math.min(bands.upper[z], bands.capacity[z]) + 1e-6) {
      out.push({
        rule: 'locks',
        message: `Locked units in ${model.zones[z].name} already hold ${hrs(fixedIn[z])}, more than it may take (${hrs(Math.min(bands.upper[z], bands.capacity[z]))}).`,
        fix: `Unlock some of its units, or widen the band to ±${pct(ceilPct(fixedIn[z] / bands.target[z] - 1))}.`,
      });
    }
  }
  if (biggest >= 0) {
    const largest = Math.max(...open.map((z) => Math.min(bands.upper[z], bands.capacity[z])));
    if (problem.hours[biggest] > largest + 1e-6) {
      const label = cellLabel(model, problem.cellUnits, problem.cellStart, biggest);
      out.push({
        rule: 'whole-towns',
        message: `${label} has ${hrs(problem.hours[biggest])}, more than any zone may hold (${hrs(largest)}).`,
        fix: `Let ${label} be split, or widen the balance band to ±${pct(ceilPct(problem.hours[biggest] / Math.max(...open.map((z) => bands.target[z])) - 1))}.`,
      });
    }
  }
  if (bands.ruralMin > 0 && placedRural < bands.ruralMin * placed - 1e-6) {
    out.push({
      rule: 'rural-share',
      message: `A rural-share floor of ${pct(bands.ruralMin)} in every zone needs ${hrs(bands.ruralMin * placed)} of rural care, but only ${hrs(placedRural)} is available.`,
      fix: `Lower the rural-share floor to ${pct(floorPct(placedRural / placed))}.`,
    });
  }
  if (bands.ruralMax < 1 && placedRural > bands.ruralMax * placed + 1e-6) {
    out.push({
      rule: 'rural-share',
      message: `A rural-share ceiling of ${pct(bands.ruralMax)} cannot hold: ${pct(placedRural / placed)} of all care is rural.`,
      fix: `Raise the rural-share ceiling to ${pct(ceilPct(placedRural / placed))}.`,
    });
  }
  // Reach checks only once the totals fit: a county-wide shortfall is the clearer message.
  const { reach } = problem.rules;
  if (reach && problem.reachNeeded && out.every((c) => c.rule !== 'capacity' && c.rule !== 'balance')) {
    out.push(...reachConflicts({ ...problem, reachNeeded: problem.reachNeeded }, reach.minutes, {
      tolerance: problem.rules.balance?.tolerance,
      sizeMin: problem.rules.size?.min,
    }));
  }
  return out;
}

const cap = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : 'There are ');
const ceilPct = (x: number) => Math.ceil(x * 100 - 1e-9) / 100;
const floorPct = (x: number) => Math.floor(x * 100 + 1e-9) / 100;

/**
 * For an LP-infeasible setting: relax each family of rules alone (balance
 * tolerance, capacities, rural floor / ceiling, disruption limit) and report the
 * smallest relaxation that makes the LP feasible. Whole plans may need a little
 * more, since units do not split.
 */
export function explainInfeasible(problem: ZoningProblem, backend: LpBackend): Conflict[] {
  const zlp = buildZoningLp(problem, allCandidates(problem), false);
  const base = withoutObjective(zlp.lp);
  const { rows } = zlp;
  const { bands, model } = problem;
  const out: Conflict[] = [];
  const name = (z: number) => model.zones[z].name;
  const zonesWith = (r: Int32Array) => [...r.keys()].filter((z) => r[z] >= 0);

  const tolerance = problem.rules.balance?.tolerance;
  if (tolerance !== undefined) {
    const t = minimalBalanceWidening(backend, base, zlp, problem);
    if (t !== null) out.push({ rule: 'balance', message: `The balance band of ±${pct(tolerance)} cannot hold with the other rules.`, fix: `Widen the balance band to ±${pct(ceilPct(tolerance + t))}.` });
  }
  const capRows = zonesWith(rows.capacity);
  if (capRows.length) {
    const s = minimalSlacks(backend, base, capRows.map((z) => ({ row: rows.capacity[z], value: -1 })));
    if (s) {
      const raise = capRows.map((z, k) => [z, s[k]] as const).filter(([, v]) => v > 1e-6);
      out.push({
        rule: 'capacity',
        message: 'Base capacity is too small for the care to place under the other rules.',
        fix: raise.map(([z, v]) => `Raise ${name(z)} capacity by ${hrs(v)}.`).join(' '),
      });
    }
  }
  const minRows = zonesWith(rows.ruralMin);
  if (minRows.length) {
    const s = minimalSlacks(backend, base, minRows.map((z) => ({ row: rows.ruralMin[z], value: 1 })));
    if (s) {
      const worst = Math.max(...minRows.map((z, k) => s[k] / Math.max(1e-9, bands.lower[z] || bands.target[z])));
      out.push({ rule: 'rural-share', message: `The rural-share floor of ${pct(bands.ruralMin)} cannot hold in every zone.`, fix: `Lower the rural-share floor to about ${pct(floorPct(Math.max(0, bands.ruralMin - worst)))}.` });
    }
  }
  const maxRows = zonesWith(rows.ruralMax);
  if (maxRows.length) {
    const s = minimalSlacks(backend, base, maxRows.map((z) => ({ row: rows.ruralMax[z], value: -1 })));
    if (s) {
      const worst = Math.max(...maxRows.map((z, k) => s[k] / Math.max(1e-9, bands.lower[z] || bands.target[z])));
      out.push({ rule: 'rural-share', message: `The rural-share ceiling of ${pct(bands.ruralMax)} cannot hold in every zone.`, fix: `Raise the rural-share ceiling to about ${pct(ceilPct(Math.min(1, bands.ruralMax + worst)))}.` });
    }
  }
  if (rows.disruption >= 0 && problem.rules.disruption) {
    const s = minimalSlacks(backend, base, [{ row: rows.disruption, value: -1 }]);
    if (s) {
      const { max, measure } = problem.rules.disruption;
      out.push({ rule: 'disruption', message: `At most ${max} ${measure} may change zone, too few for the other rules.`, fix: `Allow at least ${Math.ceil(max + s[0] - 1e-9)} ${measure} to change zone.` });
    }
  }
  if (out.length === 0) out.push({ rule: 'combination', message: 'No single rule can be relaxed to make the rules satisfiable; relax several (locks, balance, capacity, rural share).' });
  return out;
}

/** Minimises the sum of one slack per listed row (entering with the given sign); null if still infeasible. */
function minimalSlacks(backend: LpBackend, base: LpProblem, slacks: Array<{ row: number; value: number }>): number[] | null {
  const cols: ExtraColumn[] = slacks.map((s) => ({ cost: 1, lower: 0, upper: Infinity, entries: [{ row: s.row, value: s.value }] }));
  const res = backend.solve(withColumns(base, cols), { relax: true });
  if (res.status !== 'optimal') return null;
  return slacks.map((_, k) => res.values[base.numCols + k]);
}

/**
 * Smallest extra balance tolerance t (fraction of each zone's target) that makes
 * the LP feasible: each balance row gets slacks up and down, each at most T_z t.
 */
function minimalBalanceWidening(backend: LpBackend, base: LpProblem, zlp: ZoningLp, problem: ZoningProblem): number | null {
  const { balance } = zlp.rows;
  const zones = [...balance.keys()].filter((z) => balance[z] >= 0);
  const t = base.numCols;
  const cols: ExtraColumn[] = [{ cost: 1, lower: 0, upper: Infinity, entries: [] }];
  const rows: ExtraRow[] = [];
  zones.forEach((z, k) => {
    const up = t + 1 + 2 * k;
    cols.push({ cost: 0, lower: 0, upper: Infinity, entries: [{ row: balance[z], value: -1 }] });
    cols.push({ cost: 0, lower: 0, upper: Infinity, entries: [{ row: balance[z], value: 1 }] });
    const target = problem.bands.target[z];
    rows.push({ lower: -Infinity, upper: 0, indices: [up, t], values: [1, -target] });
    rows.push({ lower: -Infinity, upper: 0, indices: [up + 1, t], values: [1, -target] });
  });
  const res = backend.solve(withRows(withColumns(base, cols), rows), { relax: true });
  return res.status === 'optimal' ? res.values[t] : null;
}

export function explainResidual(state: PlanState): Conflict[] {
  const p = state.problem;
  const out: Conflict[] = [];
  for (let z = 0; z < p.zones; z++) {
    const v = state.zoneViolation(z, state.zoneHours[z], state.zoneRural[z]);
    if (v > state.slack()) out.push(residualConflict(state, z, v));
  }
  const d = state.disruptionViolation(state.movedTotal);
  if (d > state.slack() && p.rules.disruption) {
    out.push({ rule: 'disruption', message: `The plan moves ${Math.ceil(d)} ${p.rules.disruption.measure} more than allowed.`, fix: `Allow ${Math.ceil(p.rules.disruption.max + d)} ${p.rules.disruption.measure} to change zone.` });
  }
  return out;
}

/** Which of its bounds a zone still breaks after repair, and the change to that bound that would let it hold. */
function residualConflict(state: PlanState, z: number, v: number): Conflict {
  const p = state.problem;
  const b = p.bands;
  const h = state.zoneHours[z];
  const rural = state.zoneRural[z] / Math.max(1e-9, h);
  const name = zoneName(p.model, z);
  const whole = `${name} ends ${hrs(v)} outside its rules (${hrs(h)}, rural ${pct(rural)}), as whole units${p.rules.contiguous ? ' in one piece' : ''}`;
  // The balance band sets the floor or ceiling unless the zone-size rule is tighter.
  const tolerance = p.rules.balance?.tolerance ?? null;
  const ceilingByBalance = tolerance !== null && b.upper[z] >= b.target[z] * (1 + tolerance) - 1e-6;
  const floorByBalance = tolerance !== null && b.lower[z] <= b.target[z] * (1 - tolerance) + 1e-6;
  let fix: string | undefined;
  let what: string;
  if (h > b.capacity[z] + 1e-6 && b.capacity[z] <= b.upper[z]) {
    what = `over its bases' capacity of ${hrs(b.capacity[z])}`;
    fix = `Raise ${name}'s capacity to ${hrs(h)}.`;
  } else if (h > b.upper[z] + 1e-6) {
    what = `above its ceiling of ${hrs(b.upper[z])}`;
    fix = ceilingByBalance ? `Widen the balance band to about ±${pct(ceilPct(tolerance + (h - b.upper[z]) / b.target[z]))}.` : `Raise the largest zone to ${hrs(h)}.`;
  } else if (h < b.lower[z] - 1e-6) {
    what = `below its floor of ${hrs(b.lower[z])}`;
    fix = floorByBalance ? `Widen the balance band to about ±${pct(ceilPct(tolerance + (b.lower[z] - h) / b.target[z]))}.` : `Lower the smallest zone to ${hrs(Math.floor(h))}.`;
  } else {
    what = `outside the rural-share band of ${pct(b.ruralMin)}-${pct(b.ruralMax)}`;
    fix = rural > b.ruralMax ? `Raise the rural-share ceiling to ${pct(ceilPct(rural))}.` : `Lower the rural-share floor to ${pct(floorPct(rural))}.`;
  }
  return { rule: 'whole-units', message: `${whole}: ${what}.`, fix };
}
