// An offline map style: no tiles, no fonts, no sprites, so the map makes no
// request beyond the app's own origin. Labels are HTML markers (see markers.ts).
import type { StyleSpecification } from 'maplibre-gl';

export const SOURCES = { units: 'units', borders: 'borders' } as const;
export const LAYERS = {
  background: 'background',
  unitFill: 'unit-fill',
  unitLine: 'unit-line',
  unitLocked: 'unit-locked',
  unitHover: 'unit-hover',
  unitCursorHalo: 'unit-cursor-halo',
  unitCursor: 'unit-cursor',
  zoneBorder: 'zone-border',
  outline: 'county-outline',
} as const;

export function offlineStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: LAYERS.background, type: 'background', paint: { 'background-color': '#eef2f4' } }],
  };
}
