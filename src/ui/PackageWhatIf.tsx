// What if a new package started at a postcode: would its area switch to the
// extra-rural rate, and what would it cost? Worked out on a copy of the demand
// (solver/score/whatIf.ts); nothing is added to the project unless the user says so,
// and the postcode typed is never kept.
import { useMemo, useState, type FormEvent } from 'react';
import { demandWithUser, Rurality, type Demand, type UnitIndex, type UserDemand } from '../../solver/model';
import { whatIfPackage, type PackageWhatIf as WhatIf, type ScoreContext } from '../../solver/score';
import { zoneLabel } from '../../solver/zoneLabel';
import { defaultVisitsPerWeek, MAX_VISITS_PER_WEEK } from '../../solver/visitPattern';
import { getMapInstance } from '../map/mapInstance';
import type { Project } from '../model/project';
import { HOURS_IN_A_WEEK } from '../state/projectSchema';
import { useApp, useScenario } from '../state/store';
import { usePlanScore, useScoreContext } from '../state/useScores';
import { findPlaces } from './placeSearch';
import * as F from './scoreFormat';

interface Form {
  place: string;
  /** The area chosen among the candidates; the first candidate when none is. */
  picked: number | null;
  hours: string;
  carers: 1 | 2;
  /** Blank for the default by hours. */
  visits: string;
  waiting: boolean;
}

const START: Form = { place: '', picked: null, hours: '7', carers: 1, visits: '', waiting: true };

/** The form's package, or what is wrong with it. */
function packageOf(form: Form): { hours: number; visitsPerWeek: number | null } | { error: string } {
  const hours = Number(form.hours);
  if (form.hours.trim() === '' || !(hours > 0 && hours <= HOURS_IN_A_WEEK)) return { error: `Hours a week must be above 0 and at most ${HOURS_IN_A_WEEK}.` };
  if (form.visits.trim() === '') return { hours, visitsPerWeek: null };
  const visits = Number(form.visits);
  if (!(Number.isInteger(visits) && visits >= 1 && visits <= MAX_VISITS_PER_WEEK)) {
    return { error: `Visits a week must be a whole number from 1 to ${MAX_VISITS_PER_WEEK}, or blank for the usual pattern.` };
  }
  return { hours, visitsPerWeek: visits };
}

export function PackageWhatIf() {
  const project = useApp((s) => s.project);
  const ctx = useScoreContext();
  const score = usePlanScore();
  const scenario = useScenario();
  const [form, setForm] = useState<Form>(START);
  const [answer, setAnswer] = useState<{ ctx: ScoreContext; result: WhatIf; pkg: UserDemand } | null>(null);
  const [added, setAdded] = useState<{ unit: UnitIndex; hours: number; before: Demand; after: Demand } | null>(null);
  const setDemand = useApp((st) => st.setDemand);
  const search = useMemo(() => (project ? findPlaces(project, form.place) : null), [project, form.place]);
  if (!project || !ctx || !score || !search) return null;

  const candidates = search.candidates;
  const unit = candidates.find((c) => c.unit === form.picked)?.unit ?? candidates[0]?.unit ?? null;
  const pkg = packageOf(form);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (unit === null || 'error' in pkg) return;
    const user: UserDemand = { ...pkg, carers: form.carers, waiting: form.waiting };
    setAnswer({ ctx, result: whatIfPackage(ctx, score.extraRural.flagged, unit, user), pkg: user });
  };
  const addToProject = (u: UnitIndex, user: UserDemand) => {
    const before = project.model.demand;
    const after = demandWithUser(before, u, user);
    setDemand(after);
    setAdded({ unit: u, hours: user.hours, before, after });
  };
  const takeOut = () => {
    if (added && project.model.demand === added.after) setDemand(added.before);
    setAdded(null);
  };
  const zoneOfUnit = (u: number) => (scenario.zoneOf[u] >= 0 ? `zone ${zoneLabel(scenario.zones[scenario.zoneOf[u]])}` : 'no zone');
  const usualVisits = 'error' in pkg ? null : defaultVisitsPerWeek(pkg.hours);

  return (
    <section className="panel what-if" aria-labelledby="what-if-heading" data-testid="what-if">
      <h2 id="what-if-heading">What if a new package starts here?</h2>
      <p className="hint">
        Try a package at a postcode: would its area switch to the extra-rural rate, and what would it cost? Worked out
        on a copy: nothing is added to the users’ data and the postcode is not kept.
      </p>
      <form onSubmit={submit} className="what-if-form">
        <label className="what-if-place">
          Postcode or area
          <input
            value={form.place}
            onChange={(e) => setForm((f) => ({ ...f, place: e.target.value, picked: null }))}
            placeholder="e.g. PE31 8 or a village’s area code"
            aria-describedby="what-if-place-note"
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        <p className="hint" id="what-if-place-note" aria-live="polite">{search.message}</p>
        {candidates.length > 1 && (
          <div className="what-if-place">
            {/* A label beside the list, not round it: the list's own text would join its name. */}
            <label htmlFor="what-if-area">Area</label>
            <select id="what-if-area" value={unit ?? ''} onChange={(e) => set('picked', Number(e.target.value))}>
              {candidates.map((c) => (
                <option key={c.unit} value={c.unit}>
                  {project.model.units.names[c.unit]} ({zoneOfUnit(c.unit)}; {c.note})
                </option>
              ))}
            </select>
          </div>
        )}
        {unit !== null && (
          <p className="what-if-chosen">
            {candidates.length === 1 && <>Area: <strong>{project.model.units.names[unit]}</strong> ({zoneOfUnit(unit)}). </>}
            <button type="button" className="link" onClick={() => showOnMap(project, unit)}>
              Show it on the map
            </button>
          </p>
        )}
        <div className="form-row">
          <label>
            Hours a week
            <input type="number" min={0.25} max={HOURS_IN_A_WEEK} step={0.25} value={form.hours} onChange={(e) => set('hours', e.target.value)} />
          </label>
          <label>
            Carers
            <select value={form.carers} onChange={(e) => set('carers', e.target.value === '2' ? 2 : 1)}>
              <option value={1}>1</option>
              <option value={2}>2 (double-handed)</option>
            </select>
          </label>
          <label>
            Visits a week
            <input
              type="number" min={1} max={MAX_VISITS_PER_WEEK} step={1} value={form.visits}
              placeholder={usualVisits === null ? '' : String(usualVisits)}
              onChange={(e) => set('visits', e.target.value)}
              aria-describedby="what-if-visits-note"
            />
          </label>
        </div>
        <p className="hint" id="what-if-visits-note">
          {usualVisits === null ? '' : `Blank: the usual ${usualVisits} visits a week for ${form.hours} h.`}
        </p>
        <label className="check">
          <input type="checkbox" checked={form.waiting} onChange={(e) => set('waiting', e.target.checked)} />
          No provider found yet (waiting)
        </label>
        {'error' in pkg && <p className="setting-error" role="alert">{pkg.error}</p>}
        <button type="submit" className="primary" disabled={unit === null || 'error' in pkg}>
          See what it costs
        </button>
      </form>
      {answer && answer.ctx === ctx && (
        <Answer project={project} result={answer.result} hours={answer.pkg.hours} onAdd={() => addToProject(answer.result.unit, answer.pkg)} />
      )}
      {added && (
        <p className="what-if-added" role="status" data-testid="what-if-added">
          Added to the project: one person, {F.one(added.hours)} h a week in {project.model.units.names[added.unit]}. It is
          saved with the project; no users file changes.{' '}
          {project.model.demand === added.after && (
            <button type="button" onClick={takeOut}>
              Take it out again
            </button>
          )}
        </p>
      )}
    </section>
  );
}

function showOnMap(project: Project, u: number) {
  getMapInstance()?.flyTo({ center: [project.model.units.lon[u], project.model.units.lat[u]], zoom: 11, duration: 800 });
}

function headline(project: Project, r: WhatIf): string {
  const name = project.model.units.names[r.unit];
  if (r.flagged && !r.wasFlagged) return `${name} would switch to the extra-rural rate${r.newArea ? ': a new area, with no service before' : ''}.`;
  if (r.flagged) return `${name} is on the extra-rural rate already, and stays on it.`;
  if (r.wasFlagged) return `${name} would come off the extra-rural rate: with the package it is no longer remote and low-volume enough.`;
  if (project.model.units.rurality[r.unit] === Rurality.Urban) return `${name} is urban: it keeps its rate (extra-rural is for rural places only).`;
  return `${name} keeps its rate: it is not remote and low-volume enough for extra-rural.`;
}

function Answer({ project, result: r, hours, onAdd }: { project: Project; result: WhatIf; hours: number; onAdd: () => void }) {
  const settings = useApp((s) => s.settings);
  const s = useScenario();
  const z = s.zoneOf[r.unit];
  const { switchOn, switchOff } = settings.extraRural;
  const threshold = r.wasFlagged ? switchOff : switchOn;
  return (
    <div className="what-if-answer" role="status" data-testid="what-if-answer" data-flagged={r.flagged} data-was-flagged={r.wasFlagged}>
      <p className="what-if-headline">{headline(project, r)}</p>
      <ul>
        <li>
          Score {F.two(r.score)} against {r.wasFlagged ? 'switch-off' : 'switch-on'} {F.two(threshold)}
          {z >= 0 ? `; in zone ${zoneLabel(s.zones[z])}` : '; in no zone'}.
        </li>
        <li data-testid="what-if-package-cost">
          The package: {F.one(hours)} h a week at £{r.rate.toFixed(2)} ({r.rateReason}) is {F.pounds(r.annualCost)} a year
          {r.packageUplift > 0 ? `, of which ${F.pounds(r.packageUplift)} is the extra-rural uplift` : ''}.
        </li>
        {r.placeUplift > 0 && (
          <li data-testid="what-if-place-uplift">
            The area’s other {F.one(project.model.demand.hours[r.unit])} h a week move to the extra-rural rate too:{' '}
            {F.pounds(r.placeUplift)} a year more.
          </li>
        )}
        <li>
          Travel between visits in the area with the package: {F.one(r.minutesPerContactHour)} min per contact hour;
          the package adds {F.pounds(r.travelCost)} a year of carers’ travel time and mileage.
        </li>
        <li>Why: {r.reasons.join('; ')}.</li>
      </ul>
      <p className="hint">
        This is a what-if: nothing has been added.{' '}
        <button type="button" onClick={onAdd}>
          Add this package to the project
        </button>
      </p>
    </div>
  );
}
