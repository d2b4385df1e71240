// Every editable ScoreSettings value as a form field, and the checks a set of
// settings must pass before the scores use it. Pure, so the rules are unit-tested.
import type { ScoreSettings } from '../../solver/score';

export interface NumberField {
  id: string;
  group: 'Rates' | 'Travel' | 'Rules' | 'Extra-rural' | 'Privacy';
  label: string;
  unit?: string;
  step: number;
  /** Blank means "not set" (only the explicit extra-rural rate). */
  optional?: boolean;
  get(s: ScoreSettings): number | null;
  set(s: ScoreSettings, v: number | null): ScoreSettings;
}

const rates = (s: ScoreSettings, r: Partial<ScoreSettings['rates']>) => ({ ...s, rates: { ...s.rates, ...r } });
const rules = (s: ScoreSettings, r: Partial<ScoreSettings['rules']>) => ({ ...s, rules: { ...s.rules, ...r } });
const er = (s: ScoreSettings, e: Partial<ScoreSettings['extraRural']>) => ({ ...s, extraRural: { ...s.extraRural, ...e } });
const weight = (s: ScoreSettings, w: Partial<ScoreSettings['extraRural']['weights']>) =>
  er(s, { weights: { ...s.extraRural.weights, ...w } });
const speed = (s: ScoreSettings, r: 0 | 1 | 2, v: number) => ({
  ...s,
  travel: { ...s.travel, speedKmh: { ...s.travel.speedKmh, [r]: v } },
});
const num = (v: number | null) => v ?? 0;
const visits = (s: ScoreSettings, v: Partial<ScoreSettings['visitTravel']>) => ({ ...s, visitTravel: { ...s.visitTravel, ...v } });
const band = (s: ScoreSettings, b: keyof ScoreSettings['visitTravel']['bandShares'], v: number) =>
  visits(s, { bandShares: { ...s.visitTravel.bandShares, [b]: v } });
const percent = (v: number | null) => (v === null ? null : 100 * v);
const share = (v: number | null) => (v === null ? null : v / 100);

export const NUMBER_FIELDS: NumberField[] = [
  { id: 'rate-urban', group: 'Rates', label: 'Urban rate', unit: '£/h', step: 0.01, get: (s) => s.rates.urban, set: (s, v) => rates(s, { urban: num(v) }) },
  { id: 'rate-rural', group: 'Rates', label: 'Rural rate', unit: '£/h', step: 0.01, get: (s) => s.rates.rural, set: (s, v) => rates(s, { rural: num(v) }) },
  { id: 'rate-uplift', group: 'Rates', label: 'Extra-rural uplift', unit: '%', step: 0.5, get: (s) => s.rates.extraRuralUpliftPct, set: (s, v) => rates(s, { extraRuralUpliftPct: num(v) }) },
  {
    id: 'rate-extra', group: 'Rates', label: 'Extra-rural rate', unit: '£/h (blank: rural + uplift)', step: 0.01, optional: true,
    get: (s) => s.rates.extraRuralRate, set: (s, v) => rates(s, { extraRuralRate: v }),
  },
  { id: 'weeks', group: 'Rates', label: 'Weeks a year', step: 0.01, get: (s) => s.weeksPerYear, set: (s, v) => ({ ...s, weeksPerYear: num(v) }) },
  {
    id: 'circuity', group: 'Travel', label: 'Circuity (road / straight line)', step: 0.05,
    get: (s) => s.travel.circuityFactor, set: (s, v) => ({ ...s, travel: { ...s.travel, circuityFactor: num(v) } }),
  },
  { id: 'speed-urban', group: 'Travel', label: 'Speed to urban units', unit: 'km/h', step: 1, get: (s) => s.travel.speedKmh[0], set: (s, v) => speed(s, 0, num(v)) },
  { id: 'speed-town', group: 'Travel', label: 'Speed to rural towns', unit: 'km/h', step: 1, get: (s) => s.travel.speedKmh[1], set: (s, v) => speed(s, 1, num(v)) },
  { id: 'speed-village', group: 'Travel', label: 'Speed to villages', unit: 'km/h', step: 1, get: (s) => s.travel.speedKmh[2], set: (s, v) => speed(s, 2, num(v)) },
  { id: 'rota-factor', group: 'Travel', label: 'Rotas vs shortest tour', unit: '×', step: 0.1, get: (s) => s.visitTravel.rotaFactor, set: (s, v) => visits(s, { rotaFactor: num(v) }) },
  { id: 'carer-pay', group: 'Travel', label: 'Carer pay for travel', unit: '£/h', step: 0.01, get: (s) => s.visitTravel.carerPayPerHour, set: (s, v) => visits(s, { carerPayPerHour: num(v) }) },
  { id: 'mileage', group: 'Travel', label: 'Mileage', unit: '£/mile', step: 0.01, get: (s) => s.visitTravel.mileagePerMile, set: (s, v) => visits(s, { mileagePerMile: num(v) }) },
  { id: 'band-morning', group: 'Travel', label: 'Share of visits: morning', unit: '%', step: 1, get: (s) => 100 * s.visitTravel.bandShares.morning, set: (s, v) => band(s, 'morning', num(v) / 100) },
  { id: 'band-lunch', group: 'Travel', label: 'Share of visits: lunch', unit: '%', step: 1, get: (s) => 100 * s.visitTravel.bandShares.lunch, set: (s, v) => band(s, 'lunch', num(v) / 100) },
  { id: 'band-tea', group: 'Travel', label: 'Share of visits: tea', unit: '%', step: 1, get: (s) => 100 * s.visitTravel.bandShares.tea, set: (s, v) => band(s, 'tea', num(v) / 100) },
  { id: 'band-bed', group: 'Travel', label: 'Share of visits: bed', unit: '%', step: 1, get: (s) => 100 * s.visitTravel.bandShares.bed, set: (s, v) => band(s, 'bed', num(v) / 100) },
  // Blank rule settings are derived from the county's data (rulesFromSettings, docs/SCORING.md "Rules").
  {
    id: 'hours-tolerance', group: 'Rules', label: 'Hours within ± of mean', unit: '% (blank: from the data)', step: 1, optional: true,
    get: (s) => s.rules.hoursTolerancePct, set: (s, v) => rules(s, { hoursTolerancePct: v }),
  },
  {
    id: 'zone-min', group: 'Rules', label: 'Smallest zone', unit: 'h/week (blank: viable for its providers)', step: 10, optional: true,
    get: (s) => s.rules.zoneHoursMin, set: (s, v) => rules(s, { zoneHoursMin: v }),
  },
  {
    id: 'reach', group: 'Rules', label: 'Reach from the base', unit: 'minutes (blank: from the data)', step: 5, optional: true,
    get: (s) => s.rules.reachMinutes, set: (s, v) => rules(s, { reachMinutes: v }),
  },
  // Rural shares are stored 0..1 and edited as percentages, as people speak of them.
  {
    id: 'rural-min', group: 'Rules', label: 'Rural share at least', unit: '% (blank: no limit)', step: 1, optional: true,
    get: (s) => percent(s.rules.ruralShareMin), set: (s, v) => rules(s, { ruralShareMin: share(v) }),
  },
  {
    id: 'rural-max', group: 'Rules', label: 'Rural share at most', unit: '% (blank: no limit)', step: 1, optional: true,
    get: (s) => percent(s.rules.ruralShareMax), set: (s, v) => rules(s, { ruralShareMax: share(v) }),
  },
  { id: 'w-rurality', group: 'Extra-rural', label: 'Weight: rurality', step: 0.05, get: (s) => s.extraRural.weights.rurality, set: (s, v) => weight(s, { rurality: num(v) }) },
  { id: 'w-travel', group: 'Extra-rural', label: 'Weight: travel between visits', step: 0.05, get: (s) => s.extraRural.weights.travel, set: (s, v) => weight(s, { travel: num(v) }) },
  { id: 'w-distance', group: 'Extra-rural', label: 'Weight: distance', step: 0.05, get: (s) => s.extraRural.weights.distance, set: (s, v) => weight(s, { distance: num(v) }) },
  { id: 'w-density', group: 'Extra-rural', label: 'Weight: low density', step: 0.05, get: (s) => s.extraRural.weights.density, set: (s, v) => weight(s, { density: num(v) }) },
  { id: 'w-waiting', group: 'Extra-rural', label: 'Weight: waiting', step: 0.05, get: (s) => s.extraRural.weights.waiting, set: (s, v) => weight(s, { waiting: num(v) }) },
  { id: 'switch-on', group: 'Extra-rural', label: 'Switch on at score', step: 0.05, get: (s) => s.extraRural.switchOn, set: (s, v) => er(s, { switchOn: num(v) }) },
  { id: 'switch-off', group: 'Extra-rural', label: 'Switch off below score', step: 0.05, get: (s) => s.extraRural.switchOff, set: (s, v) => er(s, { switchOff: num(v) }) },
  { id: 'town-score', group: 'Extra-rural', label: 'Rurality of a rural town', step: 0.05, get: (s) => s.extraRural.ruralTownScore, set: (s, v) => er(s, { ruralTownScore: num(v) }) },
  { id: 'village-score', group: 'Extra-rural', label: 'Rurality of a village', step: 0.05, get: (s) => s.extraRural.ruralVillageScore, set: (s, v) => er(s, { ruralVillageScore: num(v) }) },
  { id: 'sparse-bonus', group: 'Extra-rural', label: 'Bonus if sparse', step: 0.05, get: (s) => s.extraRural.sparseBonus, set: (s, v) => er(s, { sparseBonus: num(v) }) },
  { id: 'pct-low', group: 'Extra-rural', label: 'Travel, distance, low density count from percentile', unit: '%', step: 1, get: (s) => s.extraRural.percentileLow, set: (s, v) => er(s, { percentileLow: num(v) }) },
  { id: 'pct-high', group: 'Extra-rural', label: 'and count in full at percentile', unit: '%', step: 1, get: (s) => s.extraRural.percentileHigh, set: (s, v) => er(s, { percentileHigh: num(v) }) },
  { id: 'wait-users', group: 'Extra-rural', label: 'Waiting full at', unit: 'people', step: 1, get: (s) => s.extraRural.waitingUsersFull, set: (s, v) => er(s, { waitingUsersFull: num(v) }) },
  { id: 'wait-hours', group: 'Extra-rural', label: 'or at waiting hours', unit: 'h/wk', step: 1, get: (s) => s.extraRural.waitingHoursFull, set: (s, v) => er(s, { waitingHoursFull: num(v) }) },
  {
    id: 'privacy-minimum', group: 'Privacy', label: 'Withhold unit figures below', unit: 'users', step: 1,
    get: (s) => s.privacyMinimumUsers, set: (s, v) => ({ ...s, privacyMinimumUsers: num(v) }),
  },
];

/** Field id -> what is wrong with it; empty when the settings can be used. */
export function settingsErrors(s: ScoreSettings): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of NUMBER_FIELDS) {
    const v = f.get(s);
    if (v !== null && !(v >= 0)) errors[f.id] = 'must not be negative';
  }
  const check = (ok: boolean, id: string, message: string) => {
    if (!ok && !errors[id]) errors[id] = message;
  };
  const e = s.extraRural;
  check(s.weeksPerYear > 0 && s.weeksPerYear <= 53, 'weeks', 'between 0 and 53');
  check(s.travel.circuityFactor >= 1, 'circuity', 'at least 1 (roads are never shorter than a straight line)');
  for (const [id, v] of [['speed-urban', s.travel.speedKmh[0]], ['speed-town', s.travel.speedKmh[1]], ['speed-village', s.travel.speedKmh[2]]] as const) {
    check(v > 0, id, 'must be above 0');
  }
  const shares = s.visitTravel.bandShares;
  check(shares.morning + shares.lunch + shares.tea + shares.bed > 0, 'band-morning', 'at least one band must have visits');
  check(s.visitTravel.rotaFactor > 0, 'rota-factor', 'must be above 0');
  const { ruralShareMin: rmin, ruralShareMax: rmax, reachMinutes } = s.rules;
  check(rmax === null || rmax <= 1, 'rural-max', 'at most 100%');
  check(rmin === null || rmax === null || rmin <= rmax, 'rural-min', 'must not exceed the maximum');
  check(reachMinutes === null || reachMinutes > 0, 'reach', 'must be above 0');
  for (const id of ['switch-on', 'switch-off', 'town-score', 'village-score', 'sparse-bonus']) {
    const f = NUMBER_FIELDS.find((x) => x.id === id)!;
    check(f.get(s)! <= 1, id, 'a score from 0 to 1');
  }
  check(e.switchOff <= e.switchOn, 'switch-off', 'must not exceed switch-on');
  const w = e.weights;
  check(w.rurality + w.travel + w.distance + w.density + w.waiting > 0, 'w-rurality', 'at least one weight must be above 0');
  check(e.percentileHigh <= 100, 'pct-high', 'a percentile, at most 100');
  check(e.percentileLow < e.percentileHigh, 'pct-high', 'must be above "count from"');
  check(e.waitingUsersFull > 0, 'wait-users', 'must be above 0');
  check(e.waitingHoursFull > 0, 'wait-hours', 'must be above 0');
  check(Number.isInteger(s.privacyMinimumUsers) && s.privacyMinimumUsers >= 1 && s.privacyMinimumUsers <= 100, 'privacy-minimum', 'a whole number from 1 to 100');
  return errors;
}
