// Everything the scoring module can be told, as plain values the UI can edit and
// save. Defaults are Lincolnshire's 2019/20 figures (council report 003) where the
// council gave one, otherwise our own choice (see docs/SCORING.md).
import type { HoursPerWeek, Minutes } from '../model';
import { DEFAULT_TRAVEL, type TravelSettings } from '../travel';

export type PoundsPerHour = number;
export type Pounds = number;
/** A share of hours, 0..1. */
export type Share = number;
export type Percent = number;

export interface RateSettings {
  urban: PoundsPerHour;
  rural: PoundsPerHour;
  /** Extra-rural rate as an uplift on the rural rate (Lincolnshire: 5%). */
  extraRuralUpliftPct: Percent;
  /** An explicit extra-rural rate; when set it wins over the uplift. */
  extraRuralRate: PoundsPerHour | null;
}

/**
 * The rules every plan is held to (warnings, the optimiser, the CLI). A null is
 * "from the data": rulesFromSettings (solver/optimise/rules.ts) derives it from
 * the county and the provider model, as docs/SCORING.md ("Rules") says.
 */
export interface RuleSettings {
  /** A zone's weekly hours may differ from the mean zone by at most this, %; null: none where every zone's base capacity is known, else ±25%. */
  hoursTolerancePct: Percent | null;
  /** Fewest weekly hours of a zone; null: the provider model's viable minimum. */
  zoneHoursMin: HoursPerWeek | null;
  /** Longest drive from a zone's base to a unit with care, minutes; null: the shortest workable reach, at least 30. */
  reachMinutes: Minutes | null;
  /** Rural share band of each zone; null: no limit on that side. */
  ruralShareMin: Share | null;
  ruralShareMax: Share | null;
  /** Zone hours at most its bases' total capacity. */
  checkCapacity: boolean;
}

/** How strongly each criterion counts towards the extra-rural score (any scale; normalised). */
export interface ExtraRuralWeights {
  rurality: number;
  distance: number;
  density: number;
  waiting: number;
}

export interface ExtraRuralSettings {
  weights: ExtraRuralWeights;
  /** Score at or above which a unit is switched on. */
  switchOn: number;
  /** A unit already on stays on until its score falls below this (hysteresis). */
  switchOff: number;
  /** Rurality criterion: score of a rural town / village unit, plus a bonus when sparse (capped at 1). */
  ruralTownScore: number;
  ruralVillageScore: number;
  sparseBonus: number;
  /** Distance criterion: 0 at or below `distanceKmLow`, 1 at or above `distanceKmHigh` (road km to the nearest base). */
  distanceKmLow: number;
  distanceKmHigh: number;
  /** Density criterion (h/week per km2): 1 at or below `densityLow`, 0 at or above `densityHigh`, log-linear between. */
  densityLow: number;
  densityHigh: number;
  /** Waiting criterion reaches 1 at this many people waiting, or this many waiting hours a week. */
  waitingUsersFull: number;
  waitingHoursFull: number;
}

export interface ScoreSettings {
  rates: RateSettings;
  weeksPerYear: number;
  travel: TravelSettings;
  rules: RuleSettings;
  extraRural: ExtraRuralSettings;
  /** Exports withhold every figure about a unit with fewer service users than this (zone figures stay). */
  privacyMinimumUsers: number;
}

export const DEFAULT_SCORE_SETTINGS: ScoreSettings = {
  rates: { urban: 15.63, rural: 15.96, extraRuralUpliftPct: 5, extraRuralRate: null },
  weeksPerYear: 52.14,
  travel: DEFAULT_TRAVEL,
  rules: { hoursTolerancePct: null, zoneHoursMin: null, reachMinutes: null, ruralShareMin: null, ruralShareMax: null, checkCapacity: true },
  extraRural: {
    // The three Lincolnshire criteria count about equally: rurality and remoteness
    // 0.55, low value 0.2, high wait 0.25. On the embedded county this flags about
    // 1,330 h/week, close to the 1,336 h/week the council priced (docs/SCORING.md).
    weights: { rurality: 0.3, distance: 0.25, density: 0.2, waiting: 0.25 },
    switchOn: 0.6,
    switchOff: 0.5,
    ruralTownScore: 0.4,
    ruralVillageScore: 0.8,
    sparseBonus: 0.2,
    distanceKmLow: 5,
    distanceKmHigh: 25,
    densityLow: 0.5,
    densityHigh: 5,
    waitingUsersFull: 5,
    waitingHoursFull: 40,
  },
  // The small-numbers rule councils and the NHS publish under: no figure about fewer than 5 people.
  privacyMinimumUsers: 5,
};

/**
 * The extra-rural hourly rate. Derived rates are rounded to the penny, as councils
 * publish them: 15.96 + 5% = 16.758, published as £16.76 (report 003).
 */
export function extraRuralRate(rates: RateSettings): PoundsPerHour {
  if (rates.extraRuralRate !== null) return rates.extraRuralRate;
  return Math.round(rates.rural * (100 + rates.extraRuralUpliftPct)) / 100;
}
