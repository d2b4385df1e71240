// Scenarios: save the plan under a name, switch, rename, delete, and pick the
// baseline that disruption is measured against.
import { useState } from 'react';
import { useApp } from '../state/store';

export function ScenarioPanel() {
  const { scenarios, history, baselineId, saveScenarioAs, switchScenario, renameScenario, deleteScenario, setBaseline, setCompare } = useApp();
  const current = history.present.id;
  const [name, setName] = useState('');
  return (
    <section className="panel" aria-labelledby="scenarios-heading">
      <h2 id="scenarios-heading">Scenarios</h2>
      <ul className="scenario-list" data-testid="scenarios">
        {scenarios.map((s) => (
          <li key={s.id} className={s.id === current ? 'current' : ''}>
            <input
              aria-label="Scenario name"
              value={s.name}
              onChange={(e) => renameScenario(s.id, e.target.value)}
            />
            {s.id === current ? (
              <span className="tag">editing</span>
            ) : (
              <button type="button" onClick={() => switchScenario(s.id)}>Open</button>
            )}
            <label className="check" title="Disruption is measured against the baseline">
              <input type="radio" name="baseline" checked={baselineId === s.id} onChange={() => setBaseline(s.id)} />
              baseline
            </label>
            <button type="button" className="danger" disabled={scenarios.length <= 1} onClick={() => deleteScenario(s.id)}>
              Delete
            </button>
          </li>
        ))}
      </ul>
      <form
        className="form-row"
        onSubmit={(e) => {
          e.preventDefault();
          saveScenarioAs(name.trim() || `Scenario ${scenarios.length + 1}`);
          setName('');
        }}
      >
        <input placeholder="New scenario name" value={name} onChange={(e) => setName(e.target.value)} aria-label="New scenario name" />
        <button type="submit">Save a copy</button>
      </form>
      <button
        type="button"
        disabled={scenarios.length < 2}
        onClick={() => setCompare({ a: baselineId ?? scenarios[0].id, b: current === baselineId ? scenarios[scenarios.length - 1].id : current })}
      >
        Compare scenarios…
      </button>
    </section>
  );
}
