// The settings form: every field reads and writes its own setting, and invalid
// combinations are named on the field at fault.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORE_SETTINGS, type ScoreSettings } from '../../../solver/score';
import { bandErrors, NUMBER_FIELDS, settingsErrors } from '../../../src/ui/settingsFields';

const d = DEFAULT_SCORE_SETTINGS;

describe('settings fields', () => {
  it('accepts the defaults', () => {
    expect(settingsErrors(d)).toEqual({});
  });

  it('has one field per setting, each writing only its own value', () => {
    expect(new Set(NUMBER_FIELDS.map((f) => f.id)).size).toBe(NUMBER_FIELDS.length);
    for (const f of NUMBER_FIELDS) {
      const changed = f.set(d, 0.37);
      expect(f.get(changed)).toBeCloseTo(0.37, 9);
      for (const g of NUMBER_FIELDS) if (g !== f) expect(g.get(changed)).toBe(g.get(d));
    }
    expect(NUMBER_FIELDS.find((f) => f.id === 'rate-extra')!.set(d, null).rates.extraRuralRate).toBeNull();
  });

  it('rejects negative rates and a switch-off above switch-on', () => {
    const negative: ScoreSettings = { ...d, rates: { ...d.rates, urban: -1 } };
    expect(settingsErrors(negative)).toEqual({ 'rate-urban': 'must not be negative' });
    const crossed: ScoreSettings = { ...d, extraRural: { ...d.extraRural, switchOn: 0.5, switchOff: 0.6 } };
    expect(Object.keys(settingsErrors(crossed))).toEqual(['switch-off']);
  });

  it('rejects a rural share minimum above the maximum and an empty percentile range', () => {
    const s: ScoreSettings = {
      ...d,
      rules: { ...d.rules, ruralShareMin: 0.9, ruralShareMax: 0.8 },
      extraRural: { ...d.extraRural, percentileLow: 90, percentileHigh: 80 },
    };
    expect(Object.keys(settingsErrors(s)).sort()).toEqual(['pct-high', 'rural-min']);
  });

  it('rejects call-band shares that leave no band and a rota factor of 0', () => {
    const s: ScoreSettings = { ...d, visitTravel: { ...d.visitTravel, rotaFactor: 0, bandShares: { morning: 0, lunch: 0, tea: 0, bed: 0 } } };
    expect(Object.keys(settingsErrors(s)).sort()).toEqual(['band-morning', 'rota-factor']);
  });

  it('checks distance bands: start at 0, rise, and pay something', () => {
    expect(bandErrors(d.rates.bands)).toEqual({});
    expect(bandErrors([{ fromMiles: 1, rate: 17 }, { fromMiles: 3, rate: 0 }, { fromMiles: 3, rate: 20 }])).toEqual({
      'band-0-from': 'the first band starts at 0 miles',
      'band-1-rate': 'must be above 0',
      'band-2-from': "must be above band 2's 3 miles",
    });
    expect(bandErrors([])).toEqual({ bands: 'add at least one band' });
    // Only the scheme in use is checked: bad bands do not block the class scheme.
    const badBands: ScoreSettings = { ...d, rates: { ...d.rates, bands: [{ fromMiles: 2, rate: 17 }] } };
    expect(settingsErrors(badBands)).toEqual({});
    expect(Object.keys(settingsErrors({ ...badBands, rates: { ...badBands.rates, scheme: 'bands' } }))).toEqual(['band-0-from']);
  });

  it('shows the class rates only under the class scheme and the flat rate only under flat', () => {
    const shown = (s: ScoreSettings) => NUMBER_FIELDS.filter((f) => f.group === 'Rates' && (!f.when || f.when(s))).map((f) => f.id);
    expect(shown(d)).toEqual(['rate-urban', 'rate-rural', 'rate-uplift', 'rate-extra', 'weeks']);
    expect(shown({ ...d, rates: { ...d.rates, scheme: 'flat' } })).toEqual(['rate-flat', 'rate-uplift', 'weeks']);
    expect(shown({ ...d, rates: { ...d.rates, scheme: 'bands' } })).toEqual(['rate-uplift', 'weeks']);
  });

  it('shows the provider fields of the model in use and checks them', () => {
    const shown = (s: ScoreSettings) => NUMBER_FIELDS.filter((f) => f.group === 'Providers' && (!f.when || f.when(s))).map((f) => f.id);
    expect(shown(d)).toEqual(['healthy-min', 'healthy-max']);
    expect(shown({ ...d, providerModel: { ...d.providerModel, kind: 'framework' } })).toEqual(['framework-providers', 'healthy-min', 'healthy-max']);
    expect(shown({ ...d, providerModel: { ...d.providerModel, kind: 'principal' } })).toEqual(['principal-share', 'principal-framework', 'healthy-min', 'healthy-max']);
    const bad: ScoreSettings = { ...d, providerModel: { ...d.providerModel, frameworkProviders: 0, principalShare: 1, healthyMinHours: 1000 } };
    expect(Object.keys(settingsErrors(bad)).sort()).toEqual(['framework-providers', 'healthy-max', 'principal-share']);
  });
});
