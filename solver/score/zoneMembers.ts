// The units of each zone as packed lists, with O(1) add and remove (swap with the
// last), so a zone's figures can be recomputed over its own units only.
import type { UnitIndex, ZoneIndex } from '../model';

export class ZoneMembers {
  private readonly lists: Int32Array[];
  readonly size: Int32Array;
  /** Position of each unit in its zone's list. */
  private readonly position: Int32Array;

  constructor(zoneCount: number, unitCount: number) {
    this.lists = Array.from({ length: zoneCount }, () => new Int32Array(16));
    this.size = new Int32Array(zoneCount);
    this.position = new Int32Array(unitCount);
  }

  /** Units of zone z are list(z)[0 .. size[z]). */
  list(z: ZoneIndex): Int32Array {
    return this.lists[z];
  }

  add(u: UnitIndex, z: ZoneIndex): void {
    let list = this.lists[z];
    const n = this.size[z];
    if (n === list.length) {
      const grown = new Int32Array(list.length * 2);
      grown.set(list);
      this.lists[z] = list = grown;
    }
    list[n] = u;
    this.position[u] = n;
    this.size[z] = n + 1;
  }

  remove(u: UnitIndex, z: ZoneIndex): void {
    const list = this.lists[z];
    const last = list[--this.size[z]];
    const at = this.position[u];
    list[at] = last;
    this.position[last] = at;
  }
}
