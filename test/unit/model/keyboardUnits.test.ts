// Finding and stepping between units without the map, on the example counties.
import { describe, expect, it } from 'vitest';
import { loadExampleCounty } from '../../support/exampleCounty';
import { searchUnits } from '../../../src/model/unitSearch';
import { middleUnit, neighbourToward, unitsOfTown, type Direction } from '../../../src/model/unitNeighbours';
import { allUnits, asUnit } from '../../../solver/model';

const project = loadExampleCounty('lincolnshire');
const { units } = project.model;

describe('unit search', () => {
  it('finds units by name, best matches first', () => {
    const hits = searchUnits(project, 'north kesteven 006');
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(units.names[h.unit].toLowerCase()).toContain('north kesteven 006');
    expect(hits[0].why).toBe('name');
  });

  it('finds a unit by its code, with or without its full length', () => {
    const code = units.ids[42];
    expect(searchUnits(project, code)[0]).toEqual({ unit: 42, why: 'code' });
    expect(searchUnits(project, code.toLowerCase().slice(0, 7), units.count).some((h) => h.unit === 42)).toBe(true);
  });

  it('finds the units of a town and of a postcode sector', () => {
    const boston = project.model.towns.findIndex((t) => t.name === 'Boston');
    expect(boston).toBeGreaterThanOrEqual(0);
    const inTown = [...units.town.keys()].filter((u) => units.town[u] === boston);
    const hits = searchUnits(project, 'Boston', 500).filter((h) => h.why === 'town: Boston').map((h) => h.unit);
    expect(new Set(hits)).toEqual(new Set(inTown.filter((u) => !units.names[u].toLowerCase().includes('boston'))));
    const sector = searchUnits(project, 'ng347', 50).filter((h) => h.why.startsWith('postcode sector'));
    expect(sector.length).toBeGreaterThan(0);
    for (const h of sector) expect(Object.keys(project.unitSectors[h.unit])).toContain('NG34 7');
  });

  it('needs two characters and caps the list', () => {
    expect(searchUnits(project, 'e')).toEqual([]);
    expect(searchUnits(project, 'e0', 5)).toHaveLength(5);
  });
});

describe('the keyboard cursor', () => {
  const DIRECTIONS: Direction[] = ['north', 'south', 'east', 'west'];

  it('steps only to a unit next to it, in roughly the direction asked', () => {
    let moves = 0;
    for (let u = asUnit(0); u < units.count; u++) {
      const { offsets, neighbours } = units.adjacency;
      const next = [...neighbours.subarray(offsets[u], offsets[u + 1])];
      for (const d of DIRECTIONS) {
        const v = neighbourToward(units, u, d);
        if (v === null) continue;
        moves++;
        expect(next).toContain(v);
        const dx = units.lon[v] - units.lon[u];
        const dy = units.lat[v] - units.lat[u];
        if (d === 'north') expect(dy).toBeGreaterThan(0);
        if (d === 'south') expect(dy).toBeLessThan(0);
        if (d === 'east') expect(dx).toBeGreaterThan(0);
        if (d === 'west') expect(dx).toBeLessThan(0);
      }
    }
    expect(moves).toBeGreaterThan(units.count * 3);
  });

  for (const county of ['lincolnshire', 'norfolk'] as const) {
    it(`reaches every unit of ${county} from the middle with the arrow keys alone`, () => {
      const u = loadExampleCounty(county).model.units;
      const seen = new Set([middleUnit(u)]);
      const queue = [...seen];
      while (queue.length) {
        const at = queue.pop()!;
        for (const d of DIRECTIONS) {
          const v = neighbourToward(u, at, d);
          if (v !== null && !seen.has(v)) {
            seen.add(v);
            queue.push(v);
          }
        }
      }
      expect(seen.size).toBe(u.count);
    });
  }

  it('crosses the county from its west edge eastwards', () => {
    let u = allUnits(units.count).reduce((a, b) => (units.lon[b] < units.lon[a] ? b : a));
    const west = units.lon[u];
    const east = Math.max(...units.lon);
    for (let next = neighbourToward(units, u, 'east'), steps = 0; next !== null && steps < 500; next = neighbourToward(units, u, 'east'), steps++) {
      expect(units.lon[next]).toBeGreaterThan(units.lon[u]);
      u = next;
    }
    expect(units.lon[u] - west).toBeGreaterThan((east - west) / 2);
  });

  it('finds the units a town paint moves: the whole town, or the unit alone outside towns', () => {
    const inTown = allUnits(units.count).find((u) => units.town[u] >= 0)!;
    const members = unitsOfTown(units, inTown);
    expect(members.length).toBeGreaterThan(1);
    for (const u of members) expect(units.town[u]).toBe(units.town[inTown]);
    expect(members.length).toBe([...units.town].filter((t) => t === units.town[inTown]).length);
    const alone = allUnits(units.count).find((u) => units.town[u] < 0)!;
    expect(unitsOfTown(units, alone)).toEqual([alone]);
  });
});
