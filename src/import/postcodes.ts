// UK postcode text: normalising what people type, the parts (sector, district)
// the fallback lookup uses, a numeric key for compact lookup tables, and the
// postcodes that have no place on the ground.
import { parse as parsePostcode } from 'postcode';

export interface PostcodeParts {
  /** "LN1 1AA" */
  postcode: string;
  /** "LN1" */
  district: string;
  /** "LN1 1" */
  sector: string;
}

/** Normalises "ln11aa", " LN1  1AA " to "LN1 1AA"; null when it is not a UK postcode. */
export function parsePostcodeParts(text: string): PostcodeParts | null {
  const p = parsePostcode(text.trim());
  if (!p.valid) return null;
  return { postcode: p.postcode, district: p.outcode, sector: p.sector };
}

/**
 * Postcodes with no geographic location: BFPO (BF), Girobank (GIR 0AA), the
 * non-geographic BX area and XX (online returns), and PO-box-only districts.
 * The district list is the commonly published one and is not exhaustive: a full
 * ONSPD/NSPL lookup marks the rest itself (no grid reference).
 */
const NON_GEOGRAPHIC_AREAS = new Set(['BF', 'BX', 'XX', 'GIR']);
const NON_GEOGRAPHIC_DISTRICTS = new Set([
  'BS98', 'BS99', 'CR44', 'CR90', 'DH98', 'DH99', 'E98', 'EC50', 'LE55', 'LE87',
  'N1P', 'NE98', 'NE99', 'SW99', 'WC99',
]);

export function isNonGeographic(parts: PostcodeParts): boolean {
  const area = /^[A-Z]+/.exec(parts.district)?.[0] ?? '';
  return NON_GEOGRAPHIC_AREAS.has(area) || NON_GEOGRAPHIC_DISTRICTS.has(parts.district);
}

// ---- numeric keys ------------------------------------------------------------
// A postcode is at most 4 outward + 3 inward characters from [0-9A-Z]. Padding
// the outward code to 4 and reading the 7 characters in base 37 (pad = 0,
// digits 1-10, letters 11-36) gives an exact integer below 2^37 that sorts like
// the ONS "pcd" column, so a lookup is a sorted Float64Array, not 2.7M strings.

const BASE = 37;

function digit(code: number): number {
  if (code >= 48 && code <= 57) return code - 47; // 0-9 -> 1..10
  if (code >= 65 && code <= 90) return code - 54; // A-Z -> 11..36
  if (code >= 97 && code <= 122) return code - 86; // a-z -> 11..36
  return -1;
}

/**
 * Key of the postcode in text[start, end) (any case, any spaces), or -1 when
 * it cannot be a postcode. Allocation-free: it runs once per lookup row.
 */
export function postcodeKeyOf(text: string, start = 0, end = text.length): number {
  const chars: number[] = keyScratch;
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 34) continue; // spaces and quote marks
    const d = digit(c);
    if (d < 0 || n === 7) return -1;
    chars[n++] = d;
  }
  if (n < 5) return -1;
  let key = 0;
  const outward = n - 3;
  for (let i = 0; i < 4; i++) key = key * BASE + (i < outward ? chars[i] : 0);
  for (let i = outward; i < n; i++) key = key * BASE + chars[i];
  return key;
}
const keyScratch: number[] = [0, 0, 0, 0, 0, 0, 0];

const SYMBOLS = ' 0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** "LN1 1AA" from its key. */
export function postcodeFromKey(key: number): string {
  const chars: string[] = [];
  for (let i = 0; i < 7; i++) {
    chars.unshift(SYMBOLS[key % BASE]);
    key = Math.floor(key / BASE);
  }
  return `${chars.slice(0, 4).join('').trim()} ${chars.slice(4).join('')}`;
}
