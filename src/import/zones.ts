// Current zones (lots) onto units, from whichever of these the council has:
//  - a zone boundary file: each unit goes to the zone containing its
//    representative point (a point inside the unit). Chosen over largest
//    overlap area because zone and unit files are rarely generalised alike,
//    so overlaps are full of slivers, and a point test is fast and exact.
//  - a CSV listing postcode sectors / districts / unit ids per zone (how
//    councils write their lots): a unit takes the zone that holds most of its
//    postcodes (by sector, else district); a unit with no postcodes takes the
//    zone of the nearest sector centroid, and says so.
//  - the users file's current-zone column: the zone most of a unit's users are in.
// Units that end up in no zone are listed, never silently dropped.
import { asZone, UNASSIGNED, type Units, type Zone, type ZoneIndex } from '../../solver/model';
import { splitZones } from './bases';
import type { BoundaryFile } from './boundaries';
import { addTableProblems, cellAt, columnIndex, forEachDataRow, headerKey, type CsvTable } from './csv';
import type { CentroidTable } from './fallback';
import { NO_LOCATION, TERMINATED, type PostcodeLookup } from './lookup';
import { PolygonLocator, unitOfLsoa, unitsById, type UnitLocator } from './locate';
import { postcodeFromKey } from './postcodes';
import { ProblemList, type Problem } from './problems';
import type { ServiceUser } from './users';

export interface ZoneAssignment {
  zones: Zone[];
  zoneOf: Int32Array;
  /** Units in no zone. */
  unassigned: number[];
  problems: Problem[];
}

/** Postcode sectors counted inside each unit: unit -> sector ("LN1 1") -> postcodes. */
export type UnitSectors = Array<Map<string, number>>;

class ZoneList {
  readonly zones: Zone[] = [];
  private readonly index = new Map<string, ZoneIndex>();
  indexOf(id: string, name = id): ZoneIndex {
    let z = this.index.get(id);
    if (z === undefined) {
      z = asZone(this.zones.length);
      this.zones.push({ id, name: name || id });
      this.index.set(id, z);
    }
    return z;
  }
}

function finish(zones: Zone[], zoneOf: Int32Array, units: Units, problems: ProblemList): ZoneAssignment {
  const unassigned: number[] = [];
  zoneOf.forEach((z, u) => {
    if (z === UNASSIGNED) unassigned.push(u);
  });
  if (unassigned.length > 0) {
    const sample = unassigned.slice(0, 5).map((u) => units.ids[u]).join(', ');
    problems.warning(null, '', '', `${unassigned.length} of ${units.count} units are in no zone (e.g. ${sample})`);
  }
  return { zones, zoneOf, unassigned, problems: problems.items };
}

// ---- from a zone boundary file ----------------------------------------------

export interface ZoneFieldMapping {
  id: string;
  name: string | null;
}

export function zonesFromBoundaries(units: Units, zoneFile: BoundaryFile, fields: ZoneFieldMapping, fileName = 'zones'): ZoneAssignment {
  const problems = new ProblemList(fileName);
  problems.items.push(...zoneFile.problems);
  const list = new ZoneList();
  const zoneOfFeature = zoneFile.features.map((f, k) => {
    const id = String(f.properties[fields.id] ?? '').trim();
    if (!id) {
      const number = zoneFile.featureNumbers[k];
      problems.error(number, fields.id, '', `Feature ${number} (index ${number - 1}) has no value for the zone id property "${fields.id}"`);
      return UNASSIGNED;
    }
    return list.indexOf(id, fields.name ? String(f.properties[fields.name] ?? '') : id);
  });
  const locator = new PolygonLocator(zoneFile.features, 0);
  const zoneOf = new Int32Array(units.count).fill(UNASSIGNED);
  for (let u = 0; u < units.count; u++) {
    const { unit: feature } = locator.locate(units.lon[u], units.lat[u]);
    if (feature >= 0) zoneOf[u] = zoneOfFeature[feature];
  }
  return finish(list.zones, zoneOf, units, problems);
}

// ---- from a list of sectors / districts / unit ids -------------------------

export interface ZoneListMapping {
  /** Column with a postcode sector, district or unit id (or several, separated by ; , or |). */
  area: string | null;
  zone: string | null;
  zoneName: string | null;
}

export function guessZoneListMapping(headers: readonly string[]): ZoneListMapping {
  const find = (words: string[]) => headers.find((h) => words.includes(headerKey(h))) ?? null;
  return {
    area: find(['sector', 'sectors', 'postcodesector', 'postcodesectors', 'district', 'districts', 'postcodedistrict', 'outcode', 'outcodes', 'area', 'areas', 'unit', 'unitid', 'lsoa', 'lsoa11cd', 'code', 'postcode', 'postcodes']),
    zone: find(['zone', 'lot', 'zoneid', 'lotid', 'zonenumber', 'lotnumber']),
    zoneName: find(['zonename', 'lotname', 'name']),
  };
}

/** Counts lookup postcodes (live, located) by sector inside each unit: the unit their LSOA code names, else the one their point is in. */
export function unitSectorsFromLookup(lookup: PostcodeLookup, units: Units, locator: UnitLocator): UnitSectors {
  const sectors: UnitSectors = Array.from({ length: units.count }, () => new Map());
  // Only postcodes near the units are located: the box round their representative points, padded 10 km.
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let u = 0; u < units.count; u++) {
    w = Math.min(w, units.lon[u]);
    e = Math.max(e, units.lon[u]);
    s = Math.min(s, units.lat[u]);
    n = Math.max(n, units.lat[u]);
  }
  const padLat = 0.1;
  const padLon = 0.16;
  const byId = unitsById(units.ids);
  for (let i = 0; i < lookup.count; i++) {
    if (lookup.flags[i] & (TERMINATED | NO_LOCATION)) continue;
    const lon = lookup.lon[i];
    const lat = lookup.lat[i];
    if (lon < w - padLon || lon > e + padLon || lat < s - padLat || lat > n + padLat) continue;
    const named = unitOfLsoa(byId, lookup.lsoaCodes[lookup.lsoa[i]]);
    const unit = named >= 0 ? named : locator.locate(lon, lat).unit;
    if (unit < 0) continue;
    const sector = sectorOf(postcodeFromKey(lookup.keys[i]));
    sectors[unit].set(sector, (sectors[unit].get(sector) ?? 0) + 1);
  }
  return sectors;
}

/** Counts service users' postcodes by sector inside each unit (when no full lookup is loaded). */
export function unitSectorsFromUsers(users: readonly ServiceUser[], unitOfUser: Int32Array, unitCount: number): UnitSectors {
  const sectors: UnitSectors = Array.from({ length: unitCount }, () => new Map());
  users.forEach((user, k) => {
    const u = unitOfUser[k];
    if (u < 0 || !user.postcode) return;
    const sector = sectorOf(user.postcode);
    sectors[u].set(sector, (sectors[u].get(sector) ?? 0) + 1);
  });
  return sectors;
}

const sectorOf = (postcode: string): string => postcode.slice(0, postcode.length - 2);
const districtOf = (sector: string): string => sector.split(' ')[0];

/** "unit:12", "sector:LN1 1" or "district:LN1"; null when the text is none of those. */
function areaKey(text: string, unitIndex: Map<string, number>): string | null {
  const unit = unitIndex.get(text.toUpperCase());
  if (unit !== undefined) return `unit:${unit}`;
  const t = text.toUpperCase().replace(/\s+/g, ' ').trim();
  if (/^[A-Z]{1,2}\d[A-Z\d]? \d$/.test(t)) return `sector:${t}`;
  if (/^[A-Z]{1,2}\d[A-Z\d]?$/.test(t)) return `district:${t}`;
  return null;
}

/**
 * Zones from a list of areas. `sectors` says which postcode sectors each unit
 * holds (unitSectorsFromLookup / unitSectorsFromUsers); `sectorCentres`
 * places units that hold none.
 */
export function zonesFromAreaList(
  table: CsvTable,
  mapping: ZoneListMapping,
  units: Units,
  sectors: UnitSectors,
  sectorCentres?: CentroidTable,
  fileName = 'zones',
): ZoneAssignment {
  const problems = new ProblemList(fileName);
  const untrusted = addTableProblems(table, problems);
  const areaCol = columnIndex(table, mapping.area);
  const zoneCol = columnIndex(table, mapping.zone);
  if (areaCol < 0) problems.error(null, '', '', 'No area (sector, district or unit id) column is mapped');
  if (zoneCol < 0) problems.error(null, '', '', 'No zone column is mapped');
  const nameCol = columnIndex(table, mapping.zoneName);
  const list = new ZoneList();
  const unitIndex = new Map(units.ids.map((id, u) => [id.toUpperCase(), u]));
  const zoneOfArea = new Map<string, ZoneIndex>();

  forEachDataRow(table, (cells, row) => {
    if (areaCol < 0 || zoneCol < 0 || untrusted.has(row)) return;
    const zoneId = cellAt(cells, zoneCol);
    if (!zoneId) {
      problems.error(row, mapping.zone!, '', 'Missing zone');
      return;
    }
    const z = list.indexOf(zoneId, cellAt(cells, nameCol));
    for (const text of splitZones(cellAt(cells, areaCol))) {
      const key = areaKey(text, unitIndex);
      if (!key) {
        problems.error(row, mapping.area!, text, 'Not a postcode sector (e.g. "LN1 1"), postcode district (e.g. "LN1") or unit id');
        continue;
      }
      const previous = zoneOfArea.get(key);
      if (previous !== undefined && previous !== z) {
        problems.warning(row, mapping.area!, text, `Already in zone ${list.zones[previous].id}; kept there`);
        continue;
      }
      zoneOfArea.set(key, z);
    }
  });

  const zoneOfSector = (sector: string) => zoneOfArea.get(`sector:${sector}`) ?? zoneOfArea.get(`district:${districtOf(sector)}`);
  const zoneOf = new Int32Array(units.count).fill(UNASSIGNED);
  let byNearest = 0;
  for (let u = 0; u < units.count; u++) {
    const direct = zoneOfArea.get(`unit:${u}`);
    if (direct !== undefined) {
      zoneOf[u] = direct;
      continue;
    }
    const weight = new Map<ZoneIndex, number>();
    for (const [sector, count] of sectors[u] ?? []) {
      const z = zoneOfSector(sector);
      if (z !== undefined) weight.set(z, (weight.get(z) ?? 0) + count);
    }
    const best = [...weight.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    if (best) zoneOf[u] = best[0];
    else if (sectorCentres) {
      const z = nearestListedSector(units.lon[u], units.lat[u], sectorCentres, zoneOfSector);
      if (z !== undefined) {
        zoneOf[u] = z;
        byNearest++;
      }
    }
  }
  if (byNearest > 0) {
    problems.warning(null, '', '', `${byNearest} units hold no known postcodes; each took the zone of the nearest listed sector centre`);
  }
  return finish(list.zones, zoneOf, units, problems);
}

function nearestListedSector(lon: number, lat: number, centres: CentroidTable, zoneOfSector: (s: string) => ZoneIndex | undefined): ZoneIndex | undefined {
  let best: ZoneIndex | undefined;
  let bestD = Infinity;
  const k = Math.cos((lat * Math.PI) / 180);
  for (const [sector, [x, y]] of centres) {
    const z = zoneOfSector(sector);
    if (z === undefined) continue;
    const d = ((x - lon) * k) ** 2 + (y - lat) ** 2;
    if (d < bestD) {
      bestD = d;
      best = z;
    }
  }
  return best;
}

// ---- from the users' current zone -------------------------------------------

/** Each unit takes the current zone of most of its users (by count; ties to the first zone listed). */
export function zonesFromUsers(users: readonly ServiceUser[], unitOfUser: Int32Array, units: Units): ZoneAssignment {
  const problems = new ProblemList('service users');
  const list = new ZoneList();
  const counts: Array<Map<ZoneIndex, number>> = Array.from({ length: units.count }, () => new Map());
  users.forEach((user, k) => {
    const u = unitOfUser[k];
    if (u < 0 || !user.zone) return;
    const z = list.indexOf(user.zone);
    counts[u].set(z, (counts[u].get(z) ?? 0) + 1);
  });
  const zoneOf = new Int32Array(units.count).fill(UNASSIGNED);
  counts.forEach((m, u) => {
    const best = [...m.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    if (best) zoneOf[u] = best[0];
  });
  return finish(list.zones, zoneOf, units, problems);
}
