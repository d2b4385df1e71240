import { describe, expect, it } from 'vitest';
import { highsBackend, LpBuilder, rowActivities } from '../../../solver/lp';
import { jsLpSolverBackend } from '../../support/jsLpSolver';
import { allCandidates } from '../../../solver/optimise/candidates';
import { buildProblem } from '../../../solver/optimise/problem';
import { buildZoningLp, cheapestColumnBasis, LP_COST_SCALE, reducedCost } from '../../../solver/optimise/zoningLp';
import { tinyCounty } from './tinyCounty';

function zoningLp() {
  const { model, plan } = tinyCounty({
    hours: [5, 20, 10, 15, 10, 25, 5, 10],
    rural: [true, false, false, true, false, false, true, true],
    bases: [{ at: 0 }, { at: 7, capacity: 52 }],
  });
  const problem = buildProblem(model, plan, { balance: { tolerance: 0.1 }, ruralShare: { min: 0.3 } });
  return { problem, zlp: buildZoningLp(problem, allCandidates(problem), false) };
}

describe('LP backends', () => {
  it('HiGHS and javascript-lp-solver agree on a small zoning LP', async () => {
    const { zlp } = zoningLp();
    const highs = (await highsBackend()).solve(zlp.lp);
    const js = jsLpSolverBackend.solve(zlp.lp);
    expect(highs.status).toBe('optimal');
    expect(js.status).toBe('optimal');
    expect(js.objective).toBeCloseTo(highs.objective, 6);
    for (let j = 0; j < zlp.lp.numCols; j++) expect(js.values[j]).toBeCloseTo(highs.values[j], 5);
  });

  it('HiGHS duals price every column at zero or more at the optimum (reduced cost = cost - A\'y)', async () => {
    const { problem, zlp } = zoningLp();
    const res = (await highsBackend()).solve(zlp.lp);
    expect(res.rowDuals).toBeDefined();
    zlp.colCell.forEach((c, j) => {
      const rc = reducedCost(problem, zlp, res.rowDuals!, c, zlp.colZone[j]);
      expect(rc).toBeGreaterThan(-1e-7);
      if (res.values[j] > 1e-7) expect(Math.abs(rc)).toBeLessThan(1e-6);
    });
    expect(res.objective / LP_COST_SCALE + zlp.fixedCost).toBeGreaterThan(0);
  });

  it('both backends solve a small MIP to the same optimum, and the values keep the rows', async () => {
    // max 5a + 4b + 3c  s.t. 2a + 3b + c <= 5, 4a + b + 2c <= 11, 3a + 4b + 2c <= 8, integer.
    const b = new LpBuilder('maximize');
    const [x, y, z] = [5, 4, 3].map((cost) => b.addColumn(cost, 0, 10, true));
    b.addRow(-Infinity, 5, [x, y, z], [2, 3, 1]);
    b.addRow(-Infinity, 11, [x, y, z], [4, 1, 2]);
    b.addRow(-Infinity, 8, [x, y, z], [3, 4, 2]);
    const lp = b.build();
    const h = (await highsBackend()).solve(lp);
    const j = jsLpSolverBackend.solve(lp);
    expect(h.status).toBe('optimal');
    expect(h.objective).toBeCloseTo(13, 6);
    // javascript-lp-solver may fail its own check; when it claims optimal it must match.
    if (j.status === 'optimal') expect(j.objective).toBeCloseTo(13, 6);
    else expect(j.status).toBe('error');
    const act = rowActivities(lp, h.values);
    [5, 11, 8].forEach((hi, r) => expect(act[r]).toBeLessThanOrEqual(hi + 1e-9));
  });

  it('reports infeasible rather than zeros', async () => {
    const b = new LpBuilder();
    const x = b.addColumn(1, 0, 1);
    b.addRow(2, Infinity, [x], [1]);
    expect((await highsBackend()).solve(b.build()).status).toBe('infeasible');
    expect(jsLpSolverBackend.solve(b.build()).status).toBe('infeasible');
  });
});

describe('LP sessions', () => {
  it('a starting basis (cheapest zone per cell) reaches the same optimum as a cold start', async () => {
    const { zlp } = zoningLp();
    const backend = await highsBackend();
    const cold = backend.solve(zlp.lp);
    const session = backend.openSession(zlp.lp);
    try {
      const warm = session.solve({ relax: true, startBasis: cheapestColumnBasis(zlp) });
      expect(warm.status).toBe('optimal');
      expect(warm.objective).toBeCloseTo(cold.objective, 6);
    } finally {
      session.dispose();
    }
  });

  it('rows added to a session bind the next solve, in both backends', async () => {
    for (const backend of [await highsBackend(), jsLpSolverBackend]) {
      // max x + y, x, y in [0, 3], then x + 2y <= 4 added: optimum 3 + 0.5.
      const b = new LpBuilder('maximize');
      const x = b.addColumn(1, 0, 3);
      const y = b.addColumn(1, 0, 3);
      const session = backend.openSession(b.build());
      try {
        expect(session.solve().objective).toBeCloseTo(6, 6);
        session.addRows([{ lower: -Infinity, upper: 4, indices: [x, y], values: [1, 2] }]);
        const res = session.solve();
        expect(res.objective).toBeCloseTo(3.5, 6);
        expect(res.values[x]).toBeCloseTo(3, 6);
      } finally {
        session.dispose();
      }
    }
  });
});
