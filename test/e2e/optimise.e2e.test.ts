// Optimising the embedded county in a Web Worker: raise Zone 10's capacity,
// lock Zone 5, run, and get a new scenario with the locked zone untouched and
// the reasons shown; an impossible setting gets an explanation; the user's
// travel settings reach the optimiser.
import { describe, expect, it } from 'vitest';
import { freshApp, openTab, zoneHours } from './browser';
import { prepareOptimiserRun, runOptimiser, scenarioNames } from './steps';

const app = freshApp();
const optimise = () => app.page.getByTestId('optimise');
const figure = async (label: string) => {
  const text = await app.page.getByTestId('optimise-result').locator('div', { has: app.page.locator('dt', { hasText: label }) }).locator('dd').textContent();
  return Number((text ?? '').replace(/[^\d.]/g, ''));
};

describe('optimising zones', () => {
  it('proposes a new scenario with the locked zone unchanged and says why', async () => {
    await prepareOptimiserRun(app.page);
    const lincolnHours = await zoneHours(app.page, '5');
    const result = await runOptimiser(app.page);
    expect(await result.textContent()).toMatch(/within [\d.]+% of the bound/);
    expect(await result.textContent()).toMatch(/Units moved\d+/);
    expect(await app.page.getByTestId('binding').locator('li').count()).toBeGreaterThan(0);

    const names = await scenarioNames(app.page);
    expect(names).toHaveLength(2);
    expect(names[1]).toMatch(/^Optimised \(fast\)/);

    await result.getByRole('button', { name: 'Open it to accept or tweak' }).click();
    await expect.poll(() => zoneHours(app.page, '5')).toBeCloseTo(lincolnHours, 6);
    // The proposal changed other zones: Zone 10 was far above the mean.
    expect(await zoneHours(app.page, '10')).toBeLessThan(3521);
  });

  it('explains an impossible setting instead of proposing a plan', async () => {
    await openTab(app.page, 'Optimise');
    await optimise().getByLabel('Balance tolerance, %').fill('1');
    await optimise().getByRole('button', { name: 'Optimise' }).click();
    const result = app.page.getByTestId('optimise-result');
    await expect.poll(async () => (await result.getAttribute('class')) ?? '', { timeout: 90_000 }).toContain('infeasible');
    const conflicts = await app.page.getByTestId('conflicts').textContent();
    expect(conflicts).toMatch(/balance band/i);
    expect(conflicts).toMatch(/Widen the balance band to ±\d+%/);
    expect(await scenarioNames(app.page)).toHaveLength(1);
  });

  it('starts from the rules in the settings and measures travel with the settings\' circuity', async () => {
    await openTab(app.page, 'Optimise');
    expect(await optimise().getByLabel('Balance tolerance, %').inputValue()).toBe('25');
    expect(await optimise().getByLabel('Rural share minimum, %').inputValue()).toBe('10');
    expect(await optimise().getByLabel('Rural share maximum, %').inputValue()).toBe('80');
    await runOptimiser(app.page);
    const km = await figure('Mean distance from base per hour of care');
    expect(km).toBeGreaterThan(1);

    await openTab(app.page, 'Rates');
    await app.page.locator('[data-testid="settings"] summary').click();
    await app.page.locator('[data-setting="hours-tolerance"]').fill('30');
    await app.page.locator('[data-setting="circuity"]').fill('2.6');
    await openTab(app.page, 'Optimise');
    // A field the user left alone follows the settings.
    expect(await optimise().getByLabel('Balance tolerance, %').inputValue()).toBe('30');
    await optimise().getByRole('button', { name: 'Discard' }).click();
    await runOptimiser(app.page);
    // Twice the circuity, about twice the road distance (the wider band lets the plan differ a little).
    expect(await figure('Mean distance from base per hour of care')).toBeGreaterThan(1.7 * km);
  });

  it('can be cancelled', async () => {
    await openTab(app.page, 'Optimise');
    await optimise().getByLabel('Mode').selectOption('thorough');
    await optimise().getByRole('button', { name: 'Optimise' }).click();
    await app.page.getByTestId('optimise-progress').waitFor();
    await optimise().getByRole('button', { name: 'Cancel' }).click();
    await optimise().getByRole('button', { name: 'Optimise' }).waitFor();
    expect(await app.page.getByTestId('optimise-result').count()).toBe(0);
    expect(await scenarioNames(app.page)).toHaveLength(1);
  });
});
