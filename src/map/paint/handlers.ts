// The paint tools, one handler each: brush and lock (click or drag a square of
// brushPx), box (drag a rectangle), lasso (draw round), town (click a town),
// keyboard (a cursor moved over units with the arrow keys, painting with Enter).
import type { Project } from '../../model/project';
import type { PaintHandler, PaintStore, PaintSurface, Pt } from './handler';
import { lockStroke, zoneStroke, type Stroke } from './stroke';
import type { UnitIndex } from '../../../solver/model';
import { middleUnit, neighbourToward, unitsOfTown, type Direction } from '../../model/unitNeighbours';

type Tool = PaintHandler['tool'];

/** What every handler shares: enabled state, the stroke under way, reset. */
abstract class StrokeHandler implements PaintHandler {
  abstract readonly tool: Tool;
  protected stroke: Stroke | null = null;
  private enabled = false;
  constructor(
    protected readonly store: PaintStore,
    protected readonly surface: PaintSurface,
  ) {}

  enable() {
    this.enabled = true;
  }
  disable() {
    this.reset();
    this.enabled = false;
  }
  isEnabled() {
    return this.enabled;
  }
  isActive() {
    return this.stroke !== null;
  }
  reset() {
    this.stroke?.cancel();
    this.stroke = null;
    this.surface.outline(null);
  }
  keydown(key: string) {
    if (key !== 'Escape' || !this.isActive()) return false;
    this.reset();
    return true;
  }

  protected abstract newStroke(): Stroke;
  protected abstract start(p: Pt): void;
  abstract mousemove(p: Pt): void;
  /** Adds what the gesture selected at its end (box, lasso) before committing. */
  protected finish(): void {}

  mousedown(p: Pt) {
    if (!this.enabled) return false;
    this.reset();
    this.stroke = this.newStroke();
    this.start(p);
    return true;
  }
  mouseup() {
    if (!this.stroke) return;
    this.finish();
    const stroke = this.stroke;
    this.stroke = null;
    this.surface.outline(null);
    stroke.commit();
  }
}

/** Click or drag: every unit under a square of side 2 x brushPx round the pointer. */
export class BrushHandler extends StrokeHandler {
  readonly tool: Tool = 'brush';
  protected newStroke() {
    return zoneStroke(this.store, this.surface);
  }
  protected start(p: Pt) {
    this.mousemove(p);
  }
  mousemove(p: Pt) {
    if (!this.stroke) return;
    const r = this.store.getState().brushPx;
    this.stroke.add(this.surface.unitsInBox({ x: p.x - r, y: p.y - r }, { x: p.x + r, y: p.y + r }));
  }
}

/** The brush, locking units instead (or unlocking, when the first unit touched was locked). */
export class LockHandler extends BrushHandler {
  readonly tool: Tool = 'lock';
  protected newStroke() {
    return lockStroke(this.store, this.surface);
  }
}

/** Drag a rectangle; the units drawn in it are painted on release. */
export class BoxHandler extends StrokeHandler {
  readonly tool: Tool = 'box';
  private from: Pt | null = null;
  private to: Pt | null = null;
  protected newStroke() {
    return zoneStroke(this.store, this.surface);
  }
  protected start(p: Pt) {
    this.from = p;
    this.to = null;
  }
  mousemove(p: Pt) {
    if (!this.stroke || !this.from) return;
    this.to = p;
    this.surface.outline({ box: [this.from, p] });
  }
  protected finish() {
    if (this.from && this.to) this.stroke!.add(this.surface.unitsInBox(this.from, this.to));
  }
}

/** Draw round units; those whose centre is inside are painted on release. */
export class LassoHandler extends StrokeHandler {
  readonly tool: Tool = 'lasso';
  private points: Pt[] = [];
  protected newStroke() {
    return zoneStroke(this.store, this.surface);
  }
  protected start(p: Pt) {
    this.points = [p];
  }
  mousemove(p: Pt) {
    if (!this.stroke) return;
    this.points.push(p);
    this.surface.outline({ polygon: this.points });
  }
  protected finish() {
    if (this.points.length > 2) this.stroke!.add(this.surface.unitsInPolygon(this.points));
  }
}

/** Click a unit: all the units of its town (or the unit alone, outside towns) move at once. */
export class TownHandler extends StrokeHandler {
  readonly tool: Tool = 'town';
  constructor(
    store: PaintStore,
    surface: PaintSurface,
    private readonly project: Project,
  ) {
    super(store, surface);
  }
  protected newStroke() {
    return zoneStroke(this.store, this.surface);
  }
  protected start(p: Pt) {
    const hit = this.surface.unitsInBox(p, p)[0];
    if (hit === undefined) return;
    this.stroke!.add(unitsOfTown(this.project.model.units, hit));
  }
  mousemove() {}
}

const ARROWS: Record<string, Direction> = { ArrowUp: 'north', ArrowDown: 'south', ArrowRight: 'east', ArrowLeft: 'west' };
const OPPOSITE: Record<Direction, Direction> = { north: 'south', south: 'north', east: 'west', west: 'east' };

/**
 * Painting without the mouse. The arrow keys move the store's cursor to the
 * neighbouring unit that way (the first press starts it in the middle of the
 * county; the opposite key goes back where the last step came from); Enter paints the cursor's unit into the zone chosen to paint,
 * Shift+Enter its whole town; Space locks or unlocks it; Escape takes the
 * cursor away. Each key is one edit. A click puts the cursor on the unit
 * clicked (the map still pans). The map shows the cursor wherever it was set
 * from (a search list sets it too).
 */
export class KeyboardHandler implements PaintHandler {
  readonly tool: Tool = 'cursor';
  private unsubscribe: (() => void) | null = null;
  /** The last step: back the opposite way returns to `from` while the cursor is still on `to`. */
  private step: { from: UnitIndex; to: UnitIndex; direction: Direction } | null = null;
  constructor(
    private readonly store: PaintStore,
    private readonly surface: PaintSurface,
    private readonly project: Project,
  ) {}

  enable() {
    if (this.unsubscribe) return;
    this.unsubscribe = this.store.subscribe((s, prev) => {
      if (s.cursorUnit !== prev.cursorUnit) this.surface.showCursor(s.cursorUnit);
    });
    this.surface.showCursor(this.store.getState().cursorUnit);
  }
  disable() {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.surface.showCursor(null);
  }
  isEnabled() {
    return this.unsubscribe !== null;
  }
  /** No stroke is ever under way: each key commits at once. */
  isActive() {
    return false;
  }
  reset() {}
  mousedown(p: Pt) {
    if (!this.isEnabled()) return false;
    const hit = this.surface.unitsInBox(p, p)[0];
    if (hit !== undefined) this.store.getState().setCursor(hit);
    return false;
  }
  mousemove() {}
  mouseup() {}
  keydown(key: string, shift = false) {
    if (!this.isEnabled()) return false;
    const app = this.store.getState();
    const units = this.project.model.units;
    const direction = ARROWS[key];
    if (direction) {
      const at = app.cursorUnit;
      if (at === null) app.setCursor(middleUnit(units));
      else {
        const back = this.step && this.step.to === at && OPPOSITE[this.step.direction] === direction ? this.step.from : null;
        const next = back ?? neighbourToward(units, at, direction);
        // Nothing that way (the county's edge): the cursor stays, and the key is still the cursor's.
        if (next !== null) {
          this.step = back === null ? { from: at, to: next, direction } : null;
          app.setCursor(next);
        }
      }
      return true;
    }
    if (app.cursorUnit === null) return false;
    if (key === 'Enter') app.paintAtCursor(shift);
    else if (key === ' ') app.toggleCursorLock();
    else if (key === 'Escape') app.setCursor(null);
    else return false;
    return true;
  }
}

/** Every paint tool's handler, in toolbar order. */
export function paintHandlers(store: PaintStore, surface: PaintSurface, project: Project): PaintHandler[] {
  return [
    new BrushHandler(store, surface),
    new BoxHandler(store, surface),
    new LassoHandler(store, surface),
    new TownHandler(store, surface, project),
    new LockHandler(store, surface),
    new KeyboardHandler(store, surface, project),
  ];
}
