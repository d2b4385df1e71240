// Checks, before any solving, that one-piece zones are possible at all: every
// zone can reach enough hours from its base without crossing cells it may not
// take (locked zones, units locked elsewhere), and every group of units cut
// off from the rest (no border or link, or walled in by locked zones) has
// zones that can hold exactly its hours. Each conflict names the zone or the
// units and a change that would fix it.
import { baseUnits } from '../baseUnits';
import { zoneLabel } from '../zoneLabel';
import { asZone, type ZoneIndex } from '../model';
import { asCell, type CellIndex } from './cells';
import { cellLabel, FREE, type ZoningProblem } from './problem';
import type { PlanState } from './planState';
import { reachToJoin, roundUpMinutes } from './reach/minutes';
import type { Conflict } from './types';

const hrs = (x: number) => `${Math.round(x).toLocaleString('en-GB')} h/week`;
const pct = (x: number) => `${Math.ceil(100 * x - 1e-9)}%`;
const TOL = 1e-6;

export function contiguityConflicts(problem: ZoningProblem): Conflict[] {
  if (!problem.rules.contiguous) return [];
  return [...zoneReach(problem), ...cutOffGroups(problem)];
}

/** Cells of zone z reachable from `from` through cells z may hold. */
function reachable(problem: ZoningProblem, z: ZoneIndex, from: CellIndex[]): Uint8Array {
  const { adjStart, adjCells, cost, zones } = problem;
  const seen = new Uint8Array(problem.cells);
  const stack = [...from];
  for (const c of from) seen[c] = 1;
  while (stack.length) {
    const u = stack.pop()!;
    for (let k = adjStart[u]; k < adjStart[u + 1]; k++) {
      const v = asCell(adjCells[k]);
      if (!seen[v] && Number.isFinite(cost[v * zones + z])) {
        seen[v] = 1;
        stack.push(v);
      }
    }
  }
  return seen;
}

function zoneName(problem: ZoningProblem, z: number): string {
  return zoneLabel(problem.model.zones[z]);
}

/** The name of a base of zone z whose unit is in cell c, or null. */
function baseIn(problem: ZoningProblem, z: ZoneIndex, c: CellIndex): string | null {
  const units = baseUnits(problem.model);
  const b = problem.model.bases.findIndex((base, i) => base.zone === z && units[i] >= 0 && problem.cellOfUnit[units[i]] === c);
  return b >= 0 ? problem.model.bases[b].name : null;
}

/** A zone that cannot reach its floor, or its own fixed cells, from its base. */
function zoneReach(problem: ZoningProblem): Conflict[] {
  const { bands, fixedZone, hours } = problem;
  const out: Conflict[] = [];
  for (let z = asZone(0); z < problem.zones; z++) {
    if (!bands.constrained[z]) continue;
    const fixed: CellIndex[] = [];
    for (let c = asCell(0); c < problem.cells; c++) if (fixedZone[c] === z) fixed.push(c);
    const root = asCell(problem.rootCell[z]);
    const start = root >= 0 ? root : fixed[0];
    if (start === undefined) continue;
    const seen = reachable(problem, z, [start]);
    const rootBase = root >= 0 ? baseIn(problem, z, root) : null;
    const from = root < 0 ? cellLabel(problem.model, problem.cellUnits, problem.cellStart, start) : rootBase && fixed.length > 1 ? `the unit of ${rootBase}` : 'its base';
    const stranded = fixed.filter((c) => !seen[c]);
    if (stranded.length > 0) {
      const label = cellLabel(problem.model, problem.cellUnits, problem.cellStart, stranded[0]);
      const where = baseIn(problem, z, stranded[0]);
      const must = `${zoneName(problem, z)} must keep ${label}${where ? ` (where ${where} stands)` : ''}${stranded.length > 1 ? ` and ${stranded.length - 1} more` : ''}`;
      // With a reach rule, the chain may be cut by units beyond reach rather than by locks.
      const reach = problem.reachNeeded && problem.rules.reach ? roundUpMinutes(reachToJoin(problem, problem.reachNeeded, z, start, stranded)) : Infinity;
      out.push(
        Number.isFinite(reach)
          ? {
              rule: 'contiguity',
              message: `${must}, which cannot be joined to ${from} within ${problem.rules.reach!.minutes} minutes' reach.`,
              fix: `Set the reach to ${reach} minutes, or allow zones in more than one piece.`,
            }
          : {
              rule: 'contiguity',
              message: `${must}, which cannot be joined to ${from} without crossing units it may not take (locked elsewhere).`,
              fix: `Unlock ${label} or the units between, or allow zones in more than one piece.`,
            },
      );
      continue;
    }
    let reach = 0;
    for (let c = 0; c < problem.cells; c++) if (seen[c]) reach += hours[c];
    if (reach < bands.lower[z] - TOL * (1 + bands.lower[z])) {
      const widen = problem.rules.balance && bands.target[z] > 0 ? ` widen the balance band to ±${pct(1 - reach / bands.target[z])},` : '';
      out.push({
        rule: 'contiguity',
        message: `${zoneName(problem, z)} can reach only ${hrs(reach)} in one piece from ${from} without crossing locked zones or units; its balance floor is ${hrs(bands.lower[z])}.`,
        fix: `Unlock the zones or units around it,${widen} or allow zones in more than one piece.`,
      });
    }
  }
  return out;
}

/**
 * Groups of cells with no border or link to the rest that zones may use (cells
 * of locked zones wall them in too). Each group must be held by zones based
 * in it, whose bands must fit its hours; zones with no base could go anywhere,
 * so hours are only checked when every zone has one.
 */
function cutOffGroups(problem: ZoningProblem): Conflict[] {
  const { bands, fixedZone, adjStart, adjCells, hours, model } = problem;
  const open = (c: number) => fixedZone[c] === FREE || (fixedZone[c] >= 0 && bands.constrained[fixedZone[c]] === 1);
  const group = new Int32Array(problem.cells).fill(-1);
  const groups: CellIndex[][] = [];
  for (let s = asCell(0); s < problem.cells; s++) {
    if (group[s] >= 0 || !open(s)) continue;
    const members = [s];
    group[s] = groups.length;
    for (let i = 0; i < members.length; i++) {
      const u = members[i];
      for (let k = adjStart[u]; k < adjStart[u + 1]; k++) {
        const v = asCell(adjCells[k]);
        if (group[v] < 0 && open(v)) {
          group[v] = groups.length;
          members.push(v);
        }
      }
    }
    groups.push(members);
  }
  if (groups.length <= 1) return [];
  const unrooted: number[] = [];
  const rootedIn: number[][] = groups.map(() => []);
  for (let z = 0; z < problem.zones; z++) {
    if (!bands.constrained[z]) continue;
    if (problem.rootCell[z] >= 0) rootedIn[group[problem.rootCell[z]]].push(z);
    else unrooted.push(z);
  }
  const out: Conflict[] = [];
  groups.forEach((members, g) => {
    let h = 0;
    for (const c of members) h += hours[c];
    const first = cellLabel(model, problem.cellUnits, problem.cellStart, members[0]);
    const what =
      members.length === 1 ? first : `${members.length} units from ${first.replace(/^Unit /, '')} (${hrs(h)})`;
    const zonesHere = rootedIn[g];
    if (zonesHere.length === 0 && unrooted.length === 0) {
      out.push({
        rule: 'contiguity',
        message: `${what} ${members.length === 1 ? 'has' : 'have'} no border or link with the rest of the map that zones may use, and no zone's base is there, so no zone can hold ${members.length === 1 ? 'it' : 'them'} in one piece.`,
        fix: 'Link the units to their nearest neighbour (boundary files are linked across water when imported), put a base there, unlock the zones around them, or allow zones in more than one piece.',
      });
      return;
    }
    if (unrooted.length > 0 || zonesHere.length === 0) return;
    const floor = zonesHere.reduce((s, z) => s + bands.lower[z], 0);
    const room = zonesHere.reduce((s, z) => s + Math.min(bands.upper[z], bands.capacity[z]), 0);
    const names = zonesHere.map((z) => zoneName(problem, z)).join(', ');
    // One zone short of its floor is reported by zoneReach already.
    if (zonesHere.length > 1 && h < floor - TOL * (1 + floor)) {
      out.push({
        rule: 'contiguity',
        message: `${what} ${members.length === 1 ? 'is' : 'are'} cut off from the rest of the map, and ${names} (based there) cannot leave; ${hrs(h)} is below their balance floors (${hrs(floor)}).`,
        fix: 'Widen the balance band, move a base out, or allow zones in more than one piece.',
      });
    } else if (h > room + TOL * (1 + room)) {
      out.push({
        rule: 'contiguity',
        message: `${what} ${members.length === 1 ? 'is' : 'are'} cut off from the rest of the map, and only ${names} (based there) can hold ${members.length === 1 ? 'it' : 'them'}: ${hrs(h)} is more than they may take (${hrs(room)}).`,
        fix: 'Widen the balance band, raise capacity, add a base there, or allow zones in more than one piece.',
      });
    }
  });
  return out;
}

/** Zones the best plan found left in pieces (when no plan keeping every rule in one piece was found). */
export function explainContiguityFailure(state: PlanState, pieces: (z: number) => number): Conflict[] {
  const p = state.problem;
  const out: Conflict[] = [];
  for (let z = 0; z < p.zones; z++) {
    const n = pieces(z);
    if (n <= 1) continue;
    out.push({
      rule: 'contiguity',
      message: `${zoneName(p, z)} could not be kept in one piece within its bands (the best plan found has it in ${n} pieces).`,
      fix: `Widen the balance band, move or add a base near ${zoneName(p, z)}, or allow zones in more than one piece.`,
    });
  }
  return out;
}
