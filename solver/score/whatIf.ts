// What if a new package started in a unit: would the place switch to the
// extra-rural rate, and what would it cost? The county is scored again with the
// package added to a copy of the demand (the data themselves are not touched), so
// the answer follows exactly the rules the flags follow, hysteresis included. This
// is the contract's switch-on rule: a new package in a place with no service before
// is a new area, waiting until a provider takes it.
import { addUserDemand, Rurality, type CountyModel, type UnitIndex } from '../model';
import { prepareScoring } from './context';
import { detectExtraRural, explainUnit, type ExtraRuralCriteria } from './extraRural';
import { extraRuralRate, type Pounds, type PoundsPerHour, type ScoreSettings } from './settings';

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
  /** Hourly rate the package would be paid at. */
  rate: PoundsPerHour;
  /** The package a year at that rate. */
  annualCost: Pounds;
  /** Of which the extra-rural uplift over the rural rate. */
  packageUplift: Pounds;
  /** The uplift a year on the place's other hours, when the package switches the place on. */
  placeUplift: Pounds;
  /** Minutes of travel between visits per contact hour in the place with the package. */
  minutesPerContactHour: number;
  /** What the place's travel between visits costs a year more with the package. */
  travelCost: Pounds;
}

/** Scores `model` with one more package in unit u; `previousFlags` are the flags as they stand. */
export function whatIfPackage(model: CountyModel, settings: ScoreSettings, previousFlags: Uint8Array, u: UnitIndex, pkg: NewPackage): PackageWhatIf {
  if (!(u >= 0 && u < model.units.count)) throw new RangeError(`no unit ${u}`);
  if (!(pkg.hours > 0)) throw new RangeError('a package needs weekly hours above 0');
  const d = model.demand;
  const demand = {
    users: d.users.slice(), hours: d.hours.slice(), doubleHandedHours: d.doubleHandedHours.slice(),
    waitingUsers: d.waitingUsers.slice(), waitingHours: d.waitingHours.slice(), visits: d.visits.slice(), bandVisits: d.bandVisits.slice(),
  };
  addUserDemand(demand, u, pkg);
  const before = prepareScoring(model, settings);
  const after = prepareScoring({ ...model, demand }, settings);
  const result = detectExtraRural(after, previousFlags);
  const flagged = result.flagged[u] === 1;
  const explained = explainUnit(after, u);
  const held = result.flags.find((f) => f.unit === u)?.heldByHysteresis ?? false;
  const { rates, weeksPerYear } = settings;
  const upliftPerHour = extraRuralRate(rates) - rates.rural;
  const rate = flagged ? extraRuralRate(rates) : model.units.rurality[u] === Rurality.Urban ? rates.urban : rates.rural;
  const wasFlagged = previousFlags[u] === 1;
  // The place's travel cost a year: minutes a week = per contact hour x hours, in tour km, at the unit's cost per km.
  const costOf = (ctx: typeof before) => {
    const perHour = ctx.visitTravel.placeMinutesPerContactHour[u];
    const hours = ctx.model.demand.hours[u];
    return hours > 0 && perHour > 0 ? ((perHour * hours) / ctx.visitTravel.minutesPerKm[u]) * ctx.visitTravel.costPerKm[u] : 0;
  };
  return {
    unit: u,
    newArea: !(d.hours[u] > 0),
    wasFlagged,
    flagged,
    score: result.score[u],
    criteria: explained.criteria,
    reasons: held ? [...explained.reasons, `kept on: score ${result.score[u].toFixed(2)} is not below switch-off ${settings.extraRural.switchOff}`] : explained.reasons,
    rate,
    annualCost: pkg.hours * rate * weeksPerYear,
    packageUplift: flagged ? pkg.hours * upliftPerHour * weeksPerYear : 0,
    placeUplift: flagged && !wasFlagged ? d.hours[u] * upliftPerHour * weeksPerYear : 0,
    minutesPerContactHour: after.visitTravel.placeMinutesPerContactHour[u],
    travelCost: costOf(after) - costOf(before),
  };
}
