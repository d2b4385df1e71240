// The settings form: every field reads and writes its own setting, and invalid
// combinations are named on the field at fault.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORE_SETTINGS, type ScoreSettings } from '../../../solver/score';
import { NUMBER_FIELDS, settingsErrors } from '../../../src/ui/settingsFields';

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
});
