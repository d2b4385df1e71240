import { describe, expect, it } from 'vitest';
import { highsBackend } from '../../../solver/lp';
import { allCandidates } from '../../../solver/optimise/candidates';
import { ContiguityGuard } from '../../../solver/optimise/contiguity';
import { contiguityCuts, cutRow } from '../../../solver/optimise/contiguityCuts';
import { buildProblem } from '../../../solver/optimise/problem';
import { PlanState } from '../../../solver/optimise/planState';
import { fullReducedCosts, solveRelaxation } from '../../../solver/optimise/relaxation';
import { buildZoningLp, type ZoningLp } from '../../../solver/optimise/zoningLp';
import { optimise, verifyPlan, type OptimiseRules } from '../../../solver/optimise';
import type { CountyModel, Plan } from '../../../solver/model';
import { allPlans, tinyCounty } from './tinyCounty';

// A row of 9 units, bases at both ends. Each zone needs 30% rural hours, and the
// cheapest rural hours for the left zone sit inside the right zone's stretch:
// without contiguity the best plan has a stray piece.
const spec = {
  hours: [6, 5, 6, 2, 18, 5, 11, 15, 12],
  rural: [true, true, false, false, false, true, false, true, false],
  bases: [{ at: 0 }, { at: 8 }],
};
const rules: Partial<OptimiseRules> = { balance: { tolerance: 0.3 }, ruralShare: { min: 0.3 } };

function bestPlan(model: CountyModel, current: Plan, r: Partial<OptimiseRules>) {
  let best: { plan: Plan; objective: number } | null = null;
  for (const plan of allPlans(model.units.count, model.zones.length)) {
    const v = verifyPlan(model, current, r, plan);
    if (v.ok && (!best || v.objective < best.objective - 1e-9)) best = { plan, objective: v.objective };
  }
  if (!best) throw new Error('no feasible plan');
  return best;
}

function planOf(zlp: ZoningLp, cells: number, values: Float64Array): Int32Array {
  const zone = new Int32Array(cells).fill(-1);
  for (let j = 0; j < zlp.colCell.length; j++) if (values[j] > 0.5) zone[zlp.colCell[j]] = zlp.colZone[j];
  return zone;
}

describe('contiguity cuts', () => {
  const { model, plan } = tinyCounty(spec);
  const contiguous = bestPlan(model, plan, rules);
  const loose = bestPlan(model, plan, { ...rules, contiguous: false });

  it('the instance needs them: the best plan without contiguity is cheaper and in pieces', () => {
    expect(loose.objective).toBeLessThan(contiguous.objective - 1);
    expect(verifyPlan(model, plan, rules, loose.plan).contiguous).toBe(false);
  });

  it('turn the plain MIP plan into the best contiguous plan', async () => {
    const problem = buildProblem(model, plan, rules);
    const zlp = buildZoningLp(problem, allCandidates(problem), true);
    const index = new Map(zlp.colCell.map((c, j) => [c * problem.zones + zlp.colZone[j], j]));
    const session = (await highsBackend()).openSession(zlp.lp);
    try {
      let state = new PlanState(problem, planOf(zlp, problem.cells, session.solve().values));
      expect(new ContiguityGuard(state).allContiguous()).toBe(false);
      for (let round = 0; round < 5; round++) {
        const guard = new ContiguityGuard(state);
        if (guard.allContiguous()) break;
        const plan = state.cellZone;
        const cuts = contiguityCuts(state, guard, (c, z) => (plan[c] === z ? 1 : 0));
        expect(cuts.length).toBeGreaterThan(0);
        session.addRows(cuts.map((cut) => cutRow(cut, (c, z) => index.get(c * problem.zones + z) ?? -1)!));
        const res = session.solve();
        expect(res.status).toBe('optimal');
        state = new PlanState(problem, planOf(zlp, problem.cells, res.values));
      }
      expect(new ContiguityGuard(state).allContiguous()).toBe(true);
      expect(state.objective).toBeCloseTo(contiguous.objective, 3);
    } finally {
      session.dispose();
    }
  });

  it('let thorough mode prove the contiguous optimum (bound above the non-contiguous optimum)', async () => {
    const r = await optimise({ model, current: plan, rules, mode: 'thorough', timeLimitSeconds: 10 });
    expect(verifyPlan(model, plan, rules, r.plan).problems).toEqual([]);
    expect(r.objective).toBeCloseTo(contiguous.objective, 3);
    expect(r.bound).toBeGreaterThan(loose.objective + 1);
    expect(r.bound).toBeLessThanOrEqual(r.objective + 1e-6);
    expect(r.status).toBe('optimal');
    expect(r.explanation.notes.join(' ')).toMatch(/contiguity cuts/);
  });
});

describe('contiguity cuts in the LP relaxation', () => {
  // 10 units, 3 zones: the LP's rounding leaves a zone in pieces.
  const { model, plan } = tinyCounty({
    hours: [19, 2, 11, 15, 17, 8, 13, 7, 4, 8],
    rural: [true, false, false, false, false, true, false, true, true, false],
    bases: [{ at: 0 }, { at: 5 }, { at: 9 }],
  });
  const lpRules: Partial<OptimiseRules> = { balance: { tolerance: 0.4 }, ruralShare: { min: 0.3 } };

  it('raise the bound, stay below the contiguous optimum, and price with their duals', async () => {
    const backend = await highsBackend();
    const bounds: number[] = [];
    for (const contiguousRule of [false, true]) {
      const problem = buildProblem(model, plan, { ...lpRules, contiguous: contiguousRule });
      const { relaxation, session } = solveRelaxation(problem, backend, allCandidates(problem), () => false);
      session.dispose();
      expect(relaxation.status).toBe('optimal');
      expect(relaxation.cuts.length > 0).toBe(contiguousRule);
      // Reduced costs with the cut rows' duals: none negative, zero on columns in use.
      const rc = fullReducedCosts(problem, relaxation);
      relaxation.zlp.colCell.forEach((c, j) => {
        const r = rc[c * problem.zones + relaxation.zlp.colZone[j]];
        expect(r).toBeGreaterThan(-1e-6);
        if (relaxation.values[j] > 1e-6) expect(Math.abs(r)).toBeLessThan(1e-6);
      });
      bounds.push(relaxation.bound);
    }
    expect(bounds[1]).toBeGreaterThan(bounds[0]);
    expect(bounds[1]).toBeLessThanOrEqual(bestPlan(model, plan, lpRules).objective + 1e-6);
  });
});
