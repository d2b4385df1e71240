// The app's state: the loaded project, its scenarios, the working scenario with
// undo history, and UI state. Components subscribe to slices; the map subscribes
// imperatively (src/map/MapView.tsx) so painting never re-renders React.
import { create } from 'zustand';
import type { Project } from '../model/project';
import { allUnits, asZone, type Demand, type UnitIndex, type ZoneIndex } from '../../solver/model';
import { assignZoneColours, paletteOf, PALETTES, zoneNeighbours, type PaletteKind } from '../model/palette';
import * as S from '../model/scenario';
import { unitsOfTown } from '../model/unitNeighbours';
import { commit, redo, replace, startHistory, undo, type History } from './history';
import { useHover } from './hover';
import { DEFAULT_SCORE_SETTINGS, type ScoreSettings } from '../../solver/score';
import { completeRules, rulesFromSettings, rulesLabel, type OptimisePhase, type OptimiseResult, type OptimiseRules } from '../../solver/optimise';
import { runOptimiser } from '../workers/optimiser/client';
import type { WorkerJob } from '../workers/workerJob';
import type { ZonesScenario } from './zonesScenario';

export type SideTab = 'zones' | 'hardest' | 'extra-rural' | 'optimise' | 'scenarios' | 'export' | 'settings';

export type Tool = 'pan' | 'brush' | 'box' | 'lasso' | 'town' | 'lock' | 'cursor';

export interface AppState {
  status: 'loading' | 'ready' | 'error';
  error?: string;
  project?: Project;
  /** Saved scenarios; the working one is `history.present` and is kept in this list too. */
  scenarios: S.Scenario[];
  history: History<S.Scenario>;
  /** The scenario disruption is measured against (the plan in force). */
  baselineId: string | null;
  /**
   * False (the default): the baseline is read-only, and its first edit goes into a
   * working copy. True when the user chose to edit the baseline itself.
   */
  baselineEditable: boolean;
  /** The working copy the last edit of the baseline went into, to tell the user; null once dismissed. */
  baselineCopy: { baseline: string; copy: string } | null;
  /** Undo histories of the scenarios not being edited, kept while the session lasts. */
  histories: Record<string, History<S.Scenario>>;
  /** Rates, speeds, thresholds: shared by the scores, the optimiser and the exports. */
  settings: ScoreSettings;
  tool: Tool;
  brushPx: number;
  activeZone: ZoneIndex;
  /** Why the last edit left something undone (a locked zone or unit), said once; null when there is nothing to say. */
  notice: string | null;
  /** The unit the keyboard cursor is on (painting without the mouse), or null. */
  cursorUnit: UnitIndex | null;
  sideTab: SideTab;
  /** The zone whose next lasso, box or brush selection is split off into a new zone, or null. */
  splitting: ZoneIndex | null;
  /** Two scenario ids being compared side by side, or null. */
  compare: { a: string; b: string } | null;

  openProject(
    project: Project,
    scenarios?: S.Scenario[],
    currentId?: string,
    baselineId?: string | null,
    settings?: ScoreSettings,
  ): void;
  /**
   * Replaces the project's demand (the units and their geometry stay): a package the
   * user chose to add, or taken out again. Saved with the project; no users file changes.
   */
  setDemand(demand: Demand): void;
  setError(message: string): void;
  /** Renames the project (the report and the saved file take the new name); blank names are ignored. */
  renameProject(name: string): void;
  setSettings(settings: ScoreSettings): void;
  setNotice(notice: string | null): void;
  /** Gives the working scenario's zones new colours from a palette (one undo step). */
  recolourZones(palette: PaletteKind): void;
  setCursor(unit: UnitIndex | null): void;
  /** Paints the cursor's unit, or every unit of its town, into the zone chosen to paint (one undo step). */
  paintAtCursor(wholeTown: boolean): void;
  /** Locks the cursor's unit, or unlocks it when it is locked. */
  toggleCursorLock(): void;
  setTool(tool: Tool): void;
  setBrushPx(px: number): void;
  setActiveZone(zone: ZoneIndex): void;
  /** One undoable edit of the working scenario. */
  edit(change: (s: S.Scenario) => S.Scenario): void;
  paintUnits(units: Iterable<UnitIndex>, zone?: ZoneIndex): void;
  undo(): void;
  redo(): void;
  saveScenarioAs(name: string): void;
  switchScenario(id: string): void;
  renameScenario(id: string, name: string): void;
  deleteScenario(id: string): void;
  setBaseline(id: string): void;
  setBaselineEditable(editable: boolean): void;
  dismissBaselineCopy(): void;
  setCompare(compare: { a: string; b: string } | null): void;
  setSideTab(tab: SideTab): void;
  /** Starts (zone) or abandons (null) splitting a zone by drawing round part of it. */
  setSplitting(zone: ZoneIndex | null): void;
  /** Applies a paint tool's selection: paints it, or splits it off when splitting. */
  applySelection(units: UnitIndex[]): void;
  /** Adds a scenario beside the others (zones without a colour get one); the working scenario stays. */
  addScenario(scenario: S.Scenario): void;
  /** Reads a zone boundary file or zone list as a new scenario and adds it; throws, changing nothing, when the file has no zones. */
  importZoneFile(file: { name: string; data: Uint8Array }): Promise<ZonesScenario>;
  /**
   * Optimises the working scenario in a worker, with the user's settings (rules the run does not
   * set, travel) and the scenario's locks; a plan that keeps the rules is added as a new scenario.
   */
  runOptimiser(run: OptimiserRunOptions, onProgress: (phase: OptimisePhase, gapPercent?: number) => void): WorkerJob<OptimiserOutcome>;
}

export interface OptimiserRunOptions {
  /** The rules set for this run; locks come from the scenario, the rest from the settings. */
  rules: Partial<OptimiseRules>;
  mode: 'fast' | 'thorough';
  timeLimitSeconds: number;
}

export interface OptimiserOutcome {
  result: OptimiseResult;
  /** The scenario the proposal was added as; null when no plan kept every rule. */
  scenarioId: string | null;
  totalHours: number;
}

const EMPTY: S.Scenario = {
  id: '',
  name: '',
  zones: [],
  bases: [],
  zoneOf: new Int32Array(0),
  lockedUnits: new Uint8Array(0),
  lockedZones: [],
};

let counter = 0;
export const newScenarioId = () => `s${Date.now().toString(36)}${(counter++).toString(36)}`;

/**
 * Gives zones without a colour one that stands apart from their neighbours,
 * from the palette the other zones use (so a colour-blind safe map stays so);
 * given a palette, every zone takes a new colour from it.
 */
export function withColours(project: Project, s: S.Scenario, palette?: PaletteKind): S.Scenario {
  if (!palette && s.zones.every((z) => z.colour)) return s;
  const nb = zoneNeighbours(project.model.units.adjacency, { zoneOf: s.zoneOf }, s.zones.length);
  const kind = palette ?? paletteOf(s.zones.filter((z) => z.colour).map((z) => z.colour)) ?? 'standard';
  const colours = assignZoneColours(nb, palette ? [] : s.zones.map((z) => z.colour), PALETTES[kind].colours);
  return { ...s, zones: s.zones.map((z, i) => ({ ...z, colour: colours[i] })) };
}

const syncList = (list: S.Scenario[], s: S.Scenario) => list.map((x) => (x.id === s.id ? s : x));

/** "Current zones (edited)", or "(edited 2)" and on when that name is taken. */
function copyName(list: S.Scenario[], name: string): string {
  const taken = new Set(list.map((s) => s.name));
  let n = 1;
  while (taken.has(n === 1 ? `${name} (edited)` : `${name} (edited ${n})`)) n++;
  return n === 1 ? `${name} (edited)` : `${name} (edited ${n})`;
}

/** The scenario's kept history (its present brought up to the listed scenario), or a new one. */
function historyOf(histories: Record<string, History<S.Scenario>>, s: S.Scenario): History<S.Scenario> {
  const h = histories[s.id];
  if (!h) return startHistory(s);
  return h.present === s ? h : replace(h, s);
}

const without = (histories: Record<string, History<S.Scenario>>, id: string) => {
  const { [id]: _dropped, ...rest } = histories;
  return rest;
};

export const useApp = create<AppState>((set, get) => ({
  status: 'loading',
  scenarios: [],
  history: startHistory(EMPTY),
  baselineId: null,
  baselineEditable: false,
  baselineCopy: null,
  histories: {},
  settings: DEFAULT_SCORE_SETTINGS,
  tool: 'pan',
  brushPx: 12,
  activeZone: asZone(0),
  notice: null,
  cursorUnit: null,
  sideTab: 'zones',
  splitting: null,
  compare: null,

  openProject: (project, scenarios, currentId, baselineId, settings) => {
    const list =
      scenarios && scenarios.length > 0
        ? scenarios.map((s) => withColours(project, s))
        : [withColours(project, S.scenarioFromModel(project.model, project.plan, newScenarioId(), 'Current zones'))];
    const current = list.find((s) => s.id === currentId) ?? list[0];
    set({
      status: 'ready',
      error: undefined,
      project,
      scenarios: list,
      history: startHistory(current),
      baselineId: baselineId === undefined ? list[0].id : baselineId,
      baselineEditable: false,
      baselineCopy: null,
      histories: {},
      settings: settings ?? DEFAULT_SCORE_SETTINGS,
      activeZone: asZone(0),
      compare: null,
      // Units of another county: the cursor and any notice belong to the old one.
      cursorUnit: null,
      notice: null,
    });
    useHover.getState().setHover(null);
  },
  setDemand: (demand) => {
    const { project } = get();
    if (!project || demand.hours.length !== project.model.units.count) return;
    set({ project: { ...project, model: { ...project.model, demand } } });
  },
  setError: (message) => set({ status: 'error', error: message }),
  renameProject: (name) => {
    const project = get().project;
    const trimmed = name.trim();
    if (project && trimmed && trimmed !== project.name) set({ project: { ...project, name: trimmed } });
  },
  setSettings: (settings) => set({ settings }),
  setNotice: (notice) => set({ notice }),
  recolourZones: (palette) => {
    const project = get().project;
    if (project) get().edit((s) => withColours(project, s, palette));
  },
  setCursor: (cursorUnit) => set({ cursorUnit }),
  paintAtCursor: (wholeTown) => {
    const { project, cursorUnit } = get();
    if (!project || cursorUnit === null) return;
    get().applySelection(wholeTown ? unitsOfTown(project.model.units, cursorUnit) : [cursorUnit]);
  },
  toggleCursorLock: () => {
    const u = get().cursorUnit;
    if (u !== null) get().edit((s) => S.setUnitLocks(s, [u], s.lockedUnits[u] !== 1));
  },
  setTool: (tool) => set({ tool }),
  setBrushPx: (brushPx) => set({ brushPx }),
  setActiveZone: (activeZone) => set({ activeZone }),

  edit: (change) => {
    const { history, scenarios, project, baselineId, baselineEditable, histories } = get();
    let next = change(history.present);
    if (next === history.present) return;
    if (project && next.zones.length !== history.present.zones.length) next = withColours(project, next);
    const baseline = history.present;
    if (baseline.id !== baselineId || baselineEditable) {
      set({ history: commit(history, next), scenarios: syncList(scenarios, next) });
      return;
    }
    // The plan in force stays as it was: the edit goes into a working copy, listed after it, whose undo leads back to the baseline's plan.
    const name = copyName(scenarios, baseline.name);
    const id = newScenarioId();
    const copy = { ...next, id, name };
    const at = scenarios.indexOf(baseline) + 1;
    set({
      history: commit(startHistory({ ...baseline, id, name }), copy),
      histories: { ...histories, [baseline.id]: history },
      scenarios: [...scenarios.slice(0, at), copy, ...scenarios.slice(at)],
      baselineCopy: { baseline: baseline.name, copy: name },
    });
  },
  paintUnits: (units, zone) => {
    const list = [...units];
    const into = zone ?? get().activeZone;
    set({ notice: S.paintRefusal(get().history.present, list, into) });
    get().edit((s) => S.paint(s, list, into));
  },
  undo: () => {
    const history = undo(get().history);
    set({ history, scenarios: syncList(get().scenarios, history.present) });
  },
  redo: () => {
    const history = redo(get().history);
    set({ history, scenarios: syncList(get().scenarios, history.present) });
  },
  saveScenarioAs: (name) => {
    const { history, histories, scenarios } = get();
    const copy: S.Scenario = { ...history.present, id: newScenarioId(), name };
    set({ scenarios: [...scenarios, copy], history: startHistory(copy), histories: { ...histories, [history.present.id]: history } });
  },
  switchScenario: (id) => {
    const { history, histories, scenarios } = get();
    const s = scenarios.find((x) => x.id === id);
    if (!s || s.id === history.present.id) return;
    set({ history: historyOf(histories, s), histories: { ...without(histories, s.id), [history.present.id]: history } });
  },
  renameScenario: (id, name) => {
    const { scenarios, history } = get();
    const renamed = scenarios.map((s) => (s.id === id ? { ...s, name } : s));
    set({
      scenarios: renamed,
      history: history.present.id === id ? replace(history, { ...history.present, name }) : history,
    });
  },
  deleteScenario: (id) => {
    const { scenarios, history, baselineId } = get();
    if (scenarios.length <= 1) return;
    const rest = scenarios.filter((s) => s.id !== id);
    const histories = without(get().histories, id);
    set({
      scenarios: rest,
      history: history.present.id === id ? historyOf(histories, rest[0]) : history,
      histories: history.present.id === id ? without(histories, rest[0].id) : histories,
      baselineId: baselineId === id ? rest[0].id : baselineId,
    });
  },
  // A newly chosen baseline is read-only again until the user says otherwise.
  setBaseline: (id) => set({ baselineId: id, baselineEditable: false }),
  setBaselineEditable: (baselineEditable) => set({ baselineEditable }),
  dismissBaselineCopy: () => set({ baselineCopy: null }),
  setCompare: (compare) => set({ compare }),
  setSideTab: (sideTab) => set({ sideTab }),
  setSplitting: (splitting) => set(splitting === null ? { splitting } : { splitting, tool: 'lasso' }),
  applySelection: (units) => {
    const zone = get().splitting;
    if (zone === null) return get().paintUnits(units);
    const s = get().history.present;
    const part = units.filter((u) => s.zoneOf[u] === zone && !S.isUnitLocked(s, u));
    set({ splitting: null });
    // Nothing of the zone inside the drawing: no empty zone is made.
    if (part.length === 0) return;
    get().edit((x) => S.splitZone(x, zone, part));
    set({ activeZone: asZone(s.zones.length) });
  },
  addScenario: (scenario) => {
    const { project, scenarios } = get();
    set({ scenarios: [...scenarios, project ? withColours(project, scenario) : scenario] });
  },
  importZoneFile: async (file) => {
    const { project, history } = get();
    if (!project) throw new Error('No project is open.');
    // Loaded on use: the boundary readers (shapefile, TopoJSON, projections) are large.
    const { zonesScenario } = await import('./zonesScenario');
    const result = await zonesScenario(project, history.present, file, newScenarioId());
    get().addScenario(result.scenario);
    return { ...result, scenario: get().scenarios.at(-1)! };
  },
  runOptimiser: (run, onProgress) => {
    const { project, history, settings } = get();
    if (!project) throw new Error('No project is open.');
    const s = history.present;
    const model = S.modelFor(project.model, s);
    const current = { zoneOf: s.zoneOf };
    const locks = {
      lockedUnits: allUnits(s.lockedUnits.length).filter((u) => s.lockedUnits[u]),
      lockedZones: s.lockedZones.flatMap((l, z) => (l ? [asZone(z)] : [])),
    };
    const rules = completeRules({ ...run.rules, ...locks }, rulesFromSettings(settings, model, current));
    const job = runOptimiser(
      { model, current, rules, travel: settings.travel, settings, mode: run.mode, timeLimitSeconds: run.timeLimitSeconds, seed: 1 },
      onProgress,
    );
    const totalHours = model.demand.hours.reduce((a, b) => a + b, 0);
    const outcome = job.result.then((result): OptimiserOutcome => {
      if (result.status !== 'feasible' && result.status !== 'optimal') return { result, scenarioId: null, totalHours };
      // A proposal for a project no longer open is not added to the one that is.
      if (get().project !== project) return { result, scenarioId: null, totalHours };
      // The proposal opens beside the scenario it came from, whichever is being edited now, named by its rules.
      const name = `Optimised${run.mode === 'thorough' ? ' (thorough)' : ''}: ${rulesLabel(rules)}`;
      const proposal = { ...S.withAssignment(s, result.plan.zoneOf), id: newScenarioId(), name };
      get().addScenario(proposal);
      return { result, scenarioId: proposal.id, totalHours };
    });
    return { result: outcome, cancel: job.cancel };
  },
}));

/** The working scenario. */
export const useScenario = () => useApp((s) => s.history.present);
