import { describe, expect, it } from 'vitest';
import { ruralityFromRuc } from '../../../src/model/rurality';
import { Rurality } from '../../../solver/model';

describe('ruralityFromRuc', () => {
  it.each([
    ['A1', Rurality.Urban, false],
    ['C2', Rurality.Urban, true],
    ['D1', Rurality.RuralTown, false],
    ['e2', Rurality.RuralVillage, true],
    ['F1', Rurality.RuralVillage, false],
  ])('%s', (code, rurality, sparse) => {
    expect(ruralityFromRuc(code)).toEqual({ rurality, sparse });
  });

  it('returns null for codes it does not know, so callers fall back to density', () => {
    expect(ruralityFromRuc('')).toBeNull();
    expect(ruralityFromRuc('G1')).toBeNull();
    expect(ruralityFromRuc('Urban')).toBeNull();
  });
});
