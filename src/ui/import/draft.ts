// What the import dialog has gathered so far, and what still stops it running.
import type { BaseColumnMapping, UserColumnMapping } from '../../import/csv';
import type { UnitFieldMapping } from '../../import/units';
import type { ZoneFieldMapping, ZoneListMapping } from '../../import/zones';
import type { BoundaryInfo, ImportRequest, TablePreview } from '../../workers/import/protocol';
import { baseMappingProblem, userMappingProblem, zoneListMappingProblem } from './fields';

export interface TableChoice<M> {
  file: File;
  preview: TablePreview;
  mapping: M;
}

export interface BoundaryChoice {
  file: File;
  info: BoundaryInfo;
}

export interface UnitsDraft {
  /** Null until the user picks: the import does not choose the units for them. */
  kind: 'h3' | 'boundary' | null;
  resolution: number;
  /** For hexagons: the polygons to cover; null = the service users' area. */
  cover: BoundaryChoice | null;
  boundary: BoundaryChoice | null;
  fields: UnitFieldMapping;
}

export interface ZonesDraft {
  kind: 'none' | 'usersColumn' | 'boundary' | 'list';
  boundary: BoundaryChoice | null;
  fields: ZoneFieldMapping;
  list: TableChoice<ZoneListMapping> | null;
}

export interface Draft {
  users: TableChoice<UserColumnMapping> | null;
  units: UnitsDraft;
  bases: TableChoice<BaseColumnMapping> | null;
  zones: ZonesDraft;
}

/** About 5 km² hexagons: a village and its fields, fine enough to follow a town's edge. */
export const DEFAULT_RESOLUTION = 7;

export const EMPTY_DRAFT: Draft = {
  users: null,
  units: { kind: null, resolution: DEFAULT_RESOLUTION, cover: null, boundary: null, fields: { id: null, name: null, ruc: null } },
  bases: null,
  zones: { kind: 'none', boundary: null, fields: { id: '', name: null }, list: null },
};

/** The first thing that stops the import, or null when it can run. */
export function draftProblem(d: Draft): string | null {
  if (!d.users) return 'Choose the service users file.';
  const users = userMappingProblem(d.users.mapping);
  if (users) return `Service users: ${users}`;
  if (d.units.kind === null) return 'Units: choose hexagons or a boundary file (step 3).';
  if (d.units.kind === 'boundary') {
    if (!d.units.boundary) return 'Units: choose a boundary file, or use hexagons.';
    if (!d.units.fields.id) return 'Units: choose which property is the unit id.';
  }
  if (d.bases) {
    const bases = baseMappingProblem(d.bases.mapping);
    if (bases) return `Provider bases: ${bases}`;
  }
  if (d.zones.kind === 'usersColumn' && d.users.mapping.zone === null) return 'Current zones: the users file has no zone column mapped.';
  if (d.zones.kind === 'boundary' && (!d.zones.boundary || !d.zones.fields.id)) return 'Current zones: choose a zone file and its zone id property.';
  if (d.zones.kind === 'list') {
    if (!d.zones.list) return 'Current zones: choose the zone list file.';
    const list = zoneListMappingProblem(d.zones.list.mapping);
    if (list) return `Current zones: ${list}`;
  }
  return null;
}

/** The worker request for a draft that has no problem. */
export function importRequest(d: Draft, baseUrl: string): ImportRequest {
  const users = d.users!;
  const u = d.units;
  const z = d.zones;
  return {
    baseUrl,
    name: `${users.file.name.replace(/\.\w+$/, '')} (imported ${new Date().toLocaleDateString('en-GB')})`,
    units: u.kind === 'h3'
      ? { kind: 'h3', resolution: u.resolution, cover: u.cover?.file ?? null }
      : { kind: 'boundary', file: u.boundary!.file, fields: u.fields },
    users: { file: users.file, mapping: users.mapping },
    bases: d.bases ? { file: d.bases.file, mapping: d.bases.mapping } : null,
    zones: z.kind === 'boundary' ? { kind: 'boundary', file: z.boundary!.file, fields: z.fields }
      : z.kind === 'list' ? { kind: 'list', file: z.list!.file, mapping: z.list!.mapping }
      : { kind: z.kind },
  };
}
