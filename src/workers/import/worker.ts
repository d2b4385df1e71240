// Every read of an imported file happens here, off the page's thread: CSV
// previews, boundary files, the postcode lookup (streamed, then cached in
// IndexedDB) and the full import. The page makes a worker per job and
// terminates it to cancel (client.ts); it sees only the types in protocol.ts.
import '../lockdown';
import { expose } from 'comlink';
import { readBoundaries, type BoundaryInput } from '../../import/boundaries';
import { areaKm2 } from '../../import/coverage';
import { guessBaseMapping, guessUserMapping, readCsv, isBlankRow, type UserColumnMapping } from '../../import/csv';
import { decodeText, looksBinary } from '../../import/encoding';
import { FALLBACK_FILES, parseFallback, type FallbackCentroids } from '../../import/fallback';
import { loadPostcodeLookup } from '../../import/lookup';
import { cachedLookup, saveLookup, type LookupMeta } from '../../import/lookupCache';
import { projectFromFiles, usersCoverage, type ProjectFromFiles } from '../../import/projectFromFiles';
import type { ImportPhase } from '../../import/problems';
import { guessUnitFields } from '../../import/units';
import { guessZoneListMapping } from '../../import/zones';
import type { BoundaryInfo, ImportApi, ImportRequest, TablePreview } from './protocol';

/** Enough of a big file to show its header and first rows. */
const PREVIEW_BYTES = 256 * 1024;
const PREVIEW_ROWS = 6;

/** Refuses files that are not text: a saved Excel workbook is the usual slip. */
async function checkIsText(file: Blob, name: string): Promise<void> {
  const head = new Uint8Array(await file.slice(0, 512).arrayBuffer());
  if (head.length === 0) throw new Error(`${name} is empty.`);
  if (head[0] === 0x50 && head[1] === 0x4b) throw new Error(`${name} looks like an Excel workbook or a zip, not a CSV. In Excel use File > Save As > "CSV UTF-8", then choose that file.`);
  if (looksBinary(head)) throw new Error(`${name} is not a text file (it holds binary data). Choose a CSV or TSV file.`);
}

const bytesOf = async (file: Blob): Promise<Uint8Array> => new Uint8Array(await file.arrayBuffer());

async function boundaryInput(file: File): Promise<BoundaryInput> {
  return { name: file.name, data: new Uint8Array(await file.arrayBuffer()) };
}

let fallback: Promise<FallbackCentroids> | null = null;
function fallbackCentroids(baseUrl: string): Promise<FallbackCentroids> {
  const get = async (path: string) => {
    const res = await fetch(new URL(path, baseUrl));
    if (!res.ok) throw new Error(`Could not load the shipped postcode centroids (${path}: ${res.status})`);
    return res.text();
  };
  fallback ??= Promise.all([get(FALLBACK_FILES.sectors), get(FALLBACK_FILES.districts)]).then(([s, d]) => parseFallback(s, d));
  return fallback;
}

async function sources(baseUrl: string) {
  const [lookup, fb] = await Promise.all([cachedLookup(), fallbackCentroids(baseUrl)]);
  return { lookup, fallback: fb };
}

/** Passes progress on at most every half per cent or on a new phase: a big lookup has thousands of chunks. */
function throttled(onProgress: (p: ImportPhase) => void): (p: ImportPhase) => void {
  let last: ImportPhase | null = null;
  return (p) => {
    if (last && last.phase === p.phase && p.fraction - last.fraction < 0.005 && p.fraction < 1) return;
    last = p;
    onProgress(p);
  };
}

const api: ImportApi = {
  async previewTable(file: File): Promise<TablePreview> {
    await checkIsText(file, file.name);
    const decoded = decodeText(await bytesOf(file.slice(0, PREVIEW_BYTES)));
    let text = decoded.text;
    // A cut-off file ends mid-row: drop the partial last line.
    const truncated = file.size > PREVIEW_BYTES;
    if (truncated) text = text.slice(0, Math.max(0, text.lastIndexOf('\n')));
    const table = readCsv(text, { truncated });
    if (table.headers.length === 0) throw new Error(`${file.name} has no header row.`);
    if (table.headers.length === 1 && file.size > 0) {
      throw new Error(`${file.name} has only one column ("${table.headers[0].slice(0, 40)}"). Is it a CSV or TSV with a header row?`);
    }
    return {
      headers: table.headers,
      rows: table.rows.filter((r) => !isBlankRow(r)).slice(0, PREVIEW_ROWS),
      guessedUsers: guessUserMapping(table.headers),
      guessedBases: guessBaseMapping(table.headers),
      guessedZoneList: guessZoneListMapping(table.headers),
      encodingNote: decoded.note,
    };
  },

  async inspectBoundary(file: File): Promise<BoundaryInfo> {
    const read = await readBoundaries(await boundaryInput(file));
    if (read.features.length === 0) {
      throw new Error(`${file.name} has no usable polygons${read.problems[0] ? `: ${read.problems[0].message}` : ''}.`);
    }
    return {
      featureCount: read.features.length,
      propertyNames: read.propertyNames,
      guessed: guessUnitFields(read),
      sample: read.features.slice(0, 3).map((f) => Object.fromEntries(Object.entries(f.properties).map(([k, v]) => [k, String(v ?? '')]))),
      areaKm2: areaKm2(read.features),
      invalidFeatures: read.problems.filter((p) => p.severity === 'error' && p.row !== null).length,
      firstProblem: read.problems[0]?.message ?? null,
    };
  },

  async usersAreaKm2(file: File, mapping: UserColumnMapping, baseUrl: string): Promise<number> {
    const coverage = usersCoverage(await bytesOf(file), mapping, await sources(baseUrl));
    return coverage ? areaKm2([coverage]) : 0;
  },

  async loadLookup(file: File, onProgress: (p: ImportPhase) => void): Promise<LookupMeta> {
    const lookup = await loadPostcodeLookup(file, { onProgress: throttled(onProgress) });
    if (lookup.count === 0) throw new Error(`${file.name} holds no postcodes. Expected the ONSPD, NSPL or Code-Point Open CSV as published.`);
    onProgress({ phase: 'saving the lookup on this machine', fraction: 1 });
    return saveLookup(file.name, lookup);
  },

  async importFiles(request: ImportRequest, onProgress: (p: ImportPhase) => void): Promise<ProjectFromFiles> {
    onProgress({ phase: 'reading files', fraction: 0 });
    const { units, users, bases, zones } = request;
    await checkIsText(users.file, users.file.name);
    if (bases) await checkIsText(bases.file, bases.file.name);
    return projectFromFiles(
      {
        name: request.name,
        units: units.kind === 'h3'
          ? { kind: 'h3', resolution: units.resolution, cover: units.cover ? await boundaryInput(units.cover) : null }
          : { kind: 'boundary', file: await boundaryInput(units.file), fields: units.fields },
        users: { text: await bytesOf(users.file), mapping: users.mapping },
        bases: bases ? { text: await bytesOf(bases.file), mapping: bases.mapping } : null,
        zones: zones.kind === 'boundary' ? { kind: 'boundary', file: await boundaryInput(zones.file), fields: zones.fields }
          : zones.kind === 'list' ? { kind: 'list', name: zones.file.name, text: await bytesOf(zones.file), mapping: zones.mapping }
          : zones,
        sources: await sources(request.baseUrl),
      },
      { onProgress: throttled(onProgress) },
    );
  },
};

expose(api);
