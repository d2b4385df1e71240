// The constructed Norfolk plan. Norfolk buys home support by Primary Care Network
// (PCN) area: a principal provider per PCN delivers up to 70% of the hours and
// framework providers the rest. The PCN boundaries follow GP practice lists and
// are not published as a map, so this plan is PCN-like: 17 areas about the size
// of Norfolk's PCNs (30,000 to 80,000 people), each named after its main towns
// (Mid Norfolk, Breckland, Ketts Oak, SNHIP, King's Lynn and Fens and Brecks
// are names from the council's 2025 tender), written as a postcode-sector list.
// Sectors go to the nearest principal base (weighted by reach), then overrides
// add the faults councils report.
import type { CountyDesign, ZoneDesign } from './countyDesign';

const ZONES: ZoneDesign[] = [
  { zone: '1', name: "King's Lynn", baseName: "King's Lynn principal provider", town: "King's Lynn", frameworkTown: "King's Lynn", reachKm: 3, extraWait: 0 },
  { zone: '2', name: 'West Norfolk Coastal', baseName: 'Hunstanton principal provider', town: 'Hunstanton', frameworkTown: 'Hunstanton', reachKm: 10, extraWait: 0.04 },
  { zone: '3', name: 'Fens and Brecks', baseName: 'Downham Market principal provider', town: 'Downham Market', frameworkTown: 'Downham Market', reachKm: 9, extraWait: 0.03 },
  { zone: '4', name: 'Fakenham & Wells', baseName: 'Fakenham principal provider', town: 'Fakenham', frameworkTown: 'Wells-next-the-Sea', reachKm: 10, extraWait: 0.05 },
  { zone: '5', name: 'Cromer & Sheringham', baseName: 'Cromer principal provider', town: 'Cromer', frameworkTown: 'Sheringham', reachKm: 5, extraWait: 0.01 },
  { zone: '6', name: 'North Walsham & Stalham', baseName: 'North Walsham principal provider', town: 'North Walsham', frameworkTown: 'Stalham', reachKm: 6, extraWait: 0 },
  { zone: '7', name: 'Aylsham & Reepham', baseName: 'Aylsham principal provider', town: 'Aylsham', frameworkTown: 'Reepham', reachKm: 8, extraWait: 0 },
  { zone: '8', name: 'Norwich City', baseName: 'Norwich principal provider', town: 'Norwich', frameworkTown: 'Norwich', reachKm: 0, extraWait: 0 },
  { zone: '9', name: 'Norwich North', baseName: 'Sprowston principal provider', sector: 'NR7 8', frameworkTown: 'Norwich', reachKm: 0, extraWait: 0 },
  { zone: '10', name: 'Norwich West', baseName: 'Costessey principal provider', sector: 'NR5 0', frameworkTown: 'Norwich', reachKm: 1, extraWait: 0 },
  { zone: '11', name: 'Great Yarmouth & Northern Villages', baseName: 'Great Yarmouth principal provider', town: 'Great Yarmouth', frameworkTown: 'Great Yarmouth', reachKm: 4, extraWait: 0 },
  { zone: '12', name: 'Gorleston', baseName: 'Gorleston principal provider', town: 'Gorleston-on-Sea', frameworkTown: 'Gorleston-on-Sea', reachKm: 1, extraWait: 0 },
  { zone: '13', name: 'Acle & Loddon', baseName: 'Acle principal provider', town: 'Acle', frameworkTown: 'Loddon', reachKm: 6, extraWait: 0.01 },
  { zone: '14', name: 'Mid Norfolk', baseName: 'Dereham principal provider', town: 'Dereham', frameworkTown: 'Swaffham', reachKm: 6, extraWait: 0 },
  { zone: '15', name: 'Breckland', baseName: 'Thetford principal provider', town: 'Thetford', frameworkTown: 'Thetford', reachKm: 8, extraWait: 0.01 },
  { zone: '16', name: 'Ketts Oak', baseName: 'Wymondham principal provider', town: 'Wymondham', frameworkTown: 'Attleborough', reachKm: 4, extraWait: 0 },
  { zone: '17', name: 'SNHIP', baseName: 'Long Stratton principal provider', town: 'Long Stratton', frameworkTown: 'Diss', reachKm: 7, extraWait: 0 },
];

/**
 * Faults on purpose (each is a kind of finding in councils' reviews):
 * - PE30 3, north King's Lynn (Gaywood), sits in West Norfolk Coastal: the town is
 *   split, and a sparse coastal lot mixes a town estate with remote villages on one rate;
 * - NR19 2, west Dereham, sits in Fens and Brecks, apart from the rest of that lot:
 *   Dereham is split and the lot is in two pieces;
 * - Acle & Loddon spans the Yare, whose only road crossing between Norwich and
 *   Great Yarmouth is the Reedham ferry: a PCN drawn round its practices, not a
 *   natural operating area.
 * The nearest-base rule adds one more: Great Yarmouth's lot takes the north of
 * Gorleston (NR31 0, NR31 8, NR31 9), so Gorleston is split too.
 */
const SECTOR_OVERRIDES: Record<string, string> = {
  'PE30 3': '2',
  'NR19 2': '3',
};

export const NORFOLK: CountyDesign = {
  key: 'norfolk',
  seed: 20180409,
  // Norfolk has 907,760 people to Lincolnshire's 761,224: the same users per head.
  targetUsers: 3000,
  zones: ZONES,
  sectorOverrides: SECTOR_OVERRIDES,
  // The sparse north and west cannot staff their demand; Norwich is over-supplied.
  capacityFactor: { '2': 0.8, '4': 0.75, '3': 0.9, '8': 1.25 },
  capacityFloor: 600,
  shortStaffed: new Set(['2', '3', '4']),
  principalShare: 0.7,
  townRadiusKm: { city: 5, town: 2.5 },
  ruralWeight: 1.25,
  sparseWeight: 1.2,
  // North Norfolk's population is among the oldest in England: more care per head.
  districtWeight: { 'North Norfolk': 1.3 },
  doubleHandedShare: 0.13,
};
