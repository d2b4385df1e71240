// Autosave that cannot lose a committed edit: the tab is killed right after a
// stroke (renderer crash, page closed, browser closed) and the stroke is there
// on reopening; a second tab says it is not saving instead of overwriting; an
// autosave that cannot be read is kept, announced and downloadable.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { freshApp, waitForMap, zoneHours } from './browser';
import { paintAt, pointInZone } from './steps';
import { launchPersistentChromium } from '../support/launchChromium';

/** Another tab of the same context (same storage), map ready. */
async function open(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(inject('baseUrl'));
  await waitForMap(page);
  return page;
}

/** Paints the unit just below Zone 10's base into Zone 9; resolves when the mouse is up (the edit is committed). */
const strokeInto9 = async (page: Page) => paintAt(page, await pointInZone(page, '10'), '9 Grantham');

/** Zone 10's hours once the page's first autosave has finished (so the next edit is the one under test). */
async function settledHours(page: Page) {
  await page.locator('[data-save-state="saved"]').waitFor();
  return zoneHours(page, '10');
}

describe('in one browser, each test its own storage', () => {
  const app = freshApp();

  describe('a stroke survives the tab being killed right after it', () => {
    it('after a renderer crash (CDP Page.crash)', async () => {
      const { context, page } = app;
      const before = await settledHours(page);
      await strokeInto9(page);
      const cdp = await context.newCDPSession(page);
      const crashed = new Promise((resolve) => page.once('crash', resolve));
      void cdp.send('Page.crash').catch(() => undefined); // the crashed renderer never replies
      await crashed;
      const again = await open(context);
      await expect.poll(() => zoneHours(again, '10')).toBeLessThan(before);
    });

    it('after the page is closed', async () => {
      const { context, page } = app;
      const before = await settledHours(page);
      await strokeInto9(page);
      await page.close();
      const again = await open(context);
      await expect.poll(() => zoneHours(again, '10')).toBeLessThan(before);
    });
  });

  describe('a second tab on the same project', () => {
    it('says it is not saving instead of overwriting, and can take saving over', async () => {
      const { context, page: first } = app;
      const before = await settledHours(first);
      const second = await open(context);
      await second.getByTestId('autosave-other-tab').waitFor();
      expect(await second.getByTestId('autosave-other-tab').textContent()).toMatch(/open in another tab.*not saved/);
      // An edit in the second tab is not saved over the first tab's project.
      await strokeInto9(second);
      await expect.poll(() => zoneHours(second, '10')).toBeLessThan(before);
      await second.close();
      await first.reload();
      await waitForMap(first);
      expect(await zoneHours(first, '10')).toBe(before);

      // Taking over: the new tab saves, the old one is told it no longer does.
      const third = await open(context);
      await third.getByRole('button', { name: 'Save from this tab instead' }).click();
      await first.getByTestId('autosave-other-tab').waitFor();
      await third.locator('[data-save-state="saved"]').waitFor();
      await strokeInto9(third);
      await expect.poll(() => zoneHours(third, '10')).toBeLessThan(before);
      await third.locator('[data-save-state="saved"]').waitFor();
    });
  });

  describe('an autosave that cannot be read', () => {
    it('is kept, announced and downloadable, and nothing is saved over it', async () => {
      const { context, page } = app;
      await page.locator('[data-save-state="saved"]').waitFor();
      // What a newer carezones would leave: the same project with a format version this app does not read.
      await page.evaluate(
        () =>
          new Promise<void>((resolve, reject) => {
            const req = indexedDB.open('carezones');
            req.onsuccess = () => {
              const tx = req.result.transaction('kv', 'readwrite');
              const store = tx.objectStore('kv');
              const get = store.get('project');
              get.onsuccess = () => store.put({ key: 'project', value: { ...get.result.value, version: 99 } });
              tx.oncomplete = () => resolve();
              tx.onerror = () => reject(tx.error);
            };
          }),
      );
      await page.close();
      const second = await open(context);
      const notice = second.getByTestId('autosave-unreadable');
      await notice.waitFor();
      expect(await notice.textContent()).toMatch(/could not be opened.*kept.*Why: version: this file was saved by a newer carezones \(format version 99/);
      expect(await second.locator('[data-save-state]').getAttribute('data-save-state')).toBe('paused');

      // Work in the example county is not saved over the kept autosave.
      await strokeInto9(second);
      const download = second.waitForEvent('download');
      await second.getByRole('button', { name: 'Download the saved project' }).click();
      const kept = JSON.parse(readFileSync((await (await download).path())!, 'utf8'));
      expect(kept).toMatchObject({ format: 'carezones-project', version: 99 });
      expect(kept.scenarios[0].zoneOf).toHaveLength(420);
      await second.reload();
      await waitForMap(second);
      await second.getByTestId('autosave-unreadable').waitFor();
    });
  });
});

// A profile on disk, as a user's is: its own browser, so outside the shared one above.
describe('a stroke survives the tab being killed right after it', () => {
  it('after the whole browser is closed (a profile on disk)', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'carezones-profile-'));
    const first = await launchPersistentChromium(profile);
    let before: number;
    try {
      const page = await open(first);
      before = await settledHours(page);
      await strokeInto9(page);
    } finally {
      await first.close();
    }
    const second = await launchPersistentChromium(profile);
    try {
      const again = await open(second);
      await expect.poll(() => zoneHours(again, '10')).toBeLessThan(before);
    } finally {
      await second.close();
    }
  });
});
