// The live-score bookkeeping: incremental after plan edits, rebuilt after anything
// else, flags kept per scenario for hysteresis, baseline matched by zone id.
import { describe, expect, it } from 'vitest';
import { asUnit, asZone, demandWithUser, UNASSIGNED, type UnitIndex } from '../../../solver/model';
import { DEFAULT_SCORE_SETTINGS, scorePlan, type ScoreSettings } from '../../../solver/score';
import { loadExampleCounty } from '../../support/exampleCounty';
import * as S from '../../../src/model/scenario';
import { baselinePlan, ScoreSync } from '../../../src/state/scoreSync';

const project = loadExampleCounty('lincolnshire');
const start = S.scenarioFromModel(project.model, project.plan, 'a', 'Current zones');
const settings = DEFAULT_SCORE_SETTINGS;

/** Units of zone `from` that border zone `to`: a realistic paint stroke. */
function edgeUnits(s: S.Scenario, from: number, to: number): UnitIndex[] {
  const { offsets, neighbours } = project.model.units.adjacency;
  const out: UnitIndex[] = [];
  for (let u = asUnit(0); u < s.zoneOf.length; u++) {
    if (s.zoneOf[u] !== from) continue;
    for (let k = offsets[u]; k < offsets[u + 1]; k++) if (s.zoneOf[neighbours[k]] === to) out.push(u);
  }
  return [...new Set(out)];
}

describe('ScoreSync', () => {
  it('applies a paint stroke incrementally and agrees with a fresh score', () => {
    const sync = new ScoreSync();
    const first = sync.update({ project, scenario: start, settings, baseline: start });
    const stroke = edgeUnits(start, 9, 8);
    expect(stroke.length).toBeGreaterThan(0);
    const painted = S.paint(start, stroke, asZone(8));
    const next = sync.update({ project, scenario: painted, settings, baseline: start });

    expect(next.state).toBe(first.state);
    expect(next.movedUnits).toEqual(stroke);
    const fresh = scorePlan(S.modelFor(project.model, painted), { zoneOf: painted.zoneOf }, settings, {
      baseline: { zoneOf: start.zoneOf },
    });
    expect(next.score.annualCost).toBeCloseTo(fresh.annualCost, 4);
    expect(next.score.disruption).toEqual({ ...fresh.disruption, hours: expect.closeTo(fresh.disruption!.hours, 6) });
    next.score.zones.forEach((zs, z) => {
      expect(zs.hours).toBeCloseTo(fresh.zones[z].hours, 6);
      expect(zs.pieces).toBe(fresh.zones[z].pieces);
      expect(zs.warnings.map((w) => w.code)).toEqual(fresh.zones[z].warnings.map((w) => w.code));
    });
  });

  it('keeps the objects of zones a move did not touch, and the whole score when nothing scored changed', () => {
    const sync = new ScoreSync();
    const first = sync.update({ project, scenario: start, settings, baseline: null });
    const painted = S.paint(start, edgeUnits(start, 9, 8).slice(0, 1), asZone(8));
    const next = sync.update({ project, scenario: painted, settings, baseline: null });
    next.score.zones.forEach((zs, z) => {
      if (z === 8 || z === 9) expect(zs).not.toBe(first.score.zones[z]);
      else expect(zs).toBe(first.score.zones[z]);
    });
    const locked = S.setUnitLocks(painted, [asUnit(0)], true);
    expect(sync.update({ project, scenario: locked, settings, baseline: null })).toBe(next);
  });

  it('recomputes every zone when hours move to or from no zone (the mean zone changes)', () => {
    const sync = new ScoreSync();
    const first = sync.update({ project, scenario: start, settings, baseline: null });
    const u = asUnit(project.model.demand.hours.findIndex((h) => h > 0));
    const next = sync.update({ project, scenario: S.paint(start, [u], UNASSIGNED), settings, baseline: null });
    next.score.zones.forEach((zs, z) => expect(zs).not.toBe(first.score.zones[z]));
    expect(next.score.unassigned.units).toBe(1);
  });

  it('rebuilds when the settings, zones or baseline change', () => {
    const sync = new ScoreSync();
    const first = sync.update({ project, scenario: start, settings, baseline: null });
    const dearer: ScoreSettings = { ...settings, rates: { ...settings.rates, rural: settings.rates.rural + 1 } };
    const repriced = sync.update({ project, scenario: start, settings: dearer, baseline: null });
    expect(repriced.state).not.toBe(first.state);
    expect(repriced.movedUnits).toBeNull();
    expect(repriced.score.annualCost).toBeGreaterThan(first.score.annualCost);

    const renamed = S.updateZone(start, asZone(0), { name: 'Renamed' });
    expect(sync.update({ project, scenario: renamed, settings: dearer, baseline: null }).state).not.toBe(repriced.state);
    const withBaseline = sync.update({ project, scenario: renamed, settings: dearer, baseline: start });
    expect(withBaseline.score.disruption).toEqual({ units: 0, users: 0, hours: 0 });
  });

  it('passes each scenario its own previous flags, so a flag is held by hysteresis', () => {
    const sync = new ScoreSync();
    const first = sync.update({ project, scenario: start, settings, baseline: null });
    const flag = first.score.extraRural.flags.find((f) => !f.newArea)!;
    // Switch-on just above this unit's score, switch-off below it: on before, so it stays on.
    const er = { ...settings.extraRural, switchOn: flag.score + 0.01, switchOff: flag.score - 0.01 };
    const stricter: ScoreSettings = { ...settings, extraRural: er };
    const held = sync.update({ project, scenario: start, settings: stricter, baseline: null });
    const heldFlag = held.score.extraRural.flags.find((f) => f.unit === flag.unit);
    expect(heldFlag?.heldByHysteresis).toBe(true);
    expect(heldFlag?.reasons.at(-1)).toMatch(/^kept on/);

    // Another scenario has no history of its own, so the same unit is off there.
    const other = { ...start, id: 'b' };
    const fresh = sync.update({ project, scenario: other, settings: stricter, baseline: null });
    expect(fresh.score.extraRural.flagged[flag.unit]).toBe(0);
  });

  it('keeps the flags for hysteresis when a package is added to the same units, and forgets them for another county', () => {
    const sync = new ScoreSync();
    const first = sync.update({ project, scenario: start, settings, baseline: null });
    const flag = first.score.extraRural.flags.find((f) => !f.newArea)!;
    const er = { ...settings.extraRural, switchOn: flag.score + 0.01, switchOff: flag.score - 0.01 };
    const stricter: ScoreSettings = { ...settings, extraRural: er };
    sync.update({ project, scenario: start, settings: stricter, baseline: null });
    // A small package far from the flagged unit: a new project object, the same units.
    const { offsets, neighbours } = project.model.units.adjacency;
    const near = new Set([flag.unit, ...neighbours.subarray(offsets[flag.unit], offsets[flag.unit + 1])]);
    const elsewhere = asUnit(project.model.demand.hours.findIndex((h, u) => h > 0 && start.zoneOf[u] >= 0 && !near.has(u)));
    expect(elsewhere).toBeGreaterThanOrEqual(0);
    const demand = demandWithUser(project.model.demand, elsewhere, { hours: 1, carers: 1, waiting: false });
    const withPackage = { ...project, model: { ...project.model, demand } };
    const after = sync.update({ project: withPackage, scenario: start, settings: stricter, baseline: null });
    expect(after.state).not.toBe(first.state);
    expect(after.score.assigned.hours).toBeCloseTo(first.score.assigned.hours + 1, 9);
    expect(after.score.extraRural.flags.find((f) => f.unit === flag.unit)?.heldByHysteresis).toBe(true);
    // Another county's units: no flag history, so the stricter switch-on leaves the unit off.
    const other = loadExampleCounty('lincolnshire');
    const fresh = sync.update({ project: other, scenario: start, settings: stricter, baseline: null });
    expect(fresh.score.extraRural.flagged[flag.unit]).toBe(0);
  });
});

describe('baselinePlan', () => {
  it('matches zones by id, so deleting a zone does not shift the others', () => {
    const working = S.deleteZone(start, asZone(0));
    const plan = baselinePlan(start, working);
    for (let u = 0; u < start.zoneOf.length; u++) {
      const z = start.zoneOf[u];
      expect(plan.zoneOf[u]).toBe(z === 0 ? UNASSIGNED : z - 1);
    }
  });
});
