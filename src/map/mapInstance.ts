// The live map, for code outside the map component that needs it (a PNG export,
// printing). Set by MapView while a map exists.
import type { Map as MapLibre } from 'maplibre-gl';

let current: MapLibre | null = null;

export const setMapInstance = (map: MapLibre | null) => {
  current = map;
};
export const getMapInstance = () => current;
