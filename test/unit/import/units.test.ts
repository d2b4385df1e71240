import { describe, expect, it } from 'vitest';
import { allUnits, asUnit, neighboursOf, Rurality } from '../../../solver/model';
import { haversineMetres } from '../../../solver/travel';
import { readBoundaries } from '../../../src/import/boundaries';
import { h3ResolutionOptions, h3Units } from '../../../src/import/hexUnits';
import { buildPolygonUnits, guessUnitFields } from '../../../src/import/units';
import { fixtureBytes, fixtureText } from './helpers';

const sharedKm = (units: ReturnType<typeof buildPolygonUnits>['units'], u: number, v: number) => {
  const k = [...neighboursOf(units.adjacency, asUnit(u))].indexOf(asUnit(v));
  return k < 0 ? null : units.adjacency.sharedKm[units.adjacency.offsets[u] + k];
};

describe('reading boundary files', () => {
  it('reads WGS84 GeoJSON as it is', async () => {
    const f = await readBoundaries({ name: 'squares.geojson', data: fixtureText('squares-wgs84.geojson') });
    expect(f.crs).toBe('WGS84');
    expect(f.problems).toEqual([]);
    expect(f.propertyNames).toEqual(['code', 'name', 'ruc11cd']);
    expect(f.features[0].geometry.coordinates[0][0]).toEqual([-0.55, 53.22]);
  });

  it('reprojects British National Grid GeoJSON (crs member) to WGS84', async () => {
    const f = await readBoundaries({ name: 'squares-bng.geojson', data: fixtureText('squares-bng.geojson') });
    expect(f.crs).toBe('BNG');
    const [lon, lat] = f.features[0].geometry.coordinates[0][0] as number[];
    expect(lat).toBeCloseTo(53.2272, 3);
    expect(lon).toBeCloseTo(-0.5483, 3);
  });

  it('detects BNG from coordinate ranges alone, within 10 m of published lat/long', async () => {
    // LN1 district mean point: 494194 E, 374578 N = 53.25985 N, 0.58939 W (uk_postcode_districts.csv, OS Code-Point Open 2014).
    const ring = [[494194, 374578], [495000, 374578], [495000, 375000], [494194, 374578]];
    const f = await readBoundaries({ name: 'x.geojson', data: JSON.stringify({ type: 'Polygon', coordinates: [ring] }) });
    expect(f.crs).toBe('BNG');
    const [lon, lat] = f.features[0].geometry.coordinates[0][0] as number[];
    expect(haversineMetres(lon, lat, -0.58939, 53.25985)).toBeLessThan(10);
  });

  it('reads TopoJSON', async () => {
    const f = await readBoundaries({ name: 'squares.topojson', data: fixtureText('squares.topojson') });
    expect(f.layers).toEqual(['squares']);
    expect(f.features).toHaveLength(2);
    expect(f.features[1].properties.code).toBe('E1');
  });

  it('reads a zipped shapefile from an ArrayBuffer, in BNG without a .prj', async () => {
    const bytes = fixtureBytes('squares-shp.zip');
    const f = await readBoundaries({ name: 'squares.zip', data: bytes.slice().buffer as ArrayBuffer });
    expect(f.crs).toBe('BNG');
    expect(f.features.map((x) => x.properties.CODE)).toEqual(['SQ-A', 'SQ-B']);
    expect(f.features[0].geometry.coordinates[0]).toHaveLength(5);
  });

  it('says what is wrong with each invalid feature and where', async () => {
    const f = await readBoundaries({ name: 'invalid.geojson', data: fixtureText('invalid.geojson') });
    expect(f.problems.map((p) => [p.row, p.severity, p.message])).toEqual([
      [2, 'error', 'Feature 2 (index 1): has no geometry'],
      [3, 'error', 'Feature 3 (index 2): geometry type is "Point"; units must be Polygon or MultiPolygon'],
      [4, 'error', 'Feature 4 (index 3): a ring has 3 positions; a polygon ring needs at least 4 (first = last)'],
      [5, 'error', 'Feature 5 (index 4): a position is not [x, y] numbers: [-0.55,"53.22"]'],
      [6, 'error', 'Feature 6 (index 5) is not a GeoJSON Feature (type must be "Feature")'],
      [7, 'warning', 'Feature 7 (index 6): a ring was not closed (first position != last); closed it'],
    ]);
    expect(f.featureNumbers).toEqual([1, 7, 8]);
  });

  it('refuses files that are not boundaries, with a reason', async () => {
    await expect(readBoundaries({ name: 'a.geojson', data: '{"type": "Feature"' })).rejects.toThrow(/not valid JSON/);
    await expect(readBoundaries({ name: 'a.geojson', data: '{"type": "LineString", "coordinates": []}' })).rejects.toThrow(/expected a GeoJSON FeatureCollection/);
    const swapped = JSON.stringify({ type: 'Polygon', coordinates: [[[53.22, -0.55], [53.22, -0.54], [53.23, -0.54], [53.22, -0.55]]] });
    await expect(readBoundaries({ name: 'a.geojson', data: swapped })).rejects.toThrow(/longitude first/);
    const metres = JSON.stringify({ type: 'Polygon', coordinates: [[[-5e6, 1], [2, 1], [2, 2], [-5e6, 1]]] });
    await expect(readBoundaries({ name: 'a.geojson', data: metres })).rejects.toThrow(/neither longitude\/latitude/);
  });
});

describe('polygon units', () => {
  it('guesses id, name and rurality properties', async () => {
    const f = await readBoundaries({ name: 'b.geojson', data: fixtureText('squares-bng.geojson') });
    expect(guessUnitFields(f)).toEqual({ id: 'lsoa11cd', name: 'lsoa11nm', ruc: 'ruc11cd' });
  });

  it('builds units with areas, perimeters, shared borders and RUC11 rurality', async () => {
    const f = await readBoundaries({ name: 'b.geojson', data: fixtureText('squares-bng.geojson') });
    const { units, geo, rucKnown, problems } = buildPolygonUnits(f, guessUnitFields(f));
    expect(problems).toEqual([]);
    expect(units.ids).toEqual(['SQ-A', 'SQ-B']);
    expect(units.names).toEqual(['Square A', 'Square B']);
    // 1 km BNG squares: the grid scale near Lincoln is within 0.2% of true.
    for (let u = 0; u < 2; u++) {
      expect(units.areaKm2[u]).toBeGreaterThan(0.99);
      expect(units.areaKm2[u]).toBeLessThan(1.01);
      expect(units.perimeterKm[u]).toBeCloseTo(4, 1);
    }
    expect(sharedKm(units, 0, 1)).toBeCloseTo(1, 1);
    expect(sharedKm(units, 1, 0)).toBeCloseTo(1, 1);
    expect([...units.rurality]).toEqual([Rurality.Urban, Rurality.RuralVillage]);
    expect([...units.sparse]).toEqual([0, 1]);
    expect([...rucKnown]).toEqual([1, 1]);
    expect(geo.features.map((x) => x.id)).toEqual([0, 1]);
    // Representative points lie inside their squares.
    expect(units.lon[0]).toBeLessThan(units.lon[1]);
  });

  it('rejects features with a missing or repeated id, naming the feature and property', async () => {
    const f = await readBoundaries({ name: 'invalid.geojson', data: fixtureText('invalid.geojson') });
    const json = { ...f, features: [...f.features, f.features[0]], featureNumbers: [...f.featureNumbers, 9] };
    const { units, problems } = buildPolygonUnits(json, { id: 'id', name: null, ruc: null });
    // "open-ring" is the same square as "ok": the later one is refused as overlapping (test/unit/import/unitGeometry.test.ts).
    expect(units.ids).toEqual(['ok']);
    expect(problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [8, 'id', 'Feature 8 (index 7) has no value for the id property "id"'],
      [9, 'id', 'Feature 9 (index 8) repeats unit id "ok" of feature 1'],
      [7, 'id', expect.stringMatching(/^Feature 7 \("open-ring"\): overlaps Feature 1 \("ok"\) \(0\.74 km² of ground in both\)/)],
    ]);
  });

  it('leaves rurality to density when the RUC11 value is missing or not a code', async () => {
    const f = await readBoundaries({ name: 's.geojson', data: fixtureText('squares-wgs84.geojson') });
    f.features[0].properties.ruc11cd = 'rural-ish';
    const { rucKnown, problems } = buildPolygonUnits(f, { id: 'code', name: 'name', ruc: 'ruc11cd' });
    expect([...rucKnown]).toEqual([0, 0]);
    expect(problems).toMatchObject([{ row: 1, column: 'ruc11cd', value: 'rural-ish', severity: 'warning' }]);
  });
});

describe('hexagon units', () => {
  it('offers resolutions with their cell areas', () => {
    const options = h3ResolutionOptions(5_900);
    expect(options.map((o) => o.resolution)).toEqual([5, 6, 7, 8, 9]);
    expect(options[2].cellAreaKm2).toBeCloseTo(5.16, 1);
    expect(options[2].estimatedCells).toBe(Math.ceil(5_900 / options[2].cellAreaKm2));
  });

  it('covers a boundary with H3 cells that neighbour along shared edges', async () => {
    const f = await readBoundaries({ name: 's.geojson', data: fixtureText('squares-wgs84.geojson') });
    const { units, geo, borders, h3Resolution } = h3Units({ type: 'FeatureCollection', features: f.features }, 8);
    expect(h3Resolution).toBe(8);
    expect(units.count).toBeGreaterThan(2 * 1.4 / 0.74);
    expect(geo.features).toHaveLength(units.count);
    // Symmetric adjacency, shared lengths equal to the cell edge (~0.53 km at res 8).
    for (const u of allUnits(units.count)) {
      for (const v of neighboursOf(units.adjacency, u)) {
        expect([...neighboursOf(units.adjacency, v)]).toContain(u);
        expect(sharedKm(units, u, v)).toBeGreaterThan(0.4);
        expect(sharedKm(units, u, v)).toBeLessThan(0.7);
      }
      expect(units.perimeterKm[u]).toBeGreaterThan(6 * 0.4);
    }
    // Total cell area covers the two ~0.74 km² squares at least.
    expect(units.areaKm2.reduce((a, b) => a + b, 0)).toBeGreaterThan(1.48);
    expect(borders.some((b) => b.b === -1)).toBe(true);
  });

  it('refuses a resolution that would give too many cells', () => {
    const big = { type: 'Polygon' as const, coordinates: [[[-1, 52], [0.5, 52], [0.5, 53.5], [-1, 53.5], [-1, 52]]] };
    expect(() => h3Units(big, 11)).toThrow(/coarser/);
  });
});
