// Live scores of the working scenario for React and the map. One ScoreSync follows
// the app store; its result sits in a small store of its own so that a component
// reading scores re-renders when scores change (once per edit, so once per paint
// stroke) and never on hover or tool changes.
import { createStore, useStore } from 'zustand';
import type { PlanScore, ScoreContext, ZoneScore } from '../../solver/score';
import { useApp, type AppState } from './store';
import { ScoreSync, type ScoreInputs, type ScoreUpdate } from './scoreSync';
import type { Scenario } from '../model/scenario';

export const scoreStore = createStore<{ update: ScoreUpdate | null }>(() => ({ update: null }));

/**
 * The scenario disruption is measured against. When the baseline is the scenario
 * being edited, comparing it with itself would always say 0, so it is compared
 * with itself as it was opened (the first step of its undo history).
 */
function baselineOf(app: AppState): Scenario | null {
  if (app.baselineId === null) return null;
  if (app.baselineId === app.history.present.id) return app.history.past[0] ?? app.history.present;
  return app.scenarios.find((s) => s.id === app.baselineId) ?? null;
}

function inputsOf(app: AppState): ScoreInputs | null {
  if (!app.project || app.history.present.zoneOf.length !== app.project.model.units.count) return null;
  return { project: app.project, scenario: app.history.present, settings: app.settings, baseline: baselineOf(app) };
}

const sync = new ScoreSync();

function refresh(app: AppState) {
  const inputs = inputsOf(app);
  const update = inputs ? sync.update(inputs) : null;
  if (update !== scoreStore.getState().update) scoreStore.setState({ update });
}

// Follows the app store for the life of the page, as the app store itself lives.
refresh(useApp.getState());
useApp.subscribe((app, prev) => {
  const same =
    app.project === prev.project &&
    app.history === prev.history &&
    app.settings === prev.settings &&
    app.baselineId === prev.baselineId &&
    app.scenarios === prev.scenarios;
  if (!same) refresh(app);
});

/** Scores of the working scenario; null before a project is open. */
export const usePlanScore = (): PlanScore | null => useStore(scoreStore, (s) => s.update?.score ?? null);

/** One zone's scores; the object is kept while the zone's figures do not change. */
export const useZoneScore = (zone: number): ZoneScore | undefined =>
  useStore(scoreStore, (s) => s.update?.score.zones[zone]);

/** What the scores were built from, whatever the plan (for a what-if on the county as it stands); null before a project is open. */
export const useScoreContext = (): ScoreContext | null => useStore(scoreStore, (s) => s.update?.state.ctx ?? null);
