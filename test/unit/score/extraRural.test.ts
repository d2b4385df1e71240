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
    // Four remote sparse villages of 334 h each, and a town at the base.
    const village: UnitSpec = { ...awayBy(40), rurality: Rurality.RuralVillage, sparse: true, areaKm2: 1000, hours: 334, users: 30, waitingUsers: 6 };
    const model = makeModel(
      [{ lon: LON, lat: LAT, rurality: Rurality.Urban, hours: 5000, users: 500 }, village, village, village, village],
      [],
      1,
      [base('B', 0, LON, LAT, 10_000)],
    );
    const score = scorePlan(model, plan(0, 0, 0, 0, 0));
    expect(score.extraRural.flags.map((f) => f.unit)).toEqual([1, 2, 3, 4]);
    expect(score.extraRuralHours).toBe(1336);
    expect(Math.abs(score.extraRuralUpliftCost - 55_724)).toBeLessThan(10);
    expect(score.zones[0].extraRuralUpliftCost).toBeCloseTo(score.extraRuralUpliftCost, 9);
    expect(score.annualCost).toBeCloseTo((5000 * 15.63 + 1336 * 16.76) * 52.14, 6);
  });
});

describe('flags', () => {
  const settings = DEFAULT_SCORE_SETTINGS;

  it('give their reasons in words', () => {
    const model = makeModel(
      [{ ...awayBy(31), rurality: Rurality.RuralVillage, sparse: true, areaKm2: 100, hours: 40, users: 4, waitingUsers: 6 }],
      [],
      1,
      [base('B', 0, LON, LAT, 100)],
    );
    const { flags } = detectExtraRural(prepareScoring(model, settings));
    expect(flags).toHaveLength(1);
    expect(flags[0].reasons).toEqual(['sparse village', '31 km from base', '0.4 h/km²', '6 people waiting']);
    // rurality 1, distance 1, density 1 (0.4 <= 0.5 h/km2), waiting 1 (6 >= 5 people).
    expect(flags[0].criteria).toEqual({ rurality: 1, distance: 1, density: 1, waiting: 1 });
    expect(flags[0].score).toBeCloseTo(1, 12);
  });

  it('score each criterion between its low and high settings', () => {
    // 15 km: halfway from 5 to 25 km. 1.58 h/km2: halfway from 0.5 to 5 on a log scale. 2 of 5 people waiting.
    const density = Math.sqrt(0.5 * 5);
    const model = makeModel(
      [{ ...awayBy(15), rurality: Rurality.RuralTown, areaKm2: 10, hours: 10 * density, waitingUsers: 2 }],
      [],
      1,
      [base('B', 0, LON, LAT, 100)],
    );
    const { score } = detectExtraRural(prepareScoring(model, settings));
    // Criteria 0.4, 0.5, 0.5, 0.4, weighted by the default weights.
    const w = settings.extraRural.weights;
    const total = w.rurality + w.distance + w.density + w.waiting;
    expect(score[0]).toBeCloseTo((w.rurality * 0.4 + w.distance * 0.5 + w.density * 0.5 + w.waiting * 0.4) / total, 9);
  });

  it('never go to urban units, nor to units with no hours and no one waiting', () => {
    const remote = { ...awayBy(60), areaKm2: 500 };
    const model = makeModel(
      [
        { ...remote, rurality: Rurality.Urban, hours: 5, waitingUsers: 9 },
        { ...remote, rurality: Rurality.RuralVillage, sparse: true },
        { ...remote, rurality: Rurality.RuralVillage, sparse: true, waitingUsers: 2, waitingHours: 12 },
      ],
      [],
      1,
      [base('B', 0, LON, LAT, 100)],
    );
    const result = detectExtraRural(prepareScoring(model, settings));
    expect(Array.from(result.flagged)).toEqual([0, 0, 1]);
    expect(result.score[0]).toBeGreaterThan(settings.extraRural.switchOn);
    const newArea = result.flags[0];
    expect(newArea.newArea).toBe(true);
    expect(newArea.reasons).toContain('no hours yet (new area)');
    // Flagged but unpriced: no hours, so no uplift.
    expect(scorePlan(model, plan(0, 0, 0)).extraRuralUpliftCost).toBe(0);
  });
});

describe('hysteresis', () => {
  // Only the rurality criterion counts, so a plain village scores exactly 0.8.
  const only = (switchOn: number, switchOff: number): ScoreSettings => ({
    ...DEFAULT_SCORE_SETTINGS,
    extraRural: { ...DEFAULT_SCORE_SETTINGS.extraRural, weights: { rurality: 1, distance: 0, density: 0, waiting: 0 }, switchOn, switchOff },
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
