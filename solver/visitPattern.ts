// How a package of weekly hours becomes visits: how many a week, how long, and in
// which call band of the day. Carers chain together the visits of one band
// (morning, lunch, tea, bed), so travel between visits is estimated band by band.
// One place for the default pattern, used by the import, the example counties and
// old project files.

/** The call bands of a day, in order. */
export const CALL_BANDS = ['morning', 'lunch', 'tea', 'bed'] as const;
export type CallBand = (typeof CALL_BANDS)[number];
export const BAND_COUNT = CALL_BANDS.length;

/** Visits a week are capped at four a day, one per band. */
export const MAX_VISITS_PER_WEEK = 7 * BAND_COUNT;

/** Shortest and longest default visit, minutes. */
const SHORTEST_VISIT = 30;
const LONGEST_VISIT = 60;
/** Weekly hours at which the default visit starts to lengthen beyond the shortest. */
const LENGTHEN_FROM_HOURS = 14;

/**
 * Default visits a week for a package of `hours` a week, when the users file does not
 * say. Visits are 30 minutes (the shortest personal-care call councils now fund) up to
 * 14 h a week (four a day); larger packages keep four visits a day and lengthen them,
 * to an hour at 28 h. Larger still, visits grow past an hour. Whole visits, at least one.
 */
export function defaultVisitsPerWeek(hours: number): number {
  if (!(hours > 0)) return 0;
  const length = Math.min(LONGEST_VISIT, Math.max(SHORTEST_VISIT, (SHORTEST_VISIT * hours) / LENGTHEN_FROM_HOURS));
  return Math.max(1, Math.min(MAX_VISITS_PER_WEEK, Math.round((60 * hours) / length)));
}

/** Bands of a day as a bit set (bit b for CALL_BANDS[b]). */
export type BandSet = number;

const BAND_WORDS: Record<string, number> = {
  morning: 0, am: 0, breakfast: 0, m: 0, getup: 0, gettingup: 0,
  lunch: 1, lunchtime: 1, midday: 1, noon: 1, l: 1,
  tea: 2, teatime: 2, evening: 2, supper: 2, t: 2, e: 2,
  bed: 3, bedtime: 3, night: 3, b: 3, n: 3,
};

/**
 * Reads a list of call bands such as "morning; bed", "M,L,T,B" or "lunch/tea".
 * Returns the set, 0 for a blank cell, or null when a word is not a band.
 */
export function parseCallBands(text: string): BandSet | null {
  const words = text.toLowerCase().split(/[;,/|+&\s]+|\band\b/).map((w) => w.replace(/[^a-z]/g, '')).filter(Boolean);
  let set = 0;
  for (const w of words) {
    const b = BAND_WORDS[w];
    if (b === undefined) return null;
    set |= 1 << b;
  }
  return set;
}

/** The bands of a set, in day order. */
export function bandsOf(set: BandSet): number[] {
  const out: number[] = [];
  for (let b = 0; b < BAND_COUNT; b++) if (set & (1 << b)) out.push(b);
  return out;
}
