// Properties on small generated counties: hours are conserved, a move changes only
// the two zones concerned, and incremental scoring matches a fresh full score.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asUnit, asZone, UNASSIGNED, type CountyModel, type Plan } from '../../../solver/model';
import { DEFAULT_SCORE_SETTINGS, prepareScoring, ScoreState, type PlanScore, type ZoneScore } from '../../../solver/score';
import { syntheticCounty } from '../../../solver/testing/syntheticCounty';
import { referenceFigures } from './reference';

/** A small county with fractional demand, so sums are not exact integers. */
function county(seed: number, units: number, zones: number): { model: CountyModel; plan: Plan } {
  const { model, plan } = syntheticCounty({ units, zones, seed, areaKm2: 800 });
  const d = model.demand;
  for (const field of [d.users, d.hours, d.doubleHandedHours, d.waitingUsers, d.waitingHours]) {
    for (let u = 0; u < units; u++) field[u] *= 1.0 + ((u * 7919) % 97) / 113;
  }
  return { model, plan };
}

const countyArb = fc.record({ seed: fc.integer({ min: 1, max: 1000 }), units: fc.integer({ min: 20, max: 150 }), zones: fc.integer({ min: 2, max: 6 }) });

/** Relative 1e-9, absolute for values below 1. */
function close(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Path of the first difference between two scores, or null when they agree. */
function difference(a: unknown, b: unknown, path = ''): string | null {
  if (typeof a === 'number' && typeof b === 'number') return close(a, b) ? null : `${path}: ${a} vs ${b}`;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b ? null : `${path}: ${String(a)} vs ${String(b)}`;
  if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b)) return difference(Array.from(a as Uint8Array), Array.from(b as Uint8Array), path);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    // Messages round figures for people; rule codes and figures are compared instead.
    if (k === 'message') continue;
    const diff = difference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (diff) return diff;
  }
  return null;
}

const zoneDiffers = (a: ZoneScore, b: ZoneScore) => difference(a, b) !== null;

describe('scoring properties', () => {
  it('conserves hours across zones and unassigned', () => {
    fc.assert(
      fc.property(countyArb, fc.integer(), ({ seed, units, zones }, planSeed) => {
        const { model } = county(seed, units, zones);
        const zoneOf = Int32Array.from({ length: units }, (_, u) => (((u * 31 + planSeed) % (zones + 1)) + zones + 1) % (zones + 1) - 1);
        const score = new ScoreState(prepareScoring(model, DEFAULT_SCORE_SETTINGS), { zoneOf }).planScore();
        const total = model.demand.hours.reduce((s, h) => s + h, 0);
        const inZones = score.zones.reduce((s, z) => s + z.hours, 0);
        expect(close(inZones + score.unassigned.hours, total)).toBe(true);
        expect(close(score.assigned.hours, inZones)).toBe(true);
        expect(score.zones.reduce((s, z) => s + z.units, 0) + score.unassigned.units).toBe(units);
      }),
      { numRuns: 40 },
    );
  });

  it('changes exactly the two zones a unit moves between', () => {
    fc.assert(
      fc.property(countyArb, fc.nat(), fc.nat(), ({ seed, units, zones }, unitPick, zonePick) => {
        const { model, plan } = county(seed, units, zones);
        const state = new ScoreState(prepareScoring(model, DEFAULT_SCORE_SETTINGS), plan);
        const u = asUnit(unitPick % units);
        const from = state.zoneOf(u);
        const to = asZone((from + 1 + (zonePick % (zones - 1))) % zones);
        const before = state.planScore().zones;
        const change = state.moveUnits([[u, to]]);
        const after = state.planScore().zones;
        const changed = before.filter((z, i) => zoneDiffers(z, after[i])).map((z) => z.zone);
        expect(changed).toEqual([from, to].sort((x, y) => x - y));
        expect(change).toEqual({ zones: changed, meanZoneHoursChanged: false });
      }),
      { numRuns: 60 },
    );
  });

  it('matches a full recompute after random move sequences', () => {
    const movesArb = fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { minLength: 1, maxLength: 80 });
    fc.assert(
      fc.property(countyArb, movesArb, fc.nat(), ({ seed, units, zones }, moves, flagSeed) => {
        const { model, plan } = county(seed, units, zones);
        const ctx = prepareScoring(model, DEFAULT_SCORE_SETTINGS);
        const history = {
          baseline: plan,
          extraRuralFlags: Uint8Array.from({ length: units }, (_, u) => ((u + flagSeed) % 3 === 0 ? 1 : 0)),
        };
        const state = new ScoreState(ctx, plan, history);
        for (const [unitPick, zonePick, read] of moves) {
          state.moveUnit(asUnit(unitPick % units), asZone((zonePick % (zones + 1)) - 1));
          // Reading now and then refreshes the lazy figures midway through.
          if (read) state.zoneScore(asZone(zonePick % zones));
        }
        const incremental: PlanScore = state.planScore();
        const full: PlanScore = new ScoreState(ctx, state.plan(), history).planScore();
        expect(difference(incremental, full)).toBeNull();
        for (const zs of incremental.zones) {
          const ref = referenceFigures(model, state.plan().zoneOf, zs.zone, DEFAULT_SCORE_SETTINGS.travel.circuityFactor);
          const mine = {
            units: zs.units,
            hours: zs.hours,
            pieces: zs.pieces,
            perimeterKm: zs.perimeterKm,
            baseMetres: zs.travelFromBase?.metres ?? null,
            centreMetres: zs.travelFromCentre?.metres ?? null,
          };
          expect(difference(mine, ref)).toBeNull();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('reports moves to and from UNASSIGNED as changing the mean zone', () => {
    const { model, plan } = county(3, 80, 4);
    const state = new ScoreState(prepareScoring(model, DEFAULT_SCORE_SETTINGS), plan);
    const u = asUnit(model.demand.hours.findIndex((h) => h > 0));
    const from = state.zoneOf(u);
    expect(state.moveUnits([[u, UNASSIGNED]])).toEqual({ zones: [from], meanZoneHoursChanged: true });
    expect(state.moveUnits([[u, from]])).toEqual({ zones: [from], meanZoneHoursChanged: true });
  });
});
