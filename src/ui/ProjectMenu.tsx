// Project file actions in the top bar: save to a file, open a file, go back to
// the example county. Opening a bad file says what is wrong and changes nothing.
import { useRef, useState } from 'react';
import { useApp } from '../state/store';
import { readProjectFile, writeProjectFile } from '../state/projectFile';
import { useSaveState } from '../state/persist';
import { loadDefaultProject } from '../model/loadDefaultProject';
import { downloadBlob } from './download';
import { ImportButton } from './import/ImportButton';

const SAVE_LABEL = { idle: '', saving: 'Saving…', saved: 'All changes saved', error: 'Not saved' } as const;

export function ProjectMenu() {
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const save = useSaveState();

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
      <button
        type="button"
        onClick={() => {
          if (window.confirm('Replace the open project with the example county? Save it first if you want to keep it.')) {
            loadDefaultProject().then((p) => useApp.getState().openProject(p));
          }
        }}
      >
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
