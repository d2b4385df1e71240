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
import { asUnit, Rurality, type CountyModel, type UnitIndex } from '../model';
import type { ExtraRuralSettings, ScoreSettings } from './settings';
import type { VisitTravelContext } from './visitTravel';

/** What the criteria read: the scoring context's plan-independent parts. */
export interface PlaceInputs {
  model: CountyModel;
  settings: ScoreSettings;
  /** Road metres from each unit to the nearest base of any zone. */
  nearestBaseRoadMetres: Float64Array;
  visitTravel: VisitTravelContext;
}

/**
 * Every unit's score, whatever the plan and the flags before, and the county's
 * distributions it was placed in: worked out once per scoring context.
 */
export interface ExtraRuralPlaces {
  dist: CountyDistributions;
  score: Float64Array;
}

/** A scoring context with its places scored. */
type ScoredPlaces = PlaceInputs & { extraRuralPlaces: ExtraRuralPlaces };

/** Each criterion's score, 0..1 (1 = most deserving of the extra-rural rate). */
export interface ExtraRuralCriteria {
  rurality: number;
  travel: number;
  distance: number;
  density: number;
  waiting: number;
}

/** The place's own figures the criteria read, for tables. */
export interface ExtraRuralFigures {
  /** Travel between visits per contact hour of the place; null with no hours. */
  minutesPerContactHour: number | null;
  /** Road km to the nearest base of any zone; null with no base. */
  baseKm: number | null;
  /** Weekly hours per km²; null with no hours. */
  hoursPerKm2: number | null;
  waitingUsers: number;
}

export interface ExtraRuralFlag {
  unit: UnitIndex;
  score: number;
  criteria: ExtraRuralCriteria;
  figures: ExtraRuralFigures;
  /** On only because it was on before and the score is still at or above switch-off. */
  heldByHysteresis: boolean;
  /** No hours yet but people waiting: a candidate new area, not priced until it has hours. */
  newArea: boolean;
  /**
   * Plain words, e.g. ["sparse village", "8 km from base", "24 min travel per contact hour (top 3%)",
   * "0.4 h/km² (lowest 4%)", "6 people waiting"]: the place in the county where it counts.
   */
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

/** Index of the first value of `sorted` (ascending) not below x, or above x when `after`. */
function boundOf(sorted: Float64Array, x: number, after: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x || (after && sorted[mid] === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Share of the values below x, counting ties as half (the mid-rank), 0..1. `sorted`
 * holds the county's units with hours, ascending. O(log n) however many tie.
 */
export function percentileOf(sorted: Float64Array, x: number): number {
  if (sorted.length === 0) return 0.5;
  const below = boundOf(sorted, x, false);
  const upTo = below < sorted.length && sorted[below] === x ? boundOf(sorted, x, true) : below;
  return (below + (upTo - below) / 2) / sorted.length;
}

/**
 * One figure over the county's units with hours, where high means remote: its
 * criterion is ramp(percentile, low, high). Most units sit outside the ramp, and for
 * them the value alone settles it, so only units inside it are searched for.
 */
class Distribution {
  readonly sorted: Float64Array;
  /** Values below `zeroBelow` are at or under the low percentile; above `oneAbove`, at or over the high one. */
  private readonly zeroBelow: number;
  private readonly oneAbove: number;

  constructor(values: Float64Array, private readonly low: number, private readonly high: number) {
    this.sorted = values.sort();
    const n = values.length;
    // x < sorted[k] leaves at most k values below or tied: percentile <= k / n <= low.
    this.zeroBelow = n > 0 ? values[Math.min(n - 1, Math.floor(low * n))] : Infinity;
    // x > sorted[j] leaves at least j + 1 values below: percentile >= (j + 1) / n >= high.
    this.oneAbove = n > 0 ? values[Math.max(0, Math.ceil(high * n) - 1)] : Infinity;
  }

  criterion(x: number): number {
    if (x < this.zeroBelow) return 0;
    if (x > this.oneAbove) return 1;
    return ramp(percentileOf(this.sorted, x), this.low, this.high);
  }
}

/** The figures of a unit the relative criteria read; high is remote (density is negated). */
function travelOf(ctx: PlaceInputs, u: UnitIndex): number {
  return ctx.visitTravel.placeMinutesPerContactHour[u] || 0;
}
const distanceOf = (ctx: PlaceInputs, u: UnitIndex) => ctx.nearestBaseRoadMetres[u];
const sparsenessOf = (ctx: PlaceInputs, u: UnitIndex) => -hoursDensity(ctx.model, u);

/** The county's distributions the relative criteria are placed in. */
export interface CountyDistributions {
  travel: Distribution;
  distance: Distribution;
  sparseness: Distribution;
}

function distributions(ctx: PlaceInputs, s: ExtraRuralSettings): CountyDistributions {
  const { hours } = ctx.model.demand;
  let count = 0;
  for (let u = 0; u < hours.length; u++) if (hours[u] > 0) count++;
  const travel = new Float64Array(count);
  const distance = new Float64Array(count);
  const sparseness = new Float64Array(count);
  for (let u = asUnit(0), i = 0; u < hours.length; u++) {
    if (!(hours[u] > 0)) continue;
    travel[i] = travelOf(ctx, u);
    distance[i] = distanceOf(ctx, u);
    sparseness[i++] = sparsenessOf(ctx, u);
  }
  const lo = s.percentileLow / 100;
  const hi = s.percentileHigh / 100;
  return { travel: new Distribution(travel, lo, hi), distance: new Distribution(distance, lo, hi), sparseness: new Distribution(sparseness, lo, hi) };
}

function ruralityOf(ctx: PlaceInputs, s: ExtraRuralSettings, u: UnitIndex): number {
  const { rurality, sparse } = ctx.model.units;
  const r = rurality[u];
  const classScore = r === Rurality.RuralVillage ? s.ruralVillageScore : r === Rurality.RuralTown ? s.ruralTownScore : 0;
  return Math.min(1, classScore + (sparse[u] ? s.sparseBonus : 0));
}

function waitingOf(ctx: PlaceInputs, s: ExtraRuralSettings, u: UnitIndex): number {
  const { waitingUsers, waitingHours } = ctx.model.demand;
  return Math.max(ramp(waitingUsers[u], 0, s.waitingUsersFull), ramp(waitingHours[u], 0, s.waitingHoursFull));
}

/** Unit u's criteria, written into `out` (a scratch object reused over the county: no allocation per unit). */
function criteriaOf(ctx: PlaceInputs, dist: CountyDistributions, s: ExtraRuralSettings, u: UnitIndex, out: ExtraRuralCriteria): ExtraRuralCriteria {
  const hasHours = ctx.model.demand.hours[u] > 0;
  out.rurality = ruralityOf(ctx, s, u);
  // A place with no hours yet has no visits nearby: a first package travels as far as any.
  out.travel = hasHours ? dist.travel.criterion(travelOf(ctx, u)) : 1;
  out.distance = dist.distance.criterion(distanceOf(ctx, u));
  out.density = hasHours ? dist.sparseness.criterion(sparsenessOf(ctx, u)) : 1;
  out.waiting = waitingOf(ctx, s, u);
  return out;
}

const noCriteria = (): ExtraRuralCriteria => ({ rurality: 0, travel: 0, distance: 0, density: 0, waiting: 0 });

function weightedScore(c: ExtraRuralCriteria, s: ExtraRuralSettings): number {
  const w = s.weights;
  const total = w.rurality + w.travel + w.distance + w.density + w.waiting;
  if (total <= 0) return 0;
  return (w.rurality * c.rurality + w.travel * c.travel + w.distance * c.distance + w.density * c.density + w.waiting * c.waiting) / total;
}

function significant(x: number): string {
  return x >= 10 ? String(Math.round(x)) : String(Number(x.toPrecision(2)));
}

/** The share of the county at or above a percentile, in whole per cent, at least 1: 3 for the 97th. */
const share = (p: number) => Math.max(1, Math.round(100 * (1 - p)));

function reasonsFor(ctx: PlaceInputs, dist: CountyDistributions, u: UnitIndex, flag: Pick<ExtraRuralFlag, 'score' | 'heldByHysteresis' | 'newArea'>, s: ExtraRuralSettings): string[] {
  const { units, demand } = ctx.model;
  const r = units.rurality[u];
  const place = r === Rurality.RuralVillage ? 'village' : r === Rurality.RuralTown ? 'rural town' : 'urban (never extra-rural)';
  const km = ctx.nearestBaseRoadMetres[u] / 1000;
  const waiting = demand.waitingUsers[u];
  // A figure's place in the county is given only where it counts (at or above the ramp's start).
  const rank = (d: Distribution, x: number, words: (share: number) => string) => {
    const p = percentileOf(d.sorted, x);
    return p >= s.percentileLow / 100 ? ` (${words(share(p))})` : '';
  };
  const top = (n: number) => `top ${n}%`;
  // The place first (rurality, distance to a base), then the figures about its people:
  // exports below the privacy minimum keep only the first two (src/export/privacy.ts).
  const reasons = [
    `${units.sparse[u] ? 'sparse ' : ''}${place}`,
    Number.isFinite(km) ? `${Math.round(km)} km from base${rank(dist.distance, distanceOf(ctx, u), top)}` : 'no base anywhere',
    flag.newArea ? 'no visits nearby yet' : `${significant(travelOf(ctx, u))} min travel per contact hour${rank(dist.travel, travelOf(ctx, u), top)}`,
    // Sparseness is density negated: its top share is density's lowest.
    flag.newArea
      ? 'no hours yet (new area)'
      : `${significant(hoursDensity(ctx.model, u))} h/km²${rank(dist.sparseness, sparsenessOf(ctx, u), (n) => `lowest ${n}%`)}`,
    waiting === 0 ? 'no one waiting' : waiting === 1 ? '1 person waiting' : `${significant(waiting)} people waiting`,
  ];
  if (flag.heldByHysteresis) {
    reasons.push(`kept on: score ${flag.score.toFixed(2)} is below switch-on ${s.switchOn} but not below switch-off ${s.switchOff}`);
  }
  return reasons;
}

/** Scores every unit of the county as a place (no plan, no hysteresis): once per scoring context. */
export function scorePlaces(ctx: PlaceInputs): ExtraRuralPlaces {
  const s = ctx.settings.extraRural;
  const dist = distributions(ctx, s);
  const n = ctx.model.units.count;
  const score = new Float64Array(n);
  const scratch = noCriteria();
  for (let u = asUnit(0); u < n; u++) score[u] = weightedScore(criteriaOf(ctx, dist, s, u, scratch), s);
  return { dist, score };
}

/** One unit's criteria, score and reasons in words, flagged or not (for a what-if, or to say why not). */
export function explainUnit(ctx: ScoredPlaces, u: UnitIndex): { score: number; criteria: ExtraRuralCriteria; reasons: string[] } {
  const s = ctx.settings.extraRural;
  const { dist } = ctx.extraRuralPlaces;
  const criteria = criteriaOf(ctx, dist, s, u, noCriteria());
  const score = weightedScore(criteria, s);
  const flag = { unit: u, score, criteria, heldByHysteresis: false, newArea: !(ctx.model.demand.hours[u] > 0) };
  return { score, criteria, reasons: reasonsFor(ctx, dist, u, flag, s) };
}

/**
 * Flags the units that earn the extra-rural rate, from the places' scores. Urban units are
 * never flagged (the rate is a tier above the rural rate). A unit with no hours is
 * flagged only when people are waiting there (a new area); it costs nothing until it has hours.
 */
export function detectExtraRural(ctx: ScoredPlaces, previous?: Uint8Array): ExtraRuralResult {
  const { model } = ctx;
  const s = ctx.settings.extraRural;
  const n = model.units.count;
  const { dist, score } = ctx.extraRuralPlaces;
  const flagged = new Uint8Array(n);
  const flags: ExtraRuralFlag[] = [];
  for (let u = asUnit(0); u < n; u++) {
    const wasOn = previous !== undefined && previous[u] === 1;
    if (!(score[u] >= s.switchOn || (wasOn && score[u] >= s.switchOff))) continue;
    const hasHours = model.demand.hours[u] > 0;
    const eligible = model.units.rurality[u] !== Rurality.Urban && (hasHours || model.demand.waitingUsers[u] > 0);
    if (!eligible) continue;
    flagged[u] = 1;
    const km = ctx.nearestBaseRoadMetres[u] / 1000;
    const figures = {
      minutesPerContactHour: hasHours ? travelOf(ctx, u) : null,
      baseKm: Number.isFinite(km) ? km : null,
      hoursPerKm2: hasHours ? hoursDensity(model, u) : null,
      waitingUsers: model.demand.waitingUsers[u],
    };
    const criteria = criteriaOf(ctx, dist, s, u, noCriteria());
    const flag = { unit: u, score: score[u], criteria, figures, heldByHysteresis: score[u] < s.switchOn, newArea: !hasHours };
    flags.push({ ...flag, reasons: reasonsFor(ctx, dist, u, flag, s) });
  }
  // The scores are the context's, shared by every plan scored with it: callers get a copy.
  return { score: score.slice(), flagged, flags };
}
