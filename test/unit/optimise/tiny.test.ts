import { describe, expect, it } from 'vitest';
import type { CountyModel, Plan } from '../../../solver/model';
import { haversineMetres } from '../../../solver/travel';
import { optimise, verifyPlan, type OptimiseRules } from '../../../solver/optimise';
import { allPlans, tinyCounty } from './tinyCounty';

/** The best plan keeping every rule, by trying them all (the verifier is the judge). */
function bruteForce(model: CountyModel, current: Plan, rules: Partial<OptimiseRules>) {
  let best: { plan: Plan; objective: number } | null = null;
  for (const plan of allPlans(model.units.count, model.zones.length)) {
    const v = verifyPlan(model, current, rules, plan);
    if (v.ok && (!best || v.objective < best.objective - 1e-9)) best = { plan, objective: v.objective };
  }
  if (!best) throw new Error('test instance has no feasible plan');
  return best;
}

const cases: Array<{ name: string; county: Parameters<typeof tinyCounty>[0]; rules: Partial<OptimiseRules> }> = [
  {
    name: '8 units, 2 zones, balance ±10%',
    county: { hours: [5, 20, 10, 15, 10, 25, 5, 10], bases: [{ at: 0 }, { at: 7 }] },
    rules: { balance: { tolerance: 0.1 }, ruralShare: null },
  },
  {
    name: '7 units, 3 zones, balance, capacity and a rural floor',
    county: {
      hours: [12, 8, 12, 6, 14, 9, 11],
      rural: [true, false, false, true, false, true, true],
      bases: [{ at: 0 }, { at: 3, capacity: 30 }, { at: 6 }],
    },
    rules: { balance: { tolerance: 0.4 }, ruralShare: { min: 0.25 } },
  },
  {
    name: '8 units, 2 zones, no contiguity, rural ceiling',
    county: {
      hours: [10, 10, 10, 10, 10, 10, 10, 10],
      rural: [true, true, true, false, false, false, false, true],
      bases: [{ at: 1 }, { at: 6 }],
    },
    rules: { balance: { tolerance: 0.25 }, ruralShare: { max: 0.5 }, contiguous: false },
  },
];

describe('tiny instances with a known optimum', () => {
  for (const { name, county, rules } of cases) {
    it(`${name}: fast and thorough find the brute-force optimum`, async () => {
      const { model, plan } = tinyCounty(county);
      const best = bruteForce(model, plan, rules);
      for (const mode of ['fast', 'thorough'] as const) {
        const r = await optimise({ model, current: plan, rules, mode, timeLimitSeconds: 10 });
        const v = verifyPlan(model, plan, rules, r.plan);
        expect(v.problems).toEqual([]);
        expect(r.objective).toBeCloseTo(v.objective, 3);
        expect(r.objective).toBeCloseTo(best.objective, 3);
        expect([...r.plan.zoneOf]).toEqual([...best.plan.zoneOf]);
        expect(r.bound).toBeLessThanOrEqual(r.objective + 1e-6);
      }
    });
  }

  it('the objective counts hours x road metres to the nearest base of the zone', async () => {
    // Two units 1 km apart, each at its own base: nothing to travel.
    const { model, plan } = tinyCounty({ hours: [10, 30, 10], bases: [{ at: 0 }, { at: 2 }] });
    const r = await optimise({ model, current: plan, rules: { balance: null, capacity: false } });
    // The end units sit on their bases; the middle one is 1 km (x 1.3 circuity) from either, with 30 h.
    const km = haversineMetres(model.units.lon[0], 52.6, model.units.lon[1], 52.6);
    expect(r.objective).toBeCloseTo(30 * 1.3 * km, 6);
  });
});
