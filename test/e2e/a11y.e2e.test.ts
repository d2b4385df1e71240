// WCAG 2.2 AA checks with axe-core on every screen and dialog: no serious or
// critical violation anywhere. Each test opens its own page. The findings of a
// run (all impacts) are written to the system temp folder as carezones-axe.json.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, blocking, byImpact, type AxeFinding } from './axe';
import { launchBrowser, openApp, openTab, waitForMap } from './browser';

let browser: Browser;
const found: Record<string, Record<string, number>> = {};
const details: Record<string, AxeFinding[]> = {};

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  writeFileSync(join(tmpdir(), 'carezones-axe.json'), JSON.stringify({ byScreen: found, details }, null, 2));
  await browser?.close();
});

async function freshApp() {
  const app = await openApp(browser);
  await waitForMap(app.page);
  return app;
}

/** Runs axe on what the page shows now, records it under `screen`, and fails on serious or critical findings. */
async function check(page: Page, screen: string, selector?: string) {
  const findings = await axeViolations(page, selector);
  found[screen] = byImpact(findings);
  details[screen] = findings;
  expect(blocking(findings), `${screen}: ${JSON.stringify(blocking(findings), null, 1)}`).toEqual([]);
}

describe('axe on every screen', () => {
  it('finds a violation when there is one (the check is live)', async () => {
    const { page } = await freshApp();
    await page.evaluate(() => {
      const b = document.createElement('button');
      b.id = 'nameless';
      document.querySelector('.toolbar')!.append(b);
    });
    const findings = await axeViolations(page);
    expect(findings.find((f) => f.id === 'button-name')?.targets).toContain('#nameless');
    expect(blocking(findings).length).toBeGreaterThan(0);
  });

  it('the main window and every side tab', async () => {
    const { page, errors } = await freshApp();
    await check(page, 'main: Zones tab');
    for (const tab of ['Extra-rural', 'Optimise', 'Scenarios', 'Export']) {
      await openTab(page, tab);
      await check(page, `main: ${tab} tab`);
    }
    await openTab(page, 'Rates');
    await page.locator('[data-testid="settings"] summary').click();
    await check(page, 'main: Rates tab, settings open');
    // Hover card of a unit.
    const box = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await page.getByRole('tooltip').waitFor();
    await check(page, 'main: unit hover card');
    expect(errors).toEqual([]);
  });

  it('the Import dialog, every step, and its report', async () => {
    const { page, errors } = await freshApp();
    await page.locator('[data-action="import-data"]').click();
    await page.locator('dialog.import-dialog[open]').waitFor();
    const step = (title: string) => page.locator('.import-steps button', { hasText: title }).click();
    await check(page, 'import: postcode lookup step');
    await step('Service users');
    await page.locator('[data-testid="users-file"]').setInputFiles('public/templates/service-users.csv');
    await page.locator('[data-testid="users-preview"]').waitFor();
    await check(page, 'import: service users step with a file');
    await step('Units');
    await check(page, 'import: units step, nothing chosen');
    await page.locator('input[name="units-kind"]').first().check();
    await page.locator('[data-testid="resolutions"] td.num', { hasText: '≈' }).first().waitFor();
    await check(page, 'import: units step, hexagons');
    await step('Provider bases');
    await page.locator('[data-testid="bases-file"]').setInputFiles('public/templates/provider-bases.csv');
    await page.locator('[data-testid="bases-preview"]').waitFor();
    await check(page, 'import: provider bases step with a file');
    await step('Current zones');
    await check(page, 'import: current zones step');
    await page.locator('[data-action="run-import"]').click();
    await page.locator('[data-testid="import-report"]').waitFor({ timeout: 60_000 });
    await check(page, 'import: report');
    expect(errors).toEqual([]);
  });

  it('the Compare dialog', async () => {
    const { page, errors } = await freshApp();
    await openTab(page, 'Scenarios');
    await page.getByRole('button', { name: 'Save a copy' }).click();
    await page.getByRole('button', { name: 'Compare scenarios…' }).click();
    await page.locator('dialog.compare[open] [data-map-ready="true"]').waitFor({ timeout: 60_000 });
    await check(page, 'compare dialog');
    // The table fits a 1440 px window without sideways scrolling.
    const overflow = await page.locator('.compare-tables').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });

  it('the printed lot report', async () => {
    const { page } = await freshApp();
    await openTab(page, 'Export');
    const [report] = await Promise.all([page.context().waitForEvent('page'), page.locator('[data-export="print"]').click()]);
    await report.waitForLoadState('load');
    await expect.poll(() => report.evaluate(() => document.adoptedStyleSheets.length)).toBe(1);
    await check(report, 'lot report');
  });
});
