// Optimise: set the rules (defaults from the county's data, with the reasons),
// run the optimiser in a worker with progress and cancel, and get the result as
// a new scenario beside the current one, named by its rules.
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  defaultsInWords,
  rulesFromSettings,
  SUGGESTED_DISRUPTION,
  SUGGESTED_RURAL_SHARE,
  type OptimisePhase,
  type OptimiseResult,
  type OptimiseRules,
} from '../../solver/optimise';
import { useApp, type OptimiserOutcome } from '../state/store';
import { JobCancelled, type WorkerJob } from '../workers/workerJob';
import { fmt1 } from './format';
import { OptimiseResultView } from './OptimiseResultView';

/** Where a rule starts when the user switches it on and the data gave no value. */
const SUGGESTED_TOLERANCE_PCT = 25;
const SUGGESTED_REACH_MINUTES = 45;

const PHASES: Record<OptimisePhase, string> = {
  build: 'Building the model',
  lp: 'Solving the LP relaxation',
  round: 'Rounding',
  repair: 'Repairing to meet every rule',
  contiguity: 'Joining zones into one piece',
  'local-search': 'Improving boundaries',
  mip: 'Proving the optimum (MIP)',
  verify: 'Checking the plan',
  done: 'Done',
};

/** The rules set by a switch and a number, in the order the panel shows them. */
const NUMBER_RULES = [
  { on: 'balanceOn', value: 'tolerancePct', text: { label: 'Zone hours within ±', suffix: '% of the mean', aria: 'Balance tolerance, %' }, range: { min: 1, max: 200 } },
  { on: 'sizeOn', value: 'sizeMin', text: { label: 'Every zone at least', suffix: 'h/week', aria: 'Smallest zone, h/week' }, range: { min: 0, step: 10 } },
  {
    on: 'reachOn',
    value: 'reachMinutes',
    text: { label: 'Every unit within', suffix: "minutes' drive of its zone's base", aria: 'Reach, minutes' },
    range: { min: 5, max: 240, step: 5 },
  },
] as const;

interface Form {
  mode: 'fast' | 'thorough';
  timeLimit: number;
  balanceOn: boolean;
  tolerancePct: number;
  sizeOn: boolean;
  sizeMin: number;
  reachOn: boolean;
  reachMinutes: number;
  capacity: boolean;
  ruralOn: boolean;
  ruralMinPct: number;
  ruralMaxPct: number;
  disruptionOn: boolean;
  disruptionMax: number;
  disruptionMeasure: 'users' | 'hours';
  wholeTowns: boolean;
  contiguous: boolean;
}

/** The form as the rules from the user's settings set it. */
function formFrom(rules: OptimiseRules): Form {
  const disruption = rules.disruption ?? SUGGESTED_DISRUPTION;
  return {
    mode: 'fast',
    timeLimit: 60,
    balanceOn: rules.balance !== null,
    tolerancePct: rules.balance ? Math.round(100 * rules.balance.tolerance) : SUGGESTED_TOLERANCE_PCT,
    sizeOn: rules.size !== null,
    sizeMin: Math.round(rules.size?.min ?? 250),
    reachOn: rules.reach !== null,
    reachMinutes: rules.reach?.minutes ?? SUGGESTED_REACH_MINUTES,
    capacity: rules.capacity,
    ruralOn: rules.ruralShare !== null,
    ruralMinPct: Math.round(100 * (rules.ruralShare ?? SUGGESTED_RURAL_SHARE).min!),
    ruralMaxPct: Math.round(100 * (rules.ruralShare ?? SUGGESTED_RURAL_SHARE).max!),
    disruptionOn: rules.disruption !== null,
    disruptionMax: disruption.max,
    disruptionMeasure: disruption.measure,
    wholeTowns: rules.wholeTowns === true,
    contiguous: rules.contiguous,
  };
}

/** The rules the form sets; the store adds the locks and the rest from the settings. */
function rulesFrom(f: Form): Partial<OptimiseRules> {
  return {
    balance: f.balanceOn ? { tolerance: f.tolerancePct / 100 } : null,
    size: f.sizeOn ? { min: f.sizeMin } : null,
    reach: f.reachOn ? { minutes: f.reachMinutes } : null,
    capacity: f.capacity,
    ruralShare: f.ruralOn ? { min: f.ruralMinPct / 100, max: f.ruralMaxPct / 100 } : null,
    disruption: f.disruptionOn ? { max: f.disruptionMax, measure: f.disruptionMeasure } : null,
    wholeTowns: f.wholeTowns,
    contiguous: f.contiguous,
  };
}

type RunState =
  | { kind: 'idle' }
  | { kind: 'running'; phase: OptimisePhase; gap?: number; run: WorkerJob<OptimiserOutcome>; started: number }
  | { kind: 'done'; result: OptimiseResult; scenarioId: string | null; seconds: number }
  | { kind: 'error'; message: string };

export function OptimisePanel() {
  const settings = useApp((s) => s.settings);
  const project = useApp((s) => s.project);
  // The user's changes over the defaults, so a change of settings still shows in the fields left alone.
  const [edits, setEdits] = useState<Partial<Form>>({});
  const [state, setState] = useState<RunState>({ kind: 'idle' });
  // Another project (a county opened, a file imported) starts from its own defaults, with no result shown.
  const [shownFor, setShownFor] = useState(project);
  if (project !== shownFor) {
    setShownFor(project);
    setEdits({});
    setState({ kind: 'idle' });
  }
  // ... and a run for the old one is cancelled.
  const runRef = useRef<WorkerJob<OptimiserOutcome> | null>(null);
  useEffect(() => () => runRef.current?.cancel(), [project]);
  const zones = useApp((s) => s.history.present.zones);
  const bases = useApp((s) => s.history.present.bases);
  // The defaults depend on the county, its bases and capacities, and the settings (a few ms, cached per model).
  const derived = useMemo(() => {
    if (!project) return null;
    const model = { ...project.model, zones, bases };
    return { rules: rulesFromSettings(settings, model), words: defaultsInWords(settings, model) };
  }, [project, zones, bases, settings]);
  const defaults = derived ? formFrom(derived.rules) : null;
  const form: Form | null = defaults && { ...defaults, ...edits };
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setEdits((f) => ({ ...f, [k]: v }));

  if (!form) return null;
  const start = () => {
    const started = performance.now();
    const run = useApp.getState().runOptimiser({ rules: rulesFrom(form), mode: form.mode, timeLimitSeconds: form.timeLimit }, (phase, gap) =>
      setState((st) => (st.kind === 'running' ? { ...st, phase, gap: gap ?? st.gap } : st)),
    );
    setState({ kind: 'running', phase: 'build', run, started });
    runRef.current = run;
    run.result.then(
      ({ result, scenarioId }) => {
        runRef.current = null;
        setState({ kind: 'done', result, scenarioId, seconds: (performance.now() - started) / 1000 });
      },
      (e: unknown) => {
        runRef.current = null;
        if (e instanceof JobCancelled) setState({ kind: 'idle' });
        else setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
      },
    );
  };

  const running = state.kind === 'running';
  return (
    <section className="panel optimise" aria-labelledby="optimise-heading" data-testid="optimise">
      <h2 id="optimise-heading">Optimise</h2>
      <p className="hint">
        Proposes the zones with the least travel from each zone's base (weekly care hours times road distance)
        among those that keep the rules below. Where today's zones break a rule, keeping it can mean more travel:
        the result compares the proposal with today's zones and says which rule forced any rise. Locked zones and
        units stay as they are.
      </p>
      <fieldset disabled={running}>
        {NUMBER_RULES.map((r) => (
          <RuleNumber
            key={r.on}
            {...r.text}
            on={form[r.on]}
            onToggle={(v) => set(r.on, v)}
            value={form[r.value]}
            onValue={(v) => set(r.value, v)}
            range={r.range}
          />
        ))}
        <div className="form-row">
          <label className="check">
            <input type="checkbox" checked={form.capacity} onChange={(e) => set('capacity', e.target.checked)} />
            Within each base's capacity
          </label>
          <label className="check">
            <input type="checkbox" checked={form.contiguous} onChange={(e) => set('contiguous', e.target.checked)} />
            Zones in one piece
          </label>
          <label className="check">
            <input type="checkbox" checked={form.wholeTowns} onChange={(e) => set('wholeTowns', e.target.checked)} />
            Whole towns
          </label>
        </div>
        <div className="form-row">
          <label className="check">
            <input type="checkbox" checked={form.ruralOn} onChange={(e) => set('ruralOn', e.target.checked)} />
            Rural share between
          </label>
          <input type="number" min={0} max={100} value={form.ruralMinPct} onChange={(e) => set('ruralMinPct', Number(e.target.value))} aria-label="Rural share minimum, %" />
          and
          <input type="number" min={0} max={100} value={form.ruralMaxPct} onChange={(e) => set('ruralMaxPct', Number(e.target.value))} aria-label="Rural share maximum, %" />%
        </div>
        <div className="form-row">
          <label className="check">
            <input type="checkbox" checked={form.disruptionOn} onChange={(e) => set('disruptionOn', e.target.checked)} />
            At most
          </label>
          <input type="number" min={0} value={form.disruptionMax} onChange={(e) => set('disruptionMax', Number(e.target.value))} aria-label="Disruption limit" />
          <select value={form.disruptionMeasure} onChange={(e) => set('disruptionMeasure', e.target.value as 'users' | 'hours')} aria-label="Disruption measure">
            <option value="users">users</option>
            <option value="hours">weekly hours</option>
          </select>
          change provider
        </div>
        <div className="form-row">
          <label>
            Mode
            <select value={form.mode} onChange={(e) => set('mode', e.target.value as Form['mode'])} aria-label="Mode">
              <option value="fast">Fast (seconds)</option>
              <option value="thorough">Thorough (never worse than fast)</option>
            </select>
          </label>
          {form.mode === 'thorough' && (
            <label>
              time limit
              <input type="number" min={5} max={600} value={form.timeLimit} onChange={(e) => set('timeLimit', Number(e.target.value))} aria-label="Time limit, seconds" />s
            </label>
          )}
        </div>
        {form.mode === 'thorough' && (
          <p className="hint" data-testid="thorough-hint">
            Thorough mode starts from the fast plan and keeps it unless it finds one that travels less under the same
            rules; it spends the time limit searching and narrowing the gap to the best possible plan.
          </p>
        )}
      </fieldset>
      {derived && derived.words.length > 0 && (
        <details className="defaults">
          <summary>Defaults from the county's data</summary>
          <ul>{derived.words.map((w) => <li key={w}>{w}</li>)}</ul>
        </details>
      )}
      <div className="form-row">
        {running ? (
          <>
            <span className="progress" role="status" data-testid="optimise-progress">
              {PHASES[state.phase]}
              {state.gap !== undefined ? `, gap ${fmt1(state.gap)}%` : ''}…
            </span>
            <button type="button" onClick={() => state.run.cancel()}>Cancel</button>
          </>
        ) : (
          <button type="button" className="primary" onClick={start}>Optimise</button>
        )}
      </div>
      {state.kind === 'error' && <p className="error" role="alert">The optimiser failed: {state.message}</p>}
      {state.kind === 'done' && <OptimiseResultView {...state} onDiscard={() => setState({ kind: 'idle' })} />}
    </section>
  );
}

/** One rule switched on by a checkbox, with its number beside it. */
function RuleNumber(p: {
  label: string;
  suffix: string;
  aria: string;
  on: boolean;
  onToggle: (on: boolean) => void;
  value: number;
  onValue: (value: number) => void;
  range: { min?: number; max?: number; step?: number };
}) {
  return (
    <div className="form-row">
      <label className="check">
        <input type="checkbox" checked={p.on} onChange={(e) => p.onToggle(e.target.checked)} />
        {p.label}
      </label>
      <input type="number" {...p.range} value={p.value} onChange={(e) => p.onValue(Number(e.target.value))} aria-label={p.aria} />
      {p.suffix}
    </div>
  );
}
