// Optimise: set the rules, run the optimiser in a worker with progress and
// cancel, and get the result as a new scenario beside the current one, with
// what moved, the gap to the best possible, and why.
import { useState } from 'react';
import { rulesFromSettings, SUGGESTED_DISRUPTION, type OptimisePhase, type OptimiseResult, type OptimiseRules } from '../../solver/optimise';
import { useShallow } from 'zustand/react/shallow';
import { useApp, type OptimiserOutcome } from '../state/store';
import { JobCancelled, type WorkerJob } from '../workers/workerJob';
import { fmt1, fmtInt } from './format';

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

interface Form {
  mode: 'fast' | 'thorough';
  timeLimit: number;
  balanceOn: boolean;
  tolerancePct: number;
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
    tolerancePct: 100 * (rules.balance?.tolerance ?? 0),
    capacity: rules.capacity,
    ruralOn: rules.ruralShare !== null,
    ruralMinPct: 100 * (rules.ruralShare?.min ?? 0),
    ruralMaxPct: 100 * (rules.ruralShare?.max ?? 1),
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
  | { kind: 'done'; result: OptimiseResult; scenarioId: string | null; seconds: number; totalHours: number }
  | { kind: 'error'; message: string };

export function OptimisePanel() {
  const settings = useApp((s) => s.settings);
  const project = useApp((s) => s.project);
  // The user's changes over the defaults, so a change of settings still shows in the fields left alone.
  const [edits, setEdits] = useState<Partial<Form>>({});
  const [state, setState] = useState<RunState>({ kind: 'idle' });
  const defaults = project ? formFrom(rulesFromSettings(settings, project.model)) : null;
  const form: Form | null = defaults && { ...defaults, ...edits };
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setEdits((f) => ({ ...f, [k]: v }));

  if (!form) return null;
  const start = () => {
    const started = performance.now();
    const run = useApp.getState().runOptimiser({ rules: rulesFrom(form), mode: form.mode, timeLimitSeconds: form.timeLimit }, (phase, gap) =>
      setState((st) => (st.kind === 'running' ? { ...st, phase, gap: gap ?? st.gap } : st)),
    );
    setState({ kind: 'running', phase: 'build', run, started });
    run.result.then(
      (outcome) => setState({ kind: 'done', ...outcome, seconds: (performance.now() - started) / 1000 }),
      (e: unknown) => {
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
        Proposes zones that cut travel from each zone's base while keeping the rules below. Locked zones and units
        stay as they are.
      </p>
      <fieldset disabled={running}>
        <div className="form-row">
          <label className="check">
            <input type="checkbox" checked={form.balanceOn} onChange={(e) => set('balanceOn', e.target.checked)} />
            Zone hours within ±
          </label>
          <input type="number" min={1} max={200} value={form.tolerancePct} onChange={(e) => set('tolerancePct', Number(e.target.value))} aria-label="Balance tolerance, %" />
          % of the mean
        </div>
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
              <option value="thorough">Thorough (proves the gap)</option>
            </select>
          </label>
          {form.mode === 'thorough' && (
            <label>
              time limit
              <input type="number" min={5} max={600} value={form.timeLimit} onChange={(e) => set('timeLimit', Number(e.target.value))} aria-label="Time limit, seconds" />s
            </label>
          )}
        </div>
      </fieldset>
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

function OptimiseResultView({
  result,
  scenarioId,
  seconds,
  totalHours,
  onDiscard,
}: {
  result: OptimiseResult;
  scenarioId: string | null;
  seconds: number;
  totalHours: number;
  onDiscard: () => void;
}) {
  const { switchScenario, deleteScenario, setCompare, currentId } = useApp(
    useShallow((s) => ({ switchScenario: s.switchScenario, deleteScenario: s.deleteScenario, setCompare: s.setCompare, currentId: s.history.present.id })),
  );
  const ok = scenarioId !== null;
  const kmPerHour = totalHours > 0 ? result.objective / totalHours / 1000 : 0;
  const { explanation } = result;
  return (
    <div className={`optimise-result ${ok ? 'ok' : 'infeasible'}`} data-testid="optimise-result" role="status">
      <p className="summary">{explanation.summary}</p>
      {ok && (
        <dl className="result-figures">
          <div><dt>Mean distance from base per hour of care</dt><dd>{fmt1(kmPerHour)} km</dd></div>
          <div><dt>Gap to the best possible</dt><dd>{result.gapPercent < 0.005 ? '0' : fmt1(result.gapPercent)}%{result.status === 'optimal' ? ' (proven optimal)' : ''}</dd></div>
          <div><dt>Units moved</dt><dd>{fmtInt(result.movedUnits)}</dd></div>
          <div><dt>Users changing provider</dt><dd>{fmtInt(result.movedUsers)}</dd></div>
          <div><dt>Hours changing provider</dt><dd>{fmt1(result.movedHours)}</dd></div>
          <div><dt>Zones in one piece</dt><dd>{result.contiguous ? 'yes' : 'no'}</dd></div>
          <div><dt>Time</dt><dd>{fmt1(seconds)} s</dd></div>
        </dl>
      )}
      {explanation.binding.length > 0 && (
        <>
          <h3>Rules that hold the plan back</h3>
          <ul data-testid="binding">{explanation.binding.map((b, i) => <li key={i}>{b.message}</li>)}</ul>
        </>
      )}
      {explanation.conflicts.length > 0 && (
        <>
          <h3>Why no plan keeps every rule</h3>
          <ul data-testid="conflicts">
            {explanation.conflicts.map((c, i) => (
              <li key={i}>
                {c.message}
                {c.fix ? <strong> {c.fix}</strong> : null}
              </li>
            ))}
          </ul>
        </>
      )}
      {explanation.notes.length > 0 && <ul className="notes">{explanation.notes.map((n, i) => <li key={i}>{n}</li>)}</ul>}
      <div className="form-row">
        {ok && (
          <>
            <button type="button" className="primary" onClick={() => switchScenario(scenarioId)}>Open it to accept or tweak</button>
            <button type="button" onClick={() => setCompare({ a: currentId, b: scenarioId })}>Compare with current</button>
            <button
              type="button"
              className="danger"
              onClick={() => {
                deleteScenario(scenarioId);
                onDiscard();
              }}
            >
              Discard
            </button>
          </>
        )}
        {!ok && <button type="button" onClick={onDiscard}>Close</button>}
      </div>
    </div>
  );
}
