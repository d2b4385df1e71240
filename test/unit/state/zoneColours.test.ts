// The store's zone colours: a palette chosen for the map recolours the working
// scenario in one undo step, and zones added later take the same palette.
import { describe, expect, it } from 'vitest';
import { NEIGHBOUR_FLOOR, PALETTES, perceivedDistance, zoneNeighbours } from '../../../src/model/palette';
import { useApp } from '../../../src/state/store';
import { loadExampleCounty } from '../../support/exampleCounty';
import { allUnits, asZone } from '../../../solver/model';

const project = loadExampleCounty('norfolk');
const working = () => useApp.getState().history.present;

describe('choosing the zone palette', () => {
  it('recolours every zone from the colour-blind safe palette, bordering zones apart, in one undo step', () => {
    useApp.getState().openProject(project);
    const before = working().zones.map((z) => z.colour);
    before.forEach((c) => expect(PALETTES.standard.colours).toContain(c));

    useApp.getState().recolourZones('colourBlindSafe');
    const after = working();
    after.zones.forEach((z) => expect(PALETTES.colourBlindSafe.colours).toContain(z.colour));
    const nb = zoneNeighbours(project.model.units.adjacency, { zoneOf: after.zoneOf }, after.zones.length);
    nb.forEach((set, a) => set.forEach((b) => expect(perceivedDistance(after.zones[a].colour!, after.zones[b].colour!)).toBeGreaterThanOrEqual(NEIGHBOUR_FLOOR)));
    expect(useApp.getState().scenarios.find((s) => s.id === after.id)).toBe(after);

    useApp.getState().undo();
    expect(working().zones.map((z) => z.colour)).toEqual(before);
  });

  it('gives a zone split off later a colour from the palette in use', () => {
    useApp.getState().openProject(project);
    useApp.getState().recolourZones('colourBlindSafe');
    const s = working();
    const units = allUnits(s.zoneOf.length).filter((u) => s.zoneOf[u] === 7).slice(0, 3);
    useApp.getState().setSplitting(asZone(7));
    useApp.getState().applySelection(units);
    const split = working();
    expect(split.zones).toHaveLength(s.zones.length + 1);
    expect(PALETTES.colourBlindSafe.colours).toContain(split.zones.at(-1)!.colour);
  });
});
