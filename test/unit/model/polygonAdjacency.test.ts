import { describe, expect, it } from 'vitest';
import type { Feature, Polygon } from 'geojson';
import { polygonAdjacency } from '../../../src/model/polygonAdjacency';
import { neighboursOf } from '../../../solver/model';

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
    expect([...neighboursOf(m.adjacency, 0)]).toEqual([1]);
    const k = m.adjacency.offsets[0];
    // 0.01 degrees of latitude is about 1.11 km.
    expect(m.adjacency.sharedKm[k]).toBeCloseTo(1.112, 2);
  });

  it('links units that touch only at a corner with a zero shared length', () => {
    expect([...neighboursOf(m.adjacency, 2)]).toEqual([1]);
    expect(m.adjacency.sharedKm[m.adjacency.offsets[2]]).toBe(0);
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
    expect([...neighboursOf(r.adjacency, 1)]).toEqual([0]);
  });
});
