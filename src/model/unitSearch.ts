// Finding units without the map: by name ("Sleaford 003A"), code
// ("E01026043"), town ("Boston") or postcode sector ("NG34 7"). The keyboard
// equivalent of pointing at the map.
import { asUnit, type UnitIndex } from '../../solver/model';
import type { Project } from './project';

export interface UnitMatch {
  unit: UnitIndex;
  /** What matched, for the list: "name", "code", "town: Boston", "postcode sector NG34 7". */
  why: string;
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
/** Postcode sectors compared without their space: "ng347" finds "NG34 7". */
const compact = (s: string) => s.toLowerCase().replace(/\s+/g, '');

/**
 * Units matching a query, best first: name or code starting with it, then
 * containing it, then by town, then by postcode sector (the units holding
 * most of the sector's postcodes first). At most `limit` results.
 */
export function searchUnits(project: Project, query: string, limit = 20): UnitMatch[] {
  const q = norm(query);
  if (q.length < 2) return [];
  const { names, ids, count, town } = project.model.units;
  const tiers: UnitMatch[][] = [[], [], [], []];
  const seen = new Set<UnitIndex>();
  const add = (tier: number, unit: UnitIndex, why: string) => {
    if (seen.has(unit)) return;
    seen.add(unit);
    tiers[tier].push({ unit, why });
  };
  for (let u = asUnit(0); u < count; u++) {
    const name = norm(names[u]);
    const id = ids[u].toLowerCase();
    if (name.startsWith(q) || id.startsWith(q)) add(0, u, name.startsWith(q) ? 'name' : 'code');
  }
  for (let u = asUnit(0); u < count; u++) {
    if (norm(names[u]).includes(q)) add(1, u, 'name');
    else if (ids[u].toLowerCase().includes(q)) add(1, u, 'code');
  }
  project.model.towns.forEach((t, i) => {
    if (!norm(t.name).startsWith(q)) return;
    for (let u = asUnit(0); u < count; u++) if (town[u] === i) add(2, u, `town: ${t.name}`);
  });
  const cq = compact(q);
  const bySector: Array<{ unit: UnitIndex; sector: string; postcodes: number }> = [];
  project.unitSectors.forEach((sectors, u) => {
    for (const [sector, postcodes] of Object.entries(sectors)) if (compact(sector).startsWith(cq)) bySector.push({ unit: asUnit(u), sector, postcodes });
  });
  bySector.sort((a, b) => a.sector.localeCompare(b.sector) || b.postcodes - a.postcodes);
  for (const m of bySector) add(3, m.unit, `postcode sector ${m.sector}`);
  return tiers.flat().slice(0, limit);
}
