// Centre points for distance-banded rates (town centres, GP surgeries) from a CSV
// with a name and coordinates (latitude/longitude or easting/northing). Rows that
// cannot be placed are reported, row by row; a file with no usable row is refused.
import type { RateCentre } from '../../solver/score';
import { cellAt, columnIndex, guessBaseMapping, isBlankRow, readCsv, spreadsheetRow } from './csv';
import { locationCells, readLocation } from './location';
import { ProblemList, type Problem } from './problems';

export interface CentresImport {
  centres: RateCentre[];
  problems: Problem[];
}

export function readCentres(text: string): CentresImport {
  const table = readCsv(text);
  const problems = new ProblemList('rate centres');
  const mapping = guessBaseMapping(table.headers);
  const col = (h: string | null) => ({ index: columnIndex(table, h), header: h ?? '' });
  const columns = {
    postcode: { index: -1, header: '' },
    latitude: col(mapping.latitude),
    longitude: col(mapping.longitude),
    easting: col(mapping.easting),
    northing: col(mapping.northing),
  };
  const nameColumn = columnIndex(table, mapping.name);
  const centres: RateCentre[] = [];
  if (columns.latitude.index < 0 && columns.easting.index < 0) {
    problems.error(null, '', table.headers.join(', '), 'No coordinate columns: give latitude and longitude (or easting and northing) for each centre');
    return { centres, problems: problems.items };
  }
  table.rows.forEach((row, i) => {
    if (isBlankRow(row)) return;
    const r = spreadsheetRow(i);
    const cells = locationCells(row, columns);
    if (![cells.latitude, cells.longitude, cells.easting, cells.northing].some((c) => c && c[1] !== '')) {
      problems.error(r, '', '', 'No coordinates for this centre');
      return;
    }
    const at = readLocation(cells, r, problems);
    if (!at || at.lon === null || at.lat === null) return;
    centres.push({ name: cellAt(row, nameColumn) || `Centre at row ${r}`, lon: at.lon, lat: at.lat });
  });
  if (centres.length === 0) problems.error(null, '', '', 'No centre could be placed');
  return { centres, problems: problems.items };
}
