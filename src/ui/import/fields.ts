// The fields of each mapping screen: label, help, and what must be mapped
// before the import can run.
import type { BaseColumnMapping, UserColumnMapping } from '../../import/csv';
import type { ZoneListMapping } from '../../import/zones';

export interface FieldDef<M> {
  key: keyof M & string;
  label: string;
  hint?: string;
}

type LocationKey = 'latitude' | 'longitude' | 'easting' | 'northing';

/** Coordinates a users or bases file may give instead of a postcode. */
const LOCATION_FIELDS: Array<FieldDef<Record<LocationKey, unknown>>> = [
  { key: 'latitude', label: 'Latitude', hint: 'instead of a postcode' },
  { key: 'longitude', label: 'Longitude' },
  { key: 'easting', label: 'Easting (BNG)', hint: 'instead of a postcode' },
  { key: 'northing', label: 'Northing (BNG)' },
];

export const USER_FIELDS: Array<FieldDef<UserColumnMapping>> = [
  { key: 'id', label: 'Service user id', hint: 'pseudonymous reference, never a name' },
  { key: 'postcode', label: 'Postcode' },
  { key: 'weeklyHours', label: 'Weekly hours' },
  { key: 'carers', label: 'Carers per visit', hint: '1 or 2, or a double-handed yes/no' },
  { key: 'waiting', label: 'Waiting for care', hint: 'yes/no' },
  { key: 'visitsPerWeek', label: 'Visits a week', hint: 'optional; else from the weekly hours' },
  { key: 'visitMinutes', label: 'Visit length (minutes)', hint: 'optional' },
  { key: 'callBands', label: 'Call bands', hint: 'optional, e.g. "morning; bed"' },
  { key: 'zone', label: 'Current zone / lot' },
  ...LOCATION_FIELDS,
];

export const BASE_FIELDS: Array<FieldDef<BaseColumnMapping>> = [
  { key: 'id', label: 'Base id' },
  { key: 'name', label: 'Provider / branch name' },
  { key: 'postcode', label: 'Postcode' },
  { key: 'capacityHours', label: 'Capacity (hours a week)' },
  { key: 'zones', label: 'Zone(s) served', hint: 'several separated by ; or /' },
  ...LOCATION_FIELDS,
];

export const ZONE_LIST_FIELDS: Array<FieldDef<ZoneListMapping>> = [
  { key: 'area', label: 'Postcode sector, district or unit id', hint: 'several separated by ;' },
  { key: 'zone', label: 'Zone / lot' },
  { key: 'zoneName', label: 'Zone name' },
];

const hasLocation = (m: { postcode: string | null; latitude: string | null; longitude: string | null; easting: string | null; northing: string | null }) =>
  m.postcode !== null || (m.latitude !== null && m.longitude !== null) || (m.easting !== null && m.northing !== null);

/** What must still be chosen before importing users, or null. */
export function userMappingProblem(m: UserColumnMapping): string | null {
  if (m.weeklyHours === null) return 'Choose the column that holds weekly hours.';
  if (!hasLocation(m)) return 'Choose the postcode column (or latitude and longitude, or easting and northing).';
  return null;
}

export function baseMappingProblem(m: BaseColumnMapping): string | null {
  if (m.name === null && m.id === null) return 'Choose the column with the provider name or base id.';
  if (!hasLocation(m)) return 'Choose the postcode column (or latitude and longitude, or easting and northing).';
  return null;
}

export function zoneListMappingProblem(m: ZoneListMapping): string | null {
  if (m.area === null) return 'Choose the column with postcode sectors, districts or unit ids.';
  if (m.zone === null) return 'Choose the zone column.';
  return null;
}
