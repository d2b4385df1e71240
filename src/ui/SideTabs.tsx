// The side panel's tabs. Every panel stays mounted (hidden when not shown), so
// an optimiser run, a form or a scroll position survives switching tabs.
import { lazy, Suspense, type ReactNode } from 'react';
import { useApp, type SideTab } from '../state/store';
import { ZonePanel } from './ZonePanel';
import { ZoneEditor } from './ZoneEditor';
import { ExtraRuralPanel } from './ExtraRuralPanel';
import { HardestZonesPanel } from './HardestZonesPanel';
import { OptimisePanel } from './OptimisePanel';
import { ScenarioPanel } from './ScenarioPanel';
import { SettingsPanel } from './SettingsPanel';

// Loaded after the first paint: the export builders (topology, report) are not needed to open the map.
const ExportPanel = lazy(() => import('./ExportPanel').then((m) => ({ default: m.ExportPanel })));

const TABS: Array<{ id: SideTab; label: string; content: ReactNode }> = [
  { id: 'zones', label: 'Zones', content: <><ZonePanel /><ZoneEditor /></> },
  { id: 'hardest', label: 'Hardest', content: <HardestZonesPanel /> },
  { id: 'extra-rural', label: 'Extra-rural', content: <ExtraRuralPanel /> },
  { id: 'optimise', label: 'Optimise', content: <OptimisePanel /> },
  { id: 'scenarios', label: 'Scenarios', content: <ScenarioPanel /> },
  { id: 'export', label: 'Export', content: <Suspense fallback={null}><ExportPanel /></Suspense> },
  { id: 'settings', label: 'Rates', content: <SettingsPanel /> },
];

export function SideTabs() {
  const tab = useApp((s) => s.sideTab);
  const setTab = useApp((s) => s.setSideTab);
  return (
    <>
      <div className="side-tabs" role="tablist" aria-label="Panels">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            className={tab === t.id ? 'active' : ''}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {TABS.map((t) => (
        <div key={t.id} role="tabpanel" id={`panel-${t.id}`} aria-labelledby={`tab-${t.id}`} hidden={tab !== t.id} className="side-body">
          {t.content}
        </div>
      ))}
    </>
  );
}
