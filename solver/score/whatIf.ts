// What if a new package started in a unit: would the place switch to the
// extra-rural rate, and what would it cost? The flags are worked out again with the
// package added to a copy of the demand (the data themselves are not touched), so
// the answer follows exactly the rules the flags follow, hysteresis included. This
// is the contract's switch-on rule: a new package in a place with no service before
// is a new area, waiting until a provider takes it.
import { demandWithUser, type UnitIndex } from '../model';
import type { ScoreContext } from './context';
import { detectExtraRural, explainUnit, scorePlaces, type ExtraRuralCriteria } from './extraRural';
import { rateReason, unitRates } from './rates';
import type { Pounds, PoundsPerHour } from './settings';
import { MAX_VISITS_PER_WEEK } from '../visitPattern';
import { prepareVisitTravel } from './visitTravel';

export interface NewPackage {
  hours: number;
  carers: 1 | 2;
  /** No provider found yet: a new package usually is. */
  waiting: boolean;
  /** Visits a week; the default for the hours when not given. */
  visitsPerWeek?: number | null;
}

export interface PackageWhatIf {
  unit: UnitIndex;
  /** The place had no hours before: the package starts a new area. */
  newArea: boolean;
  wasFlagged: boolean;
  flagged: boolean;
  score: number;
  criteria: ExtraRuralCriteria;
  /** The place's figures in words with the package, e.g. "village", "31 min travel per contact hour (top 4%)". */
  reasons: string[];
  /** Hourly rate the package would be paid at, under the county's rate scheme. */
  rate: PoundsPerHour;
  /** Why it is that rate, in words: "Band 3: 7.4 miles from Swaffham", "Extra-rural: rural rate + 5%". */
  rateReason: string;
  /** The package a year at that rate. */
  annualCost: Pounds;
  /** Of which the extra-rural uplift over the rate the place would have unflagged. */
  packageUplift: Pounds;
  /** The uplift a year on the place's other hours, when the package switches the place on. */
  placeUplift: Pounds;
  /** Minutes of travel between visits per contact hour in the place with the package. */
  minutesPerContactHour: number;
  /** What the place's travel between visits costs a year more with the package. */
  travelCost: Pounds;
}

/**
 * The flags of `ctx` (the county as it stands) with one more package in unit u;
 * `previousFlags` are the flags as they stand, for hysteresis. Base distances do not
 * depend on demand, so only travel between visits and the places' scores are worked out again.
 */
export function whatIfPackage(ctx: ScoreContext, previousFlags: Uint8Array, u: UnitIndex, pkg: NewPackage): PackageWhatIf {
  const { model, settings } = ctx;
  if (!(u >= 0 && u < model.units.count)) throw new RangeError(`no unit ${u}`);
  if (!(pkg.hours > 0)) throw new RangeError('a package needs weekly hours above 0');
  if (pkg.visitsPerWeek != null && !(pkg.visitsPerWeek >= 1 && pkg.visitsPerWeek <= MAX_VISITS_PER_WEEK)) {
    throw new RangeError(`a package has at least one visit a week and at most ${MAX_VISITS_PER_WEEK}`);
  }
  const withPackage = { ...model, demand: demandWithUser(model.demand, u, pkg) };
  const visitTravel = prepareVisitTravel(withPackage, settings);
  const places = { ...ctx, model: withPackage, visitTravel };
  const after: ScoreContext = { ...places, extraRuralPlaces: scorePlaces(places) };
  const result = detectExtraRural(after, previousFlags);
  const flag = result.flags.find((f) => f.unit === u);
  const explained = flag ?? explainUnit(after, u);
  // Priced as scoring prices it (one mechanism for every scheme: class, bands, flat),
  // with the flags the package leads to; the uplift is over the place's unflagged rate.
  const rates = unitRates(withPackage, settings, result.flagged, ctx.centreDistances);
  const rate = rates.rate[u];
  const upliftPerHour = flag ? rate - rates.baseRate[u] : 0;
  const { weeksPerYear } = settings;
  const wasFlagged = previousFlags[u] === 1;
  // The place's travel a year: minutes a week = per contact hour x hours, in tour km, at the unit's cost per km.
  const costOf = (c: ScoreContext) => {
    const perHour = c.visitTravel.placeMinutesPerContactHour[u];
    const hours = c.model.demand.hours[u];
    return hours > 0 && perHour > 0 ? ((perHour * hours) / c.visitTravel.minutesPerKm[u]) * c.visitTravel.costPerKm[u] : 0;
  };
  return {
    unit: u,
    newArea: !(model.demand.hours[u] > 0),
    wasFlagged,
    flagged: flag !== undefined,
    score: result.score[u],
    criteria: explained.criteria,
    reasons: explained.reasons,
    rate,
    rateReason: rateReason(withPackage, rates, u),
    annualCost: pkg.hours * rate * weeksPerYear,
    packageUplift: pkg.hours * upliftPerHour * weeksPerYear,
    placeUplift: !wasFlagged ? model.demand.hours[u] * upliftPerHour * weeksPerYear : 0,
    minutesPerContactHour: after.visitTravel.placeMinutesPerContactHour[u],
    travelCost: costOf(after) - costOf(ctx),
  };
}
