// Postcode sector -> zone and postcode district -> zone CSVs, the form councils
// write zones in. Each row gives the main zone, its share of the area's live
// postcodes, and whether (and how) the area is split across zones.
import { UNASSIGNED } from '../../solver/model';
import type { ScoreSettings } from '../../solver/score';
import { csvText } from '../import/csvSafe';
import type { Project } from '../model/project';
import type { Scenario } from '../model/scenario';
import { exportData, round, type ExportData } from './exportData';
import { districtAreas, districtOf, mainShare, otherShares, sectorAreas, type PostcodeArea } from './postcodeAllocation';
import { zoneLabel as labelOf } from '../../solver/zoneLabel';
import { shownCount } from './privacy';

type Cell = string | number | null;

const zoneText = (data: ExportData, z: number) => (z === UNASSIGNED ? 'unassigned' : labelOf(data.scenario.zones[z]));

const pct = (part: number, whole: number) => (whole > 0 ? round((100 * part) / whole, 1) : 0);

/**
 * Columns every row has after the area's own: main zone, share, split detail.
 * Counts below the privacy minimum are withheld, and so are the area's shares
 * when any of its counts is (a share and a total would give the count back).
 */
function allocationCells(data: ExportData, a: PostcodeArea): Cell[] {
  const zone = a.zone === UNASSIGNED ? null : data.scenario.zones[a.zone];
  const inZone = mainShare(a);
  const others = otherShares(a);
  const open = a.shares.every((s) => shownCount(data, s.postcodes) !== null);
  const count = (n: number) => (open ? shownCount(data, n) : null);
  return [
    zone?.id ?? '',
    zone?.name ?? '',
    shownCount(data, a.postcodes),
    count(inZone),
    open ? pct(inZone, a.postcodes) : null,
    a.shares.length > 1 ? 'yes' : 'no',
    others.map((s) => (open ? `${zoneText(data, s.zone)} (${s.postcodes}, ${pct(s.postcodes, a.postcodes)}%)` : zoneText(data, s.zone))).join('; '),
  ];
}

const ALLOCATION_HEADER = ['zone_id', 'zone_name', 'postcodes', 'postcodes_in_zone', 'pct_in_zone', 'split', 'other_zones'];

export function sectorCsvFrom(data: ExportData): string {
  const rows = sectorAreas(data).map((a) => [a.code, districtOf(a.code), ...allocationCells(data, a)]);
  return csvText(['postcode_sector', 'postcode_district', ...ALLOCATION_HEADER], rows);
}

export function districtCsvFrom(data: ExportData): string {
  const rows = districtAreas(sectorAreas(data)).map((a) => [a.code, a.sectors, ...allocationCells(data, a)]);
  return csvText(['postcode_district', 'sectors', ...ALLOCATION_HEADER], rows);
}

/** Postcode sector -> zone CSV. */
export function postcodeSectorCsv(project: Project, scenario: Scenario, settings: ScoreSettings): string {
  return sectorCsvFrom(exportData(project, scenario, settings));
}

/** Postcode district -> zone CSV. */
export function postcodeDistrictCsv(project: Project, scenario: Scenario, settings: ScoreSettings): string {
  return districtCsvFrom(exportData(project, scenario, settings));
}
