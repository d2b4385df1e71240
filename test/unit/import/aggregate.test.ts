import { describe, expect, it } from 'vitest';
import { Rurality } from '../../../solver/model';
import { aggregate, RuralitySource } from '../../../src/import/aggregate';
import { readBoundaries } from '../../../src/import/boundaries';
import { geocode } from '../../../src/import/geocode';
import { loadPostcodeLookup } from '../../../src/import/lookup';
import { H3Locator, PolygonLocator } from '../../../src/import/locate';
import { h3Units } from '../../../src/import/hexUnits';
import { buildPolygonUnits } from '../../../src/import/units';
import type { ServiceUser } from '../../../src/import/users';
import { unitSectorsFromLookup } from '../../../src/import/zones';
import { fixtureText } from './helpers';

const user = (row: number, lon: number, lat: number, hours: number, extra: Partial<ServiceUser> = {}): ServiceUser => ({
  row, id: `U${row}`, postcode: null, lon, lat, weeklyHours: hours, carers: 1, waiting: false, visitsPerWeek: null, bands: null, zone: '', ...extra,
});

async function squares() {
  const f = await readBoundaries({ name: 's.geojson', data: fixtureText('squares-wgs84.geojson') });
  return buildPolygonUnits(f, { id: 'code', name: 'name', ruc: 'ruc11cd' });
}

describe('aggregate', () => {
  it('sums users, hours, double-handed and waiting hours per unit', async () => {
    const imported = await squares();
    const users = [
      user(2, -0.545, 53.225, 10, { carers: 2 }),
      user(3, -0.545, 53.226, 5, { waiting: true }),
      user(4, -0.535, 53.225, 7, { carers: 2, waiting: true }),
    ];
    const geocoded = geocode(users, {}, 'service users');
    const a = aggregate({ units: imported.units, rucKnown: imported.rucKnown, locator: new PolygonLocator(imported.geo.features), users, geocoded });
    expect([...a.unitOfUser]).toEqual([0, 0, 1]);
    expect([...a.demand.users]).toEqual([2, 1]);
    expect([...a.demand.hours]).toEqual([15, 7]);
    expect([...a.demand.doubleHandedHours]).toEqual([10, 7]);
    expect([...a.demand.waitingUsers]).toEqual([1, 1]);
    expect([...a.demand.waitingHours]).toEqual([5, 7]);
    expect(a.problems).toEqual([]);
  });

  it('reports users outside every unit and snaps those just outside', async () => {
    const imported = await squares();
    const users = [user(2, -0.5, 53.5, 3), user(3, -0.5295, 53.225, 4)];
    const a = aggregate({ units: imported.units, rucKnown: imported.rucKnown, locator: new PolygonLocator(imported.geo.features), users, geocoded: geocode(users, {}, 'service users') });
    expect([...a.unitOfUser]).toEqual([-1, 1]);
    expect([...a.snapped]).toEqual([0, 1]);
    expect(a.problems).toMatchObject([
      { row: 2, severity: 'error', message: 'Outside every unit (not in the area being zoned)' },
      { row: 3, severity: 'warning', message: expect.stringMatching(/^Just outside every unit; counted in the nearest, E1 \(0\.03 km away\)$/) },
    ]);
  });

  it('takes rurality from the unit RUC11, else the users\' postcode RUC11, else density', async () => {
    const imported = await squares();
    const users = [user(2, -0.535, 53.225, 1), user(3, -0.535, 53.226, 1)];
    const geocoded = { ...geocode(users, {}, 'service users'), ruc: ['D2', 'D2'] };
    const a = aggregate({ units: imported.units, rucKnown: imported.rucKnown, locator: new PolygonLocator(imported.geo.features), users, geocoded });
    expect([...a.ruralitySource]).toEqual([RuralitySource.UnitRuc, RuralitySource.PostcodeRuc]);
    expect([...a.units.rurality]).toEqual([Rurality.Urban, Rurality.RuralTown]);
    expect([...a.units.sparse]).toEqual([0, 1]);
    expect(a.units.ruc).toEqual(['C1', 'D2']);

    const none = aggregate({ units: imported.units, rucKnown: imported.rucKnown, locator: new PolygonLocator(imported.geo.features), users, geocoded: geocode(users, {}, 'service users') });
    // 2 users on ~0.74 km² = 2.7 users/km²: rural town and fringe under the default rule.
    expect(none.ruralitySource[1]).toBe(RuralitySource.Density);
    expect(none.units.rurality[1]).toBe(Rurality.RuralTown);
    const dense = aggregate({
      units: imported.units, rucKnown: imported.rucKnown, locator: new PolygonLocator(imported.geo.features), users,
      geocoded: geocode(users, {}, 'service users'), densityRule: { urbanUsersPerKm2: 2, ruralTownUsersPerKm2: 1 },
    });
    expect(dense.units.rurality[1]).toBe(Rurality.Urban);
    expect(imported.units.rurality[1]).toBe(Rurality.Urban); // input units untouched
  });

  it('puts users in hexagon units by their H3 cell', async () => {
    const f = await readBoundaries({ name: 's.geojson', data: fixtureText('squares-wgs84.geojson') });
    const hex = h3Units(f.features[0], 8);
    const users = [user(2, -0.545, 53.225, 6)];
    const a = aggregate({ units: hex.units, rucKnown: hex.rucKnown, locator: new H3Locator(hex.units.ids, 8), users, geocoded: geocode(users, {}, 'service users') });
    expect(a.unitOfUser[0]).toBeGreaterThanOrEqual(0);
    expect(a.demand.hours.reduce((x, y) => x + y, 0)).toBe(6);
  });
});

describe("a postcode lookup's LSOA code", () => {
  // Both postcodes lie in the west square; the lookup says the first is in E1 (the east one),
  // as the ONS found it on boundaries finer than the unit file's. The second names no unit.
  const lookupText = 'postcode,latitude,longitude,lsoa11cd\nLN1 1AA,53.225,-0.545,E1\nLN1 1AB,53.225,-0.545,E01999999\n';

  it('places a user in the unit it names, and by the point when it names none', async () => {
    const imported = await squares();
    const lookup = await loadPostcodeLookup(lookupText);
    const users = [user(2, NaN, NaN, 3, { postcode: 'LN1 1AA', lon: null, lat: null }), user(3, NaN, NaN, 4, { postcode: 'LN1 1AB', lon: null, lat: null })];
    const geocoded = geocode(users, { lookup }, 'service users');
    expect(geocoded.lsoa).toEqual(['E1', 'E01999999']);
    const a = aggregate({ units: imported.units, rucKnown: imported.rucKnown, locator: new PolygonLocator(imported.geo.features), users, geocoded });
    expect(imported.units.ids).toEqual(['W1', 'E1']);
    expect([...a.unitOfUser]).toEqual([1, 0]);
    expect(a.byLookupLsoa).toBe(1);
    expect(a.problems).toEqual([]);
  });

  it('counts a lookup postcode in the unit it names when counting sectors per unit', async () => {
    const imported = await squares();
    const sectors = unitSectorsFromLookup(await loadPostcodeLookup(lookupText), imported.units, new PolygonLocator(imported.geo.features));
    expect(sectors.map((m) => Object.fromEntries(m))).toEqual([{ 'LN1 1': 1 }, { 'LN1 1': 1 }]);
  });
});
