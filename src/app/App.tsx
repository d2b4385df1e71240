import { lazy, Suspense, useEffect } from 'react';
import { useApp } from '../state/store';
import { loadExampleCounty } from '../model/loadExampleCounty';
import { MapView } from '../map/MapView';
import { Toolbar } from '../ui/Toolbar';
import { SideTabs } from '../ui/SideTabs';
import { UnitTooltip } from '../ui/UnitTooltip';
import { EditNotice } from '../ui/EditNotice';
import { KeyboardPaint } from '../ui/KeyboardPaint';
import { MapLegend } from '../ui/MapLegend';
import { installShortcuts } from './shortcuts';
import { restoreWorkspace, startAutosave } from '../state/persist';
import { ProjectMenu } from '../ui/ProjectMenu';
import { ProjectName } from '../ui/ProjectName';
import { AutosaveNotice } from '../ui/AutosaveNotice';
import { BaselineNotice } from '../ui/BaselineNotice';

const CompareView = lazy(() => import('../ui/compare/CompareView').then((m) => ({ default: m.CompareView })));

/** Reopens the autosaved workspace, or the example county on a first visit or when the autosave cannot be read (it is kept). */
async function openLastWorkspace() {
  const { openProject, setError } = useApp.getState();
  try {
    const saved = await restoreWorkspace();
    if (saved.kind === 'workspace') {
      const w = saved.workspace;
      openProject(w.project, w.scenarios, w.currentId, w.baselineId, w.settings);
    } else openProject(await loadExampleCounty('lincolnshire'));
  } catch (e) {
    setError(e instanceof Error ? e.message : String(e));
  }
}

export function App() {
  const status = useApp((s) => s.status);
  const project = useApp((s) => s.project);
  const error = useApp((s) => s.error);
  const compare = useApp((s) => s.compare);

  useEffect(() => {
    void openLastWorkspace();
    const stopAutosave = startAutosave();
    const removeShortcuts = installShortcuts();
    return () => {
      stopAutosave();
      removeShortcuts();
    };
  }, []);

  return (
    <div className="app">
      <header className="topbar">
        <h1>carezones</h1>
        {project && <ProjectName />}
        {project?.syntheticUsers && (
          <span className="badge" title="Service users in this example are generated; they are not real people.">
            Synthetic service users
          </span>
        )}
        {project && <ProjectMenu />}
      </header>
      <AutosaveNotice />
      {project && <Toolbar />}
      <main className="workspace">
        {status === 'loading' && <p className="status">Loading the county…</p>}
        {status === 'error' && (
          <p className="status error" role="alert">
            Could not open the project: {error}
          </p>
        )}
        {project && (
          <>
            <div className="map-wrap">
              <MapView project={project} />
              <MapLegend />
              <UnitTooltip />
              <EditNotice />
              <KeyboardPaint />
            </div>
            <aside className="side">
              <BaselineNotice />
              <SideTabs />
            </aside>
            {compare && (
              <Suspense fallback={null}>
                <CompareView />
              </Suspense>
            )}
          </>
        )}
      </main>
    </div>
  );
}
