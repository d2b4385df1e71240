// The what-if of a new package in the Extra-rural panel: a hamlet with no service
// before switches to the extra-rural rate and is priced; a postcode in a town gives its
// sector's areas to choose from and stays on the urban rate; nothing is added to the data.
// Each test opens the app in a fresh browser context.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, openTab, waitForMap, type WatchedPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function freshApp(): Promise<WatchedPage> {
  const app = await openApp(browser);
  await waitForMap(app.page);
  return app;
}

async function closeClean(app: WatchedPage) {
  expect(app.errors).toEqual([]);
  expect(app.outside).toEqual([]);
  await app.page.context().close();
}

async function openNorfolk(app: WatchedPage) {
  await app.page.getByRole('combobox', { name: 'Which example county' }).selectOption('norfolk');
  app.page.once('dialog', (d) => void d.accept());
  await app.page.getByRole('button', { name: 'Example county', exact: true }).click();
  await expect.poll(() => app.page.locator('.project-name').textContent()).toContain('Norfolk');
}

describe('what if a new package starts here', () => {
  it('switches a Norfolk hamlet with no service before to the extra-rural rate and prices it, adding nothing to the data', async () => {
    const app = await freshApp();
    const { page } = app;
    await openNorfolk(app);
    await openTab(page, 'Extra-rural');
    const total = page.getByTestId('extra-rural-total');
    await expect.poll(() => total.textContent()).toMatch(/^27 units/);
    const before = await total.textContent();
    const whatIf = page.getByTestId('what-if');
    await whatIf.getByLabel('Postcode or area').fill("King's Lynn and West Norfolk 014A");
    await expect.poll(() => whatIf.locator('.what-if-chosen').textContent()).toContain("King's Lynn and West Norfolk 014A");
    await whatIf.getByLabel('Hours a week').fill('7');
    await whatIf.getByRole('button', { name: 'See what it costs' }).click();
    const answer = page.getByTestId('what-if-answer');
    await expect.poll(() => answer.getAttribute('data-flagged')).toBe('true');
    expect(await answer.locator('.what-if-headline').textContent()).toBe(
      "King's Lynn and West Norfolk 014A would switch to the extra-rural rate: a new area, with no service before.",
    );
    // 7 h x £16.76 x 52.14 weeks; the uplift is 7 h x £0.80 x 52.14.
    expect(await answer.getByTestId('what-if-package-cost').textContent()).toBe(
      'The package: 7.0 h a week at £16.76 is £6,117 a year, of which £292 is the extra-rural uplift.',
    );
    expect(await answer.textContent()).toMatch(/Why: village; \d+ min travel per contact hour \(top \d+%\)/);
    if (process.env.SCREENSHOTS === '1') await page.screenshot({ path: 'docs/screenshot-what-if.png' });
    // Nothing was added: the flagged areas and their hours are as they were.
    expect(await total.textContent()).toBe(before);
    await closeClean(app);
  });

  it('adds the package to the project only when asked, and takes it out again', async () => {
    const app = await freshApp();
    const { page } = app;
    await openNorfolk(app);
    await openTab(page, 'Extra-rural');
    const total = page.getByTestId('extra-rural-total');
    await expect.poll(() => total.textContent()).toMatch(/^27 units/);
    const before = (await total.textContent())!;
    const whatIf = page.getByTestId('what-if');
    await whatIf.getByLabel('Postcode or area').fill("King's Lynn and West Norfolk 014A");
    await whatIf.getByLabel('Hours a week').fill('7');
    await whatIf.getByRole('button', { name: 'See what it costs' }).click();
    await whatIf.getByRole('button', { name: 'Add this package to the project' }).click();
    await expect.poll(() => page.getByTestId('what-if-added').textContent()).toMatch(
      /^Added to the project: one person, 7\.0 h a week in King's Lynn and West Norfolk 014A\./,
    );
    // The area is flagged now, with the package's hours.
    await expect.poll(() => total.textContent()).toMatch(/^28 units/);
    const hoursOf = (text: string) => Number(/units, ([\d,.]+) h a week/.exec(text)![1].replace(/,/g, ''));
    expect(hoursOf((await total.textContent())!)).toBeCloseTo(hoursOf(before) + 7, 6);
    await whatIf.getByRole('button', { name: 'Take it out again' }).click();
    await expect.poll(() => total.textContent()).toBe(before);
    expect(await page.getByTestId('what-if-added').count()).toBe(0);
    await closeClean(app);
  });

  it('lists the areas of a postcode\'s sector to choose from, and keeps a town on the urban rate', async () => {
    const app = await freshApp();
    const { page } = app;
    await openTab(page, 'Extra-rural');
    const whatIf = page.getByTestId('what-if');
    await whatIf.getByLabel('Postcode or area').fill('ln1 1aq');
    const area = whatIf.getByLabel('Area', { exact: true });
    await expect.poll(() => area.locator('option').count()).toBe(6);
    expect(await whatIf.locator('#what-if-place-note').textContent()).toMatch(/^Postcode sector LN1 1 lies in 6 areas/);
    await area.selectOption({ index: 2 });
    const chosen = await area.locator('option:checked').textContent();
    expect(chosen).toMatch(/^Lincoln \d{3}[A-Z] \(zone /);
    await whatIf.getByLabel('Hours a week').fill('10');
    await whatIf.getByLabel('Carers').selectOption('2');
    await whatIf.getByRole('button', { name: 'See what it costs' }).click();
    const answer = page.getByTestId('what-if-answer');
    await expect.poll(() => answer.getAttribute('data-flagged')).toBe('false');
    expect(await answer.locator('.what-if-headline').textContent()).toBe(
      `${chosen!.replace(/ \(.*$/, '')} is urban: the package is paid at the urban rate (extra-rural is for rural places only).`,
    );
    expect(await answer.getByTestId('what-if-package-cost').textContent()).toBe('The package: 10.0 h a week at £15.63 is £8,149 a year.');
    await closeClean(app);
  });

  it('refuses a package without hours, and says what is wrong', async () => {
    const app = await freshApp();
    const { page } = app;
    await openTab(page, 'Extra-rural');
    const whatIf = page.getByTestId('what-if');
    await whatIf.getByLabel('Postcode or area').fill('ln1 1aq');
    await whatIf.getByLabel('Hours a week').fill('0');
    expect(await whatIf.getByRole('alert').textContent()).toBe('Hours a week must be above 0 and at most 168.');
    expect(await whatIf.getByRole('button', { name: 'See what it costs' }).isDisabled()).toBe(true);
    await whatIf.getByLabel('Hours a week').fill('5');
    await whatIf.getByLabel('Visits a week').fill('40');
    expect(await whatIf.getByRole('alert').textContent()).toMatch(/^Visits a week must be a whole number from 1 to 28/);
    await closeClean(app);
  });
});
