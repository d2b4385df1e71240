// Rows (users or bases) -> points, saying for each how it was placed: exactly
// (full postcode in the lookup, or coordinates given), approximately (postcode
// sector or district centroid) or not at all. Unknown, terminated and
// non-geographic postcodes are reported, never silently placed.
import type { FallbackCentroids } from './fallback';
import { findPostcode, NO_LOCATION, TERMINATED, type PostcodeLookup } from './lookup';
import { isNonGeographic, parsePostcodeParts } from './postcodes';
import { ProblemList, type Problem } from './problems';

export type Placement = 'exact' | 'coordinates' | 'sector' | 'district' | 'none';
export const APPROXIMATE: ReadonlySet<Placement> = new Set(['sector', 'district']);

export interface Locatable {
  row: number;
  postcode: string | null;
  lon: number | null;
  lat: number | null;
}

export interface GeocodeSources {
  /** Full postcode lookup (ONSPD / NSPL / Code-Point Open), when loaded. */
  lookup?: PostcodeLookup | null;
  /** Sector and district centroids shipped with the app. */
  fallback?: FallbackCentroids | null;
}

export interface Geocoded {
  /** WGS84 point per record; NaN when placement is 'none'. */
  lon: Float64Array;
  lat: Float64Array;
  placement: Placement[];
  /** RUC11 code of the record's postcode from the lookup ("" when unknown). */
  ruc: string[];
  /** LSOA code of the record's postcode from the lookup ("" when unknown): the ONS found it on the full-resolution boundaries. */
  lsoa: string[];
  problems: Problem[];
}

interface Place {
  lon: number;
  lat: number;
  placement: Placement;
  ruc: string;
  lsoa?: string;
  /** Why it is approximate or not placed; "" when exact. */
  message: string;
}

function placePostcode(postcode: string, sources: GeocodeSources): Place {
  const none = (message: string): Place => ({ lon: NaN, lat: NaN, placement: 'none', ruc: '', message });
  const parts = parsePostcodeParts(postcode);
  if (!parts) return none(`"${postcode}" is not a valid UK postcode`);

  // The loaded lookup is the council's own data: it wins over the built-in list of non-geographic districts.
  const lookup = sources.lookup;
  let reason = 'no full postcode lookup is loaded';
  if (lookup) {
    const i = findPostcode(lookup, parts.postcode);
    if (i >= 0) {
      const flags = lookup.flags[i];
      if (flags & NO_LOCATION) return none(`${parts.postcode} has no grid reference in the postcode lookup (non-geographic)`);
      if (flags & TERMINATED) return none(`${parts.postcode} is a terminated postcode (no longer in use); please update it`);
      return { lon: lookup.lon[i], lat: lookup.lat[i], placement: 'exact', ruc: lookup.rucCodes[lookup.ruc[i]], lsoa: lookup.lsoaCodes[lookup.lsoa[i]], message: '' };
    }
    reason = `${parts.postcode} is not in the postcode lookup`;
  }
  if (isNonGeographic(parts)) return none(`${parts.postcode} is a non-geographic postcode (PO box, BFPO or similar)${lookup ? ' and is not in the postcode lookup' : ''}; it has no place on the map`);
  const sector = sources.fallback?.sectors.get(parts.sector);
  if (sector) {
    return { lon: sector[0], lat: sector[1], placement: 'sector', ruc: '', message: `Placed approximately at the centre of postcode sector ${parts.sector}: ${reason}` };
  }
  const district = sources.fallback?.districts.get(parts.district);
  if (district) {
    return { lon: district[0], lat: district[1], placement: 'district', ruc: '', message: `Placed approximately at the centre of postcode district ${parts.district}: ${reason}` };
  }
  return none(lookup ? `Unknown postcode: ${reason}, nor its sector or district` : `Cannot place ${parts.postcode}: ${reason} and its sector and district are not in the fallback data`);
}

/**
 * Places each record. `file` and `postcodeColumn` label the problems (the
 * header the postcode came from, so the report points at the right cell).
 */
export function geocode(records: readonly Locatable[], sources: GeocodeSources, file: string, postcodeColumn = 'postcode'): Geocoded {
  const n = records.length;
  const problems = new ProblemList(file);
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const placement: Placement[] = new Array(n);
  const ruc: string[] = new Array(n);
  const lsoa: string[] = new Array(n);
  // Many people share a postcode (care homes, sheltered housing): place each once.
  const cache = new Map<string, Place>();
  records.forEach((r, k) => {
    let place: Place;
    if (r.lon !== null && r.lat !== null) {
      place = { lon: r.lon, lat: r.lat, placement: 'coordinates', ruc: '', message: '' };
    } else if (r.postcode === null) {
      place = { lon: NaN, lat: NaN, placement: 'none', ruc: '', message: 'Missing postcode (and no coordinates)' };
    } else {
      place = cache.get(r.postcode) ?? placePostcode(r.postcode, sources);
      cache.set(r.postcode, place);
    }
    lon[k] = place.lon;
    lat[k] = place.lat;
    placement[k] = place.placement;
    ruc[k] = place.ruc;
    lsoa[k] = place.lsoa ?? '';
    if (place.message) problems.add(r.row, postcodeColumn, r.postcode ?? '', place.message, place.placement === 'none' ? 'error' : 'warning');
  });
  return { lon, lat, placement, ruc, lsoa, problems: problems.items };
}
