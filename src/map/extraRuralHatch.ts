// Units on the extra-rural rate are hatched: a fill layer with a diagonal-line
// pattern drawn on a canvas, shown per unit through feature-state on fill-opacity
// so switching flags never rebuilds the source.
import type { Map as MapLibre } from 'maplibre-gl';
import { LAYERS, SOURCES } from './mapStyle';

export const HATCH_LAYER = 'unit-extra-rural';
export const HATCH_STATE = 'extraRural';
const HATCH_IMAGE = 'extra-rural-hatch';
const SIZE = 8;

/** Diagonal ink lines on a transparent tile, so the colour underneath shows between them. */
function hatchImage(): ImageData {
  const canvas = document.createElement('canvas');
  canvas.width = SIZE;
  canvas.height = SIZE;
  const g = canvas.getContext('2d')!;
  g.strokeStyle = 'rgba(29, 43, 54, 0.9)';
  g.lineWidth = 1.6;
  g.beginPath();
  // The main diagonal plus the two corner pieces that make the tile seamless.
  for (const offset of [-SIZE, 0, SIZE]) {
    g.moveTo(offset, SIZE);
    g.lineTo(offset + SIZE, 0);
  }
  g.stroke();
  return g.getImageData(0, 0, SIZE, SIZE);
}

export function addHatchLayer(map: MapLibre) {
  if (!map.hasImage(HATCH_IMAGE)) map.addImage(HATCH_IMAGE, hatchImage());
  map.addLayer(
    {
      id: HATCH_LAYER,
      type: 'fill',
      source: SOURCES.units,
      paint: {
        'fill-pattern': HATCH_IMAGE,
        'fill-opacity': ['case', ['boolean', ['feature-state', HATCH_STATE], false], 1, 0],
      },
    },
    LAYERS.unitLine,
  );
}
