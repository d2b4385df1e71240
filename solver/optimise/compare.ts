// A proposed plan against the current one, in the figures a commissioner signs
// on: travel from the bases, cost, who changes provider, and each zone's hours,
// farthest unit, mean travel and pieces; and, when travel rises, the rules the
// current plan breaks that forced it ("Zone 10 Sleaford must shed 521 h/week to
// fit its base capacity"). The optimiser only ever cuts travel within the rules,
// so a rise comes from a rule the current plan does not keep.
import { asZone, UNASSIGNED, type CountyModel, type HoursPerWeek, type Minutes, type Plan, type ZoneIndex } from '../model';
import { scorePlan } from '../score/scorePlan';
import type { Pounds, ScoreSettings } from '../score/settings';
import { hasCare, unitZoneMinutes } from './reach/minutes';
import { zoneLabel } from '../zoneLabel';
import { zoneName } from './reach/checks';
import { zoneBands, type OptimiseRules } from './rules';
import { unitZoneMetres } from './travelCost';
import type { TravelMatrix } from '../travel';
import { zonePieces } from './verify';

export interface Change<T> {
  before: T;
  after: T;
}

export interface ZoneChange {
  zone: ZoneIndex;
  /** "10 Sleaford" (solver/zoneLabel.ts). */
  label: string;
  hours: Change<HoursPerWeek>;
  users: Change<number>;
  /** Drive to the farthest unit with care, minutes (the reach measure). */
  farthestMinutes: Change<Minutes | null>;
  /** Road km to the farthest unit with care. */
  farthestKm: Change<number | null>;
  /** Hours-weighted mean road km from the zone's base. */
  meanKm: Change<number | null>;
  pieces: Change<number>;
}

export interface PlanComparison {
  /** Hours-weighted road km from each unit's zone base, a week (hour·km). */
  travelHourKm: Change<number>;
  /** 100 x (after - before) / before; null when before is 0. */
  travelChangePct: number | null;
  /** Hours-weighted mean road km per care hour. */
  meanKm: Change<number>;
  /** Annual cost of care at the unit rates (the rate belongs to the place, so it moves only if units leave or join the plan). */
  annualCost: Change<Pounds>;
  /** Carers' paid travel between visits (time and mileage), a year; null with no visits. Not what the optimiser minimises, so it can rise when travel from the bases falls. */
  visitTravelCost: Change<Pounds> | null;
  /** Units, users and weekly hours whose zone (so provider) changes. */
  disruption: { units: number; users: number; hours: HoursPerWeek };
  /** Farthest drive from a base to a unit with care, over all zones. */
  worstReachMinutes: Change<Minutes | null>;
  zones: ZoneChange[];
  /** Rules the current plan breaks, each a reason the proposal may travel more; biggest first. */
  forcedBy: string[];
  /** One paragraph: the totals, and why travel rose when it did. */
  summary: string;
}

export interface CompareInput {
  model: CountyModel;
  current: Plan;
  proposed: Plan;
  /** The rules the proposal keeps (complete). */
  rules: OptimiseRules;
  /** The user's settings: travel, rates. */
  settings: ScoreSettings;
  travelMatrix?: TravelMatrix;
}

const fmt = (x: number) => Math.round(x).toLocaleString('en-GB');
const h = (x: number) => `${fmt(x)} h/week`;
const pct1 = (x: number) => `${Math.abs(x) < 0.05 ? '0' : Math.abs(x).toFixed(1)}%`;

interface Reach {
  farthestMinutes: Array<number | null>;
  farthestKm: Array<number | null>;
  /** Units with care beyond `limit` minutes, and their hours, per zone. */
  beyond: Array<{ units: number; hours: number }>;
}

function reachOf(model: CountyModel, plan: Plan, metres: Float64Array, minutes: Float64Array, limit: number | null, exempt: Uint8Array): Reach {
  const Z = model.zones.length;
  const out: Reach = {
    farthestMinutes: new Array<number | null>(Z).fill(null),
    farthestKm: new Array<number | null>(Z).fill(null),
    beyond: Array.from({ length: Z }, () => ({ units: 0, hours: 0 })),
  };
  for (let u = 0; u < model.units.count; u++) {
    const z = plan.zoneOf[u];
    if (z < 0 || z >= Z || !hasCare(model, u)) continue;
    const m = minutes[u * Z + z];
    const km = metres[u * Z + z] / 1000;
    if (!Number.isFinite(m)) continue;
    out.farthestMinutes[z] = Math.max(out.farthestMinutes[z] ?? 0, m);
    out.farthestKm[z] = Math.max(out.farthestKm[z] ?? 0, km);
    if (limit !== null && m > limit + 1e-9 && !exempt[u]) {
      out.beyond[z].units++;
      out.beyond[z].hours += model.demand.hours[u];
    }
  }
  return out;
}

export function compareWithCurrent(input: CompareInput): PlanComparison {
  const { model, current, proposed, rules, settings } = input;
  const travel = settings.travel;
  const metres = unitZoneMetres(model, current, travel, input.travelMatrix);
  const minutes = unitZoneMinutes(model, metres, travel);
  const before = scorePlan(model, current, settings);
  const after = scorePlan(model, proposed, settings, { baseline: current });
  const exempt = lockedUnits(model, current, rules);
  const limit = rules.reach?.minutes ?? null;
  const rb = reachOf(model, current, metres, minutes, limit, exempt);
  const ra = reachOf(model, proposed, metres, minutes, limit, exempt);
  const piecesBefore = zonePieces(model, current);
  const piecesAfter = zonePieces(model, proposed);

  const zones: ZoneChange[] = model.zones.map((_, z) => ({
    zone: asZone(z),
    label: zoneLabel(model.zones[z]),
    hours: { before: before.zones[z].hours, after: after.zones[z].hours },
    users: { before: before.zones[z].users, after: after.zones[z].users },
    farthestMinutes: { before: rb.farthestMinutes[z], after: ra.farthestMinutes[z] },
    farthestKm: { before: rb.farthestKm[z], after: ra.farthestKm[z] },
    meanKm: {
      before: before.zones[z].travelFromBase ? before.zones[z].travelFromBase!.metres / 1000 : null,
      after: after.zones[z].travelFromBase ? after.zones[z].travelFromBase!.metres / 1000 : null,
    },
    pieces: { before: piecesBefore[z], after: piecesAfter[z] },
  }));

  const travelHourKm = { before: before.travel.hourMetres / 1000, after: after.travel.hourMetres / 1000 };
  const travelChangePct = travelHourKm.before > 0 ? (100 * (travelHourKm.after - travelHourKm.before)) / travelHourKm.before : null;
  const worst = (r: Reach) => r.farthestMinutes.reduce<number | null>((a, m) => (m === null ? a : Math.max(a ?? 0, m)), null);
  const d = after.disruption ?? { units: 0, users: 0, hours: 0 };
  const forcedBy = rulesBroken(input, before, rb, piecesBefore);
  const comparison: Omit<PlanComparison, 'summary'> = {
    travelHourKm,
    travelChangePct,
    meanKm: { before: (before.travel.meanMetres ?? 0) / 1000, after: (after.travel.meanMetres ?? 0) / 1000 },
    annualCost: { before: before.annualCost, after: after.annualCost },
    visitTravelCost: before.visitTravel && after.visitTravel ? { before: before.visitTravel.annualCost, after: after.visitTravel.annualCost } : null,
    disruption: { units: d.units, users: d.users, hours: d.hours },
    worstReachMinutes: { before: worst(rb), after: worst(ra) },
    zones,
    forcedBy,
  };
  return { ...comparison, summary: summaryOf(comparison) };
}

function lockedUnits(model: CountyModel, current: Plan, rules: OptimiseRules): Uint8Array {
  const out = new Uint8Array(model.units.count);
  for (const u of rules.lockedUnits) out[u] = 1;
  const lockedZone = new Set(rules.lockedZones);
  for (let u = 0; u < model.units.count; u++) if (lockedZone.has(asZone(current.zoneOf[u]))) out[u] = 1;
  return out;
}

/** What the current plan must change to keep the rules, biggest in hours first. */
function rulesBroken(input: CompareInput, before: ReturnType<typeof scorePlan>, reach: Reach, pieces: number[]): string[] {
  const { model, current, rules } = input;
  const bands = zoneBands(model, current, rules);
  const found: Array<{ hours: number; text: string }> = [];
  for (let z = 0; z < model.zones.length; z++) {
    if (!bands.constrained[z]) continue;
    const name = zoneName(model, z);
    const hours = before.zones[z].hours;
    const ceiling = Math.min(bands.upper[z], bands.capacity[z]);
    if (hours > ceiling + 1e-6) {
      const why = bands.capacity[z] <= bands.upper[z] ? `its base capacity of ${h(bands.capacity[z])}` : `the ceiling of ${h(bands.upper[z])}`;
      found.push({ hours: hours - ceiling, text: `${name} must shed ${h(hours - ceiling)} to fit ${why}` });
    }
    if (hours < bands.lower[z] - 1e-6) {
      found.push({ hours: bands.lower[z] - hours, text: `${name} must gain ${h(bands.lower[z] - hours)} to reach its floor of ${h(bands.lower[z])}` });
    }
    const share = before.zones[z].ruralShare;
    if (share !== null && share < bands.ruralMin - 1e-9) {
      found.push({ hours: (bands.ruralMin - share) * hours, text: `${name} must take more rural care: ${pct1(100 * share)} rural, the floor is ${pct1(100 * bands.ruralMin)}` });
    }
    if (share !== null && share > bands.ruralMax + 1e-9) {
      found.push({ hours: (share - bands.ruralMax) * hours, text: `${name} must take more urban care: ${pct1(100 * share)} rural, the ceiling is ${pct1(100 * bands.ruralMax)}` });
    }
    const far = reach.beyond[z];
    if (far.units > 0 && rules.reach) {
      found.push({
        hours: far.hours,
        text: `${name} must hand over ${far.units === 1 ? '1 unit' : `${far.units} units`} (${h(far.hours)}) beyond ${rules.reach.minutes} minutes of its base (farthest ${Math.ceil(reach.farthestMinutes[z] ?? 0)} min)`,
      });
    }
    if (rules.contiguous && pieces[z] > 1) {
      found.push({ hours: 0, text: `${name} is in ${pieces[z]} pieces and must be in one` });
    }
  }
  if (rules.wholeTowns !== false) {
    for (const t of before.townsSplit) {
      if (rules.wholeTowns === true || rules.wholeTowns.includes(t.town)) found.push({ hours: 0, text: `${t.name} is split between ${t.zones.length} zones and must be whole` });
    }
  }
  const unassigned = current.zoneOf.some((z, u) => z === UNASSIGNED && model.demand.hours[u] > 0);
  if (rules.assignAll && unassigned) found.push({ hours: before.unassigned.hours, text: `${h(before.unassigned.hours)} of care in no zone must be given one` });
  return found.sort((a, b) => b.hours - a.hours).map((f) => f.text);
}

/** "falls 3.2%", "rises 0.7%" or "is unchanged" (under 0.05%). */
const trend = (pct: number | null) => (pct === null || Math.abs(pct) < 0.05 ? 'is unchanged' : `${pct < 0 ? 'falls' : 'rises'} ${pct1(pct)}`);

function summaryOf(c: Omit<PlanComparison, 'summary'>): string {
  const parts: string[] = [];
  const t = c.travelChangePct;
  const travel = `${fmt(c.travelHourKm.before)} → ${fmt(c.travelHourKm.after)} hour·km a week; ${c.meanKm.before.toFixed(1)} → ${c.meanKm.after.toFixed(1)} km per care hour`;
  parts.push(`Travel from the bases ${trend(t)} (${travel}).`);
  if (t !== null && t >= 0.05) {
    parts.push(
      c.forcedBy.length > 0
        ? `It rises because the current plan breaks the rules: ${c.forcedBy.slice(0, 3).join('; ')}${c.forcedBy.length > 3 ? `; and ${c.forcedBy.length - 3} more` : ''}.`
        : 'The current plan keeps every rule, so this plan is not the best: keep the current plan.',
    );
  }
  const v = c.visitTravelCost;
  if (v && v.before > 0) {
    parts.push(`Travel between visits, which it does not minimise, ${trend((100 * (v.after - v.before)) / v.before)} (£${fmt(v.before)} → £${fmt(v.after)} a year).`);
  }
  const wr = c.worstReachMinutes;
  if (wr.before !== null && wr.after !== null) parts.push(`Farthest unit from its base: ${Math.ceil(wr.before)} → ${Math.ceil(wr.after)} minutes.`);
  const users = Math.round(c.disruption.users);
  parts.push(`${fmt(users)} ${users === 1 ? 'user' : 'users'} (${h(c.disruption.hours)}) ${users === 1 ? 'changes' : 'change'} provider.`);
  return parts.join(' ');
}
