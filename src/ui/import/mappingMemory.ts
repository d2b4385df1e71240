// Remembers the column mapping a user confirmed for a file layout, keyed by
// its header row, so next month's extract from the same system maps itself.
// localStorage holds only header names, never data: a file without a header
// row (its first person's row read as headers) is not remembered at all.
import { parsePostcodeParts } from '../../import/postcodes';

const PREFIX = 'carezones:mapping:';

const keyOf = (kind: string, headers: readonly string[]) => `${PREFIX}${kind}:${JSON.stringify(headers)}`;

/** The saved mapping for this header row, if it still only names headers that exist. */
export function recallMapping<M extends object>(kind: string, headers: readonly string[], fallback: M): M {
  try {
    const saved = JSON.parse(localStorage.getItem(keyOf(kind, headers)) ?? 'null') as Partial<M> | null;
    if (!saved || typeof saved !== 'object') return fallback;
    const merged = { ...fallback };
    for (const key of Object.keys(fallback) as Array<keyof M>) {
      const v = saved[key];
      const isHeader = typeof v === 'string' && headers.includes(v);
      // Non-header settings (e.g. carersFormat) are strings too: keep them when the guess is also not a header.
      const isSetting = typeof v === 'string' && typeof fallback[key] === 'string' && !headers.includes(fallback[key] as string);
      if (v === null || isHeader || isSetting) merged[key] = v as M[keyof M];
    }
    return merged;
  } catch {
    return fallback;
  }
}

/** Header cells, not a row of data: none is a number, a postcode or a date. */
export function looksLikeHeaderRow(headers: readonly string[]): boolean {
  return headers.every((h) => {
    const t = h.trim();
    return !/^[-+]?[\d.,:/\s]+$/.test(t) && parsePostcodeParts(t) === null && !/\d{1,2}[/-]\d{1,2}[/-]\d{2,4}/.test(t);
  });
}

export function rememberMapping(kind: string, headers: readonly string[], mapping: object): void {
  if (!looksLikeHeaderRow(headers)) return;
  try {
    localStorage.setItem(keyOf(kind, headers), JSON.stringify(mapping));
  } catch {
    // Storage full or blocked: the mapping is only a convenience.
  }
}
