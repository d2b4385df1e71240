// The paint tools, one handler each, driven as the map drives them but on a surface
// that places each unit at its centre (1 px = 0.001 degree) and records what is drawn.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allUnits, asUnit, asZone, UNASSIGNED, type UnitIndex } from '../../../solver/model';
import { paintHandlers } from '../../../src/map/paint/handlers';
import type { PaintHandler, PaintSurface, Pt } from '../../../src/map/paint/handler';
import { UNASSIGNED_COLOUR } from '../../../src/model/palette';
import { middleUnit, unitsOfTown } from '../../../src/model/unitNeighbours';
import { useApp } from '../../../src/state/store';
import { loadExampleCounty } from '../../support/exampleCounty';

const project = loadExampleCounty('lincolnshire');
const { lon, lat, count, town } = project.model.units;
const at = (u: number): Pt => ({ x: lon[u] * 1000, y: -lat[u] * 1000 });

function inPolygon(p: Pt, poly: Pt[]) {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [a, b] = [poly[i], poly[j]];
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

function recordingSurface() {
  const previews = new Map<UnitIndex, { colour: string } | { locked: boolean }>();
  const outlines: unknown[] = [];
  const ended: UnitIndex[][] = [];
  const cursors: Array<UnitIndex | null> = [];
  const surface: PaintSurface = {
    unitsInBox(a, b) {
      const [x0, x1, y0, y1] = [Math.min(a.x, b.x), Math.max(a.x, b.x), Math.min(a.y, b.y), Math.max(a.y, b.y)];
      const out: UnitIndex[] = [];
      for (const u of allUnits(count)) {
        const p = at(u);
        if (p.x >= x0 - 0.5 && p.x <= x1 + 0.5 && p.y >= y0 - 0.5 && p.y <= y1 + 0.5) out.push(u);
      }
      return out;
    },
    unitsInPolygon: (poly) => allUnits(count).filter((u) => inPolygon(at(u), poly)),
    preview: (u, look) => previews.set(u, look),
    outline: (shape) => outlines.push(shape),
    strokeEnded: (units) => ended.push(units),
    showCursor: (unit) => cursors.push(unit),
  };
  return { surface, previews, outlines, ended, cursors };
}

let rec: ReturnType<typeof recordingSurface>;
let handlers: Record<string, PaintHandler>;
const app = () => useApp.getState();
const zoneOf = (u: number) => app().history.present.zoneOf[u];
const undoSteps = () => app().history.past.length;

/** Two units of zone `from` (the first with the most hours) and a zone to paint them into. */
function pick() {
  const s = app().history.present;
  const a = allUnits(count).find((u) => s.zoneOf[u] === 9 && town[u] < 0)!;
  const b = allUnits(count).find((u) => s.zoneOf[u] === 9 && town[u] < 0 && u !== a)!;
  return { a, b, into: asZone(8) };
}

afterEach(() => Object.values(handlers).forEach((h) => h.disable()));

beforeEach(() => {
  app().openProject(project);
  app().setBrushPx(0.4);
  rec = recordingSurface();
  handlers = Object.fromEntries(paintHandlers(useApp, rec.surface, project).map((h) => [h.tool, h]));
});

describe('the brush handler', () => {
  it('previews each unit it passes and commits the stroke once, as one undo step', () => {
    const { a, b, into } = pick();
    app().setActiveZone(into);
    const brush = handlers.brush;
    brush.enable();
    expect(brush.mousedown(at(a))).toBe(true);
    expect(brush.isActive()).toBe(true);
    brush.mousemove(at(b));
    expect([...rec.previews.keys()].sort()).toEqual([a, b].sort());
    expect(rec.previews.get(a)).toEqual({ colour: app().history.present.zones[into].colour });
    expect(zoneOf(a)).toBe(9);
    brush.mouseup();
    expect(brush.isActive()).toBe(false);
    expect([zoneOf(a), zoneOf(b)]).toEqual([into, into]);
    expect(undoSteps()).toBe(1);
    expect(rec.ended).toEqual([[a, b]]);
  });

  it('does nothing while disabled', () => {
    const { a } = pick();
    expect(handlers.brush.mousedown(at(a))).toBe(false);
    handlers.brush.mouseup();
    expect(zoneOf(a)).toBe(9);
    expect(undoSteps()).toBe(0);
  });

  it('passes locked units by, and paints nothing into a locked zone', () => {
    const { a, b, into } = pick();
    app().setActiveZone(into);
    app().edit((s) => ({ ...s, lockedUnits: s.lockedUnits.map((l, u) => (u === a ? 1 : l)) }));
    const brush = handlers.brush;
    brush.enable();
    brush.mousedown(at(a));
    brush.mousemove(at(b));
    expect(rec.previews.has(a)).toBe(false);
    brush.mouseup();
    expect([zoneOf(a), zoneOf(b)]).toEqual([9, into]);
    expect(app().notice).toMatch(/^1 locked unit kept its zone/);
    app().edit((s) => ({ ...s, lockedZones: s.lockedZones.map((l, z) => l || z === into) }));
    const c = [...app().history.present.zoneOf.keys()].find((u) => zoneOf(u) === 9 && u !== a)!;
    brush.mousedown(at(c));
    brush.mouseup();
    expect(zoneOf(c)).toBe(9);
    expect(app().notice).toBe(`Zone ${app().history.present.zones[into].id} ${app().history.present.zones[into].name} is locked, so nothing was painted into it. Unlock it in the Zones tab to change it.`);
    // A stroke that changes what it touched says nothing.
    app().setActiveZone(asZone(7));
    brush.mousedown(at(c));
    brush.mouseup();
    expect(zoneOf(c)).toBe(7);
    expect(app().notice).toBeNull();
  });

  it('paints units out of every zone when the zone chosen is Unassigned', () => {
    const { a } = pick();
    app().setActiveZone(UNASSIGNED);
    const brush = handlers.brush;
    brush.enable();
    brush.mousedown(at(a));
    expect(rec.previews.get(a)).toEqual({ colour: UNASSIGNED_COLOUR });
    brush.mouseup();
    expect(zoneOf(a)).toBe(-1);
  });

  it('abandons a stroke on reset or Escape: nothing committed, previews redrawn', () => {
    const { a, into } = pick();
    app().setActiveZone(into);
    const brush = handlers.brush;
    brush.enable();
    brush.mousedown(at(a));
    expect(brush.keydown!('Escape')).toBe(true);
    expect(brush.isActive()).toBe(false);
    brush.mouseup();
    expect(zoneOf(a)).toBe(9);
    expect(undoSteps()).toBe(0);
    expect(rec.ended).toEqual([[a]]);
    expect(brush.keydown!('Escape')).toBe(false);
    brush.mousedown(at(a));
    brush.disable();
    expect(brush.isEnabled()).toBe(false);
    expect(zoneOf(a)).toBe(9);
  });
});

describe('the box and lasso handlers', () => {
  it('box: paints the units drawn in the rectangle on release, with a rubber band meanwhile', () => {
    const { a, into } = pick();
    app().setActiveZone(into);
    const box = handlers.box;
    box.enable();
    const p = at(a);
    const corner = { x: p.x + 30, y: p.y + 30 };
    box.mousedown({ x: p.x - 30, y: p.y - 30 });
    box.mousemove(corner);
    expect(rec.outlines.at(-1)).toEqual({ box: [{ x: p.x - 30, y: p.y - 30 }, corner] });
    expect(rec.previews.size).toBe(0);
    box.mouseup();
    const inside = rec.surface.unitsInBox({ x: p.x - 30, y: p.y - 30 }, corner);
    expect(inside.length).toBeGreaterThan(1);
    for (const u of inside) expect(zoneOf(u)).toBe(into);
    expect(undoSteps()).toBe(1);
    expect(rec.outlines.at(-1)).toBeNull();
  });

  /** Draws the lasso round a 50 px square centred on unit u; returns the square. */
  const lassoRound = (u: number) => {
    const lasso = handlers.lasso;
    lasso.enable();
    const p = at(u);
    const ring = [[-25, -25], [25, -25], [25, 25], [-25, 25]].map(([dx, dy]) => ({ x: p.x + dx, y: p.y + dy }));
    lasso.mousedown(ring[0]);
    for (const q of ring.slice(1)) lasso.mousemove(q);
    lasso.mouseup();
    return ring;
  };

  it('lasso: paints the units whose centre is inside the drawn shape', () => {
    const { a, into } = pick();
    app().setActiveZone(into);
    const ring = lassoRound(a);
    const inside = rec.surface.unitsInPolygon(ring);
    expect(inside).toContain(a);
    for (const u of allUnits(count)) expect(zoneOf(u) === into).toBe(inside.includes(u) || project.plan.zoneOf[u] === into);
  });

  it('lasso while splitting: the part drawn round becomes a new zone', () => {
    const { a } = pick();
    app().setSplitting(asZone(9));
    expect(app().tool).toBe('lasso');
    lassoRound(a);
    const zones = app().history.present.zones.length;
    expect(zones).toBe(project.model.zones.length + 1);
    expect(zoneOf(a)).toBe(zones - 1);
    expect(app().splitting).toBeNull();
  });
});

describe('the town and lock handlers', () => {
  it('town: a click moves every unit of the town', () => {
    const t = asUnit(town.findIndex((x) => x >= 0));
    const members = allUnits(count).filter((u) => town[u] === town[t]);
    expect(members.length).toBeGreaterThan(1);
    const into = asZone((zoneOf(t) + 1) % project.model.zones.length);
    app().setActiveZone(into);
    handlers.town.enable();
    handlers.town.mousedown(at(t));
    handlers.town.mouseup();
    for (const u of members) expect(zoneOf(u)).toBe(into);
    expect(undoSteps()).toBe(1);
  });

  it('lock: a stroke starting on an open unit locks, one starting on a locked unit unlocks', () => {
    const { a, b } = pick();
    const lock = handlers.lock;
    lock.enable();
    lock.mousedown(at(a));
    lock.mousemove(at(b));
    expect(rec.previews.get(a)).toEqual({ locked: true });
    lock.mouseup();
    expect([app().history.present.lockedUnits[a], app().history.present.lockedUnits[b]]).toEqual([1, 1]);
    lock.mousedown(at(b));
    lock.mouseup();
    expect(app().history.present.lockedUnits[b]).toBe(0);
    expect(app().history.present.lockedUnits[a]).toBe(1);
    expect(undoSteps()).toBe(2);
  });
});

describe('the keyboard handler', () => {
  const press = (key: string, shift = false) => handlers.cursor.keydown!(key, shift);

  it('starts the cursor in the middle of the county and steps to a bordering unit with each arrow key', () => {
    const kb = handlers.cursor;
    kb.enable();
    expect(rec.cursors).toEqual([null]);
    expect(press('ArrowRight')).toBe(true);
    const start = app().cursorUnit!;
    expect(start).toBe(middleUnit(project.model.units));
    expect(press('ArrowRight')).toBe(true);
    const next = app().cursorUnit!;
    const { offsets, neighbours } = project.model.units.adjacency;
    expect([...neighbours.subarray(offsets[start], offsets[start + 1])]).toContain(next);
    expect(lon[next]).toBeGreaterThan(lon[start]);
    expect(rec.cursors).toEqual([null, start, next]);
    // The opposite key goes back the way it came.
    press('ArrowLeft');
    expect(app().cursorUnit).toBe(start);
    // Moving the cursor is not an edit.
    expect(undoSteps()).toBe(0);
  });

  it('paints the cursor unit with Enter and its whole town with Shift+Enter, one undo step each', () => {
    const t = allUnits(count).find((u) => town[u] >= 0 && unitsOfTown(project.model.units, u).length > 2)!;
    const members = unitsOfTown(project.model.units, t);
    const into = asZone((zoneOf(t) + 1) % project.model.zones.length);
    app().setActiveZone(into);
    handlers.cursor.enable();
    app().setCursor(t);
    expect(press('Enter')).toBe(true);
    expect(zoneOf(t)).toBe(into);
    for (const u of members) if (u !== t) expect(zoneOf(u)).toBe(project.plan.zoneOf[u]);
    expect(undoSteps()).toBe(1);
    app().setActiveZone(asZone((into + 1) % project.model.zones.length));
    expect(press('Enter', true)).toBe(true);
    for (const u of members) expect(zoneOf(u)).toBe((into + 1) % project.model.zones.length);
    expect(undoSteps()).toBe(2);
  });

  it('locks and unlocks with Space, says why a locked unit stayed, and Escape takes the cursor away', () => {
    const { a, into } = pick();
    app().setActiveZone(into);
    handlers.cursor.enable();
    app().setCursor(a);
    expect(press(' ')).toBe(true);
    expect(app().history.present.lockedUnits[a]).toBe(1);
    press('Enter');
    expect(zoneOf(a)).toBe(9);
    expect(app().notice).toMatch(/^1 locked unit kept its zone/);
    press(' ');
    expect(app().history.present.lockedUnits[a]).toBe(0);
    expect(press('Escape')).toBe(true);
    expect(app().cursorUnit).toBeNull();
    // With no cursor, only the arrow keys are the handler's.
    expect(press('Enter')).toBe(false);
    expect(press('Escape')).toBe(false);
    expect(press('a')).toBe(false);
  });

  it('puts the cursor where the map is clicked, without taking the click from panning', () => {
    const { a } = pick();
    handlers.cursor.enable();
    expect(handlers.cursor.mousedown(at(a))).toBe(false);
    expect(app().cursorUnit).toBe(a);
  });

  it('follows a cursor set elsewhere (the search list) while enabled, and takes it off the map when disabled', () => {
    const { a, b } = pick();
    const kb = handlers.cursor;
    expect(kb.keydown!('ArrowUp')).toBe(false);
    kb.enable();
    app().setCursor(a);
    app().setCursor(b);
    kb.disable();
    app().setCursor(a);
    expect(rec.cursors).toEqual([null, a, b, null]);
    expect(kb.isEnabled()).toBe(false);
  });
});
