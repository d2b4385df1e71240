// The optional full postcode lookup: loaded once per machine into IndexedDB.
import type { LookupMeta } from '../../import/lookupCache';
import { FileField } from './FileField';

interface Props {
  /** undefined while the cache is being read. */
  meta: LookupMeta | null | undefined;
  onFile(file: File): void;
  onClear(): void;
  busy: boolean;
}

export function LookupStep({ meta, onFile, onClear, busy }: Props) {
  return (
    <div className="import-step">
      <div className="step-intro">
        <p>
          A full postcode lookup places every service user at their own postcode. Use the ONS Postcode Directory (ONSPD),
          the National Statistics Postcode Lookup (NSPL) or OS Code-Point Open, as published (the main CSV). It is read once
          and kept on this computer only.
        </p>
      </div>
      {meta === undefined ? null : meta ? (
        <p className="lookup-status ok" data-testid="lookup-status">
          Lookup loaded: {meta.count.toLocaleString('en-GB')} postcodes, from {meta.fileName}, on{' '}
          {new Date(meta.loadedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}.{' '}
          <button type="button" onClick={onClear} disabled={busy}>Clear lookup</button>
          {meta.refused > 0 && (
            <span className="lookup-refused" data-testid="lookup-refused">
              {' '}{meta.refused.toLocaleString('en-GB')} rows were left out for a coordinate that is not a number or not in the UK
              {meta.firstProblem ? `; the first: ${meta.firstProblem}` : ''}.
            </span>
          )}
        </p>
      ) : (
        <p className="lookup-status" data-testid="lookup-status">
          No postcode lookup on this computer. Without one, users are placed approximately at the centre of their postcode
          sector (Lincolnshire) or district (Great Britain), and the report says how many.
        </p>
      )}
      <FileField label={meta ? 'Load a newer lookup…' : 'Load postcode lookup…'} accept=".csv,text/csv" testId="lookup-file" file={null} onFile={onFile} disabled={busy} />
    </div>
  );
}
