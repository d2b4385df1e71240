import { describe, expect, it } from 'vitest';
import { asUnit, asZone } from '../../../solver/model';
import * as S from '../../../src/model/scenario';
import { zoneLabel, zoneTitle } from '../../../solver/zoneLabel';
import { commit, redo, startHistory, undo } from '../../../src/state/history';
import { syntheticCounty } from '../../../solver/testing/syntheticCounty';

const { model, plan } = syntheticCounty({ units: 60, zones: 4, seed: 2 });
const s0 = S.scenarioFromModel(model, plan, 'x', 'X');
const unitOf = (s: S.Scenario, z: number) => [...s.zoneOf.keys()].filter((u) => s.zoneOf[u] === z).map(asUnit);

describe('scenario edits', () => {
  it('paints units into a zone without touching the original', () => {
    const units = unitOf(s0, 0).slice(0, 3);
    const s1 = S.paint(s0, units, asZone(1));
    units.forEach((u) => expect(s1.zoneOf[u]).toBe(1));
    units.forEach((u) => expect(s0.zoneOf[u]).toBe(0));
  });

  it('returns the same scenario when a paint changes nothing', () => {
    expect(S.paint(s0, unitOf(s0, 0), asZone(0))).toBe(s0);
  });

  it('never changes locked units or locked zones', () => {
    const [a, b] = unitOf(s0, 0);
    const locked = S.setZoneLock(S.setUnitLocks(s0, [a], true), asZone(2), true);
    const s1 = S.paint(locked, [a, b, ...unitOf(s0, 2)], asZone(1));
    expect(s1.zoneOf[a]).toBe(0);
    expect(s1.zoneOf[b]).toBe(1);
    unitOf(s0, 2).forEach((u) => expect(s1.zoneOf[u]).toBe(2));
    expect(S.paint(locked, [b], asZone(2))).toBe(locked); // a locked zone gains nothing
  });

  it('says why a paint left units where they were', () => {
    const [a, b, c] = unitOf(s0, 0);
    const locked = S.setZoneLock(S.setUnitLocks(s0, [a, c], true), asZone(2), true);
    const z2 = locked.zones[2];
    expect(S.paintRefusal(locked, [b], asZone(2))).toBe(`${zoneTitle(z2)} is locked, so nothing was painted into it. Unlock it in the Zones tab to change it.`);
    expect(S.paintRefusal(locked, [a, b, c, ...unitOf(s0, 2)], asZone(1))).toBe(
      `2 locked units kept their zone (unlock with the Lock tool, K); units of locked zone ${zoneLabel(z2)} stayed there.`,
    );
    expect(S.paintRefusal(locked, [a], asZone(1))).toMatch(/^1 locked unit kept its zone/);
    expect(S.paintRefusal(locked, [b], asZone(1))).toBeNull();
    // A unit already in the zone is not refused.
    expect(S.paintRefusal(locked, [a], asZone(0))).toBeNull();
  });

  it('merges, deletes and splits zones, keeping indices consistent', () => {
    const merged = S.mergeZones(s0, asZone(0), asZone(3));
    expect(merged.zones).toHaveLength(3);
    unitOf(s0, 3).forEach((u) => expect(merged.zoneOf[u]).toBe(0));
    const deleted = S.deleteZone(s0, asZone(1));
    unitOf(s0, 1).forEach((u) => expect(deleted.zoneOf[u]).toBe(-1));
    unitOf(s0, 2).forEach((u) => expect(deleted.zoneOf[u]).toBe(1));
    expect(deleted.bases.find((b) => b.id === s0.bases[1].id)!.zone).toBe(-1);
    const part = unitOf(s0, 2).slice(0, 2);
    const split = S.splitZone(s0, asZone(2), part);
    expect(split.zones).toHaveLength(5);
    part.forEach((u) => expect(split.zoneOf[u]).toBe(4));
  });
});

describe('history', () => {
  it('undoes and redoes edits, and a new edit clears redo', () => {
    const elsewhere = (u: number) => asZone((s0.zoneOf[u] + 1) % 4);
    let h = startHistory(s0);
    const s1 = S.paint(s0, [asUnit(0)], elsewhere(0));
    const s2 = S.paint(s1, [asUnit(1)], elsewhere(1));
    h = commit(commit(h, s1), s2);
    h = undo(h);
    expect(h.present).toBe(s1);
    h = redo(h);
    expect(h.present).toBe(s2);
    h = commit(undo(undo(h)), S.paint(s0, [asUnit(2)], elsewhere(2)));
    expect(h.future).toEqual([]);
    expect(h.past).toEqual([s0]);
    expect(commit(h, h.present)).toBe(h);
  });
});
