// Finds the area (unit) a commissioner means by a postcode, a postcode sector or an
// area's name or code. A project holds postcodes only by sector (how many of each
// sector's postcodes each unit holds), never people's postcodes, so a postcode gives
// the areas its sector lies in, the likeliest first, for the user to choose from.
import { asUnit, type UnitIndex } from '../../solver/model';
import { parsePostcodeParts } from '../import/postcodes';
import type { Project } from '../model/project';

export interface PlaceCandidate {
  unit: UnitIndex;
  /** Why it is listed, e.g. "23 of the sector's 45 postcodes". */
  note: string;
}

export interface PlaceSearch {
  candidates: PlaceCandidate[];
  /** What was understood, or why nothing was found; "" for an empty query. */
  message: string;
}

/** At most this many areas are listed for a name typed in part. */
const MAX_BY_NAME = 30;

/** "PE33 0" from "pe33 0" or "PE330"; null when the text is not a postcode sector. */
function sectorOf(text: string): string | null {
  const m = /^([A-Z]{1,2}\d[A-Z\d]?)\s*(\d)$/.exec(text.toUpperCase().trim());
  return m ? `${m[1]} ${m[2]}` : null;
}

function bySector(project: Project, sector: string, from: string): PlaceSearch {
  const held: Array<[UnitIndex, number]> = [];
  project.unitSectors.forEach((sectors, u) => {
    const n = sectors[sector] ?? 0;
    if (n > 0) held.push([asUnit(u), n]);
  });
  held.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const total = held.reduce((t, [, n]) => t + n, 0);
  const candidates = held.map(([unit, n]) => ({ unit, note: `${n} of the sector's ${total} postcodes` }));
  if (candidates.length === 0) {
    return { candidates, message: `No area of this project holds postcode sector ${sector}. Is ${from} in this county? You can type the area's name instead.` };
  }
  if (candidates.length === 1) return { candidates, message: `Postcode sector ${sector} lies in one area.` };
  return {
    candidates,
    message: `Postcode sector ${sector} lies in ${candidates.length} areas: choose the one the package is in (listed by how many of the sector's postcodes each holds).`,
  };
}

function byName(project: Project, text: string): PlaceSearch {
  const q = text.trim().toLowerCase();
  const { names, ids } = project.model.units;
  const exact: PlaceCandidate[] = [];
  const partial: PlaceCandidate[] = [];
  for (let u = asUnit(0); u < names.length; u++) {
    const name = names[u].toLowerCase();
    const id = ids[u].toLowerCase();
    if (name === q || id === q) exact.push({ unit: u, note: 'named' });
    else if (name.includes(q) || id.includes(q)) partial.push({ unit: u, note: 'name matches' });
  }
  if (exact.length > 0) return { candidates: exact, message: '' };
  if (partial.length === 0) return { candidates: [], message: `No postcode or area matches "${text.trim()}".` };
  const shown = partial.slice(0, MAX_BY_NAME);
  const more = partial.length > shown.length ? `; the first ${shown.length} are listed, type more of the name to narrow them` : '';
  return { candidates: shown, message: `${partial.length} areas match "${text.trim()}"${more}.` };
}

/** The areas `text` may mean: a full postcode or a sector gives its sector's areas; anything else is matched against area names and codes. */
export function findPlaces(project: Project, text: string): PlaceSearch {
  if (text.trim() === '') return { candidates: [], message: '' };
  const postcode = parsePostcodeParts(text);
  if (postcode) return bySector(project, postcode.sector, postcode.postcode);
  const sector = sectorOf(text);
  if (sector) return bySector(project, sector, `sector ${sector}`);
  return byName(project, text);
}
