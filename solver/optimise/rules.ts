// The rules a plan must keep, the one place their defaults come from
// (rulesFromSettings), and the per-zone hour bands they imply.
import type { CountyModel, HoursPerWeek, Minutes, Plan, UnitIndex, ZoneIndex } from '../model';
import { DEFAULT_SCORE_SETTINGS, type ScoreSettings } from '../score/settings';

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

/**
 * The optimiser's rules from the user's settings. The one source of rule defaults:
 * the Optimise panel starts from it, the CLI fills what a rules file leaves out
 * from it, and scoring warns against it (docs/SCORING.md, "Rules"). `model` and
 * `current` are there for defaults that depend on the county's data.
 */
export function rulesFromSettings(settings: ScoreSettings, _model: CountyModel, _current?: Plan): OptimiseRules {
  const r = settings.rules;
  return {
    assignAll: true,
    balance: { tolerance: r.hoursTolerancePct / 100 },
    size: null,
    capacity: r.checkCapacity,
    ruralShare: { min: r.ruralShareMin, max: r.ruralShareMax },
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
}

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
