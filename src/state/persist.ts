// Autosave: the workspace lives in IndexedDB and comes back on reload.
//  - Every committed change is written at once, in the same task as the edit,
//    with an explicit commit, so closing or crashing the tab right after a
//    stroke loses nothing (scenarios are stored with their typed arrays:
//    structured clone copies them without any per-unit work).
//  - One tab saves at a time (a Web Lock); another tab on the same browser
//    profile says so instead of overwriting, and can take saving over.
//  - An autosave that cannot be read (another version of carezones, a broken
//    write) is never replaced silently: it is kept, the user is told and can
//    download it; saving stays off until they choose.
import { create } from 'zustand';
import { useApp } from './store';
import { readProjectDoc, toProjectDoc, type ProjectDoc, type Workspace } from './projectFile';
import type { Scenario } from '../model/scenario';

const DB_NAME = 'carezones';
const STORE = 'kv';
const LOCK = 'carezones-autosave';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error' | 'other-tab' | 'paused';

export interface SaveStatus {
  state: SaveState;
  error?: string;
  /** The autosave that could not be read, kept as it was; null when there is none. */
  unreadable: { message: string; doc: Record<string, unknown> } | null;
}

export const useSaveState = create<SaveStatus>(() => ({ state: 'idle', unreadable: null }));

type ProjectPart = Omit<ProjectDoc, 'scenarios' | 'currentScenarioId' | 'baselineScenarioId' | 'settings'>;

/** A scenario as stored in the autosave: typed arrays kept as they are. */
interface ScenarioRecord {
  id: string;
  name: string;
  zones: Scenario['zones'];
  bases: Scenario['bases'];
  zoneOf: Int32Array | number[];
  lockedUnits: number[] | Uint8Array;
  lockedZones: boolean[];
  /** Marks lockedUnits as one flag per unit (a Uint8Array) rather than a list of indices. */
  lockFlags?: true;
}

interface WorkspacePart {
  scenarios: ScenarioRecord[];
  currentScenarioId: string;
  baselineScenarioId: string | null;
  settings: ProjectDoc['settings'];
}

// ---- IndexedDB, raw, so a write is issued and committed in the caller's task -----

let dbPromise: Promise<IDBDatabase> | null = null;
let db: IDBDatabase | null = null;

function openDb(): Promise<IDBDatabase> {
  dbPromise ??= new Promise((resolve, reject) => {
    // Version 10 is what Dexie's version(1) wrote (it multiplies by 10): the same database as before.
    const req = indexedDB.open(DB_NAME, 10);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'key' });
    };
    req.onsuccess = () => {
      db = req.result;
      resolve(db);
    };
    req.onerror = () => reject(req.error);
  });
  return dbPromise;
}

function readAll(): Promise<Map<string, unknown>> {
  return openDb().then(
    (d) =>
      new Promise((resolve, reject) => {
        const req = d.transaction(STORE, 'readonly').objectStore(STORE).getAll();
        req.onsuccess = () => resolve(new Map((req.result as Array<{ key: string; value: unknown }>).map((r) => [r.key, r.value])));
        req.onerror = () => reject(req.error);
      }),
  );
}

/** Issues the write now; resolves when it is on disk. */
function write(rows: Array<{ key: string; value: unknown }>, clear = false): Promise<void> {
  const d = db;
  if (!d) return Promise.reject(new Error('the autosave database is not open'));
  return new Promise((resolve, reject) => {
    const tx = d.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    if (clear) store.clear();
    for (const r of rows) store.put(r);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('the autosave was aborted'));
    // Ask for the commit now rather than when this task ends: the edit is safe even if the tab dies next.
    tx.commit?.();
  });
}

// ---- what is stored -----------------------------------------------------------

function currentWorkspace(): Workspace | null {
  const s = useApp.getState();
  if (!s.project) return null;
  return { project: s.project, scenarios: s.scenarios, currentId: s.history.present.id, baselineId: s.baselineId, settings: s.settings };
}

const scenarioRecord = (s: Scenario): ScenarioRecord => ({
  id: s.id, name: s.name, zones: s.zones, bases: s.bases, zoneOf: s.zoneOf, lockedUnits: s.lockedUnits, lockedZones: s.lockedZones, lockFlags: true,
});

function workspacePart(w: Workspace): WorkspacePart {
  return { scenarios: w.scenarios.map(scenarioRecord), currentScenarioId: w.currentId, baselineScenarioId: w.baselineId, settings: w.settings };
}

/** The stored parts as one project document, as a project file holds it. */
function documentOf(project: unknown, workspace: unknown): Record<string, unknown> {
  const w = (workspace ?? {}) as Partial<WorkspacePart>;
  const scenarios = Array.isArray(w.scenarios)
    ? w.scenarios.map((s) => {
        if (!s || typeof s !== 'object') return s;
        const lockedUnits = s.lockFlags ? Array.from(s.lockedUnits as Uint8Array).flatMap((v, u) => (v ? [u] : [])) : s.lockedUnits;
        return { ...s, zoneOf: ArrayBuffer.isView(s.zoneOf) ? Array.from(s.zoneOf) : s.zoneOf, lockedUnits, lockFlags: undefined };
      })
    : w.scenarios;
  return { ...((project ?? {}) as object), ...w, scenarios };
}

export type Restored = { kind: 'none' } | { kind: 'workspace'; workspace: Workspace } | { kind: 'unreadable'; message: string };

/**
 * The saved workspace. When it cannot be read, autosave is paused (so nothing
 * overwrites it) and the problem is kept for the user to see and download.
 */
export async function restoreWorkspace(): Promise<Restored> {
  let rows: Map<string, unknown>;
  try {
    rows = await readAll();
  } catch (e) {
    useSaveState.setState({ state: 'error', error: `The browser's storage cannot be opened: ${e instanceof Error ? e.message : String(e)}` });
    return { kind: 'none' };
  }
  if (!rows.has('project') && !rows.has('workspace')) return { kind: 'none' };
  const doc = documentOf(rows.get('project'), rows.get('workspace'));
  try {
    return { kind: 'workspace', workspace: readProjectDoc(doc) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    useSaveState.setState({ state: 'paused', unreadable: { message, doc } });
    return { kind: 'unreadable', message };
  }
}

/** The unreadable autosave as a project file's text, for the user to keep. */
export function unreadableAutosaveText(): string | null {
  const u = useSaveState.getState().unreadable;
  return u ? JSON.stringify(u.doc) : null;
}

/** The user chose to let new work replace the unreadable autosave. */
export function discardUnreadableAutosave(): void {
  useSaveState.setState({ unreadable: null, state: 'idle' });
  saver?.saveAll();
}

// ---- the saver ----------------------------------------------------------------

interface Saver {
  saveAll(): void;
}
let saver: Saver | null = null;

const canSave = () => {
  const s = useSaveState.getState();
  return s.unreadable === null && s.state !== 'other-tab';
};

function track(p: Promise<void>) {
  useSaveState.setState({ state: 'saving', error: undefined });
  p.then(
    () => canSave() && useSaveState.setState({ state: 'saved' }),
    (e: unknown) => useSaveState.setState({ state: 'error', error: e instanceof Error ? e.message : String(e) }),
  );
}

function saveNow(what: 'all' | 'workspace'): void {
  const w = currentWorkspace();
  if (!w || !canSave() || !hasLock) return;
  const workspace = { key: 'workspace', value: workspacePart(w) };
  if (what === 'workspace') return track(write([workspace]));
  const { scenarios: _s, currentScenarioId: _c, baselineScenarioId: _b, settings: _t, ...project } = toProjectDoc({ ...w, scenarios: [] });
  track(write([{ key: 'project', value: project satisfies ProjectPart }, workspace], true));
}

let hasLock = false;

/** Holds the autosave lock while this tab saves; another tab's request to take over ends it. */
function holdLock(steal: boolean, onHeld: () => void): void {
  if (!('locks' in navigator)) {
    hasLock = true;
    onHeld();
    return;
  }
  const options: LockOptions = steal ? { steal: true } : { ifAvailable: true };
  navigator.locks
    .request(LOCK, options, (lock) => {
      if (!lock) {
        hasLock = false;
        useSaveState.setState({ state: 'other-tab' });
        return undefined;
      }
      hasLock = true;
      onHeld();
      // Held until the tab closes, or another tab takes over (the request then rejects).
      return new Promise<void>(() => {});
    })
    .catch(() => {
      hasLock = false;
      useSaveState.setState({ state: 'other-tab' });
    });
}

/** Starts autosaving; returns a function that stops it. */
export function startAutosave(): () => void {
  let pending: 'all' | 'workspace' | null = null;
  const flush = () => {
    const what = pending;
    pending = null;
    if (what) saveNow(what);
  };
  const queue = (what: 'all' | 'workspace') => {
    if (pending === null) queueMicrotask(flush);
    if (what === 'all' || pending === null) pending = what;
  };
  saver = { saveAll: () => saveNow('all') };
  void openDb().then(
    () => holdLock(false, () => useApp.getState().project && queue('all')),
    (e: unknown) => useSaveState.setState({ state: 'error', error: e instanceof Error ? e.message : String(e) }),
  );
  const unsubscribe = useApp.subscribe((s, prev) => {
    if (!s.project) return;
    if (s.project !== prev.project) queue('all');
    else if (s.scenarios !== prev.scenarios || s.history.present !== prev.history.present || s.baselineId !== prev.baselineId || s.settings !== prev.settings) {
      queue('workspace');
    }
  });
  const onHide = () => flush();
  const onVisibility = () => document.visibilityState === 'hidden' && flush();
  window.addEventListener('pagehide', onHide);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    flush();
    saver = null;
    unsubscribe();
    window.removeEventListener('pagehide', onHide);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}

/** Saving moves to this tab (the other tab is told and stops saving). */
export function takeOverSaving(): void {
  holdLock(true, () => {
    useSaveState.setState({ state: 'idle' });
    saveNow('all');
  });
}
