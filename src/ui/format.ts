// Number formats used across the panel, tooltip and reports (en-GB).
const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDp = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

export const fmtInt = (x: number) => whole.format(x);
export const fmtHours = (x: number) => `${whole.format(x)} h`;
export const fmt1 = (x: number) => oneDp.format(x);
export const fmtPct = (x: number) => `${whole.format(x * 100)}%`;

/**
 * A change with its sign ("+£1,200", "−3.5"), written with `f`; a change that `f` rounds
 * to nothing is written as nothing changed ("£0", not "−£0").
 */
export const fmtSigned = (f: (x: number) => string) => (x: number) => {
  const size = f(Math.abs(x));
  if (size === f(0)) return size;
  return x > 0 ? `+${size}` : `−${size}`;
};
