// Checks of the reach rule that need no LP, run before solving, each with its
// fix in numbers: units no base reaches, and places where the care within reach
// of some bases is more than those zones may take (capacity, band ceiling) or
// less than their floors need. The second is a transportation test solved as a
// maximum flow (care -> zones within reach -> room); the minimum cut names the
// zones and the care that do not fit.
import { asUnit, asZone, UNASSIGNED, type CountyModel, type UnitIndex, type ZoneIndex } from '../../model';
import { haversineMetres } from '../../travel';
import { FlowGraph } from './maxFlow';
import { asCell, cellLabel, FREE, type CellIndex } from '../cells';
import { roundUpMinutes } from './minutes';
import { zoneLabel } from '../../zoneLabel';

/** A rule conflict with its fix (the shape of the optimiser's Conflict). */
export interface ReachConflict {
  rule: string;
  message: string;
  fix?: string;
}

const hrs = (x: number) => `${Math.round(x).toLocaleString('en-GB')} h/week`;
const pct = (x: number) => `${Math.round(100 * x)}%`;
const MAX_LISTED = 8;
/** Longest reach a fix may suggest, minutes. */
const LONGEST_FIX = 240;

/** A zone as messages name it: "Zone 10 Sleaford", "Zone 2", "Market Town" (solver/zoneLabel.ts, with "Zone" before a number). */
export function zoneName(model: CountyModel, z: number): string {
  const label = zoneLabel(model.zones[z]);
  return /^\d/.test(label) ? `Zone ${label}` : label;
}

function zoneList(model: CountyModel, zones: number[]): string {
  const labels = zones.map((z) => zoneName(model, z));
  return labels.length <= 1 ? labels.join('') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/** Reach, capacity and band checks of the reach rule; [] without one. */
/** What the reach checks read: the zoning problem's cells, bands and reach (ZoningProblem has them all). */
export interface ReachProblem {
  model: CountyModel;
  zones: number;
  cells: number;
  cellStart: Int32Array;
  cellUnits: Int32Array;
  /** FREE, a zone, or UNASSIGNED. */
  fixedZone: Int32Array;
  hours: Float64Array;
  bands: { constrained: Uint8Array; target: Float64Array; lower: Float64Array; upper: Float64Array; capacity: Float64Array };
  /** reachNeeded[c * zones + z]: the reach at which zone z may take cell c (reach.ts). */
  reachNeeded: Float64Array;
}

/** Reach, capacity and band checks at a reach of `minutes`, with fixes that may move `levers`. */
export function reachConflicts(problem: ReachProblem, minutes: number, levers: FixLevers = {}): ReachConflict[] {
  const out: ReachConflict[] = [];
  const stranded = unplaceable(problem, minutes);
  if (stranded.length > 0) out.push(strandedConflict(problem, stranded, minutes));
  const upper = shortOfRoom(problem, minutes);
  if (upper) out.push(roomConflict(problem, upper, minutes, levers));
  const lower = shortOfCare(problem, minutes);
  if (lower) out.push(floorConflict(problem, lower, minutes, levers));
  return out;
}

/** May zone z take free cell c at this reach? */
function allowed(p: ReachProblem, c: CellIndex, z: ZoneIndex, minutes: number): boolean {
  return p.bands.constrained[z] === 1 && p.reachNeeded![c * p.zones + z] <= minutes + 1e-9;
}

/** Free cells no zone may take at this reach. */
function unplaceable(p: ReachProblem, minutes: number): CellIndex[] {
  const out: CellIndex[] = [];
  for (let c = asCell(0); c < p.cells; c++) {
    if (p.fixedZone[c] !== FREE) continue;
    let any = false;
    for (let z = asZone(0); z < p.zones && !any; z++) any = allowed(p, c, z, minutes);
    if (!any) out.push(c);
  }
  return out;
}

function nearestZone(p: ReachProblem, c: CellIndex): { zone: ZoneIndex; minutes: number } {
  let zone = UNASSIGNED;
  let minutes = Infinity;
  for (let z = asZone(0); z < p.zones; z++) {
    if (!p.bands.constrained[z]) continue;
    const m = p.reachNeeded![c * p.zones + z];
    if (m < minutes) {
      minutes = m;
      zone = z;
    }
  }
  return { zone, minutes };
}

function strandedConflict(p: ReachProblem, cells: CellIndex[], minutes: number): ReachConflict {
  const { model } = p;
  const units = cells.reduce((s, c) => s + p.cellStart[c + 1] - p.cellStart[c], 0);
  const hours = cells.reduce((s, c) => s + p.hours[c], 0);
  const near = cells.map((c) => ({ c, ...nearestZone(p, c) })).sort((a, b) => b.minutes - a.minutes);
  const listed = near.slice(0, MAX_LISTED).map(({ c, zone, minutes: m }) =>
    zone < 0 ? cellLabel(model, p.cellUnits, p.cellStart, c) : `${cellLabel(model, p.cellUnits, p.cellStart, c)} (${Math.ceil(m)} min, ${zoneName(model, zone)})`,
  );
  const more = near.length > MAX_LISTED ? `, and ${near.length - MAX_LISTED} more` : '';
  const worst = near.find((n) => Number.isFinite(n.minutes))?.minutes;
  const fixes: string[] = [];
  if (worst !== undefined) {
    const r = smallestReach(minutes, (m) => unplaceable(p, m).length === 0);
    if (r !== null) fixes.push(`Set the reach to ${r} minutes`);
  }
  const place = nearestTowns(model, cells.flatMap((c) => unitsOf(p, c)));
  if (place) fixes.push(`add a base near ${place}`);
  return {
    rule: 'reach',
    message: `${units === 1 ? '1 unit' : `${units.toLocaleString('en-GB')} units`} (${hrs(hours)}) ${units === 1 ? 'is' : 'are'} beyond ${minutes} minutes of every base: ${listed.join('; ')}${more}.`,
    fix: fixes.length ? `${fixes.join(', or ')}.` : undefined,
  };
}

function unitsOf(p: ReachProblem, c: CellIndex): UnitIndex[] {
  return Array.from(p.cellUnits.subarray(p.cellStart[c], p.cellStart[c + 1]), asUnit);
}

/** The towns nearest the most of these units' hours (up to three), e.g. "Mablethorpe or Sutton on Sea". */
function nearestTowns(model: CountyModel, units: number[]): string | null {
  if (model.towns.length === 0 || units.length === 0) return null;
  const byTown = new Map<number, number>();
  for (const u of units) {
    let best = 0;
    let bestM = Infinity;
    model.towns.forEach((t, i) => {
      const m = haversineMetres(model.units.lon[u], model.units.lat[u], t.lon, t.lat);
      if (m < bestM) {
        bestM = m;
        best = i;
      }
    });
    byTown.set(best, (byTown.get(best) ?? 0) + model.demand.hours[u] + 1e-6);
  }
  const top = [...byTown].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([t]) => model.towns[t].name);
  return top.length <= 1 ? top.join('') : `${top.slice(0, -1).join(', ')} or ${top[top.length - 1]}`;
}

/** The smallest reach above `from`, in 5-minute steps, for which `ok` holds; null if none up to LONGEST_FIX. */
function smallestReach(from: number, ok: (minutes: number) => boolean): number | null {
  for (let m = roundUpMinutes(from + 1e-6); m <= LONGEST_FIX; m += 5) if (ok(m)) return m;
  return null;
}

/** Free cells with hours grouped by the set of zones that may take them. */
interface Groups {
  zonesOf: number[][];
  hours: number[];
  cells: CellIndex[][];
}

function groups(p: ReachProblem, minutes: number): Groups {
  const index = new Map<string, number>();
  const g: Groups = { zonesOf: [], hours: [], cells: [] };
  for (let c = asCell(0); c < p.cells; c++) {
    if (p.fixedZone[c] !== FREE || p.hours[c] <= 0) continue;
    const zs: ZoneIndex[] = [];
    for (let z = asZone(0); z < p.zones; z++) if (allowed(p, c, z, minutes)) zs.push(z);
    if (zs.length === 0) continue;
    const key = zs.join(',');
    let k = index.get(key);
    if (k === undefined) {
      k = g.zonesOf.length;
      index.set(key, k);
      g.zonesOf.push(zs);
      g.hours.push(0);
      g.cells.push([]);
    }
    g.hours[k] += p.hours[c];
    g.cells[k].push(c);
  }
  return g;
}

/** Hours already fixed in each zone (locked units, and each base's own unit). */
function fixedHours(p: ReachProblem): Float64Array {
  const h = new Float64Array(p.zones);
  for (let c = 0; c < p.cells; c++) if (p.fixedZone[c] >= 0) h[p.fixedZone[c]] += p.hours[c];
  return h;
}

interface Shortfall {
  zones: number[];
  /** Care counted (only these zones reach it / within reach of these zones). */
  care: number;
  /** What these zones may take / must have. */
  limit: number;
  cells: CellIndex[];
}

/** Room each zone has for free cells: the smaller of its band ceiling and capacity, less its fixed hours. */
function room(p: ReachProblem, z: number, fixed: Float64Array): number {
  return Math.max(0, Math.min(p.bands.upper[z], p.bands.capacity[z]) - fixed[z]);
}

/**
 * A transportation test between the groups of care and the zones that reach
 * them: `supply` sends hours from each group (upper test: can all care be
 * taken?) or from each zone's floor (lower test: can every floor be met?).
 * Null when everything flows; else the source side of a minimum cut: the zones
 * and groups where it fails.
 */
function transport(p: ReachProblem, minutes: number, direction: 'care-to-room' | 'floor-to-care') {
  const g = groups(p, minutes);
  const fixed = fixedHours(p);
  const G = g.hours.length;
  const s = G + p.zones;
  const t = s + 1;
  const graph = new FlowGraph(t + 1);
  let supply = 0;
  const zoneArc = (z: number, amount: number) => (direction === 'care-to-room' ? graph.addArc(G + z, t, amount) : graph.addArc(s, G + z, amount));
  for (let z = 0; z < p.zones; z++) {
    if (!p.bands.constrained[z]) continue;
    if (direction === 'care-to-room') zoneArc(z, room(p, z, fixed));
    else {
      const need = Math.max(0, p.bands.lower[z] - fixed[z]);
      if (need > 0) zoneArc(z, need);
      supply += need;
    }
  }
  for (let k = 0; k < G; k++) {
    if (direction === 'care-to-room') {
      graph.addArc(s, k, g.hours[k]);
      supply += g.hours[k];
      for (const z of g.zonesOf[k]) graph.addArc(k, G + z, Infinity);
    } else {
      graph.addArc(k, t, g.hours[k]);
      for (const z of g.zonesOf[k]) graph.addArc(G + z, k, Infinity);
    }
  }
  if (supply <= 0 || graph.maxFlow(s, t) >= supply - 1e-6 * Math.max(1, supply)) return null;
  const side = graph.sourceSide(s);
  const zones = [...Array(p.zones).keys()].filter((z) => side[G + z]);
  const inside = [...Array(G).keys()].filter((k) => side[k]);
  return { zones, fixed, care: inside.reduce((a, k) => a + g.hours[k], 0), cells: inside.flatMap((k) => g.cells[k]) };
}

/** Care only some zones reach, more than they may take; null when every hour fits. */
function shortOfRoom(p: ReachProblem, minutes: number): Shortfall | null {
  const cut = transport(p, minutes, 'care-to-room');
  if (!cut) return null;
  return { zones: cut.zones, care: cut.care, limit: cut.zones.reduce((a, z) => a + room(p, z, cut.fixed), 0), cells: cut.cells };
}

/** Zones whose floors need more care than lies within their reach; null when every floor can be met. */
function shortOfCare(p: ReachProblem, minutes: number): Shortfall | null {
  const cut = transport(p, minutes, 'floor-to-care');
  if (!cut) return null;
  return {
    zones: cut.zones,
    care: cut.care + cut.zones.reduce((a, z) => a + cut.fixed[z], 0),
    limit: cut.zones.reduce((a, z) => a + p.bands.lower[z], 0),
    cells: cut.cells,
  };
}

/** The rule settings whose fixes the messages can suggest. */
export interface FixLevers {
  /** ± tolerance of the balance rule, if on. */
  tolerance?: number;
  /** Floor of the zone-size rule, if on. */
  sizeMin?: number;
}

/** Zones named one by one up to this many; beyond, the messages group them by what bounds them. */
const MAX_ZONES_LISTED = 6;

/** What bounds each zone's hours (capacity, or the band's ceiling where lower), e.g. "Zone 2: capacity 900 h/week". */
function ceilingsInWords(p: ReachProblem, zones: number[]): string {
  const { model, bands } = p;
  const byCapacity = (z: number) => bands.capacity[z] <= bands.upper[z];
  if (zones.length <= MAX_ZONES_LISTED) {
    return zones.map((z) => `${zoneName(model, z)}: ${byCapacity(z) ? `capacity ${hrs(bands.capacity[z])}` : `band ceiling ${hrs(bands.upper[z])}`}`).join('; ');
  }
  const cap = zones.filter(byCapacity);
  const ceiling = zones.filter((z) => !byCapacity(z));
  const parts: string[] = [];
  if (cap.length) parts.push(`the capacity of ${cap.length} zones, ${hrs(cap.reduce((a, z) => a + bands.capacity[z], 0))}`);
  if (ceiling.length) parts.push(`the band ceiling of ${zoneList(model, ceiling)}, ${hrs(ceiling.reduce((a, z) => a + bands.upper[z], 0))}`);
  return parts.join('; ');
}

function roomConflict(p: ReachProblem, short: Shortfall, minutes: number, levers: FixLevers): ReachConflict {
  const { model, bands } = p;
  const fixed = fixedHours(p);
  const everyZone = short.zones.length === countConstrained(p);
  // Counted with the units that must stay in these zones (base units, locked units), so the care is
  // all the care these zones alone can serve and the limit is their capacity as the commissioner knows it.
  const care = short.care + short.zones.reduce((a, z) => a + fixed[z], 0);
  const limit = short.zones.reduce((a, z) => a + Math.max(fixed[z], Math.min(bands.upper[z], bands.capacity[z])), 0);
  const gap = care - limit;
  const fixes: string[] = [];
  const byCapacity = short.zones.filter((z) => bands.capacity[z] < bands.upper[z]);
  const bandRoom = short.zones.reduce((a, z) => a + Math.max(0, bands.upper[z] - fixed[z]), 0);
  if (byCapacity.length > 0 && bandRoom >= short.care - 1e-6) {
    const where = byCapacity.length <= MAX_ZONES_LISTED ? ` in ${zoneList(model, byCapacity)}` : '';
    fixes.push(`raise base capacity${where} by ${hrs(gap)} in all`);
  }
  const tol = levers.tolerance;
  if (tol !== undefined && short.zones.some((z) => bands.upper[z] < bands.capacity[z])) {
    const t = widestNeeded(tol, (x) => short.zones.reduce((a, z) => a + roomAt(p, z, fixed, x), 0) >= short.care - 1e-6);
    if (t !== null) fixes.push(`widen the balance band to ±${pct(t)}`);
  }
  if (!everyZone) {
    const r = smallestReach(minutes, (m) => shortOfRoom(p, m) === null);
    if (r !== null) fixes.push(`set the reach to ${r} minutes`);
    const place = nearestTowns(model, short.cells.flatMap((c) => unitsOf(p, c)));
    if (place) fixes.push(`add a base of another zone near ${place}`);
  }
  const they = short.zones.length === 1 ? 'it' : 'them';
  return {
    rule: everyZone ? 'capacity' : 'reach-capacity',
    message: everyZone
      ? `There ${care === 1 ? 'is' : 'are'} ${hrs(care)} of care, but the rules let the zones take ${hrs(limit)} in all (${ceilingsInWords(p, short.zones)}): ${hrs(gap)} short.`
      : `Within ${minutes} minutes, ${hrs(care)} of care can only be served from the bases of ${zoneList(model, short.zones)}, but the rules let ${they} take ${hrs(limit)} (${ceilingsInWords(p, short.zones)}): ${hrs(gap)} short.`,
    fix: fixes.length ? `${capitalise(fixes.join(', or '))}.` : undefined,
  };
}

function floorConflict(p: ReachProblem, short: Shortfall, minutes: number, levers: FixLevers): ReachConflict {
  const { model, bands } = p;
  const gap = short.limit - short.care;
  const everyZone = short.zones.length === countConstrained(p);
  const fixes: string[] = [];
  const fixed = fixedHours(p);
  const { tolerance, sizeMin } = levers;
  // Each zone's floor with the band at ±x and the size floor at s (held to capacity), as zoneBands sets it.
  const floorAt = (x: number | undefined, s: number | undefined) =>
    short.zones.reduce((a, z) => {
      const band = x === undefined ? 0 : Math.max(0, bands.target[z] * (1 - x));
      const size = s === undefined ? 0 : Math.min(s, bands.capacity[z]);
      return a + Math.max(fixed[z], band, size);
    }, 0);
  if (tolerance !== undefined) {
    const t = widestNeeded(tolerance, (x) => floorAt(x, sizeMin) <= short.care + 1e-6);
    if (t !== null) fixes.push(`widen the balance band to ±${pct(t)}`);
  }
  if (sizeMin !== undefined && sizeMin > 0) {
    let lo = 0;
    let hi = sizeMin;
    if (floorAt(tolerance, 0) <= short.care + 1e-6) {
      for (let k = 0; k < 40; k++) {
        const mid = (lo + hi) / 2;
        if (floorAt(tolerance, mid) <= short.care + 1e-6) lo = mid;
        else hi = mid;
      }
      if (lo < sizeMin - 0.5) fixes.push(`lower the smallest zone to ${hrs(Math.floor(lo))}`);
    }
  }
  if (!everyZone) {
    const r = smallestReach(minutes, (m) => shortOfCare(p, m) === null);
    if (r !== null) fixes.push(`set the reach to ${r} minutes`);
    fixes.push(`move ${short.zones.length === 1 ? 'its base' : 'their bases'} closer to more care`);
  }
  const floors =
    short.zones.length <= MAX_ZONES_LISTED ? ` (${short.zones.map((z) => `${zoneName(model, z)} ${hrs(bands.lower[z])}`).join('; ')})` : '';
  const are = short.care === 1 ? 'is' : 'are';
  const need = short.zones.length === 1 ? `its floor is ${hrs(short.limit)}` : `their floors need ${hrs(short.limit)}${floors}`;
  return {
    rule: everyZone ? 'balance' : 'reach-floor',
    message: everyZone
      ? `There ${are} ${hrs(short.care)} of care, but the zones' floors need ${hrs(short.limit)}${floors}: ${hrs(gap)} short.`
      : `Within ${minutes} minutes of the bases of ${zoneList(model, short.zones)} there ${are} ${hrs(short.care)} of care; ${need}: ${hrs(gap)} short.`,
    fix: fixes.length ? `${capitalise(fixes.join(', or '))}.` : undefined,
  };
}

function countConstrained(p: ReachProblem): number {
  let n = 0;
  for (let z = 0; z < p.zones; z++) n += p.bands.constrained[z];
  return n;
}

function roomAt(p: ReachProblem, z: number, fixed: Float64Array, tolerance: number): number {
  return Math.max(0, Math.min(p.bands.target[z] * (1 + tolerance), p.bands.capacity[z]) - fixed[z]);
}

/** The smallest tolerance above `from`, in whole percent up to ±200%, for which `ok` holds. */
function widestNeeded(from: number, ok: (tolerance: number) => boolean): number | null {
  for (let k = Math.floor(from * 100) + 1; k <= 200; k++) if (ok(k / 100)) return k / 100;
  return null;
}

const capitalise = (s: string) => s[0].toUpperCase() + s.slice(1);

/**
 * The shortest reach, in 5-minute steps from `from`, at which every unit has a
 * zone within reach and the care within reach fits the zones' room and floors
 * (the counting checks above); null if none up to LONGEST_FIX.
 */
export function shortestWorkableReach(problem: ReachProblem, from: number): number | null {
  const ok = (m: number) => unplaceable(problem, m).length === 0 && shortOfRoom(problem, m) === null && shortOfCare(problem, m) === null;
  const start = roundUpMinutes(from);
  return ok(start) ? start : smallestReach(start, ok);
}
