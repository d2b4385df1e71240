import { Rurality } from '../../solver/model';

/**
 * Rurality band from an ONS 2011 rural-urban code (LSOA "C1", or OA/postcode
 * "ru11ind" codes such as "E2" or "F1"): A-C urban, D rural town and fringe,
 * E-F rural village, hamlet and dispersed. Codes ending in 2 are "in a sparse
 * setting". Returns null for anything else, so callers can fall back to density.
 */
export function ruralityFromRuc(code: string): { rurality: Rurality; sparse: boolean } | null {
  const m = /^([A-F])([12])$/.exec(code.trim().toUpperCase());
  if (!m) return null;
  const rurality = m[1] <= 'C' ? Rurality.Urban : m[1] === 'D' ? Rurality.RuralTown : Rurality.RuralVillage;
  return { rurality, sparse: m[2] === '2' };
}
