// Independent check of a unit plan against the rules, working on units (not the
// optimiser's cells or running totals): assignment, bands, locks, disruption,
// whole towns, contiguity, and the objective recomputed from scratch.
import { baseUnits } from '../baseUnits';
import { asUnit, asZone, Rurality, UNASSIGNED, type CountyModel, type Plan } from '../model';
import { resolveRules, townIsWhole, zoneBands, type OptimiseRules } from './rules';
import { DEFAULT_TRAVEL } from '../travel';
import { hasCare, unitZoneMinutes } from './reach/minutes';
import { unitZoneMetres, type TravelOptions } from './travelCost';

export interface Verification {
  ok: boolean;
  /** One line per broken rule. */
  problems: string[];
  /** metre·hours per week, as OptimiseResult.objective. */
  objective: number;
  /** Pieces per zone over units.adjacency (edges and links across water, as scoring counts them). */
  pieces: number[];
  contiguous: boolean;
  zoneHours: number[];
  movedUnits: number;
  movedUsers: number;
  movedHours: number;
}

const TOLERANCE = 1e-6;

export function verifyPlan(
  model: CountyModel,
  current: Plan,
  partialRules: Partial<OptimiseRules>,
  plan: Plan,
  travel: TravelOptions = {},
): Verification {
  const rules = resolveRules(partialRules, model, current);
  const bands = zoneBands(model, current, rules);
  const n = model.units.count;
  const Z = model.zones.length;
  const problems: string[] = [];
  const zoneOf = plan.zoneOf;
  if (zoneOf.length !== n) problems.push(`plan has ${zoneOf.length} units, model ${n}`);

  const hours = new Float64Array(Z);
  const rural = new Float64Array(Z);
  let movedUnits = 0;
  let movedUsers = 0;
  let movedHours = 0;
  const locked = new Set(rules.lockedUnits);
  const lockedZones = new Set(rules.lockedZones);
  for (let u = asUnit(0); u < n; u++) {
    const z = asZone(zoneOf[u]);
    const was = asZone(current.zoneOf[u]);
    if (z !== UNASSIGNED && (z < 0 || z >= Z || !Number.isInteger(z))) problems.push(`unit ${u} has zone ${z}`);
    if (z === UNASSIGNED && (rules.assignAll || was !== UNASSIGNED)) problems.push(`unit ${u} has no zone`);
    if (!rules.assignAll && was === UNASSIGNED && z !== UNASSIGNED) problems.push(`unit ${u} was out of the plan and was given a zone`);
    if (locked.has(u) && z !== was) problems.push(`locked unit ${u} moved`);
    if (was >= 0 && lockedZones.has(was) && z !== was) problems.push(`unit ${u} left locked zone ${was}`);
    if (z >= 0 && lockedZones.has(z) && was !== z) problems.push(`unit ${u} joined locked zone ${z}`);
    if (z >= 0 && z < Z) {
      hours[z] += model.demand.hours[u];
      if (model.units.rurality[u] !== Rurality.Urban) rural[z] += model.demand.hours[u];
    }
    if (was !== UNASSIGNED && z !== was) {
      movedUnits++;
      movedUsers += model.demand.users[u];
      movedHours += model.demand.hours[u];
    }
  }

  for (let z = 0; z < Z; z++) {
    if (!bands.constrained[z]) continue;
    const name = model.zones[z].name;
    const tol = TOLERANCE * Math.max(1, bands.target[z]);
    if (hours[z] < bands.lower[z] - tol) problems.push(`${name}: ${hours[z]} h below band ${bands.lower[z]}`);
    if (hours[z] > bands.upper[z] + tol) problems.push(`${name}: ${hours[z]} h above band ${bands.upper[z]}`);
    if (hours[z] > bands.capacity[z] + tol) problems.push(`${name}: ${hours[z]} h above capacity ${bands.capacity[z]}`);
    if (rural[z] < bands.ruralMin * hours[z] - tol) problems.push(`${name}: rural share below ${bands.ruralMin}`);
    if (rural[z] > bands.ruralMax * hours[z] + tol) problems.push(`${name}: rural share above ${bands.ruralMax}`);
  }

  if (rules.disruption) {
    const moved = rules.disruption.measure === 'users' ? movedUsers : movedHours;
    if (moved > rules.disruption.max + TOLERANCE * Math.max(1, rules.disruption.max)) {
      problems.push(`${moved} ${rules.disruption.measure} change zone, limit ${rules.disruption.max}`);
    }
  }

  if (rules.reach) {
    const settings = travel.travel ?? DEFAULT_TRAVEL;
    const minutes = unitZoneMinutes(model, unitZoneMetres(model, current, settings, travel.travelMatrix), settings);
    for (let u = asUnit(0); u < n; u++) {
      const z = asZone(zoneOf[u]);
      if (z < 0 || z >= Z || locked.has(u) || lockedZones.has(z) || !hasCare(model, u)) continue;
      const m = minutes[u * Z + z];
      if (m > rules.reach.minutes + TOLERANCE) problems.push(`${model.units.names[u] ?? u} is ${m.toFixed(1)} min from ${model.zones[z].name}'s base, reach ${rules.reach.minutes} min`);
    }
  }

  const townZone = new Map<number, number>();
  for (let u = 0; u < n; u++) {
    const t = model.units.town[u];
    if (!townIsWhole(rules, t)) continue;
    const seen = townZone.get(t);
    if (seen === undefined) townZone.set(t, zoneOf[u]);
    else if (seen !== zoneOf[u]) problems.push(`town ${model.towns[t]?.name ?? t} is split`);
  }

  if (rules.baseUnitsStay) {
    const units = baseUnits(model);
    const zonesAt = new Map<number, number[]>();
    model.bases.forEach((b, i) => {
      if (b.zone >= 0 && b.zone < Z && !lockedZones.has(b.zone) && units[i] >= 0) zonesAt.set(units[i], [...(zonesAt.get(units[i]) ?? []), b.zone]);
    });
    // A unit holding several zones' bases can stay in only one of them.
    model.bases.forEach((b, i) => {
      const u = units[i];
      if (zonesAt.has(u) && !zonesAt.get(u)!.includes(zoneOf[u])) problems.push(`${b.name}: its unit ${model.units.ids[u]} is not in the base's zone`);
    });
  }

  const pieces = zonePieces(model, plan);
  const contiguous = pieces.every((p) => p <= 1);
  if (rules.contiguous && !contiguous) problems.push(`zones in more than one piece: ${pieces.map((p, z) => (p > 1 ? `${model.zones[z].name} (${p})` : '')).filter(Boolean).join(', ')}`);

  return {
    ok: problems.length === 0,
    problems: [...new Set(problems)],
    objective: planObjective(model, current, rules, plan, travel),
    pieces,
    contiguous,
    zoneHours: [...hours],
    movedUnits,
    movedUsers,
    movedHours,
  };
}

/** Connected pieces of each zone over the unit adjacency (a unit with no neighbour is a piece of its own). */
export function zonePieces(model: CountyModel, plan: Plan): number[] {
  const { offsets, neighbours } = model.units.adjacency;
  const pieces = new Array<number>(model.zones.length).fill(0);
  const seen = new Uint8Array(model.units.count);
  const stack: number[] = [];
  for (let s = 0; s < model.units.count; s++) {
    const z = plan.zoneOf[s];
    if (z < 0 || seen[s]) continue;
    pieces[z]++;
    seen[s] = 1;
    stack.push(s);
    while (stack.length) {
      const u = stack.pop()!;
      for (let k = offsets[u]; k < offsets[u + 1]; k++) {
        const v = neighbours[k];
        if (!seen[v] && plan.zoneOf[v] === z) {
          seen[v] = 1;
          stack.push(v);
        }
      }
    }
  }
  return pieces;
}

/** Travel (hours x road metres to the zone's nearest base) plus the weighted penalties, metre·hours. */
export function planObjective(
  model: CountyModel,
  current: Plan,
  rules: OptimiseRules,
  plan: Plan,
  travel: TravelOptions = {},
): number {
  const metres = unitZoneMetres(model, current, travel.travel ?? DEFAULT_TRAVEL, travel.travelMatrix);
  const Z = model.zones.length;
  const n = model.units.count;
  let meanHours = 0;
  for (let u = 0; u < n; u++) meanHours += model.demand.hours[u] / n;
  let total = 0;
  for (let u = 0; u < n; u++) {
    const z = plan.zoneOf[u];
    if (z < 0) continue;
    const h = model.demand.hours[u];
    total += (h + rules.weights.compactness * meanHours) * metres[u * Z + z];
    const was = current.zoneOf[u];
    if (was !== UNASSIGNED && was !== z) total += rules.weights.disruptionKmPerHour * 1000 * h;
  }
  return total;
}
