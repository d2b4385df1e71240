// Optimising the embedded county in a Web Worker under the rules derived from
// its data: lock Zone 5, run, and get a new scenario named by its rules, with
// the locked zone untouched and the proposal compared with today's zones (in
// total and zone by zone, and the rules today's zones break); then impossible
// settings get explanations with fixes, and a run can be cancelled. Then Norfolk,
// a county of small rural zones over capacity today: its default proposal keeps
// every unit within its reach, in one piece, and travels less than today.
import { describe, expect, it } from 'vitest';
import { appSession, openTab, zoneHours } from './browser';

const app = appSession();

const hoursOf = (id: string) => zoneHours(app.page, id);
const optimise = () => app.page.getByTestId('optimise');
const rows = (testId: string) => app.page.getByTestId(testId).locator('tbody tr');
const cells = async (testId: string, row: number) =>
  (await rows(testId).nth(row).locator('th, td').allTextContents()).map((t) => t.trim());
const num = (t: string) => Number(t.replace(/[^\d.-]/g, ''));

describe('optimising zones', () => {
  let lockedHours = 0;

  it('proposes zones under the rules from the data and compares them with today\'s', async () => {
    await app.page.locator('tr[data-zone="5"]').click();
    await app.page.getByTestId('zone-lock').check();
    lockedHours = await hoursOf('5');
    await openTab(app.page, 'Optimise');

    // Lincolnshire's defaults: a viable floor, the county's reach, capacity; no band around the mean.
    expect(await optimise().getByLabel('Every zone at least').isChecked()).toBe(true);
    expect(await optimise().getByLabel('Smallest zone, h/week').inputValue()).toBe('250');
    expect(await optimise().getByLabel('Every unit within').isChecked()).toBe(true);
    expect(await optimise().getByLabel('Reach, minutes').inputValue()).toBe('65');
    expect(await optimise().getByLabel('Zone hours within ±').isChecked()).toBe(false);
    await optimise().getByText("Defaults from the county's data").click();
    expect(await optimise().locator('details.defaults').textContent()).toMatch(/Reach 65 minutes: the shortest \(at least 30\)/);

    await optimise().getByRole('button', { name: 'Optimise' }).click();
    const result = app.page.getByTestId('optimise-result');
    await result.waitFor({ timeout: 90_000 });
    const summary = (await app.page.getByTestId('compare-summary').textContent()) ?? '';
    expect(summary).toMatch(/^Travel from the bases falls \d+\.\d% \([\d,]+ → [\d,]+ hour·km a week; [\d.]+ → [\d.]+ km per care hour\)\./);
    expect(summary).toMatch(/Farthest unit from its base: 93 → (\d+) minutes\./);
    const worstAfter = Number(/→ (\d+) minutes/.exec(summary)![1]);
    expect(worstAfter).toBeLessThanOrEqual(65);

    // Totals: travel, mean, farthest, cost, disruption; travel falls and the farthest unit is nearer.
    expect(await rows('compare-totals').count()).toBe(5);
    const travel = await cells('compare-totals', 0);
    expect(travel[0]).toBe('Travel from the bases, hour·km a week');
    expect(num(travel[2])).toBeLessThan(num(travel[1]));
    expect(travel[3]).toMatch(/^−\d+%$/);
    expect((await cells('compare-totals', 4))[2]).toMatch(/^[\d,]+ users, [\d,]+ h\/week$/);
    // Zone by zone: 12 zones; Sleaford from 3 pieces to 1 and within its capacity.
    expect(await rows('compare-zones').count()).toBe(12);
    const sleaford = await cells('compare-zones', 9);
    expect(sleaford[0]).toBe('10 Sleaford');
    expect(num(sleaford[1])).toBeCloseTo(3521, 0);
    expect(num(sleaford[2])).toBeLessThanOrEqual(3000);
    expect(sleaford.slice(7, 9)).toEqual(['3', '1']);
    const forced = await app.page.getByTestId('forced-by').textContent();
    expect(forced).toContain('Zone 10 Sleaford must shed 521 h/week to fit its base capacity of 3,000 h/week');
    expect(await result.textContent()).toMatch(/It minimises travel from the bases/);
    if (process.env.SCREENSHOTS === '1') {
      await result.scrollIntoViewIfNeeded();
      await app.page.screenshot({ path: 'docs/screenshot-optimise.png' });
    }

    const names = await app.page.getByTestId('scenarios').getByLabel('Scenario name').evaluateAll((els) =>
      els.map((e) => (e as HTMLInputElement).value),
    );
    expect(names).toEqual([names[0], 'Optimised: ≥250 h/week, reach 65 min, capacity, 1 zone locked']);

    await result.getByRole('button', { name: 'Open it to accept or tweak' }).click();
    await expect.poll(() => hoursOf('5')).toBeCloseTo(lockedHours, 6);
    expect(await hoursOf('10')).toBeLessThanOrEqual(3000);
  });

  it('names the units beyond a short reach, and the reach that would reach them', async () => {
    await optimise().getByLabel('Reach, minutes').fill('30');
    await optimise().getByRole('button', { name: 'Optimise' }).click();
    const result = app.page.getByTestId('optimise-result');
    await expect.poll(async () => (await result.getAttribute('class')) ?? '', { timeout: 90_000 }).toContain('infeasible');
    const conflicts = (await app.page.getByTestId('conflicts').textContent()) ?? '';
    expect(conflicts).toMatch(/^\d+ units \([\d,]+ h\/week\) are beyond 30 minutes of every base: Unit East Lindsey 006A \(62 min, Zone 4 Skegness\);/);
    expect(conflicts).toContain('Set the reach to 65 minutes');
  });

  it('explains an impossible balance band instead of proposing a plan', async () => {
    await optimise().getByLabel('Reach, minutes').fill('65');
    await optimise().getByLabel('Zone hours within ±').check();
    await optimise().getByLabel('Balance tolerance, %').fill('1');
    await optimise().getByRole('button', { name: 'Optimise' }).click();
    const result = app.page.getByTestId('optimise-result');
    await expect.poll(async () => (await result.getAttribute('class')) ?? '', { timeout: 90_000 }).toContain('infeasible');
    const conflicts = await app.page.getByTestId('conflicts').textContent();
    expect(conflicts).toMatch(/balance band/i);
    expect(conflicts).toMatch(/widen the balance band to ±\d+%/i);
  });

  it('can be cancelled', async () => {
    await optimise().getByLabel('Zone hours within ±').uncheck();
    await optimise().getByLabel('Mode').selectOption('thorough');
    await optimise().getByRole('button', { name: 'Optimise' }).click();
    await app.page.getByTestId('optimise-progress').waitFor();
    await optimise().getByRole('button', { name: 'Cancel' }).click();
    await optimise().getByRole('button', { name: 'Optimise' }).waitFor();
    expect(await app.page.getByTestId('optimise-result').count()).toBe(0);
  });
});

describe('optimising Norfolk', () => {
  it('keeps every unit within 45 minutes of its base, in one piece, and compares the proposal with today', async () => {
    await app.page.getByRole('combobox', { name: 'Which example county' }).selectOption('norfolk');
    app.page.once('dialog', (d) => void d.accept());
    await app.page.getByRole('button', { name: 'Example county', exact: true }).click();
    await expect.poll(() => app.page.locator('[data-testid="zone-table"] tbody tr').count()).toBe(17);
    await openTab(app.page, 'Optimise');

    // Norfolk's own defaults: nothing typed for Lincolnshire above (reach, thorough mode) carries over.
    expect(await optimise().getByLabel('Mode').inputValue()).toBe('fast');
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
});

describe('the optimise page', () => {
  it('logs no console errors and sends nothing outside its origin', () => {
    expect(app.errors).toEqual([]);
    expect(app.outside).toEqual([]);
  });
});
