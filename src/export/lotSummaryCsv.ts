// One row per lot with every zone figure scoring gives, and a totals row, for
// the tender's schedule of lots.
import type { ScoreSettings, ZoneScore } from '../../solver/score';
import { csvText } from '../import/csvSafe';
import type { Project } from '../model/project';
import type { Scenario } from '../model/scenario';
import { exportData, round, zoneBases, type ExportData } from './exportData';

type Cell = string | number | boolean | null;

const HEADER = [
  'zone_id', 'zone_name', 'base_names', 'base_capacity_hours', 'units', 'users', 'weekly_hours',
  'double_handed_hours', 'waiting_users', 'waiting_hours', 'urban_hours', 'rural_town_hours', 'rural_village_hours',
  'sparse_hours', 'rural_share_pct', 'balance_vs_mean_pct', 'capacity_use_pct', 'over_capacity',
  'travel_from_base_km', 'travel_from_base_min', 'travel_from_centre_km', 'travel_from_centre_min',
  'pieces', 'area_km2', 'perimeter_km', 'compactness', 'extra_rural_hours', 'extra_rural_uplift_cost',
  'annual_cost', 'warnings',
];

const orNull = (x: number | null, dp = 2) => (x === null ? null : round(x, dp));

function zoneRow(data: ExportData, s: ZoneScore): Cell[] {
  const zone = data.scenario.zones[s.zone];
  const bases = zoneBases(data, s.zone);
  return [
    zone.id, zone.name, bases.names.join('; '), round(bases.capacityHours), s.units, round(s.users), round(s.hours),
    round(s.doubleHandedHours), round(s.waitingUsers), round(s.waitingHours), round(s.urbanHours), round(s.ruralTownHours),
    round(s.ruralVillageHours), round(s.sparseHours), s.ruralShare === null ? null : round(100 * s.ruralShare, 1),
    orNull(s.balanceVsMeanPct, 1), orNull(s.capacityUsePct, 1), s.overCapacity ? 'yes' : 'no',
    s.travelFromBase && round(s.travelFromBase.metres / 1000), s.travelFromBase && round(s.travelFromBase.minutes, 1),
    s.travelFromCentre && round(s.travelFromCentre.metres / 1000), s.travelFromCentre && round(s.travelFromCentre.minutes, 1),
    s.pieces, round(s.areaKm2), round(s.perimeterKm), orNull(s.compactness, 3), round(s.extraRuralHours),
    round(s.extraRuralUpliftCost), round(s.annualCost), s.warnings.map((w) => w.message).join(' '),
  ];
}

/** Sums of the additive figures; shares recomputed from the sums; per-zone ratios left blank. */
function totalsRow(data: ExportData): Cell[] {
  const zs = data.score.zones;
  const sum = (f: (s: ZoneScore) => number) => round(zs.reduce((t, s) => t + f(s), 0));
  const hours = sum((s) => s.hours);
  const rural = sum((s) => s.ruralTownHours + s.ruralVillageHours);
  const capacity = data.scenario.bases.filter((b) => b.zone >= 0).reduce((t, b) => t + b.capacityHours, 0);
  const travel = data.score.travel;
  return [
    'TOTAL', `${zs.length} zones`, '', round(capacity), sum((s) => s.units), sum((s) => s.users), hours,
    sum((s) => s.doubleHandedHours), sum((s) => s.waitingUsers), sum((s) => s.waitingHours), sum((s) => s.urbanHours),
    sum((s) => s.ruralTownHours), sum((s) => s.ruralVillageHours), sum((s) => s.sparseHours),
    hours > 0 ? round((100 * rural) / hours, 1) : null, null, capacity > 0 ? round((100 * hours) / capacity, 1) : null, '',
    travel.meanMetres === null ? null : round(travel.meanMetres / 1000), travel.meanMinutes === null ? null : round(travel.meanMinutes, 1),
    null, null, null, sum((s) => s.areaKm2), null, null, sum((s) => s.extraRuralHours), sum((s) => s.extraRuralUpliftCost),
    sum((s) => s.annualCost), data.score.unassigned.units > 0 ? `${data.score.unassigned.units} unit${data.score.unassigned.units === 1 ? '' : 's'} in no zone` : '',
  ];
}

export function lotSummaryCsvFrom(data: ExportData): string {
  return csvText(HEADER, [...data.score.zones.map((s) => zoneRow(data, s)), totalsRow(data)]);
}

/** The lot summary CSV file text. */
export function lotSummaryCsv(project: Project, scenario: Scenario, settings: ScoreSettings): string {
  return lotSummaryCsvFrom(exportData(project, scenario, settings));
}
