// The default proposal on Norfolk, a county whose zones are small, rural and
// over capacity today: the rules come from its data (no band around the mean,
// a viable floor, a 45-minute reach, capacity), and the result says, in total
// and zone by zone, how the proposal compares with today's zones.
import { describe, expect, it } from 'vitest';
import { appSession, openTab } from './browser';

const app = appSession();

const optimise = () => app.page.getByTestId('optimise');
const rows = (testId: string) => app.page.getByTestId(testId).locator('tbody tr');
const cells = async (testId: string, row: number) =>
  (await rows(testId).nth(row).locator('th, td').allTextContents()).map((t) => t.trim());
const num = (t: string) => Number(t.replace(/[^\d.-]/g, ''));

describe('optimising Norfolk', () => {
  it('keeps every unit within 45 minutes of its base, in one piece, and compares the proposal with today', async () => {
    await app.page.getByRole('combobox', { name: 'Which example county' }).selectOption('norfolk');
    app.page.once('dialog', (d) => void d.accept());
    await app.page.getByRole('button', { name: 'Example county', exact: true }).click();
    await expect.poll(() => app.page.locator('[data-testid="zone-table"] tbody tr').count()).toBe(17);
    await openTab(app.page, 'Optimise');

    expect(await optimise().getByLabel('Reach, minutes').inputValue()).toBe('45');
    expect(await optimise().getByLabel('Smallest zone, h/week').inputValue()).toBe('250');
    expect(await optimise().getByLabel('Zone hours within ±').isChecked()).toBe(false);
    expect(await optimise().getByLabel("Within each base's capacity").isChecked()).toBe(true);

    await optimise().getByRole('button', { name: 'Optimise' }).click();
    const result = app.page.getByTestId('optimise-result');
    await result.waitFor({ timeout: 90_000 });
    const summary = (await app.page.getByTestId('compare-summary').textContent()) ?? '';
    expect(summary).toMatch(/^Travel from the bases falls \d+\.\d% \(216,016 → [\d,]+ hour·km a week; 7\.4 → [\d.]+ km per care hour\)\./);
    const fall = Number(/falls (\d+\.\d)%/.exec(summary)![1]);
    expect(fall).toBeGreaterThanOrEqual(10);
    expect(summary).toMatch(/Farthest unit from its base: 127 → (\d+) minutes\./);
    expect(Number(/127 → (\d+) minutes/.exec(summary)![1])).toBeLessThanOrEqual(45);

    // Totals: travel falls; zone by zone, every zone within 45 minutes and in one piece.
    const travel = await cells('compare-totals', 0);
    expect(num(travel[2])).toBeLessThan(num(travel[1]));
    expect(await rows('compare-zones').count()).toBe(17);
    for (let z = 0; z < 17; z++) {
      const row = await cells('compare-zones', z);
      expect(num(row[4]), row[0]).toBeLessThanOrEqual(45);
      expect(row[8], row[0]).toBe('1');
    }
    // Fens and Brecks: 3 pieces, over capacity and 127 minutes out today.
    const fens = await cells('compare-zones', 2);
    expect(fens[0]).toBe('3 Fens and Brecks');
    expect(num(fens[1])).toBe(2562);
    expect(num(fens[2])).toBeLessThanOrEqual(2300);
    expect(fens[3]).toBe('127');
    expect(fens.slice(7, 9)).toEqual(['3', '1']);
    const forced = (await app.page.getByTestId('forced-by').textContent()) ?? '';
    expect(forced).toContain('Zone 3 Fens and Brecks must hand over 7 units (291 h/week) beyond 45 minutes of its base (farthest 127 min)');
    expect(forced).toContain('Zone 4 Fakenham & Wells must shed 416 h/week to fit its base capacity of 1,350 h/week');

    const names = await app.page.getByTestId('scenarios').getByLabel('Scenario name').evaluateAll((els) =>
      els.map((e) => (e as HTMLInputElement).value),
    );
    expect(names[names.length - 1]).toBe('Optimised: ≥250 h/week, reach 45 min, capacity');
    if (process.env.SCREENSHOTS === '1') await result.screenshot({ path: 'docs/screenshot-optimise-norfolk.png' });
  });

  it('logs no console errors and sends nothing outside its origin', () => {
    expect(app.errors).toEqual([]);
    expect(app.outside).toEqual([]);
  });
});
