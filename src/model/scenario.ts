// A scenario is one version of the zone plan: its zones, their bases, the unit
// assignment and the locks. Every edit returns a new scenario (arrays copied,
// never mutated) so undo is a stack of snapshots and React sees changes.
import { zoneLabel, zoneTitle } from '../../solver/zoneLabel';
import { asUnit, asZone, UNASSIGNED, type Base, type CountyModel, type Plan, type UnitIndex, type Zone, type ZoneIndex } from '../../solver/model';

export interface Scenario {
  id: string;
  name: string;
  zones: Zone[];
  bases: Base[];
  zoneOf: Int32Array;
  /** 1 = this unit never changes zone (by paint or optimiser). */
  lockedUnits: Uint8Array;
  /** Aligned with zones: a locked zone neither gains nor loses units. */
  lockedZones: boolean[];
}

export function scenarioFromModel(model: CountyModel, plan: Plan, id: string, name: string): Scenario {
  return {
    id,
    name,
    zones: model.zones.map((z) => ({ ...z })),
    bases: model.bases.map((b) => ({ ...b })),
    zoneOf: Int32Array.from(plan.zoneOf),
    lockedUnits: new Uint8Array(model.units.count),
    lockedZones: model.zones.map(() => false),
  };
}

/** The model the scorer and optimiser read: the project's units and demand with this scenario's zones and bases. */
export function modelFor(base: CountyModel, s: Scenario): CountyModel {
  return { ...base, zones: s.zones, bases: s.bases };
}

export function isUnitLocked(s: Scenario, u: UnitIndex): boolean {
  const z = s.zoneOf[u];
  return s.lockedUnits[u] === 1 || (z >= 0 && s.lockedZones[z]);
}

/**
 * Paints units into a zone (UNASSIGNED clears them). Locked units and units of
 * locked zones are skipped, and a locked zone gains nothing. Returns the same
 * scenario object when nothing changed, so callers can skip an undo step.
 */
export function paint(s: Scenario, units: Iterable<UnitIndex>, zone: ZoneIndex): Scenario {
  if (zone >= 0 && s.lockedZones[zone]) return s;
  let zoneOf: Int32Array | null = null;
  for (const u of units) {
    if (s.zoneOf[u] === zone || isUnitLocked(s, u)) continue;
    zoneOf ??= Int32Array.from(s.zoneOf);
    zoneOf[u] = zone;
  }
  return zoneOf ? { ...s, zoneOf } : s;
}

/** Replaces the whole assignment (an optimiser result), keeping zones and locks. */
export function withAssignment(s: Scenario, zoneOf: Int32Array): Scenario {
  return { ...s, zoneOf: Int32Array.from(zoneOf) };
}

/**
 * Why a paint into `zone` would leave some of these units where they are, in
 * words for the user; null when every unit can move. Locked zones and locked
 * units are never painted (see paint).
 */
export function paintRefusal(s: Scenario, units: Iterable<UnitIndex>, zone: ZoneIndex): string | null {
  if (zone >= 0 && s.lockedZones[zone]) {
    return `${zoneTitle(s.zones[zone])} is locked, so nothing was painted into it. Unlock it in the Zones tab to change it.`;
  }
  let lockedUnits = 0;
  const lockedZones = new Set<ZoneIndex>();
  for (const u of units) {
    if (s.zoneOf[u] === zone) continue;
    if (s.lockedUnits[u] === 1) lockedUnits++;
    else if (isUnitLocked(s, u)) lockedZones.add(asZone(s.zoneOf[u]));
  }
  const why: string[] = [];
  if (lockedUnits > 0) why.push(`${lockedUnits} locked ${lockedUnits === 1 ? 'unit' : 'units'} kept ${lockedUnits === 1 ? 'its' : 'their'} zone (unlock with the Lock tool, K)`);
  if (lockedZones.size > 0) {
    const names = [...lockedZones].map((z) => zoneLabel(s.zones[z])).join(', ');
    why.push(`units of locked ${lockedZones.size === 1 ? 'zone' : 'zones'} ${names} stayed there`);
  }
  return why.length ? `${why.join('; ')}.`.replace(/^./, (c) => c.toUpperCase()) : null;
}

export function setUnitLocks(s: Scenario, units: Iterable<UnitIndex>, locked: boolean): Scenario {
  const lockedUnits = Uint8Array.from(s.lockedUnits);
  for (const u of units) lockedUnits[u] = locked ? 1 : 0;
  return { ...s, lockedUnits };
}

export function setZoneLock(s: Scenario, zone: ZoneIndex, locked: boolean): Scenario {
  const lockedZones = s.lockedZones.slice();
  lockedZones[zone] = locked;
  return { ...s, lockedZones };
}

export function updateZone(s: Scenario, zone: ZoneIndex, change: Partial<Omit<Zone, 'id'>>): Scenario {
  return { ...s, zones: s.zones.map((z, i) => (i === zone ? { ...z, ...change } : z)) };
}

/** Adds an empty zone with the next free numeric id. */
export function addZone(s: Scenario, name?: string): Scenario {
  const ids = new Set(s.zones.map((z) => z.id));
  let n = s.zones.length + 1;
  while (ids.has(String(n))) n++;
  return {
    ...s,
    zones: [...s.zones, { id: String(n), name: name ?? `New zone ${n}` }],
    lockedZones: [...s.lockedZones, false],
  };
}

/** Removes a zone; its units become unassigned and its bases belong to no zone. */
export function deleteZone(s: Scenario, zone: ZoneIndex): Scenario {
  const remap = (z: ZoneIndex) => (z === zone ? UNASSIGNED : z > zone ? asZone(z - 1) : z);
  return {
    ...s,
    zones: s.zones.filter((_, i) => i !== zone),
    lockedZones: s.lockedZones.filter((_, i) => i !== zone),
    zoneOf: s.zoneOf.map((z) => remap(asZone(z))),
    bases: s.bases.map((b) => ({ ...b, zone: remap(b.zone) })),
  };
}

/** Merges zone `from` into zone `into` (units and bases), then removes `from`. */
export function mergeZones(s: Scenario, into: ZoneIndex, from: ZoneIndex): Scenario {
  if (into === from) return s;
  const moved: Scenario = {
    ...s,
    zoneOf: s.zoneOf.map((z) => (z === from ? into : z)),
    bases: s.bases.map((b) => (b.zone === from ? { ...b, zone: into } : b)),
  };
  return deleteZone(moved, from);
}

/** Splits the given units of a zone off into a new zone. */
export function splitZone(s: Scenario, zone: ZoneIndex, units: Iterable<UnitIndex>, name?: string): Scenario {
  const added = addZone(s, name ?? `${s.zones[zone].name} (split)`);
  const newZone = added.zones.length - 1;
  const zoneOf = Int32Array.from(added.zoneOf);
  for (const u of units) if (zoneOf[u] === zone) zoneOf[u] = newZone;
  return { ...added, zoneOf };
}

export function setBase(s: Scenario, baseIndex: number, change: Partial<Omit<Base, 'id'>>): Scenario {
  return { ...s, bases: s.bases.map((b, i) => (i === baseIndex ? { ...b, ...change } : b)) };
}

/** Units whose zone differs between two assignments. */
export function changedUnits(a: Int32Array, b: Int32Array): UnitIndex[] {
  const out: UnitIndex[] = [];
  for (let u = asUnit(0); u < a.length; u++) if (a[u] !== b[u]) out.push(u);
  return out;
}
