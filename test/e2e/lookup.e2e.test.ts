// The postcode lookup is read once per machine: loaded in the Import dialog,
// kept in IndexedDB across a reload, and cleared on request.
import { describe, expect, it } from 'vitest';
import { appSession, waitForMap } from './browser';

const app = appSession();
const status = () => app.page.locator('[data-testid="lookup-status"]');

async function openLookupStep() {
  await app.page.locator('[data-action="import-data"]').click();
  await app.page.locator('dialog.import-dialog').waitFor();
  await app.page.locator('.import-steps button', { hasText: 'Postcode lookup' }).click();
}

describe('the postcode lookup', () => {
  it('loads an NSPL file and says how many postcodes it holds', async () => {
    await openLookupStep();
    await expect.poll(() => status().textContent()).toMatch(/No postcode lookup on this computer/);
    await app.page.locator('[data-testid="lookup-file"]').setInputFiles('test/fixtures/import/nspl-small.csv');
    await expect.poll(() => status().textContent(), { timeout: 30_000 }).toMatch(/Lookup loaded: 10 postcodes, from nspl-small\.csv/);
  });

  it('is still there after a reload, without loading it again', async () => {
    await app.page.reload();
    await waitForMap(app.page);
    await openLookupStep();
    await expect.poll(() => status().textContent()).toMatch(/Lookup loaded: 10 postcodes, from nspl-small\.csv/);
  });

  it('can be cleared', async () => {
    await app.page.getByRole('button', { name: 'Clear lookup' }).click();
    await expect.poll(() => status().textContent()).toMatch(/No postcode lookup on this computer/);
  });

  it('logs no console errors and sends nothing outside its origin', () => {
    expect(app.errors).toEqual([]);
    expect(app.outside).toEqual([]);
  });
});
