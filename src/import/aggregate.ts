// Placed service users -> demand per unit, and the unit of each user.
//
// Rurality of units that had no RUC11 code in their boundary file (hexagons,
// or polygons without the property) is set here, in this order:
//  1. "postcodes": the most common ONS RUC11 code (ru11ind) among the unit's
//     users' postcodes, when the postcode lookup carries one;
//  2. "density": otherwise from service users per km². Home-care users are
//     about 0.33% of the population (Lincolnshire: 2,500 of 761,000), so
//     3 users/km² is roughly 900 people/km² (a town) and 0.6 users/km² about
//     180 people/km² (fringe of a town / large village). At or above
//     urbanUsersPerKm2 -> urban; at or above ruralTownUsersPerKm2 -> rural
//     town and fringe; below (including no users) -> rural village and
//     dispersed. Density never marks a unit "sparse".
import { addUserDemand, asUnit, emptyDemand, Rurality, type Demand, type Units } from '../../solver/model';
import { ruralityFromRuc } from '../model/rurality';
import type { Geocoded } from './geocode';
import { unitOfLsoa, unitsById, type UnitLocator } from './locate';
import { ProblemList, type Problem } from './problems';
import type { ServiceUser } from './users';
import { USERS_FILE } from './users';

export interface DensityRule {
  urbanUsersPerKm2: number;
  ruralTownUsersPerKm2: number;
}

export const DEFAULT_DENSITY_RULE: DensityRule = { urbanUsersPerKm2: 3, ruralTownUsersPerKm2: 0.6 };

/** How each unit's rurality was decided. */
export const RuralitySource = { UnitRuc: 0, PostcodeRuc: 1, Density: 2 } as const;
export type RuralitySource = (typeof RuralitySource)[keyof typeof RuralitySource];

export interface Aggregated {
  demand: Demand;
  /** Unit index of each user (same order as the users given), -1 when not in any unit. */
  unitOfUser: Int32Array;
  /** The units with rurality, sparse and ruc filled in where they were unknown. */
  units: Units;
  ruralitySource: Uint8Array;
  /** 1 for users whose point was outside every unit and who were counted in the nearest one. */
  snapped: Uint8Array;
  /** Users counted in the unit their postcode lookup row's LSOA code names (not by their point). */
  byLookupLsoa: number;
  problems: Problem[];
}

export interface AggregateInput {
  units: Units;
  /** 1 for units whose rurality came from their own RUC11 code. */
  rucKnown: Uint8Array;
  locator: UnitLocator;
  users: readonly ServiceUser[];
  geocoded: Geocoded;
  densityRule?: DensityRule;
  /** Header of the postcode column, to label problems. */
  postcodeColumn?: string;
}

function densityRurality(users: number, areaKm2: number, rule: DensityRule): Rurality {
  const density = areaKm2 > 0 ? users / areaKm2 : 0;
  if (density >= rule.urbanUsersPerKm2) return Rurality.Urban;
  if (density >= rule.ruralTownUsersPerKm2) return Rurality.RuralTown;
  return Rurality.RuralVillage;
}

export function aggregate(input: AggregateInput): Aggregated {
  const { units, users, geocoded } = input;
  const rule = input.densityRule ?? DEFAULT_DENSITY_RULE;
  const problems = new ProblemList(USERS_FILE);
  const n = units.count;
  const demand = emptyDemand(n);
  const unitOfUser = new Int32Array(users.length).fill(-1);
  // RUC11 votes per unit from users' postcodes: unit -> code -> users.
  const votes = new Map<number, Map<string, number>>();
  const snapped = new Uint8Array(users.length);
  const byId = unitsById(units.ids);
  let byLookupLsoa = 0;

  users.forEach((user, k) => {
    if (geocoded.placement[k] === 'none') return;
    const named = unitOfLsoa(byId, geocoded.lsoa[k]);
    if (named >= 0) byLookupLsoa++;
    const located = named >= 0 ? { unit: named, snappedKm: 0 } : input.locator.locate(geocoded.lon[k], geocoded.lat[k]);
    const unit = asUnit(located.unit);
    const { snappedKm } = located;
    if (unit < 0) {
      problems.error(user.row, input.postcodeColumn ?? 'postcode', user.postcode ?? `${geocoded.lat[k]},${geocoded.lon[k]}`,
        'Outside every unit (not in the area being zoned)');
      return;
    }
    if (snappedKm > 0) {
      snapped[k] = 1;
      problems.warning(user.row, input.postcodeColumn ?? 'postcode', user.postcode ?? '',
        `Just outside every unit; counted in the nearest, ${units.ids[unit]} (${snappedKm.toFixed(2)} km away)`);
    }
    unitOfUser[k] = unit;
    addUserDemand(demand, unit, {
      hours: user.weeklyHours, carers: user.carers, waiting: user.waiting, visitsPerWeek: user.visitsPerWeek, bands: user.bands,
    });
    const code = geocoded.ruc[k];
    if (code && !input.rucKnown[unit]) {
      let m = votes.get(unit);
      if (!m) votes.set(unit, (m = new Map()));
      m.set(code, (m.get(code) ?? 0) + 1);
    }
  });

  const rurality = units.rurality.slice();
  const sparse = units.sparse.slice();
  const ruc = units.ruc.slice();
  const ruralitySource = new Uint8Array(n);
  for (let u = 0; u < n; u++) {
    if (input.rucKnown[u]) continue;
    // Most common code; ties go to the alphabetically later (more rural) code.
    const modal = [...(votes.get(u) ?? new Map<string, number>()).entries()]
      .filter(([code]) => ruralityFromRuc(code) !== null)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))[0];
    if (modal) {
      const r = ruralityFromRuc(modal[0])!;
      rurality[u] = r.rurality;
      sparse[u] = r.sparse ? 1 : 0;
      ruc[u] = modal[0].toUpperCase();
      ruralitySource[u] = RuralitySource.PostcodeRuc;
    } else {
      rurality[u] = densityRurality(demand.users[u], units.areaKm2[u], rule);
      sparse[u] = 0;
      ruc[u] = '';
      ruralitySource[u] = RuralitySource.Density;
    }
  }
  return {
    demand, unitOfUser, units: { ...units, rurality, sparse, ruc }, ruralitySource, snapped, byLookupLsoa, problems: problems.items,
  };
}
