// The rate scheme part of the Rates tab: by class, by distance band from centres,
// or flat. Bands are edited as a small table; centres are the project's towns or
// points from a CSV. A change reaches the scores once every band is valid.
import { useState } from 'react';
import { bandName, rateCentres, type RateBand, type RateScheme, type ScoreSettings } from '../../solver/score';
import { readCentres } from '../import/centres';
import type { Problem } from '../import/problems';
import { useApp } from '../state/store';
import { bandErrors } from './settingsFields';

const SCHEMES: Array<{ id: RateScheme; label: string }> = [
  { id: 'class', label: 'By rural-urban class (urban, rural, extra-rural)' },
  { id: 'bands', label: 'By road distance from the nearest centre (bands)' },
  { id: 'flat', label: 'Flat rate, plus the uplift where flagged extra-rural' },
];

type BandTexts = Array<{ from: string; rate: string }>;
const textsOf = (bands: RateBand[]): BandTexts => bands.map((b) => ({ from: String(b.fromMiles), rate: b.rate.toFixed(2) }));
const parse = (t: string) => (t.trim() === '' ? NaN : Number(t));

export function RateSchemeEditor() {
  const settings = useApp((s) => s.settings);
  const project = useApp((s) => s.project);
  const setSettings = useApp((s) => s.setSettings);
  const r = settings.rates;
  // Band cells as typed, so "19." can be typed on the way to 19.68; reset when the saved bands change.
  const [texts, setTexts] = useState<{ of: RateBand[]; cells: BandTexts }>({ of: r.bands, cells: textsOf(r.bands) });
  const cells = texts.of === r.bands ? texts.cells : textsOf(r.bands);
  const typed: RateBand[] = cells.map((c) => ({ fromMiles: parse(c.from), rate: parse(c.rate) }));
  const errors = bandErrors(typed);
  const [centreNote, setCentreNote] = useState<{ text: string; problems: Problem[] } | null>(null);

  const rates = (next: Partial<ScoreSettings['rates']>) => setSettings({ ...settings, rates: { ...r, ...next } });
  const editBands = (next: BandTexts) => {
    const bands = next.map((c) => ({ fromMiles: parse(c.from), rate: parse(c.rate) }));
    if (Object.keys(bandErrors(bands)).length === 0) {
      setTexts({ of: bands, cells: next });
      rates({ bands });
    } else setTexts({ of: r.bands, cells: next });
  };
  const editCell = (i: number, key: 'from' | 'rate', value: string) => editBands(cells.map((c, k) => (k === i ? { ...c, [key]: value } : c)));

  const importCentres = async (file: File) => {
    const result = readCentres(await file.text());
    const errorsFound = result.problems.filter((p) => p.severity === 'error').length;
    if (result.centres.length === 0) {
      setCentreNote({ text: `Could not read centres from ${file.name}; the centres in use are unchanged.`, problems: result.problems });
      return;
    }
    rates({ centreSource: 'points', centres: result.centres });
    setCentreNote({
      text: `${result.centres.length} centres from ${file.name}${errorsFound ? `; ${errorsFound} rows left out` : ''}.`,
      problems: result.problems,
    });
  };
  const towns = project?.model.towns.length ?? 0;

  return (
    <div className="rate-scheme">
      <fieldset className="scheme-choice">
        <legend>Rate scheme</legend>
        {SCHEMES.map((s) => (
          <label key={s.id} className="setting check">
            <input type="radio" name="rate-scheme" value={s.id} checked={r.scheme === s.id} onChange={() => rates({ scheme: s.id })} />
            {s.label}
          </label>
        ))}
      </fieldset>
      {r.scheme === 'bands' && (
        <>
          <table className="band-table" data-testid="rate-bands">
            <caption className="visually-hidden">Distance bands</caption>
            <thead>
              <tr>
                <th scope="col">Band</th>
                <th scope="col">From (road miles)</th>
                <th scope="col">Rate £/h</th>
                <th scope="col"><span className="visually-hidden">Remove</span></th>
              </tr>
            </thead>
            <tbody>
              {cells.map((c, i) => {
                const fromError = errors[`band-${i}-from`];
                const rateError = errors[`band-${i}-rate`];
                return (
                  <tr key={i}>
                    <th scope="row">{bandName(i)}</th>
                    <td>
                      <input
                        type="number" step={0.5} value={c.from} aria-label={`${bandName(i)} from, miles`} data-band-from={i}
                        aria-invalid={fromError ? true : undefined} aria-describedby={fromError ? `band-${i}-from-error` : undefined}
                        onChange={(e) => editCell(i, 'from', e.target.value)}
                      />
                      {fromError && <span id={`band-${i}-from-error`} className="setting-error" role="alert">{fromError}</span>}
                    </td>
                    <td>
                      <input
                        type="number" step={0.01} value={c.rate} aria-label={`${bandName(i)} rate, £ an hour`} data-band-rate={i}
                        aria-invalid={rateError ? true : undefined} aria-describedby={rateError ? `band-${i}-rate-error` : undefined}
                        onChange={(e) => editCell(i, 'rate', e.target.value)}
                      />
                      {rateError && <span id={`band-${i}-rate-error`} className="setting-error" role="alert">{rateError}</span>}
                    </td>
                    <td>
                      {cells.length > 1 && (
                        <button type="button" aria-label={`Remove ${bandName(i)}`} onClick={() => editBands(cells.filter((_, k) => k !== i))}>×</button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <button
            type="button"
            onClick={() => {
              const last = typed[typed.length - 1];
              editBands([...cells, { from: String((last?.fromMiles || 0) + 3), rate: (last?.rate || 0).toFixed(2) }]);
            }}
          >
            Add band
          </button>
          <p className="hint">
            Distance is road miles (straight line × circuity) from the unit to its nearest centre, to a tenth of a mile; a
            band includes its lower bound, so exactly 3.0 miles is in the band that starts at 3.
          </p>
          <fieldset className="centre-choice">
            <legend>Centres measured from</legend>
            <label className="setting check">
              <input type="radio" name="centre-source" checked={r.centreSource === 'towns'} onChange={() => rates({ centreSource: 'towns' })} />
              The project’s towns and large villages ({towns})
            </label>
            <label className="setting check">
              <input
                type="radio" name="centre-source" checked={r.centreSource === 'points'} disabled={r.centres.length === 0}
                onChange={() => rates({ centreSource: 'points' })}
              />
              Imported points ({r.centres.length})
            </label>
            <label className="file-button">
              Import centres (CSV: name, latitude, longitude)…
              <input
                type="file" accept=".csv,.tsv,.txt,text/csv" className="visually-hidden" data-testid="import-centres"
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  e.target.value = '';
                  if (f) void importCentres(f);
                }}
              />
            </label>
            {centreNote && (
              <div role="status" className="centre-note">
                {centreNote.text}
                {centreNote.problems.length > 0 && (
                  <ul>
                    {centreNote.problems.slice(0, 10).map((p, i) => (
                      <li key={i}>{p.row === null ? '' : `Row ${p.row}: `}{p.message}{p.value ? ` (${p.value})` : ''}</li>
                    ))}
                  </ul>
                )}
              </div>
            )}
            {project && (
              <p className="hint">Measuring from {rateCentres(project.model, settings).length} centres.</p>
            )}
          </fieldset>
        </>
      )}
    </div>
  );
}
