// Map labels never overlap, never leave the frame, and leader lines cross no label.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxesOverlap, placeLabels, segmentCrossesBox, type Box, type LabelRequest } from '../../../src/export/cartography/labelPlacement';
import { textWidth } from '../../../src/export/cartography/textWidth';

const FRAME: Box = { x0: 0, y0: 0, x1: 400, y1: 300 };
const STYLE = { sizePx: 12, bold: true };

function expectClean(requests: LabelRequest[], frame: Box, obstacles: Box[] = []) {
  const { placed, dropped } = placeLabels(requests, frame, obstacles);
  expect(placed.length + dropped.length).toBe(requests.length);
  for (const [i, a] of placed.entries()) {
    expect(a.box.x0).toBeGreaterThanOrEqual(frame.x0);
    expect(a.box.y0).toBeGreaterThanOrEqual(frame.y0);
    expect(a.box.x1).toBeLessThanOrEqual(frame.x1);
    expect(a.box.y1).toBeLessThanOrEqual(frame.y1);
    for (const o of obstacles) expect(boxesOverlap(a.box, o)).toBe(false);
    for (const b of placed.slice(i + 1)) expect(boxesOverlap(a.box, b.box), `${a.request.text} / ${b.request.text}`).toBe(false);
    for (const b of placed) if (b !== a && b.leader) expect(segmentCrossesBox(b.leader[0], b.leader[1], a.box)).toBe(false);
  }
  return { placed, dropped };
}

describe('label placement', () => {
  it('puts a lone base label beside its marker, whole', () => {
    const r: LabelRequest = { text: 'Market Town base', style: STYLE, anchor: { x: 395, y: 150 }, kind: 'point', markerRadius: 6, priority: 1 };
    const { placed } = expectClean([r], FRAME);
    expect(placed).toHaveLength(1);
    // Near the right edge it goes to the left of the marker rather than off the map.
    expect(placed[0].box.x1).toBeLessThanOrEqual(395);
    expect(placed[0].width).toBeCloseTo(textWidth('Market Town base', STYLE));
    expect(placed[0].leader).toBeNull();
  });

  it('moves labels crowded at one place apart, with leader lines back to their anchors', () => {
    const reqs: LabelRequest[] = ['5', '7', '8', '9'].map((text, i) => ({ text, style: STYLE, anchor: { x: 200 + 6 * i, y: 150 }, kind: 'area', priority: 4 - i }));
    const { placed, dropped } = expectClean(reqs, FRAME);
    expect(dropped).toEqual([]);
    expect(placed.some((p) => p.leader !== null)).toBe(true);
    for (const p of placed) {
      if (!p.leader) continue;
      expect(p.leader[0]).toEqual(p.request.anchor);
      // The line ends on the label's own box.
      expect(p.leader[1].x).toBeGreaterThanOrEqual(p.box.x0);
      expect(p.leader[1].x).toBeLessThanOrEqual(p.box.x1);
    }
  });

  it('keeps clear of markers and takes the more important label first', () => {
    const marker: Box = { x0: 190, y0: 140, x1: 210, y1: 160 };
    const low: LabelRequest = { text: 'neighbour', style: STYLE, anchor: { x: 200, y: 150 }, kind: 'area', priority: 1 };
    const high: LabelRequest = { text: 'Sleaford base', style: STYLE, anchor: { x: 200, y: 150 }, kind: 'point', markerRadius: 10, priority: 2 };
    const { placed } = expectClean([low, high], FRAME, [marker]);
    expect(placed[0].request).toBe(high);
  });

  it('drops a label that cannot fit rather than cut it or overlap', () => {
    const tiny: Box = { x0: 0, y0: 0, x1: 40, y1: 20 };
    const { placed, dropped } = expectClean([{ text: 'Stamford & Bourne base', style: STYLE, anchor: { x: 20, y: 10 }, kind: 'point', priority: 1 }], tiny);
    expect(placed).toEqual([]);
    expect(dropped).toHaveLength(1);
  });

  it('never overlaps, whatever the labels and where they are', () => {
    const request = fc.record({
      text: fc.string({ minLength: 1, maxLength: 24 }),
      x: fc.double({ min: 0, max: 400, noNaN: true }),
      y: fc.double({ min: 0, max: 300, noNaN: true }),
      point: fc.boolean(),
      priority: fc.integer({ min: 0, max: 3 }),
      size: fc.integer({ min: 8, max: 16 }),
    });
    fc.assert(
      fc.property(fc.array(request, { maxLength: 40 }), fc.array(fc.record({ x: fc.integer({ min: 0, max: 390 }), y: fc.integer({ min: 0, max: 290 }) }), { maxLength: 10 }), (rs, ms) => {
        const reqs: LabelRequest[] = rs.map((r) => ({
          text: r.text,
          style: { sizePx: r.size, bold: r.point },
          anchor: { x: r.x, y: r.y },
          kind: r.point ? 'point' : 'area',
          markerRadius: r.point ? 5 : undefined,
          priority: r.priority,
        }));
        expectClean(reqs, FRAME, ms.map((m) => ({ x0: m.x, y0: m.y, x1: m.x + 10, y1: m.y + 10 })));
      }),
      { numRuns: 150 },
    );
  });
});
