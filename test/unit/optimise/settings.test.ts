// The optimiser, the Optimise panel, the CLI and scoring's warnings take their rules
// and their travel from the same settings (rulesFromSettings, solver/travel.ts).
import { describe, expect, it } from 'vitest';
import { defaultsInWords, optimise, planObjective, resolveRules, rulesFromSettings, verifyPlan } from '../../../solver/optimise';
import { DEFAULT_SCORE_SETTINGS, scorePlan, type ScoreSettings } from '../../../solver/score';
import { syntheticCounty } from '../../../solver/testing/syntheticCounty';
import { Rurality } from '../../../solver/model';
import type { TravelSettings } from '../../../solver/travel';

const county = syntheticCounty({ units: 400, zones: 5, seed: 3 });
const withRules = (r: Partial<ScoreSettings['rules']>): ScoreSettings => ({ ...DEFAULT_SCORE_SETTINGS, rules: { ...DEFAULT_SCORE_SETTINGS.rules, ...r } });
const withTravel = (t: Partial<TravelSettings>): ScoreSettings => ({ ...DEFAULT_SCORE_SETTINGS, travel: { ...DEFAULT_SCORE_SETTINGS.travel, ...t } });
const codes = (s: ScoreSettings, zoneOf = county.plan.zoneOf) =>
  scorePlan(county.model, { zoneOf }, s).warnings.map((w) => w.code).filter((c) => c !== 'split-zone' && c !== 'no-base');

describe('rule defaults: one source', () => {
  it('are derived from the county where the settings leave them blank', () => {
    const r = rulesFromSettings(DEFAULT_SCORE_SETTINGS, county.model);
    // Every zone has a base with a capacity, so no band around the mean; a floor of one viable provider.
    expect(r.balance).toBeNull();
    expect(r.size).toEqual({ min: 250 });
    expect(r.ruralShare).toBeNull();
    expect(r.reach!.minutes % 5).toBe(0);
    expect(r.reach!.minutes).toBeGreaterThanOrEqual(30);
    expect(r.capacity).toBe(true);
    expect(r.contiguous).toBe(true);
    expect(r.disruption).toBeNull();
    // What the optimiser assumes for a rule nobody gave is the same.
    expect(resolveRules({}, county.model)).toEqual(r);
  });

  it('hold a county of small zones to half the mean zone, and fall back to ±25% where a capacity is unknown', () => {
    const small = syntheticCounty({ units: 60, zones: 5, seed: 3 });
    const mean = small.model.demand.hours.reduce((a, b) => a + b, 0) / 5;
    expect(mean / 2).toBeLessThan(250);
    expect(rulesFromSettings(DEFAULT_SCORE_SETTINGS, small.model).size).toEqual({ min: mean / 2 });
    const noCapacity = { ...county.model, bases: county.model.bases.map((b, i) => (i === 0 ? { ...b, capacityHours: 0 } : b)) };
    expect(rulesFromSettings(DEFAULT_SCORE_SETTINGS, noCapacity).balance).toEqual({ tolerance: 0.25 });
  });

  it("hold every zone to one healthy provider's hours, and name what the whole provider model needs", () => {
    const withModel = (providerModel: ScoreSettings['providerModel']): ScoreSettings => ({ ...DEFAULT_SCORE_SETTINGS, providerModel });
    const pm = DEFAULT_SCORE_SETTINGS.providerModel;
    expect(rulesFromSettings(withModel({ ...pm, healthyMinHours: 300 }), county.model).size).toEqual({ min: 300 });
    // Norfolk's 70% principal + 1 framework provider: the framework's 30% must reach 250 h/week, so 833 h/week.
    const norfolk = withModel({ ...pm, kind: 'principal', principalShare: 0.7, principalFrameworkProviders: 1 });
    expect(rulesFromSettings(norfolk, county.model).size).toEqual({ min: 250 });
    expect(defaultsInWords(norfolk, county.model)[0]).toBe(
      'Smallest zone 250 h/week: enough for one provider to be healthy. A 70% principal + 1 framework provider needs 833 h/week: a zone under that is warned of, not forbidden.',
    );
    expect(defaultsInWords(DEFAULT_SCORE_SETTINGS, county.model)[0]).toBe('Smallest zone 250 h/week: enough for one provider to be healthy.');
  });

  it('follow a change of settings', () => {
    const r = rulesFromSettings(
      withRules({ hoursTolerancePct: 40, zoneHoursMin: 500, reachMinutes: 45, ruralShareMin: 0.2, ruralShareMax: 0.7, checkCapacity: false }),
      county.model,
    );
    expect(r.balance).toEqual({ tolerance: 0.4 });
    expect(r.size).toEqual({ min: 500 });
    expect(r.reach).toEqual({ minutes: 45 });
    expect(r.ruralShare).toEqual({ min: 0.2, max: 0.7 });
    expect(r.capacity).toBe(false);
  });

  it('scoring warns exactly where the optimiser\'s verifier says a rule is broken', () => {
    const cases = [
      DEFAULT_SCORE_SETTINGS,
      withRules({ hoursTolerancePct: 5 }),
      withRules({ zoneHoursMin: 2500 }),
      withRules({ ruralShareMin: 0.5, ruralShareMax: 0.8 }),
      withRules({ hoursTolerancePct: 90, ruralShareMin: 0, ruralShareMax: 1 }),
    ];
    for (const settings of cases) {
      const rules = rulesFromSettings(settings, county.model);
      const v = verifyPlan(county.model, county.plan, rules, county.plan);
      const broken = new Set(codes(settings));
      const band = broken.has('hours-off-mean') || broken.has('zone-size');
      expect(band, JSON.stringify(settings.rules)).toBe(v.problems.some((p) => / h (below|above) band /.test(p)));
      expect(broken.has('over-capacity'), JSON.stringify(settings.rules)).toBe(v.problems.some((p) => /above capacity/.test(p)));
      expect(broken.has('rural-share'), JSON.stringify(settings.rules)).toBe(v.problems.some((p) => /rural share/.test(p)));
    }
    expect(codes(withRules({ hoursTolerancePct: 5 }))).toContain('hours-off-mean');
    expect(codes(withRules({ ruralShareMin: 0.5, ruralShareMax: 0.8 }))).toContain('rural-share');
    expect(codes(withRules({ zoneHoursMin: 2500 }))).toContain('zone-size');
    expect(codes(withRules({ hoursTolerancePct: 90, zoneHoursMin: 0, ruralShareMin: 0, ruralShareMax: 1, checkCapacity: false }))).toEqual([]);
  });

  it('a plan the optimiser proposes under the settings\' rules draws no rule warning from scoring', async () => {
    const settings = withRules({ hoursTolerancePct: 30, ruralShareMin: 0.1, ruralShareMax: 0.8 });
    const r = await optimise({ model: county.model, current: county.plan, rules: rulesFromSettings(settings, county.model, county.plan), travel: settings.travel });
    expect(r.status).toBe('feasible');
    expect(codes(settings, county.plan.zoneOf).length).toBeGreaterThan(0);
    expect(codes(settings, r.plan.zoneOf)).toEqual([]);
  });
});

describe('travel: one model, the user\'s settings', () => {
  const rules = { ...resolveRules({}, county.model), ruralShare: null, balance: { tolerance: 0.35 } };
  const slow = withTravel({ circuityFactor: 2 * DEFAULT_SCORE_SETTINGS.travel.circuityFactor });

  it('the optimiser\'s travel of a plan is scoring\'s travel from base', () => {
    for (const s of [DEFAULT_SCORE_SETTINGS, slow]) {
      const objective = planObjective(county.model, county.plan, rules, county.plan, { travel: s.travel });
      expect(objective).toBeCloseTo(scorePlan(county.model, county.plan, s).travel.hourMetres, 3);
    }
  });

  it('a changed circuity changes the optimiser and the scores alike', async () => {
    const a = await optimise({ model: county.model, current: county.plan, rules, travel: DEFAULT_SCORE_SETTINGS.travel });
    const b = await optimise({ model: county.model, current: county.plan, rules, travel: slow.travel });
    // Doubling every distance doubles the objective and leaves the best plan as it was.
    expect(b.objective).toBeCloseTo(2 * a.objective, 3);
    expect([...b.plan.zoneOf]).toEqual([...a.plan.zoneOf]);
    const scoreA = scorePlan(county.model, a.plan, DEFAULT_SCORE_SETTINGS).travel;
    const scoreB = scorePlan(county.model, b.plan, slow).travel;
    expect(scoreB.hourMetres).toBeCloseTo(2 * scoreA.hourMetres, 3);
    expect(b.objective).toBeCloseTo(scoreB.hourMetres, 3);
  });

  it('a changed speed changes the minutes scoring reports', () => {
    const fast = withTravel({ speedKmh: { [Rurality.Urban]: 48, [Rurality.RuralTown]: 72, [Rurality.RuralVillage]: 90 } });
    const a = scorePlan(county.model, county.plan, DEFAULT_SCORE_SETTINGS).travel;
    const b = scorePlan(county.model, county.plan, fast).travel;
    expect(b.hourMetres).toBeCloseTo(a.hourMetres, 6);
    expect(b.hourMinutes).toBeCloseTo(a.hourMinutes / 2, 3);
  });
});
