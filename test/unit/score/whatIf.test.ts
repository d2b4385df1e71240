// The what-if of a new package: does the place switch to the extra-rural rate, and
// what does it cost? Scored on a copy: the data are not touched.
import { describe, expect, it } from 'vitest';
import { asUnit, demandWithUser, Rurality } from '../../../solver/model';
import { DEFAULT_SCORE_SETTINGS, prepareScoring, scorePlan, whatIfPackage } from '../../../solver/score';
import { exampleCountySettings, loadExampleCounty } from '../../support/exampleCounty';

const d = DEFAULT_SCORE_SETTINGS;
const { model, plan } = loadExampleCounty('norfolk');
const current = scorePlan(model, plan);
const ctx = prepareScoring(model, d);
const flags = current.extraRural.flagged;
const unitNamed = (name: string) => asUnit(model.units.names.indexOf(name));

describe('a new package, what if', () => {
  it('switches a remote hamlet with no service before to the extra-rural rate, and prices it', () => {
    const u = unitNamed("King's Lynn and West Norfolk 014A");
    expect(model.demand.hours[u]).toBe(0);
    const hoursBefore = model.demand.hours.slice();
    const w = whatIfPackage(ctx, flags, u, { hours: 7, carers: 1, waiting: true });
    expect(w).toMatchObject({ newArea: true, wasFlagged: false, flagged: true, rate: 16.76 });
    expect(w.score).toBeGreaterThanOrEqual(d.extraRural.switchOn);
    expect(w.annualCost).toBeCloseTo(7 * 16.76 * 52.14, 6);
    expect(w.packageUplift).toBeCloseTo(7 * 0.8 * 52.14, 6);
    expect(w.placeUplift).toBe(0);
    expect(w.minutesPerContactHour).toBeGreaterThan(current.visitTravel!.minutesPerContactHour!);
    expect(w.travelCost).toBeGreaterThan(0);
    expect(w.reasons[0]).toBe('village');
    expect(w.reasons[1]).toMatch(/^\d+ km from base/);
    expect(w.reasons[2]).toMatch(/min travel per contact hour \(top \d+%\)/);
    // Nothing was added to the data.
    expect(Array.from(model.demand.hours)).toEqual(Array.from(hoursBefore));
  });

  it('prices the uplift of the place\'s other hours when the package switches it on', () => {
    const u = unitNamed("King's Lynn and West Norfolk 014F");
    expect(flags[u]).toBe(0);
    const w = whatIfPackage(ctx, flags, u, { hours: 7, carers: 1, waiting: true });
    expect(w.flagged).toBe(true);
    expect(w.placeUplift).toBeCloseTo(model.demand.hours[u] * 0.8 * 52.14, 6);
  });

  it('keeps a flagged place on, and never flags a town', () => {
    const on = current.extraRural.flags.find((f) => !f.newArea)!.unit;
    const kept = whatIfPackage(ctx, flags, on, { hours: 2, carers: 1, waiting: false });
    expect(kept).toMatchObject({ wasFlagged: true, flagged: true, placeUplift: 0 });
    const town = asUnit(model.units.rurality.findIndex((r, u) => r === Rurality.Urban && model.demand.hours[u] > 0));
    const w = whatIfPackage(ctx, flags, town, { hours: 20, carers: 2, waiting: true });
    expect(w).toMatchObject({ flagged: false, rate: d.rates.urban });
    expect(w.reasons[0]).toBe('urban (never extra-rural)');
  });

  it('agrees with scoring the county afresh with the package in its data', () => {
    // Every unit of a sample, with a package as large as a care-home move and as small as one visit.
    for (let i = 0; i < model.units.count; i += 37) {
      const u = asUnit(i);
      for (const pkg of [{ hours: 0.5, carers: 1 as const, waiting: true }, { hours: 30, carers: 2 as const, waiting: false, visitsPerWeek: 28 }]) {
        const w = whatIfPackage(ctx, flags, u, pkg);
        const fresh = scorePlan({ ...model, demand: demandWithUser(model.demand, u, pkg) }, plan, d, { extraRuralFlags: flags });
        expect(w.flagged, `unit ${u}`).toBe(fresh.extraRural.flagged[u] === 1);
        expect(w.score).toBeCloseTo(fresh.extraRural.score[u], 12);
      }
    }
  });

  it('refuses a package with no hours and a unit that does not exist', () => {
    expect(() => whatIfPackage(ctx, flags, asUnit(0), { hours: 0, carers: 1, waiting: true })).toThrow(/hours above 0/);
    expect(() => whatIfPackage(ctx, flags, asUnit(model.units.count), { hours: 5, carers: 1, waiting: true })).toThrow(/no unit/);
    expect(() => whatIfPackage(ctx, flags, asUnit(0), { hours: 5, carers: 1, waiting: true, visitsPerWeek: 0 })).toThrow(/at least one visit/);
    expect(() => whatIfPackage(ctx, flags, asUnit(0), { hours: 5, carers: 1, waiting: true, visitsPerWeek: 29 })).toThrow(/at most 28/);
  });

  it("prices a package by the county's own rate scheme: Norfolk's distance bands, as scoring prices the place", () => {
    const norfolk = exampleCountySettings('norfolk');
    expect(norfolk.rates.scheme).toBe('bands');
    const nctx = prepareScoring(model, norfolk);
    const nflags = scorePlan(model, plan, norfolk).extraRural.flagged;
    for (let i = 0; i < model.units.count; i += 23) {
      const u = asUnit(i);
      const pkg = { hours: 7, carers: 1 as const, waiting: true };
      const w = whatIfPackage(nctx, nflags, u, pkg);
      const fresh = scorePlan({ ...model, demand: demandWithUser(model.demand, u, pkg) }, plan, norfolk, { extraRuralFlags: nflags });
      expect(w.rate, `unit ${u}`).toBe(fresh.rates.rate[u]);
      expect([17.4, 19.68, 21.72]).toContain(w.rate);
      expect(w.rateReason).toMatch(/^Band [123]: \d+\.\d miles from /);
      expect(w.annualCost).toBeCloseTo(7 * w.rate * norfolk.weeksPerYear, 6);
      // Norfolk sets no extra-rural uplift: its bands price remoteness, so a flag adds nothing.
      expect(w.packageUplift).toBe(0);
      expect(w.placeUplift).toBe(0);
    }
  });

  it('puts the uplift on the band rate when a banded county sets one', () => {
    const base = exampleCountySettings('norfolk');
    const s = { ...base, rates: { ...base.rates, extraRuralUpliftPct: 10 } };
    const u = unitNamed("King's Lynn and West Norfolk 014A");
    const w = whatIfPackage(prepareScoring(model, s), scorePlan(model, plan, s).extraRural.flagged, u, { hours: 7, carers: 1, waiting: true });
    expect(w.flagged).toBe(true);
    const band = w.rate / 1.1;
    expect([17.4, 19.68, 21.72].some((b) => Math.abs(b - band) < 0.01)).toBe(true);
    expect(w.packageUplift).toBeCloseTo(7 * (w.rate - Math.round(band * 100) / 100) * s.weeksPerYear, 6);
    expect(w.rateReason).toMatch(/, \+ 10% extra-rural$/);
  });
});
