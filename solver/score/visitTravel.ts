// Travel between visits: the cost councils fund. Carers chain the visits of one call
// band, so each day and band the visits of a zone form a tour. Its length follows
// the Beardwood-Halton-Hammersley law: a shortest tour through n points spread with
// density f is about beta x the integral of sqrt(f); over units of constant density
// that is beta x the sum of n_u / sqrt(f_u), unit by unit.
//
// A unit's density is its visits over its catchment (the unit plus the units without
// visits nearest to it: fields between villages must be crossed), or, when higher,
// the density of it and its same-zone edge neighbours together: the visits of a thin
// unit beside a town link to the town's visits. So a move changes the figures of the
// unit and its neighbours only: O(degree) per move. Checked against tours built on
// the users' own points (test/unit/score/visitTravel.test.ts).
import { asUnit, type CountyModel, type UnitIndex } from '../model';
import { minutesPerMetre } from '../travel';
import { BAND_COUNT, CALL_BANDS } from '../visitPattern';
import type { ScoreSettings, VisitTravelSettings } from './settings';
import { METRES_PER_MILE } from './rates';

/**
 * Tour constant beta. The published asymptotic value is 0.7124 (Percus and Martin 1996,
 * uniform points); nearest-neighbour + 2-opt tours through the tens to hundreds of
 * visits a zone has in a band are longer. 0.90 makes the largest error over both
 * example counties' zones smallest (docs/SCORING.md).
 */
export const TOUR_CONSTANT = 0.9;

const DAYS = 7;

/** What travel between visits needs to know of each unit, whatever the plan. */
export interface VisitTravelContext {
  /** Visits a day in each band, at [unit * BAND_COUNT + band]. */
  perDay: Float64Array;
  /** Area the unit's visits are spread over: the unit and the units without visits nearest to it, km². */
  catchmentKm2: Float64Array;
  /** Road metres, driving minutes and £ a year per km of shortest straight-line tour a week, per unit. */
  metresPerKm: number;
  minutesPerKm: Float64Array;
  costPerKm: Float64Array;
  /**
   * The place's minutes of travel per contact hour, whatever the plan: the unit's
   * density or that of it with all its edge neighbours, whichever is higher. NaN with no hours.
   */
  placeMinutesPerContactHour: Float64Array;
}

/** Visits a week of unit u in each band: those with a known band, plus the rest by the settings' shares. */
export function bandVisitsOf(model: CountyModel, settings: VisitTravelSettings, u: UnitIndex, out = new Float64Array(BAND_COUNT)): Float64Array {
  const { visits, bandVisits } = model.demand;
  const shares = CALL_BANDS.map((b) => Math.max(0, settings.bandShares[b]));
  const shareTotal = shares.reduce((a, b) => a + b, 0);
  let known = 0;
  for (let b = 0; b < BAND_COUNT; b++) known += bandVisits[u * BAND_COUNT + b];
  const rest = Math.max(0, visits[u] - known);
  for (let b = 0; b < BAND_COUNT; b++) {
    const share = shareTotal > 0 ? shares[b] / shareTotal : 1 / BAND_COUNT;
    out[b] = bandVisits[u * BAND_COUNT + b] + rest * share;
  }
  return out;
}

/**
 * Each unit with visits, plus the units without visits that are nearer to it than to
 * any other unit with visits (in steps over the unit adjacency). Empty units that no
 * unit with visits reaches keep their own area.
 */
export function catchmentAreas(model: CountyModel): Float64Array {
  const { count, areaKm2, adjacency } = model.units;
  const { offsets, neighbours } = adjacency;
  const owner = new Int32Array(count).fill(-1);
  const queue = new Int32Array(count);
  let tail = 0;
  for (let u = 0; u < count; u++) {
    if (model.demand.visits[u] > 0) {
      owner[u] = u;
      queue[tail++] = u;
    }
  }
  // Breadth first from every unit with visits at once: each empty unit goes to the first to reach it.
  for (let head = 0; head < tail; head++) {
    const u = queue[head];
    for (let k = offsets[u]; k < offsets[u + 1]; k++) {
      const v = neighbours[k];
      if (owner[v] >= 0) continue;
      owner[v] = owner[u];
      queue[tail++] = v;
    }
  }
  const out = new Float64Array(count);
  for (let u = 0; u < count; u++) out[owner[u] >= 0 ? owner[u] : u] += areaKm2[u];
  return out;
}

export function prepareVisitTravel(model: CountyModel, settings: ScoreSettings): VisitTravelContext {
  const n = model.units.count;
  const { hours, doubleHandedHours } = model.demand;
  const vt = settings.visitTravel;
  const perDay = new Float64Array(n * BAND_COUNT);
  const bands = new Float64Array(BAND_COUNT);
  for (let u = asUnit(0); u < n; u++) {
    if (!(model.demand.visits[u] > 0)) continue;
    bandVisitsOf(model, vt, u, bands);
    for (let b = 0; b < BAND_COUNT; b++) perDay[u * BAND_COUNT + b] = bands[b] / DAYS;
  }
  const metresPerKm = settings.travel.circuityFactor * vt.rotaFactor * 1000;
  const minutesPerKm = new Float64Array(n);
  const costPerKm = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    minutesPerKm[u] = metresPerKm * minutesPerMetre(model.units.rurality[u] as 0 | 1 | 2, settings.travel);
    // Both carers of a double-handed visit drive and are paid.
    const carers = hours[u] > 0 ? 1 + doubleHandedHours[u] / hours[u] : 1;
    costPerKm[u] = carers * ((minutesPerKm[u] / 60) * vt.carerPayPerHour + (metresPerKm / METRES_PER_MILE) * vt.mileagePerMile) * settings.weeksPerYear;
  }
  const catchmentKm2 = catchmentAreas(model);
  const vc: VisitTravelContext = { perDay, catchmentKm2, metresPerKm, minutesPerKm, costPerKm, placeMinutesPerContactHour: new Float64Array(n) };
  vc.placeMinutesPerContactHour = placeTravel(model, vc);
  return vc;
}

/** Minutes per contact hour of each unit with all its edge neighbours as its neighbourhood. */
function placeTravel(model: CountyModel, vc: VisitTravelContext): Float64Array {
  const n = model.units.count;
  const { offsets, neighbours, sharedKm } = model.units.adjacency;
  const nearVisits = new Float64Array(n * BAND_COUNT);
  const out = new Float64Array(n).fill(NaN);
  for (let u = asUnit(0); u < n; u++) {
    const hours = model.demand.hours[u];
    if (!(hours > 0)) continue;
    let area = vc.catchmentKm2[u];
    for (let b = 0; b < BAND_COUNT; b++) nearVisits[u * BAND_COUNT + b] = vc.perDay[u * BAND_COUNT + b];
    for (let k = offsets[u]; k < offsets[u + 1]; k++) {
      const v = neighbours[k];
      if (v === u || !(sharedKm[k] > 0)) continue;
      for (let b = 0; b < BAND_COUNT; b++) nearVisits[u * BAND_COUNT + b] += vc.perDay[v * BAND_COUNT + b];
      area += vc.catchmentKm2[v];
    }
    out[u] = (tourKm(vc, u, nearVisits, area) * vc.minutesPerKm[u]) / hours;
  }
  return out;
}

/** Tour km a week of unit u's visits: beta x sum over days and bands of n / sqrt(density). */
function tourKm(vc: VisitTravelContext, u: UnitIndex, nearVisits: Float64Array, nearArea: number): number {
  const area = vc.catchmentKm2[u];
  if (!(area > 0)) return 0;
  let km = 0;
  for (let b = 0; b < BAND_COUNT; b++) {
    const n = vc.perDay[u * BAND_COUNT + b];
    if (!(n > 0)) continue;
    const density = Math.max(n / area, nearVisits[u * BAND_COUNT + b] / nearArea);
    km += n / Math.sqrt(density);
  }
  return TOUR_CONSTANT * DAYS * km;
}

/** Where a tracker adds each unit's figures: a zone's sums at `offset + field`. */
export interface VisitSums {
  sums: Float64Array;
  stride: number;
  metres: number;
  minutes: number;
  cost: number;
}

/**
 * Each unit's travel between visits under a plan, kept as units move: a unit's
 * neighbourhood (it and its same-zone edge neighbours) and its tour km, and their
 * share of each zone's sums. The caller changes `zoneOf` and calls add / remove.
 */
export class VisitTravelTracker {
  /** Visits a day by band of each unit's neighbourhood, and its area. */
  private readonly nearVisits: Float64Array;
  private readonly nearArea: Float64Array;
  /** Tour km a week of each unit as it stands. */
  readonly tourKm: Float64Array;

  constructor(
    private readonly model: CountyModel,
    readonly vc: VisitTravelContext,
    private readonly zoneOf: Int32Array,
    private readonly out: VisitSums,
  ) {
    const n = model.units.count;
    this.nearVisits = new Float64Array(n * BAND_COUNT);
    this.nearArea = new Float64Array(n);
    this.tourKm = new Float64Array(n);
  }

  /** Every unit has joined its zone of `zoneOf` at once: one pass over the adjacency. */
  addAll(): void {
    const { vc, nearVisits, nearArea, zoneOf } = this;
    const { offsets, neighbours, sharedKm } = this.model.units.adjacency;
    for (let u = asUnit(0); u < zoneOf.length; u++) {
      const z = zoneOf[u];
      if (z < 0) continue;
      for (let b = 0; b < BAND_COUNT; b++) nearVisits[u * BAND_COUNT + b] = vc.perDay[u * BAND_COUNT + b];
      nearArea[u] = vc.catchmentKm2[u];
      for (let k = offsets[u]; k < offsets[u + 1]; k++) {
        const v = neighbours[k];
        if (v === u || zoneOf[v] !== z || !(sharedKm[k] > 0)) continue;
        for (let b = 0; b < BAND_COUNT; b++) nearVisits[u * BAND_COUNT + b] += vc.perDay[v * BAND_COUNT + b];
        nearArea[u] += vc.catchmentKm2[v];
      }
      this.book(u, z, 1);
    }
  }

  /** Unit u has joined zone z (zoneOf[u] is already z). */
  add(u: UnitIndex, z: number): void {
    this.shift(u, z, 1);
  }

  /** Unit u is leaving zone z (zoneOf[u] is still z). */
  remove(u: UnitIndex, z: number): void {
    this.shift(u, z, -1);
  }

  private shift(u: UnitIndex, z: number, sign: 1 | -1): void {
    const { vc, nearVisits, nearArea } = this;
    const { offsets, neighbours, sharedKm } = this.model.units.adjacency;
    const area = vc.catchmentKm2[u];
    if (sign === 1) {
      for (let b = 0; b < BAND_COUNT; b++) nearVisits[u * BAND_COUNT + b] = vc.perDay[u * BAND_COUNT + b];
      nearArea[u] = area;
    } else {
      this.book(u, z, -1);
    }
    for (let k = offsets[u]; k < offsets[u + 1]; k++) {
      const v = neighbours[k];
      if (v === u || this.zoneOf[v] !== z || !(sharedKm[k] > 0)) continue;
      // v's neighbourhood gains or loses u; u's gains v.
      this.book(v, z, -1);
      for (let b = 0; b < BAND_COUNT; b++) nearVisits[v * BAND_COUNT + b] += sign * vc.perDay[u * BAND_COUNT + b];
      nearArea[v] += sign * area;
      this.book(v, z, 1);
      if (sign === 1) {
        for (let b = 0; b < BAND_COUNT; b++) nearVisits[u * BAND_COUNT + b] += vc.perDay[v * BAND_COUNT + b];
        nearArea[u] += vc.catchmentKm2[v];
      }
    }
    if (sign === 1) this.book(u, z, 1);
  }

  /** Adds (1) or takes away (-1) unit u's current figures from zone z's sums; adding first recomputes them. */
  private book(u: UnitIndex, z: number, sign: 1 | -1): void {
    if (sign === 1) this.tourKm[u] = tourKm(this.vc, u, this.nearVisits, this.nearArea[u]);
    const km = this.tourKm[u];
    if (km === 0) return;
    const { sums, stride, metres, minutes, cost } = this.out;
    const o = z * stride;
    sums[o + metres] += sign * km * this.vc.metresPerKm;
    sums[o + minutes] += sign * km * this.vc.minutesPerKm[u];
    sums[o + cost] += sign * km * this.vc.costPerKm[u];
  }
}
