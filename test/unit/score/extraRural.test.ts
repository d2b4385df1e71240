import { describe, expect, it } from 'vitest';
import { Rurality } from '../../../solver/model';
import {
  DEFAULT_SCORE_SETTINGS,
  detectExtraRural,
  extraRuralRate,
  prepareScoring,
  scorePlan,
  type ScoreSettings,
} from '../../../solver/score';
import { percentileOf } from '../../../solver/score/extraRural';
import { loadExampleCounty } from '../../support/exampleCounty';
import { base, latDegForKm, makeModel, plan, type UnitSpec } from './fixtures';

const LON = -0.4;
const LAT = 53;
/** A unit whose road distance (x 1.3 circuity) to a base at (LON, LAT) is `roadKm`. */
const awayBy = (roadKm: number) => ({ lon: LON, lat: LAT + latDegForKm(roadKm / 1.3) });

describe('extra-rural rate', () => {
  it('is the rural rate plus 5%, rounded to the penny as published: £16.76', () => {
    expect(extraRuralRate(DEFAULT_SCORE_SETTINGS.rates)).toBe(16.76);
    expect(extraRuralRate({ ...DEFAULT_SCORE_SETTINGS.rates, extraRuralRate: 17 })).toBe(17);
    expect(extraRuralRate({ ...DEFAULT_SCORE_SETTINGS.rates, extraRuralUpliftPct: 10 })).toBe(17.56);
  });

  it('reproduces Lincolnshire: 1,336 flagged h/week x £0.80 x 52.14 weeks is about £55,724 a year', () => {
    // Four remote sparse villages of 334 h each, among twenty town units at the base.
    const village: UnitSpec = { ...awayBy(40), rurality: Rurality.RuralVillage, sparse: true, areaKm2: 1000, hours: 334, users: 30, visits: 600, waitingUsers: 6 };
    const model = makeModel([...towns(20), village, village, village, village], [], 1, [base('B', 0, LON, LAT, 10_000)]);
    const score = scorePlan(model, plan(...model.units.lon.map(() => 0)));
    expect(score.extraRural.flags.map((f) => f.unit)).toEqual([20, 21, 22, 23]);
    expect(score.extraRuralHours).toBe(1336);
    expect(Math.abs(score.extraRuralUpliftCost - 55_724)).toBeLessThan(10);
    expect(score.zones[0].extraRuralUpliftCost).toBeCloseTo(score.extraRuralUpliftCost, 9);
    expect(score.annualCost).toBeCloseTo((20 * 250 * 15.63 + 1336 * 16.76) * 52.14, 6);
  });
});

/** Town units at the base: 250 h a week each on 1 km2. */
const towns = (n: number): UnitSpec[] =>
  Array.from({ length: n }, (_, i) => ({ lon: LON + i * 1e-4, lat: LAT, rurality: Rurality.Urban, areaKm2: 1, hours: 250, users: 25, visits: 500 }));

describe('flags', () => {
  const settings = DEFAULT_SCORE_SETTINGS;

  it('give their reasons in words, placed in the county', () => {
    const model = makeModel(
      [...towns(19), { ...awayBy(31), rurality: Rurality.RuralVillage, sparse: true, areaKm2: 100, hours: 40, users: 4, visits: 80, waitingUsers: 6 }],
      [],
      1,
      [base('B', 0, LON, LAT, 100)],
    );
    const ctx = prepareScoring(model, settings);
    const { flags } = detectExtraRural(ctx);
    expect(flags).toHaveLength(1);
    // The highest of 20 units sits at the 97.5th percentile (ties count half): the top 3%.
    const minutes = Math.round(ctx.visitTravel.placeMinutesPerContactHour[19]);
    expect(flags[0].reasons).toEqual(['sparse village', '31 km from base (top 3%)', `${minutes} min travel per contact hour (top 3%)`, '0.4 h/km² (lowest 3%)', '6 people waiting']);
    expect(flags[0].criteria).toEqual({ rurality: 1, travel: 1, distance: 1, density: 1, waiting: 1 });
    expect(flags[0].score).toBeCloseTo(1, 12);
  });

  it('place travel, distance and density in the county: 0 at the median, 1 at the 95th percentile', () => {
    // Twenty alike rural towns, 1 to 20 km from the base: only distance differs.
    const model = makeModel(
      Array.from({ length: 20 }, (_, k) => ({ ...awayBy(k + 1), rurality: Rurality.RuralTown, areaKm2: 10, hours: 20, users: 2, visits: 40 })),
      [],
      1,
      [base('B', 0, LON, LAT, 100)],
    );
    const ctx = prepareScoring(model, settings);
    const result = detectExtraRural(ctx);
    for (let k = 0; k < 20; k++) {
      const p = (k + 0.5) / 20;
      const distance = Math.min(1, Math.max(0, (p - 0.5) / 0.45));
      const w = settings.extraRural.weights;
      const total = w.rurality + w.travel + w.distance + w.density + w.waiting;
      // Alike travel and density sit at the median (0); rurality 0.4; nobody waiting.
      expect(result.score[k]).toBeCloseTo((w.rurality * 0.4 + w.distance * distance) / total, 9);
    }
    expect(percentileOf(Float64Array.of(1, 2, 2, 3), 2)).toBe(0.5);
    expect(percentileOf(Float64Array.of(1, 2, 2, 3), 4)).toBe(1);
    expect(percentileOf(new Float64Array(0), 4)).toBe(0.5);
  });

  it('never go to urban units, nor to units with no hours and no one waiting', () => {
    const remote = { ...awayBy(60), areaKm2: 500 };
    const model = makeModel(
      [
        ...towns(10),
        { ...remote, rurality: Rurality.Urban, hours: 5, users: 1, visits: 10, waitingUsers: 9 },
        { ...remote, rurality: Rurality.RuralVillage, sparse: true },
        { ...remote, rurality: Rurality.RuralVillage, sparse: true, waitingUsers: 2, waitingHours: 12 },
      ],
      [],
      1,
      [base('B', 0, LON, LAT, 100)],
    );
    const result = detectExtraRural(prepareScoring(model, settings));
    expect(Array.from(result.flagged.slice(10))).toEqual([0, 0, 1]);
    expect(result.score[10]).toBeGreaterThan(settings.extraRural.switchOn);
    const newArea = result.flags[0];
    expect(newArea.newArea).toBe(true);
    expect(newArea.reasons).toContain('no hours yet (new area)');
    // Flagged but unpriced: no hours, so no uplift.
    expect(scorePlan(model, plan(...model.units.lon.map(() => 0))).extraRuralUpliftCost).toBe(0);
  });
});

describe('flags on the example counties', () => {
  const flagsOf = (county: 'lincolnshire' | 'norfolk', clearSparse = false) => {
    const { model, plan: current } = loadExampleCounty(county);
    if (clearSparse) model.units.sparse.fill(0);
    const score = scorePlan(model, current);
    const byZone = new Map<string, number>();
    for (const f of score.extraRural.flags) {
      const name = model.zones[current.zoneOf[f.unit]].name;
      byZone.set(name, (byZone.get(name) ?? 0) + model.demand.hours[f.unit]);
    }
    return { model, current, score, byZone };
  };

  it('keep Lincolnshire within 10% of the 1,336 h/week its report priced', () => {
    const { score } = flagsOf('lincolnshire');
    expect(Math.abs(score.extraRuralHours / 1336 - 1)).toBeLessThanOrEqual(0.1);
  });

  it('flag the remote, low-volume north and west of Norfolk, and nothing in Norwich', () => {
    const { score, byZone } = flagsOf('norfolk');
    expect(score.extraRuralHours).toBeGreaterThan(1000);
    const hardest = [...byZone].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([z]) => z).sort();
    expect(hardest).toEqual(['Fakenham & Wells', 'West Norfolk Coastal']);
    expect([...byZone.keys()].filter((z) => z.startsWith('Norwich'))).toEqual([]);
  });

  it('still flag a county\'s remote places when ONS marks none of them sparse', () => {
    for (const county of ['lincolnshire', 'norfolk'] as const) {
      const { score } = flagsOf(county, true);
      expect(score.extraRural.flags.length, county).toBeGreaterThanOrEqual(15);
      expect(score.extraRuralHours, county).toBeGreaterThan(800);
    }
  });

  it('belong to the place: redrawing every zone changes no flag', () => {
    const { model, current, score } = flagsOf('norfolk');
    const shuffled = Int32Array.from(current.zoneOf, (z, u) => (u % 3 === 0 ? (z + 1) % model.zones.length : z));
    expect(Array.from(scorePlan(model, { zoneOf: shuffled }).extraRural.flagged)).toEqual(Array.from(score.extraRural.flagged));
  });
});

describe('hysteresis', () => {
  // Only the rurality criterion counts, so a plain village scores exactly 0.8.
  const only = (switchOn: number, switchOff: number): ScoreSettings => ({
    ...DEFAULT_SCORE_SETTINGS,
    extraRural: { ...DEFAULT_SCORE_SETTINGS.extraRural, weights: { rurality: 1, travel: 0, distance: 0, density: 0, waiting: 0 }, switchOn, switchOff },
  });
  const model = makeModel([{ lon: LON, lat: LAT, rurality: Rurality.RuralVillage, hours: 10 }], [], 1, [base('B', 0, LON, LAT, 100)]);
  const flagged = (s: ScoreSettings, previous?: number) =>
    detectExtraRural(prepareScoring(model, s), previous === undefined ? undefined : Uint8Array.of(previous));

  it('keeps the previous state of a unit between the thresholds', () => {
    expect(flagged(only(0.9, 0.7), 1).flagged[0]).toBe(1);
    expect(flagged(only(0.9, 0.7), 0).flagged[0]).toBe(0);
    expect(flagged(only(0.9, 0.7)).flagged[0]).toBe(0);
    const held = flagged(only(0.9, 0.7), 1).flags[0];
    expect(held.heldByHysteresis).toBe(true);
    expect(held.reasons.at(-1)).toBe('kept on: score 0.80 is below switch-on 0.9 but not below switch-off 0.7');
  });

  it('switches on at switch-on and off below switch-off', () => {
    expect(flagged(only(0.8, 0.7), 0).flagged[0]).toBe(1);
    expect(flagged(only(0.8, 0.7), 0).flags[0].heldByHysteresis).toBe(false);
    expect(flagged(only(0.95, 0.85), 1).flagged[0]).toBe(0);
  });

  it('flows through scorePlan as the previous flags', () => {
    const s = only(0.9, 0.7);
    expect(scorePlan(model, plan(0), s).extraRuralHours).toBe(0);
    expect(scorePlan(model, plan(0), s, { extraRuralFlags: Uint8Array.of(1) }).extraRuralHours).toBe(10);
  });
});
