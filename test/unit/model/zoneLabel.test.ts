// A zone reads once: numbered zones show number and name, named-only zones their name.
import { describe, expect, it } from 'vitest';
import { lotTitle, zoneLabel, zoneTitle } from '../../../solver/zoneLabel';

describe('zone labels', () => {
  it('shows a numbered zone by number and name', () => {
    expect(zoneLabel({ id: '10', name: 'Sleaford' })).toBe('10 Sleaford');
    expect(lotTitle({ id: '10', name: 'Sleaford' })).toBe('Lot 10: Sleaford');
  });

  it('does not repeat a zone whose id is its name', () => {
    expect(zoneLabel({ id: 'Market Town', name: 'Market Town' })).toBe('Market Town');
    expect(zoneLabel({ id: 'market town', name: ' Market Town ' })).toBe('Market Town');
    expect(lotTitle({ id: 'Market Town', name: 'Market Town' })).toBe('Lot: Market Town');
  });

  it('does not repeat an id the name already starts with or calls a zone', () => {
    expect(zoneLabel({ id: '10', name: '10 Sleaford' })).toBe('10 Sleaford');
    expect(zoneLabel({ id: '10', name: 'Zone 10 Sleaford' })).toBe('Zone 10 Sleaford');
    expect(zoneLabel({ id: '3', name: 'Lot 3' })).toBe('Lot 3');
    expect(lotTitle({ id: '3', name: 'Lot 3' })).toBe('Lot 3');
    expect(lotTitle({ id: '10', name: 'Zone 10 Sleaford' })).toBe('Lot: Zone 10 Sleaford');
  });

  it('keeps the id when the name only happens to contain its characters', () => {
    expect(zoneLabel({ id: '1', name: 'Sleaford (10a)' })).toBe('1 Sleaford (10a)');
    expect(zoneLabel({ id: '1', name: '<img onerror=alert(1)>' })).toBe('1 <img onerror=alert(1)>');
    expect(zoneLabel({ id: '1', name: 'Zone 12' })).toBe('1 Zone 12');
    expect(zoneLabel({ id: 'a.b', name: 'axb' })).toBe('a.b axb');
  });

  it('falls back to the id when the name is empty', () => {
    expect(zoneLabel({ id: '7', name: '' })).toBe('7');
    expect(lotTitle({ id: '7', name: '  ' })).toBe('Lot 7');
  });

  it('names a zone in a sentence without saying "Zone" twice', () => {
    expect(zoneTitle({ id: '10', name: 'Sleaford' })).toBe('Zone 10 Sleaford');
    expect(zoneTitle({ id: '3', name: 'Zone 3 Town 3' })).toBe('Zone 3 Town 3');
    expect(zoneTitle({ id: 'Market Town', name: 'Market Town' })).toBe('Zone Market Town');
  });
});
