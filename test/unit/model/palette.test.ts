import { describe, expect, it } from 'vitest';
import { assignZoneColours, colourDistance, ZONE_PALETTE, zoneNeighbours } from '../../../src/model/palette';
import { syntheticCounty } from '../../../solver/testing/syntheticCounty';

describe('zone colours', () => {
  it('gives every zone its own colour while the palette lasts', () => {
    const { model, plan } = syntheticCounty({ units: 600, zones: 14, seed: 3 });
    const colours = assignZoneColours(zoneNeighbours(model.units.adjacency, plan, 14));
    expect(new Set(colours).size).toBe(14);
    colours.forEach((c) => expect(ZONE_PALETTE).toContain(c));
  });

  it('keeps neighbouring zones clearly apart', () => {
    const { model, plan } = syntheticCounty({ units: 600, zones: 14, seed: 3 });
    const nb = zoneNeighbours(model.units.adjacency, plan, 14);
    const colours = assignZoneColours(nb);
    const closest = Math.min(...nb.flatMap((set, a) => [...set].map((b) => colourDistance(colours[a], colours[b]))));
    expect(closest).toBeGreaterThan(100);
  });

  it('keeps a colour the user chose', () => {
    const colours = assignZoneColours([new Set([1]), new Set([0])], ['#123456']);
    expect(colours[0]).toBe('#123456');
    expect(colours[1]).not.toBe('#123456');
  });
});
