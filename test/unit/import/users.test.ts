import { describe, expect, it } from 'vitest';
import { parseBases } from '../../../src/import/bases';
import { guessBaseMapping, guessUserMapping, readCsv } from '../../../src/import/csv';
import { csvCell } from '../../../src/import/csvSafe';
import type { Problem } from '../../../src/import/problems';
import { parseUsers } from '../../../src/import/users';
import { fixtureText, publicText } from './helpers';

const messy = () => {
  const table = readCsv(fixtureText('messy-users.csv'));
  return parseUsers(table, guessUserMapping(table.headers));
};
const at = (problems: Problem[], row: number) => problems.filter((p) => p.row === row);

describe('parseUsers on a messy export', () => {
  const { records, problems, rowsRead } = messy();

  it('guesses the odd headers', () => {
    const table = readCsv(fixtureText('messy-users.csv'));
    expect(guessUserMapping(table.headers)).toMatchObject({
      id: 'Service User Ref', postcode: 'Post Code', weeklyHours: 'Hrs per week', carers: 'No. of carers',
      carersFormat: 'count', waiting: 'On waiting list', zone: 'Current Lot',
    });
  });

  it('skips blank rows silently and counts the rest', () => {
    expect(rowsRead).toBe(14);
    expect(at(problems, 4)).toEqual([]);
    expect(at(problems, 5)).toEqual([]);
  });

  it('normalises lowercase, spaceless and double-spaced postcodes', () => {
    expect(records.find((r) => r.id === 'SU0001')).toMatchObject({ row: 2, postcode: 'LN2 1LJ', weeklyHours: 10.5, carers: 1, waiting: true, zone: '1' });
    expect(records.find((r) => r.id === 'SU0002')).toMatchObject({ row: 3, postcode: 'LN5 0PU', carers: 2, waiting: false, zone: 'Zone 2, North' });
  });

  it('rejects negative and non-numeric hours with row, column and value', () => {
    expect(at(problems, 7)).toEqual([{ file: 'service users', row: 7, column: 'Hrs per week', value: '-3', message: 'Weekly hours cannot be negative', severity: 'error' }]);
    expect(at(problems, 11)).toEqual([{ file: 'service users', row: 11, column: 'Hrs per week', value: 'abc', message: 'Weekly hours is not a number', severity: 'error' }]);
  });

  it('rejects a 3-carer typo', () => {
    expect(at(problems, 8)).toEqual([{ file: 'service users', row: 8, column: 'No. of carers', value: '3', message: 'Carers per visit must be 1 or 2', severity: 'error' }]);
  });

  it('rejects a missing or invalid postcode', () => {
    expect(at(problems, 10)).toMatchObject([{ column: 'Post Code', value: '', message: 'Missing postcode (and no coordinates)', severity: 'error' }]);
    expect(at(problems, 13)).toMatchObject([{ column: 'Post Code', value: 'NOT A POSTCODE', message: '"NOT A POSTCODE" is not a valid UK postcode', severity: 'error' }]);
  });

  it('keeps a formula-looking id as data, warns, and exports it neutralised', () => {
    const user = records.find((r) => r.row === 9)!;
    expect(user.id).toBe('=HYPERLINK("http://x","y")');
    expect(at(problems, 9)).toMatchObject([{ column: 'Service User Ref', severity: 'warning', message: 'Id looks like a spreadsheet formula; kept as plain text' }]);
    expect(csvCell(user.id)).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it('warns about a duplicate id and an unreadable waiting flag but keeps the row', () => {
    expect(at(problems, 12)).toEqual([
      { file: 'service users', row: 12, column: 'Service User Ref', value: 'SU0001', message: 'Duplicate id: also on row 2', severity: 'warning' },
      { file: 'service users', row: 12, column: 'On waiting list', value: 'maybe', message: 'Waiting should be yes/no (y/n, true/false, 1/0); taken as not waiting', severity: 'warning' },
    ]);
    expect(records.some((r) => r.row === 12)).toBe(true);
  });

  it('accepts every yes/no spelling for waiting', () => {
    const t = readCsv(['id,postcode,hours,waiting', ...['yes', 'Y', 'TRUE', '1', 'no', 'n', 'False', '0', ''].map((w, i) => `U${i},LN1 1AB,1,${w}`)].join('\n'));
    const { records: rs, problems: ps } = parseUsers(t, guessUserMapping(t.headers));
    expect(ps).toEqual([]);
    expect(rs.map((r) => r.waiting)).toEqual([true, true, true, true, false, false, false, false, false]);
  });

  it('returns only rows without errors', () => {
    const rejected = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.row));
    expect([...rejected].sort((a, b) => a! - b!)).toEqual([7, 8, 10, 11, 13]);
    expect(records.map((r) => r.row)).toEqual([2, 3, 6, 9, 12, 14, 15, 16, 17]);
  });
});

describe('parseUsers with coordinates and flags', () => {
  it('reads lat/long and easting/northing, reporting points outside the UK', () => {
    const t = readCsv('id,lat,long,hours\nA,53.23,-0.54,5\nB,0.54,53.23,5\n');
    const { records, problems } = parseUsers(t, guessUserMapping(t.headers));
    expect(records).toMatchObject([{ id: 'A', lat: 53.23, lon: -0.54, postcode: null }]);
    expect(problems).toMatchObject([{ row: 3, column: 'lat/long', severity: 'error' }]);
    const g = readCsv('id,easting,northing,hours\nA,497731,371456,5\n');
    const [user] = parseUsers(g, guessUserMapping(g.headers)).records;
    expect(user.lat).toBeCloseTo(53.2312, 3);
    expect(user.lon).toBeCloseTo(-0.5374, 3);
  });

  it('reads a double-handed yes/no column as 1 or 2 carers', () => {
    const t = readCsv('id,postcode,hours,double handed\nA,LN1 1AB,5,yes\nB,LN1 1AB,5,N\nC,LN1 1AB,5,\nD,LN1 1AB,5,perhaps\n');
    const { records, problems } = parseUsers(t, guessUserMapping(t.headers));
    expect(records.map((r) => r.carers)).toEqual([2, 1, 1]);
    expect(problems).toMatchObject([{ row: 5, message: 'Carers per visit must be yes/no', severity: 'error' }]);
  });

  it('reports a missing hours column once for the file', () => {
    const t = readCsv('id,postcode\nA,LN1 1AB\n');
    expect(parseUsers(t, guessUserMapping(t.headers)).problems[0]).toMatchObject({ row: null, message: 'No weekly hours column is mapped' });
  });
});

describe('the optional visit pattern columns', () => {
  const table = readCsv(
    'id,postcode,hours,Visits per week,Visit length (mins),Call times\n' +
      'A,LN1 1AB,7,14,30,morning; bed\n' +
      'B,LN1 1AB,7,,45 mins,\n' +
      'C,LN1 1AB,7,,,M L T B\n' +
      'D,LN1 1AB,7,10,60,elevenses\n' +
      'E,LN1 1AB,7,lots,,\n' +
      'F,LN1 1AB,7,,0,\n',
  );
  const mapping = guessUserMapping(table.headers);
  const { records, problems } = parseUsers(table, mapping);

  it('guesses the columns', () => {
    expect(mapping).toMatchObject({ visitsPerWeek: 'Visits per week', visitMinutes: 'Visit length (mins)', callBands: 'Call times' });
  });

  it('takes visits a week, else derives them from the length, else leaves the default to the hours', () => {
    expect(records.map((r) => [r.id, r.visitsPerWeek, r.bands])).toEqual([
      ['A', 14, 0b1001], ['B', 9, null], ['C', null, 0b1111], ['D', 10, null],
    ]);
  });

  it('warns of a pattern that does not make the hours and of unknown bands, and rejects unreadable values', () => {
    expect(problems).toMatchObject([
      { row: 5, column: 'Visit length (mins)', value: '60', severity: 'warning', message: '10 visits of 60 min make 10 h, not the 7 weekly hours; the visits a week are used' },
      { row: 5, column: 'Call times', value: 'elevenses', severity: 'warning' },
      { row: 6, column: 'Visits per week', value: 'lots', severity: 'error', message: 'Visits a week is not a number' },
      { row: 7, column: 'Visit length (mins)', value: '0', severity: 'error', message: 'Visit length must be above 0 and at most a day' },
    ]);
  });
});

describe('parseBases', () => {
  it('reads the template and splits multi-zone cells', () => {
    const t = readCsv(publicText('templates/provider-bases.csv'));
    const { records, problems } = parseBases(t, guessBaseMapping(t.headers));
    expect(problems).toEqual([]);
    expect(records.map((r) => r.zones)).toEqual([['1'], ['10'], ['7', '8']]);
    expect(records[0]).toMatchObject({ id: 'PB01', postcode: 'LN1 1AB', capacityHours: 900 });
  });

  it('rejects negative capacity and a row with no name', () => {
    const t = readCsv('name,postcode,capacity\nA,LN1 1AB,-5\n,LN1 1AB,10\n');
    const { records, problems } = parseBases(t, guessBaseMapping(t.headers));
    expect(records).toEqual([]);
    expect(problems).toMatchObject([
      { row: 2, column: 'capacity', value: '-5', message: 'Capacity must be a number from 0 to 100,000 h/week, found -5', severity: 'error' },
      { row: 3, column: 'name', message: 'Missing provider name', severity: 'error' },
    ]);
  });
});
