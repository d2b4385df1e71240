// Which units earn the extra-rural rate. Lincolnshire's criteria are "lowest value,
// highest wait and rurality" (report 003); we score each unit 0..1 on rurality,
// road distance to the nearest base, hours density and waiting, and switch the
// rate on and off with hysteresis so a flag does not flicker as demand moves a little.
//
// Distance is to the nearest base of ANY zone, not the unit's own zone: the rate
// belongs to the place (how remote it is from where carers start), so redrawing a
// boundary never switches it, and flags do not depend on the plan.
import { Rurality, type CountyModel, type UnitIndex } from '../model';
import type { ScoreContext } from './context';
import type { ExtraRuralSettings } from './settings';

/** Each criterion's score, 0..1 (1 = most deserving of the extra-rural rate). */
export interface ExtraRuralCriteria {
  rurality: number;
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
  /** Plain words, e.g. ["sparse village", "31 km from base", "0.4 h/km²", "6 people waiting"]. */
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

function criteriaOf(model: CountyModel, ctx: ScoreContext, s: ExtraRuralSettings, u: UnitIndex): ExtraRuralCriteria {
  const { units, demand } = model;
  const r = units.rurality[u];
  const classScore = r === Rurality.RuralVillage ? s.ruralVillageScore : r === Rurality.RuralTown ? s.ruralTownScore : 0;
  const rurality = Math.min(1, classScore + (units.sparse[u] ? s.sparseBonus : 0));
  const distance = ramp(ctx.nearestBaseRoadMetres[u] / 1000, s.distanceKmLow, s.distanceKmHigh);
  const densityValue = hoursDensity(model, u);
  // Log scale: densities span orders of magnitude between hamlets and towns.
  const density =
    densityValue <= 0 ? 1 : 1 - ramp(Math.log(densityValue), Math.log(s.densityLow), Math.log(s.densityHigh));
  const waiting = Math.max(
    ramp(demand.waitingUsers[u], 0, s.waitingUsersFull),
    ramp(demand.waitingHours[u], 0, s.waitingHoursFull),
  );
  return { rurality, distance, density, waiting };
}

function weightedScore(c: ExtraRuralCriteria, s: ExtraRuralSettings): number {
  const w = s.weights;
  const total = w.rurality + w.distance + w.density + w.waiting;
  if (total <= 0) return 0;
  return (w.rurality * c.rurality + w.distance * c.distance + w.density * c.density + w.waiting * c.waiting) / total;
}

function significant(x: number): string {
  return x >= 10 ? String(Math.round(x)) : String(Number(x.toPrecision(2)));
}

function reasonsFor(model: CountyModel, ctx: ScoreContext, u: UnitIndex, flag: Omit<ExtraRuralFlag, 'reasons'>, s: ExtraRuralSettings): string[] {
  const { units, demand } = model;
  const place = units.rurality[u] === Rurality.RuralVillage ? 'village' : 'rural town';
  const km = ctx.nearestBaseRoadMetres[u] / 1000;
  const waiting = demand.waitingUsers[u];
  const reasons = [
    `${units.sparse[u] ? 'sparse ' : ''}${place}`,
    Number.isFinite(km) ? `${Math.round(km)} km from base` : 'no base anywhere',
    flag.newArea ? 'no hours yet (new area)' : `${significant(hoursDensity(model, u))} h/km²`,
    waiting === 0 ? 'no one waiting' : waiting === 1 ? '1 person waiting' : `${significant(waiting)} people waiting`,
  ];
  if (flag.heldByHysteresis) {
    reasons.push(`kept on: score ${flag.score.toFixed(2)} is below switch-on ${s.switchOn} but not below switch-off ${s.switchOff}`);
  }
  return reasons;
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
  const score = new Float64Array(n);
  const flagged = new Uint8Array(n);
  const flags: ExtraRuralFlag[] = [];
  for (let u = 0; u < n; u++) {
    const criteria = criteriaOf(model, ctx, s, u);
    score[u] = weightedScore(criteria, s);
    const hasHours = model.demand.hours[u] > 0;
    const eligible = model.units.rurality[u] !== Rurality.Urban && (hasHours || model.demand.waitingUsers[u] > 0);
    if (!eligible) continue;
    const wasOn = previous !== undefined && previous[u] === 1;
    const on = score[u] >= s.switchOn || (wasOn && score[u] >= s.switchOff);
    if (!on) continue;
    flagged[u] = 1;
    const flag = { unit: u, score: score[u], criteria, heldByHysteresis: score[u] < s.switchOn, newArea: !hasHours };
    flags.push({ ...flag, reasons: reasonsFor(model, ctx, u, flag, s) });
  }
  return { score, flagged, flags };
}
