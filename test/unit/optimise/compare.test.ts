// A proposal against the current plan: totals, each zone's change, and the rule
// the current plan breaks when travel rises.
import { describe, expect, it } from 'vitest';
import { optimise } from '../../../solver/optimise';
import { compareWithCurrent } from '../../../solver/optimise/compare';
import { resolveRules } from '../../../solver/optimise/rules';
import { DEFAULT_SCORE_SETTINGS } from '../../../solver/score';
import { tinyCounty } from './tinyCounty';

const free = { balance: null, ruralShare: null } as const;

describe('comparison with the current plan', () => {
  it('says travel rises, by how much, and which rule forced it', async () => {
    // Today zone 1 holds units 0-2 (30 h); its base can take 20, so unit 2 must go 3 km further.
    const { model, plan } = tinyCounty({ hours: [10, 10, 10, 10, 10, 10], bases: [{ at: 0, capacity: 20 }, { at: 5 }] });
    const r = await optimise({ model, current: plan, rules: free });
    expect(r.status).toBe('feasible');
    const c = r.comparison!;
    // Road km a week, 1.3 km per unit of separation: today 10 x 1.3 x (0+1+2 + 2+1+0) = 78; then + 10 x 1.3 x (3 - 2) = 91.
    expect(c.travelHourKm.before).toBeCloseTo(78, 0);
    expect(c.travelHourKm.after).toBeCloseTo(91, 0);
    expect(c.travelChangePct).toBeCloseTo(16.7, 0);
    expect(c.forcedBy).toEqual(['Zone 1 must shed 10 h/week to fit its base capacity of 20 h/week']);
    expect(c.summary).toMatch(/^Travel from the bases rises 16\.7% \(78 → 91 hour·km a week; 1\.3 → 1\.5 km per care hour\)\. It rises because the current plan breaks the rules: Zone 1 must shed 10 h\/week to fit its base capacity of 20 h\/week\./);
    expect(c.summary).toMatch(/Farthest unit from its base: 7 → 10 minutes\. 1 user \(10 h\/week\) changes provider\.$/);
    expect(c.zones[0].hours).toEqual({ before: 30, after: 20 });
    expect(c.zones[1].hours).toEqual({ before: 30, after: 40 });
    expect(c.zones[1].farthestKm.before).toBeCloseTo(2.6, 1);
    expect(c.zones[1].farthestKm.after).toBeCloseTo(3.9, 1);
    expect(c.zones[1].farthestMinutes.after).toBeCloseTo(9.75, 1);
    expect(c.zones[1].pieces).toEqual({ before: 1, after: 1 });
    expect(c.disruption).toEqual({ units: 1, users: 1, hours: 10 });
    expect(c.annualCost.after).toBeCloseTo(c.annualCost.before, 6);
  });

  it('names units beyond reach, pieces and floors the current plan breaks, biggest first', () => {
    const { model, plan } = tinyCounty({ hours: [10, 10, 10, 10, 10, 10], bases: [{ at: 0 }, { at: 5 }] });
    const current = { zoneOf: Int32Array.from([0, 1, 0, 0, 0, 0]) };
    const rules = resolveRules({ ...free, size: { min: 25 }, reach: { minutes: 10 } }, model);
    const c = compareWithCurrent({ model, current, proposed: plan, rules, settings: DEFAULT_SCORE_SETTINGS });
    expect(c.forcedBy).toEqual([
      'Zone 1 must hand over 2 units (20 h/week) beyond 10 minutes of its base (farthest 17 min)',
      'Zone 2 must gain 15 h/week to reach its floor of 25 h/week',
      'Zone 2 must hand over 1 unit (10 h/week) beyond 10 minutes of its base (farthest 13 min)',
      'Zone 1 is in 2 pieces and must be in one',
    ]);
    expect(c.travelChangePct!).toBeLessThan(0);
    expect(c.summary).toMatch(/^Travel from the bases falls/);
    expect(c.summary).not.toMatch(/because/);
    expect(c.worstReachMinutes.before).toBeCloseTo(5 * 3.25, 1);
    expect(c.worstReachMinutes.after).toBeCloseTo(2 * 3.25, 1);
  });
});
