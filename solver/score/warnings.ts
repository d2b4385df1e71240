// Rule checks on one zone's figures, against the same rules the optimiser keeps
// (rulesFromSettings). Plain data for the UI to show as it likes.
import type { Zone } from '../model';
import type { OptimiseRules } from '../optimise/rules';
import type { RuleWarning, ZoneScore } from './types';

type Figures = Omit<ZoneScore, 'warnings'>;

const pct = (x: number) => `${Math.round(x)}%`;
const hours = (x: number) => `${Math.round(x).toLocaleString('en-GB')} h/week`;
const limit = (x: number) => x.toLocaleString('en-GB', { maximumFractionDigits: 1 });

export function zoneWarnings(zone: Zone, f: Figures, baseCount: number, rules: OptimiseRules): RuleWarning[] {
  const out: RuleWarning[] = [];
  const name = zone.name;
  const warn = (code: RuleWarning['code'], message: string) => out.push({ code, zone: f.zone, message });
  if (baseCount === 0) warn('no-base', `${name} has no provider base.`);
  const tolerancePct = rules.balance ? 100 * rules.balance.tolerance : null;
  if (f.balanceVsMeanPct !== null && tolerancePct !== null && Math.abs(f.balanceVsMeanPct) > tolerancePct) {
    const side = f.balanceVsMeanPct > 0 ? 'above' : 'below';
    warn(
      'hours-off-mean',
      `${name}: ${hours(f.hours)} is ${pct(Math.abs(f.balanceVsMeanPct))} ${side} the mean zone (limit ±${limit(tolerancePct)}%).`,
    );
  }
  const size = rules.size;
  if (size) {
    const floor = rules.capacity && f.capacityHours > 0 ? Math.min(size.min, f.capacityHours) : size.min;
    if (f.hours < floor - 1e-9) warn('zone-size', `${name}: ${hours(f.hours)} is below the smallest viable zone (${hours(floor)}).`);
    if (size.max !== undefined && f.hours > size.max + 1e-9) warn('zone-size', `${name}: ${hours(f.hours)} is above the largest zone allowed (${hours(size.max)}).`);
  }
  if (rules.capacity && f.overCapacity) {
    warn('over-capacity', `${name}: ${hours(f.hours)} exceeds its bases' capacity of ${hours(f.capacityHours)}.`);
  }
  if (f.pieces > 1) warn('split-zone', `${name} is in ${f.pieces} separate pieces.`);
  const rural = rules.ruralShare;
  const [min, max] = [rural?.min ?? 0, rural?.max ?? 1];
  if (rural && f.ruralShare !== null && (f.ruralShare < min || f.ruralShare > max)) {
    warn('rural-share', `${name}: rural share ${pct(100 * f.ruralShare)} is outside ${pct(100 * min)}-${pct(100 * max)}.`);
  }
  return out;
}
