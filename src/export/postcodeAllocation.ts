// Which zone each postcode sector (and district) belongs to. Councils write
// zones as postcode lists, but a sector can straddle a zone border: it goes to
// the zone holding most of its live postcodes, and the split is reported.
import { asZone, UNASSIGNED, type ZoneIndex } from '../../solver/model';
import type { ExportData } from './exportData';

export interface ZoneShare {
  /** Zone index, or UNASSIGNED for postcodes in units of no zone. */
  zone: ZoneIndex;
  postcodes: number;
}

export interface PostcodeArea {
  /** "PE21 8" for a sector, "PE21" for a district. */
  code: string;
  postcodes: number;
  /** Zone with most of the area's postcodes (ties to the lower index); UNASSIGNED when none is in a zone. */
  zone: ZoneIndex;
  /** Every zone holding postcodes of the area, most first (the main zone included). */
  shares: ZoneShare[];
  /** Sectors of a district; 1 for a sector. */
  sectors: number;
}

/** "PE21 8" -> "PE21". */
export const districtOf = (sector: string) => sector.trim().split(/\s+/)[0];

const byCode = (a: { code: string }, b: { code: string }) =>
  a.code.localeCompare(b.code, 'en-GB', { numeric: true, sensitivity: 'base' });

function toArea(code: string, tally: Map<ZoneIndex, number>, sectors: number): PostcodeArea {
  const shares = [...tally.entries()]
    .map(([zone, postcodes]) => ({ zone, postcodes }))
    .sort((a, b) => b.postcodes - a.postcodes || (a.zone === UNASSIGNED ? 1 : b.zone === UNASSIGNED ? -1 : a.zone - b.zone));
  const postcodes = shares.reduce((s, x) => s + x.postcodes, 0);
  const zone = shares.find((s) => s.zone !== UNASSIGNED)?.zone ?? UNASSIGNED;
  return { code, postcodes, zone, shares, sectors };
}

function add(tally: Map<ZoneIndex, number>, zone: ZoneIndex, n: number) {
  tally.set(zone, (tally.get(zone) ?? 0) + n);
}

export function sectorAreas(data: ExportData): PostcodeArea[] {
  const tallies = new Map<string, Map<ZoneIndex, number>>();
  data.project.unitSectors.forEach((sectors, u) => {
    const z = data.plan.zoneOf[u] < 0 ? UNASSIGNED : asZone(data.plan.zoneOf[u]);
    for (const [sector, n] of Object.entries(sectors)) {
      if (!(n > 0)) continue;
      let tally = tallies.get(sector);
      if (!tally) tallies.set(sector, (tally = new Map()));
      add(tally, z, n);
    }
  });
  return [...tallies.entries()].map(([code, tally]) => toArea(code, tally, 1)).sort(byCode);
}

export function districtAreas(sectors: PostcodeArea[]): PostcodeArea[] {
  const tallies = new Map<string, { tally: Map<ZoneIndex, number>; sectors: number }>();
  for (const s of sectors) {
    const code = districtOf(s.code);
    let entry = tallies.get(code);
    if (!entry) tallies.set(code, (entry = { tally: new Map(), sectors: 0 }));
    entry.sectors += 1;
    for (const share of s.shares) add(entry.tally, share.zone, share.postcodes);
  }
  return [...tallies.entries()].map(([code, e]) => toArea(code, e.tally, e.sectors)).sort(byCode);
}

/** Postcodes of the area in its main zone (0 when it has none). */
export const mainShare = (a: PostcodeArea) => (a.zone === UNASSIGNED ? 0 : (a.shares.find((s) => s.zone === a.zone)?.postcodes ?? 0));

/** Shares of the area outside its main zone (postcodes in no zone included). */
export const otherShares = (a: PostcodeArea) => a.shares.filter((s) => a.zone === UNASSIGNED || s.zone !== a.zone);
