// Never worse with more time, on the example counties: thorough mode starts
// from fast mode's plan and returns it unless it finds a better one, a longer
// limit never gives a worse plan, and thorough mode uses the time it is given.
// Fast mode stops at its own limit with the best plan it has.
import { describe, expect, it } from 'vitest';
import { optimise, verifyPlan, type OptimiseRules } from '../../../solver/optimise';
import { rulesFromSettings } from '../../../solver/optimise/rules';
import { DEFAULT_SCORE_SETTINGS } from '../../../solver/score/settings';
import { loadExampleCounty } from '../../support/exampleCounty';

const counties = [
  // The defaults, as the panel proposes them.
  { county: 'lincolnshire' as const, rules: {} },
  // Norfolk's coastal and Gorleston zones are over capacity by design, and its all-urban
  // Norwich zones cannot hold a 10% rural share in one piece: both rules off.
  { county: 'norfolk' as const, rules: { capacity: false, ruralShare: null } },
];

describe.each(counties)('$county', ({ county, rules: overrides }) => {
  const project = loadExampleCounty(county);
  const { model, plan: current } = project;
  const rules: OptimiseRules = { ...rulesFromSettings(DEFAULT_SCORE_SETTINGS, model, current), ...overrides };

  it('thorough mode is never worse than fast mode, nor with a longer limit, and uses its time', async () => {
    const fast = await optimise({ model, current, rules, mode: 'fast', seed: 1 });
    expect(fast.status).toBe('feasible');
    const short = await optimise({ model, current, rules, mode: 'thorough', timeLimitSeconds: 2, seed: 1 });
    const long = await optimise({ model, current, rules, mode: 'thorough', timeLimitSeconds: 8, seed: 1 });
    for (const r of [short, long]) {
      expect(['feasible', 'optimal']).toContain(r.status);
      expect(verifyPlan(model, current, rules, r.plan).problems).toEqual([]);
      expect(r.objective).toBeLessThanOrEqual(fast.objective);
      expect(r.bound).toBeGreaterThanOrEqual(fast.bound - 1e-6 * fast.bound);
    }
    expect(long.objective).toBeLessThanOrEqual(short.objective);
    // Unless it proved its plan optimal, thorough mode searches until its limit.
    if (long.status !== 'optimal') expect(long.timings.total).toBeGreaterThanOrEqual(8000);
  });

  it('fast mode stops at its time limit with the plan it has', async () => {
    const rounds: string[] = [];
    const r = await optimise({ model, current, rules, mode: 'fast', seed: 1, timeLimitSeconds: 1e-3, onProgress: (phase) => rounds.push(phase) });
    // Past the limit it makes no LP re-solve: one rounding of the LP, one plan.
    expect(rounds.filter((p) => p === 'round')).toHaveLength(1);
    // That first plan keeps the rules, or the result says which it breaks.
    if (r.status === 'feasible') expect(verifyPlan(model, current, rules, r.plan).problems).toEqual([]);
    else expect(r.explanation.conflicts.length).toBeGreaterThan(0);
  });
});
