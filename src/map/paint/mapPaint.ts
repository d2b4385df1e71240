// The paint handlers on a maplibre map: the surface they draw on (queryRenderedFeatures,
// feature-state previews, an SVG overlay for the rubber band, the keyboard cursor) and
// the mouse and key events routed to the handler of the store's tool. Panning is off
// while a paint tool is on; the arrow keys pan the map except with the keyboard cursor.
import type { Map as MapLibre, MapMouseEvent, PointLike } from 'maplibre-gl';
import { asUnit, type UnitIndex } from '../../../solver/model';
import type { Project } from '../../model/project';
import { useHover } from '../../state/hover';
import { LAYERS, SOURCES } from '../mapStyle';
import type { PaintHandler, PaintStore, PaintSurface, Pt } from './handler';
import { paintHandlers } from './handlers';

const SVG = 'http://www.w3.org/2000/svg';

function insidePolygon(p: Pt, poly: Pt[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i];
    const b = poly[j];
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

/** Keeps the cursor this far inside the map's edges (a share of its width and height), panning when it comes closer. */
const CURSOR_MARGIN = 0.15;

export function mapSurface(map: MapLibre, project: Project, overlay: SVGSVGElement, redraw: (units: Iterable<UnitIndex>) => void): PaintSurface {
  let cursor: UnitIndex | null = null;
  const { lon, lat } = project.model.units;
  // The cursor's card follows the unit as the map moves.
  const placeCard = () => {
    if (cursor === null) return;
    const p = map.project([lon[cursor], lat[cursor]]);
    useHover.getState().setHover({ unit: cursor, x: p.x, y: p.y });
  };
  return {
    unitsInBox(a, b) {
      const box: [PointLike, PointLike] = [
        [Math.min(a.x, b.x), Math.min(a.y, b.y)],
        [Math.max(a.x, b.x), Math.max(a.y, b.y)],
      ];
      return map.queryRenderedFeatures(box, { layers: [LAYERS.unitFill] }).map((f) => f.id as UnitIndex);
    },
    unitsInPolygon(polygon) {
      const { lon, lat, count } = project.model.units;
      const out: UnitIndex[] = [];
      for (let u = asUnit(0); u < count; u++) if (insidePolygon(map.project([lon[u], lat[u]]), polygon)) out.push(u);
      return out;
    },
    preview(unit, look) {
      map.setFeatureState({ source: SOURCES.units, id: unit }, look);
    },
    outline(shape) {
      overlay.replaceChildren();
      if (!shape) return;
      if ('box' in shape) {
        const [a, b] = shape.box;
        const rect = document.createElementNS(SVG, 'rect');
        rect.setAttribute('x', String(Math.min(a.x, b.x)));
        rect.setAttribute('y', String(Math.min(a.y, b.y)));
        rect.setAttribute('width', String(Math.abs(b.x - a.x)));
        rect.setAttribute('height', String(Math.abs(b.y - a.y)));
        overlay.append(rect);
      } else if (shape.polygon.length > 1) {
        const poly = document.createElementNS(SVG, 'polygon');
        poly.setAttribute('points', shape.polygon.map((p) => `${p.x},${p.y}`).join(' '));
        overlay.append(poly);
      }
    },
    showCursor(unit) {
      if (cursor !== null) map.setFeatureState({ source: SOURCES.units, id: cursor }, { cursor: false });
      map.off('move', placeCard);
      if (cursor !== null && unit === null) useHover.getState().setHover(null);
      cursor = unit;
      if (unit === null) return;
      map.setFeatureState({ source: SOURCES.units, id: unit }, { cursor: true });
      const at: [number, number] = [lon[unit], lat[unit]];
      const p = map.project(at);
      const { clientWidth: w, clientHeight: h } = map.getContainer();
      const inside = (v: number, size: number) => v >= size * CURSOR_MARGIN && v <= size * (1 - CURSOR_MARGIN);
      if (!inside(p.x, w) || !inside(p.y, h)) map.easeTo({ center: at, duration: 250 });
      placeCard();
      map.on('move', placeCard);
    },
    strokeEnded(units, released) {
      // Undoes any preview the edit refused (locks) by redrawing from the plan.
      redraw(units);
      // User Timing marks: the paint benchmark reads them (bench/paint.bench.ts).
      const detail = { units: units.length };
      performance.measure('carezones:paint-commit', { start: released, detail });
      map.once('idle', () => performance.measure('carezones:paint-repaint', { start: released, detail }));
    },
  };
}

export interface PaintTools {
  /** Enables the handler of the store's tool (and panning for 'pan'). */
  syncTool(): void;
  dispose(): void;
}

export function attachPaintTools(map: MapLibre, project: Project, store: PaintStore, surface: PaintSurface): PaintTools {
  const handlers = paintHandlers(store, surface, project);
  const active = (): PaintHandler | undefined => handlers.find((h) => h.isEnabled());

  const onDown = (e: MapMouseEvent) => {
    if (e.originalEvent.button !== 0) return;
    if (active()?.mousedown(e.point)) e.preventDefault();
  };
  const onMove = (e: MapMouseEvent) => active()?.mousemove(e.point);
  const onUp = () => active()?.mouseup();
  const container = map.getContainer();
  const onKey = (e: KeyboardEvent) => {
    const handler = active();
    if (!handler?.keydown) return;
    // Keys belong to the map only while it has focus; Escape also ends a stroke under way.
    const inMap = e.target instanceof Node && container.contains(e.target);
    if (!inMap && !(e.key === 'Escape' && handler.isActive())) return;
    if (handler.keydown(e.key, e.shiftKey)) {
      e.preventDefault();
      e.stopPropagation();
    }
  };
  map.on('mousedown', onDown);
  map.on('mousemove', onMove);
  window.addEventListener('mouseup', onUp);
  window.addEventListener('keydown', onKey);

  const syncTool = () => {
    const tool = store.getState().tool;
    for (const h of handlers) {
      if (h.tool === tool) h.enable();
      else h.disable();
    }
    const painting = tool !== 'pan' && tool !== 'cursor';
    if (painting) {
      map.dragPan.disable();
      map.boxZoom.disable();
    } else {
      map.dragPan.enable();
      map.boxZoom.enable();
    }
    map.getCanvas().style.cursor = painting ? 'crosshair' : '';
    // The arrow keys move the keyboard cursor instead of panning; the map takes focus so they work at once.
    if (tool === 'cursor') {
      map.keyboard.disable();
      map.getCanvas().focus();
    } else map.keyboard.enable();
  };
  syncTool();
  return {
    syncTool,
    dispose() {
      for (const h of handlers) h.disable();
      map.off('mousedown', onDown);
      map.off('mousemove', onMove);
      window.removeEventListener('mouseup', onUp);
      window.removeEventListener('keydown', onKey);
    },
  };
}
