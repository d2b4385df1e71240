// The example counties: real LSOAs and postcodes, constructed zones and bases,
// synthetic users, each with the faults its councils' reports describe.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORE_SETTINGS, scorePlan } from '../../../solver/score';
import { EXAMPLE_COUNTIES, type ExampleCounty } from '../../../src/model/exampleCounty';
import type { Project } from '../../../src/model/project';
import { exampleCountyFile, loadExampleCounty } from '../../support/exampleCounty';

const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, x) => s + x, 0);
const zoneIndex = (p: Project, name: string) => p.model.zones.findIndex((z) => z.name === name);
const perZone = (p: Project, values: ArrayLike<number>) =>
  p.model.zones.map((_, z) => sum(Array.from(values).filter((_, u) => p.plan.zoneOf[u] === z)));
/** Zones holding units of the named town's built-up area. */
const zonesOfTown = (p: Project, town: string) => {
  const t = p.model.towns.findIndex((x) => x.name === town);
  expect(t).toBeGreaterThanOrEqual(0);
  return new Set(Array.from(p.plan.zoneOf).filter((_, u) => p.model.units.town[u] === t));
};
/** Sizes of the connected pieces of the unit graph, largest first. */
function components(p: Project): number[] {
  const { offsets, neighbours } = p.model.units.adjacency;
  const n = p.model.units.count;
  const seen = new Uint8Array(n);
  const sizes: number[] = [];
  for (let s = 0; s < n; s++) {
    if (seen[s]) continue;
    let size = 0;
    const stack = [s];
    seen[s] = 1;
    while (stack.length) {
      const u = stack.pop()!;
      size++;
      for (let k = offsets[u]; k < offsets[u + 1]; k++)
        if (!seen[neighbours[k]]) stack.push(neighbours[k]), (seen[neighbours[k]] = 1);
    }
    sizes.push(size);
  }
  return sizes.sort((a, b) => b - a);
}

describe.each(['lincolnshire', 'norfolk'] as ExampleCounty[])('every example county (%s)', (county) => {
  const project = loadExampleCounty(county);
  const { model, plan } = project;

  it('puts every unit in a zone that has a base, and says where the data came from', () => {
    expect([...plan.zoneOf].every((z) => z >= 0 && z < model.zones.length)).toBe(true);
    for (let z = 0; z < model.zones.length; z++) expect(model.bases.some((b) => b.zone === z)).toBe(true);
    expect(project.name).toBe(EXAMPLE_COUNTIES[county].projectName);
    expect(project.syntheticUsers).toBe(true);
    expect(project.attribution.join(' ')).toMatch(/Open Government Licence.*Royal Mail.*constructed.*synthetic/);
  });

  it('places every synthetic user at a postcode of the county, with no user lost', () => {
    const users = Papa.parse<Record<string, string>>(readFileSync(exampleCountyFile(county, 'users'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(sum(model.demand.users)).toBe(users.length);
    expect(sum(model.demand.hours)).toBeCloseTo(sum(users.map((u) => Number(u.weekly_hours))), 6);
    expect(users.every((u) => /^SU\d{5}$/.test(u.id))).toBe(true);
  });

  it('writes the plan as a postcode-sector list naming every zone', () => {
    const rows = Papa.parse<Record<string, string>>(readFileSync(exampleCountyFile(county, 'zoneSectors'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.every((r) => /^[A-Z]{1,2}\d{1,2}[A-Z]? \d$/.test(r.sector))).toBe(true);
    expect(new Set(rows.map((r) => r.sector)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.zone_name))).toEqual(new Set(model.zones.map((z) => z.name)));
  });
});

describe('the Lincolnshire example', () => {
  const project = loadExampleCounty('lincolnshire');
  const { model, plan } = project;

  it('has the 420 Lincolnshire LSOAs, 12 named zones and a base in each', () => {
    expect(model.units.count).toBe(420);
    expect(model.zones.map((z) => `${z.id} ${z.name}`)).toEqual([
      '1 Market Rasen', '2 Louth', '3 Boston', '4 Skegness', '5 Lincoln', '6 Gainsborough',
      '7 Hykeham', '8 Lincoln South', '9 Grantham', '10 Sleaford', '11 Spalding', '12 Stamford & Bourne',
    ]);
    expect(model.bases.map((b) => b.zone).sort((a, b) => a - b)).toEqual([...Array(12).keys()]);
  });

  it('carries about 2,500 synthetic people and 25,000 weekly hours', () => {
    expect(sum(model.demand.users)).toBe(2500);
    expect(sum(model.demand.hours)).toBeGreaterThan(23_000);
    expect(sum(model.demand.hours)).toBeLessThan(27_000);
    expect(sum(model.demand.doubleHandedHours)).toBeGreaterThan(0);
    expect(sum(model.demand.waitingUsers)).toBeGreaterThan(50);
  });

  it('is one connected county', () => {
    expect(components(project)).toEqual([420]);
  });

  it('makes Zone 10 (Sleaford) the zone with the most people waiting', () => {
    const waiting = perZone(project, model.demand.waitingUsers);
    expect(waiting.indexOf(Math.max(...waiting))).toBe(model.zones.findIndex((z) => z.id === '10'));
  });

  it('has the faults the reports describe: a town split between zones', () => {
    expect(zonesOfTown(project, 'Grantham').size).toBeGreaterThan(1);
    expect(plan.zoneOf.length).toBe(420);
  });
});

describe('the Norfolk example', () => {
  const project = loadExampleCounty('norfolk');
  const { model, plan } = project;
  const scores = scorePlan(model, plan, DEFAULT_SCORE_SETTINGS);

  it("has Norfolk's 538 LSOAs and 17 PCN-like zones with the council's lot names", () => {
    expect(model.units.count).toBe(538);
    expect(model.zones).toHaveLength(17);
    const names = model.zones.map((z) => z.name);
    for (const n of ['Mid Norfolk', 'Breckland', 'Ketts Oak', 'SNHIP', "King's Lynn", 'Fens and Brecks']) expect(names).toContain(n);
    expect(new Set(model.units.ruc.filter((r) => r.endsWith('2'))).size).toBeGreaterThan(0);
    expect(sum(model.units.sparse)).toBe(26);
  });

  it('gives each zone a principal provider base and a framework providers base holding about 30%', () => {
    for (let z = 0; z < model.zones.length; z++) {
      const bases = model.bases.filter((b) => b.zone === z);
      expect(bases.map((b) => (/principal provider$/.test(b.name) ? 'principal' : /framework providers$/.test(b.name) ? 'framework' : b.name))).toEqual([
        'principal',
        'framework',
      ]);
      const share = bases[1].capacityHours / (bases[0].capacityHours + bases[1].capacityHours);
      expect(share).toBeGreaterThan(0.2);
      expect(share).toBeLessThan(0.4);
    }
  });

  it('carries 3,000 synthetic people (Lincolnshire per head) and more hours per head in rural areas', () => {
    expect(sum(model.demand.users)).toBe(3000);
    expect(sum(model.demand.hours)).toBeGreaterThan(27_000);
    expect(sum(model.demand.hours)).toBeLessThan(32_000);
    const share = sum(model.demand.doubleHandedHours) / sum(model.demand.hours);
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.3);
    // Drawn with a rural weighting: rural units hold more of the users than of the people.
    const units = JSON.parse(readFileSync(exampleCountyFile('norfolk', 'units'), 'utf8')).features as Array<{ properties: { pop2019: number } }>;
    const rural = (u: number) => model.units.rurality[u] !== 0;
    const ruralPeople = sum(units.filter((_, u) => rural(u)).map((f) => f.properties.pop2019)) / sum(units.map((f) => f.properties.pop2019));
    const ruralUsers = sum(Array.from(model.demand.users).filter((_, u) => rural(u))) / 3000;
    expect(ruralUsers).toBeGreaterThan(ruralPeople + 0.04);
  });

  it('has zones from about 650 to about 2,600 h/week, none empty', () => {
    const hours = scores.zones.map((z) => z.hours);
    expect(Math.min(...hours)).toBeGreaterThan(500);
    expect(Math.max(...hours)).toBeLessThan(3000);
  });

  it('makes the sparse north and west the zones with the most waiting and short of capacity', () => {
    const waitingPerHour = scores.zones.map((z) => z.waitingUsers / z.hours);
    const top3 = waitingPerHour
      .map((w, z) => [w, model.zones[z].name] as const)
      .sort((a, b) => b[0] - a[0])
      .slice(0, 3)
      .map(([, n]) => n);
    expect(new Set(top3)).toEqual(new Set(['West Norfolk Coastal', 'Fens and Brecks', 'Fakenham & Wells']));
    for (const name of ['West Norfolk Coastal', 'Fens and Brecks', 'Fakenham & Wells']) {
      const z = scores.zones[zoneIndex(project, name)];
      expect(z.hours).toBeGreaterThan(z.capacityHours);
    }
  });

  it('has the faults councils report: split towns, a lot in pieces, a lot across a river', () => {
    expect(zonesOfTown(project, "King's Lynn").size).toBeGreaterThan(1);
    expect(zonesOfTown(project, 'Dereham').size).toBeGreaterThan(1);
    expect(zonesOfTown(project, 'Gorleston-on-Sea').size).toBeGreaterThan(1);
    expect(scores.zones[zoneIndex(project, 'Fens and Brecks')].pieces).toBeGreaterThan(1);
    expect(scores.zones[zoneIndex(project, 'Acle & Loddon')].pieces).toBeGreaterThan(1);
  });

  it('has an island: the LSOAs are clipped to the tidal Yare, so Gorleston and Bradwell are joined only by links across it', () => {
    // 31 units share no border with the other 507; 9 links of at most 150 m cross the river.
    const links = project.model.units.adjacency.links ?? [];
    expect(links).toHaveLength(9);
    expect(Math.max(...links.map((l) => l.km))).toBeLessThanOrEqual(0.15);
    expect(components(project)).toEqual([538]);
  });
});
