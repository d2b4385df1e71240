// One handler per paint tool, after maplibre's gesture handlers (src/ui/handler/*.ts):
// enable / disable / isEnabled / isActive / reset, then the events it takes. A handler
// knows nothing of maplibre: it reads and edits the app through the store and sees the
// map only through a PaintSurface, so each one is unit-tested without a browser.
import type { StoreApi } from 'zustand';
import type { UnitIndex } from '../../../solver/model';
import type { AppState } from '../../state/store';

export type Pt = { x: number; y: number };

/** The store the handlers read the tool, zone, brush and cursor from, and commit edits to. */
export type PaintStore = Pick<StoreApi<AppState>, 'getState' | 'subscribe'>;

/** What a handler may do to the map. */
export interface PaintSurface {
  /** Units drawn inside the screen rectangle with corners a and b (a point when a = b). */
  unitsInBox(a: Pt, b: Pt): UnitIndex[];
  /** Units whose centre, on screen, falls inside the polygon. */
  unitsInPolygon(polygon: Pt[]): UnitIndex[];
  /** Shows a unit as it would be after the stroke, without changing the plan. */
  preview(unit: UnitIndex, look: { colour: string } | { locked: boolean }): void;
  /** Draws the rubber band of a box or lasso (null clears it). */
  outline(shape: { box: [Pt, Pt] } | { polygon: Pt[] } | null): void;
  /** Called once a stroke is over (committed or reset): redraws these units from the plan; `releasedMs` is when the commit began. */
  strokeEnded(units: UnitIndex[], releasedMs: number): void;
  /** Outlines the keyboard cursor's unit, brings it into view and shows its card (null takes it away). */
  showCursor(unit: UnitIndex | null): void;
}

export interface PaintHandler {
  /** The tool this handler implements; the glue enables the handler of the store's tool. */
  readonly tool: AppState['tool'];
  enable(): void;
  /** Disables the handler, abandoning any stroke under way. */
  disable(): void;
  isEnabled(): boolean;
  /** A stroke is under way. */
  isActive(): boolean;
  /** Abandons a stroke under way: previews are redrawn from the plan and nothing is committed. */
  reset(): void;
  /** Primary button pressed at p; returns whether the handler took it (so the map does not pan). */
  mousedown(p: Pt): boolean;
  mousemove(p: Pt): void;
  /** Ends the stroke: one edit, one undo step. */
  mouseup(): void;
  /**
   * A key pressed (KeyboardEvent.key, with Shift) while the map has focus, or Escape
   * anywhere; returns whether the handler took it (then nothing else acts on it).
   */
  keydown?(key: string, shift?: boolean): boolean;
}
