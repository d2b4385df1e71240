import { describe, expect, it } from 'vitest';
import { adjacencyFromLists, asUnit, UNASSIGNED, type UnitIndex } from '../../../solver/model';
import { guessBaseMapping, guessUserMapping, readCsv } from '../../../src/import/csv';
import { FALLBACK_FILES, parseFallback } from '../../../src/import/fallback';
import { fillEmptyUnitsFromNeighbours } from '../../../src/import/fillZones';
import { projectFromFiles } from '../../../src/import/projectFromFiles';
import { fixtureBytes, fixtureText, publicText } from './helpers';

const fallback = parseFallback(publicText(FALLBACK_FILES.sectors), publicText(FALLBACK_FILES.districts));
const usersText = publicText('templates/service-users.csv');
const basesText = publicText('templates/provider-bases.csv');
const users = { text: usersText, mapping: guessUserMapping(readCsv(usersText).headers) };

describe('projectFromFiles', () => {
  it('builds a project on hexagons round the users, zones from their zone column', async () => {
    const phases: number[] = [];
    const r = await projectFromFiles(
      {
        name: 'templates', units: { kind: 'h3', resolution: 6, cover: null }, users,
        bases: { text: basesText, mapping: guessBaseMapping(readCsv(basesText).headers) },
        zones: { kind: 'usersColumn' }, sources: { fallback },
      },
      { onProgress: (p) => phases.push(p.fraction) },
    );
    const m = r.project.model;
    expect(m.units.count).toBe(r.unitCount);
    expect(m.demand.hours.reduce((a, b) => a + b, 0)).toBe(68);
    expect(m.zones.map((z) => z.id).sort()).toEqual(['1', '10', '12', '2', '3', '4']);
    // Every hexagon is in a zone: the empty ones took their neighbours' zone.
    expect([...r.project.plan.zoneOf].filter((z) => z === UNASSIGNED)).toEqual([]);
    expect(r.unassignedUnits).toBe(0);
    expect(m.bases.map((b) => b.id)).toEqual(['PB01', 'PB02', 'PB03/7', 'PB03/8']);
    expect(r.notes.join('\n')).toMatch(/no full postcode lookup is loaded, so 6 of 6 users/);
    expect(r.project.syntheticUsers).toBe(false);
    // Progress only moves forward and ends at 1.
    expect(phases).toEqual([...phases].sort((a, b) => a - b));
    expect(phases.at(-1)).toBe(1);
    expect(structuredClone(r)).toEqual(r);
  });

  it('uses a boundary file as units and leaves units with no zone unassigned when none are imported', async () => {
    const r = await projectFromFiles({
      name: 'squares', units: { kind: 'boundary', file: { name: 'squares-bng.geojson', data: fixtureBytes('squares-bng.geojson') }, fields: { id: 'lsoa11cd', name: 'lsoa11nm', ruc: 'ruc11cd' } },
      users: { text: 'id,postcode,hours\nA,LN2 1LJ,5\n', mapping: guessUserMapping(['id', 'postcode', 'hours']) },
      bases: null, zones: { kind: 'none' }, sources: { fallback },
    });
    expect(r.project.model.units.ids).toEqual(['SQ-A', 'SQ-B']);
    expect(r.project.model.units.ruc).toEqual(['C1', 'E2']);
    expect([...r.project.plan.zoneOf]).toEqual([UNASSIGNED, UNASSIGNED]);
    expect(r.notes[0]).toMatch(/^Units: 2 areas from squares-bng.geojson .*converted from British National Grid/);
  });

  it('says why when the unit file has no usable polygon', async () => {
    await expect(projectFromFiles({
      name: 'x', units: { kind: 'boundary', file: { name: 'invalid.geojson', data: fixtureText('invalid.geojson') }, fields: { id: 'missing', name: null, ruc: null } },
      users, bases: null, zones: { kind: 'none' }, sources: { fallback },
    })).rejects.toThrow(/invalid\.geojson has no usable unit polygons/);
  });

  it('can be cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(projectFromFiles(
      { name: 'x', units: { kind: 'h3', resolution: 6, cover: null }, users, bases: null, zones: { kind: 'none' }, sources: { fallback } },
      { signal: controller.signal },
    )).rejects.toThrow();
  });
});

describe('fillEmptyUnitsFromNeighbours', () => {
  it('spreads zones ring by ring into empty units only', () => {
    // A path 0-1-2-3-4: unit 0 in zone 0, unit 4 in zone 1; unit 2 has users but no zone.
    const adjacency = adjacencyFromLists([[1], [0, 2], [1, 3], [2, 4], [3]].map((vs) => vs.map((v): [UnitIndex, number] => [asUnit(v), 1])));
    const zoneOf = Int32Array.from([0, UNASSIGNED, UNASSIGNED, UNASSIGNED, 1]);
    expect(fillEmptyUnitsFromNeighbours(zoneOf, adjacency, [3, 0, 2, 0, 1])).toBe(2);
    expect([...zoneOf]).toEqual([0, 0, UNASSIGNED, 1, 1]);
  });
});
