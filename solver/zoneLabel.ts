// How a zone is named to people, in the app, the exports and the messages.
// Councils number their zones ("10", name "Sleaford") or name them only
// (id and name both "Market Town"); either way the zone reads once.
import type { Zone } from './model';

const norm = (s: string) => s.trim().toLowerCase();

const WORD = '(?:zone|lot|area|patch)';

/**
 * True when the name already says the id (or is empty), so writing both would
 * repeat it: "Market Town" for id "Market Town", "10 Sleaford" or "Zone 10
 * Sleaford" for id "10"; not "Sleaford (10a)" nor a "1" deep inside a name.
 */
export function nameHoldsId(zone: Pick<Zone, 'id' | 'name'>): boolean {
  const id = norm(zone.id);
  const name = norm(zone.name);
  if (!name || name === id) return true;
  if (!id) return false;
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const end = '(?![\\p{L}\\p{N}])';
  return new RegExp(`^(?:${WORD}\\s*)?${escaped}${end}`, 'u').test(name) || new RegExp(`(?<![\\p{L}\\p{N}])${WORD}\\s*${escaped}${end}`, 'u').test(name);
}

/** "10 Sleaford"; "Market Town" when the id is the name. */
export function zoneLabel(zone: Pick<Zone, 'id' | 'name'>): string {
  if (nameHoldsId(zone)) return zone.name.trim() || zone.id;
  return `${zone.id} ${zone.name}`;
}

/** A lot's heading: "Lot 10: Sleaford"; "Lot: Market Town" when the id is the name; a name that starts "Lot" as it is. */
export function lotTitle(zone: Pick<Zone, 'id' | 'name'>): string {
  const name = zone.name.trim();
  if (!name) return `Lot ${zone.id}`;
  if (/^lot(?![\p{L}\p{N}])/iu.test(name)) return name;
  return nameHoldsId(zone) ? `Lot: ${name}` : `Lot ${zone.id}: ${zone.name}`;
}

/** A zone named in a sentence: "Zone 10 Sleaford"; a label that already starts "Zone" as it is. */
export function zoneTitle(zone: Pick<Zone, 'id' | 'name'>): string {
  const label = zoneLabel(zone);
  return /^zone(?![\p{L}\p{N}])/iu.test(label) ? label : `Zone ${label}`;
}
