// Golden files for the geometry checks on the way in and out. In: each boundary
// file in test/fixtures/golden/geometry-in/in/ (a bow-tie, a loop, holes outside
// or across their outline, overlapping and duplicated units, a T-junction, real
// LSOAs as published and simplified one feature at a time) is read as the
// import reads it; out/<file>.json holds what is repaired (said unit by unit),
// what is refused (with the unit and where), and the units that result. Out:
// units with a zone each (geometry-out/in/), put together unrepaired as an old
// project file holds them; out/ holds the zone GeoJSON and what its check says.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { area, pointOnFeature } from '@turf/turf';
import { emptyDemand } from '../../../solver/model';
import { DEFAULT_SCORE_SETTINGS } from '../../../solver/score';
import { exportData } from '../../../src/export/exportData';
import { zoneOutlineProblems } from '../../../src/export/zoneCheck';
import { zoneFeatureCollection, zoneOutlines } from '../../../src/export/zoneGeojson';
import { readBoundaries } from '../../../src/import/boundaries';
import { buildPolygonUnits, guessUnitFields } from '../../../src/import/units';
import { assembleProject } from '../../../src/model/assembleProject';
import { scenarioFromModel } from '../../../src/model/scenario';
import { expectGolden, expectNoStaleGolden, goldenInputs, type GoldenInput } from '../../support/golden';

const SUITE = 'geometry-in';

async function imported(input: GoldenInput) {
  const file = await readBoundaries({ name: input.file, data: input.text() });
  const fields = guessUnitFields(file);
  return { file, fields, ...buildPolygonUnits(file, fields, input.file) };
}

/** Pairs of units sharing at least one edge. */
function edgeNeighbours(units: { count: number; adjacency: { offsets: Uint32Array; neighbours: Uint32Array; sharedKm: Float64Array } }): number {
  let n = 0;
  const { offsets, neighbours, sharedKm } = units.adjacency;
  for (let u = 0; u < units.count; u++) for (let k = offsets[u]; k < offsets[u + 1]; k++) if (neighbours[k] > u && sharedKm[k] > 0) n++;
  return n;
}

describe(SUITE, () => {
  const inputs = goldenInputs(SUITE);
  it.each(inputs.map((i) => [i.file, i] as const))('%s', async (_file, input) => {
    const r = await imported(input);
    const small = r.units.count <= 6;
    expectGolden(SUITE, `${input.file}.json`, {
      units: r.units.ids,
      problems: r.problems.map((p) => [p.row, p.severity, p.message]),
      unitsSharingEdges: edgeNeighbours(r.units),
      areaKm2: r.geo.features.reduce((s, f) => s + area(f), 0) / 1e6,
      ...(small ? { geometry: r.geo.features.map((f) => f.geometry) } : {}),
    });
  });
  it('has no output left from a removed input', () => {
    expectNoStaleGolden(SUITE, inputs.map((i) => `${i.file}.json`));
  });
});

/** A project of these units as they are, each in the zone its "zone" property names. */
function projectOf(features: Array<Feature<Polygon | MultiPolygon>>, zoneOf: (i: number) => string) {
  const zoneIds = [...new Set(features.map((_, i) => zoneOf(i)))].sort();
  const project = assembleProject({
    name: 'Zones',
    units: features.map((f, i) => {
      const [lon, lat] = pointOnFeature(f).geometry.coordinates;
      return { id: String(f.properties?.id ?? f.properties?.lsoa11cd ?? i), name: '', geometry: f.geometry, lon, lat, rurality: 0, sparse: false, ruc: '', town: -1, sectors: {} };
    }),
    demand: emptyDemand(features.length),
    zones: zoneIds.map((id) => ({ id, name: id })),
    bases: [],
    towns: [],
    plan: { zoneOf: Int32Array.from(features, (_, i) => zoneIds.indexOf(zoneOf(i))) },
    attribution: [],
    syntheticUsers: false,
  });
  const data = exportData(project, scenarioFromModel(project.model, project.plan, 's', 'Zones'), DEFAULT_SCORE_SETTINGS);
  return { data, problems: zoneOutlineProblems(data, zoneOutlines(data).zones) };
}

/** Inputs whose zones are valid without any repair (mixed winding is turned round by the dissolve). */
const VALID_AS_THEY_ARE = ['clean.geojson', 'lincoln-lsoas.geojson', 'lincoln-lsoas-mixed-winding.geojson'];

describe('geometry-out', () => {
  const inputs = goldenInputs('geometry-out');
  const fileOf = (input: GoldenInput) => JSON.parse(input.text()) as FeatureCollection<Polygon | MultiPolygon, { zone: string; id?: string; lsoa11cd?: string }>;

  it.each(inputs.map((i) => [i.file, i] as const))('%s, exported unrepaired', (_file, input) => {
    const fc = fileOf(input);
    const { data, problems } = projectOf(fc.features, (i) => fc.features[i].properties.zone);
    const zones = zoneFeatureCollection(data);
    expectGolden('geometry-out', `${input.file}.json`, {
      problems,
      ...(fc.features.length <= 6 ? { zones: zones.features.map((f) => ({ zone: f.properties.zone_id, area_km2: f.properties.area_km2, geometry: f.geometry })) } : {}),
    });
    expect(problems.length === 0, problems.join(' ')).toBe(VALID_AS_THEY_ARE.includes(input.file));
  });

  it.each(inputs.map((i) => [i.file, i] as const))('%s, exported after the import repairs or refuses its units: valid zones', async (_file, input) => {
    const fc = fileOf(input);
    const file = await readBoundaries({ name: input.file, data: input.text() });
    const imported = buildPolygonUnits(file, guessUnitFields(file), input.file);
    const zoneById = new Map(fc.features.map((f) => [String(f.properties.id ?? f.properties.lsoa11cd), f.properties.zone]));
    const { problems } = projectOf(imported.geo.features, (i) => zoneById.get(imported.units.ids[i])!);
    expect(problems).toEqual([]);
  });

  it('has no output left from a removed input', () => {
    expectNoStaleGolden('geometry-out', inputs.map((i) => `${i.file}.json`));
  });
});
