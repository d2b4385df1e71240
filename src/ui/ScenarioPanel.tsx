// Scenarios: save the plan under a name, switch, rename, delete, and pick the
// baseline that disruption is measured against (read-only unless the user
// chooses to edit it directly).
import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../state/store';

export function ScenarioPanel() {
  const { scenarios, current, baselineId, baselineEditable, saveScenarioAs, switchScenario, renameScenario, deleteScenario, setBaseline, setBaselineEditable, setCompare, importZoneFile } = useApp(
    useShallow((s) => ({
      scenarios: s.scenarios, current: s.history.present.id, baselineId: s.baselineId, baselineEditable: s.baselineEditable, saveScenarioAs: s.saveScenarioAs,
      switchScenario: s.switchScenario, renameScenario: s.renameScenario, deleteScenario: s.deleteScenario,
      setBaseline: s.setBaseline, setBaselineEditable: s.setBaselineEditable, setCompare: s.setCompare, importZoneFile: s.importZoneFile,
    })),
  );
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const zonesInput = useRef<HTMLInputElement>(null);

  const importZones = async (file: File) => {
    try {
      const result = await importZoneFile({ name: file.name, data: new Uint8Array(await file.arrayBuffer()) });
      const { scenario } = result;
      const warnings = result.problems.length ? ` ${result.problems.length} problems: ${result.problems.slice(0, 3).map((p) => p.message).join('; ')}` : '';
      setMessage({ kind: 'info', text: `Added scenario "${scenario.name}": ${scenario.zones.length} zones, ${result.unassigned} units in no zone.${warnings}` });
    } catch (e) {
      setMessage({ kind: 'error', text: `Could not read zones from ${file.name}: ${e instanceof Error ? e.message : String(e)}. Nothing was changed.` });
    }
  };
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
            {baselineId === s.id && (
              <label className="check baseline-edit" title="Off: the first edit of the baseline makes a working copy, so the plan in force stays as it was">
                <input type="checkbox" checked={baselineEditable} onChange={(e) => setBaselineEditable(e.target.checked)} data-testid="baseline-editable" />
                edit it directly {baselineEditable ? '(edits change the baseline)' : '(now read-only: edits go into a copy)'}
              </label>
            )}
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
      <button type="button" onClick={() => zonesInput.current?.click()} title="A zone GeoJSON (e.g. exported from carezones), TopoJSON, zipped shapefile, or a CSV of postcode sectors, districts or unit ids per zone">
        Import zones as a scenario…
      </button>
      <input
        ref={zonesInput}
        type="file"
        hidden
        accept=".geojson,.json,.topojson,.zip,.csv,.tsv,.txt"
        data-testid="import-zones"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void importZones(f);
        }}
      />
      {message && (
        <p className={message.kind === 'error' ? 'error' : 'hint'} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="zones-import-message">
          {message.text}
        </p>
      )}
    </section>
  );
}
