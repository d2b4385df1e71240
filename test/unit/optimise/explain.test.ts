// What a result says when the LP keeps every rule but whole units cannot: the
// zone, the bound it breaks (capacity, a floor from the zone-size rule, the
// balance band) and the change to that bound that would let it hold.
import { describe, expect, it } from 'vitest';
import { optimise } from '../../../solver/optimise';
import { tinyCounty } from './tinyCounty';

// Three units of 30 h/week in a row: two zones can split them only 30 / 60.
const { model, plan } = tinyCounty({ hours: [30, 30, 30], bases: [{ at: 0, capacity: 40 }, { at: 2, capacity: 55 }] });
const noRules = { balance: null, reach: null, ruralShare: null, size: null };

describe('rules whole units cannot keep', () => {
  it('names the capacity a zone ends over, and the capacity that would hold it', async () => {
    const r = await optimise({ model, current: plan, rules: noRules });
    expect(r.status).toBe('infeasible');
    expect(r.explanation.conflicts).toEqual([
      {
        rule: 'whole-units',
        message: "Zone 2 ends 5 h/week outside its rules (60 h/week, rural 0%), as whole units in one piece: over its bases' capacity of 55 h/week.",
        fix: "Raise Zone 2's capacity to 60 h/week.",
      },
    ]);
  });

  it('names a floor from the zone-size rule as such, not as a balance band', async () => {
    const r = await optimise({ model, current: plan, rules: { ...noRules, capacity: false, size: { min: 40 } } });
    expect(r.status).toBe('infeasible');
    const [c] = r.explanation.conflicts;
    expect(c.message).toMatch(/^Zone [12] ends 10 h\/week outside its rules \(30 h\/week, rural 0%\), as whole units in one piece: below its floor of 40 h\/week\.$/);
    expect(c.fix).toBe('Lower the smallest zone to 30 h/week.');
  });

  it('names the balance ceiling and floor with the band that would hold them', async () => {
    // The mean zone holds 45 h/week: ±10% is 40.5-49.5, and 60 h/week needs ±34% (33.3% rounded up).
    const r = await optimise({ model, current: plan, rules: { ...noRules, capacity: false, balance: { tolerance: 0.1 } } });
    expect(r.status).toBe('infeasible');
    expect(r.explanation.conflicts).toHaveLength(2);
    const big = r.explanation.conflicts.find((c) => c.message.includes('(60 h/week'))!;
    const small = r.explanation.conflicts.find((c) => c.message.includes('(30 h/week'))!;
    expect(big.message).toMatch(/\(60 h\/week, rural 0%\), as whole units in one piece: above its ceiling of 50 h\/week\.$/);
    expect(small.message).toMatch(/\(30 h\/week, rural 0%\), as whole units in one piece: below its floor of 41 h\/week\.$/);
    expect(new Set([big.fix, small.fix])).toEqual(new Set(['Widen the balance band to about ±34%.']));
  });
});
