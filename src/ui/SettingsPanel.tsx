// Rates, travel, rules and extra-rural thresholds. A change reaches the scores as
// soon as every field is valid; until then the field says what is wrong and the
// scores keep the last valid settings.
import { useState } from 'react';
import { extraRuralRate, type ScoreSettings } from '../../solver/score';
import { useApp } from '../state/store';
import { NUMBER_FIELDS, settingsErrors, type NumberField } from './settingsFields';

const GROUPS = ['Rates', 'Travel', 'Rules', 'Extra-rural', 'Privacy'] as const;
/** Every field, and the capacity check box. */
const SETTING_COUNT = NUMBER_FIELDS.length + 1;

/** A typed-in value: a number, null for a blank optional field, or undefined when it is not a number. */
function parse(f: NumberField, text: string): number | null | undefined {
  if (text.trim() === '') return f.optional ? null : undefined;
  const v = Number(text);
  return Number.isFinite(v) ? v : undefined;
}

function candidate(settings: ScoreSettings, texts: Record<string, string>): { next: ScoreSettings; errors: Record<string, string> } {
  let next = settings;
  const unreadable: Record<string, string> = {};
  for (const f of NUMBER_FIELDS) {
    if (!(f.id in texts)) continue;
    const v = parse(f, texts[f.id]);
    if (v === undefined) unreadable[f.id] = 'enter a number';
    else next = f.set(next, v);
  }
  return { next, errors: { ...settingsErrors(next), ...unreadable } };
}

const shown = (v: number | null) => (v === null ? '' : String(Number(v.toPrecision(10))));

export function SettingsPanel() {
  const settings = useApp((s) => s.settings);
  const setSettings = useApp((s) => s.setSettings);
  // Text of fields being edited, so "15." or "-" can be typed on the way to a valid value.
  const [texts, setTexts] = useState<Record<string, string>>({});
  const { errors } = candidate(settings, texts);

  const edit = (id: string, text: string) => {
    const nextTexts = { ...texts, [id]: text };
    setTexts(nextTexts);
    const result = candidate(settings, nextTexts);
    if (Object.keys(result.errors).length === 0 && result.next !== settings) setSettings(result.next);
  };
  const settle = (id: string) => {
    if (errors[id]) return;
    const { [id]: _done, ...rest } = texts;
    setTexts(rest);
  };

  return (
    <section className="panel settings-panel" aria-labelledby="settings-heading">
      <details data-testid="settings">
        <summary>
          <h2 id="settings-heading">Rates and rules</h2>
          <span className="summary-hint">
            £{settings.rates.urban.toFixed(2)} urban · £{settings.rates.rural.toFixed(2)} rural · £
            {extraRuralRate(settings.rates).toFixed(2)} extra-rural
          </span>
          <span className="summary-action" aria-hidden="true">
            {SETTING_COUNT} settings: {GROUPS.join(', ').toLowerCase()}
          </span>
        </summary>
        {GROUPS.map((group) => (
          <fieldset key={group} className="settings-group">
            <legend>{group}</legend>
            {NUMBER_FIELDS.filter((f) => f.group === group).map((f) => {
              const error = errors[f.id];
              return (
                <label key={f.id} className={error ? 'setting invalid' : 'setting'}>
                  <span className="setting-label">
                    {f.label}
                    {f.unit && <span className="setting-unit"> {f.unit}</span>}
                  </span>
                  <input
                    type="number"
                    step={f.step}
                    data-setting={f.id}
                    value={texts[f.id] ?? shown(f.get(settings))}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${f.id}-error` : undefined}
                    onChange={(e) => edit(f.id, e.target.value)}
                    onBlur={() => settle(f.id)}
                  />
                  {error && (
                    <span id={`${f.id}-error`} className="setting-error" role="alert">
                      {error}
                    </span>
                  )}
                </label>
              );
            })}
            {group === 'Rules' && (
              <label className="setting check">
                <input
                  type="checkbox"
                  checked={settings.rules.checkCapacity}
                  onChange={(e) => setSettings({ ...settings, rules: { ...settings.rules, checkCapacity: e.target.checked } })}
                />
                Warn when a zone exceeds its bases' capacity
              </label>
            )}
          </fieldset>
        ))}
        <p className="hint">
          Defaults are Lincolnshire's 2019/20 rates; the extra-rural rate is the rural rate plus the uplift unless set.
        </p>
      </details>
    </section>
  );
}
