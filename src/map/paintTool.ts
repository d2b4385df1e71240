// Painting units into the active zone with the mouse: brush (click or drag),
// box, lasso, or a whole town at once. A stroke previews through feature-state
// and is committed once on mouse-up: one new plan, one undo step, one autosave.
import type { Map as MapLibre, MapMouseEvent, PointLike } from 'maplibre-gl';
import type { Project } from '../model/project';
import { useApp } from '../state/store';
import { isUnitLocked, setUnitLocks } from '../model/scenario';
import { LAYERS, SOURCES } from './mapStyle';

type Pt = { x: number; y: number };

function unitsInBox(map: MapLibre, a: Pt, b: Pt): number[] {
  const box: [PointLike, PointLike] = [
    [Math.min(a.x, b.x), Math.min(a.y, b.y)],
    [Math.max(a.x, b.x), Math.max(a.y, b.y)],
  ];
  return map.queryRenderedFeatures(box, { layers: [LAYERS.unitFill] }).map((f) => f.id as number);
}

function insidePolygon(p: Pt, poly: Pt[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i];
    const b = poly[j];
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

/** Units whose centre, on screen, falls inside the lasso. */
function unitsInLasso(map: MapLibre, project: Project, lasso: Pt[]): number[] {
  const { lon, lat, count } = project.model.units;
  const out: number[] = [];
  for (let u = 0; u < count; u++) if (insidePolygon(map.project([lon[u], lat[u]]), lasso)) out.push(u);
  return out;
}

export interface PaintToolHandle {
  dispose(): void;
  /** Re-reads the tool and turns map panning on or off to match it. */
  syncTool(): void;
}

export function attachPaintTool(
  map: MapLibre,
  project: Project,
  overlay: SVGSVGElement,
  redraw: (units: Iterable<number>) => void,
): PaintToolHandle {
  let stroke: Set<number> | null = null;
  let start: Pt | null = null;
  let lasso: Pt[] = [];
  /** Lock tool: whether this stroke locks (true) or unlocks, set by the first unit touched. */
  let locking: boolean | null = null;

  const lockPreview = (units: number[]) => {
    const s = useApp.getState().history.present;
    for (const u of units) {
      if (!stroke || stroke.has(u)) continue;
      locking ??= s.lockedUnits[u] !== 1;
      stroke.add(u);
      map.setFeatureState({ source: SOURCES.units, id: u }, { locked: locking });
    }
  };

  const preview = (units: number[]) => {
    const s = useApp.getState().history.present;
    const zone = useApp.getState().activeZone;
    const colour = s.zones[zone]?.colour;
    if (!stroke || !colour || s.lockedZones[zone]) return;
    for (const u of units) {
      if (stroke.has(u) || isUnitLocked(s, u)) continue;
      stroke.add(u);
      map.setFeatureState({ source: SOURCES.units, id: u }, { colour });
    }
  };
  const brushAt = (p: Pt) => {
    const r = useApp.getState().brushPx;
    const units = unitsInBox(map, { x: p.x - r, y: p.y - r }, { x: p.x + r, y: p.y + r });
    if (useApp.getState().tool === 'lock') lockPreview(units);
    else preview(units);
  };
  const drawOverlay = () => {
    overlay.replaceChildren();
    const tool = useApp.getState().tool;
    if (tool === 'box' && start && lasso.length > 0) {
      const end = lasso[lasso.length - 1];
      const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
      rect.setAttribute('x', String(Math.min(start.x, end.x)));
      rect.setAttribute('y', String(Math.min(start.y, end.y)));
      rect.setAttribute('width', String(Math.abs(end.x - start.x)));
      rect.setAttribute('height', String(Math.abs(end.y - start.y)));
      overlay.append(rect);
    } else if (tool === 'lasso' && lasso.length > 1) {
      const poly = document.createElementNS('http://www.w3.org/2000/svg', 'polygon');
      poly.setAttribute('points', lasso.map((p) => `${p.x},${p.y}`).join(' '));
      overlay.append(poly);
    }
  };

  const onDown = (e: MapMouseEvent) => {
    const { tool } = useApp.getState();
    if (tool === 'pan' || e.originalEvent.button !== 0) return;
    e.preventDefault();
    stroke = new Set();
    start = { x: e.point.x, y: e.point.y };
    lasso = [start];
    if (tool === 'brush' || tool === 'lock') brushAt(e.point);
    if (tool === 'town') {
      const hit = unitsInBox(map, e.point, e.point)[0];
      if (hit !== undefined) {
        const town = project.model.units.town[hit];
        const units = town < 0 ? [hit] : [...project.model.units.town.keys()].filter((u) => project.model.units.town[u] === town);
        preview(units);
      }
    }
  };
  const onMove = (e: MapMouseEvent) => {
    if (!stroke) return;
    const { tool } = useApp.getState();
    if (tool === 'brush' || tool === 'lock') brushAt(e.point);
    else if (tool === 'box' || tool === 'lasso') {
      lasso.push({ x: e.point.x, y: e.point.y });
      drawOverlay();
    }
  };
  const finish = () => {
    if (!stroke || !start) return;
    const started = performance.now();
    const { tool } = useApp.getState();
    if (tool === 'box' && lasso.length > 1) preview(unitsInBox(map, start, lasso[lasso.length - 1]));
    if (tool === 'lasso' && lasso.length > 2) preview(unitsInLasso(map, project, lasso));
    const units = [...stroke];
    const lock = locking;
    stroke = null;
    start = null;
    lasso = [];
    locking = null;
    overlay.replaceChildren();
    if (tool === 'lock') {
      if (lock !== null) useApp.getState().edit((s) => setUnitLocks(s, units, lock));
    } else useApp.getState().applySelection(units);
    // Undo any preview the edit refused (locks) by redrawing from the plan.
    redraw(units);
    // User Timing marks: the paint benchmark reads them (bench/paint.bench.ts).
    const detail = { units: units.length };
    performance.measure('carezones:paint-commit', { start: started, detail });
    map.once('idle', () => performance.measure('carezones:paint-repaint', { start: started, detail }));
  };

  map.on('mousedown', onDown);
  map.on('mousemove', onMove);
  window.addEventListener('mouseup', finish);

  const syncTool = () => {
    const painting = useApp.getState().tool !== 'pan';
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
    dispose: () => {
      map.off('mousedown', onDown);
      map.off('mousemove', onMove);
      window.removeEventListener('mouseup', finish);
    },
  };
}
