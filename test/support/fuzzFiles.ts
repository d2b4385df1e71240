// Fuzzed postcode lookups and unit boundary files with known faults planted in
// them, and the judgement of what a reader made of each: a file is "wrongly
// accepted" when a planted fault reaches the data unremarked (a coordinate
// outside the UK kept, a bow-tie or an overlap kept as a unit, a row or
// feature gone without a problem naming it). The judgement looks only at the
// reader's output, so the same generator can be run against older readers to
// count what they let through (the counts are in docs/measurements/fuzz.md).
import fc from 'fast-check';
import { booleanPointInPolygon, intersect, kinks, area, bbox, polygon, featureCollection } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

/** The UK as the readers take it (src/import/bng.ts UK_BOX); kept here so the judge does not trust the code it judges. */
const UK = { lat: [49, 61], lon: [-8.7, 2.1] } as const;
const inUk = (lon: number, lat: number) => lat >= UK.lat[0] && lat <= UK.lat[1] && lon >= UK.lon[0] && lon <= UK.lon[1];

// ---------------------------------------------------------------- lookups

/** A planted row: its postcode, spreadsheet row (header = 1) and what was put where. */
export interface PlantedRow {
  postcode: string;
  row: number;
  column: 'latitude' | 'longitude';
  value: string;
}

export interface FuzzedLookup {
  text: string;
  bad: PlantedRow[];
  good: Array<{ postcode: string; row: number; lat: number; lon: number }>;
}

/** Values that are not a UK latitude / longitude, as spreadsheets and hand edits write them. */
const BAD_LATITUDES = ['1e308', '-1e308', 'Infinity', 'NaN', 'fifty-three', '45.1', '62', '-53.2', '5e9', '', '53.2.1', '0x35', '53,2', '"53.2', '1e-400', '٥٣'];
const BAD_LONGITUDES = ['1e308', '-1e308', '-Infinity', 'NaN', 'west', '-12', '3.5', '181', '', '--0.5', '0x1', '-0,5', '"-0.5', '1e-400e'];

/**
 * Lookup CSVs: the first rows of a real lookup extract (header with latitude and
 * longitude columns) with 1-3 rows given a bad coordinate, written with LF or
 * CRLF, with or without a byte-order mark and quoted good cells.
 */
export function lookupFiles(extract: string, rows = 30): fc.Arbitrary<FuzzedLookup> {
  const lines = extract.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines[0].split(',');
  const latCol = header.findIndex((h) => /^lat(itude)?$/i.test(h));
  const lonCol = header.findIndex((h) => /^(lon|long|longitude)$/i.test(h));
  const body = lines.slice(1, rows + 1).map((l) => l.split(','));
  const plant = fc.record({
    at: fc.nat({ max: body.length - 1 }),
    column: fc.constantFrom('latitude' as const, 'longitude' as const),
    pick: fc.nat(),
  });
  return fc.record({
    plants: fc.uniqueArray(plant, { minLength: 1, maxLength: 3, selector: (p) => p.at }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    quoteGood: fc.boolean(),
  }).map(({ plants, crlf, bom, quoteGood }) => {
    const out = body.map((cells) => [...cells]);
    const bad: PlantedRow[] = [];
    for (const p of plants) {
      const values = p.column === 'latitude' ? BAD_LATITUDES : BAD_LONGITUDES;
      const value = values[p.pick % values.length];
      out[p.at][p.column === 'latitude' ? latCol : lonCol] = value;
      bad.push({ postcode: body[p.at][0], row: p.at + 2, column: p.column, value });
    }
    const badRows = new Set(plants.map((p) => p.at));
    const good = body.flatMap((cells, i) => (badRows.has(i) ? [] : [{ postcode: cells[0], row: i + 2, lat: Number(cells[latCol]), lon: Number(cells[lonCol]) }]));
    if (quoteGood) out.forEach((cells, i) => {
      if (!badRows.has(i)) cells[latCol] = `"${cells[latCol]}"`;
    });
    const eol = crlf ? '\r\n' : '\n';
    const text = (bom ? '\uFEFF' : '') + [header.join(','), ...out.map((c) => c.join(','))].join(eol) + eol;
    return { text, bad, good };
  });
}

/** What a lookup reader gave: each postcode's entry (or null), and the rows its problems name; or the refusal. */
export interface LookupReading {
  entry(postcode: string): { lat: number; lon: number; hasLocation: boolean } | null;
  problemRows: ReadonlySet<number>;
}

export interface Verdict {
  /** Planted faults that reached the data unremarked, one line each. */
  wronglyAccepted: string[];
  /** Good rows or features lost or changed. */
  goodLost: string[];
}

export function judgeLookup(f: FuzzedLookup, reading: LookupReading | Error): Verdict {
  const verdict: Verdict = { wronglyAccepted: [], goodLost: [] };
  if (reading instanceof Error) return verdict; // refusing the whole file loses nothing the user had
  for (const b of f.bad) {
    const e = reading.entry(b.postcode);
    const where = `row ${b.row} ${b.column} ${JSON.stringify(b.value)}`;
    if (e?.hasLocation) verdict.wronglyAccepted.push(`${where}: kept at ${e.lat}, ${e.lon}${inUk(e.lon, e.lat) ? '' : ' (outside the UK)'}`);
    else if (!reading.problemRows.has(b.row)) verdict.wronglyAccepted.push(`${where}: ${e ? 'kept with no location' : 'left out'} with no problem naming the row`);
  }
  for (const g of f.good) {
    const e = reading.entry(g.postcode);
    if (!e?.hasLocation || Math.abs(e.lat - g.lat) > 1e-4 || Math.abs(e.lon - g.lon) > 1e-4) verdict.goodLost.push(`row ${g.row} ${g.postcode}`);
  }
  return verdict;
}

// ---------------------------------------------------------------- boundaries

export type BoundaryFault =
  | 'bow-tie' | 'swapped-vertex' | 'huge-coordinate' | 'text-coordinate' | 'null-coordinate' | 'hole-outside'
  | 'duplicate' | 'shifted' | 'unclosed' | 'three-positions' | 'no-geometry' | 'line-string' | 'no-id' | 'repeated-id';

export const BOUNDARY_FAULTS: readonly BoundaryFault[] = [
  'bow-tie', 'swapped-vertex', 'huge-coordinate', 'text-coordinate', 'null-coordinate', 'hole-outside',
  'duplicate', 'shifted', 'unclosed', 'three-positions', 'no-geometry', 'line-string', 'no-id', 'repeated-id',
];

export interface FuzzedBoundaries {
  text: string;
  /** 1-based feature numbers in the file of the features given a fault, with the fault. */
  bad: Array<{ number: number; fault: BoundaryFault }>;
  /** Feature number -> unit id of the untouched features. */
  good: Map<number, string>;
}

type AnyFeature = { type: string; properties: Record<string, unknown> | null; geometry: unknown };

/** The outer ring of a feature's (first) polygon. */
const outerRing = (g: Polygon | MultiPolygon): Position[] => (g.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0][0]);

/** The ring with vertices i and i+1 swapped, if that makes it cross itself; else null. */
function bowTie(ring: Position[], start: number): Position[][] | null {
  const n = ring.length - 1;
  for (let k = 0; k < n - 1; k++) {
    const i = 1 + ((start + k) % (n - 2));
    const r = ring.slice(0, n);
    [r[i], r[i + 1]] = [r[i + 1], r[i]];
    r.push(r[0]);
    if (kinks(polygon([r])).features.length > 0) return [r];
  }
  return null;
}

/** A fault put into feature f (a deep copy); `earlier` is a feature before it in the file. Null when the fault cannot be made on it. */
function withFault(f: Feature<Polygon | MultiPolygon>, fault: BoundaryFault, earlier: AnyFeature | null, idProperty: string, pick: number, middle: number[]): AnyFeature[] | null {
  const g = structuredClone(f.geometry);
  const ring = outerRing(g);
  const set = (rings: Position[][]) => ({ ...f, properties: { ...f.properties }, geometry: { type: 'Polygon', coordinates: rings } as unknown });
  const [w, s, e, n] = bbox(f);
  const v = 1 + (pick % (ring.length - 2));
  switch (fault) {
    case 'bow-tie': {
      const r = bowTie(ring, pick);
      return r ? [set(r)] : null;
    }
    case 'swapped-vertex':
      ring[v] = [ring[v][1], ring[v][0]];
      return [{ ...f, geometry: g }];
    case 'huge-coordinate':
      ring[v] = [1e308, ring[v][1]];
      return [{ ...f, geometry: g }];
    case 'text-coordinate':
      ring[v] = [String(ring[v][0]) as unknown as number, ring[v][1]];
      return [{ ...f, geometry: g }];
    case 'null-coordinate':
      ring[v] = [null as unknown as number, ring[v][1]];
      return [{ ...f, geometry: g }];
    case 'hole-outside': {
      const d = (e - w) / 10;
      const x = e + d;
      const y = (s + n) / 2;
      const hole = [[x, y], [x, y + d], [x + d, y + d], [x + d, y], [x, y]];
      return [set([outerRing(f.geometry), hole])];
    }
    case 'duplicate':
      return [f, { ...f, properties: { ...f.properties, [idProperty]: `${f.properties?.[idProperty]}-copy` } }];
    case 'shifted': {
      // Towards the middle of the file, so it lands on its neighbours (an edge unit moved outwards overlaps nothing: that is no fault).
      const [cx, cy] = [(middle[0] + middle[2]) / 2, (middle[1] + middle[3]) / 2];
      const dx = (e - w) * 0.3 * Math.sign(cx - (w + e) / 2);
      const dy = (n - s) * 0.3 * Math.sign(cy - (s + n) / 2);
      return [set([outerRing(f.geometry).map(([x, y]) => [x + dx, y + dy])])];
    }
    case 'unclosed':
      return [set([ring.slice(0, -1)])];
    case 'three-positions':
      return [set([ring.slice(0, 2).concat([ring[0]])])];
    case 'no-geometry':
      return [{ ...f, geometry: null }];
    case 'line-string':
      return [{ ...f, geometry: { type: 'LineString', coordinates: ring } }];
    case 'no-id': {
      const { [idProperty]: _, ...rest } = f.properties ?? {};
      return [{ ...f, properties: rest }];
    }
    case 'repeated-id':
      return earlier ? [{ ...f, properties: { ...f.properties, [idProperty]: earlier.properties?.[idProperty] } }] : null;
  }
}

/**
 * Boundary GeoJSON files: real unit polygons that tile (e.g. published LSOAs)
 * with 1-2 features given a fault each. The file's feature numbers follow the
 * output order (a duplicated feature is written right after its original).
 */
export function boundaryFiles(units: FeatureCollection<Polygon | MultiPolygon>, idProperty: string): fc.Arbitrary<FuzzedBoundaries> {
  const count = units.features.length;
  const box = bbox(units);
  const plant = fc.record({ at: fc.nat({ max: count - 1 }), fault: fc.constantFrom(...BOUNDARY_FAULTS), pick: fc.nat({ max: 1000 }) });
  return fc.uniqueArray(plant, { minLength: 1, maxLength: 2, selector: (p) => p.at }).map((plants) => {
    const byAt = new Map(plants.map((p) => [p.at, p]));
    const out: AnyFeature[] = [];
    const bad: FuzzedBoundaries['bad'] = [];
    const good = new Map<number, string>();
    units.features.forEach((f, at) => {
      const p = byAt.get(at);
      // An untouched feature before this one (a repeat of a refused feature's id is no repeat to the reader).
      const untouched = units.features.slice(0, at).filter((_, k) => !byAt.has(k));
      const earlier = p && untouched.length > 0 ? (untouched[p.pick % untouched.length] as AnyFeature) : null;
      const faulty = p ? withFault(f, p.fault, earlier, idProperty, p.pick, box) : null;
      if (!p || !faulty) {
        out.push(f as AnyFeature);
        good.set(out.length, String(f.properties?.[idProperty]));
        return;
      }
      if (p.fault === 'duplicate') {
        out.push(faulty[0]);
        good.set(out.length, String(f.properties?.[idProperty]));
        out.push(faulty[1]);
        bad.push({ number: out.length, fault: p.fault });
        return;
      }
      out.push(faulty[0]);
      bad.push({ number: out.length, fault: p.fault });
    });
    return { text: JSON.stringify({ type: 'FeatureCollection', features: out }), bad, good };
  });
}

/** What a boundary reader gave: the units kept (id, the feature number they came from, geometry) and its problems (row = feature number); or the refusal. */
export interface BoundaryReading {
  units: Array<{ id: string; number: number; geometry: Polygon | MultiPolygon }>;
  problems: ReadonlyArray<{ row: number | null; message: string }>;
}

/** Whether a problem names the feature: on its row, or as "Feature N" in a message about another. */
const names = (problems: BoundaryReading['problems'], number: number) =>
  problems.some((p) => p.row === number || new RegExp(`\\bFeature ${number}\\b`).test(p.message));

/** What is wrong with a kept unit's geometry, or null: coordinates not finite or not in the UK, rings open or short, outlines crossing, holes outside. */
export function geometryFault(g: Polygon | MultiPolygon): string | null {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const rings of polygons) {
    for (const r of rings) {
      if (r.length < 4) return 'a ring of fewer than 4 positions';
      for (const p of r) if (!(Number.isFinite(p[0]) && Number.isFinite(p[1]) && inUk(p[0], p[1]))) return `position ${JSON.stringify(p)} not in the UK`;
      const [a, b] = [r[0], r[r.length - 1]];
      if (a[0] !== b[0] || a[1] !== b[1]) return 'a ring not closed';
    }
    if (kinks(polygon([rings[0]])).features.length > 0) return 'its outline crosses itself';
    for (const hole of rings.slice(1)) {
      if (kinks(polygon([hole])).features.length > 0) return 'a hole crosses itself';
      if (!hole.slice(0, -1).every((p) => booleanPointInPolygon(p, polygon([rings[0]]), { ignoreBoundary: false }))) return 'a hole outside its outline';
    }
  }
  return null;
}

/**
 * The feature number each kept unit came from: the first feature the reader kept
 * (after its own checks) with the unit's id; later ones repeat it.
 */
export function featureNumbersOf(idProperty: string, read: { features: Array<{ properties: Record<string, unknown> | null }>; featureNumbers: number[] }, unitIds: readonly string[]): number[] {
  const first = new Map<string, number>();
  read.features.forEach((feature, k) => {
    const id = String(feature.properties?.[idProperty] ?? '').trim();
    if (!first.has(id)) first.set(id, read.featureNumbers[k]);
  });
  return unitIds.map((id) => first.get(id) ?? 0);
}

export function judgeBoundaries(f: FuzzedBoundaries, reading: BoundaryReading | Error, overlapShare = 0.005): Verdict {
  const verdict: Verdict = { wronglyAccepted: [], goodLost: [] };
  if (reading instanceof Error) return verdict;
  const kept = new Map(reading.units.map((u) => [u.number, u]));
  const faultOf = new Map(f.bad.map((b) => [b.number, b.fault]));
  const label = (number: number) => `feature ${number}${faultOf.has(number) ? ` (${faultOf.get(number)})` : ''}`;
  for (const b of f.bad) {
    if (!names(reading.problems, b.number)) verdict.wronglyAccepted.push(`${label(b.number)}: ${kept.has(b.number) ? 'kept' : 'left out'} with no problem naming it`);
  }
  for (const u of reading.units) {
    const fault = geometryFault(u.geometry);
    if (fault) verdict.wronglyAccepted.push(`${label(u.number)} kept as unit ${u.id}: ${fault}`);
  }
  // Units sharing ground: only between geometries that are otherwise sound (turf's clipping needs that).
  const sound = reading.units.filter((u) => !geometryFault(u.geometry)).map((u) => ({ ...u, box: bbox(u.geometry), area: area(u.geometry) }));
  for (let i = 0; i < sound.length; i++) {
    for (let j = i + 1; j < sound.length; j++) {
      const [a, b] = [sound[i], sound[j]];
      if (a.box[0] > b.box[2] || b.box[0] > a.box[2] || a.box[1] > b.box[3] || b.box[1] > a.box[3]) continue;
      const both = intersect(featureCollection([{ type: 'Feature', properties: {}, geometry: a.geometry }, { type: 'Feature', properties: {}, geometry: b.geometry }]));
      const shared = both ? area(both) : 0;
      if (shared > overlapShare * Math.min(a.area, b.area) && !names(reading.problems, a.number) && !names(reading.problems, b.number)) {
        const named = faultOf.has(a.number) ? a : b;
        verdict.wronglyAccepted.push(`${label(named.number)} kept as unit ${named.id}: overlaps unit ${named === a ? b.id : a.id} (${Math.round(shared)} m²)`);
      }
    }
  }
  for (const [number, id] of f.good) {
    if (!kept.has(number) && !names(reading.problems, number)) verdict.goodLost.push(`feature ${number} (${id}) left out with no problem naming it`);
  }
  return verdict;
}
