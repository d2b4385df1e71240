// What the data script needs to know to build one example county: which open
// data files to read, the constructed zone plan and bases, and how to draw the
// synthetic service users. One design per county (lincolnshire.ts, norfolk.ts).

export interface ZoneDesign {
  zone: string;
  name: string;
  baseName: string;
  /** Town (from <county>_towns.csv) holding the base, or a postcode sector centroid. */
  town?: string;
  sector?: string;
  /** The base's postcode; without it, the live postcode nearest the base point. */
  postcode?: string;
  /** km subtracted from distance when sectors pick their zone: rural bases reach further. */
  reachKm: number;
  /** Extra probability of waiting for a provider, for zones the reports call hard to staff. */
  extraWait: number;
  /**
   * Town of a second base for the zone's framework providers (principal-provider
   * counties). Without it the zone has one base.
   */
  frameworkTown?: string;
}

export interface CountyDesign {
  /** Folder name under data/counties/ and prefix of the data/source/ files. */
  key: string;
  seed: number;
  targetUsers: number;
  zones: ZoneDesign[];
  /** Sector -> zone, applied after the nearest-base assignment: the plan's deliberate faults. */
  sectorOverrides: Record<string, string>;
  /** Base capacity = zone hours x factor (default 1.1), and at least the floor. */
  capacityFactor: Record<string, number>;
  capacityFloor: number;
  /** Zones whose provider cannot staff its demand: no floor. */
  shortStaffed: Set<string>;
  /**
   * Share of a zone's capacity held by its principal provider's base when the zone
   * also has a framework base (Norfolk: the principal delivers up to 70%).
   */
  principalShare: number;
  /** Built-up area radius around a town point. */
  townRadiusKm: { city: number; town: number };
  /** Draw weights on population: older rural and sparse areas need more care per head. */
  ruralWeight: number;
  sparseWeight: number;
  /** Extra draw weight by district name, for districts with markedly older populations. */
  districtWeight: Record<string, number>;
  /** Probability that a package is double-handed (two carers per visit). */
  doubleHandedShare: number;
}
