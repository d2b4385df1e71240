// Static maps for the printed report and the map PNG, drawn as SVG from
// polygons: a title with the scenario and date, the map with its labels
// placed without overlaps, a legend, a scale bar and a north arrow. Styled with
// attributes only, so the same SVG prints inline and rasterises as an image.
import type { MultiPolygon, Polygon } from 'geojson';
import { bboxClip } from '@turf/turf';
import polylabel from 'polylabel';
import { escapeHtml } from './escapeHtml';
import type { BBox } from './geometry';
import { legend, northArrow, scaleBar, type LegendItem } from './cartography/furniture';
import { placeLabels, type Box, type LabelRequest, type Placement, type Point } from './cartography/labelPlacement';
import { fitText, INK, MUTED, svgText, wrapText } from './cartography/svgText';
import { fitView, pathData, projectRings, ringArea } from './cartography/projection';
import { lineHeight, type TextStyle } from './cartography/textWidth';

export type { LegendItem } from './cartography/furniture';

export interface MapShape {
  geometry: Polygon | MultiPolygon;
  fill: string;
  stroke: string;
  strokeWidth: number;
  /** Text placed at the visual centre of the shape's largest part, if it lies in the view. */
  label?: { text: string; style: TextStyle; priority: number; fill?: string };
}

export interface MapBase {
  lon: number;
  lat: number;
  /** Null: the marker without a name. */
  name: string | null;
}

export interface MapSheetOptions {
  /** Area to show (shapes outside are clipped). */
  view: BBox;
  /** Largest size of the map itself in px; it takes the view's shape within it. */
  maxWidth: number;
  maxHeight: number;
  shapes: MapShape[];
  bases: MapBase[];
  title: string;
  /** The scenario and the date, under the title. */
  subtitle: string;
  legend: LegendItem[];
  /** Legend beside the map (many items) or under it (a few). */
  legendAt: 'right' | 'bottom';
  /** Data credits in small print at the foot. */
  credit?: string;
  /** Unique within the page the map goes in (its clip path's id). */
  id: string;
}

export interface MapSheet {
  svg: string;
  width: number;
  height: number;
  /** The map's frame in sheet px. */
  frame: Box;
  labels: Placement;
}

/** Only plain colour syntaxes reach an attribute; anything else (from an imported file) gets the fallback. */
export function safeColour(colour: string | null | undefined, fallback: string): string {
  return colour && /^(#[0-9a-f]{3,8}|[a-z]{3,20})$/i.test(colour) ? colour : fallback;
}

const PAD = 12;
const TITLE: TextStyle = { sizePx: 15, bold: true };
const SUBTITLE: TextStyle = { sizePx: 11, bold: false };
const BASE_LABEL: TextStyle = { sizePx: 12, bold: true };
const CREDIT: TextStyle = { sizePx: 8, bold: false };
const BASE_RADIUS = 6;
const LEGEND_COLUMN = 230;

/** Visual centre (pole of inaccessibility) of a shape's largest part, in px. */
function labelAnchor(rings: Point[][][]): Point | null {
  let best: Point[][] | null = null;
  let bestArea = 0;
  for (const polygon of rings) {
    if (!polygon[0] || polygon[0].length < 3) continue;
    const a = ringArea(polygon[0]) - polygon.slice(1).reduce((s, r) => s + ringArea(r), 0);
    if (a > bestArea) [best, bestArea] = [polygon, a];
  }
  if (!best) return null;
  const p = polylabel(best.filter((ring) => ring.length >= 3).map((ring) => ring.map((q) => [q.x, q.y])), 1);
  return { x: p[0], y: p[1] };
}

const baseMarker = (p: Point) =>
  `<rect x="${(p.x - 4.5).toFixed(1)}" y="${(p.y - 4.5).toFixed(1)}" width="9" height="9" fill="${INK}" stroke="#ffffff" stroke-width="1.5" transform="rotate(45 ${p.x.toFixed(1)} ${p.y.toFixed(1)})"/>`;

export function mapSheet(o: MapSheetOptions): MapSheet {
  const proj = fitView(o.view, o.maxWidth, o.maxHeight);
  const header = PAD + lineHeight(TITLE) + lineHeight(SUBTITLE) + 6;
  const frame: Box = { x0: PAD, y0: header, x1: PAD + proj.width, y1: header + proj.height };
  const at = (lon: number, lat: number) => {
    const p = proj.project(lon, lat);
    return { x: p.x + frame.x0, y: p.y + frame.y0 };
  };

  const shapes = o.shapes.map((s) => ({ s, rings: projectRings(s.geometry, proj, frame.x0, frame.y0) }));
  const paths = shapes
    .map(({ s, rings }) =>
      `<path d="${pathData(rings)}" fill="${escapeHtml(safeColour(s.fill, '#cccccc'))}" stroke="${escapeHtml(safeColour(s.stroke, '#ffffff'))}" ` +
      `stroke-width="${s.strokeWidth}" stroke-linejoin="round" fill-rule="evenodd"/>`,
    )
    .join('');

  const bases = o.bases.map((b) => ({ b, p: at(b.lon, b.lat) })).filter(({ p }) => p.x >= frame.x0 && p.x <= frame.x1 && p.y >= frame.y0 && p.y <= frame.y1);
  const markerBoxes = bases.map(({ p }) => ({ x0: p.x - BASE_RADIUS, y0: p.y - BASE_RADIUS, x1: p.x + BASE_RADIUS, y1: p.y + BASE_RADIUS }));
  const requests: LabelRequest[] = [];
  const fills = new Map<LabelRequest, string>();
  for (const { b, p } of bases)
    if (b.name) requests.push({ text: b.name, style: BASE_LABEL, anchor: p, kind: 'point', markerRadius: BASE_RADIUS, priority: 2 });
  for (const { s } of shapes) {
    if (!s.label) continue;
    // The label goes on the part of the shape in view, so a neighbour half off the map is still named.
    const visible = bboxClip(s.geometry, o.view).geometry as Polygon | MultiPolygon;
    const anchor = labelAnchor(projectRings(visible, proj, frame.x0, frame.y0));
    if (!anchor || anchor.x < frame.x0 || anchor.x > frame.x1 || anchor.y < frame.y0 || anchor.y > frame.y1) continue;
    const r: LabelRequest = { text: s.label.text, style: s.label.style, anchor, kind: 'area', priority: s.label.priority };
    requests.push(r);
    if (s.label.fill) fills.set(r, s.label.fill);
  }
  const inset = { x0: frame.x0 + 1, y0: frame.y0 + 1, x1: frame.x1 - 1, y1: frame.y1 - 1 };
  const labels = placeLabels(requests, inset, markerBoxes);
  const labelSvg = labels.placed
    .map((l) => {
      const leader = l.leader
        ? `<circle cx="${l.leader[0].x.toFixed(1)}" cy="${l.leader[0].y.toFixed(1)}" r="1.8" fill="${INK}"/>` +
          `<line class="map-leader" x1="${l.leader[0].x.toFixed(1)}" y1="${l.leader[0].y.toFixed(1)}" x2="${l.leader[1].x.toFixed(1)}" y2="${l.leader[1].y.toFixed(1)}" stroke="${INK}" stroke-width="0.8"/>`
        : '';
      return leader + svgText(l.request.text, l.x, l.y, l.request.style, { anchor: 'middle', halo: true, className: 'map-label', fill: fills.get(l.request) });
    })
    .join('');

  // Legend beside or under the map; then the scale bar and north arrow; then the credits.
  const legendX = o.legendAt === 'right' ? frame.x1 + 14 : PAD;
  const legendY = o.legendAt === 'right' ? frame.y0 : frame.y1 + 10;
  const key = legend(o.legend, legendX, legendY, o.legendAt === 'right' ? { kind: 'column', maxHeight: proj.height, columnWidth: LEGEND_COLUMN } : { kind: 'row', maxWidth: proj.width });
  const width = Math.ceil((o.legendAt === 'right' ? legendX + key.width : frame.x1) + PAD);
  // Scale bar and north arrow under a side legend when they fit there, else under the map.
  const besideLegend = o.legendAt === 'right' && key.height + 56 <= proj.height;
  const furnitureX = besideLegend ? legendX : PAD + 4;
  let y = besideLegend ? legendY + key.height + 16 : (o.legendAt === 'right' ? frame.y1 : legendY + key.height) + 10;
  const scale = scaleBar(furnitureX, y, proj.metresPerPx, Math.min(150, proj.width / 3, besideLegend ? key.width - 40 : Infinity));
  const north = northArrow(furnitureX + scale.width + 28, y - 4);
  y = besideLegend ? frame.y1 + 6 : y + Math.max(scale.height, north.height - 4) + 6;
  const credits = o.credit ? wrapText(o.credit, CREDIT, width - 2 * PAD) : [];
  const creditSvg = credits.map((line, i) => svgText(line, PAD, y + i * lineHeight(CREDIT) + lineHeight(CREDIT) / 2, CREDIT, { fill: MUTED })).join('');
  const height = Math.ceil(y + credits.length * lineHeight(CREDIT) + PAD / 2);

  const title = fitText(o.title, TITLE, width - 2 * PAD);
  const subtitle = fitText(o.subtitle, SUBTITLE, width - 2 * PAD);
  const clip = `clip-${o.id.replace(/[^\w-]/g, '')}`;
  const svg =
    `<svg class="map" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${clip}-title">` +
    `<title id="${clip}-title">${escapeHtml(`${o.title}. ${o.subtitle}`)}</title>` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>` +
    svgText(title.text, PAD, PAD + lineHeight(TITLE) / 2, title.style, { className: 'map-title' }) +
    svgText(subtitle.text, PAD, PAD + lineHeight(TITLE) + lineHeight(SUBTITLE) / 2 + 2, subtitle.style, { fill: MUTED, className: 'map-subtitle' }) +
    `<clipPath id="${clip}"><rect x="${frame.x0}" y="${frame.y0}" width="${proj.width}" height="${proj.height}"/></clipPath>` +
    `<rect class="map-frame" x="${frame.x0}" y="${frame.y0}" width="${proj.width}" height="${proj.height}" fill="#f6f8f9"/>` +
    `<g clip-path="url(#${clip})">${paths}</g>` +
    `<rect x="${frame.x0}" y="${frame.y0}" width="${proj.width}" height="${proj.height}" fill="none" stroke="#9aa8b2" stroke-width="1"/>` +
    bases.map(({ p }) => baseMarker(p)).join('') +
    labelSvg +
    key.svg +
    scale.svg +
    north.svg +
    creditSvg +
    `</svg>`;
  return { svg, width, height, frame, labels };
}
