// Provider models: does each zone's demand keep the providers its model needs
// healthy (at least 250 h/week each, report 000)? On both example counties.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCORE_SETTINGS,
  minViableZoneHours,
  providerFit,
  providerSlotsWords,
  providersPerZone,
  scorePlan,
  type ProviderModelSettings,
  type ScoreSettings,
} from '../../../solver/score';
import { readScoreSettings } from '../../../solver/score/settingsSchema';
import { exampleCountySettings, loadExampleCounty } from '../../support/exampleCounty';

const D = DEFAULT_SCORE_SETTINGS.providerModel;
const model = (p: Partial<ProviderModelSettings>): ProviderModelSettings => ({ ...D, ...p });

describe('provider fit of one zone', () => {
  it('says a 300 h/week framework zone cannot keep two providers healthy', () => {
    const fit = providerFit(300, model({ kind: 'framework', frameworkProviders: 2 }));
    expect(fit.viable).toBe(false);
    expect(fit.slots).toEqual([{ role: 'framework', hours: 150 }, { role: 'framework', hours: 150 }]);
    expect(fit.mostProviders).toBe(1);
    expect(fit.reason).toBe('2 framework providers at 150 h/week each: too small, under the 250 h/week a provider needs');
  });

  it('gives a lead provider the whole zone, and refuses one under the healthy minimum', () => {
    expect(providerFit(2342, model({ kind: 'lead' }))).toEqual({
      slots: [{ role: 'lead', hours: 2342 }], viable: true, mostProviders: 1, reason: 'One lead provider for 2,342 h/week',
    });
    expect(providerFit(180, model({ kind: 'lead' })).reason).toBe('Too small for a lead provider: 180 h/week, under the 250 h/week a provider needs');
    expect(providerFit(0, model({ kind: 'lead' })).viable).toBe(false);
  });

  it('splits a principal zone 70/30 and checks both the principal and its framework providers', () => {
    const norfolk = model({ kind: 'principal', principalShare: 0.7, principalFrameworkProviders: 1 });
    const big = providerFit(2578, norfolk);
    expect(big.slots.map((s) => [s.role, Math.round(s.hours)])).toEqual([['principal', 1805], ['framework', 773]]);
    expect(big.viable).toBe(true);
    expect(big.reason).toBe('Principal 1,805 h/week (70%) + 1 framework provider at 773 h/week');
    const small = providerFit(648, norfolk);
    expect(small.viable).toBe(false);
    expect(small.reason).toBe('Principal 454 h/week (70%) + 1 framework provider at 194 h/week: too small, under the 250 h/week a provider needs');
    expect(providerSlotsWords(small)).toBe('Principal 454 + 1 framework × 194 h/week');
    expect(providerSlotsWords(providerFit(300, model({ kind: 'framework', frameworkProviders: 2 })))).toBe('2 framework × 150 h/week');
    expect(providerSlotsWords(providerFit(2342, model({ kind: 'lead' })))).toBe('Lead 2,342 h/week');
    expect(providerSlotsWords(providerFit(0, model({ kind: 'lead' })))).toBe('none');
    // Framework hours above the healthy maximum: room for more local providers.
    expect(providerFit(5000, norfolk).reason).toMatch(/1 framework provider at 1,500 h\/week; hours for up to 6$/);
  });

  it('gives the least zone size each model needs, for default zone sizes', () => {
    expect(minViableZoneHours(model({ kind: 'lead' }))).toBe(250);
    expect(minViableZoneHours(model({ kind: 'framework', frameworkProviders: 2 }))).toBe(500);
    // Norfolk: 1 framework provider at 250 h is 30% of 833 h.
    expect(minViableZoneHours(model({ kind: 'principal' }))).toBeCloseTo(250 / 0.3, 9);
    expect(providersPerZone(model({ kind: 'principal', principalFrameworkProviders: 2 }))).toBe(3);
    // A zone of exactly the minimum is viable; just under is not.
    for (const kind of ['lead', 'framework', 'principal'] as const) {
      const m = model({ kind });
      expect(providerFit(minViableZoneHours(m) + 1e-9, m).viable).toBe(true);
      expect(providerFit(minViableZoneHours(m) - 0.01, m).viable).toBe(false);
    }
  });
});

describe('provider models on the example counties', () => {
  const notViable = (county: 'lincolnshire' | 'norfolk', p: Partial<ProviderModelSettings>) => {
    const project = loadExampleCounty(county);
    const base = exampleCountySettings(county);
    const settings: ScoreSettings = { ...base, providerModel: { ...base.providerModel, ...p } };
    const score = scorePlan(project.model, project.plan, settings);
    return score.zones.filter((z) => !z.providers.viable).map((z) => project.model.zones[z.zone].name);
  };

  it('open on their councils’ models: Lincolnshire lead providers, Norfolk a 70% principal with a framework provider', () => {
    expect(exampleCountySettings('lincolnshire').providerModel.kind).toBe('lead');
    expect(exampleCountySettings('norfolk').providerModel).toMatchObject({ kind: 'principal', principalShare: 0.7, principalFrameworkProviders: 1 });
  });

  it('keep every Lincolnshire zone viable as lead or two-provider framework zones; five providers are too many for the smallest', () => {
    expect(notViable('lincolnshire', { kind: 'lead' })).toEqual([]);
    expect(notViable('lincolnshire', { kind: 'framework', frameworkProviders: 2 })).toEqual([]);
    expect(notViable('lincolnshire', { kind: 'framework', frameworkProviders: 5 })).toEqual(['Market Rasen', 'Hykeham']);
  });

  it('find Gorleston too small for a principal and a framework provider, and warn on it', () => {
    expect(notViable('norfolk', {})).toEqual(['Gorleston']);
    const project = loadExampleCounty('norfolk');
    const score = scorePlan(project.model, project.plan, exampleCountySettings('norfolk'));
    const gorleston = score.zones[project.model.zones.findIndex((z) => z.name === 'Gorleston')];
    expect(gorleston.warnings.map((w) => w.code)).toContain('provider-model');
    expect(gorleston.warnings.find((w) => w.code === 'provider-model')!.message).toMatch(/^Gorleston: Principal 454 h\/week \(70%\) \+ 1 framework provider at 194 h\/week: too small/);
  });

  it("agree with Norfolk's tender: King's Lynn keeps one framework provider healthy, Fens and Brecks two", () => {
    const two = notViable('norfolk', { principalFrameworkProviders: 2 });
    expect(two).toContain("King's Lynn");
    expect(two).not.toContain('Fens and Brecks');
    expect(notViable('norfolk', { principalFrameworkProviders: 1 })).not.toContain("King's Lynn");
  });

  it('move with the healthy minimum: at 500 h/week seven Norfolk lots cannot keep their framework provider', () => {
    expect(notViable('norfolk', { healthyMinHours: 500 })).toHaveLength(7);
    expect(notViable('norfolk', { healthyMinHours: 150 })).toEqual([]);
  });
});

describe('provider model settings', () => {
  it('are checked with their ranges where settings come in', () => {
    expect(readScoreSettings({ providerModel: { kind: 'framework', frameworkProviders: 3 } }).providerModel).toEqual({ ...D, kind: 'framework', frameworkProviders: 3 });
    expect(() => readScoreSettings({ providerModel: { kind: 'consortium' } })).toThrow(/settings\.providerModel\.kind: must be one of lead, framework, principal, found "consortium"/);
    expect(() => readScoreSettings({ providerModel: { frameworkProviders: 1.5 } })).toThrow(/frameworkProviders: must be a whole number/);
    expect(() => readScoreSettings({ providerModel: { healthyMinHours: 1200 } })).toThrow(/providerModel\.healthyMinHours \(1200\) must be below providerModel\.healthyMaxHours \(1000\)/);
  });
});
