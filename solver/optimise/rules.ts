// The rules a plan must keep, the one place their defaults come from
// (rulesFromSettings), and the per-zone hour bands they imply.
import type { CountyModel, HoursPerWeek, Minutes, Plan, UnitIndex, ZoneIndex } from '../model';
import { minViableZoneHours, providerNeed } from '../score/providers';
import { DEFAULT_SCORE_SETTINGS, type ScoreSettings } from '../score/settings';
import { defaultReach } from './reach/default';

export interface BalanceRule {
  /** Allowed deviation from the target, 0.2 = within ±20%. */
  tolerance: number;
  /** Target weekly hours per zone; the mean over all zones when absent. */
  targets?: HoursPerWeek[];
}

export interface ZoneSizeRule {
  /**
   * Fewest weekly hours of any zone: a lot too small for its providers to be
   * viable (the provider model's minimum). A zone whose bases' capacity is below
   * it (with the capacity rule on) is held to its capacity instead.
   */
  min: HoursPerWeek;
  /** Most weekly hours of any zone; absent = no limit beyond capacity. */
  max?: HoursPerWeek;
}

export interface RuralShareRule {
  /** Smallest rural share of each zone's hours, 0..1 (rural = not Urban). */
  min?: number;
  /** Largest rural share of each zone's hours, 0..1. */
  max?: number;
}

export interface DisruptionRule {
  /** At most this many users (or weekly hours) may change zone against the current plan. */
  max: number;
  measure: 'users' | 'hours';
}

export interface ReachRule {
  /**
   * No unit with care (hours, or people waiting) is more than this many minutes'
   * drive from its zone's base (solver/travel.ts with the user's settings). With
   * `contiguous`, the zone must also reach the unit through neighbours within reach.
   * Locked units are exempt.
   */
  minutes: Minutes;
}

export interface PenaltyWeights {
  /**
   * Each unit also costs as if it held `compactness` x the mean unit's hours:
   * keeps empty and thinly populated units with their nearest base so zones
   * stay compact. 0 turns it off.
   */
  compactness: number;
  /** Each weekly hour that changes zone costs as much as this many km of weekly travel. */
  disruptionKmPerHour: number;
}

export interface OptimiseRules {
  /** Every unit in exactly one zone; when false, units with no zone in the current plan stay out. */
  assignAll: boolean;
  /** Zone hours within ±tolerance of a target; null = no balance rule. Locked zones are exempt. */
  balance: BalanceRule | null;
  /** Zone hours within an absolute range, whatever the mean; null = none. Locked zones are exempt. */
  size: ZoneSizeRule | null;
  /** Zone hours at most the sum of its bases' capacityHours. Locked zones are exempt. */
  capacity: boolean;
  /** Rural share band per zone; null = none. Locked zones are exempt. */
  ruralShare: RuralShareRule | null;
  /** Units that keep their current zone. */
  lockedUnits: UnitIndex[];
  /** Zones whose units never move and which gain no units. */
  lockedZones: ZoneIndex[];
  disruption: DisruptionRule | null;
  /** Keep the units of a town (`units.town`) in one zone: all towns, some town indices, or none. */
  wholeTowns: boolean | number[];
  /** Every zone in one piece over `units.adjacency`. */
  contiguous: boolean;
  /** Each base's unit (baseUnits.ts) stays in the base's zone, so a contiguous zone grows from its base. */
  baseUnitsStay: boolean;
  /** Longest drive from a zone's base to its units; null = no limit. */
  reach: ReachRule | null;
  weights: PenaltyWeights;
  /** Nearest zones offered to each unit in the LP (more are priced in when they pay). */
  candidateZones: number;
}

/** The ± band used when some zone's base capacity is unknown, so zones cannot grow without limit. */
export const FALLBACK_TOLERANCE_PCT = 25;
/** Where the rural-share rule starts when a user switches it on. */
export const SUGGESTED_RURAL_SHARE: RuralShareRule = { min: 0.1, max: 0.8 };

/**
 * The optimiser's rules from the user's settings. The one source of rule defaults:
 * the Optimise panel starts from it, the CLI fills what a rules file leaves out
 * from it, and scoring warns against it (docs/SCORING.md, "Rules"). A setting
 * left null is derived from the county's data:
 * - size: every zone at least one healthy provider's hours (providerModel.healthyMinHours,
 *   250 h/week), but at most half the mean zone, so a county of small zones is not held
 *   to a floor none could meet. What the whole provider model needs (minViableZoneHours:
 *   Norfolk's 70% principal + 1 framework provider 833 h/week) is warned of by scoring,
 *   not forced: as a floor it leaves Norfolk with no whole-unit plan within reach 45;
 * - balance: no band around the mean where every zone has a base with a known
 *   capacity (capacity and size bound each zone); else ±25%;
 * - reach: the shortest workable reach from the data, at least 30 minutes (reachDefault.ts);
 * - rural share: none.
 * `current` is unused by the defaults: they depend on the county, not on a plan.
 */
export function rulesFromSettings(settings: ScoreSettings, model: CountyModel, current?: Plan): OptimiseRules {
  const r = settings.rules;
  const zones = model.zones.length;
  const total = model.demand.hours.reduce((a, b) => a + b, 0);
  const viable = settings.providerModel.healthyMinHours;
  const sizeMin = r.zoneHoursMin ?? (zones > 0 ? Math.min(viable, total / zones / 2) : 0);
  const tolerancePct = r.hoursTolerancePct ?? (r.checkCapacity && everyZoneHasCapacity(model) ? null : FALLBACK_TOLERANCE_PCT);
  const rules: OptimiseRules = {
    assignAll: true,
    balance: tolerancePct === null ? null : { tolerance: tolerancePct / 100 },
    size: sizeMin > 0 ? { min: sizeMin } : null,
    capacity: r.checkCapacity,
    ruralShare: r.ruralShareMin === null && r.ruralShareMax === null ? null : { min: r.ruralShareMin ?? 0, max: r.ruralShareMax ?? 1 },
    lockedUnits: [],
    lockedZones: [],
    disruption: null,
    // Off: a city bigger than one zone's band (Lincoln) cannot be kept whole.
    wholeTowns: false,
    contiguous: true,
    baseUnitsStay: true,
    reach: null,
    weights: { compactness: 0, disruptionKmPerHour: 0 },
    candidateZones: 5,
  };
  const minutes = r.reachMinutes ?? derivedReach(settings, model, rules, current)?.minutes ?? null;
  return { ...rules, reach: minutes === null ? null : { minutes } };
}

function derivedReach(settings: ScoreSettings, model: CountyModel, rules: OptimiseRules, current?: Plan) {
  return defaultReach(model, { travel: settings.travel, bands: zoneBands(model, current ?? noPlan(model), rules), contiguous: rules.contiguous, baseUnitsStay: rules.baseUnitsStay });
}

function everyZoneHasCapacity(model: CountyModel): boolean {
  const cap = new Float64Array(model.zones.length);
  for (const b of model.bases) if (b.zone >= 0 && b.zone < cap.length) cap[b.zone] += b.capacityHours;
  return cap.every((c) => c > 0);
}

const noPlan = (model: CountyModel): Plan => ({ zoneOf: new Int32Array(model.units.count).fill(-1) });

/** Where the disruption rule (off by default) starts when a user switches it on. */
export const SUGGESTED_DISRUPTION: DisruptionRule = { max: 300, measure: 'users' };

/** Rules as given, the rest from `defaults`. */
export function completeRules(rules: Partial<OptimiseRules>, defaults: OptimiseRules): OptimiseRules {
  return { ...defaults, ...rules, weights: { ...defaults.weights, ...rules.weights } };
}

/** Rules as given, the rest from the default settings (callers that have no user settings). */
export function resolveRules(rules: Partial<OptimiseRules>, model: CountyModel, current?: Plan): OptimiseRules {
  return completeRules(rules, rulesFromSettings(DEFAULT_SCORE_SETTINGS, model, current));
}

/** Weekly-hour band per zone implied by the rules; Infinity / 0 where a rule is off or the zone exempt. */
export interface ZoneBands {
  /** 1 for zones the rules constrain (not locked). */
  constrained: Uint8Array;
  target: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  capacity: Float64Array;
  ruralMin: number;
  ruralMax: number;
}

export function zoneBands(model: CountyModel, current: Plan, rules: OptimiseRules): ZoneBands {
  const z = model.zones.length;
  const constrained = new Uint8Array(z).fill(1);
  for (const k of rules.lockedZones) constrained[k] = 0;
  let total = 0;
  for (let u = 0; u < model.units.count; u++) {
    if (rules.assignAll || current.zoneOf[u] >= 0) total += model.demand.hours[u];
  }
  const target = new Float64Array(z);
  const lower = new Float64Array(z);
  const upper = new Float64Array(z).fill(Infinity);
  const capacity = new Float64Array(z).fill(Infinity);
  for (let k = 0; k < z; k++) {
    target[k] = rules.balance?.targets?.[k] ?? total / z;
    if (rules.balance && constrained[k]) {
      lower[k] = target[k] * (1 - rules.balance.tolerance);
      upper[k] = target[k] * (1 + rules.balance.tolerance);
    }
  }
  if (rules.capacity) {
    const hasBase = new Uint8Array(z);
    const cap = new Float64Array(z);
    for (const b of model.bases) {
      if (b.zone < 0 || b.zone >= z) continue;
      hasBase[b.zone] = 1;
      cap[b.zone] += b.capacityHours;
    }
    for (let k = 0; k < z; k++) if (hasBase[k] && constrained[k]) capacity[k] = cap[k];
  }
  if (rules.size) {
    for (let k = 0; k < z; k++) {
      if (!constrained[k]) continue;
      lower[k] = Math.max(lower[k], Math.min(rules.size.min, capacity[k]));
      if (rules.size.max !== undefined) upper[k] = Math.min(upper[k], rules.size.max);
    }
  }
  return {
    constrained,
    target,
    lower,
    upper,
    capacity,
    ruralMin: rules.ruralShare?.min ?? 0,
    ruralMax: rules.ruralShare?.max ?? 1,
  };
}

/** Which towns must stay whole. */
export function townIsWhole(rules: OptimiseRules, town: number): boolean {
  if (town < 0) return false;
  return rules.wholeTowns === true || (Array.isArray(rules.wholeTowns) && rules.wholeTowns.includes(town));
}

const h = (x: number) => Math.round(x).toLocaleString('en-GB');
const pctOf = (x: number) => `${Math.round(100 * x)}%`;

/** The rules in a few words, for a scenario's name: "±25%, ≥250 h/week, reach 45 min, capacity". */
export function rulesLabel(rules: OptimiseRules): string {
  const parts: string[] = [];
  if (rules.balance) parts.push(`±${pctOf(rules.balance.tolerance)}`);
  if (rules.size) parts.push(rules.size.max !== undefined ? `${h(rules.size.min)}-${h(rules.size.max)} h/week` : `≥${h(rules.size.min)} h/week`);
  if (rules.reach) parts.push(`reach ${h(rules.reach.minutes)} min`);
  if (rules.capacity) parts.push('capacity');
  if (rules.ruralShare) parts.push(`rural ${pctOf(rules.ruralShare.min ?? 0)}-${pctOf(rules.ruralShare.max ?? 1)}`);
  if (rules.disruption) parts.push(`≤${h(rules.disruption.max)} ${rules.disruption.measure} moved`);
  if (rules.wholeTowns === true) parts.push('whole towns');
  else if (Array.isArray(rules.wholeTowns) && rules.wholeTowns.length) parts.push(`${rules.wholeTowns.length} towns whole`);
  if (!rules.contiguous) parts.push('zones may be split');
  if (rules.lockedZones.length) parts.push(`${rules.lockedZones.length} zone${rules.lockedZones.length === 1 ? '' : 's'} locked`);
  return parts.length ? parts.join(', ') : 'no rules';
}

/**
 * Why each rule default derived from the data is what it is, in words (for the panel and the CLI).
 * Rules in `given` (a rules file, command-line flags) are the user's, so they get no reason.
 */
export function defaultsInWords(settings: ScoreSettings, model: CountyModel, given: Partial<OptimiseRules> = {}): string[] {
  const r = settings.rules;
  const rules = rulesFromSettings(settings, model);
  const out: string[] = [];
  if (r.zoneHoursMin === null && rules.size && !('size' in given)) {
    const pm = settings.providerModel;
    const need = minViableZoneHours(pm);
    const label = providerNeed(pm).label;
    const whole = need > rules.size.min ? ` ${label[0].toUpperCase()}${label.slice(1)} needs ${h(need)} h/week: a zone under that is warned of, not forbidden.` : '';
    out.push(
      (rules.size.min < pm.healthyMinHours
        ? `Smallest zone ${h(rules.size.min)} h/week: half the mean zone, as the county's zones are too small for every one to keep a provider at ${h(pm.healthyMinHours)} h/week.`
        : `Smallest zone ${h(rules.size.min)} h/week: enough for one provider to be healthy.`) + whole,
    );
  }
  if (r.hoursTolerancePct === null && !('balance' in given)) {
    out.push(
      rules.balance
        ? `Zone hours within ±${FALLBACK_TOLERANCE_PCT}% of the mean zone, as some zone has no base capacity to bound it.`
        : 'No band around the mean zone: every zone has a base whose capacity bounds it, so small rural zones may stay small.',
    );
  }
  if (r.reachMinutes === null && !('reach' in given)) {
    const d = derivedReach(settings, model, { ...rules, reach: null });
    out.push(
      !d
        ? 'No reach rule: the county has no provider bases.'
        : d.fits
          ? `Reach ${h(d.minutes)} minutes: the shortest (at least 30) at which every unit with care has a base within reach and the care within reach fits the zones' capacity.`
          : `Reach ${h(d.minutes)} minutes: the shortest (at least 30) at which every unit with care has a base within reach; at no reach does the care fit the zones' capacity.`,
    );
  }
  if (r.ruralShareMin === null && r.ruralShareMax === null && !('ruralShare' in given)) out.push('No rural-share band: zones may be as rural or as urban as their places are.');
  return out;
}
