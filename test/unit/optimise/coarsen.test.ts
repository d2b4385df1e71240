import { describe, expect, it } from 'vitest';
import { highsBackend } from '../../../solver/lp/highs';
import { nearestCandidates } from '../../../solver/optimise/candidates';
import { cheapestZones, coarseProblem, fineZones, growGroups, nearBorders } from '../../../solver/optimise/coarsen';
import { ContiguityGuard } from '../../../solver/optimise/contiguity';
import { lagrangian, pricesFromLp } from '../../../solver/optimise/lagrangian';
import { runFastAtScale } from '../../../solver/optimise/multilevel';
import { buildProblem, FREE, unitPlan } from '../../../solver/optimise/problem';
import { PlanState } from '../../../solver/optimise/planState';
import { solveRelaxation } from '../../../solver/optimise/relaxation';
import { verifyPlan, type OptimiseRules } from '../../../solver/optimise';
import { seededRandom } from '../../../solver/random';
import { syntheticCounty } from '../../../solver/testing/syntheticCounty';

// No reach or size rule: merging groups cells that different zones reach, which these properties do not need.
const rules: Partial<OptimiseRules> = { balance: { tolerance: 0.2 }, ruralShare: { min: 0.1 }, capacity: true, reach: null, size: null };
const county = syntheticCounty({ units: 1500, zones: 8, seed: 2 });
const problem = buildProblem(county.model, county.plan, rules);
const ctx = () => ({ rand: seededRandom(1), shouldStop: () => false, deadline: Infinity, timings: {}, phase: () => {} });

describe('merged cells', () => {
  const grouping = growGroups(problem, cheapestZones(problem), nearBorders(problem, cheapestZones(problem), 1), 16);
  const coarse = coarseProblem(problem, grouping);

  it('groups are in one piece, of one key, and keep every fixed cell alone', () => {
    expect(coarse.cells).toBeLessThan(problem.cells / 2);
    const key = cheapestZones(problem);
    const members: number[][] = Array.from({ length: grouping.groups }, () => []);
    grouping.groupOf.forEach((g, c) => members[g].push(c));
    for (const group of members) {
      expect(new Set(group.map((c) => key[c])).size).toBe(1);
      if (group.some((c) => problem.fixedZone[c] !== FREE)) expect(group).toHaveLength(1);
      // One piece: a plan putting only this group in zone 0 and the rest in zone 1 gives zone 0 one piece.
      const zone = new Int32Array(problem.cells).fill(1);
      for (const c of group) zone[c] = 0;
      expect(new ContiguityGuard(new PlanState(problem, zone)).pieces(0)).toHaveLength(1);
    }
  });

  it('keeps hours, costs and the unit each base stands in, so a coarse plan costs the same as its cells', () => {
    const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);
    expect(sum(coarse.hours)).toBeCloseTo(sum(problem.hours), 6);
    expect(sum(coarse.ruralHours)).toBeCloseTo(sum(problem.ruralHours), 6);
    const rand = seededRandom(3);
    const coarseZone = Int32Array.from(coarse.fixedZone, (f) => (f === FREE ? Math.floor(rand() * coarse.zones) : f));
    const a = new PlanState(coarse, coarseZone);
    const b = new PlanState(problem, fineZones(grouping, coarseZone));
    expect(a.objective).toBeCloseTo(b.objective, 0);
    for (let z = 0; z < problem.zones; z++) expect(a.zoneHours[z]).toBeCloseTo(b.zoneHours[z], 6);
    expect(unitPlan(coarse, coarseZone).zoneOf).toEqual(unitPlan(problem, fineZones(grouping, coarseZone)).zoneOf);
    for (let z = 0; z < problem.zones; z++) if (problem.rootCell[z] >= 0) expect(coarse.rootCell[z]).toBe(grouping.groupOf[problem.rootCell[z]]);
  });

  it('the Lagrangian at the LP duals is the LP bound, and from merged cells still bounds the full problem', async () => {
    const lp = await highsBackend();
    const loose = { ...problem, rules: { ...problem.rules, contiguous: false } };
    const fine = solveRelaxation(loose, lp, nearestCandidates(loose, 5), () => false);
    fine.session.dispose();
    const atOwn = lagrangian(loose, pricesFromLp(fine.relaxation.zlp, fine.relaxation.duals)).bound;
    expect(atOwn).toBeCloseTo(fine.relaxation.bound, -2);
    const looseCoarse = { ...coarse, rules: loose.rules };
    const merged = solveRelaxation(looseCoarse, lp, nearestCandidates(looseCoarse, 5), () => false);
    merged.session.dispose();
    // The merged LP is a restriction (its optimum is higher); its prices give a bound below the full LP's.
    expect(merged.relaxation.objective).toBeGreaterThanOrEqual(fine.relaxation.objective - 1);
    const fromMerged = lagrangian(loose, pricesFromLp(merged.relaxation.zlp, merged.relaxation.duals)).bound;
    expect(fromMerged).toBeLessThanOrEqual(fine.relaxation.bound + 1);
    expect(fromMerged).toBeGreaterThan(0.99 * fine.relaxation.bound);
  });

  it('fast mode on merged cells gives a plan of units that keeps every rule, with an honest gap', async () => {
    const lp = await highsBackend();
    const out = runFastAtScale(problem, lp, ctx(), 6, 500);
    expect(out.lpProblem.cells).toBeLessThan(problem.cells);
    expect(out.feasible).toBe(true);
    const plan = unitPlan(problem, out.state!.cellZone);
    const check = verifyPlan(county.model, county.plan, rules, plan);
    expect(check.problems).toEqual([]);
    // The bound is below the full problem's own LP bound, and the plan is close to it.
    const full = runFastAtScale(problem, lp, ctx(), 6);
    expect(out.bound).toBeLessThanOrEqual(full.relaxation.objective * (1 + 1e-9));
    expect(check.objective).toBeLessThan(out.bound * 1.02);
  });

  it('keeps the reach rule from merged cells', async () => {
    const lp = await highsBackend();
    // The reach the data gives this county (rulesFromSettings): 50 minutes.
    const reachProblem = buildProblem(county.model, county.plan, { ...rules, reach: { minutes: 50 } });
    const out = runFastAtScale(reachProblem, lp, ctx(), 6, 500);
    expect(out.feasible).toBe(true);
    expect(verifyPlan(county.model, county.plan, reachProblem.rules, unitPlan(reachProblem, out.state!.cellZone)).problems).toEqual([]);
  });
});
