// Travel between visits: the estimate worked by hand on tiny counties, and checked
// against real tours (nearest neighbour + 2-opt) through the users of the embedded county.
import { describe, expect, it } from 'vitest';
import { asUnit, asZone, Rurality } from '../../../solver/model';
import {
  bandVisitsOf, catchmentAreas, DEFAULT_SCORE_SETTINGS, prepareScoring, scorePlan, ScoreState, TOUR_CONSTANT, type ScoreSettings,
} from '../../../solver/score';
import { defaultVisitsPerWeek } from '../../../solver/visitPattern';
import { estimateErrors, tourLengthKm } from '../../support/tours';
import { makeModel, plan } from './fixtures';

const settings = (over: Partial<ScoreSettings['visitTravel']> = {}, travel: Partial<ScoreSettings['travel']> = {}): ScoreSettings => ({
  ...DEFAULT_SCORE_SETTINGS,
  travel: { ...DEFAULT_SCORE_SETTINGS.travel, ...travel },
  visitTravel: { ...DEFAULT_SCORE_SETTINGS.visitTravel, ...over },
});

describe('the default visit pattern', () => {
  it('gives 30-minute visits up to 14 h a week, then longer ones, four a day at most', () => {
    expect([0, 0.5, 2, 7, 10.5, 14, 21, 28, 56].map(defaultVisitsPerWeek)).toEqual([0, 1, 4, 14, 21, 28, 28, 28, 28]);
    // 21 h in 28 visits: 45 minutes each; 56 h: two-hour visits.
    expect((60 * 21) / defaultVisitsPerWeek(21)).toBe(45);
  });
});

describe('travel between visits on a hand-made county', () => {
  // One unit of 4 km2, 7 visits a week, all in the morning: one visit a day.
  const one = (visits: number, bandVisits?: [number, number, number, number], doubleHandedHours = 0) =>
    makeModel([{ lon: 0, lat: 0, rurality: Rurality.RuralVillage, areaKm2: 4, users: 1, hours: 3.5, doubleHandedHours, visits, bandVisits }], [], 1, []);

  it('is beta x sqrt(7 x area) x the sum over bands of sqrt(visits a week), in road metres', () => {
    const s = settings({ rotaFactor: 2 });
    const unit = new ScoreState(prepareScoring(one(7, [7, 0, 0, 0]), s), plan(0)).unitVisitTravel(asUnit(0));
    // beta sqrt(n A) a day with n = 1, A = 4: beta x 2 km; seven days; x circuity 1.3 x rota 2.
    const metres = TOUR_CONSTANT * Math.sqrt(7 * 4) * Math.sqrt(7) * 1.3 * 2 * 1000;
    expect(unit.metres).toBeCloseTo(metres, 6);
    expect(metres).toBeCloseTo(TOUR_CONSTANT * 2 * 7 * 1.3 * 2 * 1000, 6);
    // Villages are driven at 45 km/h.
    expect(unit.minutes).toBeCloseTo((metres / 45000) * 60, 6);
  });

  it('spreads visits without a band over the band shares, and sums bands as square roots', () => {
    const model = one(28);
    const s = settings({ bandShares: { morning: 1, lunch: 1, tea: 1, bed: 1 } });
    expect(Array.from(bandVisitsOf(model, s.visitTravel, asUnit(0)))).toEqual([7, 7, 7, 7]);
    const spread = new ScoreState(prepareScoring(model, s), plan(0)).unitVisitTravel(asUnit(0)).metres;
    const allMorning = new ScoreState(prepareScoring(one(28, [28, 0, 0, 0]), s), plan(0)).unitVisitTravel(asUnit(0)).metres;
    // Four tours of one visit each cost twice one tour of four visits: sqrt(4) vs 4 x sqrt(1).
    expect(spread / allMorning).toBeCloseTo(2, 9);
  });

  it('counts the empty units nearest a unit in its catchment, so fields between villages are crossed', () => {
    // A line of four units of 1, 2, 3 and 4 km2; visits only at the ends.
    const model = makeModel(
      [1, 2, 3, 4].map((a, i) => ({ lon: i * 0.01, lat: 0, rurality: Rurality.RuralVillage, areaKm2: a, visits: i === 0 || i === 3 ? 7 : 0 })),
      [[0, 1, 1], [1, 2, 1], [2, 3, 1]],
      1,
      [],
    );
    expect(Array.from(catchmentAreas(model))).toEqual([3, 0, 0, 7]);
  });

  it('makes minutes per contact hour (60 / visit length) x travel minutes per visit, and pays both carers of a double-handed visit', () => {
    const single = new ScoreState(prepareScoring(one(7), DEFAULT_SCORE_SETTINGS), plan(0)).zoneScore(asZone(0)).visitTravel!;
    expect(single.meanVisitMinutes).toBe(30);
    expect(single.minutesPerContactHour).toBeCloseTo((60 / single.meanVisitMinutes!) * single.minutesPerVisit, 9);
    const double = new ScoreState(prepareScoring(one(7, undefined, 3.5), DEFAULT_SCORE_SETTINGS), plan(0)).zoneScore(asZone(0)).visitTravel!;
    expect(double.minutesPerContactHour).toBeCloseTo(single.minutesPerContactHour!, 9);
    expect(double.annualCost).toBeCloseTo(2 * single.annualCost, 6);
    // A year: 52.14 weeks of travel hours at £12.21 plus miles at 45p.
    const { minutes, metres } = new ScoreState(prepareScoring(one(7), DEFAULT_SCORE_SETTINGS), plan(0)).unitVisitTravel(asUnit(0));
    expect(single.annualCost).toBeCloseTo(52.14 * ((minutes / 60) * 12.21 + (metres / 1609.344) * 0.45), 6);
  });

  it('gives a thin unit beside a busy one of the same zone the density of the two together', () => {
    // A town unit of 1 km2 with 70 visits a week beside a rural unit of 49 km2 with 7.
    const model = makeModel(
      [
        { lon: 0, lat: 0, rurality: Rurality.Urban, areaKm2: 1, hours: 35, visits: 70, bandVisits: [70, 0, 0, 0] },
        { lon: 0.05, lat: 0, rurality: Rurality.RuralVillage, areaKm2: 49, hours: 3.5, visits: 7, bandVisits: [7, 0, 0, 0] },
      ],
      [[0, 1, 5]],
      2,
      [],
    );
    const ctx = prepareScoring(model, settings({ rotaFactor: 1 }, { circuityFactor: 1 }));
    const km = (zoneOf: number[], u: number) => new ScoreState(ctx, plan(...zoneOf)).unitVisitTravel(asUnit(u)).metres / 1000;
    // Alone in its zone: one visit a day over 49 km2 -> beta x 7 km a day.
    expect(km([0, 1], 1)).toBeCloseTo(TOUR_CONSTANT * 7 * 7, 9);
    // With the town: 11 visits a day over 50 km2 -> its visit costs beta x sqrt(50 / 11) a day.
    expect(km([0, 0], 1)).toBeCloseTo(TOUR_CONSTANT * 7 * Math.sqrt(50 / 11), 9);
    // The town keeps its own, higher density either way.
    expect(km([0, 0], 0)).toBeCloseTo(km([0, 1], 0), 12);
    // Moving the rural unit in and out again gives the figures of a fresh score.
    const state = new ScoreState(ctx, plan(0, 1));
    state.moveUnit(asUnit(1), asZone(0));
    expect(state.zoneScore(asZone(0)).visitTravel!.metresPerVisit).toBeCloseTo(new ScoreState(ctx, plan(0, 0)).zoneScore(asZone(0)).visitTravel!.metresPerVisit, 9);
    state.moveUnit(asUnit(1), asZone(1));
    expect(state.unitVisitTravel(asUnit(1)).metres / 1000).toBeCloseTo(TOUR_CONSTANT * 7 * 7, 9);
  });

  it('has no figure for a zone without visits', () => {
    const model = makeModel([{ lon: 0, lat: 0, rurality: Rurality.Urban }], [], 2, []);
    const score = scorePlan(model, plan(0));
    expect(score.zones[0].visitTravel).toBeNull();
    expect(score.visitTravel).toBeNull();
  });
});

describe('the estimate against real tours through the example counties\' users', () => {
  for (const [county, zones] of [['lincolnshire', 12], ['norfolk', 17]] as const) it(`is within 15% of nearest-neighbour + 2-opt tours in every zone of 20+ users of ${county}`, () => {
    const big = estimateErrors(county).filter((e) => e.users >= 20);
    expect(big).toHaveLength(zones);
    for (const e of big) expect(Math.abs(e.error), e.zone).toBeLessThanOrEqual(0.15);
    const meanAbs = big.reduce((t, e) => t + Math.abs(e.error), 0) / big.length;
    expect(meanAbs).toBeLessThan(0.08);
  });

  it('builds tours no longer than nearest neighbour alone and near the published constant on uniform points', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const n = 200;
    const x = Float64Array.from({ length: n }, () => rand() * 10);
    const y = Float64Array.from({ length: n }, () => rand() * 10);
    const length = tourLengthKm(x, y);
    // Within 20% above the asymptotic 0.7124 sqrt(n A) for 200 points in 100 km2.
    expect(length / (0.7124 * Math.sqrt(n * 100))).toBeGreaterThan(1);
    expect(length / (0.7124 * Math.sqrt(n * 100))).toBeLessThan(1.2);
    expect(tourLengthKm(Float64Array.of(0, 3), Float64Array.of(0, 4))).toBe(10);
  });
});
