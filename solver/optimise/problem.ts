// The zoning problem in the optimiser's own terms. Units that must move together
// (a whole town) are merged into one cell; each cell has its hours, rural hours,
// a cost per zone (travel plus penalties) and whether it is free, fixed to a zone
// or left out. Everything downstream (LP, repair, local search) works on cells.
import { baseUnits } from '../baseUnits';
import { asZone, Rurality, UNASSIGNED, type CountyModel, type Plan, type ZoneIndex } from '../model';
import { DEFAULT_TRAVEL } from '../travel';
import { cellZoneMinutes, reachNeeded, unitZoneMinutes } from './reach/minutes';
import { resolveRules, zoneBands, type OptimiseRules, type ZoneBands } from './rules';
import { unitZoneMetres, type TravelOptions } from './travelCost';
import { zoneLabel, zoneTitle } from '../zoneLabel';

export { FREE, cellLabel } from './cells';
import { asCell, FREE, cellLabel, type CellIndex } from './cells';

export interface ZoningProblem {
  model: CountyModel;
  current: Plan;
  rules: OptimiseRules;
  bands: ZoneBands;
  zones: number;
  cells: number;
  /** Units of cell c: cellUnits[cellStart[c] .. cellStart[c + 1]). */
  cellStart: Int32Array;
  cellUnits: Int32Array;
  cellOfUnit: Int32Array;
  hours: Float64Array;
  users: Float64Array;
  ruralHours: Float64Array;
  /** FREE, a zone index, or UNASSIGNED for cells left out of the plan. */
  fixedZone: Int32Array;
  /** Zone of the cell's first unit in the current plan (a start, not a rule). */
  startZone: Int32Array;
  /** cost[c * zones + z], metre·hours; Infinity where z is not allowed for c. */
  cost: Float64Array;
  /** Users or hours (per the disruption rule, else hours) that change zone if c goes to z. */
  moved: Float64Array;
  /** Cell adjacency (CSR). */
  adjStart: Int32Array;
  adjCells: Int32Array;
  /**
   * Per zone, the cell of its base (fixed in the zone when `rules.baseUnitsStay`),
   * -1 for a zone with no base or whose base cell another zone keeps. A
   * contiguous zone is the piece that holds it.
   */
  rootCell: Int32Array;
  /**
   * With a reach rule: the shortest reach (minutes) at which zone z may take cell c,
   * reachNeeded[c * zones + z] (see reach.ts); free cells beyond the rule's reach
   * have cost Infinity there. Null without a reach rule.
   */
  reachNeeded: Float64Array | null;
  /** Conflicts found while building (locks that contradict each other or the rules). */
  buildConflicts: string[];
  /** What the build decided that the user should know (e.g. two zones' bases in one unit). */
  buildNotes: string[];
}

export type ProblemOptions = TravelOptions;

export function buildProblem(
  model: CountyModel,
  current: Plan,
  partialRules: Partial<OptimiseRules> = {},
  options: ProblemOptions = {},
): ZoningProblem {
  const rules = resolveRules(partialRules, model, current);
  const bands = zoneBands(model, current, rules);
  const n = model.units.count;
  const zones = model.zones.length;
  const conflicts: string[] = [];

  const { cellOfUnit, cells } = groupUnits(model, rules);
  const cellStart = new Int32Array(cells + 1);
  for (let u = 0; u < n; u++) cellStart[cellOfUnit[u] + 1]++;
  for (let c = 0; c < cells; c++) cellStart[c + 1] += cellStart[c];
  const fill = cellStart.slice(0, cells);
  const cellUnits = new Int32Array(n);
  for (let u = 0; u < n; u++) cellUnits[fill[cellOfUnit[u]]++] = u;

  const lockedZone = new Uint8Array(zones);
  for (const z of rules.lockedZones) lockedZone[z] = 1;
  const lockedUnit = new Uint8Array(n);
  for (const u of rules.lockedUnits) lockedUnit[u] = 1;

  const hours = new Float64Array(cells);
  const users = new Float64Array(cells);
  const ruralHours = new Float64Array(cells);
  const fixedZone = new Int32Array(cells).fill(FREE);
  const startZone = new Int32Array(cells);
  for (let c = asCell(0); c < cells; c++) {
    startZone[c] = current.zoneOf[cellUnits[cellStart[c]]];
    let pinned: ZoneIndex | null = null;
    for (let k = cellStart[c]; k < cellStart[c + 1]; k++) {
      const u = cellUnits[k];
      const h = model.demand.hours[u];
      hours[c] += h;
      users[c] += model.demand.users[u];
      if (model.units.rurality[u] !== Rurality.Urban) ruralHours[c] += h;
      const z = asZone(current.zoneOf[u]);
      const pin = lockedUnit[u] === 1 || (z >= 0 && lockedZone[z] === 1) || (!rules.assignAll && z === UNASSIGNED);
      if (!pin) continue;
      if (pinned !== null && pinned !== z) {
        const label = cellLabel(model, cellUnits, cellStart, c);
        conflicts.push(`${label} must stay whole, but its locked units are in different zones. Unlock them, or let ${label} be split.`);
      }
      pinned = z;
    }
    if (pinned !== null) fixedZone[c] = pinned;
    if (pinned !== null && pinned >= 0 && lockedZone[pinned]) {
      for (let k = cellStart[c]; k < cellStart[c + 1]; k++) {
        if (current.zoneOf[cellUnits[k]] === pinned) continue;
        const label = cellLabel(model, cellUnits, cellStart, c);
        const zone = zoneTitle(model.zones[pinned]);
        conflicts.push(`${label} must stay whole, but locked ${zone} holds only part of it. Unlock ${zone}, or let ${label} be split.`);
        break;
      }
    }
    if (pinned === UNASSIGNED && rules.assignAll) {
      conflicts.push(`${cellLabel(model, cellUnits, cellStart, c)} is locked but has no zone, and every unit must have one`);
    }
  }
  const notes: string[] = [];
  const rootCell = rules.baseUnitsStay
    ? pinBaseCells(model, current, cellOfUnit, cellUnits, cellStart, fixedZone, lockedZone, conflicts, notes)
    : new Int32Array(zones).fill(-1);

  const travel = options.travel ?? DEFAULT_TRAVEL;
  const metres = unitZoneMetres(model, current, travel, options.travelMatrix);
  const meanHours = n > 0 ? model.demand.hours.reduce((a, b) => a + b, 0) / n : 0;
  const compactHours = rules.weights.compactness * meanHours;
  const disruptionPerHour = rules.weights.disruptionKmPerHour * 1000;
  const measure = rules.disruption?.measure ?? 'hours';
  const cost = new Float64Array(cells * zones);
  const moved = new Float64Array(cells * zones);
  for (let c = 0; c < cells; c++) {
    for (let k = cellStart[c]; k < cellStart[c + 1]; k++) {
      const u = cellUnits[k];
      const h = model.demand.hours[u];
      const w = measure === 'users' ? model.demand.users[u] : h;
      const from = current.zoneOf[u];
      for (let z = 0; z < zones; z++) {
        cost[c * zones + z] += (h + compactHours) * metres[u * zones + z];
        if (from !== UNASSIGNED && from !== z) {
          moved[c * zones + z] += w;
          cost[c * zones + z] += disruptionPerHour * h;
        }
      }
    }
    // A locked zone gains no units; a fixed cell may only stay where it is.
    for (let z = 0; z < zones; z++) {
      const fixed = fixedZone[c];
      if ((fixed !== FREE && fixed !== z) || (fixed === FREE && lockedZone[z])) cost[c * zones + z] = Infinity;
    }
  }

  const { adjStart, adjCells } = groupAdjacency(model.units.adjacency.offsets, model.units.adjacency.neighbours, cellOfUnit, cells);
  let needed: Float64Array | null = null;
  if (rules.reach) {
    const shape = { model, zones, cells, cellStart, cellUnits, cellOfUnit, fixedZone, adjStart, adjCells };
    needed = reachNeeded(shape, cellZoneMinutes(shape, unitZoneMinutes(model, metres, travel)), rules.contiguous);
    const limit = rules.reach.minutes + 1e-9;
    for (let c = 0; c < cells; c++) {
      if (fixedZone[c] !== FREE) continue;
      for (let z = 0; z < zones; z++) if (needed[c * zones + z] > limit) cost[c * zones + z] = Infinity;
    }
  }
  return {
    model,
    current,
    rules,
    bands,
    zones,
    cells,
    cellStart,
    cellUnits,
    cellOfUnit,
    hours,
    users,
    ruralHours,
    fixedZone,
    startZone,
    cost,
    moved,
    adjStart,
    adjCells,
    rootCell,
    reachNeeded: needed,
    buildConflicts: conflicts,
    buildNotes: notes,
  };
}

/**
 * Fixes each base's cell in the base's zone (locked zones are left as they are)
 * and returns each zone's root cell. A cell holding bases of several zones
 * stays in the one it is in now (else the first), and the others get no root.
 */
function pinBaseCells(
  model: CountyModel,
  current: Plan,
  cellOfUnit: Int32Array,
  cellUnits: Int32Array,
  cellStart: Int32Array,
  fixedZone: Int32Array,
  lockedZone: Uint8Array,
  conflicts: string[],
  notes: string[],
): Int32Array {
  const zones = model.zones.length;
  const rootCell = new Int32Array(zones).fill(-1);
  const claims = new Map<CellIndex, Array<{ zone: number; base: number }>>();
  baseUnits(model).forEach((u, b) => {
    const z = model.bases[b].zone;
    if (u < 0 || z < 0 || z >= zones || lockedZone[z]) return;
    const c = asCell(cellOfUnit[u]);
    const list = claims.get(c) ?? [];
    if (!list.some((x) => x.zone === z)) list.push({ zone: z, base: b });
    claims.set(c, list);
  });
  const zone = (z: number) => zoneLabel(model.zones[z]);
  for (const [c, list] of claims) {
    const now = current.zoneOf[cellUnits[cellStart[c]]];
    const keep = list.find((x) => x.zone === now) ?? list[0];
    const label = cellLabel(model, cellUnits, cellStart, c);
    if (list.length > 1) {
      const others = list.filter((x) => x !== keep).map((x) => `${model.bases[x.base].name} (${zone(x.zone)})`);
      notes.push(`${label} holds the bases of several zones; it stays in ${zone(keep.zone)}, so ${others.join(', ')} ${others.length === 1 ? 'is' : 'are'} not tied to the unit ${others.length === 1 ? 'it stands' : 'they stand'} in.`);
    }
    const fixed = fixedZone[c];
    if (fixed !== FREE && fixed !== keep.zone) {
      const where = fixed >= 0 ? `locked in ${zone(fixed)}` : 'locked out of every zone';
      conflicts.push(`${model.bases[keep.base].name} stands in ${label}, which is ${where}; a base's unit stays in the base's zone. Unlock ${label}, or move the base.`);
      continue;
    }
    fixedZone[c] = keep.zone;
    rootCell[keep.zone] = c;
  }
  return rootCell;
}

/** One cell per unit, except units of a town kept whole, which share one. */
function groupUnits(model: CountyModel, rules: OptimiseRules): { cellOfUnit: Int32Array; cells: number } {
  const whole = new Set<number>(rules.wholeTowns === true ? model.towns.map((_, t) => t) : rules.wholeTowns || []);
  const cellOfUnit = new Int32Array(model.units.count);
  const cellOfTown = new Map<number, number>();
  let cells = 0;
  for (let u = 0; u < model.units.count; u++) {
    const t = model.units.town[u];
    if (t >= 0 && whole.has(t)) {
      let c = cellOfTown.get(t);
      if (c === undefined) {
        c = cells++;
        cellOfTown.set(t, c);
      }
      cellOfUnit[u] = c;
    } else {
      cellOfUnit[u] = cells++;
    }
  }
  return { cellOfUnit, cells };
}

/**
 * The adjacency of groups of a graph's nodes (CSR: offsets, neighbours), as
 * CSR with sorted lists: two groups touch when any of their nodes do.
 */
export function groupAdjacency(
  offsets: ArrayLike<number>,
  neighbours: ArrayLike<number>,
  groupOf: Int32Array,
  groups: number,
): { adjStart: Int32Array; adjCells: Int32Array } {
  const lists: Array<Set<number>> = Array.from({ length: groups }, () => new Set());
  for (let u = 0; u < groupOf.length; u++) {
    const cu = groupOf[u];
    for (let k = offsets[u]; k < offsets[u + 1]; k++) {
      const cv = groupOf[neighbours[k]];
      if (cv !== cu) {
        lists[cu].add(cv);
        lists[cv].add(cu);
      }
    }
  }
  const adjStart = new Int32Array(groups + 1);
  for (let c = 0; c < groups; c++) adjStart[c + 1] = adjStart[c] + lists[c].size;
  const adjCells = new Int32Array(adjStart[groups]);
  for (let c = 0; c < groups; c++) adjCells.set([...lists[c]].sort((a, b) => a - b), adjStart[c]);
  return { adjStart, adjCells };
}

/** Expands a cell plan to a unit plan. */
export function unitPlan(problem: ZoningProblem, cellZone: Int32Array): Plan {
  const zoneOf = new Int32Array(problem.model.units.count);
  for (let u = 0; u < zoneOf.length; u++) zoneOf[u] = cellZone[problem.cellOfUnit[u]];
  return { zoneOf };
}
