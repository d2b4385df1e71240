// Each unit's hourly rate and the reason for it, under the user's rate scheme
// (docs/SCORING.md, "Rates"). The rate belongs to the place: it depends on the unit,
// the settings and the extra-rural flags, never on the zone, so moving a unit
// between zones carries its rate with it.
//
// Distance bands measure road miles from the nearest centre with the one travel
// model (straight line x circuity). Distances are taken to a tenth of a mile, as
// the reason shows them, and a band includes its lower bound: exactly 3.0 miles is
// Band 2 of Norfolk's 0-3 / 3-6 / 6+ (the council's page does not say).
import { RURALITY_NAMES, Rurality, type CountyModel, type Town, type UnitIndex } from '../model';
import { roadMetresBetween } from '../travel';
import { extraRuralRate, uplifted, type PoundsPerHour, type RateCentre, type RateSettings, type ScoreSettings } from './settings';

export const METRES_PER_MILE = 1609.344;

/** Road miles from every unit to its nearest centre; plan- and flag-independent. */
export interface CentreDistances {
  centres: RateCentre[];
  /** Road miles to the nearest centre, to 0.1 mile; Infinity with no centre. */
  miles: Float64Array;
  /** Index into `centres` of the nearest, -1 with no centre. */
  nearest: Int32Array;
}

export interface UnitRates {
  /** The rate settings these rates were set with. */
  settings: RateSettings;
  /** £/h per unit, extra-rural uplift included. */
  rate: Float64Array;
  /** £/h per unit before any extra-rural uplift. */
  baseRate: Float64Array;
  /**
   * Rate category of each unit, an index into `categories`: class scheme urban / rural /
   * extra-rural; bands: the band; flat: flat / flat + uplift.
   */
  category: Uint8Array;
  categories: string[];
  /** 1 where the unit is flagged extra-rural (the flags these rates were set with). */
  flagged: Uint8Array;
  /** Distances to centres, under the bands scheme only. */
  distances: CentreDistances | null;
}

/** The centres band distances are measured from under these settings. */
export function rateCentres(model: CountyModel, settings: ScoreSettings): RateCentre[] {
  const r = settings.rates;
  return r.centreSource === 'points' ? r.centres : model.towns.map((t: Town) => ({ name: t.name, lon: t.lon, lat: t.lat }));
}

export function centreDistances(model: CountyModel, settings: ScoreSettings): CentreDistances {
  const centres = rateCentres(model, settings);
  const { count, lon, lat } = model.units;
  const miles = new Float64Array(count).fill(Infinity);
  const nearest = new Int32Array(count).fill(-1);
  for (let u = 0; u < count; u++) {
    let best = Infinity;
    for (let c = 0; c < centres.length; c++) {
      const m = roadMetresBetween(lon[u], lat[u], centres[c].lon, centres[c].lat, settings.travel);
      if (m < best) {
        best = m;
        nearest[u] = c;
      }
    }
    if (nearest[u] >= 0) miles[u] = Math.round((10 * best) / METRES_PER_MILE) / 10;
  }
  return { centres, miles, nearest };
}

/** Index of the band a distance falls in: the last band starting at or below it. */
export function bandOf(bands: ReadonlyArray<{ fromMiles: number }>, miles: number): number {
  let b = 0;
  for (let i = 1; i < bands.length; i++) if (miles >= bands[i].fromMiles) b = i;
  return b;
}

export const bandName = (i: number) => `Band ${i + 1}`;

export function unitRates(
  model: CountyModel,
  settings: ScoreSettings,
  flagged: Uint8Array,
  distances: CentreDistances | null,
): UnitRates {
  const r = settings.rates;
  const n = model.units.count;
  const rate = new Float64Array(n);
  const baseRate = new Float64Array(n);
  const category = new Uint8Array(n);
  let categories: string[];
  if (r.scheme === 'bands') {
    if (!distances) throw new Error('the bands rate scheme needs centre distances');
    categories = r.bands.map((_, i) => bandName(i));
    const flaggedRates = r.bands.map((b) => uplifted(b.rate, r.extraRuralUpliftPct));
    for (let u = 0; u < n; u++) {
      const b = bandOf(r.bands, distances.miles[u]);
      category[u] = b;
      baseRate[u] = r.bands[b].rate;
      rate[u] = flagged[u] ? flaggedRates[b] : baseRate[u];
    }
  } else if (r.scheme === 'flat') {
    categories = ['Flat', 'Flat + extra-rural uplift'];
    const up = uplifted(r.flat, r.extraRuralUpliftPct);
    for (let u = 0; u < n; u++) {
      category[u] = flagged[u] ? 1 : 0;
      baseRate[u] = r.flat;
      rate[u] = flagged[u] ? up : r.flat;
    }
  } else {
    categories = ['Urban', 'Rural', 'Extra-rural'];
    const extra = extraRuralRate(r);
    for (let u = 0; u < n; u++) {
      const urban = model.units.rurality[u] === Rurality.Urban;
      baseRate[u] = urban ? r.urban : r.rural;
      category[u] = flagged[u] ? 2 : urban ? 0 : 1;
      rate[u] = flagged[u] ? extra : baseRate[u];
    }
  }
  return { settings: r, rate, baseRate, category, categories, flagged, distances };
}

const money = (x: PoundsPerHour) => `£${x.toFixed(2)}`;

/** Why unit u has its rate, in words: "Band 2: 4.1 miles from Aylsham". */
export function rateReason(model: CountyModel, rates: UnitRates, u: UnitIndex): string {
  const r = rates.settings;
  const uplift = rates.flagged[u] && r.extraRuralUpliftPct !== 0 ? `, + ${r.extraRuralUpliftPct}% extra-rural` : '';
  if (r.scheme === 'bands') {
    const d = rates.distances!;
    const name = rates.categories[rates.category[u]];
    if (d.nearest[u] < 0) return `${name}: no centre to measure from${uplift}`;
    return `${name}: ${d.miles[u].toFixed(1)} miles from ${d.centres[d.nearest[u]].name}${uplift}`;
  }
  if (r.scheme === 'flat') return `Flat rate${uplift}`;
  if (rates.category[u] === 2) {
    return r.extraRuralRate !== null ? `Extra-rural: flagged, set rate ${money(r.extraRuralRate)}` : `Extra-rural: rural rate + ${r.extraRuralUpliftPct}%`;
  }
  const ruc = model.units.ruc[u];
  const cls = RURALITY_NAMES[model.units.rurality[u] as Rurality].toLowerCase();
  return `${rates.categories[rates.category[u]]}: ${cls} (${ruc || 'from user density'})`;
}

/** A zone's mix of rate categories in words, largest first: "Band 1 45% · Band 2 40% · Band 3 15%". */
export function rateMixWords(mix: ReadonlyArray<{ name: string; hours: number }>): string {
  const total = mix.reduce((t, m) => t + m.hours, 0);
  if (total <= 0) return '';
  return mix
    .filter((m) => m.hours > 0)
    .map((m) => `${m.name} ${Math.round((100 * m.hours) / total)}%`)
    .join(' · ');
}

/** What a flagged unit is paid, in words, for the panels and the report. */
export function extraRuralRateWords(r: RateSettings): string {
  if (r.scheme === 'class') return `${money(extraRuralRate(r))} instead of the rural ${money(r.rural)}`;
  if (r.extraRuralUpliftPct === 0) return 'no extra-rural uplift set';
  if (r.scheme === 'flat') return `${money(uplifted(r.flat, r.extraRuralUpliftPct))} instead of the flat ${money(r.flat)}`;
  return `its band's rate + ${r.extraRuralUpliftPct}%`;
}

/** The rate scheme in a few words: "Road-distance bands from the nearest of 28 centres (Band 1 0-3 miles £17.40, ...)". */
export function rateSchemeWords(r: RateSettings, centres: number): string {
  if (r.scheme === 'flat') return `Flat rate ${money(r.flat)} an hour`;
  if (r.scheme === 'class') return `Rural-urban class rates (urban ${money(r.urban)}, rural ${money(r.rural)}, extra-rural ${money(extraRuralRate(r))})`;
  const bands = r.bands.map((b, i) => {
    const next = r.bands[i + 1];
    return `${bandName(i)} ${next ? `${b.fromMiles}-${next.fromMiles}` : `${b.fromMiles}+`} miles ${money(b.rate)}`;
  });
  const from = centres > 0 ? `the nearest of ${centres} centres` : 'centres, but none is set (every unit is in the last band)';
  return `Road-distance bands from ${from} (${bands.join(', ')})`;
}
