// Known answers on a 2 x 3 grid of 1 km squares:
//   row 0:  u0 u1 u2
//   row 1:  u3 u4 u5
// Zone 0 = {u0, u1} (u1 has no hours), zone 1 = {u2, u3} (two pieces, two bases),
// zone 2 = {u4} (no base), zone 3 = {} (empty, has a base), u5 unassigned.
import { describe, expect, it } from 'vitest';
import { asUnit, asZone, Rurality } from '../../../solver/model';
import { prepareScoring, scorePlan, ScoreState, type ScoreSettings } from '../../../solver/score';
import { haversineMetres } from '../../../solver/travel';
import { base, makeModel, NO_EXTRA_RURAL, plan } from './fixtures';

const LON0 = -0.5;
const LAT0 = 53;
const STEP_LON = 0.015;
const STEP_LAT = 0.009;
const at = (row: number, col: number) => ({ lon: LON0 + col * STEP_LON, lat: LAT0 - row * STEP_LAT });

const model = makeModel(
  [
    { ...at(0, 0), rurality: Rurality.Urban, town: 0, users: 2, hours: 10, doubleHandedHours: 4 },
    { ...at(0, 1), rurality: Rurality.Urban, town: 0 },
    { ...at(0, 2), rurality: Rurality.RuralTown, users: 1, hours: 6, waitingUsers: 1, waitingHours: 6 },
    { ...at(1, 0), rurality: Rurality.RuralVillage, sparse: true, town: 1, users: 3, hours: 14 },
    { ...at(1, 1), rurality: Rurality.RuralVillage, town: 1, users: 1, hours: 5 },
    { ...at(1, 2), rurality: Rurality.Urban, users: 1, hours: 8 },
  ],
  [
    [0, 1, 1],
    [1, 2, 1],
    [3, 4, 1],
    [4, 5, 1],
    [0, 3, 1],
    [1, 4, 1],
    [2, 5, 1],
  ],
  4,
  [
    base('A', 0, LON0 - 0.1, LAT0, 9),
    base('B-near-u2', 1, LON0 + 2 * STEP_LON + 0.005, LAT0 + 0.005, 25),
    base('B-at-u3', 1, LON0, LAT0 - STEP_LAT, 15),
    base('D', 3, LON0 + 0.3, LAT0, 10),
  ],
  2,
);
const settings: ScoreSettings = {
  ...NO_EXTRA_RURAL,
  rules: { hoursTolerancePct: 25, zoneHoursMin: 0, reachMinutes: null, ruralShareMin: 0.1, ruralShareMax: 0.8, checkCapacity: true },
  // Toy hours: a provider is healthy from 6 h/week, so Zone 3 (5 h) is too small for one.
  providerModel: { ...NO_EXTRA_RURAL.providerModel, healthyMinHours: 6 },
};
const thePlan = plan(0, 0, 1, 1, 2, -1);
const baseline = plan(0, 1, 1, 1, 2, 2);
const score = scorePlan(model, thePlan, settings, { baseline });
const [a, b, c, d] = score.zones;
const road = (lon1: number, lat1: number, lon2: number, lat2: number) => haversineMetres(lon1, lat1, lon2, lat2) * 1.3;
const minutes = (metres: number, kmh: number) => (metres / 1000 / kmh) * 60;
const WEEKS = 52.14;

describe('zone sums', () => {
  it('counts units, users and hours by kind', () => {
    expect(a).toMatchObject({ units: 2, users: 2, hours: 10, doubleHandedHours: 4, urbanHours: 10, waitingUsers: 0 });
    expect(b).toMatchObject({ units: 2, users: 4, hours: 20, ruralTownHours: 6, ruralVillageHours: 14, sparseHours: 14 });
    expect(b).toMatchObject({ waitingUsers: 1, waitingHours: 6 });
    expect(c).toMatchObject({ units: 1, hours: 5, ruralVillageHours: 5, sparseHours: 0 });
    expect(d).toMatchObject({ units: 0, users: 0, hours: 0, pieces: 0, areaKm2: 0, perimeterKm: 0 });
  });

  it('gives rural share of hours, null for an empty zone', () => {
    expect([a.ruralShare, b.ruralShare, c.ruralShare, d.ruralShare]).toEqual([0, 1, 1, null]);
  });

  it('balances against the mean zone (8.75 h) and against capacity', () => {
    expect(score.meanZoneHours).toBe(8.75);
    expect(a.balanceVsMeanPct).toBeCloseTo((100 * 1.25) / 8.75, 12);
    expect(d.balanceVsMeanPct).toBe(-100);
    expect(a.capacityHours).toBe(9);
    expect(a.capacityUsePct).toBeCloseTo(111.111111, 5);
    expect(a.overCapacity).toBe(true);
    expect(b.capacityHours).toBe(40);
    expect(b.capacityUsePct).toBe(50);
    expect(b.overCapacity).toBe(false);
    expect(c.capacityUsePct).toBeNull();
    expect(c.overCapacity).toBe(false);
  });
});

describe('travel', () => {
  it('is hours-weighted from the nearest base of the zone, at the speed of each unit', () => {
    const metresA = road(LON0 - 0.1, LAT0, LON0, LAT0);
    expect(a.travelFromBase!.metres).toBeCloseTo(metresA, 6);
    expect(a.travelFromBase!.minutes).toBeCloseTo(minutes(metresA, 24), 9);
    // u2 is nearest the first B base, u3 sits on the second (0 m).
    const u2 = at(0, 2);
    const toU2 = road(LON0 + 2 * STEP_LON + 0.005, LAT0 + 0.005, u2.lon, u2.lat);
    expect(road(LON0, LAT0 - STEP_LAT, u2.lon, u2.lat)).toBeGreaterThan(toU2);
    expect(b.travelFromBase!.metres).toBeCloseTo((6 * toU2) / 20, 6);
    expect(b.travelFromBase!.minutes).toBeCloseTo((6 * minutes(toU2, 36)) / 20, 9);
  });

  it('is null with no base or no hours', () => {
    expect(c.travelFromBase).toBeNull();
    expect(d.travelFromBase).toBeNull();
    expect(d.travelFromCentre).toBeNull();
    expect(d.centreOfWork).toBeNull();
  });

  it('measures from the hours-weighted centre of work', () => {
    expect(a.centreOfWork).toEqual(at(0, 0)); // u1 has no hours, so no weight
    expect(a.travelFromCentre).toEqual({ metres: 0, minutes: 0 });
    const u2 = at(0, 2);
    const u3 = at(1, 0);
    const centre = { lon: (6 * u2.lon + 14 * u3.lon) / 20, lat: (6 * u2.lat + 14 * u3.lat) / 20 };
    expect(b.centreOfWork!.lon).toBeCloseTo(centre.lon, 12);
    expect(b.centreOfWork!.lat).toBeCloseTo(centre.lat, 12);
    const d2 = road(centre.lon, centre.lat, u2.lon, u2.lat);
    const d3 = road(centre.lon, centre.lat, u3.lon, u3.lat);
    expect(b.travelFromCentre!.metres).toBeCloseTo((6 * d2 + 14 * d3) / 20, 6);
    expect(b.travelFromCentre!.minutes).toBeCloseTo((6 * minutes(d2, 36) + 14 * minutes(d3, 45)) / 20, 9);
  });

  it('adds up plan travel over zones with a base only', () => {
    const hourMetres = 10 * a.travelFromBase!.metres + 20 * b.travelFromBase!.metres;
    expect(score.travel.hourMetres).toBeCloseTo(hourMetres, 6);
    expect(score.travel.meanMetres).toBeCloseTo(hourMetres / 30, 6);
  });
});

describe('shape', () => {
  it('counts pieces: two for a zone in two parts, none for an empty zone', () => {
    expect([a.pieces, b.pieces, c.pieces, d.pieces]).toEqual([1, 2, 1, 0]);
  });

  it('takes shared borders off the perimeter for Polsby-Popper compactness', () => {
    expect(a.areaKm2).toBe(2);
    expect(a.perimeterKm).toBe(6);
    expect(a.compactness).toBeCloseTo((4 * Math.PI * 2) / 36, 12);
    expect(b.perimeterKm).toBe(8);
    expect(c.compactness).toBeCloseTo(Math.PI / 4, 12);
    expect(d.compactness).toBeNull();
  });

  it('lists towns split between zones', () => {
    expect(score.townsSplit).toEqual([{ town: 1, name: 'Town 2', zones: [1, 2] }]);
  });
});

describe('cost, plan totals and disruption', () => {
  it('prices each unit at its class rate', () => {
    expect(a.annualCost).toBeCloseTo(10 * 15.63 * WEEKS, 6);
    expect(b.annualCost).toBeCloseTo(20 * 15.96 * WEEKS, 6);
    expect(c.annualCost).toBeCloseTo(5 * 15.96 * WEEKS, 6);
    expect(d.annualCost).toBe(0);
    expect(score.annualCost).toBeCloseTo((10 * 15.63 + 25 * 15.96) * WEEKS, 6);
    expect(score.extraRuralUpliftCost).toBe(0);
  });

  it('reports spread, unassigned demand and disruption against the baseline', () => {
    const mean = 8.75;
    const sd = Math.sqrt([10, 20, 5, 0].reduce((s, h) => s + (h - mean) ** 2, 0) / 4);
    expect(score.hoursSpread).toMatchObject({ min: 0, max: 20, range: 20 });
    expect(score.hoursSpread!.cv).toBeCloseTo(sd / mean, 12);
    expect(score.ruralShareSpread).toMatchObject({ min: 0, max: 1, range: 1 });
    expect(score.assigned).toEqual({ units: 5, users: 7, hours: 35 });
    expect(score.unassigned).toEqual({ units: 1, users: 1, hours: 8 });
    // u1 moved zone 1 -> 0 (no people), u5 moved zone 2 -> unassigned (1 person, 8 h).
    expect(score.disruption).toEqual({ units: 2, users: 1, hours: 8 });
    expect(scorePlan(model, thePlan, settings).disruption).toBeNull();
  });
});

describe('rule warnings', () => {
  const codes = (z: { warnings: Array<{ code: string }> }) => z.warnings.map((w) => w.code).sort();

  it('flags each broken rule on its zone', () => {
    expect(codes(a)).toEqual(['over-capacity', 'rural-share']);
    expect(codes(b)).toEqual(['hours-off-mean', 'rural-share', 'split-zone']);
    expect(codes(c)).toEqual(['hours-off-mean', 'no-base', 'provider-model', 'rural-share']);
    // An empty zone needs no provider: no provider-model warning.
    expect(codes(d)).toEqual(['hours-off-mean']);
    expect(score.warnings).toHaveLength(10);
  });

  it('says what is wrong in words', () => {
    const messages = b.warnings.map((w) => w.message);
    expect(messages).toContain('Zone 2: 20 h/week is 129% above the mean zone (limit ±25%).');
    expect(messages).toContain('Zone 2 is in 2 separate pieces.');
    expect(c.warnings.find((w) => w.code === 'no-base')!.message).toBe('Zone 3 has no provider base.');
    expect(c.warnings.find((w) => w.code === 'provider-model')!.message).toBe('Zone 3: Too small for a lead provider: 5 h/week, under the 6 h/week a provider needs.');
  });

  it('follows the settings', () => {
    const loose: ScoreSettings = {
      ...settings,
      rules: { hoursTolerancePct: 1000, zoneHoursMin: 0, reachMinutes: null, ruralShareMin: 0, ruralShareMax: 1, checkCapacity: false },
      providerModel: { ...settings.providerModel, healthyMinHours: 0 },
    };
    const s = scorePlan(model, thePlan, loose);
    expect(s.warnings.map((w) => `${w.zone}:${w.code}`).sort()).toEqual(['1:split-zone', '2:no-base']);
  });
});

describe('ScoreState moves', () => {
  it('reports the two zones a move touches and matches a fresh score', () => {
    const state = new ScoreState(prepareScoring(model, settings), thePlan);
    const change = state.moveUnits([[asUnit(3), asZone(2)]]);
    expect(change).toEqual({ zones: [1, 2], meanZoneHoursChanged: false });
    expect(state.zonePieces(asZone(1))).toBe(1);
    expect(state.zoneScore(asZone(2))).toMatchObject({ units: 2, hours: 19, pieces: 1, perimeterKm: 6 });
    expect(state.planScore().townsSplit).toEqual([]);
    expect(state.moveUnits([[asUnit(5), asZone(3)]])).toEqual({ zones: [3], meanZoneHoursChanged: true });
  });

  it('empties a zone back to exact zeros and rejects bad moves', () => {
    const state = new ScoreState(prepareScoring(model, settings), thePlan);
    state.moveUnit(asUnit(4), asZone(0));
    expect(state.zoneScore(asZone(2))).toMatchObject({ units: 0, hours: 0, ruralShare: null, pieces: 0, compactness: null });
    expect(state.moveUnit(asUnit(4), asZone(0))).toBe(0);
    expect(() => state.moveUnit(asUnit(4), asZone(4))).toThrow(RangeError);
    expect(() => state.moveUnit(asUnit(99), asZone(0))).toThrow(RangeError);
    expect(() => new ScoreState(prepareScoring(model, settings), plan(0, 0))).toThrow(RangeError);
  });
});
