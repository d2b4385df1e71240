// The default proposal on the example counties, under the rules derived from
// each county's data: every unit within reach, every zone in one piece, and
// the comparison with today's zones in numbers. Guards against the failure the
// old ±20-25% band caused on a county of small rural zones (a zone reaching
// far from its base to make up its hours while total travel rose).
import { describe, expect, it } from 'vitest';
import { optimise, rulesFromSettings, verifyPlan } from '../../../solver/optimise';
import { DEFAULT_SCORE_SETTINGS } from '../../../solver/score';
import { loadExampleCounty } from '../../support/exampleCounty';

const COUNTIES = [
  // county, default reach (minutes), travel change at most (%)
  // Travel between visits is not minimised: in Lincolnshire the plan that cuts travel from the bases 11% costs 0.7% more of it.
  { county: 'lincolnshire', reach: 65, travelChangeAtMost: -8, visits: 'rises' },
  // Norfolk: today's farthest unit is 127 minutes out (Fens and Brecks, in 3 pieces). Under the old
  // ±25% band no plan kept capacity (Gorleston's bases hold 700 h/week, the band's floor was 1,288),
  // and without capacity Gorleston had to double to 1,329 h/week and travel rose 4%.
  { county: 'norfolk', reach: 45, travelChangeAtMost: -10, visits: 'falls' },
] as const;

describe('default proposals on the example counties', () => {
  for (const { county, reach, travelChangeAtMost, visits } of COUNTIES) {
    it(`${county}: every unit within reach, zones in one piece, travel falls`, async () => {
      const { model, plan } = loadExampleCounty(county);
      const rules = rulesFromSettings(DEFAULT_SCORE_SETTINGS, model, plan);
      expect(rules.reach).toEqual({ minutes: reach });
      expect(rules.balance).toBeNull();
      const r = await optimise({ model, current: plan, rules, settings: DEFAULT_SCORE_SETTINGS });
      expect(r.status).toBe('feasible');
      expect(r.contiguous).toBe(true);
      expect(verifyPlan(model, plan, rules, r.plan, { travel: DEFAULT_SCORE_SETTINGS.travel }).problems).toEqual([]);
      const c = r.comparison!;
      expect(c.worstReachMinutes.after!).toBeLessThanOrEqual(reach);
      for (const z of c.zones) expect(z.farthestMinutes.after ?? 0, z.label).toBeLessThanOrEqual(reach);
      expect(c.travelChangePct!).toBeLessThanOrEqual(travelChangeAtMost);
      expect(c.summary).toMatch(/^Travel from the bases falls/);
      expect(c.zones.every((z) => z.pieces.after === 1)).toBe(true);
      const v = c.visitTravelCost!;
      expect(visits === 'rises' ? v.after > v.before : v.after < v.before).toBe(true);
      expect(c.summary).toMatch(new RegExp(`Travel between visits, which it does not minimise, ${visits} \\d+\\.\\d% \\(£[\\d,]+ → £[\\d,]+ a year\\)\\.`));
    });
  }
});

describe('a reach too short for the county is explained in numbers', () => {
  // Figures checked by hand against the straight drive times of each unit to each base
  // (Grantham: 2,391 h/week within 20 minutes of its base and of no other; King's Lynn: 1,717 within 30).
  it('lincolnshire at 20 minutes: Grantham alone reaches more care than its capacity', async () => {
    const { model, plan } = loadExampleCounty('lincolnshire');
    const rules = { ...rulesFromSettings(DEFAULT_SCORE_SETTINGS, model, plan), reach: { minutes: 20 } };
    const r = await optimise({ model, current: plan, rules, settings: DEFAULT_SCORE_SETTINGS });
    expect(r.status).toBe('infeasible');
    const c = r.explanation.conflicts.find((x) => x.rule === 'reach-capacity');
    expect(c?.message).toBe(
      'Within 20 minutes, 2,391 h/week of care can only be served from the bases of Zone 9 Grantham, but the rules let it take 2,200 h/week (Zone 9 Grantham: capacity 2,200 h/week): 191 h/week short.',
    );
    expect(c?.fix).toBe('Raise base capacity in Zone 9 Grantham by 191 h/week in all, or set the reach to 30 minutes, or add a base of another zone near Grantham.');
    expect(r.explanation.conflicts.find((x) => x.rule === 'reach')?.fix).toMatch(/^Set the reach to 65 minutes, or add a base near /);
  });

  it('norfolk at 30 minutes: four Fens units no base reaches, and King\'s Lynn 17 h/week over capacity', async () => {
    const { model, plan } = loadExampleCounty('norfolk');
    const rules = { ...rulesFromSettings(DEFAULT_SCORE_SETTINGS, model, plan), reach: { minutes: 30 } };
    const r = await optimise({ model, current: plan, rules, settings: DEFAULT_SCORE_SETTINGS });
    expect(r.status).toBe('infeasible');
    const stranded = r.explanation.conflicts.find((x) => x.rule === 'reach');
    expect(stranded?.message).toMatch(/^4 units \(239 h\/week\) are beyond 30 minutes of every base: .*King's Lynn and West Norfolk 013B \(45 min, Zone 3 Fens and Brecks\)/);
    expect(stranded?.fix).toBe('Set the reach to 45 minutes, or add a base near Downham Market.');
    const c = r.explanation.conflicts.find((x) => x.rule === 'reach-capacity');
    expect(c?.message).toBe(
      "Within 30 minutes, 1,717 h/week of care can only be served from the bases of Zone 1 King's Lynn, but the rules let it take 1,700 h/week (Zone 1 King's Lynn: capacity 1,700 h/week): 17 h/week short.",
    );
    expect(c?.fix).toBe("Raise base capacity in Zone 1 King's Lynn by 17 h/week in all, or set the reach to 35 minutes, or add a base of another zone near King's Lynn.");
  });
});
