// The paint handlers on a maplibre map: the surface they draw on (queryRenderedFeatures,
// feature-state previews, an SVG overlay for the rubber band) and the mouse and key
// events routed to the handler of the store's tool. Panning is off while a paint tool is on.
import type { Map as MapLibre, MapMouseEvent, PointLike } from 'maplibre-gl';
import type { UnitIndex } from '../../../solver/model';
import type { Project } from '../../model/project';
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

export function mapSurface(map: MapLibre, project: Project, overlay: SVGSVGElement, redraw: (units: Iterable<UnitIndex>) => void): PaintSurface {
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
      for (let u = 0 as UnitIndex; u < count; u++) if (insidePolygon(map.project([lon[u], lat[u]]), polygon)) out.push(u);
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
    strokeEnded(units, started) {
      // Undoes any preview the edit refused (locks) by redrawing from the plan.
      redraw(units);
      // User Timing marks: the paint benchmark reads them (bench/paint.bench.ts).
      const detail = { units: units.length };
      performance.measure('carezones:paint-commit', { start: started, detail });
      map.once('idle', () => performance.measure('carezones:paint-repaint', { start: started, detail }));
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
  const onKey = (e: KeyboardEvent) => {
    if (active()?.keydown?.(e.key)) e.preventDefault();
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
    const painting = tool !== 'pan';
    if (painting) {
      map.dragPan.disable();
      map.boxZoom.disable();
    } else {
      map.dragPan.enable();
      map.boxZoom.enable();
    }
    map.getCanvas().style.cursor = painting ? 'crosshair' : '';
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
