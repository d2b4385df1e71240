// The zone figures the zone table can show and sort by, each with how to read it
// from a ZoneScore and how to print it. One list, so headers, the sort menu and
// the detail rows cannot disagree.
import type { ZoneScore } from '../../solver/score';
import * as F from './scoreFormat';

export type MetricKey =
  | 'zone' | 'users' | 'hours' | 'balance' | 'capacity' | 'ruralShare' | 'waiting'
  | 'travelKm' | 'travelMin' | 'pieces' | 'compactness' | 'rate' | 'cost' | 'extraRural';

export interface Metric {
  key: MetricKey;
  label: string;
  /** Explains the figure (header tooltip). */
  title: string;
  value(zs: ZoneScore): number | null;
  format(zs: ZoneScore): string;
}

export const METRICS: Metric[] = [
  { key: 'zone', label: 'Zone', title: 'Zone number', value: (z) => z.zone, format: (z) => String(z.zone + 1) },
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
    key: 'travelKm', label: 'Travel km', title: 'Mean road distance from the zone’s base, weighted by hours',
    value: (z) => z.travelFromBase?.metres ?? null, format: (z) => F.km(z.travelFromBase?.metres),
  },
  {
    key: 'travelMin', label: 'Travel min', title: 'Mean driving minutes from the zone’s base, weighted by hours',
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
export function sortZones(zones: ZoneScore[], sort: Sort): number[] {
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
