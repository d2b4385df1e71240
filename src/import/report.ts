// The validation report a council officer reads after an import: what came in,
// what was placed only approximately, what was rejected and how many weekly
// hours that touches, plus every problem, exportable as CSV.
import { csvText } from './csvSafe';
import type { Problem } from './problems';

export interface ImportCounts {
  /** Non-blank data rows in the file. */
  rowsRead: number;
  rowsImported: number;
  /** Rows with at least one error: not used. */
  rejected: number;
  placedExactly: number;
  placedByCoordinates: number;
  /** Placed at a postcode sector or district centre. */
  placedApproximately: number;
  /** Just outside every unit, counted in the nearest. */
  snappedToUnit: number;
  hoursImported: number;
  /** Weekly hours of rejected rows (where the hours could be read). */
  hoursRejected: number;
  /** Weekly hours of imported rows placed approximately or snapped. */
  hoursApproximate: number;
  /** hoursRejected + hoursApproximate. */
  hoursAffected: number;
  errors: number;
  warnings: number;
}

export interface ImportReport {
  file: string;
  counts: ImportCounts;
  /** Sorted by row, errors before warnings within a row. */
  problems: Problem[];
  /** How things were decided (rurality rule, zone method...), in plain words. */
  notes: string[];
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
}

export function countSeverities(problems: readonly Problem[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const p of problems) if (p.severity === 'error') errors++;
  return { errors, warnings: problems.length - errors };
}

/** The problem list as CSV, safe to open in a spreadsheet (see csvSafe.ts). */
export function reportToCsv(report: Pick<ImportReport, 'problems'>): string {
  return csvText(
    ['file', 'row', 'column', 'value', 'severity', 'message'],
    report.problems.map((p) => [p.file, p.row ?? '', p.column, p.value, p.severity, p.message]),
  );
}

/** The counts as two-column CSV (figure, value), for the report screen's download. */
export function countsToCsv(report: Pick<ImportReport, 'counts'>): string {
  return csvText(['figure', 'value'], Object.entries(report.counts).map(([k, v]) => [k, Math.round(v * 100) / 100]));
}
