// The imported plan is a read-only baseline: its first edit makes a working
// copy, disruption stays measured against the untouched plan, the user can
// choose to edit the baseline itself, and each scenario keeps its own undo
// history while the session lasts.
import { beforeEach, describe, expect, it } from 'vitest';
import { asUnit, asZone, type UnitIndex } from '../../../solver/model';
import { loadExampleCounty } from '../../support/exampleCounty';
import { useApp } from '../../../src/state/store';
import { scoreStore } from '../../../src/state/useScores';

const project = loadExampleCounty('lincolnshire');
const app = () => useApp.getState();
const names = () => app().scenarios.map((s) => s.name);
const baseline = () => app().scenarios.find((s) => s.id === app().baselineId)!;
const disruption = () => scoreStore.getState().update?.score.disruption;

/** A unit of zone `from` next to zone `to`: a realistic brush stroke. */
function edgeUnit(from: number, to: number): UnitIndex {
  const { offsets, neighbours } = project.model.units.adjacency;
  const zoneOf = app().history.present.zoneOf;
  for (let u = asUnit(0); u < zoneOf.length; u++) {
    if (zoneOf[u] !== from) continue;
    for (let k = offsets[u]; k < offsets[u + 1]; k++) if (zoneOf[neighbours[k]] === to) return u;
  }
  throw new Error(`no unit of zone ${from} borders zone ${to}`);
}

beforeEach(() => app().openProject(project));

describe('the baseline', () => {
  it('stays as imported: the first edit goes into a working copy, and so do the next ones', () => {
    const original = Int32Array.from(app().history.present.zoneOf);
    const u = edgeUnit(9, 8);
    app().paintUnits([u], asZone(8));
    expect(names()).toEqual(['Current zones', 'Current zones (edited)']);
    expect(Array.from(baseline().zoneOf)).toEqual(Array.from(original));
    expect(app().history.present.name).toBe('Current zones (edited)');
    expect(app().history.present.zoneOf[u]).toBe(8);
    expect(app().baselineCopy).toEqual({ baseline: 'Current zones', copy: 'Current zones (edited)' });

    app().paintUnits([edgeUnit(9, 8)], asZone(8));
    expect(names()).toHaveLength(2);
    expect(Array.from(baseline().zoneOf)).toEqual(Array.from(original));
  });

  it('measures disruption against the untouched plan, however much the copy is edited', () => {
    expect(disruption()?.units).toBe(0);
    app().paintUnits([edgeUnit(9, 8)], asZone(8));
    app().paintUnits([edgeUnit(9, 8)], asZone(8));
    expect(disruption()?.units).toBe(2);
    app().undo();
    expect(disruption()?.units).toBe(1);
    app().undo();
    expect(disruption()?.units).toBe(0);
    expect(names()).toEqual(['Current zones', 'Current zones (edited)']);
  });

  it('treats every kind of edit the same way (a zone renamed, a zone locked)', () => {
    app().edit((s) => ({ ...s, zones: s.zones.map((z, i) => (i === 0 ? { ...z, name: 'Renamed' } : z)) }));
    expect(baseline().zones[0].name).not.toBe('Renamed');
    expect(app().history.present.zones[0].name).toBe('Renamed');
    app().switchScenario(app().baselineId!);
    app().edit((s) => ({ ...s, lockedZones: s.lockedZones.map((_, i) => i === 3) }));
    expect(names()).toEqual(['Current zones', 'Current zones (edited 2)', 'Current zones (edited)']);
    expect(baseline().lockedZones.some(Boolean)).toBe(false);
  });

  it('is edited in place when the user chooses to, with disruption still against the plan as opened', () => {
    app().setBaselineEditable(true);
    const u = edgeUnit(9, 8);
    app().paintUnits([u], asZone(8));
    expect(names()).toEqual(['Current zones']);
    expect(baseline().zoneOf[u]).toBe(8);
    expect(disruption()?.units).toBe(1);
    // Choosing another baseline makes the new one read-only again.
    app().saveScenarioAs('Draft');
    app().setBaseline(app().history.present.id);
    expect(app().baselineEditable).toBe(false);
    app().paintUnits([edgeUnit(9, 8)], asZone(8));
    expect(names()).toEqual(['Current zones', 'Draft', 'Draft (edited)']);
  });
});

describe('undo across scenarios', () => {
  it('keeps each scenario’s history when switching away and back', () => {
    const u = edgeUnit(9, 8);
    app().paintUnits([u], asZone(8));
    const copy = app().history.present.id;
    app().saveScenarioAs('Draft');
    const v = edgeUnit(10, 9);
    app().paintUnits([v], asZone(9));
    const draft = app().history.present.id;

    app().switchScenario(copy);
    expect(app().history.past).toHaveLength(1);
    app().undo();
    expect(app().history.present.zoneOf[u]).not.toBe(8);

    app().switchScenario(draft);
    expect(app().history.present.zoneOf[v]).toBe(9);
    app().undo();
    expect(app().history.present.zoneOf[v]).not.toBe(9);
    app().redo();
    expect(app().history.present.zoneOf[v]).toBe(9);

    app().switchScenario(copy);
    app().redo();
    expect(app().history.present.zoneOf[u]).toBe(8);
    expect(app().scenarios.find((s) => s.id === copy)!.zoneOf[u]).toBe(8);
  });

  it('keeps a renamed scenario’s history and its new name', () => {
    app().paintUnits([edgeUnit(9, 8)], asZone(8));
    const copy = app().history.present.id;
    app().switchScenario(app().baselineId!);
    app().renameScenario(copy, 'Option 1');
    app().switchScenario(copy);
    expect(app().history.present.name).toBe('Option 1');
    expect(app().history.past).toHaveLength(1);
  });

  it('forgets every history when another project is opened', () => {
    app().paintUnits([edgeUnit(9, 8)], asZone(8));
    app().openProject(project);
    expect(app().histories).toEqual({});
    expect(app().history.past).toHaveLength(0);
    expect(app().baselineCopy).toBeNull();
  });
});
