// The constructed Lincolnshire zone plan: 12 lead-provider zones named as in the
// council's 2020 report, each with one base at its real town. The council's own
// zone map is not public, so sectors are assigned by nearest base (weighted by
// each zone's reach) and a few overrides reproduce faults the reports describe.
import type { CountyDesign, ZoneDesign } from './countyDesign';

const ZONES: ZoneDesign[] = [
  { zone: '1', name: 'Market Rasen', baseName: 'Market Rasen base', town: 'Market Rasen', postcode: 'LN8 3AA', reachKm: 6, extraWait: 0 },
  { zone: '2', name: 'Louth', baseName: 'Louth base', town: 'Louth', postcode: 'LN11 9AA', reachKm: 8, extraWait: 0 },
  { zone: '3', name: 'Boston', baseName: 'Boston base', town: 'Boston', postcode: 'PE21 6NH', reachKm: 6, extraWait: 0 },
  { zone: '4', name: 'Skegness', baseName: 'Skegness base', town: 'Skegness', postcode: 'PE25 3QJ', reachKm: 6, extraWait: 0 },
  { zone: '5', name: 'Lincoln', baseName: 'Lincoln base', town: 'Lincoln', postcode: 'LN2 1HN', reachKm: 0, extraWait: 0 },
  { zone: '6', name: 'Gainsborough', baseName: 'Gainsborough base', town: 'Gainsborough', postcode: 'DN21 2AA', reachKm: 6, extraWait: 0 },
  { zone: '7', name: 'Hykeham', baseName: 'Hykeham base', town: 'North Hykeham', postcode: 'LN6 8AA', reachKm: 1, extraWait: 0 },
  { zone: '8', name: 'Lincoln South', baseName: 'Lincoln South base', sector: 'LN4 2', postcode: 'LN4 2AA', reachKm: 4, extraWait: 0 },
  { zone: '9', name: 'Grantham', baseName: 'Grantham base', town: 'Grantham', postcode: 'NG31 6NL', reachKm: 6, extraWait: 0 },
  { zone: '10', name: 'Sleaford', baseName: 'Sleaford base', town: 'Sleaford', postcode: 'NG34 7AA', reachKm: 9, extraWait: 0.04 },
  { zone: '11', name: 'Spalding', baseName: 'Spalding base', town: 'Spalding', postcode: 'PE11 1AA', reachKm: 6, extraWait: 0 },
  { zone: '12', name: 'Stamford & Bourne', baseName: 'Stamford & Bourne base', town: 'Bourne', postcode: 'PE10 9AA', reachKm: 6, extraWait: 0 },
];

/**
 * Faults on purpose (each is a finding in the reports):
 * - NG31 8, south-east Grantham, sits in Zone 10: Grantham is split between zones and
 *   Zone 10 mixes a town estate with its remote villages on one rural rate;
 * - PE21 9, north Boston, sits in Zone 10 as well: Boston is split;
 * - LN6 0 in south-west Lincoln sits in Zone 8: the city spans three zones.
 */
const SECTOR_OVERRIDES: Record<string, string> = {
  'NG31 8': '10',
  'PE21 9': '10',
  'LN6 0': '8',
};

/**
 * Base capacity = zone hours x factor, and at least the floor (a lead provider
 * runs about 2,000 h/week in Lincolnshire: 1.3 million hours a year over 12
 * zones). Zone 10's provider cannot staff its demand.
 */
export const LINCOLNSHIRE: CountyDesign = {
  key: 'lincolnshire',
  seed: 20201001,
  targetUsers: 2500,
  zones: ZONES,
  sectorOverrides: SECTOR_OVERRIDES,
  capacityFactor: { '10': 0.85, '7': 1.25, '5': 1.2 },
  capacityFloor: 1600,
  shortStaffed: new Set(['10']),
  principalShare: 1,
  townRadiusKm: { city: 5, town: 2.5 },
  ruralWeight: 1.25,
  sparseWeight: 1.2,
  districtWeight: {},
  doubleHandedShare: 0.13,
};
