// Difficulty: relative to the county's own zones, one set of defaults for any county.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORE_SETTINGS, scorePlan, zoneDifficulty, type ZoneScore } from '../../../solver/score';
import { exampleCountySettings, loadExampleCounty } from '../../support/exampleCounty';
import { asZone } from '../../../solver/model';

const d = DEFAULT_SCORE_SETTINGS;

/** A zone's figures with only what difficulty reads. */
function zone(z: number, over: Partial<ZoneScore>): ZoneScore {
  const hours = over.hours ?? 1000;
  return {
    zone: asZone(z), units: 10, users: 100, hours, doubleHandedHours: 0, waitingUsers: 0, waitingHours: 0,
    urbanHours: hours, ruralTownHours: 0, ruralVillageHours: 0, sparseHours: 0, ruralShare: 0, balanceVsMeanPct: 0,
    capacityHours: 1000, capacityUsePct: 100, overCapacity: false, travelFromBase: null, travelFromCentre: null, centreOfWork: null,
    visitTravel: { visitsPerWeek: 2000, meanVisitMinutes: 30, metresPerVisit: 3000, minutesPerVisit: 5, minutesPerContactHour: 10, annualCost: 0 },
    pieces: 1, areaKm2: 10, perimeterKm: 10, compactness: 1, annualCost: 0, extraRuralHours: 0, extraRuralUpliftCost: 0, warnings: [],
    meanRate: null, rateMix: [], providers: { slots: [], viable: true, mostProviders: 1, reason: '' },
    ...over,
  };
}
const travel = (m: number): ZoneScore['visitTravel'] => ({ visitsPerWeek: 2000, meanVisitMinutes: 30, metresPerVisit: 3000, minutesPerVisit: m / 2, minutesPerContactHour: m, annualCost: 0 });

describe('zone difficulty', () => {
  it('places each figure in the county range and weights them into 0..100', () => {
    const zones = [
      zone(0, { visitTravel: travel(10), waitingUsers: 0, hours: 800 }),
      zone(1, { visitTravel: travel(20), waitingUsers: 10, hours: 900 }),
      zone(2, { visitTravel: travel(40), waitingUsers: 20, hours: 1200 }),
    ];
    const w = { travel: 1, waiting: 1, capacity: 1, rurality: 0, providers: 0 };
    const [a, b, c] = zoneDifficulty(zones, w, d.extraRural);
    // Travel 10, 20, 40 -> 0, 1/3, 1; waiting 0, 10%, 20% -> 0, 0.5, 1; capacity 0.8, 0.9, 1.2 -> 0, 0.25, 1.
    expect(a.difficulty).toBeCloseTo(0, 9);
    expect(b.difficulty).toBeCloseTo((100 * (1 / 3 + 0.5 + 0.25)) / 3, 9);
    expect(c.difficulty).toBeCloseTo(100, 9);
    expect([a.rank, b.rank, c.rank]).toEqual([3, 2, 1]);
    expect(c.reasons).toEqual(['40 min travel per contact hour, highest', '20 people waiting (20%), highest', '120% of capacity, highest']);
    // The middle zone's travel is in the lower half of the range: not a reason.
    expect(b.reasons).toEqual(['10 people waiting (10%), 2nd highest']);
  });

  it('counts a zone too small for its providers as hard in any county, and ranks zones without hours last', () => {
    const zones = [zone(0, { hours: 100, capacityHours: 100 }), zone(1, { hours: 1000 }), zone(2, { hours: 0, users: 0 })];
    const w = { travel: 0, waiting: 0, capacity: 0, rurality: 0, providers: 1 };
    const [small, big, empty] = zoneDifficulty(zones, w, d.extraRural);
    // One lead provider needs 250 h/week: 100 h is 60% short.
    expect(small.figures.providers.value).toBeCloseTo(0.6, 9);
    expect(small.difficulty).toBeCloseTo(60, 9);
    expect(small.reasons).toEqual(['100 h/week, below the 250 h/week one lead provider needs']);
    expect(big.difficulty).toBe(0);
    expect(empty.rank).toBe(3);
    expect(empty.reasons).toEqual([]);
  });
});

describe('the hardest zones of the example counties, with one set of defaults', () => {
  const ranked = (county: 'lincolnshire' | 'norfolk') => {
    const { model, plan } = loadExampleCounty(county);
    const score = scorePlan(model, plan, d);
    return [...score.difficulty].sort((a, b) => a.rank - b.rank).map((x) => ({ ...x, name: model.zones[x.zone].name }));
  };

  it('ranks Sleaford (zone 10) among the three hardest in Lincolnshire, for its waiting and capacity', () => {
    const r = ranked('lincolnshire');
    const sleaford = r.find((x) => x.name === 'Sleaford')!;
    expect(sleaford.rank).toBeLessThanOrEqual(3);
    expect(sleaford.reasons.join('; ')).toMatch(/40 people waiting .*highest/);
    expect(sleaford.reasons.join('; ')).toMatch(/117% of capacity, highest/);
    // The city zones are the easiest.
    expect(r.slice(-2).map((x) => x.name).sort()).toEqual(['Hykeham', 'Lincoln']);
  });

  it('ranks the sparse north and west hardest in Norfolk', () => {
    const top = ranked('norfolk').slice(0, 3).map((x) => x.name);
    expect(top.sort()).toEqual(['Fakenham & Wells', 'Fens and Brecks', 'West Norfolk Coastal']);
    const city = ranked('norfolk').find((x) => x.name === 'Norwich City')!;
    expect(city.rank).toBe(17);
  });

  it("counts the providers Norfolk's own model needs: Gorleston is too small for a 70% principal + 1 framework provider", () => {
    const { model, plan } = loadExampleCounty('norfolk');
    const settings = exampleCountySettings('norfolk');
    expect(settings.providerModel.kind).toBe('principal');
    const score = scorePlan(model, plan, settings);
    const named = score.difficulty.map((x) => ({ ...x, name: model.zones[x.zone].name }));
    const gorleston = named.find((x) => x.name === 'Gorleston')!;
    expect(gorleston.reasons.join('; ')).toMatch(/below the 83\d h\/week a 70% principal \+ 1 framework provider needs/);
    // The one lead provider of the default settings asks 250 h/week, which Gorleston carries.
    const asLead = scorePlan(model, plan, d).difficulty.find((x) => x.zone === gorleston.zone)!;
    expect(asLead.reasons.join('; ')).not.toMatch(/h\/week .* needs/);
    expect(named.sort((a, b) => a.rank - b.rank).slice(0, 3).map((x) => x.name).sort()).toEqual(['Fakenham & Wells', 'Fens and Brecks', 'West Norfolk Coastal']);
  });
});
