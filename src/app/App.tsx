import { useEffect } from 'react';
import { useApp } from './store';
import { loadDefaultProject } from '../model/loadDefaultProject';
import { MapView } from '../map/MapView';
import { ZonePanel } from '../ui/ZonePanel';
import { UnitTooltip } from '../ui/UnitTooltip';
import { MapLegend } from '../ui/MapLegend';

export function App() {
  const { status, project, error, setProject, setError } = useApp();

  useEffect(() => {
    loadDefaultProject().then(setProject, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [setProject, setError]);

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
              <ZonePanel project={project} />
            </aside>
          </>
        )}
      </main>
    </div>
  );
}
