// Types for polylabel 2 (the package ships none): the pole of inaccessibility of a polygon.
declare module 'polylabel' {
  /** Rings as [x, y] pairs, outer ring first; returns [x, y] with `distance` to the nearest edge. */
  export default function polylabel(polygon: number[][][], precision?: number, debug?: boolean): number[] & { distance: number };
}
