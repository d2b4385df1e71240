// Optimising the embedded county in a Web Worker: raise Zone 10's capacity,
// lock Zone 5, run, and get a new scenario with the locked zone untouched and
// the reasons shown; then an impossible setting gets an explanation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, waitForMap, type WatchedPage } from './browser';

let browser: Browser;
let app: WatchedPage;
let page: Page;

const zoneHours = (id: string) =>
  page.locator(`tr[data-zone="${id}"] .hours`).first().getAttribute('data-hours').then(Number);
const optimise = () => page.getByTestId('optimise');

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openApp(browser);
  page = app.page;
  await waitForMap(page);
});
afterAll(async () => browser?.close());

describe('optimising zones', () => {
  let lincolnHours = 0;

  it('proposes a new scenario with the locked zone unchanged and says why', async () => {
    await page.locator('tr[data-zone="10"]').click();
    await page.getByLabel('Capacity, h/week').fill('3600');
    await page.locator('tr[data-zone="5"]').click();
    await page.getByTestId('zone-lock').check();
    lincolnHours = await zoneHours('5');

    await optimise().getByRole('button', { name: 'Optimise' }).click();
    const result = page.getByTestId('optimise-result');
    await result.waitFor({ timeout: 90_000 });
    expect(await result.textContent()).toMatch(/within [\d.]+% of the bound/);
    expect(await result.textContent()).toMatch(/Units moved\d+/);
    expect(await page.getByTestId('binding').locator('li').count()).toBeGreaterThan(0);
    await result.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'docs/screenshot-optimise.png' });

    const names = await page.getByTestId('scenarios').getByLabel('Scenario name').evaluateAll((els) =>
      els.map((e) => (e as HTMLInputElement).value),
    );
    expect(names).toHaveLength(2);
    expect(names[1]).toMatch(/^Optimised \(fast\)/);

    await result.getByRole('button', { name: 'Open it to accept or tweak' }).click();
    await expect.poll(() => zoneHours('5')).toBeCloseTo(lincolnHours, 6);
    // The proposal changed other zones: Zone 10 was far above the mean.
    expect(await zoneHours('10')).toBeLessThan(3521);
  });

  it('explains an impossible setting instead of proposing a plan', async () => {
    await optimise().getByLabel('Balance tolerance, %').fill('1');
    await optimise().getByRole('button', { name: 'Optimise' }).click();
    const result = page.getByTestId('optimise-result');
    await expect.poll(async () => (await result.getAttribute('class')) ?? '', { timeout: 90_000 }).toContain('infeasible');
    const conflicts = await page.getByTestId('conflicts').textContent();
    expect(conflicts).toMatch(/balance band/i);
    expect(conflicts).toMatch(/Widen the balance band to ±\d+%/);
  });

  it('can be cancelled', async () => {
    await optimise().getByLabel('Balance tolerance, %').fill('25');
    await optimise().getByLabel('Mode').selectOption('thorough');
    await optimise().getByRole('button', { name: 'Optimise' }).click();
    await page.getByTestId('optimise-progress').waitFor();
    await optimise().getByRole('button', { name: 'Cancel' }).click();
    await optimise().getByRole('button', { name: 'Optimise' }).waitFor();
    expect(await page.getByTestId('optimise-result').count()).toBe(0);
  });

  it('logs no console errors and sends nothing outside its origin', () => {
    expect(app.errors).toEqual([]);
    expect(app.outside).toEqual([]);
  });
});
