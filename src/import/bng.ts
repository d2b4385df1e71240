// British National Grid (EPSG:27700, OSGB36) to WGS84 longitude/latitude.
// proj4's 7-parameter Helmert shift is good to about 5 m, ample for placing
// postcodes and boundaries (OSTN15 would give 0.1 m but is a 15 MB grid).
import proj4 from 'proj4';

const BNG =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy ' +
  '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';

const converter = proj4(BNG, 'EPSG:4326');

/** [lon, lat] of a BNG easting/northing in metres. */
export function bngToLonLat(easting: number, northing: number): [number, number] {
  const [lon, lat] = converter.forward([easting, northing]);
  return [lon, lat];
}

/** True when (easting, northing) lies on the British National Grid (0-700 km E, 0-1300 km N). */
export function isOnBng(easting: number, northing: number): boolean {
  return easting >= 0 && easting <= 700_000 && northing >= 0 && northing <= 1_300_000;
}

/** Rough box around the UK, Channel Islands and Isle of Man (degrees), for sanity-checking lat/lon. */
export const UK_BOX = { lat: [49, 61], lon: [-8.7, 2.1] } as const;

export function isInUk(lon: number, lat: number): boolean {
  return lat >= UK_BOX.lat[0] && lat <= UK_BOX.lat[1] && lon >= UK_BOX.lon[0] && lon <= UK_BOX.lon[1];
}
