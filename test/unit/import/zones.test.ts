import { describe, expect, it } from 'vitest';
import { UNASSIGNED } from '../../../solver/model';
import { readBoundaries } from '../../../src/import/boundaries';
import { readCsv } from '../../../src/import/csv';
import { FALLBACK_FILES, parseCentroids } from '../../../src/import/fallback';
import { loadPostcodeLookup } from '../../../src/import/lookup';
import { PolygonLocator } from '../../../src/import/locate';
import { h3Units } from '../../../src/import/hexUnits';
import { buildPolygonUnits } from '../../../src/import/units';
import type { ServiceUser } from '../../../src/import/users';
import {
  guessZoneListMapping, unitSectorsFromLookup, zonesFromAreaList, zonesFromBoundaries, zonesFromUsers, type UnitSectors,
} from '../../../src/import/zones';
import { fixtureText, publicText, ukText } from './helpers';

describe('zones from a zone boundary file', () => {
  it('puts each unit in the zone holding its representative point and lists the rest', async () => {
    const squares = await readBoundaries({ name: 'zones.geojson', data: fixtureText('squares-wgs84.geojson') });
    const hex = h3Units({ type: 'FeatureCollection', features: squares.features }, 9);
    const z = zonesFromBoundaries(hex.units, squares, { id: 'code', name: 'name' });
    expect(z.zones).toEqual([{ id: 'W1', name: 'West' }, { id: 'E1', name: 'East' }]);
    for (let u = 0; u < hex.units.count; u++) {
      const lon = hex.units.lon[u];
      const lat = hex.units.lat[u];
      const inside = lat > 53.22 && lat < 53.23 && lon > -0.55 && lon < -0.53;
      if (!inside) expect(z.zoneOf[u]).toBe(UNASSIGNED);
      else expect(z.zoneOf[u]).toBe(lon < -0.54 ? 0 : 1);
    }
    expect(z.unassigned.length).toBeGreaterThan(0);
    expect(z.problems.at(-1)!.message).toMatch(new RegExp(`^${z.unassigned.length} of ${hex.units.count} units are in no zone`));
  });
});

describe('zones from a list of postcode sectors', async () => {
  const f = await readBoundaries({ name: 'lsoa.geojson', data: ukText('lincolnshire_lsoa11.geojson') });
  const imported = buildPolygonUnits(f, { id: 'lsoa11cd', name: 'lsoa11nm', ruc: 'ruc11cd' });
  const units = imported.units;
  const table = readCsv('Postcode sectors,Lot,Lot name\n"LN1 1; LN2 1",1,Lincoln\nLN5 0,2,South\nPE21,7,Boston\nXYZ,9,Bad\nLN1 1,3,Clash\n');

  it('guesses the columns', () => {
    expect(guessZoneListMapping(table.headers)).toEqual({ area: 'Postcode sectors', zone: 'Lot', zoneName: 'Lot name' });
  });

  it('assigns units by their postcodes\' sectors and districts, reporting bad and clashing rows', async () => {
    const lookup = await loadPostcodeLookup(ukText('lincolnshire_postcodes_extract.csv'));
    const sectors = unitSectorsFromLookup(lookup, units, new PolygonLocator(imported.geo.features));
    const z = zonesFromAreaList(table, guessZoneListMapping(table.headers), units, sectors);
    const zoneOf = (lsoa: string) => z.zones[z.zoneOf[units.ids.indexOf(lsoa)]]?.id;
    expect(zoneOf('E01026122')).toBe('1'); // holds LN2 1LJ
    expect(zoneOf('E01026196')).toBe('2'); // holds LN5 0PU
    expect(zoneOf('E01026025')).toBe('7'); // Boston town centre, district PE21
    expect(zoneOf('E01026411')).toBeUndefined(); // LN8: not listed
    expect(z.zones.map((x) => x.name)).toEqual(['Lincoln', 'South', 'Boston', 'Bad', 'Clash']);
    expect(z.problems).toContainEqual({ file: 'zones', row: 5, column: 'Postcode sectors', value: 'XYZ', severity: 'error', message: 'Not a postcode sector (e.g. "LN1 1"), postcode district (e.g. "LN1") or unit id' });
    expect(z.problems).toContainEqual(expect.objectContaining({ row: 6, value: 'LN1 1', severity: 'warning', message: 'Already in zone 1; kept there' }));
    expect(z.unassigned.length).toBeGreaterThan(100);
  });

  it('uses the nearest listed sector centre for units holding no known postcodes', () => {
    const empty: UnitSectors = units.ids.map(() => new Map());
    const centres = parseCentroids(publicText(FALLBACK_FILES.sectors));
    const z = zonesFromAreaList(table, guessZoneListMapping(table.headers), units, empty, centres);
    expect(z.unassigned).toEqual([]);
    expect(z.zones[z.zoneOf[units.ids.indexOf('E01026122')]].id).toBe('1');
    expect(z.problems).toContainEqual(expect.objectContaining({ row: null, message: `${units.count} units hold no known postcodes; each took the zone of the nearest listed sector centre` }));
  });

  it('accepts unit ids as areas', () => {
    const t = readCsv('unit,zone\nE01026122,A\n');
    const z = zonesFromAreaList(t, guessZoneListMapping(t.headers), units, units.ids.map(() => new Map()));
    expect(z.zoneOf[units.ids.indexOf('E01026122')]).toBe(0);
    expect(z.unassigned).toHaveLength(units.count - 1);
  });
});

describe('zones from the users\' current zone', () => {
  it('gives each unit the zone most of its users are in', () => {
    const u = (zone: string): ServiceUser => ({ row: 2, id: 'x', postcode: null, lon: 0, lat: 0, weeklyHours: 1, carers: 1, waiting: false, visitsPerWeek: null, bands: null, zone });
    const units = { count: 3, ids: ['a', 'b', 'c'] } as Parameters<typeof zonesFromUsers>[2];
    const z = zonesFromUsers([u('1'), u('2'), u('2'), u('1'), u('')], Int32Array.from([0, 0, 0, 1, 2]), units);
    expect(z.zones.map((x) => x.id)).toEqual(['1', '2']);
    expect([...z.zoneOf]).toEqual([1, 0, UNASSIGNED]);
    expect(z.unassigned).toEqual([2]);
  });
});
