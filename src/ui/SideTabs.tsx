// The side panel's tabs (the WAI-ARIA tabs pattern: one tab in the Tab order,
// arrow keys, Home and End move between tabs and show them). Every panel stays
// mounted (hidden when not shown), so an optimiser run, a form or a scroll
// position survives switching tabs.
import { lazy, Suspense, useRef, type KeyboardEvent, type ReactNode } from 'react';
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

/** The tab a key moves to from tab i, or null for other keys. */
function tabAfterKey(key: string, i: number): number | null {
  const n = TABS.length;
  if (key === 'ArrowRight' || key === 'ArrowDown') return (i + 1) % n;
  if (key === 'ArrowLeft' || key === 'ArrowUp') return (i - 1 + n) % n;
  if (key === 'Home') return 0;
  if (key === 'End') return n - 1;
  return null;
}

export function SideTabs() {
  const tab = useApp((s) => s.sideTab);
  const setTab = useApp((s) => s.setSideTab);
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const onKeyDown = (e: KeyboardEvent, i: number) => {
    const next = tabAfterKey(e.key, i);
    if (next === null) return;
    e.preventDefault();
    setTab(TABS[next].id);
    buttons.current[next]?.focus();
  };
  return (
    <>
      <div className="side-tabs" role="tablist" aria-label="Panels">
        {TABS.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className={tab === t.id ? 'active' : ''}
            onClick={() => setTab(t.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {TABS.map((t) => (
        <div key={t.id} role="tabpanel" id={`panel-${t.id}`} aria-labelledby={`tab-${t.id}`} hidden={tab !== t.id} tabIndex={0} className="side-body">
          {t.content}
        </div>
      ))}
    </>
  );
}
