// Import benchmark: a 1,000,000-row ONSPD-shaped postcode lookup streamed from
// a temp file, and 100,000 service users parsed, geocoded and aggregated to
// 10,000 polygon units. Targets: lookup >= 200,000 rows/s, users < 3 s.
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, Polygon } from 'geojson';
import { medianMs, type Bench } from './harness';
import type { BoundaryFile } from '../src/import/boundaries';
import { loadPostcodeLookup, type PostcodeLookup } from '../src/import/lookup';
import { PolygonLocator } from '../src/import/locate';
import { importServiceUsers } from '../src/import/pipeline';
import { postcodeFromKey } from '../src/import/postcodes';
import { buildPolygonUnits } from '../src/import/units';

const LOOKUP_ROWS = 1_000_000;
const USERS = 100_000;
const GRID = 100; // 100 x 100 = 10,000 units
const BOX = { west: -1.0, east: 0.4, south: 52.6, north: 53.6 };

// The ONSPD column list (Feb 2024 layout, 52 columns).
const HEADER = 'pcd,pcd2,pcds,dointr,doterm,oscty,ced,oslaua,osward,parish,usertype,oseast1m,osnrth1m,osgrdind,oshlthau,nhser,ctry,rgn,streg,pcon,eer,teclec,ttwa,pct,itl,statsward,oa01,casward,npark,lsoa01,msoa01,ur01ind,oac01,oa11,lsoa11,msoa11,wz11,sicbl,bua24,ru11ind,oac11,lat,long,lep1,lep2,pfa,imd,calncv,icb,oa21,lsoa21,msoa21';
const RUC = ['A1', 'C1', 'C2', 'D1', 'D2', 'E1', 'E2', 'F1'];

/** Deterministic pseudo-random numbers so runs are comparable. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Outward codes in ONS pcd order ("AB1 " < "AB10" < "AB2 "), enough for `rows` postcodes at 4,000 each. */
function outcodes(rows: number): string[] {
  const areas = ['BN', 'DN', 'LE', 'LN', 'NG', 'NR', 'PE', 'SK'];
  const list = areas.flatMap((a) => Array.from({ length: 99 }, (_, d) => `${a}${d + 1}`));
  return list.sort((x, y) => (x.padEnd(4) < y.padEnd(4) ? -1 : 1)).slice(0, Math.ceil(rows / 4000));
}

function writeLookup(path: string): string[] {
  const random = rng(1);
  const letters = 'ABDEFGHJLNPQRSTUWXYZ';
  const postcodes: string[] = [];
  const lines: string[] = [HEADER];
  const q = (v: string) => `"${v}"`;
  for (const out of outcodes(LOOKUP_ROWS)) {
    for (let sector = 0; sector < 10 && postcodes.length < LOOKUP_ROWS; sector++) {
      for (let u = 0; u < 400 && postcodes.length < LOOKUP_ROWS; u++) {
        const pcds = `${out} ${sector}${letters[Math.floor(u / 20)]}${letters[u % 20]}`;
        postcodes.push(pcds);
        const lat = BOX.south + random() * (BOX.north - BOX.south);
        const lon = BOX.west + random() * (BOX.east - BOX.west);
        const terminated = random() < 0.15 ? '201001' : '';
        const lsoa = `E0102${String(Math.floor(random() * 9000)).padStart(4, '0')}`;
        const cells = [
          pcds.replace(' ', '').padEnd(7), `${out.padEnd(4)} ${pcds.slice(-3)}`, pcds, '198001', terminated, 'E10000019', 'E58000001', 'E07000138',
          'E05010784', 'E04005883', '0', '497731', '371456', '1', 'E18000003', 'E40000004', 'E92000001', 'E12000004', '0', 'E14000790',
          'E15000004', 'E15000004', 'E30000239', 'E16000004', 'E06000015', '34UFGA', 'E00001', '34UFGA', 'E99999999', 'E01010001', 'E02000001',
          'A', '1A1', 'E00131411', lsoa, 'E02005528', 'E33016478', 'E38000007', 'E63004488', RUC[Math.floor(random() * 8)], '1A1',
          lat.toFixed(6), lon.toFixed(6), 'E37000006', '', 'E23000023', '12345', 'E56000025', 'E54000013', 'E00131411', lsoa, 'E02005528',
        ];
        lines.push(cells.map(q).join(','));
      }
    }
    if (lines.length > 50_000) {
      writeFileSync(path, lines.join('\n') + '\n', { flag: 'a' });
      lines.length = 0;
    }
  }
  writeFileSync(path, lines.join('\n') + '\n', { flag: 'a' });
  return postcodes;
}

function usersCsv(lookup: PostcodeLookup): string {
  const random = rng(2);
  const rows = ['id,postcode,weekly_hours,carers,waiting,zone'];
  for (let i = 0; i < USERS; i++) {
    const k = Math.floor(random() * lookup.count);
    rows.push(`SU${i},${postcodeFromKey(lookup.keys[k])},${(1 + random() * 30).toFixed(1)},${random() < 0.15 ? 2 : 1},${random() < 0.05 ? 'yes' : 'no'},${1 + Math.floor(random() * 12)}`);
  }
  return rows.join('\r\n');
}

function gridUnits(): BoundaryFile {
  const features: Array<Feature<Polygon, Record<string, unknown>>> = [];
  const dx = (BOX.east - BOX.west) / GRID;
  const dy = (BOX.north - BOX.south) / GRID;
  const x = (i: number) => Math.round((BOX.west + i * dx) * 1e6) / 1e6;
  const y = (j: number) => Math.round((BOX.south + j * dy) * 1e6) / 1e6;
  for (let j = 0; j < GRID; j++) {
    for (let i = 0; i < GRID; i++) {
      features.push({
        type: 'Feature', properties: { id: `G${i}_${j}` },
        geometry: { type: 'Polygon', coordinates: [[[x(i), y(j)], [x(i + 1), y(j)], [x(i + 1), y(j + 1)], [x(i), y(j + 1)], [x(i), y(j)]]] },
      });
    }
  }
  return { features, featureNumbers: features.map((_, k) => k + 1), crs: 'WGS84', propertyNames: ['id'], layers: [], layer: '', problems: [] };
}

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

const bench: Bench = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'carezones-import-'));
  try {
    const path = join(dir, 'onspd.csv');
    writeLookup(path);

    gc();
    const before = process.memoryUsage();
    const peak = { rss: before.rss, heapUsed: before.heapUsed };
    const sample = () => {
      const m = process.memoryUsage();
      peak.rss = Math.max(peak.rss, m.rss);
      peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
    };
    let lookup = await loadPostcodeLookup(createReadStream(path, { highWaterMark: 1 << 20 }), { onProgress: sample });
    sample();
    const lookupPeak = { ...peak };
    const lookupMs = await medianMs(async () => {
      lookup = await loadPostcodeLookup(createReadStream(path, { highWaterMark: 1 << 20 }));
    }, 3, 0);

    const units = buildPolygonUnits(gridUnits(), { id: 'id', name: null, ruc: null });
    const locator = new PolygonLocator(units.geo.features);
    const text = usersCsv(lookup);
    gc();
    const beforeUsers = process.memoryUsage();
    Object.assign(peak, { rss: beforeUsers.rss, heapUsed: beforeUsers.heapUsed });
    let imported = await importServiceUsers({ text, sources: { lookup }, units, locator }, { onProgress: sample });
    const usersMs = await medianMs(async () => {
      imported = await importServiceUsers({ text, sources: { lookup }, units, locator });
    }, 5, 1);

    return [
      {
        name: `import: postcode lookup, ${LOOKUP_ROWS.toLocaleString('en-GB')} ONSPD-shaped rows (52 columns) streamed from disk`,
        ms: Math.round(lookupMs),
        rowsPerSecond: Math.round(LOOKUP_ROWS / (lookupMs / 1000)),
        target: '>= 200,000 rows/s',
        peakRssDeltaMB: mb(lookupPeak.rss - before.rss),
        peakHeapDeltaMB: mb(lookupPeak.heapUsed - before.heapUsed),
        lookupMB: mb(lookup.keys.byteLength + lookup.lat.byteLength + lookup.lon.byteLength + lookup.flags.byteLength + lookup.ruc.byteLength + lookup.lsoa.byteLength),
      },
      {
        name: `import: ${USERS.toLocaleString('en-GB')} users parse + geocode + aggregate to ${units.units.count.toLocaleString('en-GB')} polygon units`,
        ms: Math.round(usersMs),
        target: '< 3,000 ms',
        imported: imported.report.counts.rowsImported,
        rejected: imported.report.counts.rejected,
        peakRssDeltaMB: mb(peak.rss - beforeUsers.rss),
        peakHeapDeltaMB: mb(peak.heapUsed - beforeUsers.heapUsed),
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

export default bench;
