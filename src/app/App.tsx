import { useEffect } from 'react';
import { useApp } from '../state/store';
import { loadDefaultProject } from '../model/loadDefaultProject';
import { MapView } from '../map/MapView';
import { ZonePanel } from '../ui/ZonePanel';
import { ZoneEditor } from '../ui/ZoneEditor';
import { ScenarioPanel } from '../ui/ScenarioPanel';
import { Toolbar } from '../ui/Toolbar';
import { UnitTooltip } from '../ui/UnitTooltip';
import { MapLegend } from '../ui/MapLegend';
import { installShortcuts } from './shortcuts';

export function App() {
  const status = useApp((s) => s.status);
  const project = useApp((s) => s.project);
  const error = useApp((s) => s.error);

  useEffect(() => {
    const { openProject, setError } = useApp.getState();
    loadDefaultProject().then(openProject, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    return installShortcuts();
  }, []);

  return (
    <div className="app">
      <header className="topbar">
        <h1>carezones</h1>
        {project && <span className="project-name">{project.name}</span>}
        {project?.syntheticUsers && (
          <span className="badge" title="Service users in this example are generated; they are not real people.">
            Synthetic service users
          </span>
        )}
      </header>
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
            </div>
            <aside className="side">
              <ZonePanel />
              <ZoneEditor />
              <ScenarioPanel />
            </aside>
          </>
        )}
      </main>
    </div>
  );
}
