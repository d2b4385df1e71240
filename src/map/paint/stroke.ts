// A stroke: the units a gesture has touched so far, previewed as it goes and committed
// once at the end, so a drag is one edit, one undo step and one autosave.
import type { UnitIndex } from '../../../solver/model';
import { UNASSIGNED_COLOUR } from '../../model/palette';
import { isUnitLocked, setUnitLocks } from '../../model/scenario';
import type { PaintStore, PaintSurface } from './handler';

export interface Stroke {
  add(units: Iterable<UnitIndex>): void;
  /** Commits what the stroke touched and ends it. */
  commit(): void;
  /** Ends the stroke without changing anything. */
  cancel(): void;
}

/**
 * Paints into the active zone, or out of every zone when that is Unassigned (or splits
 * off part of a zone, when splitting). Locked units and zones are passed by, not
 * previewed, but still handed to the store, which says why they stayed.
 */
export function zoneStroke(store: PaintStore, surface: PaintSurface): Stroke {
  const touched = new Set<UnitIndex>();
  // Timed from the release: the commit and the repaint it causes, not the drag.
  const end = (released: number) => surface.strokeEnded([...touched], released);
  return {
    add(units) {
      const app = store.getState();
      const s = app.history.present;
      const colour = app.activeZone < 0 ? UNASSIGNED_COLOUR : s.zones[app.activeZone]?.colour;
      const zoneLocked = app.activeZone >= 0 && s.lockedZones[app.activeZone];
      for (const u of units) {
        if (touched.has(u)) continue;
        touched.add(u);
        if (colour && !zoneLocked && !isUnitLocked(s, u)) surface.preview(u, { colour });
      }
    },
    commit() {
      const released = performance.now();
      store.getState().applySelection([...touched]);
      end(released);
    },
    cancel: () => end(performance.now()),
  };
}

/** Locks the units touched, or unlocks them when the first unit touched was locked. */
export function lockStroke(store: PaintStore, surface: PaintSurface): Stroke {
  const touched = new Set<UnitIndex>();
  let locking: boolean | null = null;
  const end = (released: number) => surface.strokeEnded([...touched], released);
  return {
    add(units) {
      const s = store.getState().history.present;
      for (const u of units) {
        if (touched.has(u)) continue;
        locking ??= s.lockedUnits[u] !== 1;
        touched.add(u);
        surface.preview(u, { locked: locking });
      }
    },
    commit() {
      const released = performance.now();
      const lock = locking;
      if (lock !== null) store.getState().edit((s) => setUnitLocks(s, [...touched], lock));
      end(released);
    },
    cancel: () => end(performance.now()),
  };
}
