// Everything the scoring module can be told, as plain values the UI can edit and
// save. Defaults are Lincolnshire's 2019/20 figures (council report 003) where the
// council gave one, otherwise our own choice (see docs/SCORING.md).
import type { HoursPerWeek, Minutes } from '../model';
import { DEFAULT_TRAVEL, type TravelSettings } from '../travel';
import type { CallBand } from '../visitPattern';

/** Default difficulty weights (docs/SCORING.md, "Difficulty"). */
const DIFFICULTY_WEIGHTS_DEFAULT = { travel: 0.3, waiting: 0.25, capacity: 0.2, rurality: 0.15, providers: 0.1 };

/** Default real-rota factor (see DEFAULT_SCORE_SETTINGS.visitTravel). */
const ROTA_FACTOR_DEFAULT = 3.4;

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
  /** Travel between visits per contact hour of the place. */
  travel: number;
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
  /**
   * Travel, distance and low-density criteria are relative to the county's own units
   * with hours: 0 at or below this percentile of the county, 1 at or above `percentileHigh`.
   */
  percentileLow: Percent;
  percentileHigh: Percent;
  /** Waiting criterion reaches 1 at this many people waiting, or this many waiting hours a week. */
  waitingUsersFull: number;
  waitingHoursFull: number;
}

/** Travel between visits: how visits fall in the day, how rotas compare with the shortest tour, and what travel costs. */
export interface VisitTravelSettings {
  /** Share of visits in each call band, for visits whose band the users file does not give (normalised). */
  bandShares: Record<CallBand, Share>;
  /** Real rotas' travel between visits / the shortest tour through the same visits. */
  rotaFactor: number;
  /** What a carer is paid for an hour of travel, £. */
  carerPayPerHour: PoundsPerHour;
  /** Mileage paid per mile driven, £. */
  mileagePerMile: Pounds;
}

/** How much each figure counts towards a zone's difficulty (any scale; normalised). */
export interface DifficultyWeights {
  travel: number;
  rurality: number;
  waiting: number;
  capacity: number;
  providers: number;
}

export interface ScoreSettings {
  rates: RateSettings;
  weeksPerYear: number;
  travel: TravelSettings;
  visitTravel: VisitTravelSettings;
  rules: RuleSettings;
  extraRural: ExtraRuralSettings;
  difficulty: { weights: DifficultyWeights };
  /** Exports withhold every figure about a unit with fewer service users than this (zone figures stay). */
  privacyMinimumUsers: number;
}

export const DEFAULT_SCORE_SETTINGS: ScoreSettings = {
  rates: { urban: 15.63, rural: 15.96, extraRuralUpliftPct: 5, extraRuralRate: null },
  weeksPerYear: 52.14,
  travel: DEFAULT_TRAVEL,
  visitTravel: {
    // Every package has a morning call; lunch, tea and bed calls share the rest.
    bandShares: { morning: 0.35, lunch: 0.25, tea: 0.2, bed: 0.2 },
    // Calibrated so both example counties average about 3 miles a visit, the
    // industry's measured mean (3.06 miles, Access Group "Hidden Dynamics of Homecare" 2018).
    rotaFactor: ROTA_FACTOR_DEFAULT,
    // National Living Wage from April 2025; HMRC approved mileage rate (first 10,000 miles).
    carerPayPerHour: 12.21,
    mileagePerMile: 0.45,
  },
  rules: { hoursTolerancePct: null, zoneHoursMin: null, reachMinutes: null, ruralShareMin: null, ruralShareMax: null, checkCapacity: true },
  extraRural: {
    // Lincolnshire's criteria are rurality, low value and high wait; travel between visits
    // is what makes a remote, low-volume place costly. Relative to the county's own units,
    // so a county with no sparse LSOAs still flags its remote areas. On the embedded
    // county this flags about 1,250 h/week, near the 1,336 h/week the council priced.
    weights: { rurality: 0.25, travel: 0.3, distance: 0.1, density: 0.1, waiting: 0.25 },
    switchOn: 0.66,
    switchOff: 0.56,
    ruralTownScore: 0.4,
    ruralVillageScore: 0.8,
    sparseBonus: 0.2,
    percentileLow: 50,
    percentileHigh: 95,
    waitingUsersFull: 5,
    waitingHoursFull: 40,
  },
  difficulty: { weights: DIFFICULTY_WEIGHTS_DEFAULT },
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
