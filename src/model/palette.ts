// Zone colours. A qualitative palette, assigned so that zones sharing a border
// get colours far apart (greedy colouring of the zone adjacency graph, most
// connected zone first), and zones keep any colour the user chose.
import type { Adjacency, Plan } from '../../solver/model';

export const ZONE_PALETTE = [
  '#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#b07aa1', '#edc948',
  '#76b7b2', '#ff9da7', '#9c755f', '#8cd17d', '#a0cbe8', '#d37295',
  '#fabfd2', '#b6992d', '#499894', '#86bcb6',
];
export const UNASSIGNED_COLOUR = '#d9d9d9';

function rgb(hex: string): [number, number, number] {
  const v = parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/** Rough perceptual distance ("redmean"), good enough to keep neighbours apart. */
export function colourDistance(a: string, b: string): number {
  const [r1, g1, b1] = rgb(a);
  const [r2, g2, b2] = rgb(b);
  const rm = (r1 + r2) / 2;
  return Math.sqrt((2 + rm / 256) * (r1 - r2) ** 2 + 4 * (g1 - g2) ** 2 + (2 + (255 - rm) / 256) * (b1 - b2) ** 2);
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

export function assignZoneColours(neighbours: Array<Set<number>>, fixed: Array<string | undefined> = []): string[] {
  const colours: Array<string | undefined> = neighbours.map((_, z) => fixed[z]);
  const order = neighbours.map((_, z) => z).sort((a, b) => neighbours[b].size - neighbours[a].size || a - b);
  for (const z of order) {
    if (colours[z]) continue;
    const used = new Set(colours.filter(Boolean));
    const pool = ZONE_PALETTE.filter((c) => !used.has(c));
    const candidates = pool.length > 0 ? pool : ZONE_PALETTE;
    let best = candidates[0];
    let bestScore = -1;
    for (const c of candidates) {
      let nearest = Infinity;
      for (const nb of neighbours[z]) if (colours[nb]) nearest = Math.min(nearest, colourDistance(c, colours[nb]!));
      if (nearest > bestScore + 1e-9) {
        bestScore = nearest;
        best = c;
      }
    }
    colours[z] = best;
  }
  return colours as string[];
}
