// Autosave: the workspace lives in IndexedDB and comes back on reload. The
// project part (units, demand) is written when a project is opened; the small
// part (scenarios, settings) on every change, debounced, so painting stays fast.
import Dexie, { type Table } from 'dexie';
import { create } from 'zustand';
import { useApp } from './store';
import { readProjectDoc, scenarioToDoc, toProjectDoc, type ProjectDoc, type Workspace } from './projectFile';

interface Row {
  key: 'project' | 'workspace';
  value: unknown;
}

class CarezonesDb extends Dexie {
  kv!: Table<Row, string>;
  constructor() {
    super('carezones');
    this.version(1).stores({ kv: 'key' });
  }
}

const db = new CarezonesDb();

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';
export const useSaveState = create<{ state: SaveState; error?: string }>(() => ({ state: 'idle' }));

type ProjectPart = Omit<ProjectDoc, 'scenarios' | 'currentScenarioId' | 'baselineScenarioId' | 'settings'>;
type WorkspacePart = Pick<ProjectDoc, 'scenarios' | 'currentScenarioId' | 'baselineScenarioId' | 'settings'>;

function currentWorkspace(): Workspace | null {
  const s = useApp.getState();
  if (!s.project) return null;
  return { project: s.project, scenarios: s.scenarios, currentId: s.history.present.id, baselineId: s.baselineId, settings: s.settings };
}

function workspacePart(w: Workspace): WorkspacePart {
  return { scenarios: w.scenarios.map(scenarioToDoc), currentScenarioId: w.currentId, baselineScenarioId: w.baselineId, settings: w.settings };
}

/** The saved workspace, or null when there is none (or it cannot be read, which is reported). */
export async function restoreWorkspace(): Promise<Workspace | null> {
  const [project, workspace] = await Promise.all([db.kv.get('project'), db.kv.get('workspace')]);
  if (!project || !workspace) return null;
  return readProjectDoc({ ...(project.value as ProjectPart), ...(workspace.value as WorkspacePart) });
}

async function save(what: 'all' | 'workspace') {
  const w = currentWorkspace();
  if (!w) return;
  useSaveState.setState({ state: 'saving', error: undefined });
  try {
    if (what === 'all') {
      const { scenarios: _s, currentScenarioId: _c, baselineScenarioId: _b, settings: _t, ...project } = toProjectDoc(w);
      await db.kv.bulkPut([
        { key: 'project', value: project },
        { key: 'workspace', value: workspacePart(w) },
      ]);
    } else {
      await db.kv.put({ key: 'workspace', value: workspacePart(w) });
    }
    useSaveState.setState({ state: 'saved' });
  } catch (e) {
    useSaveState.setState({ state: 'error', error: e instanceof Error ? e.message : String(e) });
  }
}

const DEBOUNCE_MS = 250;

/** Starts autosaving; returns a function that stops it. */
export function startAutosave(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let chain = Promise.resolve();
  const queue = (what: 'all' | 'workspace') => {
    chain = chain.then(() => save(what));
  };
  const unsubscribe = useApp.subscribe((s, prev) => {
    if (!s.project) return;
    if (s.project !== prev.project) {
      clearTimeout(timer);
      queue('all');
      return;
    }
    if (s.scenarios !== prev.scenarios || s.history.present !== prev.history.present || s.baselineId !== prev.baselineId || s.settings !== prev.settings) {
      useSaveState.setState({ state: 'saving' });
      clearTimeout(timer);
      timer = setTimeout(() => queue('workspace'), DEBOUNCE_MS);
    }
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
