// Contiguity: how many connected pieces a zone's units form in the unit adjacency
// graph. Reuses its scratch arrays so recounting a zone allocates nothing.
import type { Adjacency, ZoneIndex } from '../model';

export class PieceCounter {
  private readonly seen: Uint32Array;
  private readonly stack: Int32Array;
  private epoch = 0;

  constructor(unitCount: number) {
    this.seen = new Uint32Array(unitCount);
    this.stack = new Int32Array(unitCount);
  }

  /** Pieces of zone z, whose units are members[0 .. size); 0 for an empty zone. */
  count(adj: Adjacency, zoneOf: Int32Array, z: ZoneIndex, members: Int32Array, size: number): number {
    if (++this.epoch === 0xffffffff) {
      this.seen.fill(0);
      this.epoch = 1;
    }
    const { seen, stack, epoch } = this;
    const { offsets, neighbours } = adj;
    let pieces = 0;
    for (let i = 0; i < size; i++) {
      const start = members[i];
      if (seen[start] === epoch) continue;
      pieces++;
      seen[start] = epoch;
      let top = 0;
      stack[top++] = start;
      while (top > 0) {
        const u = stack[--top];
        for (let k = offsets[u], end = offsets[u + 1]; k < end; k++) {
          const v = neighbours[k];
          if (seen[v] !== epoch && zoneOf[v] === z) {
            seen[v] = epoch;
            stack[top++] = v;
          }
        }
      }
    }
    return pieces;
  }
}
