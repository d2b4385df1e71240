// The embedded county: real LSOAs, constructed zones, synthetic users.
import { describe, expect, it } from 'vitest';
import { loadDefaultProjectFromDisk } from '../../support/defaultProject';

const project = loadDefaultProjectFromDisk();
const { model, plan } = project;
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, x) => s + x, 0);

describe('embedded default county', () => {
  it('has the 420 Lincolnshire LSOAs, 12 named zones and a base in each', () => {
    expect(model.units.count).toBe(420);
    expect(model.zones.map((z) => `${z.id} ${z.name}`)).toEqual([
      '1 Market Rasen', '2 Louth', '3 Boston', '4 Skegness', '5 Lincoln', '6 Gainsborough',
      '7 Hykeham', '8 Lincoln South', '9 Grantham', '10 Sleaford', '11 Spalding', '12 Stamford & Bourne',
    ]);
    expect(model.bases.map((b) => b.zone).sort((a, b) => a - b)).toEqual([...Array(12).keys()]);
    expect([...plan.zoneOf].every((z) => z >= 0 && z < 12)).toBe(true);
  });

  it('carries about 2,500 synthetic people and 25,000 weekly hours', () => {
    expect(sum(model.demand.users)).toBe(2500);
    expect(sum(model.demand.hours)).toBeGreaterThan(23_000);
    expect(sum(model.demand.hours)).toBeLessThan(27_000);
    expect(sum(model.demand.doubleHandedHours)).toBeGreaterThan(0);
    expect(sum(model.demand.waitingUsers)).toBeGreaterThan(50);
  });

  it('is one connected county', () => {
    const { offsets, neighbours } = model.units.adjacency;
    const seen = new Uint8Array(420);
    const stack = [0];
    seen[0] = 1;
    while (stack.length) {
      const u = stack.pop()!;
      for (let k = offsets[u]; k < offsets[u + 1]; k++) if (!seen[neighbours[k]]) stack.push(neighbours[k]), (seen[neighbours[k]] = 1);
    }
    expect(sum(seen)).toBe(420);
  });

  it('makes Zone 10 (Sleaford) the zone with the most people waiting', () => {
    const waiting = model.zones.map((_, z) => sum(Array.from(model.demand.waitingUsers).filter((_, u) => plan.zoneOf[u] === z)));
    expect(waiting.indexOf(Math.max(...waiting))).toBe(model.zones.findIndex((z) => z.id === '10'));
  });

  it('has the faults the reports describe: a town split between zones', () => {
    const grantham = model.towns.findIndex((t) => t.name === 'Grantham');
    const zones = new Set(Array.from(plan.zoneOf).filter((_, u) => model.units.town[u] === grantham));
    expect(zones.size).toBeGreaterThan(1);
  });
});
