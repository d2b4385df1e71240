// Units on the extra-rural rate: why each is flagged, its hours and what the
// uplift costs a year. Clicking one shows it on the map. Below, the what-if of a new package.
import { useState } from 'react';
import { extraRuralRateWords } from '../../solver/score';
import { getMapInstance } from '../map/mapInstance';
import { useApp, useScenario } from '../state/store';
import { usePlanScore } from '../state/useScores';
import { PackageWhatIf } from './PackageWhatIf';
import * as F from './scoreFormat';

const FIRST_SHOWN = 12;

export function ExtraRuralPanel() {
  const project = useApp((s) => s.project);
  const settings = useApp((s) => s.settings);
  const s = useScenario();
  const score = usePlanScore();
  const [all, setAll] = useState(false);
  if (!project || !score) return null;
  const { model } = project;
  const { rates } = score;
  const upliftPerHour = (u: number) => (rates.rate[u] - rates.baseRate[u]) * settings.weeksPerYear;
  const flags = score.extraRural.flags
    .map((f) => ({ ...f, hours: model.demand.hours[f.unit], cost: model.demand.hours[f.unit] * upliftPerHour(f.unit) }))
    .sort((a, b) => b.cost - a.cost || b.score - a.score);
  const shown = all ? flags : flags.slice(0, FIRST_SHOWN);
  const flyTo = (u: number) =>
    getMapInstance()?.flyTo({ center: [model.units.lon[u], model.units.lat[u]], zoom: 10.5, duration: 800 });

  return (
    <>
      <section className="panel" aria-labelledby="extra-rural-heading">
        <h2 id="extra-rural-heading">
          <span className="hatch-swatch" aria-hidden="true" /> Extra-rural areas
        </h2>
        <p className="hint extra-rural-total" data-testid="extra-rural-total">
          {F.int(flags.length)} units, {F.one(score.extraRuralHours)} h a week, {F.pounds(score.extraRuralUpliftCost)} a year
          in uplift ({extraRuralRateWords(rates.settings)}).
        </p>
        <ol className="extra-rural-list" data-testid="extra-rural-list">
          {shown.map((f) => {
            const z = s.zoneOf[f.unit];
            return (
              <li key={f.unit} data-unit={f.unit}>
                <button type="button" className="link" onClick={() => flyTo(f.unit)} title="Show on the map">
                  {model.units.names[f.unit]}
                </button>
                <span className="er-zone">{z >= 0 ? `zone ${s.zones[z].id}` : 'no zone'}</span>
                <span className="er-figures">
                  {f.newArea ? 'new area, no hours yet' : `${F.one(f.hours)} h/wk · ${f.cost > 0 ? `${F.pounds(f.cost)}/yr` : 'no uplift'}`} · score{' '}
                  {F.two(f.score)}
                </span>
                <span className="er-reasons">{f.reasons.join('; ')}</span>
              </li>
            );
          })}
        </ol>
        {flags.length > FIRST_SHOWN && (
          <button type="button" onClick={() => setAll(!all)}>
            {all ? 'Show fewer' : `Show all ${flags.length}`}
          </button>
        )}
      </section>
      <PackageWhatIf />
    </>
  );
}
