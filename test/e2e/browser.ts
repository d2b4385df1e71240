// The app in headless Chromium, fresh for every test: one browser per file, and for
// each test a new browser context (its own IndexedDB and localStorage, so no test
// sees another's autosave) with the app opened and its map ready. After each test,
// no page of the context may have logged an error or sent a request outside the
// app's origin.
import { writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { ZONE_PALETTE } from '../../src/model/palette';
import { launchChromium } from '../support/launchChromium';

export interface AppUnderTest {
  browser: Browser;
  context: BrowserContext;
  /** The app, opened at `path` with its map ready. */
  page: Page;
  /** Console errors and uncaught exceptions from any page of the context (report tabs too). */
  errors: string[];
  /** Requests from any page or worker of the context that left the app's origin. */
  outside: string[];
}

export interface AppOptions {
  path?: string;
  viewport?: { width: number; height: number };
  /** A script run in every page before the app's own (page.addInitScript). */
  init?: () => void;
}

/** Opens the app in a new context of `browser`, recording errors and outside requests. */
export async function openApp(browser: Browser, options: AppOptions = {}): Promise<AppUnderTest> {
  const base = new URL(inject('baseUrl'));
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  const errors: string[] = [];
  const outside: string[] = [];
  context.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  context.on('weberror', (e) => errors.push(String(e.error())));
  context.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== base.origin) outside.push(r.url());
  });
  if (options.init) await context.addInitScript(options.init);
  const page = await context.newPage();
  await page.goto(new URL(options.path ?? '/', base).href);
  await waitForMap(page);
  return { browser, context, page, errors, outside };
}

/**
 * The app for each test of a file: read its fields inside a test (they are set by then).
 * Each test gets a fresh context and page; the browser is shared by the file.
 */
export function freshApp(options: AppOptions = {}): AppUnderTest {
  const app = {} as AppUnderTest;
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  beforeEach(async () => {
    Object.assign(app, await openApp(browser!, options));
  });
  afterEach(async () => {
    try {
      expect(app.errors, 'console errors').toEqual([]);
      expect(app.outside, 'requests outside the app').toEqual([]);
    } finally {
      await app.context?.close();
    }
  });
  afterAll(async () => browser?.close());
  return app;
}

export async function waitForMap(page: Page) {
  await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
}

/** Weekly hours the zone table shows for a zone. */
export const zoneHours = (page: Page, id: string) =>
  page.locator(`tr[data-zone="${id}"] .hours`).first().getAttribute('data-hours').then(Number);

/** Shows a side-panel tab ("Zones", "Optimise", "Scenarios", "Export", ...). */
export const openTab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true }).click();

/** The map canvas as a PNG. */
export const mapPixels = async (page: Page) => PNG.sync.read(await page.locator('canvas.maplibregl-canvas').screenshot());

/** The zone palette colours (fills drawn at 80% over the background) covering more than `minPixels` pixels of the map. */
export async function zoneColoursOnMap(page: Page, minPixels = 200): Promise<Set<string>> {
  const png = await mapPixels(page);
  const bg = [0xee, 0xf2, 0xf4];
  const blended = ZONE_PALETTE.map((hex) => bg.map((b, j) => Math.round(0.8 * parseInt(hex.slice(1 + 2 * j, 3 + 2 * j), 16) + 0.2 * b)));
  const counts = new Array<number>(blended.length).fill(0);
  for (let p = 0; p < png.data.length; p += 4) {
    const k = blended.findIndex((c) => c.every((v, i) => Math.abs(v - png.data[p + i]) <= 3));
    if (k >= 0) counts[k]++;
  }
  return new Set(ZONE_PALETTE.filter((_, k) => counts[k] > minPixels));
}

/** How many zone palette colours cover more than 200 pixels of the map. */
export const zoneColoursShown = async (page: Page) => (await zoneColoursOnMap(page)).size;

/**
 * An init script that counts React renders through the DevTools hook React calls on every
 * commit: for each commit, the function components that rendered in it (a fiber that is new
 * since the last commit and did work), by name. Read with `reactRenders(page)`.
 */
export function countReactRenders() {
  type Fiber = { tag: number; flags: number; type?: { name?: string; displayName?: string }; child: Fiber | null; sibling: Fiber | null };
  const commits: Array<Record<string, number>> = [];
  let previous = new Set<Fiber>();
  (window as unknown as { __renders: typeof commits }).__renders = commits;
  (window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: object }).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => {},
    onScheduleFiberRoot: () => {},
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
    onCommitFiberRoot: (_id: number, root: { current: Fiber }) => {
      const seen = new Set<Fiber>();
      const rendered: Record<string, number> = {};
      const stack: Fiber[] = [root.current];
      while (stack.length) {
        const f = stack.pop()!;
        seen.add(f);
        // Function, forwardRef and memo components; PerformedWork is flag 1.
        if ([0, 11, 14, 15].includes(f.tag) && !previous.has(f) && f.flags & 1) {
          const name = f.type?.displayName ?? f.type?.name ?? '?';
          rendered[name] = (rendered[name] ?? 0) + 1;
        }
        if (f.child) stack.push(f.child);
        if (f.sibling) stack.push(f.sibling);
      }
      previous = seen;
      commits.push(rendered);
    },
  };
}

/** The renders counted by `countReactRenders` since the last call: one record per commit. */
export const reactRenders = (page: Page): Promise<Array<Record<string, number>>> =>
  page.evaluate(() => {
    const all = (window as unknown as { __renders: Array<Record<string, number>> }).__renders;
    return all.splice(0, all.length);
  });

/** Whether this run writes the screenshots in docs/ (`SCREENSHOTS=1`, `npm run screenshots`). */
export const SCREENSHOTS = process.env.SCREENSHOTS === '1';

/**
 * Writes docs/<file> (e.g. "screenshot-scores.png"): the one way a test writes a tracked
 * file, and only in a screenshot run. Checks the picture is at least `minWidth` wide and
 * not one flat colour.
 */
export async function docsScreenshot(target: Page | Locator, file: string, minWidth = 600): Promise<void> {
  writeDocsPng(file, await target.screenshot(), minWidth);
}

/** Writes PNG bytes (a printed page, a downloaded map) to docs/<file>, with the checks of docsScreenshot. */
export function writeDocsPng(file: string, bytes: Buffer, minWidth = 600): void {
  expect(SCREENSHOTS, 'docs screenshots are written only with SCREENSHOTS=1').toBe(true);
  const png = PNG.sync.read(bytes);
  expect(png.width).toBeGreaterThanOrEqual(minWidth);
  const first = png.data.readUInt32BE(0);
  let varied = false;
  for (let p = 4; p < png.data.length && !varied; p += 4) varied = png.data.readUInt32BE(p) !== first;
  expect(varied, `${file} is one flat colour`).toBe(true);
  writeFileSync(`docs/${file}`, bytes);
}
