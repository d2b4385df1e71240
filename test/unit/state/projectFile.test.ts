import { describe, expect, it } from 'vitest';
import { loadExampleCounty } from '../../support/exampleCounty';
import { migrate, ProjectFileError, readProjectFile, writeProjectFile, type Workspace } from '../../../src/state/projectFile';
import * as S from '../../../src/model/scenario';
import { DEFAULT_SCORE_SETTINGS } from '../../../solver/score';
import { defaultVisitsPerWeek } from '../../../solver/visitPattern';
import { asUnit, asZone } from '../../../solver/model';

const project = loadExampleCounty('lincolnshire');
const base = S.scenarioFromModel(project.model, project.plan, 'a', 'Current zones');
const edited = S.setZoneLock(S.setUnitLocks(S.paint(base, [0, 1, 2].map(asUnit), asZone(3)), [asUnit(7)], true), asZone(2), true);
const workspace: Workspace = {
  project,
  scenarios: [base, { ...edited, id: 'b', name: 'Draft <b>&"' }],
  currentId: 'b',
  baselineId: 'a',
  settings: { ...DEFAULT_SCORE_SETTINGS, weeksPerYear: 52 },
};
const text = writeProjectFile(workspace);

describe('project file', () => {
  it('round-trips units, demand, scenarios, locks and settings', () => {
    const w = readProjectFile(text);
    expect(w.project.model.units.count).toBe(420);
    expect(Array.from(w.project.model.demand.hours)).toEqual(Array.from(project.model.demand.hours));
    expect(Array.from(w.project.model.units.adjacency.neighbours)).toEqual(Array.from(project.model.units.adjacency.neighbours));
    expect(w.scenarios.map((s) => s.name)).toEqual(['Current zones', 'Draft <b>&"']);
    const b = w.scenarios[1];
    expect(Array.from(b.zoneOf)).toEqual(Array.from(edited.zoneOf));
    expect(b.lockedUnits[7]).toBe(1);
    expect(b.lockedZones[2]).toBe(true);
    expect(w.currentId).toBe('b');
    expect(w.baselineId).toBe('a');
    expect(w.settings.weeksPerYear).toBe(52);
    expect(w.project.unitSectors[0]).toEqual(project.unitSectors[0]);
  });

  const broken = (change: (doc: any) => void) => {
    const doc = JSON.parse(text);
    change(doc);
    return () => readProjectFile(JSON.stringify(doc));
  };

  it.each([
    ['not JSON', () => readProjectFile('{"format": '), /^file: not valid JSON/],
    ['another kind of file', broken((d) => (d.format = 'geojson')), /^format: not a carezones project file/],
    ['a newer version', broken((d) => (d.version = 99)), /^version: this file was saved by a newer carezones/],
    ['a short plan', broken((d) => d.scenarios[0].zoneOf.pop()), /^scenarios\[0\]\.zoneOf: has 419 entries; the project has 420 units/],
    ['a zone out of range', broken((d) => (d.scenarios[1].zoneOf[5] = 12)), /^scenarios\[1\]\.zoneOf\[5\]: 12 is not one of the 12 zones \(-1 to 11\)/],
    ['negative hours', broken((d) => (d.demand.hours[3] = -2)), /^demand\.hours\[3\]: must be a number from 0 to 10,000,000 h\/week, found -2/],
    ['a bad geometry', broken((d) => (d.units[9].geometry.type = 'Point')), /^units\[9\]\.geometry\.type: must be "Polygon" or "MultiPolygon", found "Point"/],
    ['a missing current scenario', broken((d) => (d.currentScenarioId = 'zz')), /^currentScenarioId: no scenario has the id "zz"/],
    ['an unknown rate scheme', broken((d) => (d.settings.rates.scheme = 'postcode')), /^settings\.rates\.scheme: must be one of class, bands, flat, found "postcode"/],
    ['a band without a rate', broken((d) => (d.settings.rates.bands = [{ fromMiles: 0 }])), /^settings\.rates\.bands\[0\]\.rate: is missing/],
    ['bands that do not rise', broken((d) => (d.settings.rates.bands = [{ fromMiles: 0, rate: 17 }, { fromMiles: 0, rate: 19 }])), /^settings\.rates\.bands: must start at 0 miles and rise band by band, found 0, 0 miles/],
    ['a centre with a hostile name', broken((d) => (d.settings.rates.centres = [{ name: 7, lon: 1, lat: 52 }])), /^settings\.rates\.centres\[0\]\.name: must be text, found 7/],
    ['a hostile colour', broken((d) => (d.scenarios[0].zones[0].colour = 'red;background:url(x)')), /^scenarios\[0\]\.zones\[0\]\.colour: must be a colour like #4e79a7/],
  ])('names what is wrong with %s', (_what, open, message) => {
    expect(open).toThrow(ProjectFileError);
    expect(open).toThrow(message);
  });

  it('migrates older versions step by step', () => {
    const v0 = { format: 'carezones-project', version: 0, plans: [1, 2] };
    const migrations = { 0: (d: Record<string, unknown>) => ({ ...d, zoneOf: d.plans, plans: undefined }) };
    expect(migrate(v0, migrations, 1)).toEqual({ format: 'carezones-project', version: 1, zoneOf: [1, 2], plans: undefined });
    expect(() => migrate(v0, {}, 1)).toThrow(/no migration from format version 0/);
  });

  it('round-trips a distance-band scheme with imported centres', () => {
    const rates = { ...DEFAULT_SCORE_SETTINGS.rates, scheme: 'bands' as const, bands: [{ fromMiles: 0, rate: 18 }, { fromMiles: 4.5, rate: 20 }], centreSource: 'points' as const, centres: [{ name: 'Surgery', lon: 1.29, lat: 52.63 }] };
    const w = readProjectFile(writeProjectFile({ ...workspace, settings: { ...workspace.settings, rates } }));
    expect(w.settings.rates).toEqual(rates);
  });

  it('opens a file saved before rate schemes on the class scheme', () => {
    const w = broken((d) => {
      for (const k of ['scheme', 'flat', 'bands', 'centreSource', 'centres']) delete d.settings.rates[k];
    })();
    expect(w.settings.rates).toEqual(DEFAULT_SCORE_SETTINGS.rates);
  });

  it('opens a format-1 file, giving each unit the default visit pattern of its mean package', () => {
    const doc = JSON.parse(text);
    doc.version = 1;
    delete doc.demand.visits;
    delete doc.demand.bandVisits;
    const w = readProjectFile(JSON.stringify(doc));
    const d = w.project.model.demand;
    const u = d.users.findIndex((n) => n === 3);
    expect(d.visits[u]).toBeCloseTo(3 * defaultVisitsPerWeek(d.hours[u] / 3), 9);
    expect(d.bandVisits).toHaveLength(4 * d.users.length);
    expect(d.bandVisits.every((x) => x === 0)).toBe(true);
    expect(d.visits.every((x, i) => (d.users[i] === 0) === (x === 0))).toBe(true);
  });

  it('fills settings a file does not have with defaults', () => {
    const w = broken((d) => delete d.settings.rules)();
    expect(w.settings.rules).toEqual(DEFAULT_SCORE_SETTINGS.rules);
  });
});
