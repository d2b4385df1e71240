import { describe, expect, it } from 'vitest';
import type { Feature, Polygon } from 'geojson';
import { polygonAdjacency } from '../../../src/model/polygonAdjacency';
import { asUnit, neighboursOf } from '../../../solver/model';

const square = (x: number, y: number, size = 0.01): Feature<Polygon> => ({
  type: 'Feature',
  properties: {},
  geometry: {
    type: 'Polygon',
    coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]],
  },
});

describe('polygonAdjacency', () => {
  // 0 | 1 side by side; 2 touches 1 only at a corner.
  const features = [square(0, 52), square(0.01, 52), square(0.02, 52.01)];
  const m = polygonAdjacency(features);

  it('finds neighbours that share an edge, with the edge length', () => {
    expect([...neighboursOf(m.adjacency, asUnit(0))]).toEqual([1]);
    const k = m.adjacency.offsets[0];
    // 0.01 degrees of latitude is about 1.11 km.
    expect(m.adjacency.sharedKm[k]).toBeCloseTo(1.112, 2);
  });

  it('does not count a corner contact as a border: the unit is joined by an explicit link instead', () => {
    // 2 shares no edge with anything, so it is a group of its own, linked at the corner (0 km).
    expect([...neighboursOf(m.adjacency, asUnit(2))]).toEqual([1]);
    expect(m.adjacency.sharedKm[m.adjacency.offsets[2]]).toBe(0);
    expect(m.adjacency.links).toEqual([{ a: 1, b: 2, km: 0 }]);
  });

  it('measures perimeters and areas', () => {
    // A 0.01-degree square at 52N: 0.686 km wide, 1.112 km tall.
    expect(m.perimeterKm[0]).toBeCloseTo(2 * (0.6846 + 1.1119), 1);
    expect(m.areaKm2[0]).toBeCloseTo(0.6846 * 1.1119, 1);
  });

  it('returns one border per neighbouring pair and one outer border per unit', () => {
    const inner = m.borders.filter((b) => b.b !== -1);
    expect(inner.map((b) => [b.a, b.b])).toEqual([[0, 1]]);
    expect(m.borders.filter((b) => b.b === -1).map((b) => b.a).sort()).toEqual([0, 1, 2]);
  });

  it('matches edges whatever direction the rings run', () => {
    const reversed = square(0.01, 52);
    reversed.geometry.coordinates[0].reverse();
    const r = polygonAdjacency([square(0, 52), reversed]);
    expect([...neighboursOf(r.adjacency, asUnit(1))]).toEqual([0]);
  });
});

describe('polygonAdjacency: corners, islands and rivers', () => {
  // A 2 x 2 block (0 1 / 2 3) and a fifth square touching 3 only at its corner.
  const block = [square(0, 52), square(0.01, 52), square(0, 52.01), square(0.01, 52.01)];

  it('a corner-only contact inside a connected block is no neighbour and needs no link', () => {
    const m = polygonAdjacency(block);
    // 0 and 3 (and 1 and 2) meet only at the centre point.
    expect([...neighboursOf(m.adjacency, asUnit(0))]).toEqual([1, 2]);
    expect([...neighboursOf(m.adjacency, asUnit(3))]).toEqual([1, 2]);
    expect(m.adjacency.links).toBeUndefined();
  });

  it('an island unit is linked to its nearest unit, with the gap', () => {
    // South-east of unit 1, its nearest corner (0.05, 52) 0.03 degrees east of unit 1's (0.02, 52).
    const m = polygonAdjacency([...block, square(0.05, 51.99)]);
    expect(m.adjacency.links).toHaveLength(1);
    const [link] = m.adjacency.links!;
    expect([link.a, link.b].sort()).toEqual([1, 4]);
    // 0.03 degrees of longitude at 52N is about 2.05 km.
    expect(link.km).toBeCloseTo(2.05, 1);
    expect([...neighboursOf(m.adjacency, asUnit(4))]).toEqual([1]);
    // A link shares no border, so it adds nothing to shared lengths (and zone perimeters).
    expect(m.adjacency.sharedKm[m.adjacency.offsets[4]]).toBe(0);
  });

  it('a two-unit island is linked once, at its nearest pair', () => {
    const m = polygonAdjacency([...block, square(0.05, 51.99), square(0.06, 51.99)]);
    expect(m.adjacency.links).toEqual([{ a: 1, b: 4, km: expect.closeTo(2.05, 1) }]);
    expect([...neighboursOf(m.adjacency, asUnit(4))]).toEqual([1, 5]);
    expect([...neighboursOf(m.adjacency, asUnit(5))]).toEqual([4]);
  });

  it('a river narrower than 150 m is crossed at every pair of units that close', () => {
    // Two columns of two squares, 0.001 degrees (about 68 m) apart.
    const west = [square(0, 52), square(0, 52.01)];
    const east = [square(0.011, 52), square(0.011, 52.01)];
    const m = polygonAdjacency([...west, ...east]);
    const pairs = m.adjacency.links!.map((l) => [l.a, l.b]);
    // Each west square faces the east square beside it, and the one diagonally across at the corner.
    expect(pairs).toEqual([[0, 2], [0, 3], [1, 2], [1, 3]]);
    for (const l of m.adjacency.links!) expect(l.km).toBeLessThan(0.15);
  });
});
