// The allowed range of every ScoreSettings value, checked wherever settings
// come in: a project file, the autosave, the settings form, the CLI. A value a
// file lacks takes its default (files from before a setting still open).
// Adding a setting: one line in its section below,
//   name: withDefault(range(min, max, { unit }), D.section.name),
// and the compile-time check at the end fails until a new field has its line.
import * as v from 'valibot';
import { flag, nullableRange, ordered, parseWith, range, record, withDefault } from '../schema';
import { DEFAULT_SCORE_SETTINGS as D, type ScoreSettings } from './settings';

const share = (fallback: number) => withDefault(range(0, 1), fallback);
const score = (fallback: number) => withDefault(range(0, 1), fallback);
const weight = (fallback: number) => withDefault(range(0, 100), fallback);
const poundsPerHour = (fallback: number) => withDefault(range(0, 500, { unit: '£/h', exclusiveMin: true }), fallback);
const speed = (fallback: number) => withDefault(range(0, 130, { unit: 'km/h', exclusiveMin: true }), fallback);
/** A group of settings; a file without the whole group gets its defaults. */
const section = <E extends v.ObjectEntries>(entries: E, fallback: unknown) => v.optional(record(entries), () => structuredClone(fallback) as never);

const E = D.extraRural;

export const SCORE_SETTINGS_SCHEMA = v.pipe(
  record({
    rates: section({
      urban: poundsPerHour(D.rates.urban),
      rural: poundsPerHour(D.rates.rural),
      extraRuralUpliftPct: withDefault(range(0, 200, { unit: '%' }), D.rates.extraRuralUpliftPct),
      extraRuralRate: withDefault(nullableRange(0, 500, { unit: '£/h', exclusiveMin: true }), D.rates.extraRuralRate),
    }, D.rates),
    weeksPerYear: withDefault(range(0, 53, { unit: 'weeks', exclusiveMin: true }), D.weeksPerYear),
    travel: section({
      circuityFactor: withDefault(range(1, 5), D.travel.circuityFactor),
      speedKmh: section({ 0: speed(D.travel.speedKmh[0]), 1: speed(D.travel.speedKmh[1]), 2: speed(D.travel.speedKmh[2]) }, D.travel.speedKmh),
    }, D.travel),
    visitTravel: section({
      bandShares: section({
        morning: share(D.visitTravel.bandShares.morning),
        lunch: share(D.visitTravel.bandShares.lunch),
        tea: share(D.visitTravel.bandShares.tea),
        bed: share(D.visitTravel.bandShares.bed),
      }, D.visitTravel.bandShares),
      rotaFactor: withDefault(range(0, 20, { exclusiveMin: true }), D.visitTravel.rotaFactor),
      carerPayPerHour: withDefault(range(0, 500, { unit: '£/h' }), D.visitTravel.carerPayPerHour),
      mileagePerMile: withDefault(range(0, 10, { unit: '£/mile' }), D.visitTravel.mileagePerMile),
    }, D.visitTravel),
    rules: section({
      // null: from the county's data (rulesFromSettings).
      hoursTolerancePct: withDefault(nullableRange(0, 100, { unit: '%' }), D.rules.hoursTolerancePct),
      zoneHoursMin: withDefault(nullableRange(0, 100_000, { unit: 'h/week' }), D.rules.zoneHoursMin),
      reachMinutes: withDefault(nullableRange(0, 600, { unit: 'minutes', exclusiveMin: true }), D.rules.reachMinutes),
      ruralShareMin: withDefault(nullableRange(0, 1), D.rules.ruralShareMin),
      ruralShareMax: withDefault(nullableRange(0, 1), D.rules.ruralShareMax),
      checkCapacity: withDefault(flag(), D.rules.checkCapacity),
    }, D.rules),
    extraRural: section({
      weights: section({
        rurality: weight(E.weights.rurality),
        travel: weight(E.weights.travel),
        distance: weight(E.weights.distance),
        density: weight(E.weights.density),
        waiting: weight(E.weights.waiting),
      }, E.weights),
      switchOn: score(E.switchOn),
      switchOff: score(E.switchOff),
      ruralTownScore: score(E.ruralTownScore),
      ruralVillageScore: score(E.ruralVillageScore),
      sparseBonus: score(E.sparseBonus),
      percentileLow: withDefault(range(0, 100, { unit: 'percentile' }), E.percentileLow),
      percentileHigh: withDefault(range(0, 100, { unit: 'percentile' }), E.percentileHigh),
      waitingUsersFull: withDefault(range(0, 100_000, { unit: 'people', exclusiveMin: true }), E.waitingUsersFull),
      waitingHoursFull: withDefault(range(0, 1_000_000, { unit: 'h/week', exclusiveMin: true }), E.waitingHoursFull),
    }, E),
    difficulty: section({
      weights: section({
        travel: weight(D.difficulty.weights.travel),
        rurality: weight(D.difficulty.weights.rurality),
        waiting: weight(D.difficulty.weights.waiting),
        capacity: weight(D.difficulty.weights.capacity),
        providers: weight(D.difficulty.weights.providers),
      }, D.difficulty.weights),
    }, D.difficulty),
    privacyMinimumUsers: withDefault(range(1, 100, { integer: true, unit: 'service users' }), D.privacyMinimumUsers),
  }),
  ordered(['rules', 'ruralShareMin'], ['rules', 'ruralShareMax'], (a: number | null, b: number | null) => a === null || b === null || a <= b, 'not be above'),
  ordered(['extraRural', 'switchOff'], ['extraRural', 'switchOn'], (a, b) => a <= b, 'not be above'),
  ordered(['extraRural', 'percentileLow'], ['extraRural', 'percentileHigh'], (a, b) => a < b, 'be below'),
);

// The schema gives exactly a ScoreSettings: a setting without its line here fails to build.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesSettings: Same<v.InferOutput<typeof SCORE_SETTINGS_SCHEMA>, ScoreSettings> = true;
void schemaMatchesSettings;

/** Settings from a file or form, checked; throws a SchemaError naming each bad field and its range. */
export function readScoreSettings(value: unknown, root = 'settings'): ScoreSettings {
  return parseWith(SCORE_SETTINGS_SCHEMA, value ?? {}, root);
}
