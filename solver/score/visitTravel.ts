// Travel between visits: the cost councils fund. Carers chain the visits of one call
// band, so each day and band the visits of an area form a tour. Its length follows
// the Beardwood-Halton-Hammersley law: a shortest tour through n points spread over
// an area A is about beta * sqrt(n A), and over areas of different density it is
// beta * the sum of sqrt(n_u A_u) over them. Summed unit by unit, a zone's travel is
// the sum of its units' travel, so moving a unit moves its figure in O(1).
//
// The density of a unit is its visits over its catchment: the unit plus the units
// without visits nearest to it. Fields between villages must be crossed, so they
// count; on small units (fine hexagons) this keeps the estimate from shrinking as the
// units do. Checked against tours built on the users' own points (test/unit/score/visitTravel).
import type { CountyModel, UnitIndex } from '../model';
import { minutesPerMetre } from '../travel';
import { BAND_COUNT, CALL_BANDS } from '../visitPattern';
import type { ScoreSettings, VisitTravelSettings } from './settings';

/**
 * Tour constant beta. Published asymptotic value 0.7124 (Percus and Martin 1996, uniform
 * points); tours through tens of visits with zone edges are longer: 0.78 fits
 * nearest-neighbour + 2-opt tours on the users of the embedded county (docs/SCORING.md).
 */
export const TOUR_CONSTANT = 0.78;

const METRES_PER_MILE = 1609.344;
const DAYS = 7;

/** Per-unit travel between visits a week, with the rota factor applied; plan-independent. */
export interface UnitVisitTravel {
  /** Road metres driven between visits a week (one carer per visit). */
  metres: Float64Array;
  /** Driving minutes between visits a week (one carer per visit). */
  minutes: Float64Array;
  /** Pay for travel time plus mileage a year, counting both carers of double-handed visits. */
  annualCost: Float64Array;
  /** Area the unit's visits are spread over: the unit and the units without visits nearest to it, km². */
  catchmentKm2: Float64Array;
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

export function unitVisitTravel(model: CountyModel, settings: ScoreSettings): UnitVisitTravel {
  const n = model.units.count;
  const { hours, doubleHandedHours } = model.demand;
  const vt = settings.visitTravel;
  const catchmentKm2 = catchmentAreas(model);
  const metres = new Float64Array(n);
  const minutes = new Float64Array(n);
  const annualCost = new Float64Array(n);
  const perMetre = [0, 1, 2].map((r) => minutesPerMetre(r as 0 | 1 | 2, settings.travel));
  const scale = TOUR_CONSTANT * settings.travel.circuityFactor * vt.rotaFactor * 1000;
  const bands = new Float64Array(BAND_COUNT);
  for (let u = 0; u < n; u++) {
    if (!(model.demand.visits[u] > 0)) continue;
    bandVisitsOf(model, vt, u, bands);
    // A day's tour in a band through V/7 visits over the catchment: beta sqrt(V/7 * A) km; seven a week.
    let sqrtSum = 0;
    for (let b = 0; b < BAND_COUNT; b++) sqrtSum += Math.sqrt(bands[b]);
    const m = scale * Math.sqrt(DAYS * catchmentKm2[u]) * sqrtSum;
    metres[u] = m;
    minutes[u] = m * perMetre[model.units.rurality[u]];
    const carers = hours[u] > 0 ? 1 + doubleHandedHours[u] / hours[u] : 1;
    annualCost[u] = carers * ((minutes[u] / 60) * vt.carerPayPerHour + (m / METRES_PER_MILE) * vt.mileagePerMile) * settings.weeksPerYear;
  }
  return { metres, minutes, annualCost, catchmentKm2 };
}
