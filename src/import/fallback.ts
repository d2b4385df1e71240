// Approximate placement from the open data shipped with the app (public/lookup/):
// postcode sector centroids (Lincolnshire) and GB postcode district centroids.
// Used when no full postcode lookup is loaded or a postcode is missing from it.
import Papa from 'papaparse';

/** Centroids by sector ("LN1 1") or district ("LN1") code, as [lon, lat]. */
export type CentroidTable = Map<string, [number, number]>;

export interface FallbackCentroids {
  sectors: CentroidTable;
  districts: CentroidTable;
}

/** Reads a "code,latitude,longitude" CSV (the files in public/lookup/). */
export function parseCentroids(text: string): CentroidTable {
  const rows = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
  const table: CentroidTable = new Map();
  for (const r of rows) {
    const code = (r.sector ?? r.outcode ?? r.district ?? '').trim().toUpperCase().replace(/\s+/g, ' ');
    const lat = Number(r.latitude);
    const lon = Number(r.longitude);
    if (code && Number.isFinite(lat) && Number.isFinite(lon)) table.set(code, [lon, lat]);
  }
  return table;
}

export function parseFallback(sectorsCsv: string, districtsCsv: string): FallbackCentroids {
  return { sectors: parseCentroids(sectorsCsv), districts: parseCentroids(districtsCsv) };
}

export const FALLBACK_FILES = { sectors: 'lookup/postcode-sectors.csv', districts: 'lookup/postcode-districts.csv' } as const;
