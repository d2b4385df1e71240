// Whether polygons (the units, or the zones dissolved from them) form a clean
// coverage: each one valid in the OGC sense (no ring crossing or touching
// itself, holes inside their outline, parts of a MultiPolygon apart) and,
// between them, no overlap and borders that match vertex for vertex, which is
// what topology-preserving boundary files store and what adjacency and the
// zone dissolve rely on. One pass over every segment through a grid, so it
// costs about what reading the file does (docs/decisions/0010-geometry-checks.md).
//
// Predicates run on coordinates rounded to 1e-6 degrees (about 0.1 m), the
// rounding polygonAdjacency matches vertices with and the exports write, so
// "shares this edge" means the same here and there; distances are in metres.
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import KDBush from 'kdbush';
import { area, featureCollection, intersect } from '@turf/turf';

export type LonLat = [lon: number, lat: number];
type Geometry = Polygon | MultiPolygon;

export type ShapeKind = 'crosses itself' | 'hole crosses outline' | 'holes cross' | 'parts overlap' | 'parts touch along a line' | 'hole outside outline';

/** A problem inside one polygon. */
export interface ShapeIssue {
  index: number;
  kind: ShapeKind;
  /** Polygon part and ring (0 = outline) the issue is about. */
  part: number;
  ring: number;
  at: LonLat;
}

/** What two polygons do where their borders meet, when that is not a clean shared border. */
export interface PairIssue {
  a: number;
  b: number;
  /** Border segments that cross: the polygons overlap. */
  crossings: number;
  /** A vertex of one on the middle of a segment of the other: the borders do not match vertex for vertex. */
  touches: number;
  /** Vertices of one strictly inside the other, near its border: the borders overlap by a sliver. */
  inside: number;
  /** Edges both run the same way round: their insides are on the same side, so one overlaps the other. */
  sameDirection: number;
  at: LonLat;
}

/** Unmatched borders of two polygons within `nearMetres` of each other, with no overlap: a gap (a river, or borders simplified apart). */
export interface GapIssue {
  a: number;
  b: number;
  at: LonLat;
}

/** A polygon inside another with no border crossing (a duplicate, or one drawn over another). */
export interface NestedIssue {
  inner: number;
  outer: number;
  at: LonLat;
}

export interface CoverageReport {
  shapes: ShapeIssue[];
  pairs: PairIssue[];
  gaps: GapIssue[];
  nested: NestedIssue[];
}

export interface CoverageOptions {
  /** How close unmatched borders must come to count as inside (a sliver) or a gap, metres; 0 looks only at crossings and touches. */
  nearMetres?: number;
}

const Q = 1e6;
export const partsOf = (g: Geometry): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

/** Any sign that the two may overlap (a T-junction alone may not: overlapOf says). */
export const pairOverlaps = (p: PairIssue) => p.crossings + p.touches + p.inside + p.sameDirection > 0;

const asFeature = (g: Geometry): Feature<Geometry> => ({ type: 'Feature', properties: {}, geometry: g });

/** Overlap of two polygons: its area and its widest piece (2 × area / perimeter, metres), or null when they share no area. */
export function overlapOf(a: Geometry, b: Geometry): { m2: number; widthMetres: number } | null {
  let shared: Feature<Geometry> | null;
  try {
    shared = intersect(featureCollection([asFeature(a), asFeature(b)]));
  } catch {
    return { m2: Infinity, widthMetres: Infinity };
  }
  if (!shared) return null;
  let widest = 0;
  for (const rings of partsOf(shared.geometry)) {
    const m2 = area({ type: 'Polygon', coordinates: rings });
    let perimeter = 0;
    const ring = rings[0];
    const kx = 111_320 * Math.cos((ring[0][1] * Math.PI) / 180);
    for (let k = 0; k + 1 < ring.length; k++) perimeter += Math.hypot((ring[k + 1][0] - ring[k][0]) * kx, (ring[k + 1][1] - ring[k][1]) * 111_320);
    if (perimeter > 0) widest = Math.max(widest, (2 * m2) / perimeter);
  }
  return { m2: area(shared), widthMetres: widest };
}

/** Every segment of every ring, in flat arrays, on rounded coordinates. */
interface Segments {
  owner: number[];
  part: number[];
  ring: number[];
  /** Position of the segment in its ring (zero-length ones skipped), and the ring's count. */
  seq: number[];
  ringSize: number[];
  ax: number[];
  ay: number[];
  bx: number[];
  by: number[];
  /** +1 when the segment runs as a counter-clockwise outline or a clockwise hole would, else -1. */
  dir: number[];
  /** How many other polygons have the same edge. */
  shared: number[];
}

function signedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return s;
}

const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) => (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);

/** Is (px, py), collinear with segment a-b, strictly between its ends? */
const strictlyWithin = (ax: number, ay: number, bx: number, by: number, px: number, py: number) =>
  Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by) && !(px === ax && py === ay) && !(px === bx && py === by);

function pointSegmentMetres(px: number, py: number, ax: number, ay: number, bx: number, by: number, kx: number, ky: number): number {
  const dx = (bx - ax) * kx;
  const dy = (by - ay) * ky;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * kx * dx + (py - ay) * ky * dy) / len2));
  return Math.hypot((px - ax) * kx - t * dx, (py - ay) * ky - t * dy);
}

/** Even-odd point in ring on rounded coordinates; null when the point is on the ring. */
function pointInRing(px: number, py: number, ring: Position[]): boolean | null {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = Math.round(ring[i][0] * Q);
    const yi = Math.round(ring[i][1] * Q);
    const xj = Math.round(ring[j][0] * Q);
    const yj = Math.round(ring[j][1] * Q);
    if (orient(xj, yj, xi, yi, px, py) === 0 && Math.min(xi, xj) <= px && px <= Math.max(xi, xj) && Math.min(yi, yj) <= py && py <= Math.max(yi, yj)) return null;
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the polygon (outline minus holes); null on its border. */
function pointInPolygon(px: number, py: number, rings: Position[][]): boolean | null {
  const outer = pointInRing(px, py, rings[0]);
  if (outer !== true) return outer;
  for (let r = 1; r < rings.length; r++) {
    const h = pointInRing(px, py, rings[r]);
    if (h === null) return null;
    if (h) return false;
  }
  return true;
}

/** Inside any part of the geometry; null on a border and inside none. */
function pointInGeometry(px: number, py: number, g: Geometry): boolean | null {
  let onBorder = false;
  for (const rings of partsOf(g)) {
    const r = pointInPolygon(px, py, rings);
    if (r === true) return true;
    if (r === null) onBorder = true;
  }
  return onBorder ? null : false;
}

/** Whether a lon/lat point lies inside the geometry (on its border counts as inside). */
export const containsPoint = (g: Geometry, lon: number, lat: number): boolean => pointInGeometry(Math.round(lon * Q), Math.round(lat * Q), g) !== false;

/** The answer for the first vertex of a ring the test can decide (not on the other shape's border). */
function firstDecided(ring: Position[], test: (x: number, y: number) => boolean | null): boolean | null {
  for (const p of ring) {
    const r = test(Math.round(p[0] * Q), Math.round(p[1] * Q));
    if (r !== null) return r;
  }
  return null;
}

/** Every vertex of the ring inside the geometry or on its border, and one strictly inside. */
function within(ring: Position[], g: Geometry): boolean {
  let strictly = false;
  for (const p of ring) {
    const r = pointInGeometry(Math.round(p[0] * Q), Math.round(p[1] * Q), g);
    if (r === false) return false;
    if (r) strictly = true;
  }
  return strictly;
}

function crossingPoint(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): [number, number] {
  const den = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx);
  const t = den === 0 ? 0 : ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / den;
  return [ax + t * (bx - ax), ay + t * (by - ay)];
}

function segmentsOf(geometries: readonly Geometry[]): { seg: Segments; boxes: Array<[number, number, number, number]>; meanLat: number } {
  const seg: Segments = { owner: [], part: [], ring: [], seq: [], ringSize: [], ax: [], ay: [], bx: [], by: [], dir: [], shared: [] };
  const boxes: Array<[number, number, number, number]> = [];
  let latSum = 0;
  geometries.forEach((g, owner) => {
    const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
    partsOf(g).forEach((rings, part) => {
      rings.forEach((ring, r) => {
        // Outlines should run counter-clockwise and holes clockwise; a ring the other way round has its edges counted reversed.
        const flip = (r === 0) === signedArea(ring) > 0 ? 1 : -1;
        const first = seg.owner.length;
        for (let k = 0; k + 1 < ring.length; k++) {
          const ax = Math.round(ring[k][0] * Q);
          const ay = Math.round(ring[k][1] * Q);
          const bx = Math.round(ring[k + 1][0] * Q);
          const by = Math.round(ring[k + 1][1] * Q);
          if (ax === bx && ay === by) continue;
          seg.seq.push(seg.owner.length - first);
          seg.owner.push(owner);
          seg.part.push(part);
          seg.ring.push(r);
          seg.ax.push(ax);
          seg.ay.push(ay);
          seg.bx.push(bx);
          seg.by.push(by);
          seg.dir.push(flip);
          seg.shared.push(0);
          box[0] = Math.min(box[0], ax, bx);
          box[1] = Math.min(box[1], ay, by);
          box[2] = Math.max(box[2], ax, bx);
          box[3] = Math.max(box[3], ay, by);
          latSum += ay;
        }
        for (let s = first; s < seg.owner.length; s++) seg.ringSize.push(seg.owner.length - first);
      });
    });
    boxes.push(box);
  });
  return { seg, boxes, meanLat: seg.owner.length ? latSum / seg.owner.length / Q : 0 };
}

export function checkCoverage(geometries: readonly Geometry[], options: CoverageOptions = {}): CoverageReport {
  const near = options.nearMetres ?? 0;
  const { seg, boxes, meanLat } = segmentsOf(geometries);
  const count = seg.owner.length;
  // Metres per rounded unit at the mean latitude.
  const ky = 111_320 / Q;
  const kx = ky * Math.cos((meanLat * Math.PI) / 180);

  const pairs = new Map<number, PairIssue>();
  const pairKey = (a: number, b: number) => (a < b ? a * geometries.length + b : b * geometries.length + a);
  const pairOf = (a: number, b: number, x: number, y: number): PairIssue => {
    const key = pairKey(a, b);
    let p = pairs.get(key);
    if (!p) pairs.set(key, (p = { a: Math.min(a, b), b: Math.max(a, b), crossings: 0, touches: 0, inside: 0, sameDirection: 0, at: [x / Q, y / Q] }));
    return p;
  };
  const gaps = new Map<number, GapIssue>();
  const shapes: ShapeIssue[] = [];
  const shapeSeen = new Set<string>();
  const shape = (s: number, kind: ShapeKind, x: number, y: number) => {
    const key = `${seg.owner[s]}|${seg.part[s]}|${kind}`;
    if (shapeSeen.has(key)) return;
    shapeSeen.add(key);
    shapes.push({ index: seg.owner[s], kind, part: seg.part[s], ring: seg.ring[s], at: [x / Q, y / Q] });
  };

  // Matched edges: the same two rounded ends in another polygon (or another part).
  const forward = (s: number) => seg.ax[s] < seg.bx[s] || (seg.ax[s] === seg.bx[s] && seg.ay[s] < seg.by[s]);
  const edgeUsers = new Map<string, number[]>();
  for (let s = 0; s < count; s++) {
    const key = forward(s) ? `${seg.ax[s]},${seg.ay[s]},${seg.bx[s]},${seg.by[s]}` : `${seg.bx[s]},${seg.by[s]},${seg.ax[s]},${seg.ay[s]}`;
    const list = edgeUsers.get(key);
    if (list) list.push(s);
    else edgeUsers.set(key, [s]);
  }
  for (const list of edgeUsers.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [s, t] = [list[i], list[j]];
        if (seg.owner[s] !== seg.owner[t]) {
          seg.shared[s]++;
          seg.shared[t]++;
          if ((forward(s) ? 1 : -1) * seg.dir[s] === (forward(t) ? 1 : -1) * seg.dir[t]) pairOf(seg.owner[s], seg.owner[t], seg.ax[s], seg.ay[s]).sameDirection++;
        } else if (seg.part[s] !== seg.part[t]) shape(s, 'parts touch along a line', seg.ax[s], seg.ay[s]);
        else shape(s, 'crosses itself', seg.ax[s], seg.ay[s]);
      }
    }
  }

  // A grid of segments (cells about twice the mean segment); each pair is looked at once, in the cell holding the low corner of their boxes' overlap.
  let total = 0;
  for (let s = 0; s < count; s++) total += Math.hypot((seg.bx[s] - seg.ax[s]) * kx, (seg.by[s] - seg.ay[s]) * ky);
  const cellM = Math.max(2 * near, count ? (2 * total) / count : 1, 1);
  const [cx, cy] = [cellM / kx, cellM / ky];
  const [padX, padY] = [near / kx, near / ky];
  const cells = new Map<number, number[]>();
  const cellKey = (i: number, j: number) => i * 4_194_304 + j;
  for (let s = 0; s < count; s++) {
    const i1 = Math.floor((Math.max(seg.ax[s], seg.bx[s]) + padX) / cx);
    const j1 = Math.floor((Math.max(seg.ay[s], seg.by[s]) + padY) / cy);
    for (let i = Math.floor((Math.min(seg.ax[s], seg.bx[s]) - padX) / cx); i <= i1; i++)
      for (let j = Math.floor((Math.min(seg.ay[s], seg.by[s]) - padY) / cy); j <= j1; j++) {
        const k = cellKey(i, j);
        const list = cells.get(k);
        if (list) list.push(s);
        else cells.set(k, [s]);
      }
  }

  const relate = (s: number, t: number) => {
    const [ax, ay, bx, by] = [seg.ax[s], seg.ay[s], seg.bx[s], seg.by[s]];
    const [cx2, cy2, dx, dy] = [seg.ax[t], seg.ay[t], seg.bx[t], seg.by[t]];
    const sameOwner = seg.owner[s] === seg.owner[t];
    const samePart = sameOwner && seg.part[s] === seg.part[t];
    const sameRing = samePart && seg.ring[s] === seg.ring[t];
    const shareEnd = (ax === cx2 && ay === cy2) || (ax === dx && ay === dy) || (bx === cx2 && by === cy2) || (bx === dx && by === dy);
    if (shareEnd && ((ax === cx2 && ay === cy2 && bx === dx && by === dy) || (ax === dx && ay === dy && bx === cx2 && by === cy2))) return; // the same edge: counted above
    const o1 = orient(ax, ay, bx, by, cx2, cy2);
    const o2 = orient(ax, ay, bx, by, dx, dy);
    const o3 = orient(cx2, cy2, dx, dy, ax, ay);
    const o4 = orient(cx2, cy2, dx, dy, bx, by);
    const cross = o1 * o2 < 0 && o3 * o4 < 0;
    // An end of one strictly inside the other (a T), which also covers collinear segments running along each other.
    let touch: [number, number] | null = null;
    if (!cross) {
      if (o1 === 0 && strictlyWithin(ax, ay, bx, by, cx2, cy2)) touch = [cx2, cy2];
      else if (o2 === 0 && strictlyWithin(ax, ay, bx, by, dx, dy)) touch = [dx, dy];
      else if (o3 === 0 && strictlyWithin(cx2, cy2, dx, dy, ax, ay)) touch = [ax, ay];
      else if (o4 === 0 && strictlyWithin(cx2, cy2, dx, dy, bx, by)) touch = [bx, by];
    }
    if (!cross && !touch) {
      // Segments of a ring that are not neighbours in it may not even share an end (the ring would touch itself at a vertex).
      if (sameRing && shareEnd) {
        const [p, q, n] = [seg.seq[s], seg.seq[t], seg.ringSize[s]];
        const neighbours = Math.abs(p - q) === 1 || Math.abs(p - q) === n - 1;
        if (!neighbours) shape(s, 'crosses itself', ax === cx2 || ax === dx ? ax : bx, ay === cy2 || ay === dy ? ay : by);
      }
      return;
    }
    const [x, y] = touch ?? crossingPoint(ax, ay, bx, by, cx2, cy2, dx, dy);
    if (!sameOwner) {
      const pair = pairOf(seg.owner[s], seg.owner[t], x, y);
      if (cross) pair.crossings++;
      else pair.touches++;
    } else if (!samePart) {
      shape(s, cross ? 'parts overlap' : 'parts touch along a line', x, y);
    } else if (sameRing) {
      shape(s, 'crosses itself', x, y);
    } else if (cross) {
      const outline = seg.ring[s] === 0 ? s : seg.ring[t] === 0 ? t : -1;
      shape(outline >= 0 ? outline : s, outline >= 0 ? 'hole crosses outline' : 'holes cross', x, y);
    }
  };

  for (const [key, list] of cells) {
    for (let p = 0; p < list.length; p++) {
      const s = list[p];
      const [sx0, sx1, sy0, sy1] = [Math.min(seg.ax[s], seg.bx[s]), Math.max(seg.ax[s], seg.bx[s]), Math.min(seg.ay[s], seg.by[s]), Math.max(seg.ay[s], seg.by[s])];
      for (let q = p + 1; q < list.length; q++) {
        const t = list[q];
        const [tx0, tx1, ty0, ty1] = [Math.min(seg.ax[t], seg.bx[t]), Math.max(seg.ax[t], seg.bx[t]), Math.min(seg.ay[t], seg.by[t]), Math.max(seg.ay[t], seg.by[t])];
        if (sx1 < tx0 || tx1 < sx0 || sy1 < ty0 || ty1 < sy0) continue;
        if (cellKey(Math.floor((Math.max(sx0, tx0) - padX) / cx), Math.floor((Math.max(sy0, ty0) - padY) / cy)) !== key) continue;
        relate(s, t);
      }
    }
  }

  // Vertices of unmatched edges near another polygon's border: inside it (a sliver overlap) or outside (a gap).
  if (near > 0) {
    const tested = new Set<number>();
    for (let s = 0; s < count; s++) {
      if (seg.shared[s] > 0) continue;
      const [vx, vy] = [seg.ax[s], seg.ay[s]];
      tested.clear();
      for (let i = Math.floor((vx - padX) / cx); i <= Math.floor((vx + padX) / cx); i++)
        for (let j = Math.floor((vy - padY) / cy); j <= Math.floor((vy + padY) / cy); j++)
          for (const t of cells.get(cellKey(i, j)) ?? []) {
            const other = seg.owner[t];
            if (other === seg.owner[s] || tested.has(other)) continue;
            if (pointSegmentMetres(vx, vy, seg.ax[t], seg.ay[t], seg.bx[t], seg.by[t], kx, ky) >= near) continue;
            tested.add(other);
            const inside = pointInGeometry(vx, vy, geometries[other]);
            if (inside === true) pairOf(seg.owner[s], other, vx, vy).inside++;
            else if (inside === false && seg.shared[t] === 0) {
              const key = pairKey(seg.owner[s], other);
              if (!gaps.has(key)) gaps.set(key, { a: Math.min(seg.owner[s], other), b: Math.max(seg.owner[s], other), at: [vx / Q, vy / Q] });
            }
          }
    }
  }

  // Holes outside their outline.
  geometries.forEach((g, index) => {
    partsOf(g).forEach((rings, part) => {
      for (let r = 1; r < rings.length; r++) {
        if (firstDecided(rings[r], (x, y) => pointInRing(x, y, rings[0])) === false) shapes.push({ index, kind: 'hole outside outline', part, ring: r, at: rings[r][0] as LonLat });
      }
    });
  });

  // A polygon lying wholly inside another (every vertex inside it or on its border, one strictly inside), crossing nothing.
  const firsts = new KDBush(Math.max(1, geometries.length));
  geometries.forEach((g) => {
    const p = partsOf(g)[0]?.[0]?.[0];
    firsts.add(p ? Math.round(p[0] * Q) : Infinity, p ? Math.round(p[1] * Q) : Infinity);
  });
  if (geometries.length === 0) firsts.add(Infinity, Infinity);
  firsts.finish();
  const nested: NestedIssue[] = [];
  geometries.forEach((g, outer) => {
    const [x0, y0, x1, y1] = boxes[outer];
    for (const inner of firsts.range(x0, y0, x1, y1)) {
      if (inner === outer || inner >= geometries.length) continue;
      const ring = partsOf(geometries[inner])[0][0];
      if (within(ring, g)) nested.push({ inner, outer, at: ring[0] as LonLat });
    }
  });

  const pairList = [...pairs.values()].filter((p) => p.crossings + p.touches + p.inside + p.sameDirection > 0);
  const overlapping = new Set(pairList.map((p) => pairKey(p.a, p.b)));
  return {
    shapes,
    pairs: pairList,
    gaps: [...gaps.entries()].filter(([k]) => !overlapping.has(k)).map(([, g]) => g),
    nested,
  };
}
