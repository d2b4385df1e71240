// The zone map. Created once per project; zone colours and zone outlines are
// feature-state, so a plan change touches only the units that changed.
import { useEffect, useRef } from 'react';
import { Map as MapLibre, Marker, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { bbox } from '@turf/turf';
import type { FeatureCollection, MultiLineString } from 'geojson';
import type { Project } from '../model/project';
import { useApp } from '../app/store';
import { LAYERS, offlineStyle, SOURCES } from './mapStyle';
import { UNASSIGNED_COLOUR } from './palette';
import { zoneLabelPoints } from './zoneLabels';

setWorkerUrl(workerUrl);

function bordersGeoJSON(project: Project): FeatureCollection<MultiLineString, { outer: boolean }> {
  return {
    type: 'FeatureCollection',
    features: project.borders.map((b, i) => ({
      type: 'Feature',
      id: i,
      geometry: { type: 'MultiLineString', coordinates: b.segments },
      properties: { outer: b.b === -1 },
    })),
  };
}

function addLayers(map: MapLibre, project: Project) {
  map.addSource(SOURCES.units, { type: 'geojson', data: project.unitGeo });
  map.addSource(SOURCES.borders, { type: 'geojson', data: bordersGeoJSON(project) });
  map.addLayer({
    id: LAYERS.unitFill,
    type: 'fill',
    source: SOURCES.units,
    paint: {
      'fill-color': ['coalesce', ['feature-state', 'colour'], UNASSIGNED_COLOUR],
      'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 0.95, 0.8],
    },
  });
  map.addLayer({
    id: LAYERS.unitLine,
    type: 'line',
    source: SOURCES.units,
    paint: { 'line-color': '#ffffff', 'line-width': 0.5, 'line-opacity': 0.7 },
  });
  map.addLayer({
    id: LAYERS.zoneBorder,
    type: 'line',
    source: SOURCES.borders,
    filter: ['!', ['get', 'outer']],
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: {
      'line-color': '#1d2b36',
      'line-width': 2,
      'line-opacity': ['case', ['boolean', ['feature-state', 'zoneEdge'], false], 1, 0],
    },
  });
  map.addLayer({
    id: LAYERS.outline,
    type: 'line',
    source: SOURCES.borders,
    filter: ['get', 'outer'],
    layout: { 'line-join': 'round' },
    paint: { 'line-color': '#1d2b36', 'line-width': 1.4 },
  });
  map.addLayer({
    id: LAYERS.unitHover,
    type: 'line',
    source: SOURCES.units,
    paint: {
      'line-color': '#111',
      'line-width': 2.5,
      'line-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 1, 0],
    },
  });
}

/** Sets colours and zone-edge flags; `units` limits the update to those units. */
function applyPlan(map: MapLibre, project: Project, colours: string[], units?: Iterable<number>) {
  const { zoneOf } = project.plan;
  const todo = units ?? zoneOf.keys();
  const touched = new Set<number>();
  for (const u of todo) {
    const z = zoneOf[u];
    map.setFeatureState({ source: SOURCES.units, id: u }, { colour: z >= 0 ? colours[z] : null });
    touched.add(u);
  }
  project.borders.forEach((b, i) => {
    if (b.b === -1 || (!touched.has(b.a) && !touched.has(b.b))) return;
    map.setFeatureState({ source: SOURCES.borders, id: i }, { zoneEdge: zoneOf[b.a] !== zoneOf[b.b] });
  });
}

/** A zone's badge: its number on its colour, with the full name as a tooltip. */
function zoneBadge(zoneId: string, colour: string, title: string, withBase: boolean): HTMLElement {
  const el = document.createElement('div');
  el.className = withBase ? 'zone-badge with-base' : 'zone-badge';
  el.title = title;
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', title);
  if (withBase) {
    const diamond = document.createElement('span');
    diamond.className = 'base-diamond';
    el.append(diamond);
  }
  const number = document.createElement('span');
  number.className = 'zone-number';
  number.style.borderColor = colour;
  number.textContent = zoneId;
  el.append(number);
  return el;
}

export function MapView({ project }: { project: Project }) {
  const container = useRef<HTMLDivElement>(null);
  const colours = useApp((s) => s.zoneColours);
  const setHover = useApp((s) => s.setHover);
  const mapRef = useRef<MapLibre | null>(null);

  useEffect(() => {
    const [minX, minY, maxX, maxY] = bbox(project.unitGeo);
    const map = new MapLibre({
      container: container.current!,
      style: offlineStyle(),
      bounds: [minX, minY, maxX, maxY],
      fitBoundsOptions: { padding: 24 },
      attributionControl: { compact: false, customAttribution: project.attribution },
      dragRotate: false,
      pitchWithRotate: false,
    });
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'top-left');
    const markers: Marker[] = [];
    let hovered: number | null = null;
    const setHoverState = (u: number | null) => {
      if (hovered !== null) map.setFeatureState({ source: SOURCES.units, id: hovered }, { hover: false });
      hovered = u;
      if (u !== null) map.setFeatureState({ source: SOURCES.units, id: u }, { hover: true });
    };

    map.on('load', () => {
      addLayers(map, project);
      applyPlan(map, project, useApp.getState().zoneColours);
      // Each base is drawn with its zone's number; zones without a base get
      // the number alone, placed inside the zone.
      const { model, plan } = project;
      const colours = useApp.getState().zoneColours;
      const hasBase = new Set<number>();
      for (const b of model.bases) {
        const zone = model.zones[b.zone];
        const capacity = `capacity ${b.capacityHours.toLocaleString('en-GB')} h/week`;
        const title = zone ? `Zone ${zone.id} ${zone.name}: ${b.name}, ${capacity}` : `${b.name} (no zone), ${capacity}`;
        const el = zoneBadge(zone ? zone.id : '?', zone ? colours[b.zone] : '#888', title, true);
        markers.push(new Marker({ element: el, anchor: 'left', offset: [-7, 0] }).setLngLat([b.lon, b.lat]).addTo(map));
        hasBase.add(b.zone);
      }
      zoneLabelPoints(model, plan).forEach((p, z) => {
        if (!p || hasBase.has(z)) return;
        const zone = model.zones[z];
        const el = zoneBadge(zone.id, colours[z], `Zone ${zone.id} ${zone.name} (no provider base)`, false);
        markers.push(new Marker({ element: el }).setLngLat(p).addTo(map));
      });
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
      setHover({ unit: id, x: e.point.x, y: e.point.y });
    });
    map.on('mouseleave', LAYERS.unitFill, () => {
      setHoverState(null);
      setHover(null);
    });
    mapRef.current = map;
    return () => {
      markers.forEach((m) => m.remove());
      map.remove();
      mapRef.current = null;
    };
  }, [project, setHover]);

  useEffect(() => {
    const map = mapRef.current;
    if (map?.isStyleLoaded() && map.getSource(SOURCES.units)) applyPlan(map, project, colours);
  }, [colours, project]);

  return <div ref={container} className="map" data-testid="map" aria-label="Map of care zones" />;
}
