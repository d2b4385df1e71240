// The county model every part of carezones shares: units, their demand, zones,
// provider bases and a plan (unit -> zone). Per-unit data are typed arrays indexed
// by unit so they are compact, fast to score and transferable to a worker.
import { BAND_COUNT, bandsOf, defaultVisitsPerWeek, type BandSet } from './visitPattern';

/** Weekly hours of care. */
export type HoursPerWeek = number;
export type Metres = number;
export type Minutes = number;
/** External id of a unit: an LSOA code, an H3 index, a ward code. */
export type UnitId = string;
/** External id of a zone (lot), e.g. "10". */
export type ZoneId = string;
declare const indexKind: unique symbol;
/**
 * A number branded as an index of one kind: it reads, indexes arrays and does
 * arithmetic as a number, but a plain number (or an index of another kind) is
 * not one until marked with asUnit / asZone / asCell, so the compiler catches a
 * zone index passed where a unit index is expected.
 */
export type IndexOf<K extends string> = number & { readonly [indexKind]: K };
/** Index into a model's unit arrays. */
export type UnitIndex = IndexOf<'unit'>;
/** Index into `CountyModel.zones`; UNASSIGNED when a unit has no zone. */
export type ZoneIndex = IndexOf<'zone'>;
/** Marks a number (a loop counter, a typed-array read, a literal in a test) as a unit or zone index. */
export const asUnit = (i: number) => i as UnitIndex;
export const asZone = (i: number) => i as ZoneIndex;
export const UNASSIGNED: ZoneIndex = asZone(-1);
/** No unit: the far side of a unit's outer edge (coast, county line), a base with no units. */
export const NO_UNIT: UnitIndex = asUnit(-1);
/** Every unit index of a model with `count` units, in order. */
export const allUnits = (count: number): UnitIndex[] => Array.from({ length: count }, (_, u) => u as UnitIndex);

/** Unit indices in a typed array (a unit's neighbours): reading or iterating gives UnitIndex. */
export interface UnitList extends Uint32Array {
  readonly [k: number]: UnitIndex;
  [Symbol.iterator](): ArrayIterator<UnitIndex>;
}

/**
 * Zone indices in a typed array (a unit -> zone table kept by the scorer): reading
 * or iterating gives ZoneIndex, writing takes one. Make one with zoneList.
 */
export interface ZoneList extends Int32Array {
  [k: number]: ZoneIndex;
  [Symbol.iterator](): ArrayIterator<ZoneIndex>;
}
/** A ZoneList for `count` units, every unit UNASSIGNED. */
export const zoneList = (count: number) => new Int32Array(count).fill(UNASSIGNED) as ZoneList;

/**
 * Rurality band of a unit, from the ONS 2011 rural-urban classification
 * (A-C urban, D rural town and fringe, E/F rural village, hamlet and dispersed).
 */
export const Rurality = { Urban: 0, RuralTown: 1, RuralVillage: 2 } as const;
export type Rurality = (typeof Rurality)[keyof typeof Rurality];
export const RURALITY_NAMES: Record<Rurality, string> = {
  0: 'Urban',
  1: 'Rural town and fringe',
  2: 'Rural village and dispersed',
};

/**
 * Unit adjacency graph in compressed sparse row form: the one graph contiguity
 * is judged on (scores' pieces, the optimiser, its verifier). Units are
 * neighbours when they share a border edge (a corner alone does not count), or
 * when a link joins them across water (`links`).
 */
export interface Adjacency {
  /** Neighbours of unit u are neighbours[offsets[u] .. offsets[u + 1]). */
  offsets: Uint32Array;
  neighbours: UnitList;
  /** Shared border length in km, aligned with `neighbours` (0 for a link across water). */
  sharedKm: Float64Array;
  /** Pairs joined with no shared border (islands, the far bank of a river), also listed in `neighbours`. */
  links?: AdjacencyLink[];
}

/** Two units joined across water: no shared border, `km` apart at their nearest. */
export interface AdjacencyLink {
  a: UnitIndex;
  b: UnitIndex;
  km: number;
}

export interface Units {
  count: number;
  ids: UnitId[];
  names: string[];
  /** Representative point (WGS84), used for travel. */
  lon: Float64Array;
  lat: Float64Array;
  areaKm2: Float64Array;
  /** Whole boundary length of the unit, km (for zone perimeters and compactness). */
  perimeterKm: Float64Array;
  rurality: Uint8Array;
  /** 1 when ONS marks the unit "in a sparse setting". */
  sparse: Uint8Array;
  /** Raw ONS RUC11 code ("C1", "E2"), or "" when rurality was derived from density. */
  ruc: string[];
  /** Index into `CountyModel.towns` of the built-up area the unit belongs to, -1 if none. */
  town: Int32Array;
  adjacency: Adjacency;
}

/** Service-user demand aggregated to units. */
export interface Demand {
  users: Float64Array;
  hours: Float64Array;
  /** Hours of packages that need two carers per visit. */
  doubleHandedHours: Float64Array;
  waitingUsers: Float64Array;
  waitingHours: Float64Array;
  /** Visits a week (each of one or two carers). */
  visits: Float64Array;
  /**
   * Visits a week whose call band the users file gave, at [unit * BAND_COUNT + band];
   * the rest of a unit's visits are spread over the bands by the settings' shares.
   */
  bandVisits: Float64Array;
}

export interface Zone {
  id: ZoneId;
  name: string;
  /** CSS colour; the map picks one when absent. */
  colour?: string;
}

export interface Base {
  id: string;
  name: string;
  lon: number;
  lat: number;
  capacityHours: HoursPerWeek;
  zone: ZoneIndex;
}

export interface Town {
  name: string;
  lon: number;
  lat: number;
}

export interface CountyModel {
  units: Units;
  demand: Demand;
  zones: Zone[];
  bases: Base[];
  towns: Town[];
}

/** A plan assigns each unit a zone index (or UNASSIGNED). */
export interface Plan {
  zoneOf: Int32Array;
}

export function emptyDemand(count: number): Demand {
  return {
    users: new Float64Array(count),
    hours: new Float64Array(count),
    doubleHandedHours: new Float64Array(count),
    waitingUsers: new Float64Array(count),
    waitingHours: new Float64Array(count),
    visits: new Float64Array(count),
    bandVisits: new Float64Array(count * BAND_COUNT),
  };
}

/** One service user's package, as it counts towards its unit's demand. */
export interface UserDemand {
  hours: HoursPerWeek;
  carers: 1 | 2;
  waiting: boolean;
  /** Visits a week; the default for the hours when not known. */
  visitsPerWeek?: number | null;
  /** Call bands of the visits, when known; they share the visits equally. */
  bands?: BandSet | null;
}

/** Adds one user to unit u's demand: the one place a user becomes per-unit figures. */
export function addUserDemand(demand: Demand, u: UnitIndex, user: UserDemand): void {
  const h = user.hours;
  demand.users[u] += 1;
  demand.hours[u] += h;
  if (user.carers === 2) demand.doubleHandedHours[u] += h;
  if (user.waiting) {
    demand.waitingUsers[u] += 1;
    demand.waitingHours[u] += h;
  }
  // A package with no hours has no visits (the users file warns of zero hours).
  const visits = h > 0 ? (user.visitsPerWeek ?? defaultVisitsPerWeek(h)) : 0;
  demand.visits[u] += visits;
  const bands = user.bands ? bandsOf(user.bands) : [];
  for (const b of bands) demand.bandVisits[u * BAND_COUNT + b] += visits / bands.length;
}

/** A copy of the demand with one more user in unit u (the demand given is not touched). */
export function demandWithUser(demand: Demand, u: UnitIndex, user: UserDemand): Demand {
  const copy: Demand = {
    users: demand.users.slice(), hours: demand.hours.slice(), doubleHandedHours: demand.doubleHandedHours.slice(),
    waitingUsers: demand.waitingUsers.slice(), waitingHours: demand.waitingHours.slice(),
    visits: demand.visits.slice(), bandVisits: demand.bandVisits.slice(),
  };
  addUserDemand(copy, u, user);
  return copy;
}

/** Builds a CSR adjacency from per-unit neighbour lists (symmetry is the caller's job). */
export function adjacencyFromLists(lists: Array<Array<[UnitIndex, number]>>): Adjacency {
  const offsets = new Uint32Array(lists.length + 1);
  for (let u = 0; u < lists.length; u++) offsets[u + 1] = offsets[u] + lists[u].length;
  const neighbours = new Uint32Array(offsets[lists.length]);
  const sharedKm = new Float64Array(offsets[lists.length]);
  lists.forEach((list, u) => {
    list.forEach(([v, km], k) => {
      neighbours[offsets[u] + k] = v;
      sharedKm[offsets[u] + k] = km;
    });
  });
  return { offsets, neighbours: neighbours as UnitList, sharedKm };
}

export function neighboursOf(adj: Adjacency, u: UnitIndex): UnitList {
  return adj.neighbours.subarray(adj.offsets[u], adj.offsets[u + 1]) as UnitList;
}

