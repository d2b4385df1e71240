import { describe, expect, it } from 'vitest';
import { fmt1, fmtInt, fmtSigned } from '../../../src/ui/format';

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
