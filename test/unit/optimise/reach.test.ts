// The reach rule on tiny counties: units 1 km apart in a row (urban: 1.3 road km
// at 24 km/h = 3.25 minutes per unit of separation), bases at given units.
import { describe, expect, it } from 'vitest';
import { adjacencyFromLists, asUnit, type Plan, type UnitIndex } from '../../../solver/model';
import { optimise, verifyPlan, type OptimiseRules } from '../../../solver/optimise';
import { FlowGraph } from '../../../solver/optimise/reach/maxFlow';
import { buildProblem } from '../../../solver/optimise/problem';
import { allPlans, tinyCounty } from './tinyCounty';

const MIN_PER_UNIT = 3.25;

function bruteForce(model: Parameters<typeof verifyPlan>[0], current: Plan, rules: Partial<OptimiseRules>) {
  let best: { plan: Plan; objective: number } | null = null;
  for (const plan of allPlans(model.units.count, model.zones.length)) {
    const v = verifyPlan(model, current, rules, plan);
    if (v.ok && (!best || v.objective < best.objective - 1e-9)) best = { plan, objective: v.objective };
  }
  return best;
}

describe('reach rule', () => {
  it('keeps every unit within reach, at the brute-force optimum', async () => {
    // Base 2 (capacity 20) must shed one unit to base 1. The nearest is u3 (urban, 3 km: 9.75 min);
    // a reach of 9 minutes sends u4 instead (rural village, 4 km at 45 km/h: 6.9 min).
    const { model, plan } = tinyCounty({
      hours: [10, 10, 10, 10, 10, 10],
      rural: [false, false, false, false, true, false],
      bases: [{ at: 0 }, { at: 5, capacity: 20 }],
    });
    const free: Partial<OptimiseRules> = { balance: null, ruralShare: null, contiguous: false };
    const rules: Partial<OptimiseRules> = { ...free, reach: { minutes: 9 } };
    const unlimited = await optimise({ model, current: plan, rules: free });
    expect([...unlimited.plan.zoneOf]).toEqual([0, 0, 0, 0, 1, 1]);
    const best = bruteForce(model, plan, rules);
    const r = await optimise({ model, current: plan, rules });
    expect(r.status).toBe('feasible');
    expect(verifyPlan(model, plan, rules, r.plan).problems).toEqual([]);
    expect([...r.plan.zoneOf]).toEqual([0, 0, 0, 1, 0, 1]);
    expect(r.objective).toBeCloseTo(best!.objective, 3);
  });

  it('lets the verifier catch a unit beyond reach, but not a locked one', () => {
    const { model, plan } = tinyCounty({ hours: [10, 10, 10, 10, 10, 10], bases: [{ at: 0 }, { at: 5 }] });
    const far: Plan = { zoneOf: Int32Array.from([0, 0, 0, 0, 1, 1]) };
    const rules: Partial<OptimiseRules> = { balance: null, ruralShare: null, reach: { minutes: 7 } };
    const v = verifyPlan(model, plan, rules, far);
    expect(v.problems.join(' ')).toMatch(/u3 is 9\.\d min from Zone 1's base, reach 7 min/);
    const current: Plan = { zoneOf: Int32Array.from(far.zoneOf) };
    expect(verifyPlan(model, current, { ...rules, lockedUnits: [asUnit(3)] }, far).problems).toEqual([]);
  });

  it('names the units beyond reach of every base, and the reach that would reach them', async () => {
    const { model, plan } = tinyCounty({ hours: [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10], bases: [{ at: 0 }, { at: 1 }] });
    const r = await optimise({ model, current: plan, rules: { balance: null, ruralShare: null, reach: { minutes: 20 } } });
    expect(r.status).toBe('infeasible');
    const c = r.explanation.conflicts.find((x) => x.rule === 'reach');
    // u8 is 7 units from base 2 (22.75 min), u10 is 9 (29.25 min).
    expect(c?.message).toMatch(/^3 units \(30 h\/week\) are beyond 20 minutes of every base: Unit u10 \(30 min, Zone 2\); Unit u9 \(26 min, Zone 2\); Unit u8 \(23 min, Zone 2\)\.$/);
    expect(c?.fix).toMatch(/^Set the reach to 30 minutes/);
    expect([...r.plan.zoneOf]).toEqual([...plan.zoneOf]);
  });

  it('says where capacity within reach is short, and each fix in numbers', async () => {
    // Base 2 alone reaches units 4-7 (40 h) within 10 minutes; its capacity is 35, and its own unit (5, 10 h) must stay.
    const { model, plan } = tinyCounty({ hours: [10, 10, 10, 10, 10, 10, 10, 10], bases: [{ at: 0 }, { at: 5, capacity: 35 }] });
    const r = await optimise({ model, current: plan, rules: { balance: null, ruralShare: null, reach: { minutes: 10 } } });
    expect(r.status).toBe('infeasible');
    const c = r.explanation.conflicts.find((x) => x.rule === 'reach-capacity');
    expect(c?.message).toBe(
      'Within 10 minutes, 40 h/week of care can only be served from the bases of Zone 2, but the rules let it take 35 h/week (Zone 2: capacity 35 h/week): 5 h/week short.',
    );
    expect(c?.fix).toMatch(/^Raise base capacity in Zone 2 by 5 h\/week in all, or set the reach to 15 minutes/);
    // Both fixes work.
    for (const fixed of [
      tinyCounty({ hours: [10, 10, 10, 10, 10, 10, 10, 10], bases: [{ at: 0 }, { at: 5, capacity: 40 }] }),
      { ...tinyCounty({ hours: [10, 10, 10, 10, 10, 10, 10, 10], bases: [{ at: 0 }, { at: 5, capacity: 35 }] }), reach: 15 },
    ]) {
      const ok = await optimise({ model: fixed.model, current: fixed.plan, rules: { balance: null, ruralShare: null, reach: { minutes: 'reach' in fixed ? fixed.reach : 10 } } });
      expect(ok.status).toBe('feasible');
    }
  });

  it('says where the care within reach is too little for the balance floors', async () => {
    // Mean zone 50 h, ±10%: Zone 1 needs 45 h, but within 7 minutes of its base (unit 1) lie only units 0-3 (40 h).
    // Unit 4 is Zone 2's base unit and stays there, so no longer reach helps: only a wider band does.
    const { model, plan } = tinyCounty({ hours: [10, 10, 10, 10, 60], bases: [{ at: 1 }, { at: 4 }] });
    const r = await optimise({ model, current: plan, rules: { balance: { tolerance: 0.1 }, ruralShare: null, capacity: false, reach: { minutes: 7 } } });
    expect(r.status).toBe('infeasible');
    const c = r.explanation.conflicts.find((x) => x.rule === 'reach-floor');
    expect(c?.message).toBe('Within 7 minutes of the bases of Zone 1 there are 40 h/week of care; its floor is 45 h/week: 5 h/week short.');
    expect(c?.fix).toBe('Widen the balance band to ±20%, or move its base closer to more care.');
  });

  it('with zones in one piece, reaches a unit only through neighbours within reach', () => {
    // Units 0-3 at 0, 1, 2, 3 km, but unit 1 touches only unit 2, and 2 only 3: from the base at unit 0
    // the way to unit 1 passes unit 3 (9.75 min).
    const { model, plan } = tinyCounty({ hours: [10, 10, 10, 10], bases: [{ at: 0 }] });
    model.units.adjacency = adjacencyFromLists([[3], [2], [1, 3], [0, 2]].map((vs) => vs.map((v): [UnitIndex, number] => [asUnit(v), 1])));
    const joined = buildProblem(model, plan, { ruralShare: null, reach: { minutes: 20 }, contiguous: true });
    const loose = buildProblem(model, plan, { ruralShare: null, reach: { minutes: 20 }, contiguous: false });
    expect(loose.reachNeeded![1]).toBeCloseTo(MIN_PER_UNIT, 1);
    expect(joined.reachNeeded![1]).toBeCloseTo(3 * MIN_PER_UNIT, 1);
    const tight = buildProblem(model, plan, { ruralShare: null, reach: { minutes: 5 }, contiguous: true });
    expect(Number.isFinite(tight.cost[1])).toBe(false);
    expect(Number.isFinite(buildProblem(model, plan, { ruralShare: null, reach: { minutes: 5 }, contiguous: false }).cost[1])).toBe(true);
  });

  it('ignores units with no care', () => {
    const { model, plan } = tinyCounty({ hours: [10, 10, 10, 0], bases: [{ at: 0 }] });
    expect(buildProblem(model, plan, { ruralShare: null, reach: { minutes: 5 }, contiguous: false }).reachNeeded![3]).toBe(0);
    // In one piece, the zone still reaches it only through unit 2 (6.5 min).
    const joined = buildProblem(model, plan, { ruralShare: null, reach: { minutes: 5 } });
    expect(joined.reachNeeded![3]).toBeCloseTo(2 * MIN_PER_UNIT, 1);
    expect(Number.isFinite(buildProblem(model, plan, { ruralShare: null, reach: { minutes: 7 } }).cost[3])).toBe(true);
  });
});

describe('maximum flow', () => {
  it('finds the flow and the source side of a minimum cut', () => {
    // s=0 -> 1 (10), s -> 2 (1), 1 -> 2 (Infinity), 1 -> t=3 (2), 2 -> t (3): the arcs into t are the cut.
    const g = new FlowGraph(4);
    g.addArc(0, 1, 10);
    const direct = g.addArc(0, 2, 1);
    g.addArc(1, 2, Infinity);
    g.addArc(1, 3, 2);
    g.addArc(2, 3, 3);
    expect(g.maxFlow(0, 3)).toBeCloseTo(5, 9);
    expect(g.flowOn(direct)).toBeLessThanOrEqual(1 + 1e-9);
    expect([...g.sourceSide(0)]).toEqual([1, 1, 1, 0]);
    // A cut at the source: nothing beyond s is reachable once both arcs out of s are full.
    const h = new FlowGraph(3);
    const a = h.addArc(0, 1, 2);
    h.addArc(1, 2, 7);
    expect(h.maxFlow(0, 2)).toBe(2);
    expect(h.flowOn(a)).toBe(2);
    expect([...h.sourceSide(0)]).toEqual([1, 0, 0]);
  });
});
