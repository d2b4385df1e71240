// Map labels that never overlap: each label, most important first, takes the
// first of its candidate positions that stays inside the map frame and clear of
// every label, marker and leader line already placed. Near positions come
// first; a label pushed further from its anchor gets a leader line back to it;
// a label with no free position is dropped (and reported), never drawn over
// another. Pure geometry in screen pixels (y down), so it is tested without a browser.
import { lineHeight, textWidth, type TextStyle } from './textWidth';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface LabelRequest {
  text: string;
  style: TextStyle;
  anchor: Point;
  /** 'point': beside a marker of `markerRadius`; 'area': centred on the anchor (a zone's label). */
  kind: 'point' | 'area';
  markerRadius?: number;
  /** Higher is placed first. */
  priority: number;
}

export interface PlacedLabel {
  request: LabelRequest;
  /** Centre of the text. */
  x: number;
  y: number;
  width: number;
  /** The text's box, padded for its halo. */
  box: Box;
  /** From the anchor to the box edge, when the label sits away from its anchor. */
  leader: [Point, Point] | null;
}

export interface Placement {
  placed: PlacedLabel[];
  dropped: LabelRequest[];
}

/** Room kept round each label for its white halo. */
export const HALO_PX = 2;
/** Half the size of the spot kept free round an area label's anchor. */
const ANCHOR_PX = 2;
/** Gap between a marker and its label. */
const GAP_PX = 3;

export const boxesOverlap = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
const inside = (a: Box, frame: Box) => a.x0 >= frame.x0 && a.y0 >= frame.y0 && a.x1 <= frame.x1 && a.y1 <= frame.y1;

/** True when the segment p-q passes through the box (Liang-Barsky clipping). */
export function segmentCrossesBox(p: Point, q: Point, b: Box): boolean {
  let t0 = 0, t1 = 1;
  const dx = q.x - p.x, dy = q.y - p.y;
  const edges: Array<[number, number]> = [[-dx, p.x - b.x0], [dx, b.x1 - p.x], [-dy, p.y - b.y0], [dy, b.y1 - p.y]];
  for (const [pp, qq] of edges) {
    if (pp === 0) {
      if (qq < 0) return false;
    } else {
      const t = qq / pp;
      if (pp < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/** The point of a box nearest to p (where a leader line meets the label). */
function nearestOnBox(p: Point, b: Box): Point {
  return { x: Math.min(Math.max(p.x, b.x0), b.x1), y: Math.min(Math.max(p.y, b.y0), b.y1) };
}

interface Candidate {
  cx: number;
  cy: number;
  leader: boolean;
}

const DIRECTIONS = Array.from({ length: 16 }, (_, i) => (i * Math.PI) / 8);

/** Candidate centres, nearest first. */
function candidates(r: LabelRequest, w: number, h: number): Candidate[] {
  const { x, y } = r.anchor;
  const out: Candidate[] = [];
  if (r.kind === 'point') {
    const d = (r.markerRadius ?? 0) + GAP_PX;
    const besides: Array<[number, number]> = [
      [d + w / 2, 0], [-d - w / 2, 0], [0, -d - h / 2], [0, d + h / 2],
      [d + w / 2, -d - h / 2 + 2], [d + w / 2, d + h / 2 - 2], [-d - w / 2, -d - h / 2 + 2], [-d - w / 2, d + h / 2 - 2],
    ];
    for (const [dx, dy] of besides) out.push({ cx: x + dx, cy: y + dy, leader: false });
  } else {
    out.push({ cx: x, cy: y, leader: false });
    for (const [dx, dy] of [[0, -h * 0.6], [0, h * 0.6], [w * 0.3, 0], [-w * 0.3, 0]]) out.push({ cx: x + dx, cy: y + dy, leader: false });
  }
  // Further out, with a leader line: rings round the anchor, clear of the text's own half-size.
  const base = (r.markerRadius ?? 0) + GAP_PX;
  for (const step of [1.5, 2.5, 4, 6]) {
    for (const a of DIRECTIONS) {
      const ux = Math.cos(a), uy = Math.sin(a);
      const reach = base + step * h;
      out.push({ cx: x + ux * (reach + w / 2), cy: y + uy * (reach + h / 2), leader: true });
    }
  }
  return out;
}

/**
 * Places labels in the frame, avoiding each other, the obstacles (markers,
 * map furniture) and leader lines. Requests are taken by priority, highest first
 * (ties keep their order).
 */
export function placeLabels(requests: LabelRequest[], frame: Box, obstacles: Box[] = []): Placement {
  const order = requests.map((r, i) => ({ r, i })).sort((a, b) => b.r.priority - a.r.priority || a.i - b.i);
  const placed: PlacedLabel[] = [];
  const dropped: LabelRequest[] = [];
  const leaders: Array<[Point, Point]> = [];
  // No label covers another area label's anchor, so that label can always be led back to it.
  const anchors = requests.map((r) => (r.kind === 'area' ? { x0: r.anchor.x - ANCHOR_PX, y0: r.anchor.y - ANCHOR_PX, x1: r.anchor.x + ANCHOR_PX, y1: r.anchor.y + ANCHOR_PX } : null));
  for (const { r, i } of order) {
    const others = anchors.filter((a, j): a is Box => a !== null && j !== i);
    const w = textWidth(r.text, r.style);
    const h = lineHeight(r.style);
    let done: PlacedLabel | null = null;
    for (const c of candidates(r, w, h)) {
      const box = { x0: c.cx - w / 2 - HALO_PX, y0: c.cy - h / 2 - HALO_PX, x1: c.cx + w / 2 + HALO_PX, y1: c.cy + h / 2 + HALO_PX };
      if (!inside(box, frame)) continue;
      if (placed.some((p) => boxesOverlap(p.box, box)) || obstacles.some((o) => boxesOverlap(o, box)) || others.some((a) => boxesOverlap(a, box))) continue;
      if (leaders.some(([p, q]) => segmentCrossesBox(p, q, box))) continue;
      let leader: [Point, Point] | null = null;
      if (c.leader) {
        leader = [r.anchor, nearestOnBox(r.anchor, box)];
        // The line may cross neither another label nor a marker it does not belong to.
        const [p, q] = leader;
        if (placed.some((o) => segmentCrossesBox(p, q, o.box))) continue;
        if (obstacles.some((o) => segmentCrossesBox(p, q, o) && !(r.anchor.x >= o.x0 && r.anchor.x <= o.x1 && r.anchor.y >= o.y0 && r.anchor.y <= o.y1))) continue;
      }
      done = { request: r, x: c.cx, y: c.cy, width: w, box, leader };
      break;
    }
    if (done) {
      placed.push(done);
      if (done.leader) leaders.push(done.leader);
    } else dropped.push(r);
  }
  return { placed, dropped };
}
