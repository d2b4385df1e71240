// Static maps for the printed report, drawn as inline SVG from polygons: an
// equirectangular projection with longitude scaled by cos(latitude), which is
// true enough in shape at county scale and needs no map library or tiles.
import type { MultiPolygon, Polygon } from 'geojson';
import { escapeHtml } from './escapeHtml';
import { polygonsOf, type BBox } from './geometry';

export interface MapShape {
  geometry: Polygon | MultiPolygon;
  fill: string;
  stroke: string;
  strokeWidth: number;
}

export interface MapPoint {
  lon: number;
  lat: number;
  label: string;
  /** A base is a dot with its name; a label is a bold tag (a zone id on the overview). */
  kind: 'base' | 'label';
}

export interface SvgMapOptions {
  /** Area to show (shapes outside are clipped). */
  view: BBox;
  /** Largest size in px; the map takes the view's shape within it. */
  maxWidth: number;
  maxHeight: number;
  shapes: MapShape[];
  points: MapPoint[];
  /** Accessible name of the map. */
  title: string;
}

/** Only plain colour syntaxes reach an attribute; anything else (from an imported file) gets the fallback. */
export function safeColour(colour: string | null | undefined, fallback: string): string {
  return colour && /^(#[0-9a-f]{3,8}|[a-z]{3,20})$/i.test(colour) ? colour : fallback;
}

type Project = (lon: number, lat: number) => [number, number];

interface Frame {
  width: number;
  height: number;
  project: Project;
}

/** Fits the view into the largest box of its shape within maxWidth x maxHeight. */
function frame(o: SvgMapOptions): Frame {
  const [minLon, minLat, maxLon, maxLat] = o.view;
  const cLon = (minLon + maxLon) / 2;
  const cLat = (minLat + maxLat) / 2;
  const k = Math.cos((cLat * Math.PI) / 180);
  const w = Math.max((maxLon - minLon) * k, 1e-9);
  const h = Math.max(maxLat - minLat, 1e-9);
  const scale = Math.min(o.maxWidth / w, o.maxHeight / h);
  const width = Math.round(w * scale);
  const height = Math.round(h * scale);
  return { width, height, project: (lon, lat) => [width / 2 + (lon - cLon) * k * scale, height / 2 - (lat - cLat) * scale] };
}

/** Path data at 0.1 px, dropping points that land on the previous one (keeps the file small). */
function pathData(g: Polygon | MultiPolygon, project: Project): string {
  const parts: string[] = [];
  for (const polygon of polygonsOf(g))
    for (const ring of polygon) {
      let last = '';
      const pts: string[] = [];
      for (const [lon, lat] of ring) {
        const [x, y] = project(lon, lat);
        const p = `${x.toFixed(1)},${y.toFixed(1)}`;
        if (p !== last) pts.push(p);
        last = p;
      }
      if (pts.length >= 3) parts.push(`M${pts.join('L')}Z`);
    }
  return parts.join('');
}

function pointMark(p: MapPoint, project: Project): string {
  const [x, y] = project(p.lon, p.lat);
  const label = escapeHtml(p.label);
  if (p.kind === 'label') {
    return `<text class="map-label" x="${x.toFixed(1)}" y="${y.toFixed(1)}" text-anchor="middle" dominant-baseline="central">${label}</text>`;
  }
  return (
    `<g class="map-base"><rect x="${(x - 5).toFixed(1)}" y="${(y - 5).toFixed(1)}" width="10" height="10" transform="rotate(45 ${x.toFixed(1)} ${y.toFixed(1)})"/>` +
    `<text x="${(x + 9).toFixed(1)}" y="${y.toFixed(1)}" dominant-baseline="central">${label}</text></g>`
  );
}

export function svgMap(o: SvgMapOptions): string {
  const { width, height, project } = frame(o);
  const shapes = o.shapes
    .map(
      (s) =>
        `<path d="${pathData(s.geometry, project)}" fill="${escapeHtml(safeColour(s.fill, '#cccccc'))}" ` +
        `stroke="${escapeHtml(safeColour(s.stroke, '#ffffff'))}" stroke-width="${s.strokeWidth}" stroke-linejoin="round" fill-rule="evenodd"/>`,
    )
    .join('');
  const points = o.points.map((p) => pointMark(p, project)).join('');
  return (
    `<svg class="map" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">` +
    `<title>${escapeHtml(o.title)}</title>${shapes}${points}</svg>`
  );
}
