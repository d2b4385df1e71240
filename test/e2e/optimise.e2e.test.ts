// Optimising the embedded county in a Web Worker: raise Zone 10's capacity,
// lock Zone 5, run, and get a new scenario with the locked zone untouched and
// the reasons shown; then an impossible setting gets an explanation.
import { describe, expect, it } from 'vitest';
import { appSession, openTab, zoneHours } from './browser';

const app = appSession();

const hoursOf = (id: string) => zoneHours(app.page, id);
const optimise = () => app.page.getByTestId('optimise');

describe('optimising zones', () => {
  let lincolnHours = 0;

  it('proposes a new scenario with the locked zone unchanged and says why', async () => {
    await app.page.locator('tr[data-zone="10"]').click();
    await app.page.getByLabel('Capacity, h/week').fill('3600');
    await app.page.locator('tr[data-zone="5"]').click();
    await app.page.getByTestId('zone-lock').check();
    lincolnHours = await hoursOf('5');
    await openTab(app.page, 'Optimise');

    await optimise().getByRole('button', { name: 'Optimise' }).click();
    const result = app.page.getByTestId('optimise-result');
    await result.waitFor({ timeout: 90_000 });
    expect(await result.textContent()).toMatch(/within [\d.]+% of the bound/);
    expect(await result.textContent()).toMatch(/Units moved\d+/);
    expect(await app.page.getByTestId('binding').locator('li').count()).toBeGreaterThan(0);
    await result.scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: 'docs/screenshot-optimise.png' });

    const names = await app.page.getByTestId('scenarios').getByLabel('Scenario name').evaluateAll((els) =>
      els.map((e) => (e as HTMLInputElement).value),
    );
    // The capacity edit went into a working copy of the baseline; the proposal follows it.
    expect(names).toHaveLength(3);
    expect(names[1]).toBe('Current zones (edited)');
    expect(names[2]).toMatch(/^Optimised \(fast\)/);

    await result.getByRole('button', { name: 'Open it to accept or tweak' }).click();
    await expect.poll(() => hoursOf('5')).toBeCloseTo(lincolnHours, 6);
    // The proposal changed other zones: Zone 10 was far above the mean.
    expect(await hoursOf('10')).toBeLessThan(3521);
  });

  it('explains an impossible setting instead of proposing a plan', async () => {
    await optimise().getByLabel('Balance tolerance, %').fill('1');
    await optimise().getByRole('button', { name: 'Optimise' }).click();
    const result = app.page.getByTestId('optimise-result');
    await expect.poll(async () => (await result.getAttribute('class')) ?? '', { timeout: 90_000 }).toContain('infeasible');
    const conflicts = await app.page.getByTestId('conflicts').textContent();
    expect(conflicts).toMatch(/balance band/i);
    expect(conflicts).toMatch(/Widen the balance band to ±\d+%/);
  });

  it('can be cancelled', async () => {
    await optimise().getByLabel('Balance tolerance, %').fill('25');
    await optimise().getByLabel('Mode').selectOption('thorough');
    await optimise().getByRole('button', { name: 'Optimise' }).click();
    await app.page.getByTestId('optimise-progress').waitFor();
    await optimise().getByRole('button', { name: 'Cancel' }).click();
    await optimise().getByRole('button', { name: 'Optimise' }).waitFor();
    expect(await app.page.getByTestId('optimise-result').count()).toBe(0);
  });

  it('logs no console errors and sends nothing outside its origin', () => {
    expect(app.errors).toEqual([]);
    expect(app.outside).toEqual([]);
  });
});
