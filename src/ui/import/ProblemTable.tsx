// Every problem of the import, sortable by any column and filterable by file,
// severity and text. Values are React text: hostile strings stay inert.
// Only the first rows are drawn (a 100,000-row file can have as many
// warnings); the downloaded CSV has them all.
import { useMemo, useState } from 'react';
import type { Problem } from '../../import/problems';

type Column = 'file' | 'row' | 'column' | 'value' | 'severity' | 'message';
const COLUMNS: Array<{ key: Column; label: string }> = [
  { key: 'file', label: 'File' },
  { key: 'row', label: 'Row' },
  { key: 'column', label: 'Column' },
  { key: 'value', label: 'Value' },
  { key: 'severity', label: 'Severity' },
  { key: 'message', label: 'What is wrong' },
];
const SHOWN = 500;

function compare(a: Problem, b: Problem, key: Column): number {
  if (key === 'row') return (a.row ?? 0) - (b.row ?? 0);
  return a[key].localeCompare(b[key]);
}

export function ProblemTable({ problems }: { problems: Problem[] }) {
  const [sort, setSort] = useState<{ key: Column; descending: boolean } | null>(null);
  const [severity, setSeverity] = useState<'all' | 'error' | 'warning'>('all');
  const [file, setFile] = useState('all');
  const [text, setText] = useState('');
  const files = useMemo(() => [...new Set(problems.map((p) => p.file))], [problems]);

  const shown = useMemo(() => {
    const needle = text.trim().toLowerCase();
    const list = problems.filter(
      (p) =>
        (severity === 'all' || p.severity === severity) &&
        (file === 'all' || p.file === file) &&
        (!needle || [p.column, p.value, p.message, String(p.row ?? '')].some((s) => s.toLowerCase().includes(needle))),
    );
    if (sort) list.sort((a, b) => (sort.descending ? -1 : 1) * compare(a, b, sort.key));
    return list;
  }, [problems, severity, file, text, sort]);

  const sortBy = (key: Column) => setSort((s) => (s?.key === key ? { key, descending: !s.descending } : { key, descending: false }));

  return (
    <div className="problem-table-wrap">
      <div className="problem-filters">
        <label>
          Show{' '}
          <select aria-label="Severity" value={severity} onChange={(e) => setSeverity(e.target.value as typeof severity)}>
            <option value="all">errors and warnings</option>
            <option value="error">errors only</option>
            <option value="warning">warnings only</option>
          </select>
        </label>
        <label>
          in{' '}
          <select aria-label="File" value={file} onChange={(e) => setFile(e.target.value)}>
            <option value="all">all files</option>
            {files.map((f) => <option key={f} value={f}>{f}</option>)}
          </select>
        </label>
        <input type="search" aria-label="Filter problems" placeholder="Filter: row, column, value or message" value={text} onChange={(e) => setText(e.target.value)} />
        <span className="muted" data-testid="problem-count">
          {shown.length > SHOWN ? `first ${SHOWN} of ${shown.length.toLocaleString('en-GB')}` : `${shown.length.toLocaleString('en-GB')} shown`}
        </span>
      </div>
      <div className="table-scroll problems-scroll">
        <table className="problem-table" data-testid="problem-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} aria-sort={sort?.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                  <button type="button" className="sort" onClick={() => sortBy(c.key)}>
                    {c.label}
                    {sort?.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, SHOWN).map((p, i) => (
              <tr key={i} className={p.severity}>
                <td>{p.file}</td>
                <td className="num">{p.row ?? ''}</td>
                <td>{p.column}</td>
                <td className="value">{p.value}</td>
                <td><span className={`severity ${p.severity}`}>{p.severity}</span></td>
                <td>{p.message}</td>
              </tr>
            ))}
            {shown.length === 0 && (
              <tr><td colSpan={6} className="muted">{problems.length === 0 ? 'No problems: every row was imported and placed exactly.' : 'No problem matches the filter.'}</td></tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
