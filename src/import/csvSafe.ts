// Escaping for every CSV the app writes. Imported strings are hostile: a cell
// such as =HYPERLINK(...) would run as a formula when a council officer opens
// the export in a spreadsheet, so such cells are neutralised with a leading
// apostrophe (the OWASP "CSV injection" advice) before ordinary CSV quoting.

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: formula-neutralised, then quoted if it holds a comma, quote or line break. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV line (no line ending) from cells. */
export function csvLine(cells: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return cells.map(csvCell).join(',');
}

/** A whole CSV file with Windows-friendly CRLF line ends (what Excel expects). */
export function csvText(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null | undefined>>): string {
  return [csvLine(header), ...rows.map(csvLine)].join('\r\n') + '\r\n';
}
