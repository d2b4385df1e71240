// Number formats of the score panels (en-GB). Missing figures show as an en dash.
const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDp = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const twoDp = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2, minimumFractionDigits: 2 });

export const DASH = '–';
const orDash = (f: (x: number) => string) => (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x) ? DASH : f(x);

export const int = orDash((x) => whole.format(x));
export const one = orDash((x) => oneDp.format(x));
export const two = orDash((x) => twoDp.format(x));
/** A 0..1 share as a whole percentage. */
export const share = orDash((x) => `${whole.format(100 * x)}%`);
/** A percentage already in 0..100 (or beyond). */
export const pct = orDash((x) => `${whole.format(x)}%`);
/** A signed percentage difference: +12%, −8%; one that rounds to nothing is ±0%, not −0%. */
export const signedPct = orDash((x) => {
  const size = whole.format(Math.abs(x));
  return `${size === '0' ? '±' : x > 0 ? '+' : '−'}${size}%`;
});
/** An hourly rate: £19.10. */
export const rate = orDash((x) => `£${twoDp.format(x)}`);
export const pounds = orDash((x) => `£${whole.format(x)}`);
/** Large sums in millions: £2.91m. */
export const poundsM = orDash((x) => `£${twoDp.format(x / 1e6)}m`);
export const km = orDash((m) => `${oneDp.format(m / 1000)} km`);
export const minutes = orDash((x) => `${oneDp.format(x)} min`);
