// Scores of a plan that can be updated one unit move at a time. Additive figures
// (hours, users, cost, hours x distance from base, area, perimeter) are kept as
// per-zone sums and updated in O(1) (perimeter in O(degree)); contiguity and the
// centre of work are recomputed lazily over the two touched zones when next read.
// Building a state from a plan is the full compute: `scorePlan` is built on it.
import { asZone, asUnit, Rurality, UNASSIGNED, zoneList, type Plan, type UnitIndex, type ZoneIndex, type ZoneList } from '../model';
import { centreOfWork, type CentreTravel } from './centreOfWork';
import type { ScoreContext } from './context';
import { detectExtraRural, type ExtraRuralResult } from './extraRural';
import { PieceCounter } from './pieces';
import { providerFit, providerNeed } from './providers';
import { unitRates, type UnitRates } from './rates';
import { spreadOf } from './spread';
import { VisitTravelTracker } from './visitTravel';
import { zoneDifficulty } from './difficulty';
import type { ChangeSet, DemandTotals, PlanScore, SplitTown, VisitTravel, ZoneScore } from './types';
import { zoneWarnings } from './warnings';
import { ZoneMembers } from './zoneMembers';

/** Earlier results that scoring continues from. */
export interface ScoreHistory {
  /** Extra-rural flags of the previous run (`PlanScore.extraRural.flagged`), for hysteresis. */
  extraRuralFlags?: Uint8Array;
  /** Plan to measure disruption against (usually the current contract's zones). */
  baseline?: Plan;
}

// Per-unit additive figures, stored unit-major in `contrib` and zone-major in `sums`.
const USERS = 0;
const HOURS = 1;
const DOUBLE_HANDED = 2;
const WAITING_USERS = 3;
const WAITING_HOURS = 4;
const URBAN_HOURS = 5;
const RURAL_TOWN_HOURS = 6;
const RURAL_VILLAGE_HOURS = 7;
const SPARSE_HOURS = 8;
const AREA = 9;
const PERIMETER = 10;
const ANNUAL_COST = 11;
const EXTRA_RURAL_HOURS = 12;
const EXTRA_RURAL_UPLIFT = 13;
const VISITS = 14;
const VISIT_METRES = 15;
const VISIT_MINUTES = 16;
const VISIT_COST = 17;
const FIELDS = 18;
/** Fields that are a unit's hours times something: exactly 0 once a zone has no unit with hours. */
const HOURS_FIELDS = [HOURS, URBAN_HOURS, RURAL_TOWN_HOURS, RURAL_VILLAGE_HOURS, SPARSE_HOURS, ANNUAL_COST, EXTRA_RURAL_HOURS, EXTRA_RURAL_UPLIFT, VISITS, VISIT_METRES, VISIT_MINUTES, VISIT_COST];

export class ScoreState {
  readonly ctx: ScoreContext;
  readonly extraRural: ExtraRuralResult;
  /** Every unit's rate, its category and what it was measured from. */
  readonly rates: UnitRates;
  readonly zoneCount: number;
  private readonly zoneOfUnit: ZoneList;
  private readonly baseline: Int32Array | null;
  private readonly contrib: Float64Array;
  private readonly sums: Float64Array;
  /** Hours per rate category per zone, at [zone * categories + category]. */
  private readonly rateMix: Float64Array;
  private readonly unitCount: Int32Array;
  /** Units with hours > 0, per zone: when it reaches 0 the hours sums are reset to exact zeros. */
  private readonly unitsWithHours: Int32Array;
  private readonly baseHourMetres: Float64Array;
  private readonly baseHourMinutes: Float64Array;
  /** Border km shared by pairs of units of the same zone, each pair once. */
  private readonly internalKm: Float64Array;
  private readonly townZoneUnits: Int32Array;
  private readonly townZones: Int32Array;
  private readonly unassigned = { units: 0, users: 0, hours: 0 };
  private readonly disrupted = { units: 0, users: 0, hours: 0 };
  private readonly members: ZoneMembers;
  private readonly pieceCounter: PieceCounter;
  private readonly stale: Uint8Array;
  private readonly pieceCount: Int32Array;
  private readonly centres: CentreTravel[];
  private readonly touched: Uint8Array;
  /** Travel between visits depends on same-zone neighbours, so it is tracked apart from `contrib`. */
  private readonly visitTravel: VisitTravelTracker;

  constructor(ctx: ScoreContext, plan: Plan, history: ScoreHistory = {}) {
    const { model } = ctx;
    const n = model.units.count;
    const zoneCount = model.zones.length;
    checkPlan(plan, n, zoneCount, 'plan');
    if (history.baseline) checkPlan(history.baseline, n, zoneCount, 'baseline');
    this.ctx = ctx;
    this.zoneCount = zoneCount;
    this.extraRural = detectExtraRural(ctx, history.extraRuralFlags);
    this.baseline = history.baseline ? history.baseline.zoneOf : null;
    this.rates = unitRates(model, ctx.settings, this.extraRural.flagged, ctx.centreDistances);
    this.contrib = unitContributions(ctx, this.rates);
    this.sums = new Float64Array(zoneCount * FIELDS);
    this.rateMix = new Float64Array(zoneCount * this.rates.categories.length);
    this.unitCount = new Int32Array(zoneCount);
    this.unitsWithHours = new Int32Array(zoneCount);
    this.baseHourMetres = new Float64Array(zoneCount);
    this.baseHourMinutes = new Float64Array(zoneCount);
    this.internalKm = new Float64Array(zoneCount);
    this.townZoneUnits = new Int32Array(model.towns.length * zoneCount);
    this.townZones = new Int32Array(model.towns.length);
    this.members = new ZoneMembers(zoneCount, n);
    this.pieceCounter = new PieceCounter(n);
    this.stale = new Uint8Array(zoneCount).fill(1);
    this.pieceCount = new Int32Array(zoneCount);
    this.centres = Array.from({ length: zoneCount }, () => ({ lon: NaN, lat: NaN, hours: 0, hourMetres: 0, hourMinutes: 0 }));
    this.touched = new Uint8Array(zoneCount);

    // Units join one by one so each same-zone border is counted once, by its later unit.
    this.zoneOfUnit = zoneList(n);
    this.visitTravel = new VisitTravelTracker(model, ctx.visitTravel, this.zoneOfUnit, {
      sums: this.sums, stride: FIELDS, metres: VISIT_METRES, minutes: VISIT_MINUTES, cost: VISIT_COST,
    });
    for (let u = asUnit(0); u < n; u++) {
      const z = asZone(plan.zoneOf[u]);
      this.zoneOfUnit[u] = z;
      if (z === UNASSIGNED) this.addUnassigned(u, 1);
      else this.joinZone(u, z);
      if (this.baseline && this.baseline[u] !== z) this.addDisrupted(u, 1);
    }
    // Travel between visits reads whole neighbourhoods: all units at once, not one by one.
    this.visitTravel.addAll();
  }

  /** The plan as it stands (a copy). */
  plan(): Plan {
    return { zoneOf: this.zoneOfUnit.slice() };
  }

  zoneOf(u: UnitIndex): ZoneIndex {
    return this.zoneOfUnit[u];
  }

  /**
   * Unit u's travel between visits a week as the plan stands (its own and its same-zone
   * neighbours' density): road metres, driving minutes, cost a year, and minutes per contact hour.
   */
  unitVisitTravel(u: UnitIndex): { metres: number; minutes: number; annualCost: number; minutesPerContactHour: number | null } {
    const km = this.visitTravel.tourKm[u];
    const vc = this.ctx.visitTravel;
    const minutes = km * vc.minutesPerKm[u];
    const hours = this.ctx.model.demand.hours[u];
    return { metres: km * vc.metresPerKm, minutes, annualCost: km * vc.costPerKm[u], minutesPerContactHour: hours > 0 ? minutes / hours : null };
  }

  zoneHours(z: ZoneIndex): number {
    return this.sums[z * FIELDS + HOURS];
  }

  zonePieces(z: ZoneIndex): number {
    this.refresh(z);
    return this.pieceCount[z];
  }

  /** Moves unit u to zone `to` (or UNASSIGNED); returns the zone it left. Allocates nothing. */
  moveUnit(u: UnitIndex, to: ZoneIndex): ZoneIndex {
    const from = this.zoneOfUnit[u];
    if (from === undefined) throw new RangeError(`no unit ${u}`);
    if (from === to) return from;
    if (!Number.isInteger(to) || to < UNASSIGNED || to >= this.zoneCount) throw new RangeError(`no zone ${to}`);
    if (from === UNASSIGNED) this.addUnassigned(u, -1);
    else this.removeFromZone(u, from);
    this.zoneOfUnit[u] = to;
    if (to === UNASSIGNED) this.addUnassigned(u, 1);
    else this.addToZone(u, to);
    if (this.baseline) {
      const was = this.baseline[u] !== from;
      const now = this.baseline[u] !== to;
      if (was !== now) this.addDisrupted(u, now ? 1 : -1);
    }
    return from;
  }

  /** Applies moves in order and says which zones' figures changed. */
  moveUnits(moves: ReadonlyArray<readonly [UnitIndex, ZoneIndex]>): ChangeSet {
    const hours = this.ctx.model.demand.hours;
    let meanZoneHoursChanged = false;
    for (const [u, to] of moves) {
      const from = this.moveUnit(u, to);
      if (from === to) continue;
      if (from !== UNASSIGNED) this.touched[from] = 1;
      if (to !== UNASSIGNED) this.touched[to] = 1;
      if ((from === UNASSIGNED || to === UNASSIGNED) && hours[u] !== 0) meanZoneHoursChanged = true;
    }
    const zones: ZoneIndex[] = [];
    for (let z = asZone(0); z < this.zoneCount; z++) {
      if (!this.touched[z]) continue;
      zones.push(z);
      this.touched[z] = 0;
    }
    return { zones, meanZoneHoursChanged };
  }

  meanZoneHours(): number {
    if (this.zoneCount === 0) return 0;
    let total = 0;
    for (let z = 0; z < this.zoneCount; z++) total += this.sums[z * FIELDS + HOURS];
    return total / this.zoneCount;
  }

  zoneScore(z: ZoneIndex, meanZoneHours = this.meanZoneHours()): ZoneScore {
    this.refresh(z);
    const { ctx } = this;
    const s = this.sums;
    const o = z * FIELDS;
    const hours = s[o + HOURS];
    const bases = ctx.zoneBaseCount[z];
    const capacity = ctx.zoneCapacity[z];
    const centre = this.centres[z];
    const area = s[o + AREA];
    const perimeter = s[o + PERIMETER] - 2 * this.internalKm[z];
    const units = this.unitCount[z];
    const k = this.rates.categories.length;
    const figures = {
      zone: z,
      units,
      users: s[o + USERS],
      hours,
      doubleHandedHours: s[o + DOUBLE_HANDED],
      waitingUsers: s[o + WAITING_USERS],
      waitingHours: s[o + WAITING_HOURS],
      urbanHours: s[o + URBAN_HOURS],
      ruralTownHours: s[o + RURAL_TOWN_HOURS],
      ruralVillageHours: s[o + RURAL_VILLAGE_HOURS],
      sparseHours: s[o + SPARSE_HOURS],
      ruralShare: hours > 0 ? (s[o + RURAL_TOWN_HOURS] + s[o + RURAL_VILLAGE_HOURS]) / hours : null,
      balanceVsMeanPct: meanZoneHours > 0 ? (100 * (hours - meanZoneHours)) / meanZoneHours : null,
      capacityHours: capacity,
      capacityUsePct: capacity > 0 ? (100 * hours) / capacity : null,
      overCapacity: bases > 0 && hours > capacity,
      travelFromBase:
        bases > 0 && hours > 0
          ? { metres: this.baseHourMetres[z] / hours, minutes: this.baseHourMinutes[z] / hours }
          : null,
      travelFromCentre:
        centre.hours > 0
          ? { metres: centre.hourMetres / centre.hours, minutes: centre.hourMinutes / centre.hours }
          : null,
      centreOfWork: centre.hours > 0 ? { lon: centre.lon, lat: centre.lat } : null,
      visitTravel: visitTravelOf(s, o),
      pieces: this.pieceCount[z],
      areaKm2: area,
      perimeterKm: perimeter,
      compactness: units > 0 && perimeter > 0 ? (4 * Math.PI * area) / (perimeter * perimeter) : null,
      annualCost: s[o + ANNUAL_COST],
      extraRuralHours: s[o + EXTRA_RURAL_HOURS],
      extraRuralUpliftCost: s[o + EXTRA_RURAL_UPLIFT],
      meanRate: hours > 0 ? s[o + ANNUAL_COST] / (hours * ctx.settings.weeksPerYear) : null,
      rateMix: this.rates.categories.map((name, c) => ({ name, hours: this.rateMix[z * k + c] })),
      providers: providerFit(hours, ctx.settings.providerModel),
    };
    return { ...figures, warnings: zoneWarnings(ctx.model.zones[z], figures, bases, ctx.rules) };
  }

  planScore(): PlanScore {
    const mean = this.meanZoneHours();
    const zones = Array.from({ length: this.zoneCount }, (_, z) => this.zoneScore(asZone(z), mean));
    const assigned: DemandTotals = { units: 0, users: 0, hours: 0 };
    let hourMetres = 0;
    let hourMinutes = 0;
    let hoursWithBase = 0;
    let annualCost = 0;
    let extraRuralHours = 0;
    let extraRuralUpliftCost = 0;
    const visitSums = new Float64Array(FIELDS);
    for (const zs of zones) {
      const o = zs.zone * FIELDS;
      for (const f of [HOURS, VISITS, VISIT_METRES, VISIT_MINUTES, VISIT_COST]) visitSums[f] += this.sums[o + f];
      assigned.units += zs.units;
      assigned.users += zs.users;
      assigned.hours += zs.hours;
      annualCost += zs.annualCost;
      extraRuralHours += zs.extraRuralHours;
      extraRuralUpliftCost += zs.extraRuralUpliftCost;
      if (this.ctx.zoneBaseCount[zs.zone] > 0) {
        hourMetres += this.baseHourMetres[zs.zone];
        hourMinutes += this.baseHourMinutes[zs.zone];
        hoursWithBase += zs.hours;
      }
    }
    return {
      zones,
      meanZoneHours: mean,
      hoursSpread: spreadOf(zones.map((zs) => zs.hours)),
      ruralShareSpread: spreadOf(zones.flatMap((zs) => (zs.ruralShare === null ? [] : [zs.ruralShare]))),
      assigned,
      unassigned: { ...this.unassigned },
      travel: {
        hourMetres,
        hourMinutes,
        meanMetres: hoursWithBase > 0 ? hourMetres / hoursWithBase : null,
        meanMinutes: hoursWithBase > 0 ? hourMinutes / hoursWithBase : null,
      },
      visitTravel: visitTravelOf(visitSums, 0),
      annualCost,
      extraRuralHours,
      extraRuralUpliftCost,
      townsSplit: this.splitTowns(),
      disruption: this.baseline ? { ...this.disrupted } : null,
      extraRural: this.extraRural,
      rates: this.rates,
      difficulty: zoneDifficulty(zones, this.ctx.settings.difficulty.weights, this.ctx.settings.extraRural, providerNeed(this.ctx.settings.providerModel)),
      warnings: zones.flatMap((zs) => zs.warnings),
    };
  }

  private splitTowns(): SplitTown[] {
    const out: SplitTown[] = [];
    const zc = this.zoneCount;
    this.ctx.model.towns.forEach((town, t) => {
      if (this.townZones[t] < 2) return;
      const zones: ZoneIndex[] = [];
      for (let z = asZone(0); z < zc; z++) if (this.townZoneUnits[t * zc + z] > 0) zones.push(z);
      out.push({ town: t, name: town.name, zones });
    });
    return out;
  }

  private refresh(z: ZoneIndex): void {
    if (!this.stale[z]) return;
    const list = this.members.list(z);
    const size = this.members.size[z];
    this.pieceCount[z] = this.pieceCounter.count(this.ctx.model.units.adjacency, this.zoneOfUnit, z, list, size);
    centreOfWork(this.ctx, list, size, this.centres[z]);
    this.stale[z] = 0;
  }

  private addToZone(u: UnitIndex, z: ZoneIndex): void {
    this.joinZone(u, z);
    this.visitTravel.add(u, z);
  }

  /** Unit u joins zone z, travel between visits aside. */
  private joinZone(u: UnitIndex, z: ZoneIndex): void {
    this.shiftZone(u, z, 1);
    this.members.add(u, z);
    this.unitCount[z]++;
    if (this.ctx.model.demand.hours[u] !== 0) this.unitsWithHours[z]++;
  }

  private removeFromZone(u: UnitIndex, z: ZoneIndex): void {
    this.shiftZone(u, z, -1);
    this.visitTravel.remove(u, z);
    this.members.remove(u, z);
    this.unitCount[z]--;
    if (this.ctx.model.demand.hours[u] !== 0) this.unitsWithHours[z]--;
    // Reset sums that must now be exactly zero, so rounding left by add-then-remove
    // never shows as a tiny non-zero (e.g. a rural share of an empty zone).
    if (this.unitCount[z] === 0) {
      this.sums.fill(0, z * FIELDS, (z + 1) * FIELDS);
      this.internalKm[z] = 0;
    }
    if (this.unitsWithHours[z] === 0) {
      for (const f of HOURS_FIELDS) this.sums[z * FIELDS + f] = 0;
      const k = this.rates.categories.length;
      this.rateMix.fill(0, z * k, (z + 1) * k);
      this.baseHourMetres[z] = 0;
      this.baseHourMinutes[z] = 0;
    }
  }

  /** Adds (sign 1) or takes away (sign -1) unit u's share of zone z's sums. */
  private shiftZone(u: UnitIndex, z: ZoneIndex, sign: 1 | -1): void {
    const { ctx, sums, contrib } = this;
    const { units, demand } = ctx.model;
    const so = z * FIELDS;
    const co = u * FIELDS;
    for (let f = 0; f < FIELDS; f++) sums[so + f] += sign * contrib[co + f];
    this.rateMix[z * this.rates.categories.length + this.rates.category[u]] += sign * demand.hours[u];
    const hourMetres = demand.hours[u] * ctx.baseRoadMetres[u * this.zoneCount + z];
    this.baseHourMetres[z] += sign * hourMetres;
    this.baseHourMinutes[z] += sign * hourMetres * ctx.minutesPerMetre[units.rurality[u]];

    const { offsets, neighbours, sharedKm } = units.adjacency;
    const zoneOf = this.zoneOfUnit;
    let shared = 0;
    for (let k = offsets[u], end = offsets[u + 1]; k < end; k++) {
      const v = neighbours[k];
      if (v !== u && zoneOf[v] === z) shared += sharedKm[k];
    }
    this.internalKm[z] += sign * shared;

    const t = units.town[u];
    if (t >= 0) {
      const at = t * this.zoneCount + z;
      const before = this.townZoneUnits[at];
      this.townZoneUnits[at] = before + sign;
      if (before === 0) this.townZones[t]++;
      else if (before + sign === 0) this.townZones[t]--;
    }
    this.stale[z] = 1;
  }

  private addUnassigned(u: UnitIndex, sign: 1 | -1): void {
    addTo(this.unassigned, this.ctx, u, sign);
  }

  private addDisrupted(u: UnitIndex, sign: 1 | -1): void {
    addTo(this.disrupted, this.ctx, u, sign);
  }
}

function addTo(totals: DemandTotals, ctx: ScoreContext, u: UnitIndex, sign: 1 | -1): void {
  totals.units += sign;
  if (totals.units === 0) {
    totals.users = 0;
    totals.hours = 0;
    return;
  }
  totals.users += sign * ctx.model.demand.users[u];
  totals.hours += sign * ctx.model.demand.hours[u];
}

function checkPlan(plan: Plan, units: number, zones: number, what: string): void {
  if (plan.zoneOf.length !== units) throw new RangeError(`${what} has ${plan.zoneOf.length} units, model has ${units}`);
  for (const z of plan.zoneOf) {
    if (z < UNASSIGNED || z >= zones) throw new RangeError(`${what} refers to zone ${z}; model has ${zones}`);
  }
}

function unitContributions(ctx: ScoreContext, rates: UnitRates): Float64Array {
  const { units, demand } = ctx.model;
  const { weeksPerYear } = ctx.settings;
  const out = new Float64Array(units.count * FIELDS);
  for (let u = 0; u < units.count; u++) {
    const o = u * FIELDS;
    const h = demand.hours[u];
    const r = units.rurality[u];
    out[o + USERS] = demand.users[u];
    out[o + HOURS] = h;
    out[o + DOUBLE_HANDED] = demand.doubleHandedHours[u];
    out[o + WAITING_USERS] = demand.waitingUsers[u];
    out[o + WAITING_HOURS] = demand.waitingHours[u];
    out[o + URBAN_HOURS] = r === Rurality.Urban ? h : 0;
    out[o + RURAL_TOWN_HOURS] = r === Rurality.RuralTown ? h : 0;
    out[o + RURAL_VILLAGE_HOURS] = r === Rurality.RuralVillage ? h : 0;
    out[o + SPARSE_HOURS] = units.sparse[u] ? h : 0;
    out[o + AREA] = units.areaKm2[u];
    out[o + PERIMETER] = units.perimeterKm[u];
    out[o + ANNUAL_COST] = h * rates.rate[u] * weeksPerYear;
    out[o + EXTRA_RURAL_HOURS] = rates.flagged[u] ? h : 0;
    out[o + EXTRA_RURAL_UPLIFT] = h * (rates.rate[u] - rates.baseRate[u]) * weeksPerYear;
    out[o + VISITS] = demand.visits[u];
  }
  return out;
}

/** Travel between visits from a zone's sums at offset o; null with no visits. */
function visitTravelOf(sums: Float64Array, o: number): VisitTravel | null {
  const visits = sums[o + VISITS];
  if (!(visits > 0)) return null;
  const hours = sums[o + HOURS];
  const minutes = sums[o + VISIT_MINUTES];
  return {
    visitsPerWeek: visits,
    meanVisitMinutes: hours > 0 ? (60 * hours) / visits : null,
    metresPerVisit: sums[o + VISIT_METRES] / visits,
    minutesPerVisit: minutes / visits,
    minutesPerContactHour: hours > 0 ? minutes / hours : null,
    annualCost: sums[o + VISIT_COST],
  };
}
