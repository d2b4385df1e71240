// Fuzzing the postcode lookup and boundary readers with known faults planted in
// real files (test/support/fuzzFiles.ts): a planted fault never reaches the
// data unremarked, and no good row or feature is lost. FUZZ_RUNS sets the
// size (npm run fuzz).
import fc from 'fast-check';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readBoundaries } from '../../../src/import/boundaries';
import { findPostcode, loadPostcodeLookup, postcodeEntry } from '../../../src/import/lookup';
import { buildPolygonUnits } from '../../../src/import/units';
import { boundaryFiles, featureNumbersOf, judgeBoundaries, judgeLookup, lookupFiles, type BoundaryReading, type FuzzedBoundaries, type LookupReading } from '../../support/fuzzFiles';
import { goldenInputs } from '../../support/golden';
import { ukText } from '../import/helpers';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
/** npm run fuzz's 2,000 runs take minutes on a loaded machine. */
const TIMEOUT = Math.max(60_000, RUNS * 200);

async function readLookup(text: string): Promise<LookupReading | Error> {
  try {
    const l = await loadPostcodeLookup(text, { file: 'lookup.csv' });
    return {
      entry: (postcode) => {
        const i = findPostcode(l, postcode);
        return i < 0 ? null : postcodeEntry(l, i);
      },
      problemRows: new Set(l.problems.map((p) => p.row!)),
    };
  } catch (e) {
    return e as Error;
  }
}

async function readUnits(f: FuzzedBoundaries): Promise<BoundaryReading | Error> {
  try {
    const file = await readBoundaries({ name: 'units.geojson', data: f.text });
    const built = buildPolygonUnits(file, { id: 'lsoa11cd', name: 'lsoa11nm', ruc: 'ruc11cd' }, 'units.geojson');
    const numbers = featureNumbersOf('lsoa11cd', file, built.units.ids);
    return {
      units: built.units.ids.map((id, u) => ({ id, number: numbers[u], geometry: built.geo.features[u].geometry })),
      problems: [...file.problems, ...built.problems],
    };
  } catch (e) {
    return e as Error;
  }
}

describe('fuzzed postcode lookups', () => {
  it('refuse every planted bad coordinate by its row, and keep every good row where it was', async () => {
    await fc.assert(
      fc.asyncProperty(lookupFiles(ukText('lincolnshire_postcodes_extract.csv')), async (f) => {
        const reading = await readLookup(f.text);
        if (reading instanceof Error) expect(reading.message).toMatch(/\w/);
        expect(judgeLookup(f, reading)).toEqual({ wronglyAccepted: [], goodLost: [] });
      }),
      { numRuns: RUNS * 2, seed: 13 },
    );
  }, TIMEOUT);
});

const lsoas = JSON.parse(goldenInputs('geometry-in').find((i) => i.file === 'lincoln-lsoas.geojson')!.text()) as FeatureCollection<Polygon | MultiPolygon>;

describe('fuzzed unit boundary files', () => {
  it('repair with a note or refuse every planted fault by feature, keep no broken or overlapping unit, and lose no good feature', async () => {
    await fc.assert(
      fc.asyncProperty(boundaryFiles(lsoas, 'lsoa11cd'), async (f) => {
        const reading = await readUnits(f);
        if (reading instanceof Error) expect(reading.message).toMatch(/\w/);
        expect(judgeBoundaries(f, reading)).toEqual({ wronglyAccepted: [], goodLost: [] });
      }),
      { numRuns: RUNS, seed: 14 },
    );
  }, TIMEOUT);
});
