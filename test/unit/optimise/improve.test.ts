import { describe, expect, it } from 'vitest';
import { ContiguityGuard } from '../../../solver/optimise/contiguity';
import { improvePlan } from '../../../solver/optimise/improve';
import { buildProblem, FREE, unitPlan } from '../../../solver/optimise/problem';
import { PlanState } from '../../../solver/optimise/planState';
import { optimise, verifyPlan, type OptimiseRules } from '../../../solver/optimise';
import { seededRandom } from '../../../solver/random';
import { syntheticCounty } from '../../../solver/testing/syntheticCounty';

const rules: Partial<OptimiseRules> = { balance: { tolerance: 0.2 }, ruralShare: { min: 0.1 }, capacity: true };

/** A plan keeping every rule, made bad by a random walk of moves that keep the bands and contiguity. */
async function badPlan(seed: number) {
  const county = syntheticCounty({ units: 400, zones: 6, seed });
  const good = await optimise({ model: county.model, current: county.plan, rules, mode: 'fast', seed: 1 });
  expect(verifyPlan(county.model, county.plan, rules, good.plan).ok).toBe(true);
  const problem = buildProblem(county.model, county.plan, rules);
  const cellZone = Int32Array.from({ length: problem.cells }, (_, c) => good.plan.zoneOf[problem.cellUnits[problem.cellStart[c]]]);
  const state = new PlanState(problem, cellZone);
  const guard = new ContiguityGuard(state);
  const rand = seededRandom(seed);
  const slack = state.slack();
  for (let step = 0; step < 20000; step++) {
    const c = Math.floor(rand() * problem.cells);
    if (problem.fixedZone[c] !== FREE) continue;
    const k = problem.adjStart[c] + Math.floor(rand() * (problem.adjStart[c + 1] - problem.adjStart[c]));
    const to = state.cellZone[problem.adjCells[k]];
    if (to === state.cellZone[c] || to < 0 || !Number.isFinite(problem.cost[c * problem.zones + to])) continue;
    if (state.violationDelta(c, to) > slack || state.zoneCells[state.cellZone[c]] <= 1 || !guard.canLeave(c)) continue;
    state.move(c, to);
  }
  return { county, problem, state, guard, good };
}

describe('improvePlan (ejection chains)', () => {
  it('improves a deliberately bad plan and keeps every rule, contiguity included', async () => {
    const { county, problem, state, guard, good } = await badPlan(3);
    const bad = state.objective;
    expect(bad).toBeGreaterThan(good.objective * 1.01);
    expect(guard.allContiguous()).toBe(true);
    const out = improvePlan(state, guard, { contiguity: true, rand: seededRandom(1), shouldStop: () => false, deadline: Infinity, kicks: 10 });
    expect(out.gain).toBeGreaterThan(0);
    expect(state.objective).toBeLessThan(bad);
    // Running totals agree with a recount, and the verifier (the judge) accepts the plan.
    const fresh = new PlanState(problem, state.cellZone);
    expect(fresh.objective).toBeCloseTo(state.objective, 0);
    expect(fresh.feasible()).toBe(true);
    expect(new ContiguityGuard(fresh).allContiguous()).toBe(true);
    const v = verifyPlan(county.model, county.plan, rules, unitPlan(problem, state.cellZone));
    expect(v.problems).toEqual([]);
    expect(v.contiguous).toBe(true);
  });

  it('never leaves the bands or breaks a zone, whatever the kicks', async () => {
    for (const seed of [5, 7]) {
      const { county, problem, state, guard } = await badPlan(seed);
      improvePlan(state, guard, { contiguity: true, rand: seededRandom(seed), shouldStop: () => false, deadline: Infinity, kicks: 20, kickSize: 12, kickCost: 1e-3 });
      const v = verifyPlan(county.model, county.plan, rules, unitPlan(problem, state.cellZone));
      expect(v.problems).toEqual([]);
      expect(v.contiguous).toBe(true);
    }
  });

  it('gives the same plan for the same seed', async () => {
    const a = await badPlan(4);
    const b = await badPlan(4);
    expect([...a.state.cellZone]).toEqual([...b.state.cellZone]);
    const opts = { contiguity: true, shouldStop: () => false, deadline: Infinity, kicks: 10 };
    improvePlan(a.state, a.guard, { ...opts, rand: seededRandom(9) });
    improvePlan(b.state, b.guard, { ...opts, rand: seededRandom(9) });
    expect([...a.state.cellZone]).toEqual([...b.state.cellZone]);
  });

  it('leaves a plan outside its bands alone', async () => {
    const { problem } = await badPlan(3);
    // Every free cell in the first zone: far above its balance band.
    const start = Int32Array.from(problem.startZone, (z, c) => (problem.fixedZone[c] === FREE ? 0 : z));
    const state = new PlanState(problem, start);
    expect(state.feasible()).toBe(false);
    const out = improvePlan(state, new ContiguityGuard(state), { contiguity: true, rand: seededRandom(1), shouldStop: () => false, deadline: Infinity });
    expect(out.gain).toBe(0);
    expect([...state.cellZone]).toEqual([...start]);
  });
});
