// Where a row says a person or base is: a postcode, or coordinates as lat/long
// or British National Grid easting/northing. Shared by users and bases.
import { bngToLonLat, isInUk, isOnBng } from './bng';
import { parsePostcodeParts } from './postcodes';
import type { ProblemList } from './problems';

export interface RowLocation {
  /** Normalised postcode ("LN1 1AA"), or null when none or not a valid postcode. */
  postcode: string | null;
  /** Coordinates given in the row (WGS84), or null: then the postcode places the row. */
  lon: number | null;
  lat: number | null;
}

/** Cells of one row, and the headers they came from (for problem reports). */
export interface LocationCells {
  postcode: [header: string, value: string] | null;
  latitude: [string, string] | null;
  longitude: [string, string] | null;
  easting: [string, string] | null;
  northing: [string, string] | null;
}

type CoordinateReading =
  | { kind: 'none' }
  | { kind: 'point'; lon: number; lat: number }
  | { kind: 'bad'; column: string; value: string; message: string };

function readCoordinates(cells: LocationCells): CoordinateReading {
  const [lat, lon] = [cells.latitude, cells.longitude];
  if (lat && lon && (lat[1] || lon[1])) {
    const y = Number(lat[1]);
    const x = Number(lon[1]);
    if (lat[1] && lon[1] && isInUk(x, y)) return { kind: 'point', lon: x, lat: y };
    return {
      kind: 'bad', column: `${lat[0]}/${lon[0]}`, value: `${lat[1]},${lon[1]}`,
      message: 'Latitude/longitude is not a point in the UK (expected e.g. 53.23, -0.54)',
    };
  }
  const [e, n] = [cells.easting, cells.northing];
  if (e && n && (e[1] || n[1])) {
    const x = Number(e[1]);
    const y = Number(n[1]);
    if (e[1] && n[1] && x > 0 && y > 0 && isOnBng(x, y)) {
      const [lonW, latW] = bngToLonLat(x, y);
      return { kind: 'point', lon: lonW, lat: latW };
    }
    return {
      kind: 'bad', column: `${e[0]}/${n[0]}`, value: `${e[1]},${n[1]}`,
      message: 'Easting/northing is not on the British National Grid (expected metres, e.g. 497000, 371000)',
    };
  }
  return { kind: 'none' };
}

/**
 * Reads a row's location. Coordinates win over a postcode when both are given;
 * each falls back to the other with a warning. Returns null, with an error,
 * when the row cannot be placed at all.
 */
export function readLocation(cells: LocationCells, row: number, problems: ProblemList): RowLocation | null {
  const coords = readCoordinates(cells);
  const raw = cells.postcode?.[1] ?? '';
  const header = cells.postcode?.[0] ?? 'postcode';
  const parts = raw ? parsePostcodeParts(raw) : null;
  const badPostcode = raw !== '' && parts === null;

  if (coords.kind === 'point') {
    if (badPostcode) problems.warning(row, header, raw, `"${raw}" is not a valid UK postcode; placed by the coordinates given`);
    return { postcode: parts?.postcode ?? null, lon: coords.lon, lat: coords.lat };
  }
  if (parts) {
    if (coords.kind === 'bad') problems.warning(row, coords.column, coords.value, `${coords.message}; placed by postcode instead`);
    return { postcode: parts.postcode, lon: null, lat: null };
  }
  if (coords.kind === 'bad') problems.error(row, coords.column, coords.value, coords.message);
  if (badPostcode) problems.error(row, header, raw, `"${raw}" is not a valid UK postcode`);
  if (coords.kind === 'none' && !badPostcode) problems.error(row, header, raw, 'Missing postcode (and no coordinates)');
  return null;
}

/** Builds LocationCells from a row given the column numbers and headers of the mapping. */
export function locationCells(
  row: readonly string[],
  columns: Record<keyof LocationCells, { index: number; header: string }>,
): LocationCells {
  const pick = (c: { index: number; header: string }): [string, string] | null =>
    c.index < 0 ? null : [c.header, (row[c.index] ?? '').trim()];
  return {
    postcode: pick(columns.postcode),
    latitude: pick(columns.latitude),
    longitude: pick(columns.longitude),
    easting: pick(columns.easting),
    northing: pick(columns.northing),
  };
}
