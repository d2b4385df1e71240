// shpjs ships no types; only the entry point carezones uses is declared.
declare module 'shpjs' {
  import type { FeatureCollection } from 'geojson';
  export type NamedFeatureCollection = FeatureCollection & { fileName?: string };
  /** Reads a zipped shapefile (reprojected to WGS84 when it has a .prj). */
  export function parseZip(buffer: ArrayBuffer | Uint8Array, whiteList?: string[]): Promise<NamedFeatureCollection | NamedFeatureCollection[]>;
}
