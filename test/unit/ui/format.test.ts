import { describe, expect, it } from 'vitest';
import { fmt1, fmtInt, fmtSigned } from '../../../src/ui/format';
import { DASH, signedPct } from '../../../src/ui/scoreFormat';

describe('fmtSigned', () => {
  const money = fmtSigned((x) => `£${fmtInt(x)}`);

  it('writes the sign of a change before its size', () => {
    expect(money(1234.4)).toBe('+£1,234');
    expect(money(-50_000)).toBe('−£50,000');
    expect(fmtSigned(fmt1)(-3.46)).toBe('−3.5');
  });

  it('writes a change that rounds to nothing without a sign', () => {
    expect(money(-0.4)).toBe('£0');
    expect(money(0.4)).toBe('£0');
    expect(money(0)).toBe('£0');
    expect(fmtSigned(fmt1)(-0.04)).toBe('0.0');
  });
});

describe('signedPct', () => {
  it('writes a rise and a fall with their signs', () => {
    expect(signedPct(12.4)).toBe('+12%');
    expect(signedPct(-8)).toBe('−8%');
  });

  it('writes a change that rounds to nothing as ±0%, and a missing one as a dash', () => {
    expect(signedPct(-0.3)).toBe('±0%');
    expect(signedPct(0.4)).toBe('±0%');
    expect(signedPct(null)).toBe(DASH);
  });
});
