// Zone colours. Two palettes: a standard one of 16 colours and a colour-blind
// safe one (Okabe-Ito, 7 colours whose every pair stays apart under
// colour-vision deficiency). Zones sharing a border get colours at least
// NEIGHBOUR_FLOOR apart as the viewer who sees them closest would see them:
// CIEDE2000 with normal vision, deuteranopia and protanopia (Machado's
// simulation), whichever is smallest. Zones keep any colour the user chose.
import { differenceCiede2000, filterDeficiencyDeuter, filterDeficiencyProt, modeLab65, modeRgb, parse, useMode, type Color } from 'culori/fn';
import type { Adjacency, Plan } from '../../solver/model';

export type PaletteKind = 'standard' | 'colourBlindSafe';

export const PALETTES: Record<PaletteKind, { label: string; colours: readonly string[] }> = {
  standard: {
    label: 'Standard',
    colours: [
      '#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#b07aa1', '#edc948',
      '#76b7b2', '#ff9da7', '#9c755f', '#8cd17d', '#a0cbe8', '#d37295',
      '#6b4c9a', '#b6992d', '#499894', '#843c39',
    ],
  },
  colourBlindSafe: {
    label: 'Colour-blind safe',
    colours: ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7'],
  },
};

export const ZONE_PALETTE = PALETTES.standard.colours;
export const UNASSIGNED_COLOUR = '#d9d9d9';

/**
 * Smallest distance two bordering zones' colours may have (perceivedDistance).
 * The old pinks side by side were 10.5 and 14.0 apart, the old assignment's
 * closest bordering pairs 3.7 (Lincolnshire) and 3.2 (Norfolk). At 20 the
 * standard palette leaves only four colours that are all that far apart, so
 * zones repeat colours long before the palette runs out; at 18 Lincolnshire's
 * 12 zones take 12 colours and Norfolk's 17 take 15.
 */
export const NEIGHBOUR_FLOOR = 18;

// Only the two colour spaces needed (sRGB to read colours and simulate, CIELAB D65 to compare), not all thirty.
useMode(modeRgb);
useMode(modeLab65);
const ciede2000 = differenceCiede2000();
const deuteranopia = filterDeficiencyDeuter(1);
const protanopia = filterDeficiencyProt(1);
const cache = new Map<string, number>();

/** How far apart two colours look to the person who sees them least apart (CIEDE2000). */
export function perceivedDistance(a: string, b: string): number {
  const key = a < b ? `${a}|${b}` : `${b}|${a}`;
  let d = cache.get(key);
  if (d === undefined) {
    const ca = parse(a);
    const cb = parse(b);
    // An unreadable colour (from a file) is not judged: it cannot be helped here.
    d = !ca || !cb ? Infinity : Math.min(ciede2000(ca, cb), ciede2000(deuteranopia(ca) as Color, deuteranopia(cb) as Color), ciede2000(protanopia(ca) as Color, protanopia(cb) as Color));
    cache.set(key, d);
  }
  return d;
}

/** Which zones touch which, from the unit graph and a plan. */
export function zoneNeighbours(adjacency: Adjacency, plan: Plan, zoneCount: number): Array<Set<number>> {
  const out = Array.from({ length: zoneCount }, () => new Set<number>());
  const { offsets, neighbours } = adjacency;
  for (let u = 0; u < plan.zoneOf.length; u++) {
    const a = plan.zoneOf[u];
    if (a < 0) continue;
    for (let k = offsets[u]; k < offsets[u + 1]; k++) {
      const b = plan.zoneOf[neighbours[k]];
      if (b >= 0 && b !== a) out[a].add(b);
    }
  }
  return out;
}

/** Distances past this count the same: beyond it two colours are plainly different. */
const COMFORTABLE = 30;

/**
 * How good a colouring is, worst first: bordering pairs closer than
 * NEIGHBOUR_FLOOR, zones sharing a colour with another (the legend and the
 * table tell zones apart by colour), then the closest bordering pair and the
 * sum of the bordering distances (both counted up to COMFORTABLE). Lower is better.
 */
function badness(neighbours: Array<Set<number>>, colours: readonly string[]): [number, number, number, number] {
  let tooClose = 0;
  let closest = COMFORTABLE;
  let sum = 0;
  for (let a = 0; a < colours.length; a++) {
    for (const b of neighbours[a]) {
      if (b <= a) continue;
      const d = Math.min(perceivedDistance(colours[a], colours[b]), COMFORTABLE);
      if (d < NEIGHBOUR_FLOOR) tooClose++;
      closest = Math.min(closest, d);
      sum += d;
    }
  }
  return [tooClose, colours.length - new Set(colours).size, -closest, -sum];
}

const better = (a: readonly number[], b: readonly number[]) => {
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i] - b[i]) > 1e-9) return a[i] < b[i];
  return false;
};

/** Steps the search for a colouring may take before settling for the colour farthest from the neighbours'. */
const SEARCH_STEPS = 5_000;

/**
 * A colour per zone, so that bordering zones are at least NEIGHBOUR_FLOOR
 * apart and, while the palette lasts, no two zones share a colour. First a
 * backtracking search for colours that keep the floor (the zone with fewest
 * colours left first, its colours farthest from its neighbours' first); then
 * single zones change colour, and pairs of zones swap theirs, while that makes
 * the colouring better (see badness), until nothing does. Deterministic.
 * Zones with a colour in `fixed` keep it.
 */
export function assignZoneColours(neighbours: Array<Set<number>>, fixed: Array<string | undefined> = [], palette: readonly string[] = ZONE_PALETTE): string[] {
  const colours = keepFloor(neighbours, fixed, palette);
  const movable = neighbours.map((_, z) => z).filter((z) => !fixed[z]);
  let current = badness(neighbours, colours);
  const tryChange = (undo: () => void) => {
    const next = badness(neighbours, colours);
    if (better(next, current)) {
      current = next;
      return true;
    }
    undo();
    return false;
  };
  for (let improved = true; improved; ) {
    improved = false;
    for (const z of movable) {
      for (const c of palette) {
        const was = colours[z];
        if (c === was) continue;
        colours[z] = c;
        if (tryChange(() => (colours[z] = was))) improved = true;
      }
    }
    for (const a of movable) {
      for (const b of movable) {
        if (b <= a || colours[a] === colours[b]) continue;
        const swap = () => ([colours[a], colours[b]] = [colours[b], colours[a]]);
        swap();
        if (tryChange(swap)) improved = true;
      }
    }
  }
  return colours;
}

/** Nearest distance from colour c to the colours of z's neighbours (at most COMFORTABLE). */
function nearestNeighbour(neighbours: Array<Set<number>>, colours: Array<string | undefined>, z: number, c: string): number {
  let m = COMFORTABLE;
  for (const o of neighbours[z]) if (colours[o]) m = Math.min(m, perceivedDistance(c, colours[o]!));
  return m;
}

/** Colours keeping bordering zones NEIGHBOUR_FLOOR apart, by backtracking; else each zone the colour farthest from its neighbours'. */
function keepFloor(neighbours: Array<Set<number>>, fixed: Array<string | undefined>, palette: readonly string[]): string[] {
  const colours: Array<string | undefined> = neighbours.map((_, z) => fixed[z]);
  let steps = 0;
  const options = (z: number) =>
    palette
      .map((c) => ({ c, d: nearestNeighbour(neighbours, colours, z, c) }))
      .filter((o) => o.d >= NEIGHBOUR_FLOOR)
      .sort((a, b) => b.d - a.d);
  const place = (): boolean => {
    if (++steps > SEARCH_STEPS) return false;
    let z = -1;
    let zOptions: Array<{ c: string }> = [];
    for (let i = 0; i < colours.length; i++) {
      if (colours[i]) continue;
      const o = options(i);
      if (o.length === 0) return false;
      if (z < 0 || o.length < zOptions.length || (o.length === zOptions.length && neighbours[i].size > neighbours[z].size)) [z, zOptions] = [i, o];
    }
    if (z < 0) return true;
    for (const { c } of zOptions) {
      colours[z] = c;
      if (place()) return true;
      if (steps > SEARCH_STEPS) break;
    }
    colours[z] = undefined;
    return false;
  };
  if (place()) return colours as string[];
  const order = neighbours.map((_, z) => z).sort((a, b) => neighbours[b].size - neighbours[a].size || a - b);
  for (const z of order) {
    if (colours[z]) continue;
    let best = palette[0];
    for (const c of palette) if (nearestNeighbour(neighbours, colours, z, c) > nearestNeighbour(neighbours, colours, z, best)) best = c;
    colours[z] = best;
  }
  return colours as string[];
}

/** The palette every given colour comes from, or null (user colours, or a mix). */
export function paletteOf(colours: ReadonlyArray<string | undefined>): PaletteKind | null {
  for (const kind of Object.keys(PALETTES) as PaletteKind[]) {
    const set = new Set(PALETTES[kind].colours.map((c) => c.toLowerCase()));
    if (colours.every((c) => c && set.has(c.toLowerCase()))) return kind;
  }
  return null;
}
