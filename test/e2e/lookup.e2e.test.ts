// The postcode lookup is read once per machine: loaded in the Import dialog,
// kept in IndexedDB across a reload, and cleared on request.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { freshApp, waitForMap } from './browser';
import { gotoStep, openImport } from './steps';

const app = freshApp();
const status = () => app.page.locator('[data-testid="lookup-status"]');

async function openLookupStep(page: Page) {
  await openImport(page);
  await gotoStep(page, 'Postcode lookup');
}

async function loadSmallLookup(page: Page) {
  await openLookupStep(page);
  await expect.poll(() => status().textContent()).toMatch(/No postcode lookup on this computer/);
  await page.locator('[data-testid="lookup-file"]').setInputFiles('test/fixtures/import/nspl-small.csv');
  await expect.poll(() => status().textContent(), { timeout: 30_000 }).toMatch(/Lookup loaded: 10 postcodes, from nspl-small\.csv/);
}

describe('the postcode lookup', () => {
  it('loads an NSPL file, says how many postcodes it holds, and still has it after a reload', async () => {
    await loadSmallLookup(app.page);
    await app.page.reload();
    await waitForMap(app.page);
    await openLookupStep(app.page);
    await expect.poll(() => status().textContent()).toMatch(/Lookup loaded: 10 postcodes, from nspl-small\.csv/);
  });

  it('can be cleared, and stays cleared after a reload', async () => {
    await loadSmallLookup(app.page);
    await app.page.getByRole('button', { name: 'Clear lookup' }).click();
    await expect.poll(() => status().textContent()).toMatch(/No postcode lookup on this computer/);
    await app.page.reload();
    await waitForMap(app.page);
    await openLookupStep(app.page);
    await expect.poll(() => status().textContent()).toMatch(/No postcode lookup on this computer/);
  });
});
