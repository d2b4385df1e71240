// The zone map. Created once per project's units; it subscribes to the store and turns
// plan changes into feature-state for the changed units only.
import { useEffect, useRef } from 'react';
import { NavigationControl, ScaleControl, setWorkerUrl, type Marker } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Project } from '../model/project';
import { useHover } from '../state/hover';
import { useApp } from '../state/store';
import { LAYERS, SOURCES } from './mapStyle';
import { countyMap } from './countyMap';
import { addLayers } from './layers';
import { applyScenario, bordersByUnit, unitsToRedraw } from './applyPlan';
import { zoneMarkers } from './markers';
import { attachPaintTools, mapSurface } from './paint/mapPaint';
import { setMapInstance } from './mapInstance';
import { attachScoreColouring } from './scoreColouring';
import { allUnits, asUnit, type UnitIndex } from '../../solver/model';

setWorkerUrl(workerUrl);

export function MapView({ project }: { project: Project }) {
  const container = useRef<HTMLDivElement>(null);
  const overlay = useRef<SVGSVGElement>(null);

  useEffect(() => {
    container.current?.removeAttribute('data-map-ready');
    const map = countyMap(container.current!, project, { doubleClickZoom: false });
    setMapInstance(map);
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'top-left');
    const byUnit = bordersByUnit(project);
    let markers: Marker[] = [];
    const unsubscribers: Array<() => void> = [];
    let hovered: number | null = null;
    const setHoverState = (u: number | null) => {
      if (hovered !== null) map.setFeatureState({ source: SOURCES.units, id: hovered }, { hover: false });
      hovered = u;
      if (u !== null) map.setFeatureState({ source: SOURCES.units, id: u }, { hover: true });
    };
    const redrawMarkers = () => {
      markers.forEach((m) => m.remove());
      markers = zoneMarkers(map, project.model, useApp.getState().history.present);
    };

    map.on('load', () => {
      addLayers(map, project);
      unsubscribers.push(attachScoreColouring(map));
      const first = useApp.getState().history.present;
      applyScenario(map, project, byUnit, first, allUnits(first.zoneOf.length));
      redrawMarkers();
      const redraw = (units: Iterable<UnitIndex>) =>
        applyScenario(map, project, byUnit, useApp.getState().history.present, units);
      const tool = attachPaintTools(map, project, useApp, mapSurface(map, project, overlay.current!, redraw));
      unsubscribers.push(tool.dispose);
      unsubscribers.push(
        useApp.subscribe((state, prev) => {
          if (state.tool !== prev.tool) tool.syncTool();
          // Another project was opened: this map is about to be replaced, and its units are not the new plan's.
          if (state.project?.unitGeo !== project.unitGeo) return;
          const next = state.history.present;
          const before = prev.history.present;
          if (next === before) return;
          redraw(unitsToRedraw(before, next));
          if (next.zones !== before.zones || next.bases !== before.bases || next.zoneOf !== before.zoneOf) redrawMarkers();
        }),
      );
      // Marks the first complete render; the cold-load benchmark reads the time.
      map.once('idle', () => {
        container.current?.setAttribute('data-map-ready', 'true');
        container.current?.setAttribute('data-ready-ms', String(Math.round(performance.now())));
      });
    });
    map.on('mousemove', LAYERS.unitFill, (e) => {
      const id = e.features?.[0]?.id;
      if (typeof id !== 'number') return;
      if (id !== hovered) setHoverState(id);
      useHover.getState().setHover({ unit: asUnit(id), x: e.point.x, y: e.point.y });
    });
    map.on('mouseleave', LAYERS.unitFill, () => {
      setHoverState(null);
      useHover.getState().setHover(null);
    });
    return () => {
      unsubscribers.forEach((f) => f());
      markers.forEach((m) => m.remove());
      setMapInstance(null);
      map.remove();
    };
    // Rebuilt only for new geometry: the map reads no demand (score colours come from the scores),
    // and renaming the project keeps it.
  }, [project.unitGeo]);

  return (
    <>
      <div ref={container} className="map" data-testid="map" aria-label="Map of care zones" />
      <svg ref={overlay} className="select-overlay" aria-hidden="true" />
    </>
  );
}
