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
  { county: 'lincolnshire', reach: 65, travelChangeAtMost: -8 },
  // Norfolk: today's farthest unit is 127 minutes out (Fens and Brecks, in 3 pieces). Under the old
  // ±25% band no plan kept capacity (Gorleston's bases hold 700 h/week, the band's floor was 1,288),
  // and without capacity Gorleston had to double to 1,329 h/week and travel rose 4%.
  { county: 'norfolk', reach: 45, travelChangeAtMost: -10 },
] as const;

describe('default proposals on the example counties', () => {
  for (const { county, reach, travelChangeAtMost } of COUNTIES) {
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
    });
  }
});
