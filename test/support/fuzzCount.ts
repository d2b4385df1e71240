// Counts what the lookup and boundary readers of a checkout let through, on the
// fuzzed files of fuzzFiles.ts (the same seeds as test/unit/trust/fuzzReaders):
//   npx tsx test/support/fuzzCount.ts [<checkout root>] [boundary files]
// An older checkout needs this repository's node_modules linked in. The counts
// are in docs/measurements/fuzz.md. The readers of another checkout have their own types, hence `any`.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { boundaryFiles, featureNumbersOf, judgeBoundaries, judgeLookup, lookupFiles, type BoundaryReading, type LookupReading } from './fuzzFiles';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(process.argv[2] ?? join(here, '../..'));
const runs = Number(process.argv[3] ?? 500);
const lookupModule: any = await import(join(root, 'src/import/lookup.ts'));
const boundariesModule: any = await import(join(root, 'src/import/boundaries.ts'));
const unitsModule: any = await import(join(root, 'src/import/units.ts'));
const extract = readFileSync(join(here, '../fixtures/uk/lincolnshire_postcodes_extract.csv'), 'utf8');
const lsoas = JSON.parse(readFileSync(join(here, '../fixtures/golden/geometry-in/in/lincoln-lsoas.geojson'), 'utf8'));

interface Tally { files: number; wronglyAccepted: number; goodLost: number; goodRefused: number; refusedWhole: number; planted: Record<string, [planted: number, through: number]>; outcomes: Record<string, number> }
const tally = (): Tally => ({ files: 0, wronglyAccepted: 0, goodLost: 0, goodRefused: 0, refusedWhole: 0, planted: {}, outcomes: {} });
const bump = (o: Record<string, number>, k: string) => (o[k] = (o[k] ?? 0) + 1);

const lookup = tally();
for (const f of fc.sample(lookupFiles(extract), { numRuns: runs * 2, seed: 13 })) {
  let reading: LookupReading | Error;
  try {
    const l = await lookupModule.loadPostcodeLookup(f.text, { file: 'lookup.csv' });
    reading = {
      entry: (postcode) => {
        const i = lookupModule.findPostcode(l, postcode);
        return i < 0 ? null : lookupModule.postcodeEntry(l, i);
      },
      problemRows: new Set((l.problems ?? []).map((p: { row: number }) => p.row)),
    };
  } catch (e) {
    reading = e as Error;
    lookup.refusedWhole++;
  }
  const v = judgeLookup(f, reading);
  lookup.files++;
  if (v.wronglyAccepted.length > 0) lookup.wronglyAccepted++;
  if (v.goodLost.length > 0) lookup.goodLost++;
  for (const w of v.wronglyAccepted) {
    bump(lookup.outcomes, /outside the UK/.test(w) ? 'placed outside the UK' : /kept at/.test(w) ? 'placed in the UK from a value that is not a coordinate' : /no location/.test(w) ? 'kept as "no location", no message' : 'left out, no message');
  }
  for (const b of f.bad) {
    const t = (lookup.planted[`${b.column} ${JSON.stringify(b.value)}`] ??= [0, 0]);
    t[0]++;
    if (v.wronglyAccepted.some((w) => w.startsWith(`row ${b.row} `))) t[1]++;
  }
}

const boundaries = tally();
for (const f of fc.sample(boundaryFiles(lsoas, 'lsoa11cd'), { numRuns: runs, seed: 14 })) {
  let reading: BoundaryReading | Error;
  try {
    const file = await boundariesModule.readBoundaries({ name: 'units.geojson', data: f.text });
    const built = unitsModule.buildPolygonUnits(file, { id: 'lsoa11cd', name: 'lsoa11nm', ruc: 'ruc11cd' }, 'units.geojson');
    const numbers = featureNumbersOf('lsoa11cd', file, built.units.ids);
    reading = {
      units: built.units.ids.map((id: string, u: number) => ({ id, number: numbers[u], geometry: built.geo.features[u].geometry })),
      problems: [...file.problems, ...built.problems],
    };
  } catch (e) {
    reading = e as Error;
    boundaries.refusedWhole++;
  }
  const v = judgeBoundaries(f, reading);
  boundaries.files++;
  // Good features left out with a message (say, the neighbours of a unit drawn over them), counted apart.
  if (!(reading instanceof Error)) {
    const kept = new Set(reading.units.map((u) => u.number));
    boundaries.goodRefused += [...f.good.keys()].filter((n) => !kept.has(n)).length;
  }
  if (v.wronglyAccepted.length > 0) boundaries.wronglyAccepted++;
  if (v.goodLost.length > 0) boundaries.goodLost++;
  for (const w of v.wronglyAccepted) bump(boundaries.outcomes, w.replace(/^feature \d+ (\([^)]*\) )?/, '').replace(/unit E\d+(-copy)?/g, 'unit').replace(/\[.*\]/, '[…]').replace(/ \(\d+ m²\)/, ''));
  for (const b of f.bad) {
    const t = (boundaries.planted[b.fault] ??= [0, 0]);
    t[0]++;
    if (v.wronglyAccepted.some((w) => w.startsWith(`feature ${b.number} `))) t[1]++;
  }
}
console.log(JSON.stringify({ root, lookup, boundaries }, null, 1));
