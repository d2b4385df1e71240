// Provider-base rows -> records: a provider's office or carers' home area, its
// weekly capacity and the zone(s) it serves.
import { addTableProblems, cellAt, forEachDataRow, type BaseColumnMapping, type CsvTable } from './csv';
import { locationCells, readLocation } from './location';
import { ProblemList } from './problems';
import { mappedColumns, type ParsedRows } from './users';
import { looksLikeFormula, parseHours } from './values';
import * as v from 'valibot';
import { range } from '../../solver/schema';

/** A base's weekly capacity: the project file's schema uses the same range. */
export const BASE_CAPACITY = range(0, 100_000, { unit: 'h/week' });

export const BASES_FILE = 'provider bases';

export interface ProviderBase {
  row: number;
  id: string;
  name: string;
  postcode: string | null;
  lon: number | null;
  lat: number | null;
  capacityHours: number;
  /** Zone ids as written; empty when the base is not tied to a zone. */
  zones: string[];
}

/** "1; 2", "1,2", "1/2", "1|2" -> ["1", "2"]. */
export const splitZones = (text: string): string[] =>
  text.split(/[;,/|]/).map((z) => z.trim()).filter((z) => z !== '');

export function parseBases(table: CsvTable, mapping: BaseColumnMapping): ParsedRows<ProviderBase> {
  const problems = new ProblemList(BASES_FILE);
  const untrusted = addTableProblems(table, problems);
  const c = mappedColumns(table, mapping, ['id', 'name', 'postcode', 'latitude', 'longitude', 'easting', 'northing', 'capacityHours', 'zones'] as const);
  if (c.name.index < 0 && c.id.index < 0) problems.error(null, '', '', 'No name or id column is mapped');
  const records: ProviderBase[] = [];
  const rejectedHours = new Map<number, number>();
  const firstRowOfId = new Map<string, number>();

  const rowsRead = forEachDataRow(table, (cells, row) => {
    if (untrusted.has(row)) {
      const capacity = parseHours(cellAt(cells, c.capacityHours.index));
      if (capacity >= 0) rejectedHours.set(row, capacity);
      return;
    }
    const errorsBefore = problems.errorCount;

    const name = cellAt(cells, c.name.index);
    const id = cellAt(cells, c.id.index) || name || `row ${row}`;
    if (!name && !cellAt(cells, c.id.index)) problems.error(row, c.name.header, '', 'Missing provider name');
    for (const [header, text] of [[c.id.header, id], [c.name.header, name]]) {
      if (looksLikeFormula(text)) problems.warning(row, header, text, 'Looks like a spreadsheet formula; kept as plain text');
    }
    const firstRow = firstRowOfId.get(id);
    if (firstRow !== undefined) problems.warning(row, c.id.header, id, `Duplicate base id: also on row ${firstRow}`);
    else firstRowOfId.set(id, row);

    const location = readLocation(locationCells(cells, c), row, problems);

    const capacityText = cellAt(cells, c.capacityHours.index);
    let capacity = parseHours(capacityText);
    if (capacityText === '') {
      capacity = 0;
      if (c.capacityHours.index >= 0) problems.warning(row, c.capacityHours.header, '', 'Missing capacity; taken as 0 hours a week');
    } else if (Number.isNaN(capacity)) problems.error(row, c.capacityHours.header, capacityText, 'Capacity is not a number of hours a week');
    else {
      const checked = v.safeParse(BASE_CAPACITY, capacity);
      if (!checked.success) problems.error(row, c.capacityHours.header, capacityText, `Capacity ${checked.issues[0].message}`);
    }

    if (problems.errorCount > errorsBefore || !location) {
      if (capacity >= 0) rejectedHours.set(row, capacity);
      return;
    }
    records.push({
      row, id, name: name || id, postcode: location.postcode, lon: location.lon, lat: location.lat,
      capacityHours: capacity, zones: splitZones(cellAt(cells, c.zones.index)),
    });
  });
  return { records, problems: problems.items, rowsRead, rejectedHours };
}
