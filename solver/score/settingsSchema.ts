// The allowed range of every ScoreSettings value, checked wherever settings
// come in: a project file, the autosave, the settings form, the CLI. A value a
// file lacks takes its default (files from before a setting still open).
// Adding a setting: one line in its section below,
//   name: withDefault(range(min, max, { unit }), D.section.name),
// and the compile-time check at the end fails until a new field has its line.
import * as v from 'valibot';
import { flag, listOf, nullableRange, oneOf, ordered, parseWith, range, record, text, withDefault } from '../schema';
import { DEFAULT_SCORE_SETTINGS as D, type ScoreSettings } from './settings';

const share = (fallback: number) => withDefault(range(0, 1), fallback);
const score = (fallback: number) => withDefault(range(0, 1), fallback);
const weight = (fallback: number) => withDefault(range(0, 100), fallback);
const poundsPerHour = (fallback: number) => withDefault(range(0, 500, { unit: '£/h', exclusiveMin: true }), fallback);
const speed = (fallback: number) => withDefault(range(0, 130, { unit: 'km/h', exclusiveMin: true }), fallback);
/** A group of settings; a file without the whole group gets its defaults. */
const section = <E extends v.ObjectEntries>(entries: E, fallback: unknown) => v.optional(record(entries), () => structuredClone(fallback) as never);

const E = D.extraRural;

/** Distance bands: 1 to 50, starting at 0 miles, each starting above the one before. */
const bandList = v.pipe(
  listOf(record({ fromMiles: range(0, 1000, { unit: 'miles' }), rate: range(0, 500, { unit: '£/h', exclusiveMin: true }) }), 1, 50),
  v.check(
    (bands) => bands[0].fromMiles === 0 && bands.every((b, i) => i === 0 || b.fromMiles > bands[i - 1].fromMiles),
    (issue) => `must start at 0 miles and rise band by band, found ${(issue.input as Array<{ fromMiles: number }>).map((b) => b.fromMiles).join(', ')} miles`,
  ),
);
export const SCORE_SETTINGS_SCHEMA = v.pipe(
  record({
    rates: section({
      urban: poundsPerHour(D.rates.urban),
      rural: poundsPerHour(D.rates.rural),
      extraRuralUpliftPct: withDefault(range(0, 200, { unit: '%' }), D.rates.extraRuralUpliftPct),
      extraRuralRate: withDefault(nullableRange(0, 500, { unit: '£/h', exclusiveMin: true }), D.rates.extraRuralRate),
      scheme: withDefault(oneOf(['class', 'bands', 'flat']), D.rates.scheme),
      flat: poundsPerHour(D.rates.flat),
      bands: withDefault(bandList, D.rates.bands),
      centreSource: withDefault(oneOf(['towns', 'points']), D.rates.centreSource),
      centres: withDefault(listOf(record({ name: text(200), lon: range(-180, 180, { unit: '°' }), lat: range(-90, 90, { unit: '°' }) })), D.rates.centres),
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
    providerModel: section({
      kind: withDefault(oneOf(['lead', 'framework', 'principal']), D.providerModel.kind),
      frameworkProviders: withDefault(range(1, 20, { integer: true, unit: 'providers' }), D.providerModel.frameworkProviders),
      principalShare: withDefault(range(0.05, 0.95), D.providerModel.principalShare),
      principalFrameworkProviders: withDefault(range(0, 20, { integer: true, unit: 'providers' }), D.providerModel.principalFrameworkProviders),
      healthyMinHours: withDefault(range(0, 100_000, { unit: 'h/week' }), D.providerModel.healthyMinHours),
      healthyMaxHours: withDefault(range(0, 100_000, { unit: 'h/week', exclusiveMin: true }), D.providerModel.healthyMaxHours),
    }, D.providerModel),
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
  ordered(['providerModel', 'healthyMinHours'], ['providerModel', 'healthyMaxHours'], (a, b) => a < b, 'be below'),
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
