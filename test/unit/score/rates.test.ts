// Rate schemes: each unit's rate and its reason, by class (Lincolnshire), by
// distance band from centres (Norfolk) and flat plus an uplift.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  bandOf,
  DEFAULT_SCORE_SETTINGS,
  prepareScoring,
  rateMixWords,
  rateReason,
  scorePlan,
  ScoreState,
  type ScoreSettings,
} from '../../../solver/score';
import { syntheticCounty } from '../../../solver/testing/syntheticCounty';
import { exampleCountySettings, loadExampleCounty } from '../../support/exampleCounty';
import { asUnit, asZone } from '../../../solver/model';

const csv = (path: string) => Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;

/** Great-circle metres, written out here so the test does not lean on the code it checks. */
function greatCircle(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
}

describe('distance bands', () => {
  it('include their lower bound: exactly 3 miles is Band 2 of 0-3 / 3-6 / 6+', () => {
    const bands = DEFAULT_SCORE_SETTINGS.rates.bands;
    expect([0, 2.9, 3, 5.9, 6, 40].map((m) => bandOf(bands, m))).toEqual([0, 0, 1, 1, 2, 2]);
  });
});

describe("Norfolk's banded rates on the Norfolk data", () => {
  const project = loadExampleCounty('norfolk');
  const settings = exampleCountySettings('norfolk');
  const score = scorePlan(project.model, project.plan, settings);
  const published = csv('data/source/norfolk_rates_2018.csv');
  const towns = csv('data/source/norfolk_towns.csv');

  it('opens on the published bands, measured from the real town and large-village points', () => {
    expect(settings.rates.scheme).toBe('bands');
    expect(settings.rates.bands).toEqual([
      { fromMiles: 0, rate: 17.4 },
      { fromMiles: 3, rate: 19.68 },
      { fromMiles: 6, rate: 21.72 },
    ]);
    expect(settings.rates.centreSource).toBe('towns');
    expect(project.model.towns.map((t) => t.name)).toEqual(towns.map((t) => t.name));
  });

  it("gives every unit the published rate of its band, from the road miles to its nearest centre", () => {
    const { units } = project.model;
    const circuity = settings.travel.circuityFactor;
    const counts = [0, 0, 0];
    for (let u = asUnit(0); u < units.count; u++) {
      const nearest = towns
        .map((t) => ({ name: t.name, miles: (greatCircle(units.lon[u], units.lat[u], Number(t.longitude), Number(t.latitude)) * circuity) / 1609.344 }))
        .sort((a, b) => a.miles - b.miles)[0];
      const tenths = Math.round(nearest.miles * 10) / 10;
      // The council's table: min_miles <= distance < max_miles (an empty max has no limit).
      const row = published.find((r) => tenths >= Number(r.min_miles) && (r.max_miles === '' || tenths < Number(r.max_miles)))!;
      expect(score.rates.rate[u]).toBe(Number(row.rate_gbp_per_hour));
      expect(rateReason(project.model, score.rates, u)).toBe(`Band ${row.band}: ${tenths.toFixed(1)} miles from ${nearest.name}`);
      counts[Number(row.band) - 1]++;
    }
    // All three bands occur, and most of the county lies within 6 miles of a centre.
    expect(counts.every((c) => c > 20)).toBe(true);
    expect(counts[0] + counts[1]).toBeGreaterThan(counts[2]);
  });

  it('puts central Norwich and Aylsham in Band 1 and the remote Brecks and coast in Band 3', () => {
    const unitAt = (lon: number, lat: number) => {
      const { units } = project.model;
      let best = asUnit(0);
      for (let u = asUnit(1); u < units.count; u++)
        if (greatCircle(lon, lat, units.lon[u], units.lat[u]) < greatCircle(lon, lat, units.lon[best], units.lat[best])) best = u;
      return best;
    };
    const norwich = unitAt(1.2926, 52.6285);
    expect(rateReason(project.model, score.rates, norwich)).toMatch(/^Band 1: 0\.\d miles from Norwich$/);
    expect(score.rates.rate[unitAt(1.2547, 52.7962)]).toBe(17.4);
    const farthest = score.rates.distances!.miles.reduce((b, m, u, all) => (m > all[b] ? u : b), 0);
    expect(score.rates.rate[farthest]).toBe(21.72);
    expect(score.rates.distances!.miles[farthest]).toBeGreaterThan(6);
  });

  it('prices the zones at their units’ rates and shows each zone’s mix of bands', () => {
    const weeks = settings.weeksPerYear;
    const { hours } = project.model.demand;
    let expected = 0;
    for (let u = 0; u < hours.length; u++) expected += hours[u] * score.rates.rate[u] * weeks;
    expect(score.annualCost).toBeCloseTo(expected, 4);
    expect(score.rates.categories).toEqual(['Band 1', 'Band 2', 'Band 3']);
    for (const z of score.zones) expect(z.rateMix.reduce((a, b) => a + b.hours, 0)).toBeCloseTo(z.hours, 6);
    const city = score.zones[project.model.zones.findIndex((z) => z.name === 'Norwich City')];
    // One centre for the whole city: its edge lies over 3 road miles out (GP surgeries as centres would fix that).
    expect(city.rateMix[0].hours).toBeGreaterThan(0.9 * city.hours);
    expect(rateMixWords(city.rateMix)).toBe('Band 1 95% · Band 2 5%');
    const fens = score.zones[project.model.zones.findIndex((z) => z.name === 'Fens and Brecks')];
    expect(fens.rateMix[2].hours).toBeGreaterThan(0.5 * fens.hours);
    expect(fens.meanRate!).toBeGreaterThan(19.68);
    // No uplift in Norfolk: its bands pay for distance.
    expect(score.extraRuralUpliftCost).toBe(0);
  });

  it('measures from imported centre points when the user gives them', () => {
    const one: ScoreSettings = {
      ...settings,
      rates: { ...settings.rates, centreSource: 'points', centres: [{ name: 'Surgery <b>', lon: 1.2926, lat: 52.6285 }] },
    };
    const s = scorePlan(project.model, project.plan, one);
    const far = asUnit(project.model.units.ids.findIndex((_, u) => s.rates.distances!.miles[u] > 30));
    expect(rateReason(project.model, s.rates, far)).toMatch(/^Band 3: \d+\.\d miles from Surgery <b>$/);
  });

  it('says so when there is no centre to measure from', () => {
    const none: ScoreSettings = { ...settings, rates: { ...settings.rates, centreSource: 'points', centres: [] } };
    const s = scorePlan(project.model, project.plan, none);
    expect(rateReason(project.model, s.rates, asUnit(0))).toBe('Band 3: no centre to measure from');
    expect(s.rates.rate[0]).toBe(21.72);
  });
});

describe('the class scheme (Lincolnshire)', () => {
  const project = loadExampleCounty('lincolnshire');
  const settings = exampleCountySettings('lincolnshire');
  const score = scorePlan(project.model, project.plan, settings);

  it('opens on the report rates and gives each unit its class rate with the ONS class as reason', () => {
    expect(settings.rates).toMatchObject({ scheme: 'class', urban: 15.63, rural: 15.96, extraRuralUpliftPct: 5 });
    const { units } = project.model;
    const urban = asUnit(units.ruc.findIndex((r) => r === 'C1'));
    expect(score.rates.rate[urban]).toBe(15.63);
    expect(rateReason(project.model, score.rates, urban)).toBe('Urban: urban (C1)');
    const village = asUnit(units.ids.findIndex((_, u) => units.ruc[u] === 'E1' && !score.extraRural.flagged[u]));
    expect(score.rates.rate[village]).toBe(15.96);
    expect(rateReason(project.model, score.rates, village)).toBe('Rural: rural village and dispersed (E1)');
    const flagged = asUnit(score.extraRural.flagged.indexOf(1));
    expect(score.rates.rate[flagged]).toBe(16.76);
    expect(rateReason(project.model, score.rates, flagged)).toBe('Extra-rural: rural rate + 5%');
  });

  it('keeps the uplift cost at flagged hours x £0.80 x 52.14 weeks', () => {
    expect(score.extraRuralUpliftCost).toBeCloseTo(score.extraRuralHours * 0.8 * 52.14, 4);
    for (const z of score.zones) expect(z.rateMix[2]).toEqual({ name: 'Extra-rural', hours: expect.closeTo(z.extraRuralHours, 9) });
  });
});

describe('the flat scheme', () => {
  it('pays one rate, and the uplift on it where a unit is flagged extra-rural', () => {
    const lincs = loadExampleCounty('lincolnshire');
    const base = exampleCountySettings('lincolnshire');
    const settings: ScoreSettings = { ...base, rates: { ...base.rates, scheme: 'flat', flat: 18, extraRuralUpliftPct: 10 } };
    const s = scorePlan(lincs.model, lincs.plan, settings);
    const flagged = asUnit(s.extraRural.flagged.indexOf(1));
    const plain = asUnit(s.extraRural.flagged.indexOf(0));
    expect(flagged).toBeGreaterThanOrEqual(0);
    expect(s.rates.rate[plain]).toBe(18);
    expect(s.rates.rate[flagged]).toBe(19.8);
    expect(rateReason(lincs.model, s.rates, plain)).toBe('Flat rate');
    expect(rateReason(lincs.model, s.rates, flagged)).toBe('Flat rate, + 10% extra-rural');
    expect(s.extraRuralUpliftCost).toBeCloseTo(s.extraRuralHours * 1.8 * settings.weeksPerYear, 4);
    for (const z of s.zones) {
      expect(z.rateMix).toEqual([{ name: 'Flat', hours: expect.closeTo(z.hours - z.extraRuralHours, 6) }, { name: 'Flat + extra-rural uplift', hours: expect.closeTo(z.extraRuralHours, 6) }]);
      if (z.hours > 0) expect(z.meanRate).toBeCloseTo((18 * (z.hours - z.extraRuralHours) + 19.8 * z.extraRuralHours) / z.hours, 9);
    }
  });
});

describe('incremental scoring under bands', () => {
  it('moves a unit’s band hours with it and matches a fresh score', () => {
    const { model, plan: start } = syntheticCounty({ units: 200, zones: 4, seed: 7, areaKm2: 1500 });
    const settings: ScoreSettings = { ...DEFAULT_SCORE_SETTINGS, rates: { ...DEFAULT_SCORE_SETTINGS.rates, scheme: 'bands' } };
    const ctx = prepareScoring(model, settings);
    const state = new ScoreState(ctx, start);
    const moved = start.zoneOf.slice();
    for (let i = 0; i < 200; i += 7) {
      const u = asUnit(i);
      const to = asZone((moved[u] + 1) % 4);
      moved[u] = to;
      state.moveUnit(u, to);
    }
    const fresh = new ScoreState(ctx, { zoneOf: moved }).planScore();
    const live = state.planScore();
    for (let z = 0; z < 4; z++) {
      live.zones[z].rateMix.forEach((m, k) => expect(m.hours).toBeCloseTo(fresh.zones[z].rateMix[k].hours, 9));
      expect(live.zones[z].annualCost).toBeCloseTo(fresh.zones[z].annualCost, 6);
    }
    expect(new Set(live.rates.category).size).toBeGreaterThan(1);
  });
});
