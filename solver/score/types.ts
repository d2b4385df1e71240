// The figures scoring hands to the app, the optimiser and the CLI: plain data.
import type { HoursPerWeek, Metres, Minutes, ZoneIndex } from '../model';
import type { ExtraRuralResult } from './extraRural';
import type { ProviderFit } from './providers';
import type { UnitRates } from './rates';
import type { Percent, Pounds, PoundsPerHour, Share } from './settings';

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
  annualCost: Pounds;
  extraRuralHours: HoursPerWeek;
  extraRuralUpliftCost: Pounds;
  townsSplit: SplitTown[];
  /** Units, users and hours whose zone differs from the baseline plan; null without a baseline. */
  disruption: DemandTotals | null;
  extraRural: ExtraRuralResult;
  /** Every unit's rate and category under the rate scheme. */
  rates: UnitRates;
  warnings: RuleWarning[];
}

/** What a batch of moves changed, so a view re-renders only that. */
export interface ChangeSet {
  /** Zones whose own figures changed. */
  zones: ZoneIndex[];
  /** Assigned hours changed (a move to or from UNASSIGNED), so every zone's balance vs mean did too. */
  meanZoneHoursChanged: boolean;
}
