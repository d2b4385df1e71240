// What the page and the import worker say to each other: the page imports these
// types, never the worker module (the worker is started by client.ts).
import type { BaseColumnMapping, UserColumnMapping } from '../../import/csv';
import type { LookupMeta } from '../../import/lookupCache';
import type { ImportPhase } from '../../import/problems';
import type { ProjectFromFiles } from '../../import/projectFromFiles';
import type { UnitFieldMapping } from '../../import/units';
import type { ZoneFieldMapping, ZoneListMapping } from '../../import/zones';

/** The first rows of a table, for the mapping screen. */
export interface TablePreview {
  headers: string[];
  /** First non-blank data rows, as read. */
  rows: string[][];
  guessedUsers: UserColumnMapping;
  guessedBases: BaseColumnMapping;
  guessedZoneList: ZoneListMapping;
  /** Which encoding was assumed when the file is not UTF-8 (shown on the mapping screen), else null. */
  encodingNote: string | null;
}

export interface BoundaryInfo {
  featureCount: number;
  propertyNames: string[];
  guessed: UnitFieldMapping;
  /** Properties of the first few features, as text, for the property pickers. */
  sample: Array<Record<string, string>>;
  areaKm2: number;
  /** Features left out as invalid (listed in the report after import). */
  invalidFeatures: number;
  firstProblem: string | null;
}

export type ImportRequest = {
  /** The page's URL, to fetch the shipped fallback centroids from. */
  baseUrl: string;
  name: string;
  units:
    | { kind: 'h3'; resolution: number; cover: File | null }
    | { kind: 'boundary'; file: File; fields: UnitFieldMapping };
  users: { file: File; mapping: UserColumnMapping };
  bases: { file: File; mapping: BaseColumnMapping } | null;
  zones:
    | { kind: 'none' }
    | { kind: 'usersColumn' }
    | { kind: 'boundary'; file: File; fields: ZoneFieldMapping }
    | { kind: 'list'; file: File; mapping: ZoneListMapping };
};

export type ImportProgress = (p: ImportPhase) => void;

export interface ImportApi {
  previewTable(file: File): Promise<TablePreview>;
  inspectBoundary(file: File): Promise<BoundaryInfo>;
  /** Area round the users' placed points, km² (for the hexagon count estimate). */
  usersAreaKm2(file: File, mapping: UserColumnMapping, baseUrl: string): Promise<number>;
  loadLookup(file: File, onProgress: ImportProgress): Promise<LookupMeta>;
  importFiles(request: ImportRequest, onProgress: ImportProgress): Promise<ProjectFromFiles>;
}
