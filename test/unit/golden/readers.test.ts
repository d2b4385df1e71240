// Golden files for the import readers: every file in test/fixtures/golden/<reader>/in/
// is read as the app reads it, and what the reader makes of it (records, problems by
// row and column, or the refusal) must equal out/<name>.json. A change to a reader's
// output shows as a diff of out/ (UPDATE_GOLDEN=1 rewrites it; see test/support/golden.ts).
import { describe, it } from 'vitest';
import { parseBases } from '../../../src/import/bases';
import { readBoundaries } from '../../../src/import/boundaries';
import { guessBaseMapping, guessUserMapping, readCsv, type CsvTable } from '../../../src/import/csv';
import { decodeText } from '../../../src/import/encoding';
import { loadPostcodeLookup, postcodeEntry } from '../../../src/import/lookup';
import { PolygonLocator } from '../../../src/import/locate';
import { buildPolygonUnits, guessUnitFields } from '../../../src/import/units';
import { parseUsers, type ParsedRows } from '../../../src/import/users';
import { guessZoneListMapping, unitSectorsFromLookup, zonesFromAreaList } from '../../../src/import/zones';
import { asUnit, neighboursOf } from '../../../solver/model';
import { expectGolden, expectNoStaleGolden, goldenInputs, type GoldenInput } from '../../support/golden';
import { ukText } from '../import/helpers';

/** Runs `read` on every input of `suite`, and checks out/ holds nothing else. */
function goldenSuite(suite: string, read: (input: GoldenInput) => Promise<unknown> | unknown) {
  describe(suite, () => {
    const inputs = goldenInputs(suite);
    it.each(inputs.map((i) => [i.file, i] as const))('%s', async (_file, input) => {
      expectGolden(suite, `${input.file}.json`, await outcome(() => read(input)));
    });
    it('has no output left from a removed input', () => {
      expectNoStaleGolden(suite, inputs.map((i) => `${i.file}.json`));
    });
  });
}

/** What a reader returned, or the message it refused the file with. */
async function outcome(read: () => Promise<unknown> | unknown): Promise<unknown> {
  try {
    return await read();
  } catch (e) {
    return { refused: { error: (e as Error).name, message: (e as Error).message, ...fieldsOf(e) } };
  }
}

const fieldsOf = (e: unknown) => Object.fromEntries(Object.entries(e as object).filter(([k]) => k !== 'stack' && k !== 'name'));

/** A CSV as the import dialog reads it: bytes decoded (encoding noted), then split into rows. */
function table(input: GoldenInput): { encoding: string; note: string | null; table: CsvTable } {
  const decoded = decodeText(input.bytes());
  return { encoding: decoded.encoding, note: decoded.note, table: readCsv(decoded.text) };
}

const rowsOutput = <T>(t: ReturnType<typeof table>, mapping: unknown, parsed: ParsedRows<T>) => ({
  encoding: t.encoding,
  encodingNote: t.note,
  headers: t.table.headers,
  delimiter: t.table.delimiter,
  mapping,
  rowsRead: parsed.rowsRead,
  records: parsed.records,
  problems: parsed.problems,
  rejectedHours: parsed.rejectedHours,
});

goldenSuite('users-csv', (input) => {
  const t = table(input);
  const mapping = guessUserMapping(t.table.headers);
  return rowsOutput(t, mapping, parseUsers(t.table, mapping));
});

goldenSuite('bases-csv', (input) => {
  const t = table(input);
  const mapping = guessBaseMapping(t.table.headers);
  return rowsOutput(t, mapping, parseBases(t.table, mapping));
});

goldenSuite('lookup', async (input) => {
  const lookup = await loadPostcodeLookup(input.text());
  return {
    count: lookup.count,
    entries: Array.from({ length: lookup.count }, (_, i) => postcodeEntry(lookup, i)),
  };
});

goldenSuite('boundaries', async (input) => {
  const file = await readBoundaries({ name: input.file, data: input.bytes() });
  const fields = guessUnitFields(file);
  const built = buildPolygonUnits(file, fields, input.file);
  const u = built.units;
  return {
    crs: file.crs,
    layers: file.layers,
    layer: file.layer,
    propertyNames: file.propertyNames,
    featureNumbers: file.featureNumbers,
    fileProblems: file.problems,
    fields,
    unitProblems: built.problems,
    units: u.ids.map((id, i) => ({
      id,
      name: u.names[i],
      point: [u.lon[i], u.lat[i]],
      areaKm2: u.areaKm2[i],
      perimeterKm: u.perimeterKm[i],
      rurality: u.rurality[i],
      ruc: u.ruc[i],
      neighbours: [...neighboursOf(u.adjacency, asUnit(i))].map((v) => u.ids[v]),
      geometry: built.geo.features[i].geometry,
    })),
  };
});

// Zone lists are read against the real Lincolnshire LSOAs and postcodes (test/fixtures/uk).
const lincolnshire = (async () => {
  const file = await readBoundaries({ name: 'lsoa.geojson', data: ukText('lincolnshire_lsoa11.geojson') });
  const imported = buildPolygonUnits(file, { id: 'lsoa11cd', name: 'lsoa11nm', ruc: 'ruc11cd' });
  const lookup = await loadPostcodeLookup(ukText('lincolnshire_postcodes_extract.csv'));
  return { units: imported.units, sectors: unitSectorsFromLookup(lookup, imported.units, new PolygonLocator(imported.geo.features)) };
})();

goldenSuite('zone-list', async (input) => {
  const { units, sectors } = await lincolnshire;
  const t = table(input);
  const mapping = guessZoneListMapping(t.table.headers);
  const z = zonesFromAreaList(t.table, mapping, units, sectors);
  return {
    mapping,
    zones: z.zones,
    unitsByZone: Object.fromEntries(z.zones.map((zone, k) => [zone.id, units.ids.filter((_, u) => z.zoneOf[u] === k)])),
    unassigned: z.unassigned.length,
    problems: z.problems,
  };
});
