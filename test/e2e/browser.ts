// Opening the app in headless Chromium with a watch on errors and requests.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium } from '../support/launchChromium';
export { launchChromium as launchBrowser };

export interface WatchedPage {
  page: Page;
  /** Console errors and page errors seen so far. */
  errors: string[];
  /** Requests that left the app's own origin. */
  outside: string[];
}

/** A page that records console errors and every request that leaves the app's origin. */
export async function openApp(browser: Browser, path = '/'): Promise<WatchedPage> {
  const base = new URL(inject('baseUrl'));
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  const outside: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.origin !== base.origin) outside.push(r.url());
  });
  await page.goto(new URL(path, base).href);
  return { page, errors, outside };
}

export async function waitForMap(page: Page) {
  await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
}

/**
 * One browser and one app page for a test file: opened before its tests, closed
 * after. Read `session.page` inside tests (it is set by then).
 */
export function appSession(): WatchedPage & { browser: Browser } {
  const session = {} as WatchedPage & { browser: Browser };
  beforeAll(async () => {
    session.browser = await launchChromium();
    Object.assign(session, await openApp(session.browser));
    await waitForMap(session.page);
  });
  afterAll(async () => session.browser?.close());
  return session;
}

/** Weekly hours the zone table shows for a zone. */
export const zoneHours = (page: Page, id: string) =>
  page.locator(`tr[data-zone="${id}"] .hours`).first().getAttribute('data-hours').then(Number);

/** Shows a side-panel tab ("Zones", "Optimise", "Scenarios", "Export", ...). */
export const openTab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true }).click();
