// The validation report: what came in, what was placed only approximately,
// what was rejected and the weekly hours that touches; every problem; the
// rules used. The user then opens the project or walks away with nothing changed.
import { reportToCsv, type ImportReport } from '../../import/report';
import type { ProjectFromFiles } from '../../import/projectFromFiles';
import { downloadBlob } from '../download';
import { ProblemTable } from './ProblemTable';

interface Props {
  result: ProjectFromFiles;
  onOpen(): void;
  onBack(): void;
  onCancel(): void;
}

const n = (v: number) => v.toLocaleString('en-GB', { maximumFractionDigits: 1 });

function Counts({ report, title, hoursLabel }: { report: ImportReport; title: string; hoursLabel: string }) {
  const c = report.counts;
  const figures: Array<[string, string, number]> = [
    ['rowsImported', 'Rows imported', c.rowsImported],
    ['placedExactly', 'Placed exactly', c.placedExactly + c.placedByCoordinates],
    ['placedApproximately', 'Placed approximately', c.placedApproximately],
    ['rejected', 'Rejected', c.rejected],
    ['hoursImported', hoursLabel, c.hoursImported],
    ['hoursAffected', 'Hours affected', c.hoursAffected],
  ];
  return (
    <section className="report-counts" aria-label={title}>
      <h3>{title} <span className="muted">({n(c.rowsRead)} rows read)</span></h3>
      <dl>
        {figures.map(([key, label, value]) => (
          <div key={key} className={key === 'rejected' && value > 0 ? 'bad' : key === 'placedApproximately' && value > 0 ? 'warn' : undefined}>
            <dt title={key === 'hoursAffected' ? 'Weekly hours of rejected rows plus those placed only approximately' : undefined}>{label}</dt>
            <dd data-count={key}>{n(value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function ReportScreen({ result, onOpen, onBack, onCancel }: Props) {
  const nothing = result.users.counts.rowsImported === 0;
  return (
    <div className="import-report" data-testid="import-report">
      <div className="report-top">
        <Counts report={result.users} title="Service users" hoursLabel="Weekly hours imported" />
        {result.bases && <Counts report={result.bases} title="Provider bases" hoursLabel="Weekly capacity imported" />}
        <section className="report-counts" aria-label="Units and zones">
          <h3>Units and zones</h3>
          <dl>
            <div><dt>Units</dt><dd data-count="units">{n(result.unitCount)}</dd></div>
            <div><dt>Zones</dt><dd data-count="zones">{n(result.zoneCount)}</dd></div>
            <div className={result.unassignedUnits > 0 ? 'warn' : undefined}><dt>Units in no zone</dt><dd data-count="unassignedUnits">{n(result.unassignedUnits)}</dd></div>
          </dl>
        </section>
      </div>
      <ul className="report-notes">
        {result.notes.map((note) => <li key={note}>{note}</li>)}
      </ul>
      <ProblemTable problems={result.problems} />
      {nothing && <p className="import-problem" role="alert">No service user could be imported, so there is nothing to open. Go back and check the column mapping.</p>}
      <div className="dialog-actions">
        <button type="button" data-action="download-report" onClick={() => downloadBlob(new Blob([reportToCsv(result)], { type: 'text/csv' }), 'carezones-import-report.csv')}>
          Download report as CSV
        </button>
        <span className="spacer" />
        <button type="button" onClick={onBack}>Back to the files</button>
        <button type="button" onClick={onCancel}>Cancel</button>
        <button type="button" className="primary" data-action="open-imported" onClick={onOpen} disabled={nothing}>Open this project</button>
      </div>
    </div>
  );
}
