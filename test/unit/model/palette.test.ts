// Zone colours on the two example counties and on generated ones: bordering
// zones far enough apart for people with colour-vision deficiency too.
import { describe, expect, it } from 'vitest';
import { differenceCiede2000 } from 'culori';
import {
  assignZoneColours,
  NEIGHBOUR_FLOOR,
  paletteOf,
  PALETTES,
  perceivedDistance,
  zoneNeighbours,
  type PaletteKind,
} from '../../../src/model/palette';
import { syntheticCounty } from '../../../solver/testing/syntheticCounty';
import { loadExampleCounty } from '../../support/exampleCounty';

const closestNeighbours = (nb: Array<Set<number>>, colours: string[]) =>
  Math.min(...nb.flatMap((set, a) => [...set].map((b) => perceivedDistance(colours[a], colours[b]))));

const counties = (['lincolnshire', 'norfolk'] as const).map((name) => {
  const p = loadExampleCounty(name);
  return { name, nb: zoneNeighbours(p.model.units.adjacency, p.plan, p.model.zones.length) };
});
const generated = [3, 5, 8, 11, 16].map((seed) => {
  const zones = 6 + ((seed * 5) % 26);
  const { model, plan } = syntheticCounty({ units: 100 * zones, zones, seed });
  return { name: `generated, ${zones} zones (seed ${seed})`, nb: zoneNeighbours(model.units.adjacency, plan, zones) };
});

describe('how far apart two colours look', () => {
  it('is CIEDE2000 for the viewer who sees them closest: colours a deuteranope or protanope confuses count as close', () => {
    const ciede = differenceCiede2000();
    // Orange and olive: plain to normal vision, nearly one colour without red-green vision.
    expect(ciede('#f28e2b', '#b6992d')).toBeGreaterThan(15);
    expect(perceivedDistance('#f28e2b', '#b6992d')).toBeLessThan(2);
    expect(perceivedDistance('#b6992d', '#f28e2b')).toBe(perceivedDistance('#f28e2b', '#b6992d'));
    expect(perceivedDistance('#4e79a7', '#4e79a7')).toBe(0);
  });

  it('puts the three pinks of the old palette below the floor', () => {
    expect(perceivedDistance('#ff9da7', '#fabfd2')).toBeLessThan(NEIGHBOUR_FLOOR);
    expect(perceivedDistance('#ff9da7', '#d37295')).toBeLessThan(NEIGHBOUR_FLOOR);
  });

  it('does not judge a colour it cannot read', () => {
    expect(perceivedDistance('not a colour', '#123456')).toBe(Infinity);
  });
});

describe('zone colours', () => {
  for (const kind of Object.keys(PALETTES) as PaletteKind[]) {
    for (const { name, nb } of [...counties, ...generated]) {
      it(`keeps bordering zones at least ${NEIGHBOUR_FLOOR} apart: ${name}, ${kind} palette`, () => {
        const colours = assignZoneColours(nb, [], PALETTES[kind].colours);
        expect(colours).toHaveLength(nb.length);
        for (const c of colours) expect(PALETTES[kind].colours).toContain(c);
        expect(closestNeighbours(nb, colours)).toBeGreaterThanOrEqual(NEIGHBOUR_FLOOR);
      });
    }
  }

  it('gives every zone of Lincolnshire its own colour (12 zones, 16 colours)', () => {
    const { nb } = counties[0];
    expect(new Set(assignZoneColours(nb)).size).toBe(12);
  });

  it('uses most of the palette when zones outnumber it (Norfolk: 17 zones, 16 colours)', () => {
    const { nb } = counties[1];
    expect(new Set(assignZoneColours(nb)).size).toBeGreaterThanOrEqual(14);
  });

  it('gives the same colours every time', () => {
    const { nb } = counties[1];
    expect(assignZoneColours(nb)).toEqual(assignZoneColours(nb));
  });

  it('keeps a colour the user chose, and colours the others apart from it', () => {
    const { nb } = counties[0];
    const fixed = nb.map((_, z) => (z === 4 ? '#123456' : undefined));
    const colours = assignZoneColours(nb, fixed);
    expect(colours[4]).toBe('#123456');
    for (const o of nb[4]) expect(perceivedDistance(colours[o], '#123456')).toBeGreaterThanOrEqual(NEIGHBOUR_FLOOR);
  });

  it('has a colour-blind safe palette whose every pair stays apart (the standard one does not)', () => {
    const minPair = (p: readonly string[]) => Math.min(...p.flatMap((a, i) => p.slice(i + 1).map((b) => perceivedDistance(a, b))));
    expect(minPair(PALETTES.colourBlindSafe.colours)).toBeGreaterThan(12);
    expect(minPair(PALETTES.standard.colours)).toBeLessThan(2);
  });

  it('tells which palette a set of colours comes from', () => {
    expect(paletteOf(['#e69f00', '#0072B2'])).toBe('colourBlindSafe');
    expect(paletteOf(['#4e79a7', '#843c39'])).toBe('standard');
    expect(paletteOf(['#4e79a7', '#e69f00'])).toBeNull();
    expect(paletteOf(['#4e79a7', undefined])).toBeNull();
  });
});
