// The column-mapping screen: one select per field (pre-set to the guess or the
// remembered mapping) and the file's first rows, with each mapped column
// labelled. Cell values are React text, so a hostile "=HYPERLINK(...)" or
// "<img onerror>" shows as the characters it is.
import type { ReactNode } from 'react';
import type { FieldDef } from './fields';

interface Props<M> {
  /** Names the selects for tests and labels, e.g. "users". */
  kind: string;
  fields: Array<FieldDef<M>>;
  mapping: M;
  headers: string[];
  rows: string[][];
  onChange(mapping: M): void;
  problem: string | null;
  /** Extra settings shown under the selects (e.g. how carers are written). */
  children?: ReactNode;
}

export function ColumnMapping<M extends object>({ kind, fields, mapping, headers, rows, onChange, problem, children }: Props<M>) {
  const fieldOfHeader = new Map<string, string>();
  for (const f of fields) {
    const h = mapping[f.key] as string | null;
    if (h !== null) fieldOfHeader.set(h, f.label);
  }
  return (
    <div className="import-mapping" data-mapping={kind}>
      <div className="mapping-fields">
        {fields.map((f) => (
          <label key={f.key} className="mapping-field">
            <span className="mapping-label">
              {f.label}
              {f.hint && <small>{f.hint}</small>}
            </span>
            <select
              data-field={f.key}
              value={(mapping[f.key] as string | null) ?? ''}
              onChange={(e) => onChange({ ...mapping, [f.key]: e.target.value === '' ? null : e.target.value })}
            >
              <option value="">(not in this file)</option>
              {headers.map((h) => (
                <option key={h} value={h}>{h}</option>
              ))}
            </select>
          </label>
        ))}
        {children}
      </div>
      {problem && <p className="import-problem" role="alert">{problem}</p>}
      <div className="mapping-preview">
        <p className="hint">First rows of the file (as read):</p>
        <div className="table-scroll">
          <table className="preview-table" data-testid={`${kind}-preview`}>
            <thead>
              <tr>
                {headers.map((h) => (
                  <th key={h} className={fieldOfHeader.has(h) ? 'mapped' : undefined}>
                    <span className="preview-header">{h}</span>
                    <span className="preview-field">{fieldOfHeader.get(h) ?? 'not used'}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  {headers.map((h, c) => (
                    <td key={h} className={fieldOfHeader.has(h) ? 'mapped' : undefined}>{r[c] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}
