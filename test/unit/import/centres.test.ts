// Rate centres from a CSV: names and coordinates, bad rows reported by row.
import { describe, expect, it } from 'vitest';
import { readCentres } from '../../../src/import/centres';

describe('rate centres CSV', () => {
  it('reads names with latitude/longitude or easting/northing', () => {
    const r = readCentres('Name,Latitude,Longitude,Easting,Northing\nAylsham Surgery,52.7962,1.2547,,\nWells,,,591600,343500\n');
    expect(r.problems).toEqual([]);
    expect(r.centres[0]).toEqual({ name: 'Aylsham Surgery', lon: 1.2547, lat: 52.7962 });
    expect(r.centres[1].name).toBe('Wells');
    expect(r.centres[1].lat).toBeCloseTo(52.95, 1);
  });

  it('reports each row it cannot place, with its spreadsheet row, and keeps the rest', () => {
    const r = readCentres('name,lat,lon\nGood,52.6,1.3\nNowhere,,\nParis,48.85,2.35\n,52.5,1.0\n');
    expect(r.centres.map((c) => c.name)).toEqual(['Good', 'Centre at row 5']);
    expect(r.problems.map((p) => [p.row, p.severity])).toEqual([[3, 'error'], [4, 'error']]);
    expect(r.problems[1].message).toMatch(/not a point in the UK/);
  });

  it('refuses a file without coordinate columns, saying which columns it found', () => {
    const r = readCentres('name,postcode\n<img src=x>,NR1 1AA\n');
    expect(r.centres).toEqual([]);
    expect(r.problems[0].message).toMatch(/No coordinate columns/);
    expect(r.problems[0].value).toBe('name, postcode');
  });
});
