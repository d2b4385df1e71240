// How hard each zone is to serve, relative to the county's own zones, so the same
// defaults work in any county: travel between visits per contact hour, rurality,
// waiting, use of the bases' capacity, and whether the zone's demand can support the
// providers its provider model needs. Each figure is placed in the county's range
// (0 at the easiest zone, 1 at the hardest), weighted, and the zones ranked.
import type { DifficultyWeights, ExtraRuralSettings } from './settings';
import type { DifficultyFactor, DifficultyFigure, ProviderNeed, ZoneDifficulty, ZoneScore } from './types';

export const DIFFICULTY_FACTORS: DifficultyFactor[] = ['travel', 'waiting', 'capacity', 'rurality', 'providers'];

/** One lead provider per zone, until the settings say otherwise. */
export const LEAD_PROVIDER: ProviderNeed = { providers: 1, viableHoursPerProvider: 250, label: 'one lead provider' };

/** Hours-weighted rurality of a zone with the extra-rural class scores (village 0.8, town 0.4, + sparse 0.2). */
function ruralityOf(zs: ZoneScore, er: ExtraRuralSettings): number {
  if (!(zs.hours > 0)) return 0;
  const score = zs.ruralTownHours * er.ruralTownScore + zs.ruralVillageHours * er.ruralVillageScore + zs.sparseHours * er.sparseBonus;
  return Math.min(1, score / zs.hours);
}

function valuesOf(zs: ZoneScore, er: ExtraRuralSettings, need: ProviderNeed): Record<DifficultyFactor, number> {
  const floor = need.providers * need.viableHoursPerProvider;
  return {
    travel: zs.visitTravel?.minutesPerContactHour ?? 0,
    rurality: ruralityOf(zs, er),
    waiting: zs.users > 0 ? zs.waitingUsers / zs.users : 0,
    // No base at all: as hard as twice the capacity.
    capacity: zs.capacityHours > 0 ? zs.hours / zs.capacityHours : zs.hours > 0 ? 2 : 0,
    // Absolute, not relative: a zone too small for its providers is hard in any county.
    providers: floor > 0 && zs.hours > 0 ? Math.max(0, 1 - zs.hours / floor) : 0,
  };
}

/**
 * a is above b beyond rounding: zone sums kept incrementally and summed afresh differ
 * in the last bits, and that must not reorder tied zones.
 */
const above = (a: number, b: number) => a - b > 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

const ordinal = (n: number) => (n === 1 ? 'highest' : `${n}${n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : n % 10 === 1 && n !== 11 ? 'st' : 'th'} highest`);
const round = (x: number) => (x >= 10 ? Math.round(x).toLocaleString('en-GB') : x.toFixed(1));

function reasonFor(f: DifficultyFactor, zs: ZoneScore, fig: DifficultyFigure, need: ProviderNeed, zones: number): string {
  const place = zones > 1 && fig.rank <= Math.ceil(zones / 2) ? `, ${ordinal(fig.rank)}` : '';
  switch (f) {
    case 'travel':
      return `${round(fig.value)} min travel per contact hour${place}`;
    case 'waiting':
      return `${zs.waitingUsers === 1 ? '1 person' : `${Math.round(zs.waitingUsers)} people`} waiting (${Math.round(100 * fig.value)}%)${place}`;
    case 'capacity':
      return zs.capacityHours > 0 ? `${Math.round(100 * fig.value)}% of capacity${place}` : 'no provider base';
    case 'rurality':
      return `${Math.round(100 * (zs.ruralShare ?? 0))}% of hours rural${zs.sparseHours > 0 ? `, ${Math.round((100 * zs.sparseHours) / zs.hours)}% sparse` : ''}${place}`;
    case 'providers':
      return `${round(zs.hours)} h/week, below the ${round(need.providers * need.viableHoursPerProvider)} h/week ${need.label} needs`;
  }
}

/** Difficulty of every zone; zones without hours score 0 and rank last. */
export function zoneDifficulty(zones: ZoneScore[], weights: DifficultyWeights, er: ExtraRuralSettings, need: ProviderNeed = LEAD_PROVIDER): ZoneDifficulty[] {
  const active = zones.filter((zs) => zs.hours > 0);
  const values = new Map(zones.map((zs) => [zs.zone, valuesOf(zs, er, need)]));
  const totalWeight = DIFFICULTY_FACTORS.reduce((t, f) => t + Math.max(0, weights[f]), 0);
  const figures = new Map<number, Record<DifficultyFactor, DifficultyFigure>>();
  for (const zs of zones) figures.set(zs.zone, {} as Record<DifficultyFactor, DifficultyFigure>);
  for (const f of DIFFICULTY_FACTORS) {
    const xs = active.map((zs) => values.get(zs.zone)![f]);
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    for (const zs of zones) {
      const v = values.get(zs.zone)![f];
      const inCounty = zs.hours > 0;
      const scaled = !inCounty ? 0 : f === 'providers' ? v : above(hi, lo) ? (v - lo) / (hi - lo) : 0;
      const rank = inCounty ? 1 + xs.filter((x) => above(x, v)).length : active.length + 1;
      figures.get(zs.zone)![f] = { value: v, scaled, rank };
    }
  }
  const scored = zones.map((zs) => {
    const figs = figures.get(zs.zone)!;
    const weighted = DIFFICULTY_FACTORS.map((f) => ({ f, w: Math.max(0, weights[f]) * figs[f].scaled }));
    const difficulty = totalWeight > 0 && zs.hours > 0 ? (100 * weighted.reduce((t, x) => t + x.w, 0)) / totalWeight : 0;
    // A figure is a reason when it sits in the upper half of the county's range (or the zone is short of providers).
    const reasons = weighted
      .filter(({ f }) => zs.hours > 0 && (figs[f].scaled >= 0.5 || (f === 'providers' && figs[f].value > 0)))
      .sort((a, b) => b.w - a.w)
      .map(({ f }) => reasonFor(f, zs, figs[f], need, active.length));
    return { zone: zs.zone, difficulty, rank: 0, figures: figs, reasons };
  });
  const order = [...scored].sort((a, b) => (above(b.difficulty, a.difficulty) ? 1 : above(a.difficulty, b.difficulty) ? -1 : a.zone - b.zone));
  order.forEach((d, i) => (d.rank = i + 1));
  return scored;
}
