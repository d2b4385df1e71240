import { describe, expect, it } from 'vitest';
import { asUnit, asZone } from '../../../solver/model';
import { optimise, verifyPlan, type OptimiseRules } from '../../../solver/optimise';
import { syntheticCounty } from '../../../solver/testing/syntheticCounty';
import { tinyCounty } from './tinyCounty';

const county = syntheticCounty({ units: 400, zones: 5, seed: 3 });
const base: Partial<OptimiseRules> = { balance: { tolerance: 0.35 }, ruralShare: { min: 0.1 } };

async function run(rules: Partial<OptimiseRules>, seed = 1) {
  const r = await optimise({ model: county.model, current: county.plan, rules, seed });
  const v = verifyPlan(county.model, county.plan, rules, r.plan);
  return { r, v };
}

describe('optimise on a synthetic county (400 units, 5 zones)', () => {
  it('returns a verified, contiguous plan near the LP bound', async () => {
    const { r, v } = await run(base);
    expect(r.status).toBe('feasible');
    expect(v.problems).toEqual([]);
    expect(r.contiguous).toBe(true);
    expect(v.pieces.every((p) => p <= 1)).toBe(true);
    expect(r.objective).toBeCloseTo(v.objective, 0);
    expect(r.bound).toBeLessThanOrEqual(r.objective);
    expect(r.gapPercent).toBeLessThan(2);
    expect(r.timings.total).toBeGreaterThan(0);
  });

  it('gives the same plan for the same seed', async () => {
    const a = await run(base, 7);
    const b = await run(base, 7);
    expect([...a.r.plan.zoneOf]).toEqual([...b.r.plan.zoneOf]);
    expect(a.r.objective).toBe(b.r.objective);
  });

  it('honours locked units and locked zones', async () => {
    const lockedUnits = [0, 57, 199, 250, 399].map(asUnit);
    const rules = { ...base, lockedUnits, lockedZones: [asZone(2)] };
    const { r, v } = await run(rules);
    expect(v.problems).toEqual([]);
    for (const u of lockedUnits) expect(r.plan.zoneOf[u]).toBe(county.plan.zoneOf[u]);
    for (let u = 0; u < county.model.units.count; u++) {
      expect(r.plan.zoneOf[u] === 2).toBe(county.plan.zoneOf[u] === 2);
    }
  });

  it('keeps the disruption limit and whole towns', async () => {
    const rules = { ...base, disruption: { max: 150, measure: 'users' as const }, wholeTowns: true };
    const { r, v } = await run(rules);
    expect(v.problems).toEqual([]);
    expect(r.movedUsers).toBeLessThanOrEqual(150);
    expect(r.movedUsers).toBe(v.movedUsers);
  });

  it('thorough mode proves a bound at least as tight and keeps every rule', async () => {
    const fast = await run(base);
    const r = await optimise({ model: county.model, current: county.plan, rules: base, mode: 'thorough', timeLimitSeconds: 20 });
    const v = verifyPlan(county.model, county.plan, base, r.plan);
    expect(v.problems).toEqual([]);
    expect(r.bound).toBeGreaterThanOrEqual(fast.r.bound - 1e-6 * fast.r.bound);
    expect(r.objective).toBeLessThanOrEqual(fast.r.objective + 1e-6);
    expect(r.gapPercent).toBeLessThanOrEqual(fast.r.gapPercent + 1e-9);
  });

  it('names the rules that bind, with km saved', async () => {
    const { r } = await run({ balance: { tolerance: 0.1 }, capacity: false, ruralShare: null });
    expect(r.status).toBe('feasible');
    expect(r.explanation.binding.map((b) => b.rule)).toContain('balance-upper');
    for (const b of r.explanation.binding) {
      expect(b.kmSaved).toBeGreaterThan(0);
      expect(b.message).toMatch(/would cut [\d,]+ km of weekly travel/);
    }
  });

  it('stops when cancelled and keeps the current plan', async () => {
    const r = await optimise({ model: county.model, current: county.plan, rules: base, signal: { aborted: true } });
    expect(r.status).toBe('cancelled');
    expect([...r.plan.zoneOf]).toEqual([...county.plan.zoneOf]);
  });

  it('reports progress by phase', async () => {
    const phases: string[] = [];
    await optimise({ model: county.model, current: county.plan, rules: base, onProgress: (p) => phases.push(p) });
    expect(phases).toContain('lp');
    expect(phases).toContain('local-search');
    expect(phases.at(-1)).toBe('done');
  });
});

describe('infeasible rules are explained', () => {
  const tiny = () => tinyCounty({ hours: [10, 10, 10, 10, 10, 10, 10, 10, 10], bases: [{ at: 0 }, { at: 4 }, { at: 8 }] });

  it('total capacity below the hours', async () => {
    const { model, plan } = tinyCounty({ hours: [10, 10, 10, 10], bases: [{ at: 0, capacity: 15 }, { at: 3, capacity: 15 }] });
    const r = await optimise({ model, current: plan, rules: { balance: null } });
    expect(r.status).toBe('infeasible');
    const c = r.explanation.conflicts.find((x) => x.rule === 'capacity');
    expect(c?.fix).toBe('Raise base capacity by 10 h/week in total.');
  });

  it('locked zones leave too few hours for the rest', async () => {
    const { model } = tiny();
    const current = { zoneOf: Int32Array.from([0, 0, 0, 0, 0, 0, 0, 1, 2]) };
    const r = await optimise({ model, current, rules: { balance: { tolerance: 0.2 }, lockedZones: [asZone(0)] } });
    expect(r.status).toBe('infeasible');
    const c = r.explanation.conflicts.find((x) => x.rule === 'balance');
    expect(c?.message).toMatch(/Locked zones hold 70 h\/week, leaving 20 h\/week for 2 zones/);
    // Floors of 2 x 30 x (1 - t) <= 20 need t >= 2/3.
    expect(c?.fix).toBe('Widen the balance band to ±67%.');
  });

  it('a rural floor with no rural care', async () => {
    const { model, plan } = tiny();
    const r = await optimise({ model, current: plan, rules: { ruralShare: { min: 0.1 } } });
    expect(r.status).toBe('infeasible');
    expect(r.explanation.conflicts.find((x) => x.rule === 'rural-share')?.fix).toBe('Lower the rural-share floor to 0%.');
  });

  it('a disruption limit too tight to rebalance (found by the LP with slacks)', async () => {
    const { model } = tiny();
    const current = { zoneOf: Int32Array.from([0, 0, 0, 0, 0, 1, 1, 2, 2]) };
    // Zone 2's base unit (4) is in Zone 1 here: with bases tied to their zones any plan moves it, whatever the band.
    const r = await optimise({ model, current, rules: { balance: { tolerance: 0.1 }, ruralShare: null, disruption: { max: 0, measure: 'hours' }, baseUnitsStay: false } });
    expect(r.status).toBe('infeasible');
    const fixes = r.explanation.conflicts.map((x) => x.fix);
    // Zone 1 holds 50 h against a ceiling of 33: at least 17 h (so 20, in whole units) must move.
    expect(fixes).toContain('Allow at least 17 hours to change zone.');
    expect(fixes).toContain('Widen the balance band to ±67%.');
  });
});
