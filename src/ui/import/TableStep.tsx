// A CSV/TSV step: choose the file, then check the guessed column mapping.
import type { ReactNode } from 'react';
import { ColumnMapping } from './ColumnMapping';
import type { TableChoice } from './draft';
import type { FieldDef } from './fields';
import { FileField } from './FileField';

interface Props<M> {
  kind: string;
  intro: ReactNode;
  choice: TableChoice<M> | null;
  fields: Array<FieldDef<M>>;
  problem: (m: M) => string | null;
  onFile(file: File): void;
  onMapping(mapping: M): void;
  onRemove?: () => void;
  busy: boolean;
  children?: ReactNode;
}

export const TABLE_ACCEPT = '.csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain';

export function TableStep<M extends object>({ kind, intro, choice, fields, problem, onFile, onMapping, onRemove, busy, children }: Props<M>) {
  return (
    <div className="import-step">
      <div className="step-intro">{intro}</div>
      <div className="file-row">
        <FileField label={choice ? 'Choose another file…' : 'Choose file…'} accept={TABLE_ACCEPT} testId={`${kind}-file`} file={choice?.file ?? null} onFile={onFile} disabled={busy} />
        {choice && onRemove && <button type="button" onClick={onRemove} disabled={busy}>Remove</button>}
      </div>
      {choice?.preview.encodingNote && (
        <p className="hint encoding-note" role="status" data-testid={`${kind}-encoding`}>{choice.preview.encodingNote}</p>
      )}
      {choice && (
        <ColumnMapping
          kind={kind}
          fields={fields}
          mapping={choice.mapping}
          headers={choice.preview.headers}
          rows={choice.preview.rows}
          onChange={onMapping}
          problem={problem(choice.mapping)}
        >
          {children}
        </ColumnMapping>
      )}
    </div>
  );
}
