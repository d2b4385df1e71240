// A zone plan from a file, as a new scenario of the open project: a zone
// boundary file (such as carezones' own zone GeoJSON export) or a council's
// list of postcode sectors, districts or unit ids per zone.
import { asZone, UNASSIGNED, type Base } from '../../solver/model';
import type { Project } from '../model/project';
import { readBoundaries } from '../import/boundaries';
import { readCsv } from '../import/csv';
import { decodeText, encodingProblem } from '../import/encoding';
import { guessUnitFields } from '../import/units';
import { guessZoneListMapping, zonesFromAreaList, zonesFromBoundaries, type ZoneAssignment } from '../import/zones';
import type { Problem } from '../import/problems';
import type { Scenario } from '../model/scenario';

const ZONE_ID = /^(zone_?id|zone|lot_?id|lot|zone_?number|lot_?number)$/i;
const ZONE_NAME = /^(zone_?name|lot_?name|name)$/i;

export interface ZonesScenario {
  scenario: Scenario;
  problems: Problem[];
  unassigned: number;
}

export class ZonesFileError extends Error {}

async function assignment(project: Project, name: string, data: Uint8Array): Promise<ZoneAssignment> {
  const units = project.model.units;
  if (/\.(csv|tsv|txt)$/i.test(name)) {
    const decoded = decodeText(data);
    const table = readCsv(decoded.text);
    const sectors = project.unitSectors.map((s) => new Map(Object.entries(s)));
    const a = zonesFromAreaList(table, guessZoneListMapping(table.headers), units, sectors, undefined, name);
    return { ...a, problems: [...encodingProblem(name, decoded.note), ...a.problems] };
  }
  const file = await readBoundaries({ name, data });
  if (file.features.length === 0) throw new ZonesFileError(`${name}: no zone polygons in the file`);
  const id = file.propertyNames.find((p) => ZONE_ID.test(p)) ?? guessUnitFields(file).id;
  if (!id) throw new ZonesFileError(`${name}: no zone id property (looked for zone_id, zone, lot...)`);
  const zoneName = file.propertyNames.find((p) => ZONE_NAME.test(p)) ?? null;
  return zonesFromBoundaries(units, file, { id, name: zoneName }, name);
}

/**
 * Builds the scenario; bases keep their zone where the file has a zone with the
 * same id as in `from`, and have none otherwise. Throws ZonesFileError when the
 * file gives no zone at all.
 */
export async function zonesScenario(project: Project, from: Scenario, file: { name: string; data: Uint8Array }, id: string): Promise<ZonesScenario> {
  const a = await assignment(project, file.name, file.data);
  if (a.zones.length === 0) {
    const first = a.problems.find((p) => p.severity === 'error');
    throw new ZonesFileError(`${file.name}: no zones found${first ? ` (${first.message})` : ''}`);
  }
  const index = new Map(a.zones.map((z, i) => [z.id, asZone(i)]));
  const colours = new Map(from.zones.map((z) => [z.id, z.colour]));
  const bases: Base[] = from.bases.map((b) => ({ ...b, zone: b.zone >= 0 ? (index.get(from.zones[b.zone].id) ?? UNASSIGNED) : UNASSIGNED }));
  return {
    scenario: {
      id,
      name: file.name.replace(/\.[^.]+$/, ''),
      zones: a.zones.map((z) => ({ ...z, colour: colours.get(z.id) })),
      bases,
      zoneOf: a.zoneOf,
      lockedUnits: new Uint8Array(project.model.units.count),
      lockedZones: a.zones.map(() => false),
    },
    problems: a.problems,
    unassigned: a.unassigned.length,
  };
}
