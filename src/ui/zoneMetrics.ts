// The zone figures the zone table can show and sort by, each with how to read it
// from a ZoneScore and how to print it. One list, so headers, the sort menu and
// the detail rows cannot disagree.
import type { PlanScore, ZoneDifficulty, ZoneScore } from '../../solver/score';
import * as F from './scoreFormat';
import type { ZoneIndex } from '../../solver/model';

export type MetricKey =
  | 'zone' | 'difficulty' | 'users' | 'hours' | 'balance' | 'capacity' | 'ruralShare' | 'waiting'
  | 'visitTravel' | 'visitTravelCost' | 'travelKm' | 'travelMin' | 'pieces' | 'compactness' | 'rate' | 'cost' | 'extraRural';

/** A zone's figures and its difficulty among the county's zones. */
export type ZoneRow = ZoneScore & { difficulty: ZoneDifficulty };

export const zoneRows = (score: PlanScore): ZoneRow[] => score.zones.map((zs) => ({ ...zs, difficulty: score.difficulty[zs.zone] }));

export interface Metric {
  key: MetricKey;
  label: string;
  /** Explains the figure (header tooltip). */
  title: string;
  value(zs: ZoneRow): number | null;
  format(zs: ZoneRow): string;
}

export const METRICS: Metric[] = [
  { key: 'zone', label: 'Zone', title: 'Zone number', value: (z) => z.zone, format: (z) => String(z.zone + 1) },
  {
    key: 'difficulty', label: 'Hardest', title: 'Rank by how hard the zone is to serve (1 = hardest): travel between visits, waiting, capacity, rurality, provider model',
    value: (z) => z.difficulty.difficulty, format: (z) => `${z.difficulty.rank}`,
  },
  { key: 'users', label: 'Users', title: 'Service users', value: (z) => z.users, format: (z) => F.int(z.users) },
  { key: 'hours', label: 'Weekly hours', title: 'Weekly hours of care', value: (z) => z.hours, format: (z) => F.one(z.hours) },
  {
    key: 'balance', label: 'vs mean', title: 'Weekly hours against the mean zone',
    value: (z) => z.balanceVsMeanPct, format: (z) => F.signedPct(z.balanceVsMeanPct),
  },
  {
    key: 'capacity', label: 'Capacity', title: "Weekly hours as a share of its bases' capacity",
    value: (z) => z.capacityUsePct, format: (z) => F.pct(z.capacityUsePct),
  },
  {
    key: 'ruralShare', label: 'Rural', title: 'Share of hours in rural towns and villages',
    value: (z) => z.ruralShare, format: (z) => F.share(z.ruralShare),
  },
  { key: 'waiting', label: 'Waiting', title: 'People waiting for a provider', value: (z) => z.waitingUsers, format: (z) => F.int(z.waitingUsers) },
  {
    key: 'visitTravel', label: 'Travel/h', title: 'Minutes of travel between visits per contact hour (60 / visit length × minutes between visits)',
    value: (z) => z.visitTravel?.minutesPerContactHour ?? null, format: (z) => F.one(z.visitTravel?.minutesPerContactHour),
  },
  {
    key: 'visitTravelCost', label: 'Travel £/yr', title: 'Carers’ pay for travel between visits plus mileage, a year',
    value: (z) => z.visitTravel?.annualCost ?? null, format: (z) => F.poundsM(z.visitTravel?.annualCost),
  },
  {
    key: 'travelKm', label: 'Base km', title: 'Mean road distance from the zone’s base, weighted by hours',
    value: (z) => z.travelFromBase?.metres ?? null, format: (z) => F.km(z.travelFromBase?.metres),
  },
  {
    key: 'travelMin', label: 'Base min', title: 'Mean driving minutes from the zone’s base, weighted by hours',
    value: (z) => z.travelFromBase?.minutes ?? null, format: (z) => F.one(z.travelFromBase?.minutes),
  },
  { key: 'pieces', label: 'Pieces', title: 'Separate pieces (1 = contiguous)', value: (z) => z.pieces, format: (z) => F.int(z.pieces) },
  {
    key: 'compactness', label: 'Compact', title: 'Polsby-Popper compactness, 1 for a circle',
    value: (z) => z.compactness, format: (z) => F.two(z.compactness),
  },
  {
    key: 'rate', label: '£/h', title: 'Mean hourly rate, weighted by hours, and the mix of rates (bands or classes) behind it',
    value: (z) => z.meanRate, format: (z) => F.rate(z.meanRate),
  },
  { key: 'cost', label: '£/year', title: 'Annual cost at each unit’s rate', value: (z) => z.annualCost, format: (z) => F.poundsM(z.annualCost) },
  {
    key: 'extraRural', label: 'Extra-rural', title: 'Weekly hours on the extra-rural rate',
    value: (z) => z.extraRuralHours, format: (z) => `${F.one(z.extraRuralHours)} h`,
  },
];

export const metric = (key: MetricKey) => METRICS.find((m) => m.key === key)!;

export interface Sort {
  key: MetricKey;
  descending: boolean;
}

/** Zone indices in sort order; zones without the figure go last, ties keep zone order. */
export function sortZones(zones: ZoneRow[], sort: Sort): ZoneIndex[] {
  const m = metric(sort.key);
  const sign = sort.descending ? -1 : 1;
  return zones
    .map((zs) => ({ z: zs.zone, v: m.value(zs) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return (a.v === null ? 1 : 0) - (b.v === null ? 1 : 0) || a.z - b.z;
      return sign * (a.v - b.v) || a.z - b.z;
    })
    .map((r) => r.z);
}

/** A short label for a rule warning, shown in the row; the full sentence goes in its title. */
export function warningLabel(code: string, zs: ZoneScore): string {
  switch (code) {
    case 'hours-off-mean':
      return `hours ${F.signedPct(zs.balanceVsMeanPct)} vs mean`;
    case 'zone-size':
      return `size ${F.int(zs.hours)} h/week`;
    case 'over-capacity':
      return `over capacity (${F.pct(zs.capacityUsePct)})`;
    case 'split-zone':
      return `${zs.pieces} pieces`;
    case 'rural-share':
      return `rural share ${F.share(zs.ruralShare)}`;
    case 'no-base':
      return 'no base';
    case 'provider-model':
      return `too small for ${zs.providers.slots.length > 1 ? `its ${zs.providers.slots.length} providers` : 'a provider'}`;
    default:
      return code;
  }
}
