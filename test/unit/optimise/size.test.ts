// The zone-size rule: absolute weekly-hour limits whatever the mean zone, a
// floor held to the zone's capacity where the capacity is smaller.
import { describe, expect, it } from 'vitest';
import { optimise, resolveRules, verifyPlan, zoneBands } from '../../../solver/optimise';
import { tinyCounty } from './tinyCounty';

describe('zone size rule', () => {
  it('bounds every zone, with a floor no higher than its capacity', () => {
    const { model, plan } = tinyCounty({ hours: [10, 10, 10, 10, 10, 10], bases: [{ at: 0, capacity: 15 }, { at: 5 }] });
    const b = zoneBands(model, plan, resolveRules({ balance: null, ruralShare: null, size: { min: 20, max: 45 } }, model));
    expect([...b.lower]).toEqual([15, 20]);
    expect([...b.upper]).toEqual([45, 45]);
  });

  it('makes a small zone grow to the floor, and the verifier checks it', async () => {
    // Nearest base: zone 1 gets units 0-2 (30 h), zone 2 units 3-5 (50 h); a floor of 40 moves unit 3.
    const { model, plan } = tinyCounty({ hours: [10, 10, 10, 10, 10, 30], bases: [{ at: 0 }, { at: 5 }] });
    const rules = { balance: null, ruralShare: null, size: { min: 40 } };
    expect(verifyPlan(model, plan, rules, plan).problems.join(' ')).toMatch(/Zone 1: 30 h below band 40/);
    const r = await optimise({ model, current: plan, rules });
    expect(r.status).toBe('feasible');
    expect(verifyPlan(model, plan, rules, r.plan).problems).toEqual([]);
    expect([...r.plan.zoneOf].filter((z) => z === 0).length).toBe(4);
  });
});
