// One map of the units that differ between two scenarios: changed units in
// their new zone's colour, unchanged ones grey, with scenario B's zone edges.
import { useEffect, useRef } from 'react';
import { allUnits } from '../../solver/model';
import type { Project } from '../model/project';
import type { Scenario } from '../model/scenario';
import { SOURCES } from './mapStyle';
import { countyMap } from './countyMap';
import { addLayers } from './layers';
import { applyScenario, bordersByUnit } from './applyPlan';
import { UNASSIGNED_COLOUR } from '../model/palette';

const UNCHANGED = '#e3e7ea';

export function DiffMap({ project, a, b }: { project: Project; a: Scenario; b: Scenario }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const map = countyMap(container.current!, project, {
      fitBoundsOptions: { padding: 16 },
      attributionControl: { compact: true, customAttribution: project.attribution },
    });
    map.on('load', () => {
      // Start with the attribution folded to its (i) button: the main map shows it in full.
      container.current?.querySelector('.maplibregl-compact-show')?.classList.remove('maplibregl-compact-show');
      addLayers(map, project);
      const all = allUnits(b.zoneOf.length);
      applyScenario(map, project, bordersByUnit(project), b, all);
      for (const u of all) {
        if (a.zoneOf[u] === b.zoneOf[u]) map.setFeatureState({ source: SOURCES.units, id: u }, { colour: UNCHANGED });
        else if (b.zoneOf[u] < 0) map.setFeatureState({ source: SOURCES.units, id: u }, { colour: UNASSIGNED_COLOUR });
      }
      map.once('idle', () => container.current?.setAttribute('data-map-ready', 'true'));
    });
    return () => map.remove();
  }, [project, a, b]);
  return <div ref={container} className="diff-map" aria-label="Map of the units that change zone" />;
}
