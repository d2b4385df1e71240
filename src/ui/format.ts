// Number formats used across the panel, tooltip and reports (en-GB).
const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDp = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

export const fmtInt = (x: number) => whole.format(x);
export const fmtHours = (x: number) => `${whole.format(x)} h`;
export const fmt1 = (x: number) => oneDp.format(x);
export const fmtPct = (x: number) => `${whole.format(x * 100)}%`;
