// Notes a result carries about what the model assumes: the links across water
// that contiguity counts as borders, and rules that cannot apply (capacity of
// a zone with no base).
import type { CountyModel } from '../model';
import { zoneLabel } from '../zoneLabel';
import type { ZoningProblem } from './problem';

const distance = (km: number) => (km < 1 ? `${Math.round(km * 1000)} m` : `${km.toFixed(1)} km`);

/** One sentence per group of units joined to the rest only by links across water. */
export function linkNotes(model: CountyModel): string[] {
  const { links, offsets, neighbours } = model.units.adjacency;
  if (!links?.length) return [];
  const n = model.units.count;
  const isLink = new Set(links.map((l) => `${l.a}|${l.b}`));
  const linked = (u: number, v: number) => isLink.has(u < v ? `${u}|${v}` : `${v}|${u}`);
  // Groups over shared borders only.
  const group = new Int32Array(n).fill(-1);
  const sizes: number[] = [];
  for (let s = 0; s < n; s++) {
    if (group[s] >= 0) continue;
    const g = sizes.length;
    const stack = [s];
    group[s] = g;
    let size = 0;
    while (stack.length) {
      const u = stack.pop()!;
      size++;
      for (let k = offsets[u]; k < offsets[u + 1]; k++) {
        const v = neighbours[k];
        if (group[v] < 0 && !linked(u, v)) {
          group[v] = g;
          stack.push(v);
        }
      }
    }
    sizes.push(size);
  }
  const mainland = sizes.indexOf(Math.max(...sizes));
  const name = (u: number) => model.units.names[u] || model.units.ids[u];
  const out: string[] = [];
  for (let g = 0; g < sizes.length; g++) {
    if (g === mainland) continue;
    const own = links.filter((l) => group[l.a] === g || group[l.b] === g).sort((x, y) => x.km - y.km);
    if (own.length === 0) continue;
    const near = own[0];
    const [inside, outside] = group[near.a] === g ? [near.a, near.b] : [near.b, near.a];
    const across = near.km === 0 ? 'touching it only at a corner' : `${distance(near.km)} across the water`;
    if (sizes[g] === 1 && own.length === 1) {
      out.push(`${name(inside)} shares no border with another unit; it is linked to ${name(outside)}, ${across}, and counts as joined to it for one-piece zones.`);
    } else {
      const span = own.length > 1 ? ` at ${own.length} places (${distance(near.km)} to ${distance(own[own.length - 1].km)} apart)` : '';
      out.push(
        `${name(inside)}${sizes[g] > 1 ? ` and ${sizes[g] - 1} other unit${sizes[g] > 2 ? 's' : ''}` : ''} share no border with the rest; they are linked across water${span}, nearest ${name(inside)} to ${name(outside)} (${across}), and count as joined there for one-piece zones.`,
      );
    }
  }
  return out;
}

/** Zones the capacity rule cannot limit because they have no base. */
export function capacityNotes(problem: ZoningProblem): string[] {
  const { model, rules, bands } = problem;
  if (!rules.capacity) return [];
  if (model.bases.length === 0) {
    return ['There are no provider bases, so no zone’s hours are limited by capacity, and travel is measured from the centre of each zone’s current units.'];
  }
  const open = [...bands.constrained.keys()].filter((z) => bands.constrained[z] && !Number.isFinite(bands.capacity[z]));
  if (open.length === 0) return [];
  const names = open.map((z) => zoneLabel(model.zones[z]));
  const list = names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
  return [`${list} ${open.length === 1 ? 'has' : 'have'} no base, so the capacity rule cannot limit ${open.length === 1 ? 'its' : 'their'} hours, and travel is measured from the centre of ${open.length === 1 ? 'its' : 'their'} current units. Add ${open.length === 1 ? 'its base' : 'their bases'} with a capacity to apply it.`];
}
