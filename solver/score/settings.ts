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

/**
 * How a unit's hourly rate is decided:
 * - `class`: by its rural-urban class (Lincolnshire: urban, rural, extra-rural);
 * - `bands`: by road distance from the nearest town or large-village centre (Norfolk);
 * - `flat`: one rate everywhere, plus the uplift where the unit is flagged extra-rural.
 */
export type RateScheme = 'class' | 'bands' | 'flat';

export interface RateBand {
  /** Road miles from the nearest centre at which the band starts (inclusive); the first band starts at 0. */
  fromMiles: number;
  rate: PoundsPerHour;
}

/** A point distance bands are measured from (a town centre, a GP surgery). */
export interface RateCentre {
  name: string;
  lon: number;
  lat: number;
}

export interface RateSettings {
  scheme: RateScheme;
  urban: PoundsPerHour;
  rural: PoundsPerHour;
  /**
   * Uplift for units flagged extra-rural, % (Lincolnshire: 5, on the rural rate). Under
   * bands and flat it is applied to the unit's own rate.
   */
  extraRuralUpliftPct: Percent;
  /** An explicit extra-rural rate (class scheme); when set it wins over the uplift. */
  extraRuralRate: PoundsPerHour | null;
  /** The one rate of the flat scheme. */
  flat: PoundsPerHour;
  /** Distance bands, by `fromMiles` ascending (bands scheme). */
  bands: RateBand[];
  /** Where band distances are measured from: the project's towns, or `centres`. */
  centreSource: 'towns' | 'points';
  /** Imported centre points, used when `centreSource` is 'points'. */
  centres: RateCentre[];
}

/**
 * How a zone is served: one lead provider (Lincolnshire), a framework of at least
 * N providers (Leicestershire: 2), or a principal provider delivering a share with
 * framework providers for the rest (Norfolk: 70%).
 */
export type ProviderModelKind = 'lead' | 'framework' | 'principal';

export interface ProviderModelSettings {
  kind: ProviderModelKind;
  /** Framework: providers each zone needs at least. */
  frameworkProviders: number;
  /** Principal: share of a zone's hours the principal provider delivers. */
  principalShare: Share;
  /** Principal: framework providers beside the principal. */
  principalFrameworkProviders: number;
  /** A provider is healthy between these weekly hours (report 000: local providers 250-1,000 h/week). */
  healthyMinHours: number;
  healthyMaxHours: number;
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
  providerModel: ProviderModelSettings;
  difficulty: { weights: DifficultyWeights };
  /** Exports withhold every figure about a unit with fewer service users than this (zone figures stay). */
  privacyMinimumUsers: number;
}

export const DEFAULT_SCORE_SETTINGS: ScoreSettings = {
  rates: {
    scheme: 'class',
    urban: 15.63,
    rural: 15.96,
    extraRuralUpliftPct: 5,
    extraRuralRate: null,
    // Norfolk's 2018/19 spot price and distance bands: the starting values when a user
    // switches scheme (the Norfolk example opens on its bands).
    flat: 17.28,
    bands: [
      { fromMiles: 0, rate: 17.4 },
      { fromMiles: 3, rate: 19.68 },
      { fromMiles: 6, rate: 21.72 },
    ],
    centreSource: 'towns',
    centres: [],
  },
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
  // Lincolnshire's lead providers; the Norfolk example opens on its principal model.
  providerModel: {
    kind: 'lead',
    frameworkProviders: 2,
    principalShare: 0.7,
    principalFrameworkProviders: 1,
    healthyMinHours: 250,
    healthyMaxHours: 1000,
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
  return uplifted(rates.rural, rates.extraRuralUpliftPct);
}

/** A rate plus an uplift, rounded to the penny as councils publish rates. */
export function uplifted(rate: PoundsPerHour, pct: Percent): PoundsPerHour {
  return Math.round(rate * (100 + pct)) / 100;
}
