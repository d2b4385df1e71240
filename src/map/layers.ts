// Sources and layers of the zone map.
import type { ExpressionSpecification, Map as MapLibre } from 'maplibre-gl';
import type { FeatureCollection, MultiLineString } from 'geojson';
import type { Project } from '../model/project';
import { LAYERS, SOURCES } from './mapStyle';
import { UNASSIGNED_COLOUR } from '../model/palette';

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

const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];

export function addLayers(map: MapLibre, project: Project) {
  map.addSource(SOURCES.units, { type: 'geojson', data: project.unitGeo });
  map.addSource(SOURCES.borders, { type: 'geojson', data: bordersGeoJSON(project) });
  map.addLayer({
    id: LAYERS.unitFill,
    type: 'fill',
    source: SOURCES.units,
    paint: {
      'fill-color': ['coalesce', ['feature-state', 'colour'], UNASSIGNED_COLOUR],
      'fill-opacity': ['case', hovered, 0.95, 0.8],
    },
  });
  map.addLayer({
    id: LAYERS.unitLine,
    type: 'line',
    source: SOURCES.units,
    paint: { 'line-color': '#ffffff', 'line-width': 0.5, 'line-opacity': 0.7 },
  });
  map.addLayer({
    id: LAYERS.unitLocked,
    type: 'line',
    source: SOURCES.units,
    paint: {
      'line-color': '#1d2b36',
      'line-width': 1.2,
      'line-dasharray': [2, 1.5],
      'line-opacity': ['case', ['boolean', ['feature-state', 'locked'], false], 0.9, 0],
    },
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
    paint: { 'line-color': '#111', 'line-width': 2.5, 'line-opacity': ['case', hovered, 1, 0] },
  });
  // The keyboard cursor: a dark line on a white halo, visible on every zone colour (WCAG 2.4.7, 1.4.11).
  const cursor: ExpressionSpecification = ['case', ['boolean', ['feature-state', 'cursor'], false], 1, 0];
  map.addLayer({
    id: LAYERS.unitCursorHalo,
    type: 'line',
    source: SOURCES.units,
    layout: { 'line-join': 'round' },
    paint: { 'line-color': '#ffffff', 'line-width': 7, 'line-opacity': cursor },
  });
  map.addLayer({
    id: LAYERS.unitCursor,
    type: 'line',
    source: SOURCES.units,
    layout: { 'line-join': 'round' },
    paint: { 'line-color': '#111111', 'line-width': 3, 'line-opacity': cursor },
  });
}
