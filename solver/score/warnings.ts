// Rule checks on one zone's figures. Plain data for the UI to show as it likes.
import type { Zone } from '../model';
import type { RuleSettings } from './settings';
import type { RuleWarning, ZoneScore } from './types';

type Figures = Omit<ZoneScore, 'warnings'>;

const pct = (x: number) => `${Math.round(x)}%`;
const hours = (x: number) => `${Math.round(x).toLocaleString('en-GB')} h/week`;

export function zoneWarnings(zone: Zone, f: Figures, baseCount: number, rules: RuleSettings): RuleWarning[] {
  const out: RuleWarning[] = [];
  const name = zone.name;
  const warn = (code: RuleWarning['code'], message: string) => out.push({ code, zone: f.zone, message });
  if (baseCount === 0) warn('no-base', `${name} has no provider base.`);
  if (f.balanceVsMeanPct !== null && Math.abs(f.balanceVsMeanPct) > rules.hoursTolerancePct) {
    const side = f.balanceVsMeanPct > 0 ? 'above' : 'below';
    warn(
      'hours-off-mean',
      `${name}: ${hours(f.hours)} is ${pct(Math.abs(f.balanceVsMeanPct))} ${side} the mean zone (limit ±${rules.hoursTolerancePct}%).`,
    );
  }
  if (rules.checkCapacity && f.overCapacity) {
    warn('over-capacity', `${name}: ${hours(f.hours)} exceeds its bases' capacity of ${hours(f.capacityHours)}.`);
  }
  if (f.pieces > 1) warn('split-zone', `${name} is in ${f.pieces} separate pieces.`);
  if (f.ruralShare !== null && (f.ruralShare < rules.ruralShareMin || f.ruralShare > rules.ruralShareMax)) {
    warn(
      'rural-share',
      `${name}: rural share ${pct(100 * f.ruralShare)} is outside ${pct(100 * rules.ruralShareMin)}-${pct(100 * rules.ruralShareMax)}.`,
    );
  }
  return out;
}
