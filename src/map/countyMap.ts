// A maplibre map of a project's county: offline style, fitted to the units, no
// rotation. Shared by the main map and the comparison map.
import { Map as MapLibre, type MapOptions } from 'maplibre-gl';
import { bbox } from '@turf/turf';
import type { Project } from '../model/project';
import { offlineStyle } from './mapStyle';

export function countyMap(container: HTMLElement, project: Project, options: Partial<MapOptions> = {}): MapLibre {
  const [minX, minY, maxX, maxY] = bbox(project.unitGeo);
  return new MapLibre({
    container,
    style: offlineStyle(),
    bounds: [minX, minY, maxX, maxY],
    fitBoundsOptions: { padding: 24 },
    attributionControl: { compact: false, customAttribution: project.attribution },
    dragRotate: false,
    pitchWithRotate: false,
    ...options,
  });
}
