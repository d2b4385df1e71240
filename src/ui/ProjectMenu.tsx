// Project file actions in the top bar: save to a file, open a file, open one of
// the example counties. Opening a bad file says what is wrong and changes nothing.
import { useRef, useState } from 'react';
import { useApp } from '../state/store';
import { readProjectFile, writeProjectFile } from '../state/projectFile';
import { useSaveState, type SaveState } from '../state/persist';
import { loadExampleCounty } from '../model/loadExampleCounty';
import { EXAMPLE_COUNTIES, EXAMPLE_COUNTY_KEYS, type ExampleCounty } from '../model/exampleCounty';
import { downloadBlob } from './download';
import { ImportButton } from './import/ImportButton';

const SAVE_LABEL: Record<SaveState, string> = {
  idle: '', saving: 'Saving…', saved: 'All changes saved', error: 'Not saved', 'other-tab': 'Not saved (open in another tab)', paused: 'Not saved (see the message above)',
};

export function ProjectMenu() {
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const save = useSaveState();
  const [county, setCounty] = useState<ExampleCounty>('lincolnshire');

  const openExample = () => {
    const label = EXAMPLE_COUNTIES[county].label;
    if (!window.confirm(`Replace the open project with the ${label} example? Save it first if you want to keep it.`)) return;
    loadExampleCounty(county).then(
      (p) => {
        useApp.getState().openProject(p);
        setMessage({ kind: 'info', text: `Opened the ${label} example` });
      },
      (e: unknown) =>
        setMessage({ kind: 'error', text: `Could not open the ${label} example: ${e instanceof Error ? e.message : String(e)}. Your current project is unchanged.` }),
    );
  };

  const saveFile = () => {
    const s = useApp.getState();
    if (!s.project) return;
    const text = writeProjectFile({ project: s.project, scenarios: s.scenarios, currentId: s.history.present.id, baselineId: s.baselineId, settings: s.settings });
    const safeName = s.project.name.replace(/[^\w-]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'project';
    downloadBlob(new Blob([text], { type: 'application/json' }), `carezones-${safeName}.json`);
  };

  const openFile = async (file: File) => {
    try {
      const w = readProjectFile(await file.text());
      if (!window.confirm(`Replace the open project with ${file.name}? Save it first if you want to keep it.`)) return;
      useApp.getState().openProject(w.project, w.scenarios, w.currentId, w.baselineId, w.settings);
      setMessage({ kind: 'info', text: `Opened ${file.name}` });
    } catch (e) {
      setMessage({ kind: 'error', text: `Could not open ${file.name}: ${e instanceof Error ? e.message : String(e)}. Your current project is unchanged.` });
    }
  };

  return (
    <div className="project-menu">
      <span className={`save-state ${save.state}`} data-save-state={save.state} title={save.error}>
        {SAVE_LABEL[save.state]}
      </span>
      <button type="button" onClick={saveFile}>Save project</button>
      <button type="button" onClick={() => input.current?.click()}>Open project…</button>
      <ImportButton />
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="open-project"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void openFile(f);
        }}
      />
      <select aria-label="Which example county" value={county} onChange={(e) => setCounty(e.target.value as ExampleCounty)}>
        {EXAMPLE_COUNTY_KEYS.map((k) => (
          <option key={k} value={k}>
            {EXAMPLE_COUNTIES[k].label}
          </option>
        ))}
      </select>
      <button type="button" onClick={openExample}>
        Example county
      </button>
      {message && (
        <div className={`toast ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
          <button type="button" aria-label="Dismiss" onClick={() => setMessage(null)}>×</button>
        </div>
      )}
    </div>
  );
}
