import { describe, expect, it } from 'vitest';
import { guessBaseMapping, guessUserMapping, readCsv } from '../../../src/import/csv';
import { csvCell, csvText } from '../../../src/import/csvSafe';
import { publicText } from './helpers';

describe('readCsv', () => {
  it('strips a BOM, accepts CRLF, keeps quoted commas and keeps blank rows in place', () => {
    const t = readCsv('\uFEFFid,zone\r\nA,"1, North"\r\n\r\nB,2\r\n');
    expect(t.headers).toEqual(['id', 'zone']);
    expect(t.rows).toEqual([['A', '1, North'], [''], ['B', '2']]);
  });

  it('reads tab-separated text and a quoted line break', () => {
    const t = readCsv('id\tnote\nA\t"two\nlines"\n');
    expect(t.delimiter).toBe('\t');
    expect(t.rows).toEqual([['A', 'two\nlines']]);
  });

  it('makes blank and repeated headers unique', () => {
    expect(readCsv('zone,,zone\n1,2,3').headers).toEqual(['zone', 'Column 2', 'zone (2)']);
  });
});

describe('guessUserMapping', () => {
  it('recognises common header spellings', () => {
    const m = guessUserMapping(['Service User Ref', 'Post Code', 'Weekly Hours', 'Carers', 'Waiting', 'Lot']);
    expect(m).toMatchObject({ id: 'Service User Ref', postcode: 'Post Code', weeklyHours: 'Weekly Hours', carers: 'Carers', carersFormat: 'count', waiting: 'Waiting', zone: 'Lot' });
  });

  it('reads a double-handed column as a yes/no flag and finds coordinates', () => {
    const m = guessUserMapping(['ID', 'Easting', 'Northing', 'hours', 'Double handed', 'current zone']);
    expect(m).toMatchObject({ id: 'ID', easting: 'Easting', northing: 'Northing', weeklyHours: 'hours', carers: 'Double handed', carersFormat: 'doubleHandedFlag', zone: 'current zone', postcode: null });
    expect(guessUserMapping(['lat', 'long', 'hrs']).latitude).toBe('lat');
    expect(guessUserMapping(['lat', 'long', 'hrs']).longitude).toBe('long');
  });

  it('maps the shipped templates completely', () => {
    const users = readCsv(publicText('templates/service-users.csv'));
    expect(guessUserMapping(users.headers)).toMatchObject({ id: 'id', postcode: 'postcode', weeklyHours: 'weekly_hours', carers: 'carers_per_visit', waiting: 'waiting', zone: 'current_zone' });
    const bases = readCsv(publicText('templates/provider-bases.csv'));
    expect(guessBaseMapping(bases.headers)).toMatchObject({ id: 'id', name: 'name', postcode: 'postcode', capacityHours: 'capacity_hours', zones: 'zones' });
  });
});

describe('csvCell', () => {
  it('neutralises formula injection with a leading apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}1`).replace(/^"/, '')[0]).toBe("'");
  });

  it('quotes commas, quotes and line breaks, and leaves plain text and numbers alone', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('LN1 1AB')).toBe('LN1 1AB');
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(null)).toBe('');
  });

  it('round-trips through the CSV reader as the (neutralised) text', () => {
    const text = csvText(['id'], [['=1+1'], ['a,"b"']]);
    expect(readCsv(text).rows).toEqual([["'=1+1"], ['a,"b"']]);
  });
});
