// Finding the area of a new package from what a commissioner types: a postcode, a
// postcode sector, or an area's name or code, on the real Norfolk example.
import { describe, expect, it } from 'vitest';
import { findPlaces } from '../../../src/ui/placeSearch';
import { loadExampleCounty } from '../../support/exampleCounty';

const project = loadExampleCounty('norfolk');
const names = (units: number[]) => units.map((u) => project.model.units.names[u]);

describe('finding the area of a new package', () => {
  it('gives the areas a postcode\'s sector lies in, the one holding most of its postcodes first', () => {
    const found = findPlaces(project, 'pe33 0ab');
    const held = found.candidates.map((c) => project.unitSectors[c.unit]['PE33 0']);
    expect(held.length).toBeGreaterThan(1);
    expect(held.every((n) => n > 0)).toBe(true);
    expect([...held].sort((a, b) => b - a)).toEqual(held);
    // Every unit holding the sector is listed, and no other.
    const holding = project.unitSectors.flatMap((s, u) => (s['PE33 0'] ? [u] : []));
    expect(found.candidates.map((c) => c.unit).sort((a, b) => a - b)).toEqual(holding);
    const total = held.reduce((a, b) => a + b, 0);
    expect(found.candidates[0].note).toBe(`${held[0]} of the sector's ${total} postcodes`);
    expect(found.message).toBe(`Postcode sector PE33 0 lies in ${held.length} areas: choose the one the package is in (listed by how many of the sector's postcodes each holds).`);
    // A sector typed alone, with or without its space, finds the same.
    expect(findPlaces(project, 'PE330').candidates).toEqual(found.candidates);
    expect(findPlaces(project, ' PE33 0 ').candidates).toEqual(found.candidates);
  });

  it('says when no area of the project holds the postcode', () => {
    const found = findPlaces(project, 'SW1A 1AA');
    expect(found.candidates).toEqual([]);
    expect(found.message).toMatch(/^No area of this project holds postcode sector SW1A 1\. Is SW1A 1AA in this county\?/);
  });

  it('finds an area by its exact name or code, and lists the first matches of part of one', () => {
    const exact = findPlaces(project, "king's lynn and west norfolk 014a");
    expect(names(exact.candidates.map((c) => c.unit))).toEqual(["King's Lynn and West Norfolk 014A"]);
    const code = project.model.units.ids[exact.candidates[0].unit];
    expect(findPlaces(project, code).candidates.map((c) => c.unit)).toEqual([exact.candidates[0].unit]);
    const part = findPlaces(project, 'North Norfolk 00');
    expect(part.candidates.length).toBeGreaterThan(1);
    expect(names(part.candidates.map((c) => c.unit)).every((n) => n.startsWith('North Norfolk 00'))).toBe(true);
    const many = findPlaces(project, 'Norfolk');
    expect(many.candidates).toHaveLength(30);
    expect(many.message).toMatch(/^\d+ areas match "Norfolk"; the first 30 are listed/);
  });

  it('finds nothing for text that is neither, and says so; nothing for an empty box', () => {
    expect(findPlaces(project, 'Kings Lyn')).toEqual({ candidates: [], message: 'No postcode or area matches "Kings Lyn".' });
    expect(findPlaces(project, '   ')).toEqual({ candidates: [], message: '' });
  });
});
