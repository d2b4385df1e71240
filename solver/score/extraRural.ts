// Which units earn the extra-rural rate. Lincolnshire's criteria are "lowest value,
// highest wait and rurality" (report 003); we score each unit 0..1 on rurality (ONS
// class), travel between visits per contact hour, road distance to the nearest base,
// low hours density and waiting, and switch the rate on and off with hysteresis so a
// flag does not flicker as demand moves a little.
//
// Travel, distance and density are placed in the county's own distribution (the
// percentile among its units with hours), so the same settings flag the remote,
// low-volume places of any county, whether or not ONS calls any of them sparse.
//
// Every criterion belongs to the place, not the plan: distance is to the nearest base of
// ANY zone and travel uses the unit's neighbours whatever their zone, so redrawing a
// boundary never switches the rate.
import { Rurality, type CountyModel, type UnitIndex } from '../model';
import type { ScoreContext } from './context';
import type { ExtraRuralSettings } from './settings';

/** Each criterion's score, 0..1 (1 = most deserving of the extra-rural rate). */
export interface ExtraRuralCriteria {
  rurality: number;
  travel: number;
  distance: number;
  density: number;
  waiting: number;
}

export interface ExtraRuralFlag {
  unit: UnitIndex;
  score: number;
  criteria: ExtraRuralCriteria;
  /** On only because it was on before and the score is still at or above switch-off. */
  heldByHysteresis: boolean;
  /** No hours yet but people waiting: a candidate new area, not priced until it has hours. */
  newArea: boolean;
  /** Plain words, e.g. ["sparse village", "24 min travel per contact hour (top 3%)", "31 km from base (top 2%)", "0.4 h/km² (lowest 4%)", "6 people waiting"]. */
  reasons: string[];
}

export interface ExtraRuralResult {
  /** Weighted score per unit, 0..1. */
  score: Float64Array;
  /** 1 when the unit is flagged; pass back as `previous` next time for hysteresis. */
  flagged: Uint8Array;
  flags: ExtraRuralFlag[];
}

function ramp(x: number, low: number, high: number): number {
  if (x <= low) return 0;
  if (x >= high) return 1;
  return (x - low) / (high - low);
}

/** Weekly hours per km2; 0 for a unit without area (nothing to spread over). */
function hoursDensity(model: CountyModel, u: UnitIndex): number {
  const area = model.units.areaKm2[u];
  return area > 0 ? model.demand.hours[u] / area : 0;
}

/**
 * Share of the values below x, counting ties as half (the mid-rank), 0..1. `sorted`
 * holds the county's units with hours, ascending.
 */
export function percentileOf(sorted: Float64Array, x: number): number {
  if (sorted.length === 0) return 0.5;
  let below = 0;
  let hi = sorted.length;
  while (below < hi) {
    const mid = (below + hi) >> 1;
    if (sorted[mid] < x) below = mid + 1;
    else hi = mid;
  }
  let upTo = below;
  while (upTo < sorted.length && sorted[upTo] === x) upTo++;
  return (below + (upTo - below) / 2) / sorted.length;
}

/** The county's distributions the relative criteria are placed in. */
interface CountyDistributions {
  travel: Float64Array;
  distance: Float64Array;
  density: Float64Array;
}

function distributions(ctx: ScoreContext): CountyDistributions {
  const { model } = ctx;
  const withHours: number[] = [];
  for (let u = 0; u < model.units.count; u++) if (model.demand.hours[u] > 0) withHours.push(u);
  const sorted = (f: (u: number) => number) => Float64Array.from(withHours, f).sort();
  return {
    travel: sorted((u) => ctx.visitTravel.placeMinutesPerContactHour[u] || 0),
    distance: sorted((u) => ctx.nearestBaseRoadMetres[u]),
    density: sorted((u) => hoursDensity(model, u)),
  };
}

interface Placed {
  criteria: ExtraRuralCriteria;
  /** Percentiles of the unit's travel, distance and density in the county, 0..1 (NaN with no hours for travel). */
  travelP: number;
  distanceP: number;
  densityP: number;
}

function criteriaOf(ctx: ScoreContext, dist: CountyDistributions, s: ExtraRuralSettings, u: UnitIndex): Placed {
  const { units, demand } = ctx.model;
  const r = units.rurality[u];
  const classScore = r === Rurality.RuralVillage ? s.ruralVillageScore : r === Rurality.RuralTown ? s.ruralTownScore : 0;
  const rurality = Math.min(1, classScore + (units.sparse[u] ? s.sparseBonus : 0));
  const lo = s.percentileLow / 100;
  const hi = s.percentileHigh / 100;
  const hasHours = demand.hours[u] > 0;
  const travelP = hasHours ? percentileOf(dist.travel, ctx.visitTravel.placeMinutesPerContactHour[u]) : NaN;
  const distanceP = percentileOf(dist.distance, ctx.nearestBaseRoadMetres[u]);
  const densityP = hasHours ? percentileOf(dist.density, hoursDensity(ctx.model, u)) : 0;
  // A place with no hours yet has no visits nearby: a first package travels as far as any.
  const travel = hasHours ? ramp(travelP, lo, hi) : 1;
  const distance = ramp(distanceP, lo, hi);
  const density = ramp(1 - densityP, lo, hi);
  const waiting = Math.max(
    ramp(demand.waitingUsers[u], 0, s.waitingUsersFull),
    ramp(demand.waitingHours[u], 0, s.waitingHoursFull),
  );
  return { criteria: { rurality, travel, distance, density, waiting }, travelP, distanceP, densityP };
}

function weightedScore(c: ExtraRuralCriteria, s: ExtraRuralSettings): number {
  const w = s.weights;
  const total = w.rurality + w.travel + w.distance + w.density + w.waiting;
  if (total <= 0) return 0;
  return (w.rurality * c.rurality + w.travel * c.travel + w.distance * c.distance + w.density * c.density + w.waiting * c.waiting) / total;
}

function significant(x: number): string {
  return x >= 10 ? String(Math.round(x)) : String(Number(x.toPrecision(2)));
}

/** "top 3%" for the 97th percentile; "lowest 4%" when low is the point. */
const top = (p: number) => `top ${Math.max(1, Math.round(100 * (1 - p)))}%`;
const lowest = (p: number) => `lowest ${Math.max(1, Math.round(100 * p))}%`;

function reasonsFor(ctx: ScoreContext, u: UnitIndex, placed: Placed, flag: Omit<ExtraRuralFlag, 'reasons'>, s: ExtraRuralSettings): string[] {
  const { units, demand } = ctx.model;
  const r = units.rurality[u];
  const place = r === Rurality.RuralVillage ? 'village' : r === Rurality.RuralTown ? 'rural town' : 'urban (never extra-rural)';
  const km = ctx.nearestBaseRoadMetres[u] / 1000;
  const waiting = demand.waitingUsers[u];
  const travel = ctx.visitTravel.placeMinutesPerContactHour[u];
  const reasons = [
    `${units.sparse[u] ? 'sparse ' : ''}${place}`,
    flag.newArea ? 'no visits nearby yet' : `${significant(travel)} min travel per contact hour (${top(placed.travelP)})`,
    Number.isFinite(km) ? `${Math.round(km)} km from base (${top(placed.distanceP)})` : 'no base anywhere',
    flag.newArea ? 'no hours yet (new area)' : `${significant(hoursDensity(ctx.model, u))} h/km² (${lowest(placed.densityP)})`,
    waiting === 0 ? 'no one waiting' : waiting === 1 ? '1 person waiting' : `${significant(waiting)} people waiting`,
  ];
  if (flag.heldByHysteresis) {
    reasons.push(`kept on: score ${flag.score.toFixed(2)} is below switch-on ${s.switchOn} but not below switch-off ${s.switchOff}`);
  }
  return reasons;
}

/** One unit's criteria, score and reasons in words, flagged or not (for a what-if, or to say why not). */
export function explainUnit(ctx: ScoreContext, u: UnitIndex): { score: number; criteria: ExtraRuralCriteria; reasons: string[] } {
  const s = ctx.settings.extraRural;
  const placed = criteriaOf(ctx, distributions(ctx), s, u);
  const score = weightedScore(placed.criteria, s);
  const flag = { unit: u, score, criteria: placed.criteria, heldByHysteresis: false, newArea: !(ctx.model.demand.hours[u] > 0) };
  return { score, criteria: placed.criteria, reasons: reasonsFor(ctx, u, placed, flag, s) };
}

/**
 * Scores every unit and flags those that earn the extra-rural rate. Urban units are
 * never flagged (the rate is a tier above the rural rate). A unit with no hours is
 * flagged only when people are waiting there (a new area); it costs nothing until it has hours.
 */
export function detectExtraRural(ctx: ScoreContext, previous?: Uint8Array): ExtraRuralResult {
  const { model } = ctx;
  const s = ctx.settings.extraRural;
  const n = model.units.count;
  const dist = distributions(ctx);
  const score = new Float64Array(n);
  const flagged = new Uint8Array(n);
  const flags: ExtraRuralFlag[] = [];
  for (let u = 0; u < n; u++) {
    const placed = criteriaOf(ctx, dist, s, u);
    score[u] = weightedScore(placed.criteria, s);
    const hasHours = model.demand.hours[u] > 0;
    const eligible = model.units.rurality[u] !== Rurality.Urban && (hasHours || model.demand.waitingUsers[u] > 0);
    if (!eligible) continue;
    const wasOn = previous !== undefined && previous[u] === 1;
    const on = score[u] >= s.switchOn || (wasOn && score[u] >= s.switchOff);
    if (!on) continue;
    flagged[u] = 1;
    const flag = { unit: u, score: score[u], criteria: placed.criteria, heldByHysteresis: score[u] < s.switchOn, newArea: !hasHours };
    flags.push({ ...flag, reasons: reasonsFor(ctx, u, placed, flag, s) });
  }
  return { score, flagged, flags };
}
