// What every part of the optimiser says about a cell (a unit, or the units of a
// town kept whole): whether it is free to place, and its name in messages.
import type { CountyModel, IndexOf } from '../model';

/** Index of a cell of the zoning problem (cellStart, fixedZone, cost rows); not a unit index. */
export type CellIndex = IndexOf<'cell'>;
/** Marks a number (a loop counter, a typed-array read) as a cell index. */
export const asCell = (i: number) => i as CellIndex;
/** No cell: a zone with no root cell, none found yet. */
export const NO_CELL: CellIndex = asCell(-1);

/** fixedZone value of a cell the optimiser may place. */
export const FREE = -2;

export function cellLabel(model: CountyModel, cellUnits: Int32Array, cellStart: Int32Array, c: CellIndex): string {
  const first = cellUnits[cellStart[c]];
  const size = cellStart[c + 1] - cellStart[c];
  const t = model.units.town[first];
  if (size > 1 && t >= 0) return `Town ${model.towns[t]?.name ?? t}`;
  return `Unit ${model.units.names[first] ?? model.units.ids[first]}`;
}
