// The figures scoring hands to the app, the optimiser and the CLI: plain data.
import type { HoursPerWeek, Metres, Minutes, ZoneIndex } from '../model';
import type { ExtraRuralResult } from './extraRural';
import type { ProviderFit } from './providers';
import type { UnitRates } from './rates';
import type { DifficultyWeights, Percent, Pounds, PoundsPerHour, Share } from './settings';

export type WarningCode = 'hours-off-mean' | 'zone-size' | 'over-capacity' | 'split-zone' | 'rural-share' | 'no-base' | 'provider-model';

export interface RuleWarning {
  code: WarningCode;
  zone: ZoneIndex;
  message: string;
}

export interface Travel {
  metres: Metres;
  minutes: Minutes;
}

/** Travel between consecutive visits of a call band (docs/SCORING.md, "Travel between visits"). */
export interface VisitTravel {
  visitsPerWeek: number;
  /** Contact minutes / visits; null with no hours. */
  meanVisitMinutes: Minutes | null;
  metresPerVisit: Metres;
  minutesPerVisit: Minutes;
  /** (60 / mean visit length) x mean travel minutes between visits = travel minutes / contact hours; null with no hours. */
  minutesPerContactHour: Minutes | null;
  /** Carers' pay for the travel time plus mileage, a year. */
  annualCost: Pounds;
}

export interface ZoneScore {
  zone: ZoneIndex;
  units: number;
  users: number;
  hours: HoursPerWeek;
  doubleHandedHours: HoursPerWeek;
  waitingUsers: number;
  waitingHours: HoursPerWeek;
  urbanHours: HoursPerWeek;
  ruralTownHours: HoursPerWeek;
  ruralVillageHours: HoursPerWeek;
  sparseHours: HoursPerWeek;
  /** (rural town + rural village hours) / hours; null with no hours. */
  ruralShare: Share | null;
  /** 100 x (hours - mean zone hours) / mean; null when the mean is 0. */
  balanceVsMeanPct: Percent | null;
  capacityHours: HoursPerWeek;
  /** 100 x hours / capacity; null when capacity is 0. */
  capacityUsePct: Percent | null;
  overCapacity: boolean;
  /** Hours-weighted mean from the nearest base of the zone; null with no base or no hours. */
  travelFromBase: Travel | null;
  /** Hours-weighted mean from the zone's hours-weighted centre of work; null with no hours. */
  travelFromCentre: Travel | null;
  centreOfWork: { lon: number; lat: number } | null;
  /** Travel between visits; null when the zone has no visits. */
  visitTravel: VisitTravel | null;
  pieces: number;
  areaKm2: number;
  perimeterKm: number;
  /** Polsby-Popper 4πA/P², 0..1; null for an empty zone. */
  compactness: number | null;
  annualCost: Pounds;
  extraRuralHours: HoursPerWeek;
  /** Flagged hours x (their rate - the rate they would have unflagged) x weeks a year. */
  extraRuralUpliftCost: Pounds;
  /** Hours-weighted mean hourly rate (annual cost / hours / weeks); null with no hours. */
  meanRate: PoundsPerHour | null;
  /** Weekly hours in each rate category, in `PlanScore.rates.categories` order (bands, or urban / rural / extra-rural). */
  rateMix: RateMixEntry[];
  /** Whether the zone's hours keep the provider model's providers healthy. */
  providers: ProviderFit;
  warnings: RuleWarning[];
}

export interface RateMixEntry {
  name: string;
  hours: HoursPerWeek;
}

export interface Spread {
  min: number;
  max: number;
  range: number;
  /** Population standard deviation / mean; null when the mean is 0. */
  cv: number | null;
}

export interface DemandTotals {
  units: number;
  users: number;
  hours: HoursPerWeek;
}

export interface SplitTown {
  town: number;
  name: string;
  zones: ZoneIndex[];
}

export interface PlanScore {
  zones: ZoneScore[];
  meanZoneHours: HoursPerWeek;
  /** Over all zones, empty ones included; null with no zones. */
  hoursSpread: Spread | null;
  /** Over zones with hours; null when none has hours. */
  ruralShareSpread: Spread | null;
  assigned: DemandTotals;
  unassigned: DemandTotals;
  /** Sum over units in zones with a base of hours x road metres (or minutes) from the zone's nearest base. */
  travel: { hourMetres: number; hourMinutes: number; meanMetres: Metres | null; meanMinutes: Minutes | null };
  /** Travel between visits over the assigned units; null with no visits. */
  visitTravel: VisitTravel | null;
  annualCost: Pounds;
  extraRuralHours: HoursPerWeek;
  extraRuralUpliftCost: Pounds;
  townsSplit: SplitTown[];
  /** Units, users and hours whose zone differs from the baseline plan; null without a baseline. */
  disruption: DemandTotals | null;
  extraRural: ExtraRuralResult;
  /** Every unit's rate and category under the rate scheme. */
  rates: UnitRates;
  /** How hard each zone is to serve, by zone index, with its rank among the zones. */
  difficulty: ZoneDifficulty[];
  warnings: RuleWarning[];
}

/** What a batch of moves changed, so a view re-renders only that. */
export interface ChangeSet {
  /** Zones whose own figures changed. */
  zones: ZoneIndex[];
  /** Assigned hours changed (a move to or from UNASSIGNED), so every zone's balance vs mean did too. */
  meanZoneHoursChanged: boolean;
}

// --- Difficulty (solver/score/difficulty.ts) ---

export type DifficultyFactor = keyof DifficultyWeights;

/** What a zone's provider model asks of its demand (contract: settings.providerModel). */
export interface ProviderNeed {
  /** Providers the model needs in a zone. */
  providers: number;
  /** Weekly hours a provider needs to be viable (the seeds: healthy at 250-1,000 h/week). */
  viableHoursPerProvider: number;
  /** Words for the model, e.g. "one lead provider". */
  label: string;
}


export interface DifficultyFigure {
  /** The zone's own figure: minutes per contact hour, rurality 0..1, share waiting, hours / capacity, share of the viable demand missing. */
  value: number;
  /** Place in the county's range, 0..1. */
  scaled: number;
  /** 1 = highest in the county. */
  rank: number;
}

export interface ZoneDifficulty {
  zone: ZoneIndex;
  /** 0 (easiest on every figure) to 100 (hardest on every figure). */
  difficulty: number;
  /** 1 = hardest zone. */
  rank: number;
  figures: Record<DifficultyFactor, DifficultyFigure>;
  /** The figures that make it hard, in words, the weightiest first. */
  reasons: string[];
}
