// Every export as a named file, so the app's buttons and the CLI write the same
// files under the same names.
import type { ScoreSettings } from '../../solver/score';
import type { Project } from '../model/project';
import type { Scenario } from '../model/scenario';
import { exportData, type ExportData } from './exportData';
import { lotReportFrom } from './lotReport';
import { lotSummaryCsvFrom } from './lotSummaryCsv';
import { districtCsvFrom, sectorCsvFrom } from './postcodeCsv';
import { unitFeatureCollection } from './unitGeojson';
import { zoneFeatureCollection, zoneOutlines } from './zoneGeojson';
import { zoneOutlineProblems } from './zoneCheck';

export type ExportKind = 'zones' | 'units' | 'sectors' | 'districts' | 'lots' | 'report';

export interface ExportSpec {
  kind: ExportKind;
  /** Button label in the app. */
  label: string;
  /** File name part after "carezones-". */
  stem: string;
  extension: string;
  mime: string;
  build(data: ExportData): string;
  /** Problems with what was built, said to the user (the file is still written). */
  check?(data: ExportData): string[];
}

export const EXPORTS: readonly ExportSpec[] = [
  {
    kind: 'zones', label: 'Zone GeoJSON', stem: 'zones', extension: 'geojson', mime: 'application/geo+json',
    build: (d) => JSON.stringify(zoneFeatureCollection(d)), check: (d) => zoneOutlineProblems(d, zoneOutlines(d).zones),
  },
  { kind: 'units', label: 'Unit-to-zone GeoJSON', stem: 'units', extension: 'geojson', mime: 'application/geo+json', build: (d) => JSON.stringify(unitFeatureCollection(d)) },
  { kind: 'sectors', label: 'Postcode sectors CSV', stem: 'postcode-sectors', extension: 'csv', mime: 'text/csv', build: sectorCsvFrom },
  { kind: 'districts', label: 'Postcode districts CSV', stem: 'postcode-districts', extension: 'csv', mime: 'text/csv', build: districtCsvFrom },
  { kind: 'lots', label: 'Lot summary CSV', stem: 'lots', extension: 'csv', mime: 'text/csv', build: lotSummaryCsvFrom },
  { kind: 'report', label: 'Lot report (HTML)', stem: 'lot-report', extension: 'html', mime: 'text/html', build: (d) => lotReportFrom(d) },
];

export const exportSpec = (kind: ExportKind) => EXPORTS.find((e) => e.kind === kind)!;

/** "Current zones (v2)" -> "current-zones-v2": safe in a file name on any system. */
export function fileSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'plan';
}

export const exportFileName = (spec: ExportSpec, scenarioName: string) =>
  `carezones-${spec.stem}-${fileSlug(scenarioName)}.${spec.extension}`;

export interface ExportFile {
  name: string;
  mime: string;
  text: string;
  /** What is wrong with the file's content (e.g. zone outlines that are not valid); empty when nothing is. */
  warnings: string[];
}

const built = (spec: ExportSpec, data: ExportData): ExportFile => ({
  name: exportFileName(spec, data.scenario.name), mime: spec.mime, text: spec.build(data), warnings: spec.check?.(data) ?? [],
});

export function buildExport(kind: ExportKind, project: Project, scenario: Scenario, settings: ScoreSettings): ExportFile {
  return built(exportSpec(kind), exportData(project, scenario, settings));
}

/** All exports of a scenario, scored once. */
export function buildAllExports(project: Project, scenario: Scenario, settings: ScoreSettings): ExportFile[] {
  const data = exportData(project, scenario, settings);
  return EXPORTS.map((spec) => built(spec, data));
}
