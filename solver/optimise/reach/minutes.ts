// The reach rule: no unit with care is more than N minutes' drive from its
// zone's base. For each cell and zone this finds the shortest reach at which the
// zone may take the cell: the cell's own drive time (its farthest unit), and,
// when zones must be in one piece, the longest drive on the best chain of
// neighbouring cells that joins it to one of the zone's bases (a zone in one
// piece cannot take a cell it can only join through cells beyond reach). One
// pass per zone (a Dijkstra on the largest step, not the sum) gives the answer
// for every reach, so a fix ("a reach of 45 minutes") is a threshold, not a re-solve.
import { asZone, UNASSIGNED, type CountyModel, type Minutes, type ZoneIndex } from '../../model';
import { asCell, type CellIndex } from '../cells';
import { baseUnits } from '../../baseUnits';
import { minutesPerMetre, type TravelSettings } from '../../travel';

/** The parts of the zoning problem the reach rule needs (cells, their units and adjacency). */
export interface ReachCells {
  model: CountyModel;
  zones: number;
  cells: number;
  cellStart: Int32Array;
  cellUnits: Int32Array;
  cellOfUnit: Int32Array;
  /** A zone index, UNASSIGNED (left out of the plan), or another negative value for a cell the optimiser places. */
  fixedZone: Int32Array;
  adjStart: Int32Array;
  adjCells: Int32Array;
}

/**
 * Drive minutes from zone z's nearest base to unit u: minutes[u * zones + z]. A
 * zone with no base has no reach to keep: 0 (the reach rule is about carers'
 * drive from their base).
 */
export function unitZoneMinutes(model: CountyModel, metres: Float64Array, travel: TravelSettings): Float64Array {
  const zones = model.zones.length;
  const hasBase = new Uint8Array(zones);
  for (const b of model.bases) if (b.zone >= 0 && b.zone < zones) hasBase[b.zone] = 1;
  const out = new Float64Array(metres.length);
  for (let u = 0; u < model.units.count; u++) {
    const perMetre = minutesPerMetre(model.units.rurality[u] as 0 | 1 | 2, travel);
    for (let z = 0; z < zones; z++) out[u * zones + z] = hasBase[z] ? metres[u * zones + z] * perMetre : 0;
  }
  return out;
}

/** A unit with care: hours, or people waiting for it. Units without are free to join any zone. */
export function hasCare(model: CountyModel, u: number): boolean {
  return model.demand.hours[u] > 0 || model.demand.waitingUsers[u] > 0;
}

/** Farthest drive (minutes) from zone z's base to a unit with care in cell c: cellMinutes[c * zones + z]. */
export function cellZoneMinutes(p: ReachCells, unitMinutes: Float64Array): Float64Array {
  const { zones, cells, cellStart, cellUnits, model } = p;
  const out = new Float64Array(cells * zones);
  for (let c = 0; c < cells; c++) {
    for (let k = cellStart[c]; k < cellStart[c + 1]; k++) {
      const u = cellUnits[k];
      if (!hasCare(model, u)) continue;
      for (let z = 0; z < zones; z++) out[c * zones + z] = Math.max(out[c * zones + z], unitMinutes[u * zones + z]);
    }
  }
  return out;
}

/**
 * Shortest reach (minutes) at which zone z may take cell c: reachNeeded[c * zones + z].
 * Without contiguity it is the cell's own drive time. With it, the smallest over
 * chains of neighbouring cells from a base of z to c of the largest drive time on
 * the chain; cells fixed to another zone block a chain, cells fixed to z cost
 * nothing. Cells with no neighbours, and zones with no base, keep their own time.
 */
export function reachNeeded(p: ReachCells, cellMinutes: Float64Array, contiguous: boolean): Float64Array {
  const { zones, cells, fixedZone, adjStart, model } = p;
  if (!contiguous) return cellMinutes;
  const out = new Float64Array(cells * zones);
  const anchors: CellIndex[][] = Array.from({ length: zones }, () => []);
  baseUnits(model).forEach((u, b) => {
    const z = model.bases[b].zone;
    if (u >= 0 && z >= 0 && z < zones) anchors[z].push(asCell(p.cellOfUnit[u]));
  });
  for (let z = asZone(0); z < zones; z++) {
    const starts = anchors[z].filter((c) => openTo(fixedZone, c, z));
    const best = starts.length > 0 ? bottleneckChains(p, cellMinutes, z, starts.map((c): [CellIndex, Minutes] => [c, fixedZone[c] === z ? 0 : cellMinutes[c * zones + z]])) : null;
    for (let c = 0; c < cells; c++) {
      const alone = !best || adjStart[c + 1] === adjStart[c];
      out[c * zones + z] = alone ? cellMinutes[c * zones + z] : best[c];
    }
  }
  return out;
}

/**
 * The shortest reach at which zone z, holding cell `from`, could join it to every
 * cell of `to` in one piece: the largest reachNeeded on the best chain of
 * neighbouring cells (cells fixed to z cost nothing, cells fixed elsewhere
 * block). Infinity when no chain exists at any reach.
 */
export function reachToJoin(p: ReachCells, needed: Float64Array, z: ZoneIndex, from: CellIndex, to: CellIndex[]): Minutes {
  const best = bottleneckChains(p, needed, z, [[from, 0]]);
  return to.reduce((m, c) => Math.max(m, best[c]), 0);
}

/** Whether zone z may hold cell c: fixed to z, or free for the optimiser to place. */
const openTo = (fixedZone: Int32Array, c: CellIndex, z: ZoneIndex) => fixedZone[c] === z || (fixedZone[c] < 0 && fixedZone[c] !== UNASSIGNED);

/**
 * For zone z, per cell: the smallest, over chains of neighbouring cells from one of
 * `starts` ([cell, its key]), of the largest minutes[c * zones + z] on the chain.
 * Cells fixed to z cost nothing; cells z may not hold block; Infinity where no chain reaches.
 */
function bottleneckChains(p: ReachCells, minutes: Float64Array, z: ZoneIndex, starts: ReadonlyArray<readonly [CellIndex, Minutes]>): Float64Array {
  const { zones, cells, fixedZone, adjStart, adjCells } = p;
  const best = new Float64Array(cells).fill(Infinity);
  const heap = new MinHeap();
  for (const [c, d] of starts) {
    if (d >= best[c]) continue;
    best[c] = d;
    heap.push(c, d);
  }
  while (heap.size > 0) {
    const [c, d] = heap.pop();
    if (d > best[c]) continue;
    for (let k = adjStart[c]; k < adjStart[c + 1]; k++) {
      const v = asCell(adjCells[k]);
      if (!openTo(fixedZone, v, z)) continue;
      const dv = Math.max(d, fixedZone[v] === z ? 0 : minutes[v * zones + z]);
      if (dv < best[v]) {
        best[v] = dv;
        heap.push(v, dv);
      }
    }
  }
  return best;
}

/** Binary min-heap of (cell, key) pairs. */
class MinHeap {
  private cells: number[] = [];
  private keys: number[] = [];
  get size(): number {
    return this.cells.length;
  }
  push(cell: number, key: number): void {
    this.cells.push(cell);
    this.keys.push(key);
    let i = this.cells.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent] <= this.keys[i]) break;
      this.swap(i, parent);
      i = parent;
    }
  }
  pop(): [number, number] {
    const top: [number, number] = [this.cells[0], this.keys[0]];
    const lastCell = this.cells.pop()!;
    const lastKey = this.keys.pop()!;
    if (this.cells.length > 0) {
      this.cells[0] = lastCell;
      this.keys[0] = lastKey;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.cells.length && this.keys[l] < this.keys[m]) m = l;
        if (r < this.cells.length && this.keys[r] < this.keys[m]) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
  private swap(a: number, b: number): void {
    [this.cells[a], this.cells[b]] = [this.cells[b], this.cells[a]];
    [this.keys[a], this.keys[b]] = [this.keys[b], this.keys[a]];
  }
}

/** Minutes rounded up to the next whole step (5 minutes), as a reach a person would set. */
export function roundUpMinutes(m: Minutes, step = 5): Minutes {
  return Math.ceil(m / step - 1e-9) * step;
}
